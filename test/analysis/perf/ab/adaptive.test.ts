/**
 * Adaptive (sequential) rounds of same-job A/B: more rounds for the undecided benchmarks, looks corrected for
 * the false-alarm rate. A fake machine writes github-action-benchmark's custom JSON for several benchmarks, each
 * round's value its true time × (1 + the side's change) × log-normal noise, all from a seed: every test is
 * deterministic, none timed.
 */
import { describe, expect, it } from 'vitest';
import {
  AB_CONFIDENCE,
  AB_MAX_ROUNDS,
  type AbExec,
  type AbOptions,
  type AbProgress,
  abLooks,
  abSchedule,
  runAb,
} from '../../../../src/analysis/perf/ab/index.js';
import { detectRegression } from '../../../../src/analysis/perf/detect.js';
import { seededRandom } from '../../../../src/analysis/perf/stats/rng.js';

interface FakeBenchmark {
  name: string;
  /** Relative change of the head (0.05 = 5% slower). */
  change: number;
  /** Relative noise of one round (log-normal σ). */
  noise: number;
  /** Rounds (1-based, per side, warm-up included) in which the benchmark is missing from the results. */
  missingFrom?: number;
}

/** A fake machine running base and head; `calls` lists what ran, `failAt` makes one side's round write nothing. */
function fakeMachine(
  benchmarks: FakeBenchmark[],
  seed: number,
  failAt?: { side: 'base' | 'head'; round: number },
): { exec: AbExec; calls: string[] } {
  const random = seededRandom(seed);
  const gauss = () => {
    const u = 1 - random();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random());
  };
  const calls: string[] = [];
  const exec: AbExec = async (side, _command, round) => {
    calls.push(side);
    if (failAt && failAt.side === side && failAt.round === round) return { wallSeconds: 1, text: '' };
    const results = benchmarks
      .filter((b) => b.missingFrom === undefined || round + 1 < b.missingFrom)
      .map((b) => ({
        name: b.name,
        unit: 'ms',
        value: 100 * (side === 'head' ? 1 + b.change : 1) * Math.exp(b.noise * gauss()),
      }));
    return { wallSeconds: 1, text: JSON.stringify(results) };
  };
  return { exec, calls };
}

const seeds = (n: number) => Array.from({ length: n }, (_, i) => i + 1);

