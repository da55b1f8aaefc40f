/**
 * The change-point evaluation's scoring (scripts/perf/changepoints/): the F-measure must agree with TCPDBench's
 * analysis/scripts/metrics.py — the expected values below are that file's doctests (MIT, The Alan Turing
 * Institute) — and the baselines must behave as their definitions say.
 */
import { describe, expect, it } from 'vitest';
import { plainBinarySegmentation } from '../../../../scripts/perf/baselines.js';
import { onFinite, plainPelt } from '../../../../scripts/perf/changepoints/baselines.js';
import { fMeasure, truePositives } from '../../../../scripts/perf/changepoints/metrics.js';
import { noisy } from '../helpers.js';

describe('TCPDBench F-measure', () => {
  it.each([
    { truth: [1, 10, 20, 23], found: [3, 8, 20], tp: [1, 10, 20] },
    { truth: [1, 10, 20, 23], found: [1, 3, 8, 20], tp: [1, 10, 20] },
    { truth: [1, 10, 20, 23], found: [1, 3, 5, 8, 20], tp: [1, 10, 20] },
    { truth: [], found: [1, 2, 3], tp: [] },
    { truth: [1, 2, 3], found: [], tp: [] },
  ])('true positives of $truth against $found', ({ truth, found, tp }) => {
    expect([...truePositives(truth, found)].sort((a, b) => a - b)).toEqual(tp);
  });

  it('matches the doctests of metrics.py', () => {
    expect(fMeasure([[10, 20], [11, 20], [10], [0, 5]], [10, 20]).f).toBe(1);
    expect(fMeasure([[], [10], [50]], [10]).f).toBeCloseTo(0.9090909090909091, 12);
    expect(fMeasure([[], [10], [50]], []).f).toBeCloseTo(0.8, 12);
  });

  it('matches one detection to one true point only, within ±5', () => {
    // Two detections near one true point: one is a false positive.
    const m = fMeasure([[50]], [49, 52]);
    expect(m.precision).toBeCloseTo(2 / 3, 12);
    expect(m.recall).toBe(1);
    expect(fMeasure([[50]], [56]).recall).toBe(0.5);
  });
});

describe('change-point baselines', () => {
  const series = noisy(200, 100, 0.01, 3).map((v, i) => (i >= 100 ? v * 1.1 : v));

  it('PELT (BIC) finds a clear step, and over-segments a trend as binary segmentation does', () => {
    expect(plainPelt(series)).toEqual([100]);
    const trend = noisy(300, 100, 0.005, 1).map((v, i) => v + 0.05 * i);
    expect(plainPelt(trend).length).toBeGreaterThan(8);
    expect(plainBinarySegmentation(trend, 2).length).toBeGreaterThan(8);
  });

  it('maps indices of the finite values back to the input', () => {
    const gappy = [Number.NaN, ...series.slice(0, 50), Number.NaN, Number.NaN, ...series.slice(50)];
    expect(onFinite(gappy, (v) => plainPelt(v))).toEqual([103]);
  });
});
