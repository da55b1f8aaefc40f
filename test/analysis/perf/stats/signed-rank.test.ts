import { describe, expect, it } from 'vitest';
import {
  signedRankCdf,
  signedRankPmf,
  walshCut,
  walshInterval,
  wilcoxonSignedRank,
} from '../../../../src/analysis/perf/stats/signed-rank.js';

// Reference values: scipy.stats.wilcoxon (scipy 1.10.1, Debian bookworm python3-scipy), zero_method 'wilcox'.
// DARWIN is the example of scipy's documentation (Darwin's paired Zea mays heights); DEPRESSION is Hollander &
// Wolfe's Hamilton depression scale example (R's ?wilcox.test: V = 40, p-value = 0.01953 = 10/512, one-sided).
const DARWIN = [6, 8, 14, 16, 23, 24, 28, 29, 41, -48, 49, 56, 60, -67, 75];
const X = [1.83, 0.5, 1.62, 2.48, 1.68, 1.88, 1.55, 3.06, 1.3];
const Y = [0.878, 0.647, 0.598, 2.05, 1.06, 1.29, 1.06, 3.14, 1.29];
const DEPRESSION = X.map((x, i) => x - Y[i]!);
/** Ties among the sizes (|−3| = 3, 4 three times, |−1| = 1) and one zero (dropped). */
const TIES = [1, 2, 2, -3, 3, 4, 4, 4, 5, -1, 6, 0, 7];
/** 60 normal values (numpy default_rng(1), mean 0.3), rounded to 4 places as scipy was given them. */
const BIG = [
  0.6456, 1.1216, 0.6304, -1.0032, 1.2054, 0.7464, -0.237, 0.8811, 0.6646, 0.5941, 0.3284, 0.8467, -0.4365,
  0.1371, -0.1821, 0.8988, 0.3397, 0.0075, -0.4819, 0.0428, 0.3081, 0.0244, 1.5941, 1.3067, -2.4112, -1.589,
  0.1252, -0.1222, 0.5136, 0.5173, 2.4178, -0.812, -0.0776, 2.3428, 0.9467, 0.9631, -0.214, -1.3481, 0.4675,
  0.409, -0.9274, -0.3832, 0.228, -0.6448, 0.2017, 0.3955, 0.3356, -0.2063, 0.8937, 1.1912, 0.6208, -0.5182,
  1.0317, -0.2014, 1.1792, -0.7718, 1.2145, 0.2799, -0.9487, -0.0139,
];

