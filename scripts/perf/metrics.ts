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

/** Scores (+ = more likely a regression) of the positives and the negatives of a labelled set. */
function split(scores: readonly number[], labels: readonly boolean[]): { pos: number[]; neg: number[] } {
  const pos: number[] = [];
  const neg: number[] = [];
  scores.forEach((s, i) => {
    (labels[i] ? pos : neg).push(s);
  });
  return { pos, neg };
}

/** Area under the ROC curve: P(a positive scores above a negative), ties counting one half. */
export function rocAuc(scores: readonly number[], labels: readonly boolean[]): number {
  const { pos, neg } = split(scores, labels);
  if (pos.length === 0 || neg.length === 0) return Number.NaN;
  const sorted = [...neg].sort((a, b) => a - b);
  const below = (x: number, strict: boolean) => {
    let lo = 0;
    let hi = sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (strict ? sorted[mid]! < x : sorted[mid]! <= x) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  let sum = 0;
  for (const p of pos) sum += (below(p, true) + below(p, false)) / 2;
  return sum / (pos.length * neg.length);
}

/**
 * The highest recall of "flag when score > t" over all thresholds t whose false alarms stay at or below
 * `maxPer1000` per 1,000 negatives.
 */
export function recallAtFalseAlarms(
  scores: readonly number[],
  labels: readonly boolean[],
  maxPer1000: number,
): number {
  const { pos, neg } = split(scores, labels);
  if (pos.length === 0) return Number.NaN;
  const allowed = Math.floor((maxPer1000 * neg.length) / 1000 + 1e-9);
  const desc = [...neg].sort((a, b) => b - a);
  // Flagging above the (allowed+1)-th highest negative flags at most `allowed` negatives.
  const t = allowed < desc.length ? desc[allowed]! : -Infinity;
  return pos.filter((p) => p > t).length / pos.length;
}

/** The best balanced accuracy ((recall + specificity) / 2) of "flag when score > t" over all thresholds t. */
export function bestBalancedAccuracy(scores: readonly number[], labels: readonly boolean[]): number {
  const { pos, neg } = split(scores, labels);
  if (pos.length === 0 || neg.length === 0) return Number.NaN;
  const points = [...new Set([-Infinity, ...scores])];
  let best = 0;
  const p = [...pos].sort((a, b) => a - b);
  const n = [...neg].sort((a, b) => a - b);
  let i = 0;
  let j = 0;
  for (const t of points.sort((a, b) => a - b)) {
    while (i < p.length && p[i]! <= t) i++;
    while (j < n.length && n[j]! <= t) j++;
    best = Math.max(best, ((p.length - i) / p.length + j / n.length) / 2);
  }
  return best;
}
