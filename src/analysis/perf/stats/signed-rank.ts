/**
 * Wilcoxon signed-rank test of paired differences and its Hodges-Lehmann estimate and interval (the median of
 * the Walsh averages and their order statistics), following scipy.stats.wilcoxon so that results can be checked
 * against it: zeros are dropped (zero_method 'wilcox'), tied |differences| get average ranks and the tie-corrected
 * variance, and the exact null distribution of W+ (each sign + or − with probability ½, 2^n patterns) is used when
 * there are at most EXACT_MAX differences and no ties. Unlike scipy's default the normal approximation has a
 * continuity correction unless asked otherwise (as mann-whitney.ts).
 *
 * The interval is the one the test inverts (Tukey; Hollander, Wolfe & Chicken, Nonparametric Statistical Methods,
 * 3rd ed., §3.2-3.3): W+ of the differences shifted by θ is the number of Walsh averages (d_i + d_j)/2, i ≤ j,
 * above θ, so the θ the two-sided test at level α keeps are those between the (k+1)-th smallest and the
 * (k+1)-th largest Walsh average, k the largest w with P(W+ ≤ w) ≤ α/2. With too few differences for any w to
 * qualify (n = 8 at α = 0.0033: P(W+ = 0) = 1/256) no data can rule anything out and the interval is unbounded.
 */
import { normalQuantile, normalSf } from './distributions.js';
import { rankValues } from './mann-whitney.js';
import { medianInPlace, selectInPlace } from './robust.js';

export type SignedRankAlternative = 'two-sided' | 'greater' | 'less';

export interface SignedRankOptions {
  /** 'greater': the differences tend to be positive. Default 'two-sided'. */
  alternative?: SignedRankAlternative;
  /** 'auto': exact when at most EXACT_MAX non-zero differences and no ties among their sizes. Default 'auto'. */
  method?: 'auto' | 'exact' | 'asymptotic';
  /** Continuity correction of the normal approximation. Default true (scipy's `correction` defaults to false). */
  continuity?: boolean;
}

export interface SignedRankResult {
  /** W+: the sum of the ranks of |d| over the positive differences (zeros dropped, ties averaged). */
  wPlus: number;
  /** Non-zero differences the test used. */
  n: number;
  /** Zero differences dropped. */
  zeros: number;
  p: number;
  /** Signed z of the normal approximation (positive when the differences tend to be positive), uncorrected. */
  z: number;
  method: 'exact' | 'asymptotic';
  /** Σ (t³ − t) over groups of tied |differences|. */
  tieTerm: number;
}

/** Most non-zero differences for which 'auto' uses the exact distribution (scipy ≥ 1.13 uses 50 too). */
export const EXACT_MAX = 50;

/** P(W+ = s), s = 0 … n(n+1)/2, for n differences under H0, cached per n (runAb decides many at one n). */
const pmfCache = new Map<number, Float64Array>();

/**
 * The exact null distribution of W+ for n differences: the number of subsets of the ranks {1 … n} with sum s,
 * over 2^n. Counts stay below 2^50 for n ≤ 50, exact in doubles. O(n³).
 */
export function signedRankPmf(n: number): Float64Array {
  if (!(Number.isInteger(n) && n >= 0)) throw new RangeError(`n must be a whole number ≥ 0, got ${n}`);
  const cached = pmfCache.get(n);
  if (cached) return cached;
  const max = (n * (n + 1)) / 2;
  const counts = new Float64Array(max + 1);
  counts[0] = 1;
  let reach = 0;
  for (let r = 1; r <= n; r++) {
    reach += r;
    for (let s = reach; s >= r; s--) counts[s] = counts[s]! + counts[s - r]!;
  }
  const total = 2 ** n;
  for (let s = 0; s <= max; s++) counts[s] = counts[s]! / total;
  if (n <= EXACT_MAX) pmfCache.set(n, counts);
  return counts;
}

/** P(W+ ≤ w) under H0 for n differences without ties (exact). */
export function signedRankCdf(w: number, n: number): number {
  const pmf = signedRankPmf(n);
  let sum = 0;
  const top = Math.min(pmf.length - 1, Math.floor(w + 1e-9));
  for (let s = 0; s <= top; s++) sum += pmf[s]!;
  return Math.min(1, sum);
}