describe('wilcoxonSignedRank against scipy.stats.wilcoxon', () => {
  it.each([
    {
      name: 'Darwin, exact, two-sided',
      d: DARWIN,
      alt: 'two-sided',
      wPlus: 96,
      p: 0.041259765625,
      method: 'exact',
    },
    {
      name: 'Darwin, exact, greater',
      d: DARWIN,
      alt: 'greater',
      wPlus: 96,
      p: 0.0206298828125,
      method: 'exact',
    },
    { name: 'Darwin, exact, less', d: DARWIN, alt: 'less', wPlus: 96, p: 0.982330322265625, method: 'exact' },
    {
      name: 'depression, exact, greater',
      d: DEPRESSION,
      alt: 'greater',
      wPlus: 40,
      p: 0.01953125,
      method: 'exact',
    },
    {
      name: 'depression, exact, two-sided',
      d: DEPRESSION,
      alt: 'two-sided',
      wPlus: 40,
      p: 0.0390625,
      method: 'exact',
    },
    {
      name: 'depression, exact, less',
      d: DEPRESSION,
      alt: 'less',
      wPlus: 40,
      p: 0.986328125,
      method: 'exact',
    },
    {
      name: 'depression, normal, continuity',
      d: DEPRESSION,
      alt: 'greater',
      opts: { method: 'asymptotic' as const },
      wPlus: 40,
      p: 0.022005492006475714,
      method: 'asymptotic',
    },
    {
      name: 'depression, normal, no continuity',
      d: DEPRESSION,
      alt: 'two-sided',
      opts: { method: 'asymptotic' as const, continuity: false },
      wPlus: 40,
      p: 0.038151710173415135,
      method: 'asymptotic',
    },
    {
      name: 'ties and a zero, greater',
      d: TIES,
      alt: 'greater',
      wPlus: 71,
      p: 0.006610814250748408,
      method: 'asymptotic',
    },
    {
      name: 'ties and a zero, two-sided, no continuity',
      d: TIES,
      alt: 'two-sided',
      opts: { continuity: false },
      wPlus: 71,
      p: 0.011833450653831368,
      method: 'asymptotic',
    },
    {
      name: 'ties and a zero, less',
      d: TIES,
      alt: 'less',
      wPlus: 71,
      p: 0.9947119520783779,
      method: 'asymptotic',
    },
    {
      name: '60 values, normal, greater',
      d: BIG,
      alt: 'greater',
      wPlus: 1245,
      p: 0.0076405378353745085,
      method: 'asymptotic',
    },
    {
      name: '60 values, normal, two-sided',
      d: BIG,
      alt: 'two-sided',
      wPlus: 1245,
      p: 0.015281075670749017,
      method: 'asymptotic',
    },
  ] as const)('$name', (row) => {
    const r = wilcoxonSignedRank(row.d, { alternative: row.alt, ...('opts' in row ? row.opts : {}) });
    expect(r.wPlus).toBe(row.wPlus);
    expect(r.method).toBe(row.method);
    expect(r.p).toBeCloseTo(row.p, 12);
  });

  it('drops zeros and counts them; all zeros is no evidence', () => {
    expect(wilcoxonSignedRank(TIES)).toMatchObject({ n: 12, zeros: 1 });
    expect(wilcoxonSignedRank([0, 0, 0], { alternative: 'greater' })).toMatchObject({ n: 0, zeros: 3, p: 1 });
    expect(() => wilcoxonSignedRank([1, Number.NaN])).toThrow(/NaN/);
  });
});

/** P(W+ = s) for n differences by enumerating the 2^n sign patterns: independent of the recursion it checks. */
function enumeratedPmf(n: number): number[] {
  const max = (n * (n + 1)) / 2;
  const counts = new Array<number>(max + 1).fill(0);
  for (let mask = 0; mask < 2 ** n; mask++) {
    let s = 0;
    for (let r = 1; r <= n; r++) if (mask & (1 << (r - 1))) s += r;
    counts[s]!++;
  }
  return counts.map((c) => c / 2 ** n);
}

