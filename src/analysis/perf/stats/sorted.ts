/**
 * Order statistics of a sample sorted once. A comparison of two runs asks each sample for its median, robust
 * scale, quantiles, ranks (Mann-Whitney) and the order statistics bounding its median; each of those sorted or
 * selected over its own copy, a dozen passes over every sample, which at millions of rounds cost more than the
 * rest of `ai-ci perf analyze` together. Sorting once (the engine's numeric sort of a Float64Array, O(n log n))
 * and reading everything from the sorted copy gives the same values: these functions return exactly what
 * robust.ts returns for the unsorted values (the sample variance aside, summed in sorted order).
 */
import { MAD_TO_SD, quantileSorted } from './robust.js';

/** An ascending copy of the values. NaN, if any, sort last. */
export function sortedCopy(values: ArrayLike<number>): Float64Array {
  const out = values instanceof Float64Array ? values.slice() : new Float64Array(values as ArrayLike<number>);
  return out.sort();
}

/** Median of ascending values (the mean of the two middle ones for an even count), NaN when empty. */
export function medianOfSorted(sorted: ArrayLike<number>): number {
  const n = sorted.length;
  if (n === 0) return Number.NaN;
  const half = n >>> 1;
  return n % 2 === 1 ? sorted[half]! : (sorted[half - 1]! + sorted[half]!) / 2;
}

/**
 * The k-th smallest (0-based) of the distances |x − center| of ascending values, without building them: the
 * distances left of the center ascend leftwards and those right of it ascend rightwards, so the k-th is found by
 * merging the two runs from the center outwards (k + 1 steps, no allocation).
 */
function kthDistance(sorted: ArrayLike<number>, center: number, k: number, split: number): number {
  let left = split - 1;
  let right = split;
  const n = sorted.length;
  let value = Number.NaN;
  for (let step = 0; step <= k; step++) {
    const dl = left >= 0 ? center - sorted[left]! : Number.POSITIVE_INFINITY;
    const dr = right < n ? sorted[right]! - center : Number.POSITIVE_INFINITY;
    if (dl <= dr) {
      value = dl;
      left--;
    } else {
      value = dr;
      right++;
    }
  }
  return value;
}

/** First index whose value is ≥ center (binary search). */
function lowerBound(sorted: ArrayLike<number>, center: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]! < center) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Scaled median absolute deviation from `center` of ascending values: robust.ts `mad`, in O(n) without copies. */
export function madOfSorted(sorted: ArrayLike<number>, center: number): number {
  const n = sorted.length;
  if (n === 0) return Number.NaN;
  const split = lowerBound(sorted, center);
  const half = n >>> 1;
  const upper = kthDistance(sorted, center, half, split);
  if (n % 2 === 1) return MAD_TO_SD * upper;
  const lower = kthDistance(sorted, center, half - 1, split);
  return (MAD_TO_SD * (lower + upper)) / 2;
}

/** robust.ts `robustScale` of ascending values: the scaled MAD, else IQR/1.349, else the standard deviation. */
export function robustScaleOfSorted(sorted: ArrayLike<number>, center: number): number {
  const m = madOfSorted(sorted, center);
  if (m > 0) return m;
  const q = (quantileSorted(sorted, 0.75) - quantileSorted(sorted, 0.25)) / 1.349;
  if (q > 0) return q;
  const n = sorted.length;
  if (n < 2) return 0;
  let s = 0;
  for (let i = 0; i < n; i++) s += sorted[i]!;
  const mean = s / n;
  let ss = 0;
  for (let i = 0; i < n; i++) ss += (sorted[i]! - mean) ** 2;
  return Math.sqrt(ss / (n - 1));
}