describe('adaptive rounds of same-job A/B', () => {
  it.each([
    [10, 40, [10, 20, 40]],
    [10, 30, [10, 20, 30]],
    [10, 10, [10]],
    [6, 40, [6, 12, 24, 40]],
    [3, 5, [3, 5]],
  ])('plans the looks: first %i rounds, at most %i → %j', (rounds, max, looks) => {
    expect(abLooks(rounds, max)).toEqual(looks);
  });

  it('defaults: 10 rounds first, at most 40, family-wise confidence 0.99 split over the three looks', async () => {
    expect(AB_MAX_ROUNDS).toBe(40);
    expect(AB_CONFIDENCE).toBe(0.99);
    const { exec } = fakeMachine([{ name: 'x', change: 0, noise: 0.01 }], 1);
    const r = await runAb('b', 'h', exec, { format: 'auto' });
    expect(r.looks).toEqual([10, 20, 40]);
    expect(r.confidence).toBe(0.99);
    expect(r.confidencePerLook).toBeCloseTo(1 - 0.01 / 3, 12);
    // The interval reported is the look's (corrected) one.
    expect(r.benchmarks[0]!.detection.change.confidence).toBeCloseTo(1 - 0.01 / 3, 12);
  });

  // Expected outcomes per row over 20 seeds, bounds from the design rather than from these seeds: with the
  // rank test's efficiency (stats/power.ts) and a look's one-sided level 0.01/3 (z = 2.71), a change δ under
  // one round's noise σ is detected with n rounds per side with probability about Φ(δ/σ·√(0.955·n/2) − 2.71):
  // for δ = σ = 5% that is 0.30 at the first look (10 rounds) and 0.95 at the last (40). An unchanged benchmark
  // under 1% noise has a first-look interval of about ±1.6%, well inside ±5%.
  it.each([
    {
      what: 'unchanged, 1% noise: stops at the first look, no change',
      bench: { change: 0, noise: 0.01 },
      verdicts: { 'no-change': 20 },
      firstLook: 20,
    },
    {
      what: 'unchanged, 3% noise: no change, sometimes after more rounds; never a false alarm',
      bench: { change: 0, noise: 0.03 },
      minNoChange: 18,
    },
    {
      what: '+5% under 5% noise: mostly undecided at 10 rounds, then a regression with more rounds',
      bench: { change: 0.05, noise: 0.05 },
      allowed: ['regression', 'inconclusive'],
      minRegressions: 17,
      maxFirstLook: 10,
    },
    {
      what: '−5% under 5% noise: an improvement with more rounds',
      bench: { change: -0.05, noise: 0.05 },
      allowed: ['improvement', 'inconclusive'],
      minImprovements: 17,
      maxFirstLook: 10,
    },
    {
      what: '+20% under 2% noise: a regression at the first look',
      bench: { change: 0.2, noise: 0.02 },
      verdicts: { regression: 20 },
      firstLook: 20,
    },
  ])('$what (20 seeds)', async (row) => {
    const verdicts: Record<string, number> = {};
    let firstLook = 0;
    for (const seed of seeds(20)) {
      const { exec, calls } = fakeMachine([{ name: 'x', ...row.bench }], seed);
      const r = await runAb('b', 'h', exec, { format: 'auto' });
      const b = r.benchmarks[0]!;
      verdicts[b.detection.verdict] = (verdicts[b.detection.verdict] ?? 0) + 1;
      if (b.rounds === 10) firstLook++;
      // A run goes on exactly as long as its benchmark is undecided, and runs whole pairs of both commands.
      expect(calls).toHaveLength(2 * (1 + b.rounds));
      expect(b.base).toHaveLength(b.rounds);
      expect(b.head).toHaveLength(b.rounds);
      expect(r.roundsRun).toBe(b.rounds);
      expect(r.looks).toContain(b.rounds);
    }
    if (row.bench.change === 0) expect(verdicts.regression).toBeUndefined();
    if (row.verdicts) expect(verdicts).toEqual(row.verdicts);
    if (row.minNoChange !== undefined)
      expect(verdicts['no-change'] ?? 0).toBeGreaterThanOrEqual(row.minNoChange);
    if (row.allowed) expect(Object.keys(verdicts).filter((v) => !row.allowed.includes(v))).toEqual([]);
    if (row.firstLook !== undefined) expect(firstLook).toBe(row.firstLook);
    if (row.maxFirstLook !== undefined) expect(firstLook).toBeLessThanOrEqual(row.maxFirstLook);
    if (row.minRegressions !== undefined)
      expect(verdicts.regression ?? 0).toBeGreaterThanOrEqual(row.minRegressions);
    if (row.minImprovements !== undefined)
      expect(verdicts.improvement ?? 0).toBeGreaterThanOrEqual(row.minImprovements);
  });

  it('a decided benchmark keeps its verdict and rounds while an undecided one gets more', async () => {
    const { exec } = fakeMachine(
      [
        { name: 'steady', change: 0, noise: 0.01 },
        { name: 'shifted', change: 0.05, noise: 0.06 },
      ],
      3,
    );
    const events: AbProgress[] = [];
    const r = await runAb('b', 'h', exec, { format: 'auto', onProgress: (e) => events.push(e) });
    const [steady, shifted] = r.benchmarks;
    expect(steady).toMatchObject({ name: 'steady', rounds: 10, detection: { verdict: 'no-change' } });
    expect(steady!.base).toHaveLength(10);
    expect(shifted!.name).toBe('shifted');
    expect(shifted!.rounds).toBeGreaterThan(10);
    expect(shifted!.detection.verdict).toBe('regression');
    const looks = events.filter((e) => e.kind === 'look');
    expect(looks[0]).toMatchObject({
      look: 1,
      looks: 3,
      rounds: 10,
      decided: 1,
      undecided: ['shifted'],
      next: 20,
    });
    expect(looks.at(-1)).toMatchObject({ rounds: shifted!.rounds, decided: 2, undecided: [] });
    expect(looks.at(-1)).not.toHaveProperty('next');
    expect(events.filter((e) => e.kind === 'round')).toHaveLength(r.schedule.length);
  });

  it('never runs more than maxRounds: a benchmark too noisy to decide stays inconclusive there', async () => {
    for (const [maxRounds, looks] of [
      [40, [10, 20, 40]],
      [30, [10, 20, 30]],
      [10, [10]],
    ] as const) {
      const { exec, calls } = fakeMachine([{ name: 'x', change: 0, noise: 0.3 }], 2);
      const r = await runAb('b', 'h', exec, { format: 'auto', maxRounds, order: 'random', seed: 4 });
      expect(r.looks).toEqual(looks);
      expect(calls).toHaveLength(2 * (1 + maxRounds));
      expect(r.schedule).toEqual(abSchedule(maxRounds, 1, 'random', 4));
      expect(r.roundsRun).toBe(maxRounds);
      expect(r.benchmarks[0]).toMatchObject({ rounds: maxRounds, detection: { verdict: 'inconclusive' } });
    }
  });

  it('maxRounds = rounds is one fixed look at the confidence asked, the decision detect.ts makes', async () => {
    const options: AbOptions = { format: 'auto', rounds: 10, maxRounds: 10, detect: { confidence: 0.95 } };
    for (const seed of seeds(5)) {
      const { exec } = fakeMachine([{ name: 'x', change: 0.03, noise: 0.03 }], seed);
      const r = await runAb('b', 'h', exec, options);
      expect(r.confidencePerLook).toBe(0.95);
      const b = r.benchmarks[0]!;
      const fixed = detectRegression({ baseline: b.base, candidate: b.head }, b.direction, {
        sameJob: true,
        confidence: 0.95,
      });
      expect(b.detection.verdict).toBe(fixed.verdict);
      expect(b.detection.probabilityRegressed).toBe(fixed.probabilityRegressed);
    }
  });

  it('corrects the repeated looks: without a change, false alarms stay below 1 − confidence', async () => {
    // 300 unchanged runs too noisy (20%) to be ruled out within ±5%, so each goes through all three looks; at a
    // family-wise confidence of 0.9 so that the rates are large enough to count. Under the normal approximation
    // three uncorrected looks at 0.9 (10, 20, 40 rounds) raise an alarm 19.7% of the time, Bonferroni's 7.4%.
    const runs = 300;
    const confidence = 0.9;
    let corrected = 0;
    let uncorrected = 0;
    for (const seed of seeds(runs)) {
      const { exec } = fakeMachine([{ name: 'x', change: 0, noise: 0.2 }], 1000 + seed);
      const r = await runAb('b', 'h', exec, { format: 'auto', detect: { confidence, resamples: 100 } });
      expect(r.confidencePerLook).toBeCloseTo(1 - 0.1 / 3, 12);
      const b = r.benchmarks[0]!;
      if (b.detection.verdict === 'regression') {
        // An uncorrected look would have called it too, at this look or earlier.
        corrected++;
        uncorrected++;
        continue;
      }
      if (b.detection.verdict === 'inconclusive') expect(b.rounds).toBe(40);
      // The same rounds looked at up to three times (an improvement stopped earlier), each at the family's level.
      const naive = r.looks.some(
        (n) =>
          n <= b.rounds &&
          detectRegression({ baseline: b.base.slice(0, n), candidate: b.head.slice(0, n) }, b.direction, {
            sameJob: true,
            confidence,
            resamples: 100,
          }).verdict === 'regression',
      );
      if (naive) uncorrected++;
    }
    expect(corrected / runs).toBeLessThanOrEqual(1 - confidence);
    expect(uncorrected / runs).toBeGreaterThan(1 - confidence);
  });

  it('names the round of a later look that wrote no results', async () => {
    // Warm-up is round 1, so head's 16th run is its 15th measured round, in the second batch.
    const { exec } = fakeMachine([{ name: 'x', change: 0.05, noise: 0.06 }], 5, { side: 'head', round: 15 });
    await expect(runAb('b', 'h', exec, { format: 'auto' })).rejects.toThrow(
      /^head round 16: the command wrote no results/,
    );
  });

  it('a benchmark missing from later rounds is named and not decided; the others are', async () => {
    const { exec } = fakeMachine(
      [
        { name: 'shifted', change: 0.05, noise: 0.06 },
        { name: 'vanishing', change: 0.05, noise: 0.06, missingFrom: 15 },
      ],
      3,
    );
    const r = await runAb('b', 'h', exec, { format: 'auto' });
    expect(r.benchmarks.map((b) => b.name)).toEqual(['shifted']);
    expect(r.warnings).toEqual(['vanishing: in 13 base and 13 head rounds of 20; not decided']);
  });

  it('validates maxRounds against rounds', async () => {
    const { exec } = fakeMachine([{ name: 'x', change: 0, noise: 0.01 }], 1);
    await expect(runAb('b', 'h', exec, { rounds: 10, maxRounds: 9 })).rejects.toThrow(/maxRounds/);
    await expect(runAb('b', 'h', exec, { maxRounds: 12.5 })).rejects.toThrow(/maxRounds/);
    // Without maxRounds, a first look above the default maximum is a fixed run.
    const r = await runAb('b', 'h', exec, { format: 'auto', rounds: 50 });
    expect(r.looks).toEqual([50]);
  });
});
