import { describe, expect, it } from 'vitest';
import {
  analyseHistory,
  computeFeatures,
  exceedanceP,
  FEATURE_COUNT,
  FEATURE_INDEX,
  FEATURE_NAMES,
} from '../../../src/analysis/perf/features.js';
import { noisy } from './helpers.js';

const baseline = noisy(20, 100, 0.01, 1);
const slower = noisy(20, 110, 0.01, 2);
const history = noisy(25, 100, 0.01, 3);

describe('computeFeatures', () => {
  it('returns one finite value per feature name', () => {
    const f = computeFeatures({ baseline, candidate: slower, history }, 'smaller-is-better');
    expect(f).toHaveLength(FEATURE_COUNT);
    expect(FEATURE_NAMES).toHaveLength(FEATURE_COUNT);
    expect(new Set(FEATURE_NAMES).size).toBe(FEATURE_COUNT);
    for (const v of f) expect(Number.isFinite(v)).toBe(true);
  });

  it('orients changes so that positive means worse', () => {
    const time = computeFeatures({ baseline, candidate: slower, history }, 'smaller-is-better');
    expect(time[FEATURE_INDEX.rel_change_median]).toBeCloseTo(0.1, 1);
    expect(time[FEATURE_INDEX.mwu_z]).toBeGreaterThan(3);
    expect(time[FEATURE_INDEX.history_z]).toBeGreaterThan(3);
    expect(time[FEATURE_INDEX.cliffs_delta]).toBeCloseTo(1, 5);
    // The same measurements as throughput (bigger is better): 10% slower is ~9% less throughput, still worse.
    const inv = (a: number[]) => a.map((v) => 1 / v);
    const thr = computeFeatures(
      { baseline: inv(baseline), candidate: inv(slower), history: inv(history) },
      'bigger-is-better',
    );
    expect(thr[FEATURE_INDEX.rel_change_median]).toBeCloseTo(1 - 1 / 1.1, 1);
    expect(thr[FEATURE_INDEX.mwu_z]).toBeCloseTo(time[FEATURE_INDEX.mwu_z]!, 4);
    expect(thr[FEATURE_INDEX.cliffs_delta]).toBeCloseTo(1, 5);
    expect(thr[FEATURE_INDEX.history_z]).toBeGreaterThan(3);
  });

  it('leaves history features neutral without history', () => {
    const f = computeFeatures({ baseline, candidate: slower }, 'smaller-is-better');
    expect(f[FEATURE_INDEX.log2_history_len]).toBe(0);
    expect(f[FEATURE_INDEX.history_z]).toBe(0);
    expect(f[FEATURE_INDEX.history_exceedance_p]).toBe(1);
  });

  it('survives one-sample and constant inputs', () => {
    const f = computeFeatures(
      { baseline: [5], candidate: [5, 5, 5], history: [5, 5, 5] },
      'smaller-is-better',
    );
    for (const v of f) expect(Number.isFinite(v)).toBe(true);
    expect(f[FEATURE_INDEX.rel_change_median]).toBe(0);
  });

  it('rejects empty samples', () => {
    expect(() => computeFeatures({ baseline: [], candidate: [1] }, 'smaller-is-better')).toThrow(/baseline/);
    expect(() => computeFeatures({ baseline: [1], candidate: [] }, 'smaller-is-better')).toThrow(/candidate/);
  });
});

describe('analyseHistory', () => {
  it('finds the current regime after a step', () => {
    const h = [...noisy(20, 100, 0.01, 4), ...noisy(15, 120, 0.01, 5)];
    const ctx = analyseHistory(h);
    expect(ctx.regimeStart).toBe(20);
    expect(ctx.regimeMedian).toBeCloseTo(120, -1);
    expect(ctx.lastChangePointRelChange).toBeCloseTo(0.2, 1);
    // Deviations are taken from each run's own regime, so the step itself is not "noise".
    for (const d of ctx.deviations) expect(Math.abs(d)).toBeLessThan(0.05);
  });

  it('exceedanceP is the conformal p-value of a deviation', () => {
    const ctx = analyseHistory([100, 101, 99, 100, 130, 100, 99, 101, 100]);
    // One earlier run (130) strayed 30% up: a new run 20% up is matched by 1 of 9 runs → (1 + 1)/(1 + 9).
    expect(exceedanceP(ctx, 0.2, 1)).toBeCloseTo(0.2, 10);
    expect(exceedanceP(ctx, 0.5, 1)).toBeCloseTo(0.1, 10);
  });
});
