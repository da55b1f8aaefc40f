/**
 * Robust location and scale. Benchmark timings are right-skewed and carry outliers (a GC pause, a noisy
 * neighbour), so the median and the MAD/IQR are used instead of the mean and standard deviation.
 * Everything here is allocation-aware: the `*InPlace` variants work on a caller's scratch buffer so that
 * hot loops (the change-point detector, the benchmark of 10,000 series) do not allocate.
 */

/** Consistency constant that makes the MAD estimate the standard deviation of normally distributed data. */
export const MAD_TO_SD = 1.482602218505602;

/** Hoare's quickselect on buf[from, to): afterwards buf[k] holds the value of rank k − from. O(n) expected. */
export function selectInPlace(buf: Float64Array | number[], from: number, to: number, k: number): number {
  let lo = from;
  let hi = to - 1;
  while (hi > lo) {
    // Median-of-three pivot keeps sorted and reverse-sorted input (common in drifting series) at O(n).
    const mid = (lo + hi) >>> 1;
    let a = buf[lo]!;
    let b = buf[mid]!;
    let c = buf[hi]!;
    if (a > b) [a, b] = [b, a];
    if (b > c) [b, c] = [c, b];
    if (a > b) [a, b] = [b, a];
    const pivot = b;
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (buf[i]! < pivot) i++;
      while (buf[j]! > pivot) j--;
      if (i <= j) {
        const t = buf[i]!;
        buf[i] = buf[j]!;
        buf[j] = t;
        i++;
        j--;
      }
    }
    if (k <= j) hi = j;
    else if (k >= i) lo = i;
    else break;
  }
  return buf[k]!;
}

/** Median of buf[from, to), reordering that range. NaN for an empty range. */
export function medianInPlace(buf: Float64Array | number[], from = 0, to = buf.length): number {
  const n = to - from;
  if (n <= 0) return Number.NaN;
  const half = from + (n >>> 1);
  const upper = selectInPlace(buf, from, to, half);
  if (n % 2 === 1) return upper;
  // The lower middle value is the largest value left of `half` after selection.
  let lower = buf[from]!;
  for (let i = from + 1; i < half; i++) if (buf[i]! > lower) lower = buf[i]!;
  return (lower + upper) / 2;
}

/** Median of the values (not modified). NaN when empty. */
export function median(values: ArrayLike<number>): number {
  return medianInPlace(Float64Array.from(values));
}

/**
 * Median absolute deviation from `center` (default: the median), scaled by {@link MAD_TO_SD} so that it
 * estimates the standard deviation under normality. 0 when more than half the values are equal.
 */
export function mad(values: ArrayLike<number>, center?: number): number {
  const c = center ?? median(values);
  const dev = new Float64Array(values.length);
  for (let i = 0; i < values.length; i++) dev[i] = Math.abs(values[i]! - c);
  return MAD_TO_SD * medianInPlace(dev);
}

/** Scaled MAD of buf[from, to) around `center`, using `scratch` (length ≥ to − from) for the deviations. */
export function madInto(
  values: ArrayLike<number>,
  from: number,
  to: number,
  center: number,
  scratch: Float64Array,
): number {
  const n = to - from;
  for (let i = 0; i < n; i++) scratch[i] = Math.abs(values[from + i]! - center);
  return MAD_TO_SD * medianInPlace(scratch, 0, n);
}

/** Quantile of already sorted values, linear interpolation between order statistics (R type 7, numpy default). */
export function quantileSorted(sorted: ArrayLike<number>, p: number): number {
  const n = sorted.length;
  if (n === 0) return Number.NaN;
  if (n === 1) return sorted[0]!;
  const h = (n - 1) * Math.min(1, Math.max(0, p));
  const lo = Math.floor(h);
  const hi = Math.min(n - 1, lo + 1);
  return sorted[lo]! + (h - lo) * (sorted[hi]! - sorted[lo]!);
}

/** Quantile of unsorted values (R type 7, numpy's default `linear`). */
export function quantile(values: ArrayLike<number>, p: number): number {
  return quantileSorted(Float64Array.from(values).sort(), p);
}

/** Interquartile range (type 7 quartiles). */
export function iqr(values: ArrayLike<number>): number {
  const sorted = Float64Array.from(values).sort();
  return quantileSorted(sorted, 0.75) - quantileSorted(sorted, 0.25);
}

export function mean(values: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < values.length; i++) s += values[i]!;
  return values.length ? s / values.length : Number.NaN;
}

/** Sample variance (n − 1 denominator); 0 for fewer than two values. */
export function variance(values: ArrayLike<number>): number {
  const n = values.length;
  if (n < 2) return 0;
  const m = mean(values);
  let s = 0;
  for (let i = 0; i < n; i++) s += (values[i]! - m) ** 2;
  return s / (n - 1);
}

/**
 * A robust scale that never collapses to zero on coarse data: the scaled MAD, or when more than half the
 * values tie (timers with a coarse resolution), IQR/1.349, or the standard deviation as a last resort.
 */
export function robustScale(values: ArrayLike<number>, center?: number): number {
  const m = mad(values, center);
  if (m > 0) return m;
  const q = iqr(values) / 1.349;
  if (q > 0) return q;
  return Math.sqrt(variance(values));
}

/** Robust summary of one sample: median, robust scale and their ratio (robust coefficient of variation). */
export interface RobustSummary {
  n: number;
  median: number;
  scale: number;
  /** scale / |median|; 0 when the median is 0. */
  relativeScale: number;
}

export function robustSummary(values: ArrayLike<number>): RobustSummary {
  const m = median(values);
  const s = values.length > 1 ? robustScale(values, m) : 0;
  return { n: values.length, median: m, scale: s, relativeScale: m !== 0 ? s / Math.abs(m) : 0 };
}
