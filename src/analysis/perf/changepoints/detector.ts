/**
 * Change-point detection for benchmark histories: robust binary segmentation with a significance test and a
 * magnitude requirement on every change point, followed by Apache Otava's merge step (the weakest change point
 * is removed and its neighbours re-tested until every one that is left passes).
 *
 * Why this shape rather than E-Divisive proper: E-Divisive's energy statistic costs O(n²) per split, and
 * 10,000 series of 200 points must be analysed in well under 2 s. A split scan on ranks costs O(n) per
 * segment with prefix sums, and ranks make it as outlier-proof as E-Divisive's distance-based statistic for
 * the level shifts that matter here. Like Otava, the candidate split is then judged by a Student t-test
 * between the adjacent segments, here on ranks (so an outlier run cannot fake or hide a shift), and it must
 * also be large: a relative shift of the medians of at least `minRelativeChange`, and at least
 * `minEffectSize` times the series' own run-to-run noise. Defaults were chosen on the training part of the
 * labelled real-noise dataset (scripts/perf/eval.ts) and need no tuning per series.
 *
 * Pure: no I/O, no clock. Returns the 0-based index of the first point of each new regime.
 */
import { studentTSf } from '../stats/distributions.js';
import { MAD_TO_SD, medianInPlace } from '../stats/robust.js';

export interface ChangePointOptions {
  /** Fewest points on each side of a change point. Default 5. */
  minSegment?: number;
  /** Significance level of the split test, after a Bonferroni correction for the positions scanned. Default 0.01. */
  alpha?: number;
  /** Smallest relative shift of the medians worth reporting (0.01 = 1%). Default 0.005. */
  minRelativeChange?: number;
  /** Smallest shift of the medians in units of the series' robust point-to-point noise. Default 0.5. */
  minEffectSize?: number;
  /** Stop after this many change points. Default: no limit. */
  maxChangePoints?: number;
}

export interface ChangePoint {
  /** 0-based index of the first point of the new regime. */
  index: number;
  /** p-value of the t-test on ranks between the neighbouring segments (Bonferroni-corrected for the scan). */
  pValue: number;
  /** median(after) / median(before) − 1, over the neighbouring segments. */
  relativeChange: number;
  /** Shift of the medians divided by the series' robust noise. */
  effectSize: number;
  /** Medians of the neighbouring segments. */
  before: number;
  after: number;
}

const DEFAULTS = {
  minSegment: 5,
  alpha: 0.01,
  minRelativeChange: 0.005,
  minEffectSize: 0.5,
  maxChangePoints: Number.POSITIVE_INFINITY,
};

export type ResolvedChangePointOptions = typeof DEFAULTS;

export function resolveChangePointOptions(options: ChangePointOptions = {}): ResolvedChangePointOptions {
  const o = { ...DEFAULTS };
  for (const key of Object.keys(DEFAULTS) as (keyof ResolvedChangePointOptions)[]) {
    const v = options[key];
    if (v !== undefined) o[key] = v;
  }
  if (!(o.minSegment >= 1)) throw new RangeError(`minSegment must be ≥ 1, got ${o.minSegment}`);
  if (!(o.alpha > 0 && o.alpha < 1)) throw new RangeError(`alpha must be in (0, 1), got ${o.alpha}`);
  return o;
}

/**
 * A reusable detector: its scratch buffers grow to the longest series seen, so analysing many series
 * allocates nothing per series beyond the returned list.
 */
export class ChangePointDetector {
  readonly options: ResolvedChangePointOptions;
  private cap = 0;
  private sorted = new Float64Array(0);
  private ranks = new Float64Array(0);
  private prefix = new Float64Array(0);
  private prefixSq = new Float64Array(0);
  private scratch = new Float64Array(0);
  private cps = new Int32Array(0);

  constructor(options: ChangePointOptions = {}) {
    this.options = resolveChangePointOptions(options);
  }

