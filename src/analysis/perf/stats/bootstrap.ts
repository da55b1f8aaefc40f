/**
 * Percentile bootstrap confidence interval of the relative change of the median, candidate against baseline:
 * median(candidate) / median(baseline) − 1. Seeded, so the same inputs always give the same interval.
 */

import { seededRandom } from './rng.js';
import { medianInPlace } from './robust.js';

export interface BootstrapOptions {
  /** Number of resamples. Default 1000. */
  resamples?: number;
  /** Default 0.95. */
  confidence?: number;
  /** Default 1. */
  seed?: number;
}

export interface RelativeChangeInterval {
  /** Point estimate: median(candidate) / median(baseline) − 1. */
  estimate: number;
  low: number;
  high: number;
  confidence: number;
}

export function bootstrapRelativeChange(
  baseline: ArrayLike<number>,
  candidate: ArrayLike<number>,
  options: BootstrapOptions = {},
): RelativeChangeInterval {
  const n1 = baseline.length;
  const n2 = candidate.length;
  if (n1 === 0 || n2 === 0) throw new RangeError('bootstrap needs values in both samples');
  const resamples = options.resamples ?? 1000;
  const confidence = options.confidence ?? 0.95;
  const random = seededRandom(options.seed ?? 1);
  const estimate = relative(
    medianInPlace(Float64Array.from(candidate)),
    medianInPlace(Float64Array.from(baseline)),
  );
  const a = new Float64Array(n1);
  const b = new Float64Array(n2);
  const stats = new Float64Array(resamples);
  for (let r = 0; r < resamples; r++) {
    for (let i = 0; i < n1; i++) a[i] = baseline[Math.floor(random() * n1)]!;
    for (let i = 0; i < n2; i++) b[i] = candidate[Math.floor(random() * n2)]!;
    stats[r] = relative(medianInPlace(b), medianInPlace(a));
  }
  stats.sort();
  const tail = (1 - confidence) / 2;
  const lowIdx = Math.max(0, Math.floor(tail * resamples));
  const highIdx = Math.min(resamples - 1, Math.ceil((1 - tail) * resamples) - 1);
  return { estimate, low: stats[lowIdx]!, high: stats[highIdx]!, confidence };
}

function relative(candidate: number, baseline: number): number {
  if (baseline === 0) return candidate === 0 ? 0 : Math.sign(candidate) * Number.POSITIVE_INFINITY;
  return candidate / baseline - 1;
}
