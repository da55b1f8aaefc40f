import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AB_PAIRING } from '../../../src/analysis/perf/ab/index.js';
import { runCliCaptured } from '../../support/cli.js';

const run = (args: string[]) => runCliCaptured(['perf', 'ab', ...args]);

/** A command whose round writes the value of a counter file × `scale`: the machine's "load" climbs every round. */
const climbing = (counter: string, scale: number) =>
  `n=$(cat ${counter} 2>/dev/null || echo 100); n=$((n + 7)); echo $n > ${counter}; ` +
  `echo "[{\\"name\\":\\"x\\",\\"unit\\":\\"ms\\",\\"value\\":$((n * ${scale}))}]" > {out}`;

describe('ai-ci perf ab --pairing', () => {
  it('says which pairing decided in --json; adjacent decides on the ratios of rounds run side by side', async () => {
    // Base and head read one counter that climbs 7 per command from 100 (a load growing through the run, +130%
    // over 10 pairs); the head does 105/100 of the base's work. Paired, each ratio is +5% give or take the step
    // between the two rounds of its pair (one of the ten, early on, is below 1); as two samples the climb swamps it.
    const dir = join(tmpdir(), `ai-ci-pairing-${process.pid}-${Date.now()}`);
    const flags = (pairing: string, counter: string) => [
      '--base',
      climbing(counter, 100),
      '--head',
      climbing(counter, 105),
      '--rounds',
      '10',
      '--max-rounds',
      '10',
      '--warmup',
      '0',
      '--pairing',
      pairing,
      '--json',
    ];
    const paired = await run(flags('adjacent', `${dir}-a`)).finally(() =>
      rmSync(`${dir}-a`, { force: true }),
    );
    const docA = JSON.parse(paired.out);
    expect(docA.pairing).toBe('adjacent');
    expect(docA.benchmarks[0]).toMatchObject({ verdict: 'regression', rounds: 10 });
    expect(paired.code).toBe(1);
    const unpaired = await run(flags('none', `${dir}-b`)).finally(() => rmSync(`${dir}-b`, { force: true }));
    const docB = JSON.parse(unpaired.out);
    expect(docB.pairing).toBe('none');
    expect(docB.benchmarks[0].verdict).not.toBe('regression');
    expect(unpaired.code).toBe(0);
  }, 30_000);

  it('defaults to AB_PAIRING and rejects other pairings (exit 2)', async () => {
    const r = await run([
      '--base',
      'true',
      '--head',
      'true',
      '--format',
      'wall',
      '--rounds',
      '3',
      '--max-rounds',
      '3',
      '--json',
    ]);
    expect(JSON.parse(r.out).pairing).toBe(AB_PAIRING);
    const bad = await run(['--base', 'true', '--head', 'true', '--pairing', 'pairs']);
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/--pairing/);
  }, 30_000);
});