export function wilcoxonSignedRank(
  differences: ArrayLike<number>,
  options: SignedRankOptions = {},
): SignedRankResult {
  const alternative = options.alternative ?? 'two-sided';
  const nonZero: number[] = [];
  let zeros = 0;
  for (let i = 0; i < differences.length; i++) {
    const d = differences[i]!;
    if (Number.isNaN(d)) throw new RangeError('signed-rank test: a difference is NaN');
    if (d === 0) zeros++;
    else nonZero.push(d);
  }
  const n = nonZero.length;
  if (n === 0) return { wPlus: 0, n: 0, zeros, p: 1, z: 0, method: 'exact', tieTerm: 0 };
  const { ranks, tieTerm } = rankValues(nonZero.map(Math.abs));
  let wPlus = 0;
  for (let i = 0; i < n; i++) if (nonZero[i]! > 0) wPlus += ranks[i]!;
  const mu = (n * (n + 1)) / 4;
  const sd = Math.sqrt((n * (n + 1) * (2 * n + 1)) / 24 - tieTerm / 48);
  const z = sd > 0 ? (wPlus - mu) / sd : 0;
  let method = options.method ?? 'auto';
  if (method === 'auto') method = n <= EXACT_MAX && tieTerm === 0 ? 'exact' : 'asymptotic';
  let p: number;
  if (method === 'exact') {
    // W+ is a whole number without ties; with ties (method forced) the average ranks are rounded up/down.
    const upper = 1 - signedRankCdf(Math.ceil(wPlus - 1e-9) - 1, n);
    const lower = signedRankCdf(Math.floor(wPlus + 1e-9), n);
    p = alternative === 'greater' ? upper : alternative === 'less' ? lower : 2 * Math.min(upper, lower);
  } else if (sd === 0) {
    p = 1;
  } else {
    const cc = options.continuity === false ? 0 : 0.5;
    const dev = wPlus - mu;
    if (alternative === 'greater') p = normalSf((dev - cc) / sd);
    else if (alternative === 'less') p = normalSf((-dev - cc) / sd);
    else p = 2 * normalSf((Math.abs(dev) - cc) / sd);
  }
  return { wPlus, n, zeros, p: Math.min(1, Math.max(0, p)), z, method, tieTerm };
}

export interface PairedShift {
  /** Hodges-Lehmann estimate: the median of the Walsh averages. */
  estimate: number;
  /** The interval the signed-rank test inverts; ±Infinity when n is too small for the confidence. */
  low: number;
  high: number;
  confidence: number;
  /** Walsh averages cut off each end (k): the interval is the (k+1)-th smallest to the (k+1)-th largest. */
  cut: number;
}

/** Above this many differences the Walsh averages are those of evenly spaced order statistics (see walshInterval). */
const WALSH_MAX = 1000;

/**
 * Walsh averages cut off each end of the two-sided interval at `confidence` for n differences: the largest w with
 * P(W+ ≤ w) ≤ (1 − confidence)/2 (exact up to EXACT_MAX, normal with continuity correction above); −1 when none.
 */
export function walshCut(n: number, confidence: number): number {
  if (!(confidence > 0 && confidence < 1))
    throw new RangeError(`confidence must be in (0, 1), got ${confidence}`);
  const tail = (1 - confidence) / 2;
  if (n <= EXACT_MAX) {
    const pmf = signedRankPmf(n);
    let cdf = 0;
    let k = -1;
    for (let w = 0; w < pmf.length; w++) {
      cdf += pmf[w]!;
      // A relative tolerance: P(W+ ≤ w) computed as a sum must not miss a tail equal to it (1/1024 at n = 10).
      if (cdf <= tail * (1 + 1e-9)) k = w;
      else break;
    }
    return k;
  }
  const mu = (n * (n + 1)) / 4;
  const sd = Math.sqrt((n * (n + 1) * (2 * n + 1)) / 24);
  return Math.max(-1, Math.floor(mu - normalQuantile(1 - tail) * sd - 0.5));
}

/**
 * The Hodges-Lehmann estimate of the centre of paired differences and its distribution-free interval (Walsh
 * averages; see the file's comment). Ties are not corrected for (the exact cut assumes none). Above WALSH_MAX
 * differences, the Walsh averages of WALSH_MAX evenly spaced order statistics stand for all of them and the
 * interval's ends are read at the same fractions k/M of them: O(WALSH_MAX²) instead of O(n²).
 */
export function walshInterval(differences: ArrayLike<number>, confidence = 0.95): PairedShift {
  const n = differences.length;
  if (n === 0) throw new RangeError('Walsh interval needs at least one difference');
  let d = Float64Array.from(differences).sort();
  if (n > WALSH_MAX) {
    const thin = new Float64Array(WALSH_MAX);
    for (let i = 0; i < WALSH_MAX; i++) thin[i] = d[Math.round(((i + 0.5) * n) / WALSH_MAX - 0.5)]!;
    d = thin;
  }
  const m = d.length;
  const count = (m * (m + 1)) / 2;
  const walsh = new Float64Array(count);
  let c = 0;
  for (let i = 0; i < m; i++) for (let j = i; j < m; j++) walsh[c++] = (d[i]! + d[j]!) / 2;
  const estimate = medianInPlace(walsh);
  const k = walshCut(n, confidence);
  if (k < 0) return { estimate, low: -Infinity, high: Infinity, confidence, cut: k };
  // Index into the (possibly thinned) averages at the fraction the cut has of all n(n+1)/2.
  const lowIdx = n > WALSH_MAX ? Math.floor((k / ((n * (n + 1)) / 2)) * count) : k;
  const low = selectInPlace(walsh, 0, count, Math.min(count - 1, lowIdx));
  const high = selectInPlace(walsh, 0, count, Math.max(0, count - 1 - lowIdx));
  return { estimate, low, high, confidence, cut: k };
}
