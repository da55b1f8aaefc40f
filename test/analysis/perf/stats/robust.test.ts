import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../../../src/analysis/perf/stats/rng.js';
import {
  iqr,
  MAD_TO_SD,
  mad,
  median,
  medianInPlace,
  quantile,
  robustScale,
  robustSummary,
  variance,
} from '../../../../src/analysis/perf/stats/robust.js';

describe('robust location and scale', () => {
  it.each([
    { values: [3, 1, 2], median: 2 },
    { values: [4, 1, 3, 2], median: 2.5 },
    { values: [5], median: 5 },
    { values: [2, 2, 2, 9], median: 2 },
    { values: [9, 8, 7, 6, 5, 4, 3, 2, 1, 0], median: 4.5 },
  ])('median of $values is $median', ({ values, median: expected }) => {
    expect(median(values)).toBe(expected);
  });

  it('median of nothing is NaN', () => {
    expect(median([])).toBeNaN();
  });

  it('medianInPlace works on a sub-range and matches sorting on many random arrays', () => {
    const next = seededRandom(7);
    for (let t = 0; t < 200; t++) {
      const n = 1 + Math.floor(next() * 40);
      const values = Array.from({ length: n }, () => Math.floor(next() * 10)); // many ties
      const sorted = [...values].sort((a, b) => a - b);
      const expected = n % 2 ? sorted[(n - 1) / 2]! : (sorted[n / 2 - 1]! + sorted[n / 2]!) / 2;
      const buf = new Float64Array([99, ...values, -99]);
      expect(medianInPlace(buf, 1, n + 1)).toBe(expected);
    }
  });

  it('MAD is scaled to the standard deviation and ignores an outlier', () => {
    // |x − 3| = 2, 1, 0, 1, 97 → median 1.
    expect(mad([1, 2, 3, 4, 100])).toBeCloseTo(MAD_TO_SD, 12);
    expect(MAD_TO_SD).toBeCloseTo(1 / 0.6744897501960817, 12); // 1 / Φ⁻¹(3/4)
  });

  it('quantiles interpolate like numpy (type 7)', () => {
    // numpy.quantile([1, 2, 3, 4], [0.25, 0.5, 0.9]) = [1.75, 2.5, 3.7]
    expect(quantile([4, 1, 3, 2], 0.25)).toBeCloseTo(1.75, 12);
    expect(quantile([4, 1, 3, 2], 0.5)).toBeCloseTo(2.5, 12);
    expect(quantile([4, 1, 3, 2], 0.9)).toBeCloseTo(3.7, 12);
    expect(iqr([1, 2, 3, 4])).toBeCloseTo(1.5, 12);
  });

  it('sample variance uses n − 1', () => {
    expect(variance([1, 2, 3, 4])).toBeCloseTo(5 / 3, 12);
    expect(variance([1])).toBe(0);
  });

  it('robustScale falls back to the IQR, then the standard deviation, when the MAD is 0', () => {
    // More than half tie: MAD = 0, IQR of [1,1,1,1,1,2,5] = 1.5 − 1 = 0.5.
    expect(robustScale([1, 1, 1, 1, 1, 2, 5])).toBeCloseTo(0.5 / 1.349, 12);
    // Quartiles tie too: only the standard deviation is left.
    expect(robustScale([1, 1, 1, 1, 1, 1, 1, 1, 1, 10])).toBeCloseTo(
      Math.sqrt(variance([1, 1, 1, 1, 1, 1, 1, 1, 1, 10])),
      12,
    );
    expect(robustScale([2, 2, 2])).toBe(0);
  });

  it('robustSummary gives the relative scale', () => {
    const s = robustSummary([10, 11, 9, 10, 10.5, 9.5]);
    expect(s.median).toBe(10);
    expect(s.relativeScale).toBeCloseTo(s.scale / 10, 12);
    expect(s.n).toBe(6);
  });
});
