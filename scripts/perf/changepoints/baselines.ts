/**
 * Baselines of the change-point evaluation: no change at all, binary segmentation and PELT for changes in the
 * mean with the BIC penalty (R changepoint's cpt.mean(penalty = "BIC") on data scaled by σ̂ = MAD(diff(x))/√2,
 * as in scripts/perf/baselines.ts). Missing values are skipped, indices refer to the input.
 */
import { median } from '../../../src/analysis/perf/stats/robust.js';
import { plainBinarySegmentation } from '../baselines.js';

/** Runs `detect` on the finite values and maps its indices back to positions of the input. */
export function onFinite(series: readonly number[], detect: (values: number[]) => number[]): number[] {
  const at: number[] = [];
  const values: number[] = [];
  series.forEach((v, i) => {
    if (Number.isFinite(v)) {
      at.push(i);
      values.push(v);
    }
  });
  return detect(values).map((k) => at[k]!);
}

/** σ̂² = (1.4826 · MAD(diff(x)) / √2)², falling back on the variance when the MAD is 0. */
function bicVariance(series: readonly number[]): number {
  const diffs: number[] = [];
  for (let i = 1; i < series.length; i++) diffs.push(series[i]! - series[i - 1]!);
  const dm = median(diffs);
  const sigma = (1.4826 * median(diffs.map((d) => Math.abs(d - dm)))) / Math.SQRT2;
  if (sigma > 0) return sigma * sigma;
  const mean = series.reduce((s, v) => s + v, 0) / series.length;
  return Math.max(series.reduce((s, v) => s + (v - mean) ** 2, 0) / Math.max(1, series.length - 1), 1e-300);
}

/** PELT (Killick et al. 2012) for changes in the mean, BIC penalty 2·σ̂²·log n, minimum segment `minSegment`. */
export function plainPelt(series: readonly number[], minSegment = 2): number[] {
  const n = series.length;
  if (n < 2 * minSegment) return [];
  const beta = 2 * Math.log(n) * bicVariance(series);
  const prefix = new Float64Array(n + 1);
  for (let i = 0; i < n; i++) prefix[i + 1] = prefix[i]! + series[i]!;
  const cost = (a: number, b: number) => {
    const s = prefix[b]! - prefix[a]!;
    return -(s * s) / (b - a);
  };
  const F = new Float64Array(n + 1);
  const last = new Int32Array(n + 1);
  F[0] = -beta;
  let cands: number[] = [];
  for (let t = minSegment; t <= n; t++) {
    const s = t - minSegment;
    if (s === 0 || s >= minSegment) cands.push(s);
    let best = Number.POSITIVE_INFINITY;
    for (const c of cands) {
      const v = F[c]! + cost(c, t) + beta;
      if (v < best) {
        best = v;
        last[t] = c;
      }
    }
    F[t] = best;
    cands = cands.filter((c) => F[c]! + cost(c, t) <= best);
  }
  const cps: number[] = [];
  for (let t = last[n]!; t > 0; t = last[t]!) cps.push(t);
  return cps.reverse();
}

export const CHANGEPOINT_BASELINES: { name: string; detect: (series: readonly number[]) => number[] }[] = [
  { name: 'no change', detect: () => [] },
  { name: 'binary segmentation (BIC)', detect: (s) => onFinite(s, (v) => plainBinarySegmentation(v, 2)) },
  { name: 'PELT (BIC)', detect: (s) => onFinite(s, (v) => plainPelt(v, 2)) },
];
