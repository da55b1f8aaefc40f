import { describe, expect, it } from 'vitest';
import {
  ChangePointDetector,
  detectChangePoints,
  MODEL_HISTORY_CHANGEPOINT_OPTIONS,
  resolveChangePointOptions,
} from '../../../../src/analysis/perf/changepoints/detector.js';
import { seededRandom } from '../../../../src/analysis/perf/stats/rng.js';
import { noisy } from '../helpers.js';

const indices = (series: number[], options = {}) => detectChangePoints(series, options).map((c) => c.index);

/** Noise of 1% around 100 with multiplicative steps at the given indices. */
function stepped(length: number, steps: [number, number][], seed: number, rel = 0.01): number[] {
  const values = noisy(length, 100, rel, seed);
  for (const [at, change] of steps) for (let i = at; i < length; i++) values[i]! *= 1 + change;
  return values;
}

/** AR(1) noise x[t] = φ x[t−1] + e[t] around `level`, innovations of sd `sd`. */
function ar1(length: number, phi: number, level: number, sd: number, seed: number): number[] {
  const z = noisy(length, 1, 1, seed).map((v) => v - 1);
  let x = 0;
  return z.map((g) => {
    x = phi * x + sd * g;
    return level + x;
  });
}

describe('change-point detector', () => {
  it.each([
    { name: 'one 10% step', steps: [[60, 0.1]] as [number, number][], length: 120 },
    { name: 'one 5% step near the start', steps: [[12, 0.05]] as [number, number][], length: 100 },
    { name: 'a step down', steps: [[40, -0.2]] as [number, number][], length: 100 },
    {
      name: 'three steps',
      steps: [
        [50, 0.1],
        [100, -0.08],
        [150, 0.3],
      ] as [number, number][],
      length: 200,
    },
  ])('finds $name where it is (±1)', ({ steps, length }) => {
    for (const seed of [1, 2, 3]) {
      const found = indices(stepped(length, steps, seed));
      expect(found).toHaveLength(steps.length);
      found.forEach((f, i) => {
        expect(Math.abs(f - steps[i]![0])).toBeLessThanOrEqual(1);
      });
    }
  });

  it('finds nothing in stationary noise (20 seeds)', () => {
    for (let seed = 1; seed <= 20; seed++) expect(indices(noisy(200, 100, 0.02, seed))).toEqual([]);
  });

  it('does not cut autocorrelated noise into steps (AR(1), φ = 0.7, 10 seeds)', () => {
    let total = 0;
    for (let seed = 1; seed <= 10; seed++) total += indices(ar1(300, 0.7, 100, 1, seed)).length;
    // Plain BIC segmentation finds several per series here; a false step in one series of ten is tolerated.
    expect(total).toBeLessThanOrEqual(1);
  });

  it('does not cut a slow trend into steps, nor a seasonal wave', () => {
    for (const seed of [1, 2, 3]) {
      const base = noisy(300, 100, 0.005, seed);
      // 30 noise units of rise: plain PELT with the BIC penalty cuts it into ~16 steps, constant levels alone
      // into a staircase of about 5; a straight line explains it better than any of those steps.
      const trend = base.map((v, i) => v + 0.05 * i);
      const seasonal = base.map((v, i) => v + 3 * Math.sin((2 * Math.PI * i) / 24));
      expect(indices(trend)).toEqual([]);
      expect(indices(trend, { trendFit: 0 }).length).toBeGreaterThanOrEqual(3);
      expect(indices(seasonal)).toEqual([]);
    }
  });

  it('keeps a clear step on top of a slow trend', () => {
    for (const seed of [1, 2, 3]) {
      const values = noisy(300, 100, 0.005, seed).map((v, i) => v + 0.05 * i + (i >= 150 ? 5 : 0));
      expect(indices(values)).toEqual([150]);
    }
  });

  it('does not cut a slow wander of a long series into steps, yet finds a step in it', () => {
    for (const seed of [1, 2]) {
      // 6,000 points of 1% noise on a wave of ±3% over 1,500 points: blocks of ½√n = 39 points see little
      // of it (a dozen and more steps with that block length alone); longer blocks see it.
      const wander = noisy(6000, 100, 0.01, seed).map((v, i) => v + 3 * Math.sin((2 * Math.PI * i) / 1500));
      expect(indices(wander)).toEqual([]);
      expect(indices(wander, { minBlocks: 0 }).length).toBeGreaterThan(10);
      expect(indices(wander.map((v, i) => v + (i >= 4000 ? 8 : 0)))).toEqual([4000]);
    }
  });

  it('keeps a short clear shift of a few points (a latency incident), reported once with its end', () => {
    for (const seed of [1, 2, 3, 4]) {
      const values = noisy(200, 10, 0.02, seed);
      for (let i = 120; i < 124; i++) values[i]! *= 1.5;
      const found = detectChangePoints(values);
      expect(found.map((c) => [c.index, c.burstEnd])).toEqual([[120, 124]]);
      // The shift reported is the one into the incident.
      expect(found[0]!.relativeChange).toBeCloseTo(0.5, 1);
      // Unmerged, its start and its end are two change points.
      expect(indices(values, { mergeWithin: 0 })).toEqual([120, 124]);
    }
  });

  it('folds a burst of changes a few points apart into one, but not changes further apart', () => {
    const values = noisy(300, 10, 0.01, 11);
    // An overshoot that settles: up 60% for 4 points, then 20% above the old level for good.
    for (let i = 100; i < 300; i++) values[i]! *= i < 104 ? 1.6 : 1.2;
    const found = detectChangePoints(values);
    expect(found.map((c) => [c.index, c.burstEnd])).toEqual([[100, 104]]);
    // Two steps 20 points apart stay two.
    expect(
      indices(
        stepped(
          300,
          [
            [100, 0.2],
            [120, 0.2],
          ],
          12,
        ),
      ),
    ).toEqual([100, 120]);
  });

  it('gives the same change points for a series and for it shifted by a large offset', () => {
    const values = stepped(200, [[80, 0.1]], 13);
    // (No relative floor: 10 on top of 1e9 is a tiny relative change.)
    const o = { minRelativeChange: 0 };
    expect(indices(values, o)).toEqual([80]);
    expect(
      indices(
        values.map((v) => v + 1e9),
        o,
      ),
    ).toEqual([80]);
  });

  it('is not fooled by isolated outliers', () => {
    const values = noisy(150, 100, 0.01, 9);
    for (const i of [20, 21, 70, 120]) values[i]! *= 3;
    expect(indices(values)).toEqual([]);
  });

  it('skips missing values and reports indices of the input', () => {
    const values = stepped(120, [[60, 0.1]], 3);
    const withGaps = [...values.slice(0, 30), Number.NaN, Number.NaN, ...values.slice(30)];
    expect(indices(withGaps)).toEqual([62]);
    // A gap right before the new regime: the change point is the first point after it.
    const gapAtStep = [...values.slice(0, 60), Number.NaN, ...values.slice(60)];
    expect(indices(gapAtStep)).toEqual([61]);
    expect(indices(Array(40).fill(Number.NaN))).toEqual([]);
  });

  it('requires a minimum relative change', () => {
    // 0.3% step in 0.05% noise: clear, but below the 0.5% minimum relative change.
    const values = stepped(200, [[100, 0.003]], 4, 0.0005);
    expect(indices(values)).toEqual([]);
    expect(indices(values, { minRelativeChange: 0.001 })).toEqual([100]);
  });

  it('respects the minimum segment size', () => {
    const values = [...noisy(30, 1, 0.01, 5), 2, 2, 2];
    expect(indices(values)).toEqual([30]);
    for (const i of indices(values, { minSegment: 5 })) expect(values.length - i).toBeGreaterThanOrEqual(5);
  });

  it('a higher penalty finds fewer change points', () => {
    const values = stepped(
      300,
      [
        [60, 0.02],
        [150, 0.2],
        [220, -0.03],
      ],
      8,
    );
    const low = indices(values, { penalty: 1 });
    const high = indices(values, { penalty: 30 });
    expect(high.length).toBeLessThan(low.length);
    expect(high).toContain(150);
  });

  it('returns nothing for series too short or constant', () => {
    expect(indices([1, 2, 3])).toEqual([]);
    expect(indices(Array(50).fill(7))).toEqual([]);
  });

  it('reports the shift and p-value of each change point', () => {
    const [c] = detectChangePoints(stepped(100, [[50, 0.2]], 5));
    expect(c!.index).toBe(50);
    expect(c!.relativeChange).toBeCloseTo(0.2, 1);
    expect(c!.after).toBeGreaterThan(c!.before);
    expect(c!.pValue).toBeLessThan(0.001);
  });

  it('measures persistence: ~0 for independent noise, high for AR(1) φ = 0.8 and for a trend', () => {
    const detector = new ChangePointDetector();
    expect(detector.noise(noisy(2000, 100, 0.01, 1)).persistence).toBeLessThan(0.15);
    expect(detector.noise(ar1(2000, 0.8, 100, 1, 2)).persistence).toBeGreaterThan(0.5);
    const random = seededRandom(3);
    expect(detector.noise(Array.from({ length: 500 }, (_, i) => i + 0.1 * random())).persistence).toBe(0.8);
  });

  it('a reused detector gives the same answers as fresh ones, whatever it saw before', () => {
    const detector = new ChangePointDetector();
    const long = stepped(300, [[150, 0.1]], 6);
    const short = stepped(40, [[20, 0.3]], 7);
    detector.detect(long);
    expect(detector.detectIndices(short)).toEqual(indices(short));
    expect(detector.detectIndices(long)).toEqual(indices(long));
  });

  it('keeps the earlier behaviour with the options the perf model was trained with', () => {
    const values = noisy(200, 10, 0.02, 1);
    for (let i = 120; i < 124; i++) values[i]! *= 1.5;
    expect(indices(values, MODEL_HISTORY_CHANGEPOINT_OPTIONS)).toEqual([120, 124]);
    const trend = noisy(300, 100, 0.005, 1).map((v, i) => v + 0.05 * i);
    expect(indices(trend, MODEL_HISTORY_CHANGEPOINT_OPTIONS).length).toBeGreaterThanOrEqual(3);
  });

  it('validates its options', () => {
    expect(() => resolveChangePointOptions({ penalty: 0 })).toThrow(/penalty/);
    expect(() => resolveChangePointOptions({ minSegment: 0 })).toThrow(/minSegment/);
    expect(() => resolveChangePointOptions({ maxPersistence: 1 })).toThrow(/maxPersistence/);
    expect(() => resolveChangePointOptions({ minBlocks: -1 })).toThrow(/minBlocks/);
    expect(() => resolveChangePointOptions({ trendFit: -0.1 })).toThrow(/trendFit/);
    expect(() => resolveChangePointOptions({ mergeWithin: 1.5 })).toThrow(/mergeWithin/);
    expect(resolveChangePointOptions({}).minSegment).toBe(3);
  });
});
