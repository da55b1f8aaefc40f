/**
 * Same-job A/B with paired rounds (runAb's `pairing`): the k-th round of each side ran next to the other, and
 * `adjacent` decides on their ratios. A fake machine whose load drifts with every command it runs, all from a
 * seed: deterministic, none timed.
 */
import { describe, expect, it } from 'vitest';
import {
  AB_PAIRING,
  AB_PAIRINGS,
  type AbExec,
  type AbPairing,
  runAb,
} from '../../../../src/analysis/perf/ab/index.js';
import { detectRegression } from '../../../../src/analysis/perf/detect.js';
import { seededRandom } from '../../../../src/analysis/perf/stats/rng.js';

/**
 * Each command's result: 100 ms × (1 + change on the head) × the machine's load × log-normal noise; the load is a
 * random walk that moves by `walk` (log units) at every command run, warm-up included.
 */
function drifting(change: number, noise: number, walk: number, seed: number): AbExec {
  const random = seededRandom(seed);
  const gauss = () => {
    const u = 1 - random();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random());
  };
  let load = 0;
  return async (side) => {
    load += walk * gauss();
    const value = 100 * (side === 'head' ? 1 + change : 1) * Math.exp(load + noise * gauss());
    return { wallSeconds: 1, text: JSON.stringify([{ name: 'x', unit: 'ms', value }]) };
  };
}

const run = (exec: AbExec, pairing?: AbPairing, extra = {}) =>
  runAb('b', 'h', exec, { format: 'auto', ...(pairing ? { pairing } : {}), ...extra });

describe('paired rounds in same-job A/B', () => {
  it('offers adjacent and none, and reports the pairing it used', async () => {
    expect(AB_PAIRINGS).toEqual(['adjacent', 'none']);
    const r = await run(drifting(0, 0.01, 0, 1));
    expect(r.pairing).toBe(AB_PAIRING);
    expect((await run(drifting(0, 0.01, 0, 1), 'none')).pairing).toBe('none');
    await expect(run(drifting(0, 0.01, 0, 1), 'pairs' as AbPairing)).rejects.toThrow(
      /pairing must be one of/,
    );
  });

  it('a 5% slowdown on a machine whose load walks 4% per command: paired decides it, in fewer rounds', async () => {
    let pairedRounds = 0;
    let unpairedRounds = 0;
    let pairedRegressions = 0;
    let unpairedRegressions = 0;
    for (let seed = 1; seed <= 20; seed++) {
      const paired = (await run(drifting(0.05, 0.01, 0.04, seed), 'adjacent')).benchmarks[0]!;
      const unpaired = (await run(drifting(0.05, 0.01, 0.04, seed), 'none')).benchmarks[0]!;
      pairedRounds += paired.rounds;
      unpairedRounds += unpaired.rounds;
      if (paired.detection.verdict === 'regression') pairedRegressions++;
      if (unpaired.detection.verdict === 'regression') unpairedRegressions++;
      expect(paired.detection.verdict).not.toBe('improvement');
      expect(paired.detection.evidence.signedRank?.pairs).toBe(paired.rounds);
      expect(unpaired.detection.evidence.signedRank).toBeUndefined();
    }
    // Counted: paired 20 regressions after 290 rounds per side in all (14.5 a run), unpaired 3 after 730 (36.5).
    expect(pairedRegressions).toBe(20);
    expect(pairedRounds).toBeLessThanOrEqual(20 * 15);
    expect(unpairedRegressions).toBeLessThanOrEqual(5);
    expect(unpairedRounds).toBeGreaterThanOrEqual(20 * 35);
  });

  it('pairing none is detect.ts’s unpaired decision, adjacent its paired one, on the same rounds', async () => {
    for (const pairing of AB_PAIRINGS) {
      const r = await run(drifting(0.03, 0.03, 0.01, 5), pairing, { maxRounds: 10 });
      const b = r.benchmarks[0]!;
      const again = detectRegression({ baseline: b.base, candidate: b.head }, b.direction, {
        sameJob: true,
        paired: pairing === 'adjacent',
        confidence: 0.99,
        resamples: 1000,
      });
      expect(b.detection.verdict).toBe(again.verdict);
      expect(b.detection.probabilityRegressed).toBe(again.probabilityRegressed);
      if (pairing === 'adjacent') expect(b.detection.change).toEqual(again.change);
    }
  });

  it('corrects the repeated looks when paired too: without a change, false alarms stay below 1 − confidence', async () => {
    // As adaptive.test.ts for the unpaired decision: 300 unchanged runs under 20% noise and a walking load, at a
    // family-wise 0.9 so that the rate can be counted.
    const runs = 300;
    let regressions = 0;
    for (let seed = 1; seed <= runs; seed++) {
      const r = await run(drifting(0, 0.2, 0.03, 2000 + seed), 'adjacent', { detect: { confidence: 0.9 } });
      if (r.benchmarks[0]!.detection.verdict === 'regression') regressions++;
    }
    expect(regressions / runs).toBeLessThanOrEqual(0.1);
  });
});
