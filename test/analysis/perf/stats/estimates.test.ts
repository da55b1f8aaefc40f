import { describe, expect, it } from 'vitest';
import { bootstrapRelativeChange } from '../../../../src/analysis/perf/stats/bootstrap.js';
import { normalQuantile, normalSf, studentTSf } from '../../../../src/analysis/perf/stats/distributions.js';
import { hodgesLehmann } from '../../../../src/analysis/perf/stats/hodges-lehmann.js';
import { detectableChange, roundsNeeded } from '../../../../src/analysis/perf/stats/power.js';
import { seededRandom } from '../../../../src/analysis/perf/stats/rng.js';
import { mean, variance } from '../../../../src/analysis/perf/stats/robust.js';
import { studentTTest, welchTTest } from '../../../../src/analysis/perf/stats/t-test.js';

describe('distributions', () => {
  it('match tabulated values (scipy.stats.norm / t, scipy 1.10.1)', () => {
    expect(normalQuantile(0.975)).toBeCloseTo(1.959963984540054, 12);
    expect(normalSf(1.959963984540054)).toBeCloseTo(0.025, 12);
    expect(normalSf(10)).toBeCloseTo(7.61985302416047e-24, 30); // no 1 − cdf cancellation in the tail
    expect(studentTSf(2.5, 7.3)).toBeCloseTo(0.019825117332800207, 10);
  });
});

describe('Hodges-Lehmann shift', () => {
  it('is the median of all pairwise differences', () => {
    // y − x for x = [1, 2, 3], y = [4, 6, 8]: 3 2 1 5 4 3 7 6 5 → sorted median 4.
    expect(hodgesLehmann([1, 2, 3], [4, 6, 8]).shift).toBe(4);
  });

  it('has an interval that holds the shift and ignores an outlier', () => {
    const x = [10, 11, 9, 10, 10.5, 9.5, 10.2, 9.8, 10.1, 9.9];
    const y = x.map((v) => v + 2);
    y[0] = 1000;
    const r = hodgesLehmann(x, y);
    expect(r.shift).toBeCloseTo(2, 1);
    expect(r.low).toBeLessThanOrEqual(r.shift);
    expect(r.high).toBeGreaterThanOrEqual(r.shift);
    expect(r.high).toBeLessThan(3);
  });

  it('thins large samples and stays close to the full estimate', () => {
    const random = seededRandom(3);
    const x = Array.from({ length: 2000 }, () => 100 + random() * 10);
    const y = Array.from({ length: 2000 }, () => 103 + random() * 10);
    expect(hodgesLehmann(x, y).shift).toBeCloseTo(3, 0);
  });
});

describe('bootstrap of the relative change', () => {
  const baseline = [100, 101, 99, 100.5, 99.5, 100.2, 99.8, 100.1, 99.9, 100.3];
  const candidate = baseline.map((v) => v * 1.05);

  it('is reproducible with a seed and changes with another seed', () => {
    const a = bootstrapRelativeChange(baseline, candidate, { seed: 42 });
    const b = bootstrapRelativeChange(baseline, candidate, { seed: 42 });
    const c = bootstrapRelativeChange(baseline, candidate, { seed: 43, resamples: 500 });
    expect(b).toEqual(a);
    expect(c.low === a.low && c.high === a.high).toBe(false);
  });

  it('estimates a 5% change with an interval around it', () => {
    const r = bootstrapRelativeChange(baseline, candidate, { seed: 1 });
    expect(r.estimate).toBeCloseTo(0.05, 10);
    expect(r.low).toBeGreaterThan(0.03);
    expect(r.high).toBeLessThan(0.07);
    expect(r.low).toBeLessThanOrEqual(r.estimate);
    expect(r.high).toBeGreaterThanOrEqual(r.estimate);
  });
});

describe('power', () => {
  it('needs 17 rounds for a 5% change at 5% noise (2·(1.96 + 0.84)²/(3/π) = 16.44)', () => {
    expect(roundsNeeded(0.05, 0.05)).toBe(17);
  });

  it('grows with the square of noise over change', () => {
    expect(roundsNeeded(0.1, 0.05)).toBe(Math.ceil(4 * 16.438744));
    expect(roundsNeeded(0.001, 0.5)).toBe(2);
    expect(roundsNeeded(0.05, 0)).toBe(Number.POSITIVE_INFINITY);
  });

  it('detectableChange inverts roundsNeeded', () => {
    const n = roundsNeeded(0.03, 0.02);
    expect(detectableChange(0.03, n)).toBeLessThanOrEqual(0.02);
    expect(detectableChange(0.03, n - 1)).toBeGreaterThan(0.02);
  });
});

describe('t-tests from summary statistics, against scipy.stats.ttest_ind', () => {
  const x = [1, 2, 3, 4, 5];
  const y = [3, 5, 7, 9, 11, 13];
  it("Welch's t", () => {
    const r = welchTTest(mean(x), variance(x), x.length, mean(y), variance(y), y.length);
    expect(r.t).toBeCloseTo(2.970442628930023, 12); // scipy reports mean(x) − mean(y): −2.9704…
    expect(r.p).toBeCloseTo(0.020890722943256872, 10);
  });
  it("Student's pooled t", () => {
    const r = studentTTest(mean(x), variance(x), x.length, mean(y), variance(y), y.length);
    expect(r.t).toBeCloseTo(2.7695585470349866, 12);
    expect(r.p).toBeCloseTo(0.021769215731347834, 10);
  });
});
