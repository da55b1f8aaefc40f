/**
 * Quality figures of a regression detector on labelled comparisons. Per-data-point accuracy is never reported:
 * it is meaningless when almost no points are changes. What is reported is per comparison, on a set balanced
 * between changes and no changes (balanced accuracy), plus precision, recall by change size and false alarms
 * per 1,000 comparisons without a regression.
 */

export interface ScoredComparison {
  label: 0 | 1;
  kind: 'no-change' | 'regression' | 'improvement';
  /** Injected relative change, + = worse. */
  change: number;
  /** The detector's P(regressed). */
  probability: number;
  /** Whether the detector called a regression. */
  flagged: boolean;
}

export interface DetectorQuality {
  comparisons: number;
  regressions: number;
  noChanges: number;
  improvements: number;
  precision: number;
  recall: number;
  /** Recall on regressions of 5% and more. */
  recallAtLeast5pct: number;
  /** (recall on ≥5% regressions + specificity on no-change) / 2: the accuracy on a balanced set. */
  balancedAccuracyAtLeast5pct: number;
  falseAlarmsPer1000NoChange: number;
  falseAlarmsPer1000Improvements: number;
  /** Area under the ROC curve of the probability (regression vs everything else). */
  rocAuc: number;
  /** Mean cross-entropy of the probability. */
  logLoss: number;
  brier: number;
  recallBySize: { range: string; n: number; recall: number }[];
}

const SIZE_BUCKETS: [number, number][] = [
  [0.01, 0.02],
  [0.02, 0.05],
  [0.05, 0.1],
  [0.1, 0.2],
  [0.2, 0.51],
];

export function scoreDetector(rows: readonly ScoredComparison[]): DetectorQuality {
  const reg = rows.filter((r) => r.label === 1);
  const none = rows.filter((r) => r.kind === 'no-change');
  const improvements = rows.filter((r) => r.kind === 'improvement');
  const flagged = rows.filter((r) => r.flagged);
  const tp = flagged.filter((r) => r.label === 1).length;
  const rate = (xs: readonly ScoredComparison[]) =>
    xs.length ? xs.filter((r) => r.flagged).length / xs.length : 0;
  const big = reg.filter((r) => r.change >= 0.05);
  const specificity = 1 - rate(none);
  let logLoss = 0;
  let brier = 0;
  for (const r of rows) {
    const p = Math.min(1 - 1e-12, Math.max(1e-12, r.probability));
    logLoss -= r.label === 1 ? Math.log(p) : Math.log(1 - p);
    brier += (r.probability - r.label) ** 2;
  }
  return {
    comparisons: rows.length,
    regressions: reg.length,
    noChanges: none.length,
    improvements: improvements.length,
    precision: flagged.length ? tp / flagged.length : 1,
    recall: reg.length ? tp / reg.length : 0,
    recallAtLeast5pct: rate(big),
    balancedAccuracyAtLeast5pct: (rate(big) + specificity) / 2,
    falseAlarmsPer1000NoChange: rate(none) * 1000,
    falseAlarmsPer1000Improvements: rate(improvements) * 1000,
    rocAuc: rocAuc(rows),
    logLoss: logLoss / rows.length,
    brier: brier / rows.length,
    recallBySize: SIZE_BUCKETS.map(([lo, hi]) => {
      const inRange = reg.filter((r) => r.change >= lo && r.change < hi);
      return { range: `${lo * 100}–${Math.min(hi, 0.5) * 100}%`, n: inRange.length, recall: rate(inRange) };
    }),
  };
}

/** ROC AUC by the rank-sum identity, with ties counted half. */
export function rocAuc(rows: readonly { label: 0 | 1; probability: number }[]): number {
  const sorted = [...rows].sort((a, b) => a.probability - b.probability);
  let rankSum = 0;
  let positives = 0;
  for (let i = 0; i < sorted.length; ) {
    let j = i;
    while (j < sorted.length && sorted[j]!.probability === sorted[i]!.probability) j++;
    const rank = (i + 1 + j) / 2;
    for (let k = i; k < j; k++) {
      if (sorted[k]!.label === 1) {
        rankSum += rank;
        positives++;
      }
    }
    i = j;
  }
  const negatives = sorted.length - positives;
  if (positives === 0 || negatives === 0) return Number.NaN;
  return (rankSum - (positives * (positives + 1)) / 2) / (positives * negatives);
}
