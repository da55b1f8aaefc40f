import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCliCaptured } from '../../../support/cli.js';

const run = (args: string[]) => runCliCaptured(['perf', 'ab', ...args]);
const fixture = join(import.meta.dirname, '../../../analysis/perf/parse/fixtures/hyperfine.json');

describe('ai-ci perf ab', () => {
  it('times real commands alternately and flags the slower head (exit 1); --max-rounds = --rounds is fixed', async () => {
    const r = await run([
      '--base',
      'sleep 0.02',
      '--head',
      'sleep 0.12',
      '--format',
      'wall',
      '--rounds',
      '6',
      '--max-rounds',
      '6',
      '--threshold',
      '0.95',
      '--json',
    ]);
    const doc = JSON.parse(r.out);
    expect({ code: r.code, verdict: doc.benchmarks[0].verdict, err: r.err }).toEqual({
      code: 1,
      verdict: 'regression',
      err: '',
    });
    expect(doc.schedule).toHaveLength(14);
    expect(doc.benchmarks[0]).toMatchObject({ name: 'wall time', verdict: 'regression' });
    expect(doc.benchmarks[0].head).toHaveLength(6);
    expect(doc).toMatchObject({ looks: [6], roundsRun: 6, confidence: 0.95, confidencePerLook: 0.95 });
    expect(doc.benchmarks[0]).toMatchObject({ rounds: 6, direction: 'smaller-is-better' });
  }, 30_000);

  it('gives an undecided benchmark more rounds, says so on stderr, and reports the rounds it used', async () => {
    // Each side writes the same result every round (head 20% slower), so nothing depends on this machine's load.
    // 4 rounds per side cannot reach a look's level (0.01 / 2) even so: the rank test's one-sided p of 4 against
    // 4 all apart is 0.0065 with these ties; 8 rounds can.
    const result = (ms: number) => `echo '[{"name":"x","unit":"ms","value":${ms}}]' > {out}`;
    const r = await run([
      '--base',
      result(100),
      '--head',
      result(120),
      '--rounds',
      '4',
      '--max-rounds',
      '8',
      '--warmup',
      '0',
      '--json',
    ]);
    const doc = JSON.parse(r.out);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(
      /^perf ab: look 1\/2 after 4 rounds each \(\d+ s\): 0 decided, 1 undecided \(x\); running both sides to 8 rounds\n$/,
    );
    expect(doc).toMatchObject({ looks: [4, 8], roundsRun: 8, confidence: 0.99, confidencePerLook: 0.995 });
    expect(doc.schedule).toHaveLength(16);
    expect(doc.benchmarks[0]).toMatchObject({ verdict: 'regression', rounds: 8 });
    expect(doc.benchmarks[0].base).toHaveLength(8);
    const text = await run([
      '--base',
      'true',
      '--head',
      'true',
      '--format',
      'wall',
      '--rounds',
      '3',
      '--max-rounds',
      '2',
    ]);
    expect(text.code).toBe(2);
    expect(text.err).toMatch(/--max-rounds 2 is below --rounds 3/);
  }, 30_000);

  it('reads the results each round writes to {out}; the same results on both sides are no regression', async () => {
    const r = await run(['--base', `cp ${fixture} {out}`, '--head', `cat ${fixture}`, '--rounds', '4']);
    expect(r.code).toBe(0);
    expect(r.out).not.toMatch(/regression/);
    expect(r.out.trim().split('\n').length).toBeGreaterThan(0);
  }, 30_000);

  it('names the side and round of a failing command (exit 3)', async () => {
    const r = await run(['--base', 'true', '--head', 'echo broken >&2; exit 4', '--format', 'wall']);
    expect(r.code).toBe(3);
    expect(r.err).toMatch(/--head command failed in round 1 \(exit 4\): broken/);
  }, 30_000);

  it('says which round wrote no results (exit 3) and rejects bad flags (exit 2)', async () => {
    const r = await run(['--base', 'true', '--head', 'true', '--rounds', '2']);
    expect(r.code).toBe(3);
    expect(r.err).toMatch(/round 2: the command wrote no results \(use --format wall/);
    expect((await run(['--base', 'true', '--head', 'true', '--rounds', '1'])).code).toBe(2);
    expect((await run(['--base', 'true'])).code).toBe(2);
  }, 30_000);
});
