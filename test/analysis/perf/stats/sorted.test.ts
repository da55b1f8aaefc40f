import { describe, expect, it } from 'vitest';
import { hodgesLehmann, hodgesLehmannSorted } from '../../../../src/analysis/perf/stats/hodges-lehmann.js';
import {
  mannWhitneyFromU,
  mannWhitneyU,
  mannWhitneyUSorted,
} from '../../../../src/analysis/perf/stats/mann-whitney.js';
import {
  logMedianStandardError,
  logMedianStandardErrorOfSorted,
} from '../../../../src/analysis/perf/stats/median-interval.js';
import { seededRandom } from '../../../../src/analysis/perf/stats/rng.js';
import { mad, median, robustScale } from '../../../../src/analysis/perf/stats/robust.js';
import {
  madOfSorted,
  medianOfSorted,
  robustScaleOfSorted,
  sortedCopy,
} from '../../../../src/analysis/perf/stats/sorted.js';

/** Right-skewed timings rounded to a coarse resolution, so that ties occur as with real timers. */
function timings(n: number, seed: number, resolution: number): number[] {
  const random = seededRandom(seed);
  return Array.from({ length: n }, () => {
    const v = 100 * (1 + 0.05 * -Math.log(1 - random()));
    return Math.round(v / resolution) * resolution;
  });
}

const CASES = [
  { n: 1, resolution: 1e-9 },
  { n: 2, resolution: 1e-9 },
  { n: 7, resolution: 1e-9 },
  { n: 10, resolution: 1 },
  { n: 101, resolution: 0.5 },
  { n: 1000, resolution: 1e-6 },
  { n: 5000, resolution: 2 },
];

describe('order statistics of a sample sorted once give what robust.ts gives for the unsorted sample', () => {
  it.each(CASES)(
    'median, MAD and robust scale of $n values (resolution $resolution)',
    ({ n, resolution }) => {
      const values = timings(n, n, resolution);
      const sorted = sortedCopy(values);
      expect(Array.from(sorted)).toEqual([...values].sort((a, b) => a - b));
      const m = median(values);
      expect(medianOfSorted(sorted)).toBe(m);
      expect(madOfSorted(sorted, m)).toBe(mad(values, m));
      // Off-centre: the distances run further on one side than on the other.
      const off = m * 1.03;
      expect(madOfSorted(sorted, off)).toBe(mad(values, off));
      expect(madOfSorted(sorted, -1)).toBe(mad(values, -1));
      expect(robustScaleOfSorted(sorted, m)).toBeCloseTo(robustScale(values, m), 12);
    },
  );

  it('falls back to the IQR and then the standard deviation as robustScale does when most values tie', () => {
    const iqrCase = [5, 5, 5, 5, 5, 5, 7, 9, 1, 2];
    const sdCase = [5, 5, 5, 5, 5, 5, 5, 5, 5, 50];
    for (const values of [iqrCase, sdCase]) {
      const m = median(values);
      expect(mad(values, m)).toBe(0);
      expect(robustScaleOfSorted(sortedCopy(values), m)).toBeCloseTo(robustScale(values, m), 12);
      expect(robustScaleOfSorted(sortedCopy(values), m)).toBeGreaterThan(0);
    }
  });

  it.each(CASES.filter((c) => c.n >= 3))(
    'Mann-Whitney, Hodges-Lehmann and the median standard error of $n values',
    ({ n, resolution }) => {
      const x = timings(n, 2 * n, resolution);
      const y = timings(Math.ceil(n * 0.7), 3 * n, resolution).map((v) => v * 1.02);
      const xs = sortedCopy(x);
      const ys = sortedCopy(y);
      for (const alternative of ['two-sided', 'less', 'greater'] as const) {
        const plain = mannWhitneyU(x, y, { alternative });
        expect(mannWhitneyUSorted(xs, ys, { alternative })).toEqual(plain);
        const other = mannWhitneyU(x, y, { alternative: alternative === 'less' ? 'greater' : 'less' });
        expect(
          mannWhitneyFromU({ u1: other.u, tieTerm: other.tieTerm }, n, y.length, { alternative }),
        ).toEqual(plain);
      }
      expect(hodgesLehmannSorted(xs, ys)).toEqual(hodgesLehmann(x, y));
      expect(logMedianStandardErrorOfSorted(xs)).toBe(logMedianStandardError(x));
    },
  );
});