describe('exact null distribution of W+', () => {
  it('equals the enumeration of all sign patterns for n = 1 … 14', () => {
    for (let n = 1; n <= 14; n++) {
      const pmf = signedRankPmf(n);
      const expected = enumeratedPmf(n);
      expect(Array.from(pmf)).toEqual(expected);
    }
  });

  // Small-sample tail probabilities as whole counts of the 2^n sign patterns (the critical values of the usual
  // tables: n = 10 at one-sided 0.05, 0.025, 0.01, 0.005 is W+ ≤ 10, 8, 5, 3).
  it.each([
    [5, 0, 1 / 32],
    [5, 2, 3 / 32],
    [8, 0, 1 / 256],
    [10, 0, 1 / 1024],
    [10, 2, 3 / 1024],
    [10, 3, 5 / 1024],
    [10, 5, 10 / 1024],
    [10, 8, 25 / 1024],
    [10, 10, 43 / 1024],
    [20, 210, 1],
  ])('n = %i: P(W+ ≤ %i) = %f', (n, w, p) => {
    expect(signedRankCdf(w, n)).toBeCloseTo(p, 15);
  });

  it('is symmetric and sums to one, also at n = 50', () => {
    const pmf = signedRankPmf(50);
    expect(pmf.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
    for (let s = 0; s < pmf.length; s++) expect(pmf[s]).toBe(pmf[pmf.length - 1 - s]);
  });

  it('ten positive differences give the smallest one-sided p of ten pairs, 1/1024 — below a look of 0.01/3', () => {
    const d = Array.from({ length: 10 }, (_, i) => 0.01 * (i + 1));
    expect(wilcoxonSignedRank(d, { alternative: 'greater' }).p).toBe(1 / 1024);
    // The smallest difference negative: 2/1024; the second smallest: 3/1024; both below 0.0033, the third not.
    d[0] = -d[0]!;
    expect(wilcoxonSignedRank(d, { alternative: 'greater' }).p).toBe(2 / 1024);
    d[0] = -d[0]!;
    d[2] = -d[2]!;
    expect(wilcoxonSignedRank(d, { alternative: 'greater' }).p).toBe(5 / 1024);
  });
});

describe('Hodges-Lehmann interval of the Walsh averages', () => {
  it.each([
    // n, confidence, cut: the table's critical values (n = 10 two-sided 0.05: 8; 0.01: 3) and the looks of perf ab.
    [10, 0.95, 8],
    [10, 0.99, 3],
    [10, 1 - 0.01 / 3, 0],
    [9, 1 - 0.01 / 3, -1],
    [8, 0.99, 0],
    [20, 0.95, 52],
  ])('n = %i at %f cuts %i Walsh averages off each end', (n, confidence, cut) => {
    expect(walshCut(n, confidence)).toBe(cut);
  });

  it('estimates the median of the Walsh averages', () => {
    // Walsh averages of 1, 2, 3: 1, 1.5, 2, 2, 2.5, 3.
    expect(walshInterval([3, 1, 2], 0.5).estimate).toBe(2);
    expect(walshInterval([0.1, 0.1, 0.1, 0.1], 0.8).estimate).toBeCloseTo(0.1, 15);
  });

  it('is the set of shifts the two-sided exact test keeps (test inversion)', () => {
    for (const [confidence, d] of [
      [0.95, DEPRESSION],
      [0.9, DARWIN],
      [0.99, BIG.slice(0, 30)],
    ] as const) {
      const iv = walshInterval(d, confidence);
      const alpha = 1 - confidence;
      const p = (theta: number) =>
        wilcoxonSignedRank(
          d.map((v) => v - theta),
          { method: 'exact' },
        ).p;
      const eps = 1e-7;
      expect(p(iv.low + eps)).toBeGreaterThan(alpha);
      expect(p(iv.high - eps)).toBeGreaterThan(alpha);
      expect(p(iv.low - eps)).toBeLessThanOrEqual(alpha);
      expect(p(iv.high + eps)).toBeLessThanOrEqual(alpha);
      expect(iv.low).toBeLessThan(iv.estimate);
      expect(iv.high).toBeGreaterThan(iv.estimate);
    }
  });

  it('is unbounded when too few pairs can rule nothing out at the confidence asked', () => {
    const iv = walshInterval([0.01, 0.02, 0.03, 0.04, 0.05, 0.06, 0.07, 0.08], 1 - 0.01 / 3);
    expect(iv).toMatchObject({ low: -Infinity, high: Infinity, cut: -1 });
    expect(iv.estimate).toBeCloseTo(0.045, 12);
  });

  it('thins many differences and keeps the interval where the full one would be', () => {
    // 3,000 differences spread evenly over [−1, 1] + 0.2: the estimate is 0.2 and the 95% interval about
    // ±1.96 · σ/√n, σ = 1/√3 (for uniform values the estimate is as efficient as the mean).
    const n = 3000;
    const d = Array.from({ length: n }, (_, i) => -1 + (2 * (i + 0.5)) / n + 0.2);
    const iv = walshInterval(d, 0.95);
    expect(iv.estimate).toBeCloseTo(0.2, 3);
    const half = 1.96 / Math.sqrt(3) / Math.sqrt(n);
    expect(iv.high - iv.estimate).toBeGreaterThan(0.8 * half);
    expect(iv.high - iv.estimate).toBeLessThan(1.25 * half);
  });
});
