import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCliCaptured } from '../../../support/cli.js';

const run = (args: string[]) => runCliCaptured(['perf', 'ab', ...args]);
const fixture = join(import.meta.dirname, '../../../analysis/perf/parse/fixtures/hyperfine.json');

describe('ai-ci perf ab', () => {
  it('times real commands alternately and flags the slower head (exit 1)', async () => {
    const r = await run([
      '--base',
      'sleep 0.02',
      '--head',
      'sleep 0.12',
      '--format',
      'wall',
      '--rounds',
      '6',
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
