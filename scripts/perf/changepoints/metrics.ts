/**
 * The change-point F1 of the Turing Change Point Detection benchmark (TCPDBench, analysis/scripts/metrics.py,
 * van den Burg & Williams 2020), ported so ai-ci is scored exactly as the published methods were: a ±margin
 * window, one-to-one matching (each true point takes its nearest unused detection), index 0 added to every
 * annotator's set and to the detections, precision against the union of the annotators' points, recall
 * averaged over annotators, F = P·R / (α·R + (1 − α)·P) with α = 0.5.
 */

/** The true points of `truth` matched one-to-one to a detection within ±margin (TCPDBench's true_positives). */
export function truePositives(
  truth: Iterable<number>,
  detections: Iterable<number>,
  margin = 5,
): Set<number> {
  const left = new Set(detections);
  const tp = new Set<number>();
  for (const tau of [...new Set(truth)].sort((a, b) => a - b)) {
    let best: number | undefined;
    let bestDist = Number.POSITIVE_INFINITY;
    for (const x of left) {
      const d = Math.abs(tau - x);
      if (d <= margin && (d < bestDist || (d === bestDist && x < best!))) {
        bestDist = d;
        best = x;
      }
    }
    if (best === undefined) continue;
    tp.add(tau);
    left.delete(best);
  }
  return tp;
}

export interface FMeasure {
  f: number;
  precision: number;
  recall: number;
}

/** TCPDBench's f_measure: `annotations` holds one list of change points per annotator. */
export function fMeasure(
  annotations: readonly (readonly number[])[],
  detections: readonly number[],
  margin = 5,
  alpha = 0.5,
): FMeasure {
  const sets = annotations.map((a) => new Set([0, ...a]));
  const x = new Set([0, ...detections]);
  const union = new Set<number>();
  for (const s of sets) for (const t of s) union.add(t);
  const precision = truePositives(union, x, margin).size / x.size;
  const recall =
    sets.reduce((sum, s) => sum + truePositives(s, x, margin).size / s.size, 0) / Math.max(1, sets.length);
  const denom = alpha * recall + (1 - alpha) * precision;
  return { f: denom > 0 ? (precision * recall) / denom : 0, precision, recall };
}