  private ensure(n: number): void {
    if (n <= this.cap) return;
    this.cap = Math.max(n, this.cap * 2);
    this.sorted = new Float64Array(this.cap);
    this.ranks = new Float64Array(this.cap);
    this.prefix = new Float64Array(this.cap + 1);
    this.prefixSq = new Float64Array(this.cap + 1);
    this.scratch = new Float64Array(this.cap);
    this.cps = new Int32Array(this.cap + 2);
  }

  /** 0-based indices of the first point of each new regime, ascending. */
  detectIndices(series: ArrayLike<number>): number[] {
    return this.detect(series).map((c) => c.index);
  }

  detect(series: ArrayLike<number>): ChangePoint[] {
    const n = series.length;
    const { minSegment } = this.options;
    if (n < 2 * minSegment) return [];
    for (let i = 0; i < n; i++) {
      if (!Number.isFinite(series[i]!))
        throw new RangeError(`series value at index ${i} is not a finite number`);
    }
    this.ensure(n);
    this.computeRanks(series, n);
    const noise = this.pointNoise(series, n);

    // Binary segmentation: a stack of segments still to split; accepted splits go to `cps`.
    let count = 0;
    const cps = this.cps;
    const stack: number[] = [0, n];
    while (stack.length > 0 && count < this.options.maxChangePoints) {
      const b = stack.pop()!;
      const a = stack.pop()!;
      const k = this.bestSplit(a, b);
      if (k < 0) continue;
      if (!this.passes(series, a, k, b, noise)) continue;
      cps[count++] = k;
      stack.push(a, k, k, b);
    }
    const sortedCps = Array.from(cps.subarray(0, count)).sort((x, y) => x - y);
    return this.merge(series, n, sortedCps, noise);
  }

