/**
 * leak-target's check of a statistic of the target within groups the split keeps whole, or by an entity's id (see
 * groupTargetStatistic, entityMean).
 */
import { type Facts, mayHold, type Taint, type TrainFact } from '../../flow/facts.js';
import type { RawFinding } from '../../types.js';
import type { Rule } from '../rule.js';
import { chain, keptWhole, lineRef, onTrainingPart, sameRowSources, TIME_COLUMN } from './common.js';

/**
 * A statistic of the target within groups the split keeps whole (`groupby(["store", "date"])["minutes"]
 * .transform("mean")` with the rows split by date): leak-preprocessing is silent — no group is on both sides — but
 * each row's feature holds its own label and those of its group's other rows, later ones included. Or one by an
 * entity's id, whatever the split (see entityMean).
 */
/**
 * Whether a taint of training `t`'s features is a statistic of its target (or of a column the target is computed from
 * row by row: podium = finish_position <= 3) written back to the rows of its own group — by an entity's id, or within
 * groups the split keeps whole — which groupTargetStatistic reports.
 */
export function targetWithinGroup(
  facts: Facts,
  t: TrainFact,
  target: { frame: number; name: string },
  taint: Taint,
): boolean {
  const label = sameRowSources(facts, target.frame, target.name);
  if (taint.col?.frame !== target.frame || !label.has(taint.col.name)) return false;
  // Only a statistic written back to the group's rows (transform); a reduction merged back may be shifted first.
  if ((taint.by !== 'group statistics (transform)' && !taint.mergedBack) || !taint.groupBy?.length)
    return false;
  const a = taint.assigned;
  if (a && t.x.cols?.mode === 'only' && !a.names.some((n) => mayHold(t.x.cols!, n))) return false;
  const split = [...t.x.rows]
    .flatMap((r) => [...chain(facts, r)])
    .map((id) => facts.origins.get(id)?.split)
    .find((x) => x);
  const by = split?.by ?? split?.groups;
  // Rows split in time (train before a date, test after it): each group's mean holds its later rows' labels — the
  // test period's outcomes in a training row, the row's own in a test row — whatever the key (a street, a room).
  // (With a random split the same statistic is a target encoding fit before the split: leak-preprocessing's.)
  const inTime = !!split?.by && TIME_COLUMN.test(split.by) && taint.by === 'group statistics (transform)';
  // (Fit on the training part and joined onto both, store_rates(train) merged onto train and test: a target encoding
  // learnt where it may be — each training row's rate holds its own label, as any in-sample fit does, and no test
  // row's label is in anything.)
  const learntOnTraining = !!taint.mergedBack && onTrainingPart(facts, taint.fitRows);
  return (entityMean(taint) && !learntOnTraining) || inTime || (!!by && keptWhole(facts, taint.groupBy, by));
}

export function groupTargetStatistic(
  facts: Facts,
  t: TrainFact,
  target: { frame: number; name: string },
  rule: Pick<Rule, 'id' | 'kind'>,
  /** The program's constant as-of dates (see asOfConstants): the date of rows that have none of their own. */
  asOf: string[] = [],
): RawFinding | undefined {
  // The target, or a column it is computed from row by row (podium = finish_position <= 3).
  const label = sameRowSources(facts, target.frame, target.name);
  for (const taint of t.x.taints) {
    if (!targetWithinGroup(facts, t, target, taint) || !taint.col || !taint.groupBy) continue;
    // (The name among the features: agg(k=…, n=…) with k dropped and rate = k / n kept is reported as the rate.)
    const names = taint.assigned?.names ?? [];
    const name = names.find((n) => t.x.cols?.mode === 'only' && t.x.cols.names.has(n)) ?? names[0];
    return {
      ruleId: rule.id,
      kind: rule.kind,
      confidence: 'medium',
      at: t.at,
      message: `feature ${name ? JSON.stringify(name) : 'a group statistic'} is a statistic of the target within its own group`,
      why: `${name ? JSON.stringify(name) : 'The feature'} (${lineRef(taint.at)}) is computed over each ${taint.groupBy.map((g) => JSON.stringify(g)).join(' × ')} group's values of ${taint.col.name === target.name ? `the target ${JSON.stringify(target.name)}` : `${JSON.stringify(taint.col.name)}, which the target ${JSON.stringify(target.name)} is computed from`}, the row's own label and the group's later ones included, so the model at ${lineRef(t.at)} is given the answer. Use the groups' earlier values only (a shifted, expanding statistic, or the previous period's).`,
    };
  }
  return (
    byTargetGroup(t, target, label, rule) ??
    laterRowsSummarised(facts, t, target, rule) ??
    countsLaterRows(facts, t, rule) ??
    laterEventsMerged(facts, t, rule, asOf) ??
    summarisedWithLabel(facts, t, target, label, rule)
  );
}

