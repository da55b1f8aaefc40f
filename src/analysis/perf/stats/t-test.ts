/** Two-sample t-tests from summary statistics (the change-point detector has them from prefix sums). */
import { studentTSf } from './distributions.js';

export interface TTestResult {
  t: number;
  df: number;
  /** Two-sided p-value. */
  p: number;
}

/** Welch's unequal-variance t-test of mean2 − mean1. Variances are sample variances (n − 1). */
export function welchTTest(
  mean1: number,
  var1: number,
  n1: number,
  mean2: number,
  var2: number,
  n2: number,
): TTestResult {
  const a = var1 / n1;
  const b = var2 / n2;
  const se = Math.sqrt(a + b);
  if (!(se > 0))
    return {
      t: mean2 === mean1 ? 0 : Math.sign(mean2 - mean1) * Infinity,
      df: n1 + n2 - 2,
      p: mean2 === mean1 ? 1 : 0,
    };
  const t = (mean2 - mean1) / se;
  const df = (a + b) ** 2 / ((a * a) / Math.max(1, n1 - 1) + (b * b) / Math.max(1, n2 - 1));
  return { t, df, p: Math.min(1, 2 * studentTSf(Math.abs(t), df)) };
}

/** Student's pooled-variance t-test of mean2 − mean1, as Apache Otava uses between adjacent segments. */
export function studentTTest(
  mean1: number,
  var1: number,
  n1: number,
  mean2: number,
  var2: number,
  n2: number,
): TTestResult {
  const df = n1 + n2 - 2;
  const pooled = df > 0 ? ((n1 - 1) * var1 + (n2 - 1) * var2) / df : 0;
  const se = Math.sqrt(pooled * (1 / n1 + 1 / n2));
  if (!(se > 0))
    return { t: mean2 === mean1 ? 0 : Math.sign(mean2 - mean1) * Infinity, df, p: mean2 === mean1 ? 1 : 0 };
  const t = (mean2 - mean1) / se;
  return { t, df, p: Math.min(1, 2 * studentTSf(Math.abs(t), Math.max(1, df))) };
}
