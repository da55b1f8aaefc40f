/** Distribution functions used by the tests, from stdlib-js (accurate to double precision). */
import erfc from '@stdlib/math-base-special-erfc';
import normalQuantileAt from '@stdlib/stats-base-dists-normal-quantile';
import tCdf from '@stdlib/stats-base-dists-t-cdf';
import tQuantile from '@stdlib/stats-base-dists-t-quantile';

/** P(Z > z) for a standard normal Z, accurate far into the tail (no 1 − cdf cancellation). */
export function normalSf(z: number): number {
  return 0.5 * erfc(z / Math.SQRT2);
}

/** P(Z ≤ z) for a standard normal Z. */
export function normalCdf(z: number): number {
  return 0.5 * erfc(-z / Math.SQRT2);
}

/** The z with P(Z ≤ z) = p for a standard normal Z. */
export function normalQuantile(p: number): number {
  return normalQuantileAt(p, 0, 1);
}

/** P(T > t) for Student's t with `df` degrees of freedom (df may be fractional, as in Welch's test). */
export function studentTSf(t: number, df: number): number {
  // cdf(−t) instead of 1 − cdf(t) keeps precision for large t.
  return tCdf(-t, df);
}

/** The t with P(T ≤ t) = p for Student's t with `df` degrees of freedom. */
export function studentTQuantile(p: number, df: number): number {
  return tQuantile(p, df);
}