/**
 * A feature summarised in the same per-entity reduction as the label (`dets.groupby("tag_id").agg(n_receivers=…,
 * min_rkm=("rkm", "min"))`, then `survived = min_rkm < 10`): both summarise the same records, those of the outcome
 * period — a fish that reaches the estuary passes more receivers — so the feature is another reading of the label.
 * The features of a label's period come from records cut before it, in a summary of their own.
 */
function summarisedWithLabel(
  facts: Facts,
  t: TrainFact,
  target: { frame: number; name: string },
  label: Set<string>,
  rule: Pick<Rule, 'id' | 'kind'>,
): RawFinding | undefined {
  // (Named aggregations of one agg() call, each of its own column: not one statistic copied into several columns.)
  const reduction = (x: Taint) =>
    !!x.assigned && !!x.col && !!x.groupBy?.length && /^group statistics \((agg|aggregate)\)$/.test(x.by);
  const same = (a: Taint, b: Taint) => a.at.line === b.at.line && a.at.column === b.at.column;
  const ofLabel = (x: Taint) => x.assigned!.names.some((n) => n === target.name || label.has(n));
  for (const l of t.x.taints) {
    if (!reduction(l) || !ofLabel(l)) continue;
    const f = t.x.taints.find((x) => {
      if (x === l || !reduction(x) || !same(x, l) || ofLabel(x) || x.col!.name === l.col!.name) return false;
      const a = x.assigned!;
      if (t.x.cols?.mode === 'only' && !a.names.some((n) => mayHold(t.x.cols!, n))) return false;
      // (Read off an earlier row, g["vessels"].shift(1): yesterday's summary, known by today's forecast.)
      const defs = (t.columnDefs ?? facts.columnDefs).get(a.frame);
      const used = t.x.cols?.mode === 'only' ? a.names.filter((n) => t.x.cols!.names.has(n)) : [];
      const earlier = (n: string) => {
        const reads = (defs?.get(n)?.deps ?? []).filter(
          (d) => d.frame === a.frame && a.names.includes(d.name),
        );
        return reads.length > 0 && reads.every((d) => d.lag > 0);
      };
      return !(used.length > 0 && used.every(earlier));
    });
    if (!f) continue;
    const name =
      f.assigned!.names.find((n) => t.x.cols?.mode !== 'only' || t.x.cols.names.has(n)) ??
      f.assigned!.names[0];
    const by = l.groupBy!.map((g) => JSON.stringify(g)).join(' × ');
    return {
      ruleId: rule.id,
      kind: rule.kind,
      confidence: 'medium',
      at: t.at,
      message: `feature ${JSON.stringify(name)} is summarised with the target ${JSON.stringify(target.name)} in one reduction per ${by}`,
      why: `${JSON.stringify(name)} and ${l.assigned!.names.map((n) => JSON.stringify(n)).join(', ')}, which the target ${JSON.stringify(target.name)} is made from, are computed in the same summary per ${by} (${lineRef(l.at)}), over the same records: those of the period the outcome is about, so the model at ${lineRef(t.at)} is given another reading of its label. Summarise the features from records cut before the outcome's period, in a summary of their own.`,
    };
  }
  return undefined;
}

