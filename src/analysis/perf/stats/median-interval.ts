/**
 * Distribution-free standard error of a sample's median, in log units, from the order statistics that bound
 * the median's confidence interval (the binomial interval of the median's rank, normal approximation:
 * ranks n/2 ± z·√n/2). O(n) with quickselect, so it serves samples of millions of rounds where a bootstrap of
 * the median (resamples × n) does not. It is the uncertainty of the location estimate, which shrinks as 1/√n,
 * not the spread of single rounds.
 */
import binomialCdf from '@stdlib/stats-base-dists-binomial-cdf';
import { normalQuantile } from './distributions.js';
import { selectInPlace } from './robust.js';

/** z of the order-statistic interval the standard error is read from (a 95% interval). */
const Z = normalQuantile(0.975);

/** The 0-based ranks bounding the median's interval for n values (normal approximation, rounded outwards). */
function bounds(n: number): { lo: number; hi: number } {
  const half = (Z * Math.sqrt(n)) / 2;
  return { lo: Math.max(0, Math.floor(n / 2 - half)), hi: Math.min(n - 1, Math.ceil(n / 2 + half) - 1) };
}

/**
 * The z the interval [x(lo), x(hi)] (0-based order statistics) really has: it covers the median with
 * probability P(lo + 1 ≤ B ≤ hi), B ~ Binomial(n, 1/2) the count of values below it. Rounding the ranks
 * outwards makes small samples' intervals wider than 95% (10 values: x(1)..x(8) covers 97.9%, z 2.30), and
 * reading them with z = 1.96 overstated the standard error by up to a fifth, which kept a 10% change of two
 * 10-round runs inconclusive. Exact for every n (the binomial CDF is a regularised incomplete beta).
 */
function coverageZ(n: number, lo: number, hi: number): number {
  const coverage = binomialCdf(hi, n, 0.5) - binomialCdf(lo, n, 0.5);
  return coverage > 0 && coverage < 1 ? normalQuantile((1 + coverage) / 2) : Z;
}

/**
 * Standard error of log(median) of positive values; undefined for fewer than `minimum` values or values ≤ 0
 * at the bounding ranks (log undefined).
 */
export function logMedianStandardError(values: ArrayLike<number>, minimum = 3): number | undefined {
  const n = values.length;
  if (n < minimum) return undefined;
  const buf = Float64Array.from(values);
  const { lo, hi } = bounds(n);
  const high = selectInPlace(buf, 0, n, hi);
  // After selecting `hi`, every value left of it is ≤ it: select `lo` in that part only.
  const low = selectInPlace(buf, 0, hi + 1, lo);
  if (!(low > 0 && high > 0)) return undefined;
  return (Math.log(high) - Math.log(low)) / (2 * coverageZ(n, lo, hi));
}

/** logMedianStandardError of values already sorted ascending: the same bounding order statistics, read in O(1). */
export function logMedianStandardErrorOfSorted(sorted: ArrayLike<number>, minimum = 3): number | undefined {
  const n = sorted.length;
  if (n < minimum) return undefined;
  const { lo, hi } = bounds(n);
  const low = sorted[lo]!;
  const high = sorted[hi]!;
  if (!(low > 0 && high > 0)) return undefined;
  return (Math.log(high) - Math.log(low)) / (2 * coverageZ(n, lo, hi));
}
