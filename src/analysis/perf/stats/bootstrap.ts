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
  // The median of a resample is an order statistic of the sample itself: with each value's rank in the sorted
  // sample, a resample is a count per rank and its median the rank where the counts pass half — the same values
  // a quickselect of the resampled values gives, from the same draws, at a fraction of the cost (no comparisons
  // of doubles, no swaps), which made 200 benchmarks of 1,000 rounds take seconds.
  const a = ranked(baseline);
  const b = ranked(candidate);
  const countsA = new Uint32Array(n1);
  const countsB = new Uint32Array(n2);
  const stats = new Float64Array(resamples);
  for (let r = 0; r < resamples; r++) {
    for (let i = 0; i < n1; i++) countsA[a.rank[Math.floor(random() * n1)]!]!++;
    for (let i = 0; i < n2; i++) countsB[b.rank[Math.floor(random() * n2)]!]!++;
    stats[r] = relative(medianOfCounts(countsB, b.sorted), medianOfCounts(countsA, a.sorted));
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

/** The values sorted ascending and each value's position among them (ties get distinct positions). */
function ranked(values: ArrayLike<number>): { sorted: Float64Array; rank: Uint32Array } {
  const n = values.length;
  const order = new Uint32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  order.sort((x, y) => values[x]! - values[y]!);
  const sorted = new Float64Array(n);
  const rank = new Uint32Array(n);
  for (let k = 0; k < n; k++) {
    sorted[k] = values[order[k]!]!;
    rank[order[k]!] = k;
  }
  return { sorted, rank };
}

/**
 * Median of a resample given as counts per rank of `sorted` (as many draws as values), the mean of the two
 * middle order statistics for an even count as medianInPlace; clears the counts for the next resample.
 */
function medianOfCounts(counts: Uint32Array, sorted: Float64Array): number {
  const n = sorted.length;
  const half = n >>> 1;
  const even = n % 2 === 0;
  let lower = Number.NaN;
  let upper = Number.NaN;
  let below = 0;
  for (let i = 0; i < n; i++) {
    const c = counts[i]!;
    if (c === 0) continue;
    const through = below + c;
    // Order statistic k (0-based) is the value at the first rank whose cumulative count exceeds k.
    if (even && Number.isNaN(lower) && through > half - 1) lower = sorted[i]!;
    if (through > half) {
      upper = sorted[i]!;
      break;
    }
    below = through;
  }
  counts.fill(0);
  return even ? (lower + upper) / 2 : upper;
}