  /** Average ranks (1-based) into this.ranks and their prefix sums; binary search avoids a comparator sort. */
  private computeRanks(series: ArrayLike<number>, n: number): void {
    const sorted = this.sorted;
    for (let i = 0; i < n; i++) sorted[i] = series[i]!;
    const view = sorted.subarray(0, n);
    view.sort();
    const prefix = this.prefix;
    const prefixSq = this.prefixSq;
    prefix[0] = 0;
    prefixSq[0] = 0;
    for (let i = 0; i < n; i++) {
      const v = series[i]!;
      let lo = 0;
      let hi = n;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if (view[mid]! < v) lo = mid + 1;
        else hi = mid;
      }
      const below = lo;
      hi = n;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if (view[mid]! <= v) lo = mid + 1;
        else hi = mid;
      }
      const r = (below + lo + 1) / 2;
      this.ranks[i] = r;
      prefix[i + 1] = prefix[i]! + r;
      prefixSq[i + 1] = prefixSq[i]! + r * r;
    }
  }

  /**
   * The series' point-to-point noise: scaled MAD of first differences / √2. Differences cancel level
   * shifts, so the estimate is not inflated by the very changes being looked for.
   */
  private pointNoise(series: ArrayLike<number>, n: number): number {
    const s = this.scratch;
    for (let i = 1; i < n; i++) s[i - 1] = Math.abs(series[i]! - series[i - 1]!);
    const m = medianInPlace(s, 0, n - 1);
    // MAD of differences around 0 (their median is ~0 without a trend).
    return (MAD_TO_SD * m) / Math.SQRT2;
  }

  /** The split k in [a + m, b − m] maximising the standardised mean difference of ranks; −1 when too short. */
  private bestSplit(a: number, b: number): number {
    const m = this.options.minSegment;
    if (b - a < 2 * m) return -1;
    const prefix = this.prefix;
    const total = prefix[b]! - prefix[a]!;
    const len = b - a;
    let best = -1;
    let bestStat = -1;
    for (let k = a + m; k <= b - m; k++) {
      const left = k - a;
      const right = b - k;
      const sumLeft = prefix[k]! - prefix[a]!;
      // CUSUM form of the two-sample statistic: (S_left − left/len · S)² · len / (left · right).
      const d = sumLeft - (left / len) * total;
      const stat = (d * d * len) / (left * right);
      if (stat > bestStat) {
        bestStat = stat;
        best = k;
      }
    }
    return best;
  }

  /** t-test on ranks between [a, k) and [k, b), Bonferroni-corrected for the positions a split could take. */
  private splitPValue(a: number, k: number, b: number): number {
    const prefix = this.prefix;
    const prefixSq = this.prefixSq;
    const n1 = k - a;
    const n2 = b - k;
    const s1 = prefix[k]! - prefix[a]!;
    const s2 = prefix[b]! - prefix[k]!;
    const q1 = prefixSq[k]! - prefixSq[a]!;
    const q2 = prefixSq[b]! - prefixSq[k]!;
    const m1 = s1 / n1;
    const m2 = s2 / n2;
    const ss = q1 - s1 * m1 + (q2 - s2 * m2);
    const df = n1 + n2 - 2;
    const pooled = df > 0 ? ss / df : 0;
    const se = Math.sqrt(pooled * (1 / n1 + 1 / n2));
    let p: number;
    if (!(se > 0)) p = m1 === m2 ? 1 : 0;
    else p = 2 * studentTSf(Math.abs(m2 - m1) / se, Math.max(1, df));
    const positions = Math.max(1, b - a - 2 * this.options.minSegment + 1);
    return Math.min(1, p * positions);
  }

  private describe(series: ArrayLike<number>, a: number, k: number, b: number, noise: number): ChangePoint {
    const s = this.scratch;
    for (let i = a; i < k; i++) s[i - a] = series[i]!;
    const before = medianInPlace(s, 0, k - a);
    for (let i = k; i < b; i++) s[i - k] = series[i]!;
    const after = medianInPlace(s, 0, b - k);
    const shift = after - before;
    return {
      index: k,
      pValue: this.splitPValue(a, k, b),
      relativeChange: before !== 0 ? shift / Math.abs(before) : 0,
      effectSize: noise > 0 ? Math.abs(shift) / noise : shift === 0 ? 0 : Number.POSITIVE_INFINITY,
      before,
      after,
    };
  }

  private accepts(c: ChangePoint): boolean {
    const o = this.options;
    return (
      c.pValue <= o.alpha &&
      Math.abs(c.relativeChange) >= o.minRelativeChange &&
      c.effectSize >= o.minEffectSize
    );
  }

  private passes(series: ArrayLike<number>, a: number, k: number, b: number, noise: number): boolean {
    return this.accepts(this.describe(series, a, k, b, noise));
  }

  /**
   * Otava's merge step: re-test each change point against its current neighbours and drop the weakest
   * failing one, until all that are left pass.
   */
  private merge(series: ArrayLike<number>, n: number, cps: number[], noise: number): ChangePoint[] {
    for (;;) {
      const described: ChangePoint[] = [];
      let weakest = -1;
      let weakestScore = Number.POSITIVE_INFINITY;
      for (let i = 0; i < cps.length; i++) {
        const a = i === 0 ? 0 : cps[i - 1]!;
        const b = i === cps.length - 1 ? n : cps[i + 1]!;
        const c = this.describe(series, a, cps[i]!, b, noise);
        described.push(c);
        if (!this.accepts(c)) {
          // Weakest = the least significant, ties broken by the smallest shift.
          const score = -c.pValue * 1e6 + c.effectSize;
          if (score < weakestScore) {
            weakestScore = score;
            weakest = i;
          }
        }
      }
      if (weakest < 0) return described;
      cps.splice(weakest, 1);
    }
  }
}

/** Change points of one series with the default (or given) options. */
export function detectChangePoints(
  series: ArrayLike<number>,
  options: ChangePointOptions = {},
): ChangePoint[] {
  return new ChangePointDetector(options).detect(series);
}