/**
 * Each entity's whole record in another dated table summarised and merged onto dated rows (`notices.groupby(
 * "property_id").agg(n_notices=…, last_notice=("notice_date", "max"))` merged onto gas-safety checks that have their
 * own check_date), with no cut by date before: a row's summary counts the records dated after it — the notice issued
 * because this very check failed — so the model is told about its future. (Kaufman et al. 2012: features recorded
 * after the prediction time.)
 */
function laterEventsMerged(
  facts: Facts,
  t: TrainFact,
  rule: Pick<Rule, 'id' | 'kind'>,
  asOf: string[],
): RawFinding | undefined {
  const frame = t.x.cols?.frame ?? t.x.frame;
  // Rows dated by a column of their own, or all by one constant date the label's period starts at (policies in force
  // on STORM_DATE, the label a claim in the 30 days from it).
  // (Or by the time column the rows are split by, read without parsing: claims split by received_on.)
  const splitBy = [...t.x.rows]
    .flatMap((r) => [...chain(facts, r)])
    .map((id) => facts.origins.get(id)?.split)
    .find((x) => x)?.by;
  const timeSplit =
    splitBy && (TIME_COLUMN.test(splitBy) || /(^|_)(on|ts)$/i.test(splitBy)) ? new Set([splitBy]) : undefined;
  const parsed = facts.datedColumns?.get(frame);
  const own = parsed?.size ? parsed : (timeSplit ?? new Set(asOf));
  const byConstant = own !== parsed && own !== timeSplit;
  if (!own.size) return undefined;
  const rows = new Set([...t.x.rows].flatMap((r) => [...chain(facts, r)]));
  for (const taint of t.x.taints) {
    const log = taint.eventLog;
    // (Also the row's own log, actions.groupby("case_id") merged onto the cases: every action on the case, those
    // after its triage included, unless the log was first cut at the row's date — then it is no eventLog.)
    if (!log || log.frame === frame || !taint.groupBy || (taint.groupBy.length !== 1 && !log.key)) continue;
    // (Kept from a date on, msg[msg.sent_at >= msg.intake_date]: still every later record when that date is the row's
    // own and the one bounded is not — bookings[bookings.slot_start >= bookings.booked_at] ends at the row's date.)
    if (log.after?.some((a) => !own.has(a.from) || own.has(a.column))) continue;
    // (The summary is the label itself, claims.groupby("policy_id")["repair_cost"].sum() merged as the target: each
    // policy's total is what the model predicts, not a feature of it.)
    if (taint.col && !taint.assigned && taint.col.name === t.y?.column?.name) continue;
    // (By a date, events.groupby("date").size() merged on date: the records of the row's own day, not of an entity
    // over time.)
    const key = log.key ?? taint.groupBy[0]!;
    if (log.dates.includes(key) || own.has(key) || TIME_COLUMN.test(key)) continue;
    if ([...taint.fitRows].some((r) => rows.has(r))) continue;
    const a = taint.assigned;
    if (a && t.x.cols?.mode === 'only' && !a.names.some((n) => mayHold(t.x.cols!, n))) continue;
    const name = a?.names.find((n) => t.x.cols?.mode !== 'only' || t.x.cols.names.has(n)) ?? a?.names[0];
    return {
      ruleId: rule.id,
      kind: rule.kind,
      confidence: 'medium',
      at: t.at,
      message: `${name ? `feature ${JSON.stringify(name)}` : 'a feature'} summarises every dated record of its ${taint.groupBy.map((k) => JSON.stringify(k)).join(' and ')}, those after the row's own date included`,
      why: `${name ? JSON.stringify(name) : 'The feature'} (${lineRef(taint.at)}) summarises each ${taint.groupBy.map((k) => JSON.stringify(k)).join(' and ')}'s records of a table dated by ${log.dates.map((d) => JSON.stringify(d)).join(', ')} over all time, and is merged onto rows that ${byConstant ? `have no date of their own but are compared with ${[...own].join(', ')}, a constant date the program reads later records from` : `have dates of their own (${[...own].map((d) => JSON.stringify(d)).join(', ')})`}: a row's summary counts records made after it (a notice issued because of the very outcome), so the model at ${lineRef(t.at)} is told about its future. Summarise only the records dated before each row (merge on the key, keep those earlier than the row's date, then aggregate per row).`,
    };
  }
  return undefined;
}

