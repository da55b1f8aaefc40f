/**
 * leak-target's checks of where a feature comes from beside the label: the same results file (resultsSheet), the
 * same measurement of the row (sharedMeasurement), the label's own name (namesTarget).
 */
import type { Facts } from '../../flow/facts.js';
import { sameRowSources, targetLag } from './common.js';
import { namesPlan } from './outcomes.js';

/**
 * A file of results or outcomes by its name (`ring_results_2018.csv`, `trial_outcomes.parquet`, `labels.csv`), or of
 * what is recorded after the start it follows: a follow-up (`followup_1y.csv`), a loan's servicing or performance
 * file (Fannie Mae's and Freddie Mac's monthly performance data, recorded after origination).
 */
const RESULTS_FILE =
  /(^|[^a-z])(results?|outcomes?|labels?|targets?|answers?|verdicts?|decisions?|follow_?ups?|performance|perf|servicing)([^a-z]|$)/i;

/**
 * A feature that comes with the label from a table of results merged in on a key (`ring = read_csv("ring_results.csv")
 * [["lot_id", "sold", "commission_paid"]]`, `lots.merge(ring, on="lot_id")`): the other columns of an outcome's record
 * are recorded with it. Only a file named as results, and only columns that table brings (not its key).
 */
export function resultsSheet(
  facts: Facts,
  target: { frame: number; name: string },
  columns: readonly string[],
): { feature: string; source: string; key: string } | undefined {
  for (const m of facts.merges?.get(target.frame) ?? []) {
    const source = facts.frameSources.get(m.frame);
    const base = source?.replace(/^.*[\\/]/, '');
    if (!source || !base || !RESULTS_FILE.test(base)) continue;
    const names = m.names ?? facts.frameColumns.get(m.frame);
    if (!names?.has(target.name)) continue;
    const feature = columns.find(
      (c) => c !== target.name && c !== m.key && !m.keys?.includes(c) && names.has(c),
    );
    if (feature) return { feature, source, key: m.key };
  }
  return undefined;
}

/**
 * A feature computed row by row from a measurement the label is also computed from (`concentration =
 * spore_count / air_volume`, label `concentration >= 500`; feature `spore_count / sampling_hours`), in a program that
 * otherwise gives the model those measurements only from earlier rows (`groupby(station)["concentration"].shift(1)`):
 * the program itself treats them as known only afterwards. Not a date or a key (`doy = date.dt.dayofyear` shares
 * `date` with any label read on the same row), and not a measurement that is itself a feature (the label is then
 * computed from a feature, judged above).
 */
export function sharedMeasurement(
  facts: Facts,
  target: { frame: number; name: string },
  columns: readonly string[],
  /** Whether a column of the frame is itself among the features (one the program did not add, not dropped). */
  isFeature: (c: string) => boolean = () => false,
): { feature: string; column: string; lagged: string } | undefined {
  const raw = new Set([...sameRowSources(facts, target.frame, target.name)].filter((n) => n !== target.name));
  if (raw.size === 0) return undefined;
  const defs = facts.columnDefs.get(target.frame);
  const lagged = laggedFeature(facts, target, columns, raw);
  if (!lagged) return undefined;
  for (const f of columns) {
    const def = f === target.name || f === lagged ? undefined : defs?.get(f);
    if (!def || def.deps.length === 0 || !def.deps.every((d) => d.lag === 0 && !d.pos)) continue;
    const column = [...sameRowSources(facts, target.frame, f)].find(
      (c) =>
        c !== f &&
        raw.has(c) &&
        !columns.includes(c) &&
        !isFeature(c) &&
        // (Not the plan the outcome is measured against: hours_to_deadline beside late = delivered_at > deadline_at.)
        !namesPlan(c) &&
        !/(^|_)(date|time|timestamp|day|id|key)s?($|_)/i.test(c),
    );
    if (column) return { feature: f, column, lagged };
  }
  return undefined;
}

/**
 * A feature that reads one of `measured` only from earlier rows (`groupby(station)["concentration"].shift(1)`,
 * `groupby(site)["portions_served"].shift(1)`): the program treats that measurement as known only afterwards.
 */
export function laggedFeature(
  facts: Facts,
  target: { frame: number; name: string },
  columns: readonly string[],
  measured: Iterable<string>,
): string | undefined {
  const defs = facts.columnDefs.get(target.frame);
  return columns.find((g) => {
    const def = g === target.name ? undefined : defs?.get(g);
    return (
      !!def &&
      [...measured].some((m) => (targetLag(facts, def.deps, target.frame, m, undefined)?.lag ?? 0) > 0)
    );
  });
}

/** The words of a column name: `SalePrice_log2` → sale, price, log, 2. */
function words(name: string): string[] {
  return name
    .replace(/([a-z])([A-Z])/g, '$1_$2')
    .replace(/([a-zA-Z])(\d)|(\d)([a-zA-Z])/g, '$1$3_$2$4')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
}

/** Words that say a value is from before (a lag of the target is the past, not the answer). */
const PAST = /^(lag|lags|lagged|prev|previous|last|shifted|yesterday|prior|hist|historical)$/;

/**
 * A feature named after the target: the target's words, in order, among its words (`sales_ewm_7` for `Sales`; not
 * `year` for `y`, nor `sales_lag_7`, which says it is the past).
 */
export function namesTarget(feature: string, target: string): boolean {
  const f = words(feature);
  const t = words(target);
  if (t.length === 0 || t.join('').length < 2 || f.some((w) => PAST.test(w))) return false;
  for (let i = 0; i + t.length <= f.length; i++) if (t.every((w, k) => f[i + k] === w)) return true;
  return false;
}
