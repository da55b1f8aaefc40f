/**
 * The regression checks people use today, reimplemented from their documentation for the side-by-side
 * evaluation (scripts/perf/eval.ts). Every baseline sees the same inputs as ai-ci: the per-run medians of the
 * history and the candidate's rounds; where a tool compares one value per run, that value is the median.
 */
import type { Direction } from '../../src/analysis/perf/features.js';
import { mean, median, variance } from '../../src/analysis/perf/stats/robust.js';

export interface BaselineInput {
  baseline: readonly number[];
  candidate: readonly number[];
  history: readonly number[];
  direction: Direction;
}

export interface Baseline {
  name: string;
  /** true when the tool would alert on a regression. */
  flags(c: BaselineInput): boolean;
}

/** How many times worse the candidate is than the reference (> 1 = worse), whatever the direction. */
function worseRatio(candidate: number, reference: number, direction: Direction): number {
  return direction === 'smaller-is-better' ? candidate / reference : reference / candidate;
}

/**
 * github-action-benchmark / CodSpeed / asv style: alert when the new result is worse than the previous one
 * by more than a fixed ratio (github-action-benchmark's `alert-threshold: 200%` means twice as slow).
 */
export function previousRatio(name: string, threshold: number): Baseline {
  return {
    name,
    flags: (c) => worseRatio(median(c.candidate), median(c.baseline), c.direction) > 1 + threshold,
  };
}

function meanVar(values: readonly number[]): { mean: number; variance: number } {
  return { mean: mean(values), variance: variance(values) };
}

/** Conbench: z-score of the new result against the distribution of the lookback window; alert when z > 5. */
export function conbenchZ(threshold = 5): Baseline {
  return {
    name: `Conbench lookback z > ${threshold}`,
    flags: (c) => {
      if (c.history.length < 2) return false;
      const { mean, variance } = meanVar(c.history);
      const sd = Math.sqrt(variance);
      const value = median(c.candidate);
      const z = sd > 0 ? (value - mean) / sd : value === mean ? 0 : Math.sign(value - mean) * Infinity;
      return (c.direction === 'smaller-is-better' ? z : -z) > threshold;
    },
  };
}

/**
 * Perfherder: Welch's t between the back window (the last 12 runs) and the new data, alerting when t > 7 and
 * the change of the means is at least 2%.
 */
export function perfherder(tThreshold = 7, minChange = 0.02, backWindow = 12): Baseline {
  return {
    name: `Perfherder t > ${tThreshold} & ≥ ${minChange * 100}%`,
    flags: (c) => {
      const back = c.history.slice(-backWindow);
      if (back.length < 2 || c.candidate.length < 1) return false;
      const b = meanVar(back);
      const f = meanVar(c.candidate);
      const delta = f.mean - b.mean;
      const se = Math.sqrt(b.variance / back.length + f.variance / c.candidate.length);
      const t = se > 0 ? delta / se : delta === 0 ? 0 : Math.sign(delta) * Infinity;
      const oriented = c.direction === 'smaller-is-better' ? t : -t;
      return oriented > tThreshold && worseRatio(f.mean, b.mean, c.direction) - 1 >= minChange;
    },
  };
}

/**
 * Plain binary segmentation for changes in the mean with the BIC penalty 2·σ²·log n (R changepoint's
 * cpt.mean(method = "BinSeg", penalty = "BIC") on data scaled by σ̂ = MAD(diff(x))/√2), minimum segment
 * `minSegment`. Returns 0-based indices of the first point of each new regime.
 */
export function plainBinarySegmentation(series: readonly number[], minSegment = 2): number[] {
  const n = series.length;
  if (n < 2 * minSegment) return [];
  const diffs: number[] = [];
  for (let i = 1; i < n; i++) diffs.push(series[i]! - series[i - 1]!);
  const dm = median(diffs);
  const sigma = (1.4826 * median(diffs.map((d) => Math.abs(d - dm)))) / Math.SQRT2;
  const variance = sigma > 0 ? sigma * sigma : Math.max(meanVar(series).variance, 1e-300);
  const penalty = 2 * Math.log(n) * variance;
  const prefix = new Float64Array(n + 1);
  for (let i = 0; i < n; i++) prefix[i + 1] = prefix[i]! + series[i]!;
  const found: number[] = [];
  const stack: [number, number][] = [[0, n]];
  while (stack.length) {
    const [a, b] = stack.pop()!;
    if (b - a < 2 * minSegment) continue;
    const total = prefix[b]! - prefix[a]!;
    let best = -1;
    let gain = 0;
    for (let k = a + minSegment; k <= b - minSegment; k++) {
      const left = k - a;
      const right = b - k;
      const d = prefix[k]! - prefix[a]! - (left / (b - a)) * total;
      // Reduction of the residual sum of squares by splitting at k.
      const g = (d * d * (b - a)) / (left * right);
      if (g > gain) {
        gain = g;
        best = k;
      }
    }
    if (best < 0 || gain <= penalty) continue;
    found.push(best);
    stack.push([a, best], [best, b]);
  }
  return found.sort((x, y) => x - y);
}

/** Plain change-point detection used per comparison: a change point at the new result, in the worse direction. */
export function plainChangePoint(): Baseline {
  return {
    name: 'Plain binary segmentation (BIC)',
    flags: (c) => {
      if (c.history.length < 2) return false;
      const value = median(c.candidate);
      const series = [...c.history, value];
      const cps = plainBinarySegmentation(series, 1);
      if (cps[cps.length - 1] !== series.length - 1) return false;
      const before = series.slice(cps.length > 1 ? cps[cps.length - 2]! : 0, -1);
      return worseRatio(value, meanVar(before).mean, c.direction) > 1;
    },
  };
}

export function allBaselines(): Baseline[] {
  return [
    previousRatio('github-action-benchmark ratio > 200%', 1),
    previousRatio('CodSpeed ratio > 10%', 0.1),
    previousRatio('asv ratio > 5%', 0.05),
    conbenchZ(5),
    perfherder(7, 0.02),
    plainChangePoint(),
  ];
}

/** The fixed-threshold baselines the false-alarm target is measured against. */
export const FIXED_THRESHOLD_BASELINES = [
  'github-action-benchmark ratio > 200%',
  'CodSpeed ratio > 10%',
  'asv ratio > 5%',
];