/**
 * The rows of each entity counted over the whole table (`groupby(["planter_id", "grade"])["lot_id"]
 * .transform("count")`: how often a lot was listed) when the rows are split in time: each row's count includes the
 * entity's later rows — a lot listed again because it did not sell.
 */
function countsLaterRows(
  facts: Facts,
  t: TrainFact,
  rule: Pick<Rule, 'id' | 'kind'>,
): RawFinding | undefined {
  const split = [...t.x.rows]
    .flatMap((r) => [...chain(facts, r)])
    .map((id) => facts.origins.get(id)?.split)
    .find((x) => x);
  if (!split?.by || !TIME_COLUMN.test(split.by)) return undefined;
  for (const taint of t.x.taints) {
    if (!taint.entityCount || !taint.groupBy?.length) continue;
    const a = taint.assigned;
    if (a && t.x.cols?.mode === 'only' && !a.names.some((n) => mayHold(t.x.cols!, n))) continue;
    const name = a?.names[0];
    return {
      ruleId: rule.id,
      kind: rule.kind,
      confidence: 'medium',
      at: t.at,
      message: `feature ${name ? JSON.stringify(name) : 'a row count'} counts every row of its ${taint.groupBy.map((g) => JSON.stringify(g)).join(' × ')}, the later ones included`,
      why: `${name ? JSON.stringify(name) : 'The feature'} (${lineRef(taint.at)}) counts each entity's rows over the whole table, while the rows are split in time by ${JSON.stringify(split.by)}: a row's count includes what happened to the entity afterwards (a lot listed again because it did not sell), so the model at ${lineRef(t.at)} is told about its future. Count the earlier rows only (cumcount() in time order).`,
    };
  }
  return undefined;
}

/** A snapshot's date by its name alone (`snapshot`, `as_of`, `cutoff`). */
const SNAPSHOT = /(^|_)(snapshots?|snap|as_?of|cut_?off)($|_)/i;

/**
 * A statistic of a feature computed per value of the target and given back to the rows by it (gaps filled with
 * `groupby(["beach", "rescue_logged"])[cols].median()` looked up on both keys, `groupby("y")["x"].transform("mean")`):
 * each row's feature is chosen by its own label, the test rows' too.
 */
function byTargetGroup(
  t: TrainFact,
  target: { frame: number; name: string },
  label: Set<string>,
  rule: Pick<Rule, 'id' | 'kind'>,
): RawFinding | undefined {
  for (const taint of t.x.taints) {
    if ((taint.by !== 'group statistics (transform)' && !taint.mergedBack) || !taint.groupBy?.length)
      continue;
    // (An id the label looks up, churned = ~player_id.isin(later.player_id), is whose label it is, not its value; a
    // date it is measured from, setout_at within 30 days of snapshot_date or of a Polars frame's "snapshot", is when,
    // not its value either.)
    const key = taint.groupBy.find(
      (k) =>
        k === target.name ||
        (label.has(k) && !/(^|_)id$/i.test(k) && !TIME_COLUMN.test(k) && !SNAPSHOT.test(k)),
    );
    if (!key) continue;
    const a = taint.assigned;
    if (a && t.x.cols?.mode === 'only' && !a.names.some((n) => mayHold(t.x.cols!, n))) continue;
    return {
      ruleId: rule.id,
      kind: rule.kind,
      confidence: 'medium',
      at: t.at,
      message: `features are computed per value of the target ${JSON.stringify(target.name)}`,
      why: `A statistic at ${lineRef(taint.at)} is taken within groups keyed by ${JSON.stringify(key)}${key === target.name ? ', the target itself,' : `, which the target ${JSON.stringify(target.name)} is computed from,`} and given back to each row by that key: the feature of every row, a test row's too, is chosen by its own label, so the model at ${lineRef(t.at)} reads the answer. Group by columns known before the outcome.`,
    };
  }
  return undefined;
}

