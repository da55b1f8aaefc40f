import { describe, expect, it } from 'vitest';
import {
  exactUpperTail,
  mannWhitneyU,
  rankValues,
} from '../../../../src/analysis/perf/stats/mann-whitney.js';

// Reference values: scipy.stats.mannwhitneyu (scipy 1.10.1, Debian bookworm python3-scipy), default
// use_continuity=True. The first case is the example of scipy's documentation (Conover's male/female ages),
// whose exact p-value 0.1111… = 14/126 can also be counted by hand from the C(9, 4) = 126 rank arrangements.
const MALES = [19, 22, 16, 29, 24];
const FEMALES = [20, 11, 17, 12];
const TIES_X = [1, 2, 2, 3, 4, 4, 4, 5];
const TIES_Y = [3, 4, 5, 5, 6, 6, 7, 8, 9];
const A = [1.83, 0.5, 1.62, 2.48, 1.68, 1.88, 1.55, 3.06, 1.3];
const B = [0.878, 0.647, 0.598, 2.05, 1.06, 1.29, 1.06, 3.14, 1.29];

describe('mannWhitneyU against scipy.stats.mannwhitneyu', () => {
  it.each([
    {
      name: 'docs example, exact',
      x: MALES,
      y: FEMALES,
      opts: {},
      u: 17,
      p: 0.1111111111111111,
      method: 'exact',
    },
    {
      name: 'docs example, asymptotic',
      x: MALES,
      y: FEMALES,
      opts: { method: 'asymptotic' as const },
      u: 17,
      p: 0.11134688653314041,
      method: 'asymptotic',
    },
    {
      name: 'ties, two-sided',
      x: TIES_X,
      y: TIES_Y,
      opts: {},
      u: 8,
      p: 0.007490965982002552,
      method: 'asymptotic',
    },
    {
      name: 'ties, less',
      x: TIES_X,
      y: TIES_Y,
      opts: { alternative: 'less' as const },
      u: 8,
      p: 0.003745482991001276,
      method: 'asymptotic',
    },
    {
      name: 'ties, greater',
      x: TIES_X,
      y: TIES_Y,
      opts: { alternative: 'greater' as const },
      u: 8,
      p: 0.9972095079315804,
      method: 'asymptotic',
    },
    {
      name: 'ties, no continuity correction',
      x: TIES_X,
      y: TIES_Y,
      opts: { continuity: false },
      u: 8,
      p: 0.006472865090831609,
      method: 'asymptotic',
    },
    {
      name: 'n = 9 each, two-sided',
      x: A,
      y: B,
      opts: {},
      u: 58,
      p: 0.13291945818531892,
      method: 'asymptotic',
    },
    {
      name: 'n = 9 each, greater',
      x: A,
      y: B,
      opts: { alternative: 'greater' as const },
      u: 58,
      p: 0.06645972909265946,
      method: 'asymptotic',
    },
    {
      name: 'n = 9 each, less',
      x: A,
      y: B,
      opts: { alternative: 'less' as const },
      u: 58,
      p: 0.9442044002897128,
      method: 'asymptotic',
    },
    {
      name: 'small exact, interleaved',
      x: [1, 5, 9],
      y: [2, 3, 4, 6],
      opts: { method: 'exact' as const },
      u: 7,
      p: 0.8571428571428571,
      method: 'exact',
    },
    {
      name: 'exact, complete separation (p = 1/C(17, 7))',
      x: [10, 11, 12, 13, 14, 15, 16, 17, 18, 19],
      y: [1, 2, 3, 4, 5, 6, 7],
      opts: { alternative: 'greater' as const },
      u: 70,
      p: 5.141916906622789e-5,
      method: 'exact',
    },
  ])('$name', ({ x, y, opts, u, p, method }) => {
    const r = mannWhitneyU(x, y, opts);
    expect(r.u).toBe(u);
    expect(r.method).toBe(method);
    expect(r.p).toBeCloseTo(p, 12);
  });

  it('is symmetric: U of y is n1·n2 − U of x, same two-sided p', () => {
    const a = mannWhitneyU(A, B);
    const b = mannWhitneyU(B, A);
    expect(a.u + b.u).toBe(A.length * B.length);
    expect(b.p).toBeCloseTo(a.p, 14);
    expect(b.z).toBeCloseTo(-a.z, 14);
  });

  it('rejects an empty sample', () => {
    expect(() => mannWhitneyU([], [1, 2])).toThrow(RangeError);
  });

  it('gives p = 1 when every value is the same', () => {
    expect(mannWhitneyU([3, 3, 3], [3, 3, 3, 3]).p).toBe(1);
  });
});

describe('rankValues', () => {
  it('gives average ranks to ties and the tie term Σ(t³ − t)', () => {
    const { ranks, tieTerm } = rankValues([10, 20, 20, 30, 20]);
    expect(Array.from(ranks)).toEqual([1, 3, 3, 5, 3]);
    expect(tieTerm).toBe(24); // one group of three: 27 − 3
  });
});

describe('exactUpperTail', () => {
  it('sums to the whole distribution at U = 0 and is symmetric', () => {
    expect(exactUpperTail(0, 4, 5)).toBeCloseTo(1, 14);
    // P(U ≥ u) + P(U ≥ n1·n2 − u + 1) = 1 by symmetry of the null distribution.
    for (let u = 1; u <= 20; u++)
      expect(exactUpperTail(u, 4, 5) + exactUpperTail(21 - u, 4, 5)).toBeCloseTo(1, 12);
  });
});
