/**
 * Target leakage through aggregation windows: the label is a statistic by group of a part of a table (what each
 * customer spends in the year after a cutoff, `tx[tx.ts >= cutoff].groupby("customer_id")["amount"].sum()`) and a
 * feature is a statistic by group of rows that include that part (recency, frequency and spend over all of `tx`).
 * The feature then summarises the very rows the label is computed from — the outcome period — which do not exist
 * at prediction time (Kapoor & Narayanan 2023, "Leakage and the reproducibility crisis in ML-based science": L3.1,
 * features from after the prediction time). Statistics over the rows before the cutoff, a sibling part, are fine.
 */
import { ancestors, type DataVal, type Facts, type Taint, type TrainFact } from '../../flow/facts.js';

/** Statistics by group (`groupby(k).agg(…)`, `groupby(k)[c].sum()`), as the interpreter names them. */
const byGroup = (t: Taint) => t.by.startsWith('group statistics');

/** A taint written to columns (Taint.assigned) that the features leave out (selected without them, or dropped). */
function leftOut(t: Taint, x: DataVal): boolean {
  const a = t.assigned;
  if (!a || x.cols?.frame !== a.frame) return false;
  if (x.cols.mode === 'only') return !x.cols.more && !a.names.some((n) => x.cols!.names.has(n));
  if (x.cols.mode === 'drop') return a.names.every((n) => x.cols!.names.has(n));
  return false;
}

/** Whether every row of `inner` comes from a row of `outer` (a part of it), none of them being `outer`'s own. */
function strictlyInside(facts: Facts, inner: ReadonlySet<number>, outer: ReadonlySet<number>): boolean {
  if (inner.size === 0 || outer.size === 0) return false;
  for (const r of inner) {
    if (outer.has(r)) return false;
    if (![...ancestors(facts, r)].some((a) => outer.has(a))) return false;
  }
  return true;
}

export interface WindowLeak {
  /** The features' statistic (what was aggregated over all the rows). */
  feature: Taint;
  /** The label's statistic (what was aggregated over a part of them). */
  label: Taint;
}

/**
 * The feature statistic computed over rows that include the rows the label's statistic is computed from, when the
 * label (column `target` of its frame) is such a statistic and the features keep that feature's columns.
 */
export function windowLeak(
  facts: Facts,
  t: TrainFact,
  target: { frame: number; name: string },
): WindowLeak | undefined {
  const ofLabel = (s: Taint) => s.assigned?.frame === target.frame && s.assigned.names.includes(target.name);
  const labels = (t.y?.taints ?? []).filter((s) => byGroup(s) && ofLabel(s));
  if (labels.length === 0) return undefined;
  const features = t.x.taints.filter((s) => byGroup(s) && !ofLabel(s) && !leftOut(s, t.x));
  for (const label of labels)
    for (const feature of features)
      if (strictlyInside(facts, label.fitRows, feature.fitRows)) return { feature, label };
  return undefined;
}