/**
 * A label that reads an entity's later rows (repurchase: the customer's next order within two years, from
 * `groupby("customer_id")["order_date"].shift(-1)`) beside a feature that summarises all of the entity's rows
 * (`groupby("customer_id")["order_id"].transform("count")`): the summary includes the rows the label looks at — a
 * customer with more orders has a next one.
 */
function laterRowsSummarised(
  facts: Facts,
  t: TrainFact,
  target: { frame: number; name: string },
  rule: Pick<Rule, 'id' | 'kind'>,
): RawFinding | undefined {
  const readsLater = (name: string, seen: Set<string>): boolean => {
    seen.add(name);
    return (facts.columnDefs.get(target.frame)?.get(name)?.deps ?? []).some(
      (d) => d.frame === target.frame && (d.lag < 0 || (!seen.has(d.name) && readsLater(d.name, seen))),
    );
  };
  if (!readsLater(target.name, new Set())) return undefined;
  for (const taint of t.x.taints) {
    // (Or a reduction by the key merged back: history = df.groupby("machine_id").agg(…); df.merge(history, …).)
    if ((taint.by !== 'group statistics (transform)' && !taint.mergedBack) || taint.groupBy?.length !== 1)
      continue;
    if (!ENTITY_KEY.test(taint.groupBy[0]!)) continue;
    // (By the row's own id, pairs.groupby("job_id").size() merged back on job_id: one group per row, no later rows of
    // an entity in it.)
    if (taint.ownGroup) continue;
    const a = taint.assigned;
    if (a && t.x.cols?.mode === 'only' && !a.names.some((n) => mayHold(t.x.cols!, n))) continue;
    const name = a?.names[0];
    return {
      ruleId: rule.id,
      kind: rule.kind,
      confidence: 'medium',
      at: t.at,
      message: `feature ${name ? JSON.stringify(name) : 'a group statistic'} summarises every row of its ${JSON.stringify(taint.groupBy[0])}, the later ones the target reads included`,
      why: `The target ${JSON.stringify(target.name)} is computed from later rows of the data (a negative shift), and ${name ? JSON.stringify(name) : 'the feature'} (${lineRef(taint.at)}) is a statistic of all the rows of each ${JSON.stringify(taint.groupBy[0])}, those later rows included: the model at ${lineRef(t.at)} is told about the very rows its label is made from. Summarise the earlier rows only (cumcount(), a shifted expanding statistic).`,
    };
  }
  return undefined;
}

/** Ids of entities whose own record a mean of the target is (`player_id`, `author_id`, `show_id`). */
const ENTITY_KEY = /^[a-z][a-z0-9]*_id$/i;

/**
 * A statistic of the target by an entity's id, written back to its rows (`groupby("player_id")["won"]
 * .transform("mean")`), or by its id and a day merged back on both: the entity's record with this row's own outcome in it, whatever the split (a random split
 * also carries test labels into training rows: leak-preprocessing reports that side).
 */
export function entityMean(t: Taint): boolean {
  return (
    (t.groupBy?.length === 1 &&
      ENTITY_KEY.test(t.groupBy[0]!) &&
      (t.by === 'group statistics (transform)' || !!t.mergedBack)) ||
    // groupby(["technician_id", "pack_date"])["set_error"].sum() merged back on both keys: an entity's day, with the
    // row's own outcome in it.
    (t.groupBy?.length === 2 &&
      !!t.mergedBack &&
      t.groupBy.some((k) => ENTITY_KEY.test(k)) &&
      t.groupBy.some((k) => TIME_COLUMN.test(k)))
  );
}
