/**
 * Mann-Whitney U test (Wilcoxon rank-sum), following scipy.stats.mannwhitneyu so that results can be checked
 * against it: U is the statistic of the first sample, ties get average ranks and the tie-corrected variance,
 * the normal approximation uses a continuity correction, and `method: 'auto'` is exact when one sample has
 * at most 8 values and there are no ties.
 */
import { normalSf } from './distributions.js';

export type Alternative = 'two-sided' | 'less' | 'greater';

export interface MannWhitneyOptions {
  /** 'greater': x tends to be larger than y. Default 'two-sided'. */
  alternative?: Alternative;
  /** Default 'auto'. */
  method?: 'auto' | 'exact' | 'asymptotic';
  /** Continuity correction of the normal approximation. Default true (as scipy). */
  continuity?: boolean;
}

export interface MannWhitneyResult {
  /** U statistic of x: the number of pairs (x_i, y_j) with x_i > y_j, ties counting one half. */
  u: number;
  p: number;
  /** Signed z of the normal approximation (positive when x tends to be larger), without continuity correction. */
  z: number;
  method: 'exact' | 'asymptotic';
  /** Σ (t³ − t) over groups of tied values, as used by the variance correction. */
  tieTerm: number;
}

/** Average ranks (1-based) of the concatenation of x then y, and the tie term Σ(t³ − t). */
export function rankConcat(
  x: ArrayLike<number>,
  y: ArrayLike<number>,
): { ranks: Float64Array; tieTerm: number } {
  const n1 = x.length;
  const n = n1 + y.length;
  const values = new Float64Array(n);
  for (let i = 0; i < n1; i++) values[i] = x[i]!;
  for (let j = 0; j < y.length; j++) values[n1 + j] = y[j]!;
  const { ranks, tieTerm } = rankValues(values);
  return { ranks, tieTerm };
}

/** Average ranks (1-based) of the values and Σ(t³ − t) over tie groups. O(n log n). */
export function rankValues(values: ArrayLike<number>): { ranks: Float64Array; tieTerm: number } {
  const n = values.length;
  const order = new Uint32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  order.sort((a, b) => values[a]! - values[b]!);
  const ranks = new Float64Array(n);
  let tieTerm = 0;
  let i = 0;
  while (i < n) {
    let j = i + 1;
    while (j < n && values[order[j]!] === values[order[i]!]) j++;
    const avg = (i + j + 1) / 2;
    for (let k = i; k < j; k++) ranks[order[k]!] = avg;
    const t = j - i;
    if (t > 1) tieTerm += t * t * t - t;
    i = j;
  }
  return { ranks, tieTerm };
}

export function mannWhitneyU(
  x: ArrayLike<number>,
  y: ArrayLike<number>,
  options: MannWhitneyOptions = {},
): MannWhitneyResult {
  if (x.length === 0 || y.length === 0) {
    throw new RangeError('Mann-Whitney U needs at least one value in each sample');
  }
  return mannWhitneyUSorted(Float64Array.from(x).sort(), Float64Array.from(y).sort(), options);
}

/**
 * mannWhitneyU of samples already sorted ascending (stats/sorted.ts sortedCopy): O(n1 + n2), so a caller that
 * asks several questions of the same two samples sorts them once.
 */
export function mannWhitneyUSorted(
  xs: ArrayLike<number>,
  ys: ArrayLike<number>,
  options: MannWhitneyOptions = {},
): MannWhitneyResult {
  const n1 = xs.length;
  const n2 = ys.length;
  if (n1 === 0 || n2 === 0) throw new RangeError('Mann-Whitney U needs at least one value in each sample');
  return mannWhitneyFromU(uStatistic(xs, ys), n1, n2, options);
}

/**
 * The test from U of x and the tie term (MannWhitneyResult of an earlier call): another alternative for the same
 * two samples without counting U again.
 */
