/**
 * Distribution-free standard error of a sample's median, in log units, from the order statistics that bound
 * the median's confidence interval (the binomial interval of the median's rank, normal approximation:
 * ranks n/2 ± z·√n/2). O(n) with quickselect, so it serves samples of millions of rounds where a bootstrap of
 * the median (resamples × n) does not. It is the uncertainty of the location estimate, which shrinks as 1/√n,
 * not the spread of single rounds.
 */
import { normalQuantile } from './distributions.js';
import { selectInPlace } from './robust.js';

/** z of the order-statistic interval the standard error is read from (a 95% interval). */
const Z = normalQuantile(0.975);

/**
 * Standard error of log(median) of positive values; undefined for fewer than `minimum` values or values ≤ 0
 * at the bounding ranks (log undefined).
 */
export function logMedianStandardError(values: ArrayLike<number>, minimum = 3): number | undefined {
  const n = values.length;
  if (n < minimum) return undefined;
  const buf = Float64Array.from(values);
  const half = (Z * Math.sqrt(n)) / 2;
  const lo = Math.max(0, Math.floor(n / 2 - half));
  const hi = Math.min(n - 1, Math.ceil(n / 2 + half) - 1);
  const high = selectInPlace(buf, 0, n, hi);
  // After selecting `hi`, every value left of it is ≤ it: select `lo` in that part only.
  const low = selectInPlace(buf, 0, hi + 1, lo);
  if (!(low > 0 && high > 0)) return undefined;
  return (Math.log(high) - Math.log(low)) / (2 * Z);
}

/** logMedianStandardError of values already sorted ascending: the same bounding order statistics, read in O(1). */
export function logMedianStandardErrorOfSorted(sorted: ArrayLike<number>, minimum = 3): number | undefined {
  const n = sorted.length;
  if (n < minimum) return undefined;
  const half = (Z * Math.sqrt(n)) / 2;
  const low = sorted[Math.max(0, Math.floor(n / 2 - half))]!;
  const high = sorted[Math.min(n - 1, Math.ceil(n / 2 + half) - 1)]!;
  if (!(low > 0 && high > 0)) return undefined;
  return (Math.log(high) - Math.log(low)) / (2 * Z);
}
