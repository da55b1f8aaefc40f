/** Scoring helpers of the evaluation: per-comparison confusion counts and change-point F1 with a margin. */

export interface Confusion {
  tp: number;
  fp: number;
  tn: number;
  fn: number;
}

export function confusion(predicted: readonly boolean[], actual: readonly boolean[]): Confusion {
  const c = { tp: 0, fp: 0, tn: 0, fn: 0 };
  predicted.forEach((p, i) => {
    const a = actual[i]!;
    if (p && a) c.tp++;
    else if (p && !a) c.fp++;
    else if (!p && a) c.fn++;
    else c.tn++;
  });
  return c;
}

export function accuracy(c: Confusion): number {
  return (c.tp + c.tn) / Math.max(1, c.tp + c.tn + c.fp + c.fn);
}

export function precision(c: Confusion): number {
  return c.tp + c.fp > 0 ? c.tp / (c.tp + c.fp) : Number.NaN;
}

export function recall(c: Confusion): number {
  return c.tp / Math.max(1, c.tp + c.fn);
}

/** False alarms per 1,000 no-change comparisons. */
export function falseAlarmsPer1000(c: Confusion): number {
  return (1000 * c.fp) / Math.max(1, c.fp + c.tn);
}

/**
 * One-to-one matching of detected and true change points within ±margin indices. On a line, matching in
 * order (each true point takes the earliest unmatched detection within reach) gives the maximum matching.
 */
export function matchChangePoints(
  truth: readonly number[],
  detected: readonly number[],
  margin: number,
): { tp: number; fp: number; fn: number } {
  const t = [...truth].sort((a, b) => a - b);
  const d = [...detected].sort((a, b) => a - b);
  let i = 0;
  let j = 0;
  let tp = 0;
  while (i < t.length && j < d.length) {
    if (d[j]! < t[i]! - margin) j++;
    else if (d[j]! > t[i]! + margin) i++;
    else {
      tp++;
      i++;
      j++;
    }
  }
  return { tp, fp: d.length - tp, fn: t.length - tp };
}

export function f1(tp: number, fp: number, fn: number): number {
  const denom = 2 * tp + fp + fn;
  return denom === 0 ? 1 : (2 * tp) / denom;
}