export function mannWhitneyFromU(
  { u1, tieTerm }: { u1: number; tieTerm: number },
  n1: number,
  n2: number,
  options: MannWhitneyOptions = {},
): MannWhitneyResult {
  const alternative = options.alternative ?? 'two-sided';
  const u2 = n1 * n2 - u1;
  const n = n1 + n2;
  const mu = (n1 * n2) / 2;
  const sd = Math.sqrt(((n1 * n2) / 12) * (n + 1 - tieTerm / (n * (n - 1))));
  const z = sd > 0 ? (u1 - mu) / sd : 0;

  let method = options.method ?? 'auto';
  if (method === 'auto') method = (n1 <= 8 || n2 <= 8) && tieTerm === 0 ? 'exact' : 'asymptotic';

  // The statistic whose upper tail is the p-value, as scipy does it.
  const uTail = alternative === 'greater' ? u1 : alternative === 'less' ? u2 : Math.max(u1, u2);
  let p: number;
  if (method === 'exact') {
    p = exactUpperTail(uTail, n1, n2);
  } else if (sd === 0) {
    p = 1;
  } else {
    const cc = options.continuity === false ? 0 : 0.5;
    p = normalSf((uTail - mu - cc) / sd);
  }
  if (alternative === 'two-sided') p *= 2;
  return { u: u1, p: Math.min(1, Math.max(0, p)), z, method, tieTerm };
}

/**
 * U of x and the tie term, from the two samples sorted apart (the engine's numeric sort of typed arrays) and
 * merged: each x counts the y below it and half the y equal to it. The same U as the rank sum minus
 * n1(n1 + 1)/2, in O(n) after the sorts, without sorting an index array through a comparator, which took
 * seconds at millions of rounds.
 */
function uStatistic(xs: ArrayLike<number>, ys: ArrayLike<number>): { u1: number; tieTerm: number } {
  const n1 = xs.length;
  const n2 = ys.length;
  let i = 0;
  let j = 0;
  let u1 = 0;
  let tieTerm = 0;
  while (i < n1 || j < n2) {
    const v = i < n1 && (j >= n2 || xs[i]! <= ys[j]!) ? xs[i]! : ys[j]!;
    const below = j;
    let cx = 0;
    while (i < n1 && xs[i] === v) {
      cx++;
      i++;
    }
    let cy = 0;
    while (j < n2 && ys[j] === v) {
      cy++;
      j++;
    }
    if (cx === 0 && cy === 0) break; // NaN: neither side can move on
    u1 += cx * (below + cy / 2);
    const t = cx + cy;
    if (t > 1) tieTerm += t * t * t - t;
  }
  return { u1, tieTerm };
}

/**
 * P(U ≥ u) under H0 without ties, from the exact null distribution of U: the number of ways to choose which
 * m of the m + n ranks belong to the smaller sample with rank sum u + m(m + 1)/2, over C(m + n, m).
 * A subset-sum count over ranks, O((m + n) · m · mn); meant for the small samples where it is used.
 */
export function exactUpperTail(u: number, n1: number, n2: number): number {
  const m = Math.min(n1, n2);
  const k = Math.max(n1, n2);
  const maxU = m * k;
  // counts[c][s]: ways to pick c ranks out of the first r whose "U contribution" (rank − position) sums to s.
  // Using probabilities (divided as we go) instead of counts keeps doubles exact enough for large C(m+n, m).
  const width = maxU + 1;
  const counts = new Float64Array((m + 1) * width);
  counts[0] = 1;
  const total = m + k;
  for (let r = 1; r <= total; r++) {
    for (let c = Math.min(m, r); c >= 1; c--) {
      // Choosing rank r as the c-th smallest of the m adds (r − c) to U (the larger-sample values below it).
      const add = r - c;
      if (add > k) continue;
      const row = c * width;
      const prev = (c - 1) * width;
      for (let s = maxU; s >= add; s--) {
        const v = counts[prev + s - add]!;
        if (v !== 0) counts[row + s] = counts[row + s]! + v;
      }
    }
  }
  let all = 0;
  let tail = 0;
  const row = m * width;
  const threshold = Math.ceil(u - 1e-9);
  for (let s = 0; s <= maxU; s++) {
    const v = counts[row + s]!;
    all += v;
    if (s >= threshold) tail += v;
  }
  return tail / all;
}
