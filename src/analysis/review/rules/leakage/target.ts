/**
 * leak-target: the target is among the features (not dropped from the frame the features come from, or inside the
 * columns a positional slice keeps), a feature is computed row by row from the target (`df["y"] / df["x"]`, a window
 * of it that includes the current row, `shift(-k)` into the future), or, at low confidence, a feature's name says it
 * derives from the target or is only known after the outcome.
 *
 * Size: over 400 lines because `inspect` is one ordered list of checks (the first that holds is the finding, the
 * strongest evidence first); each check's own logic lives in the modules imported below.
 */
import { leakyName } from '../../flow/apis.js';
import type { ColDep, DataVal, Facts, TrainFact } from '../../flow/facts.js';
import type { Position, RawFinding } from '../../types.js';
import type { ProgramContext, Rule } from '../rule.js';
import { wholeLogSummaries } from './as-of-log.js';
import { columnLists, keptFromOutcomeGroup } from './column-groups.js';
import {
  labelFromFeatures,
  laterRead,
  lineRef,
  sameRowSources,
  sources,
  TIME_COLUMN,
  targetLag,
} from './common.js';
import { asOfConstants, openWindowFindings } from './event-window.js';
import { groupTargetStatistic } from './group-target.js';
import { laggedFeature, namesTarget, resultsSheet, sharedMeasurement } from './label-sources.js';
import { labelPeriodWindows } from './label-window.js';
import {
  actualOfPlan,
  actualTime,
  durationToEnd,
  fromBefore,
  namesBefore,
  namesPlan,
  postOutcome,
  recordedAfter,
  totalOf,
} from './outcomes.js';
import { windowLeak } from './window.js';

export const rule: Rule = {
  id: 'leak-target',
  family: 'leakage',
  kind: 'target',
  name: 'target among the features',
  severity: 'warning',
  confidence: 'medium',
  summary:
    'The training features contain the target column, or columns whose names suggest they derive from it.',
  rationale:
    'A feature that is the target, or is computed from it or from what happens after it, gives a near-perfect ' +
    'score in evaluation and none in production (Kaufman et al. 2012, "Leakage in data mining").',
  fix: 'Drop the target (and anything computed from it or recorded after the outcome) from the feature frame before training.',
  check(ctx: ProgramContext): RawFinding[] {
    const out: RawFinding[] = [];
    const seen = new Set<string>();
    const lists = columnLists(ctx.root);
    const asOf = asOfConstants(ctx.root);
    // Models trained, and models cross-validated (cross_val_score trains one per fold on the same features).
    const cvTrainings: TrainFact[] = ctx.facts.cvs.flatMap((c) =>
      c.est && c.y
        ? [{ model: c.est, x: c.data, y: c.y, at: c.at, loops: [], columnDefs: c.columnDefs }]
        : [],
    );
    for (const t of [...ctx.facts.trainings, ...cvTrainings]) {
      // The columns as they were defined when the model was trained (a later cell may define one again).
      const facts = t.columnDefs ? { ...ctx.facts, columnDefs: t.columnDefs } : ctx.facts;
      const target = t.y?.column ?? madeFromOneColumn(t.y);
      if (!target) {
        const f = t.y && outcomeFrame(facts, t);
        if (f && !seen.has(`${t.at.line}`)) {
          seen.add(`${t.at.line}`);
          out.push(f);
        }
        continue;
      }
      const key = `${t.at.line}`;
      if (seen.has(key)) continue;
      const f =
        inspect(facts, t, target, lists) ??
        groupTargetStatistic(facts, t, target, rule, asOf) ??
        laterAsOfFeature(facts, t);
      if (!f) continue;
      seen.add(key);
      out.push(f);
    }
    const byFlow = out.length;
    // Events kept from a lower bound only (opened_at >= snapshot_date - 90 days), then aggregated, in a program that
    // trains a model: counts that include the events after the snapshot.
    if (ctx.facts.trainings.length + cvTrainings.length > 0) out.push(...openWindowFindings(ctx, rule));
    // Events kept up to a span after the row's date, the span the label is about (contacts within 180 days of the
    // adoption, the label a return within 180 days of it).
    const targets = new Set(
      [...ctx.facts.trainings, ...cvTrainings].flatMap((t) => (t.y?.column ? [t.y.column.name] : [])),
    );
    const windowFinding = (at: Position, message: string, why: string): void => {
      if (!out.some((f) => f.at.line === at.line))
        out.push({ ruleId: rule.id, kind: rule.kind, confidence: 'medium', at, message, why });
    };
    for (const w of labelPeriodWindows(ctx, targets))
      windowFinding(
        w.at,
        w.end
          ? `the window of ${JSON.stringify(w.event)} is the row's own period, the one its label is about (${JSON.stringify(w.anchor)} to ${JSON.stringify(w.end)})`
          : `the window of ${JSON.stringify(w.event)} reaches into the label's period after ${JSON.stringify(w.anchor)}`,
        `${
          w.end
            ? `The label names the period each row is (from ${JSON.stringify(w.anchor)} to ${JSON.stringify(w.end)}), and the records of ${JSON.stringify(w.event)} are kept within that same period`
            : `The label is what happens within a span after ${JSON.stringify(w.anchor)}, and the records of ${JSON.stringify(w.event)} are kept up to a span after the same date`
        } (${lineRef(w.at)}), nothing keeping them before it: the records made while the outcome was happening are counted into the features. Keep only those before ${JSON.stringify(w.anchor)} (${JSON.stringify(w.event)} < ${JSON.stringify(w.anchor)}).`,
      );
    // A log summarised whole beside a label read from it after a constant as-of date (bookings from SNAPSHOT on).
    // (Once: a log the flow followed onto the rows, laterEventsMerged or the rows the target is computed from, is
    // that finding already.)
    if (ctx.facts.trainings.length + cvTrainings.length > 0 && byFlow === 0)
      for (const w of wholeLogSummaries(ctx))
        windowFinding(
          w.at,
          `every record of ${JSON.stringify(w.log)} is summarised, those from ${w.asOf} on — the label's period — included`,
          `The program reads ${JSON.stringify(w.log)} from ${w.asOf} on (${JSON.stringify(w.event)} >= ${w.asOf}), the period its label is about, yet summarises all of its records here (${lineRef(w.at)}), nothing keeping them before ${w.asOf}: the records the label is made from are counted into the features. Summarise only ${w.log}[${JSON.stringify(w.event)} < ${w.asOf}].`,
        );
    return out;
  },
};

/**
 * A label computed row by row from one column (`np.log(df["sale_price"])`, `df["G3"] >= 10` passed directly): that
 * column is the target the features are checked against.
 */
export function madeFromOneColumn(y: DataVal | undefined): { frame: number; name: string } | undefined {
  if (!y || y.whole || y.cols || y.xy) return undefined;
  const deps = y.deps ?? [];
  const first = deps[0];
  if (!first) return undefined;
  return deps.every((d) => d.frame === first.frame && d.name === first.name && d.lag === 0 && !d.pos)
    ? { frame: first.frame, name: first.name }
    : undefined;
}

/**
 * Outcomes given as a frame of their own (statsmodels' endog with several columns, `GLM(endog, exog)`): a feature
 * column computed row by row from the outcome frame's columns gives the model the answer.
 */
function outcomeFrame(facts: Facts, t: TrainFact): RawFinding | undefined {
  const y = t.y;
  if (!y?.whole || y.frame === t.x.frame) return undefined;
  for (const c of featureColumns(facts, t.x, t.x.frame) ?? []) {
    const def = facts.columnDefs.get(t.x.frame)?.get(c);
    const read = def?.deps.find((d) => d.frame === y.frame && d.lag <= 0 && !d.pos);
    if (!def || !read) continue;
    return {
      ruleId: rule.id,
      kind: rule.kind,
      confidence: 'medium',
      at: t.at,
      message: `feature ${JSON.stringify(c)} is computed from the outcome ${JSON.stringify(read.name)}`,
      why: `${JSON.stringify(c)} (${lineRef(def.at)}) is computed row by row from ${JSON.stringify(read.name)}, a column of the outcomes the model at ${lineRef(t.at)} is trained to predict, so it is given the answer.`,
    };
  }
  return undefined;
}

/** Columns of interest in the features: those named (selected) or, for a whole frame, the ones the program added. */
function featureColumns(facts: Facts, x: DataVal, frame: number): string[] | undefined {
  if (x.cols?.frame === frame && x.cols.mode === 'only') return [...x.cols.names];
  // One column as the features (a text pipeline fit on df["text"]): that column.
  if (!x.cols && x.column?.frame === frame) return [x.column.name];
  const added = [...(facts.columnDefs.get(frame)?.keys() ?? [])];
  if (x.whole && x.frame === frame) return added;
  if (x.cols?.frame === frame && x.cols.mode === 'drop') return added.filter((c) => !x.cols!.names.has(c));
  return undefined;
}

/**
 * Columns the features may hold, for the checks by name: the feature columns, and for a whole frame (or one with only
 * some columns dropped) every other column the program names on that frame (`df.groupby("y")[["credit_limit"]]`
 * in an exploration cell, then `df.drop(columns=["id", "y"])` as the features).
 */
function namedColumns(facts: Facts, x: DataVal, frame: number): string[] {
  const cols = new Set(featureColumns(facts, x, frame) ?? []);
  const wholeFrame = x.whole && x.frame === frame;
  const dropped = x.cols?.frame === frame && x.cols.mode === 'drop' ? x.cols.names : undefined;
  if (wholeFrame || dropped)
    for (const c of facts.frameColumns.get(frame) ?? []) if (!dropped?.has(c)) cols.add(c);
  // And the columns of the tables merged into the frame (`reg.merge(res[["bib", "dnf", "timing_mats_crossed"]])`).
  if (wholeFrame || dropped)
    for (const m of facts.merges?.get(frame) ?? [])
      for (const c of m.names ?? facts.frameColumns.get(m.frame) ?? [])
        if (!dropped?.has(c) && c !== m.key && !m.keys?.includes(c)) cols.add(c);
  return [...cols];
}

/** How the label reads its target column. */
function labelDep(t: TrainFact, target: { frame: number; name: string }): ColDep | undefined {
  return t.y?.deps?.find((d) => d.frame === target.frame && d.name === target.name);
}

/**
 * Whether the features of a training are computed row by row from its target (in the features themselves or in a
 * column added to the frame), at the current row or later.
 */
export function readsTargetRowwise(all: Facts, t: TrainFact): boolean {
  const facts = t.columnDefs ? { ...all, columnDefs: t.columnDefs } : all;
  const target = t.y?.column ?? madeFromOneColumn(t.y);
  if (!target) return false;
  const label = labelDep(t, target);
  const direct = targetLag(facts, t.x.deps ?? [], target.frame, target.name, label);
  if (direct && direct.lag <= 0) return true;
  return (featureColumns(facts, t.x, target.frame) ?? []).some((c) => {
    const def = c === target.name ? undefined : facts.columnDefs.get(target.frame)?.get(c);
    const found = def ? targetLag(facts, def.deps, target.frame, target.name, label) : undefined;
    return !!found && found.lag <= 0;
  });
}

function inspect(
  facts: Facts,
  t: TrainFact,
  target: { frame: number; name: string },
  lists: Map<string, string[]>,
): RawFinding | undefined {
  const x = t.x;
  const at: Position = t.at;
  const finding = (message: string, why: string, low = false): RawFinding => ({
    ruleId: rule.id,
    kind: rule.kind,
    ...(low ? { severity: 'note' as const } : {}),
    confidence: low ? 'low' : 'medium',
    at,
    message,
    why,
  });
  let included: string | undefined;
  // A label that reads another row of its column (`df["sales"].shift(-1)`): the column's own value in the features
  // is the past, judged by lag below.
  const label = labelDep(t, target);
  if (label && label.lag !== 0) included = undefined;
  else if (x.whole && x.frame === target.frame) included = 'the features are the whole frame';
  else if (x.cols?.frame === target.frame && x.cols.mode === 'drop' && !x.cols.names.has(target.name))
    included =
      x.cols.names.size === 0
        ? 'no column is dropped'
        : `only ${[...x.cols.names].map((n) => JSON.stringify(n)).join(', ')} are dropped`;
  else if (x.cols?.mode === 'only' && x.cols.names.has(target.name))
    included = 'it is in the selected columns';
  else if (x.cols?.mode === 'slice' && x.cols.frame === target.frame && /^#-?\d+$/.test(target.name)) {
    const k = Number(target.name.slice(1));
    const { start, stop } = x.cols;
    // Positions: without the array's width, a negative index is only compared with negative bounds.
    const afterStart = start === undefined || (k >= 0 ? start >= 0 && start <= k : start >= 0 || start <= k);
    // (A positive index against a negative stop, X = df.iloc[:, :-1] beside y = df.iloc[:, 1], depends on the width,
    // which is not known: the last column is often the one y names. Not reported.)
    const beforeStop = stop === undefined || (k >= 0 ? stop >= 0 && k < stop : stop < 0 && k < stop);
    if (afterStart && beforeStop)
      included = `column ${k} is inside the slice [${start ?? ''}:${stop ?? ''}] of the features`;
  }
  const shown = target.name.startsWith('#') ? `column ${target.name.slice(1)}` : JSON.stringify(target.name);
  if (included)
    return finding(
      `the target ${target.name.startsWith('#') ? shown : `column ${shown}`} is also a feature`,
      `The model at ${lineRef(t.at)} is trained on features that still contain the target: ${included}.`,
    );

  // Features computed from the target row by row: directly in the features, or through columns added to the frame.
  const columns = featureColumns(facts, x, target.frame) ?? [];
  const direct = targetLag(facts, x.deps ?? [], target.frame, target.name, label);
  if (direct && direct.lag <= 0)
    return finding(
      `the features are computed from the target ${shown}`,
      `The features of the model at ${lineRef(t.at)} are computed row by row from the target ${lagText(direct.lag)}.`,
    );
  for (const c of columns) {
    if (c === target.name) continue;
    const def = facts.columnDefs.get(target.frame)?.get(c);
    const found = def ? targetLag(facts, def.deps, target.frame, target.name, label) : undefined;
    if (found && found.lag <= 0)
      return finding(
        `feature ${JSON.stringify(c)} is computed from the target ${shown}`,
        `${JSON.stringify(c)} (${lineRef(def!.at)}) is computed row by row from the target ${lagText(found.lag)}, so the model at ${lineRef(t.at)} is given the answer.`,
      );
  }
  // A label that is another column shifted (next_close = close.shift(-1)): a feature reading that column at the
  // label's row or later (close.pct_change().shift(-1)) gives it away.
  const labelSrc = facts.columnDefs.get(target.frame)?.get(target.name)?.deps;
  const src = labelSrc?.length === 1 && !labelSrc[0]!.pos ? labelSrc[0] : undefined;
  if (src && src.frame === target.frame && src.name !== target.name && src.lag !== 0) {
    for (const c of columns) {
      if (c === target.name) continue;
      // y = sales.shift(1) with `sales` itself among the features: the feature is the row after the label's.
      if (c === src.name && src.lag > 0)
        return finding(
          `feature ${JSON.stringify(c)} is the row after the target ${shown}`,
          `${shown} is ${JSON.stringify(src.name)} shifted by ${src.lag} (a past value); the feature ${JSON.stringify(c)} is read ${src.lag} row(s) after it, so the model at ${lineRef(t.at)} is given what follows the answer.`,
        );
      if (c === src.name) continue;
      const def = facts.columnDefs.get(target.frame)?.get(c);
      const found = def ? targetLag(facts, def.deps, target.frame, src.name, src) : undefined;
      if (found && found.lag <= 0)
        return finding(
          `feature ${JSON.stringify(c)} reads ${JSON.stringify(src.name)} at the row of the target ${shown}`,
          `${shown} is ${JSON.stringify(src.name)} shifted by ${-src.lag}; ${JSON.stringify(c)} (${lineRef(def!.at)}) reads ${JSON.stringify(src.name)} ${found.lag < 0 ? 'after' : 'at'} that row, so the model at ${lineRef(t.at)} is given the answer.`,
        );
    }
  }
  // The label a statistic of a part of a table (spend after a cutoff), a feature a statistic of rows including it.
  const window = windowLeak(facts, t, target);
  if (window)
    return finding(
      `the features summarise the rows the target ${shown} is computed from`,
      `${shown} is ${window.label.by} of a part of the rows (${lineRef(window.label.at)}); the features include ${window.feature.by} over rows that contain that part (${lineRef(window.feature.at)}), so the model at ${lineRef(t.at)} is given the outcome period itself. Compute the features from the rows before the label's period only.`,
    );
  // The label computed from a feature on the same row (`df["long_stay"] = df["length_of_stay"] > 7` with
  // length_of_stay a feature): the model is given what the label is made of. A label that reads later rows
  // (`close.shift(-1) > close`, a forecast) is not.
  const labelDef = facts.columnDefs.get(target.frame)?.get(target.name);
  if (labelDef && labelDef.deps.length > 0 && labelDef.deps.every((d) => d.lag === 0 && !d.pos)) {
    const made = new Set(labelDef.deps.filter((d) => d.frame === target.frame).map((d) => d.name));
    // Among the features: selected by name, or not dropped from the frame they come from.
    // (Under select_dtypes a column not dropped may still be left out: the label's source is often text it encodes.)
    // Or read row by row by the function mapped over the rows to make the inputs (a text made of several columns,
    // f"rating {stars}. {text}", tokenized by ds.map(encode)).
    const kept = (n: string) =>
      columns.includes(n) ||
      (!!x.mappedFrom &&
        !!x.deps?.some((d) => d.frame === target.frame && d.name === n && d.lag === 0 && !d.pos)) ||
      (x.cols?.frame === target.frame && x.cols.mode === 'drop' && !x.cols.typed && !x.cols.names.has(n)) ||
      (!!x.whole && x.frame === target.frame);
    // overrun = actual_min > 1.1 * scheduled_min with scheduled_min a feature and actual_min not: the plan is known
    // before the run, the outcome is measured against it (the actual is what the model must not see).
    // (Or a baseline, relief = pre_session_pain - post_session_pain >= 2 with the pre-session score a feature.)
    const known = (n: string) => namesPlan(n) || namesBefore(n);
    const plan = (n: string) =>
      known(n) && [...made].some((m) => m !== n && m !== target.name && !kept(m) && !known(m));
    // min_per_km = finish_seconds / 60 / length_km with length_km a feature and finish_seconds not: the label is the
    // outcome per unit of the feature, which scales it and does not give it.
    const divisorOnly = (n: string) =>
      labelDef.deps.filter((d) => d.frame === target.frame && d.name === n).every((d) => d.divisor);
    const perUnit = (n: string) =>
      divisorOnly(n) && [...made].some((m) => m !== n && m !== target.name && !kept(m) && !divisorOnly(m));
    const c = [...made].find((n) => n !== target.name && kept(n) && !plan(n) && !perUnit(n));
    // unsold = baked - sold with baked a feature and sold given only as sold.shift(7): the program itself treats the
    // other part of the label as known afterwards; the feature is an input the outcome is measured against.
    const laggedOnly = (m: string) => !kept(m) && laggedFeature(facts, target, columns, [m]) !== undefined;
    if (c && ![...made].some((m) => m !== target.name && m !== c && laggedOnly(m)))
      return finding(
        `the target ${shown} is computed from feature ${JSON.stringify(c)}`,
        `${shown} (${lineRef(labelDef.at)}) is computed row by row from ${JSON.stringify(c)}, which the model at ${lineRef(t.at)} is also given: it learns the label's definition, not a prediction.`,
      );
    // The label a transform of one column (log_salary = log(salary_usd)) and a feature computed from that column
    // on the same row (salary_band = cut(salary_usd)): the feature is a coarse copy of the label.
    const source = made.size === 1 ? [...made][0]! : undefined;
    // A feature computed on the same row, from the current values only, from column `from`.
    const readsOnRow = (from: string) =>
      columns.find((f) => {
        const def = f === target.name || f === from ? undefined : facts.columnDefs.get(target.frame)?.get(f);
        return (
          !!def &&
          def.deps.length > 0 &&
          def.deps.every((d) => d.lag === 0 && !d.pos) &&
          sameRowSources(facts, target.frame, f).has(from)
        );
      });
    const twin = source !== undefined && source !== target.name ? readsOnRow(source) : undefined;
    // days_open = closed_at - reported_at, and month = closed_at.dt.month: a feature read off the end of the duration
    // the label measures, the time the outcome happened (not off its start, known when the case opens).
    // (The end is the side not subtracted, whatever its name: a report signed after the scan completed.)
    const timeNamed = (n: string) => TIME_COLUMN.test(n) || facts.datedColumns?.get(target.frame)?.has(n);
    const minuends = labelDef.deps.filter(
      (d) => d.frame === target.frame && d.lag === 0 && !d.pos && !d.subtracted && !d.divisor,
    );
    const subtracted = labelDef.deps.filter((d) => d.frame === target.frame && d.subtracted);
    // (Beside a condition on another column, (outcome == "reunited") & (closed_at - reported_at <= 7 days): still
    // the one time not subtracted is the end.)
    const timed = [...new Set(minuends.map((d) => d.name))].filter((n) => timeNamed(n));
    const end =
      timed.length === 1 &&
      subtracted.length === 1 &&
      timeNamed(subtracted[0]!.name) &&
      !subtracted.some((d) => d.name === timed[0]!)
        ? timed[0]!
        : undefined;
    const atEnd = end !== undefined ? readsOnRow(end) : undefined;
    if (atEnd && end)
      return finding(
        `feature ${JSON.stringify(atEnd)} is computed from ${JSON.stringify(end)}, the end of the target ${shown}`,
        `${shown} (${lineRef(labelDef.at)}) is the time from the case's start to ${JSON.stringify(end)}, and ${JSON.stringify(atEnd)} is computed from ${JSON.stringify(end)} on the same row: the model at ${lineRef(t.at)} is given when the case ended, known only once the outcome is.`,
        true,
      );
    if (twin)
      return finding(
        `feature ${JSON.stringify(twin)} and the target ${shown} are both computed from ${JSON.stringify(source)}`,
        `${shown} (${lineRef(labelDef.at)}) and ${JSON.stringify(twin)} are computed row by row from the same column ${JSON.stringify(source)}, so the model at ${lineRef(t.at)} is given a version of the label.`,
      );
    const worked = labelFromFeatures(facts, target, made, columns);
    if (worked)
      return finding(
        `features ${worked.features.map((f) => JSON.stringify(f)).join(', ')} together give the target ${shown}`,
        `${shown} (${lineRef(labelDef.at)}) is computed row by row from ${[...made].map((m) => JSON.stringify(m)).join(', ')}, and the features of the model at ${lineRef(t.at)} are computed from all of them (${worked.reach.map(([m, f]) => `${JSON.stringify(m)} in ${JSON.stringify(f)}`).join(', ')}): the label can be worked out from them.`,
      );
    // overran = actual_days > 1.15 * quoted_days, and days_per_m2 = actual_days / roof_area_m2: the feature reads
    // what actually happened, the measurement the label compares with the plan.
    const actual = actualOfPlan([...made]);
    const reads = actual
      ? columns.find(
          (f) =>
            f !== target.name &&
            f !== actual &&
            !!facts.columnDefs.get(target.frame)?.get(f) &&
            sameRowSources(facts, target.frame, f).has(actual),
        )
      : undefined;
    if (reads)
      return finding(
        `feature ${JSON.stringify(reads)} reads ${JSON.stringify(actual)}, the outcome measured for the target ${shown}`,
        `${shown} (${lineRef(labelDef.at)}) compares ${JSON.stringify(actual)} with the plan; ${JSON.stringify(reads)} is computed from ${JSON.stringify(actual)} on the same row, so the model at ${lineRef(t.at)} is given what actually happened.`,
      );
    const shared = sharedMeasurement(facts, target, columns, kept);
    if (shared)
      return finding(
        `feature ${JSON.stringify(shared.feature)} reads ${JSON.stringify(shared.column)} of the row the target ${shown} is computed from`,
        `${shown} (${lineRef(labelDef.at)}) is computed row by row from ${JSON.stringify(shared.column)}, and so is ${JSON.stringify(shared.feature)}, while the program gives the model ${JSON.stringify(shared.lagged)} only from earlier rows: the same-row measurement is the outcome itself, another scaling of the label.`,
      );
  }
  const sheet = resultsSheet(facts, target, columns);
  if (sheet)
    return finding(
      `feature ${JSON.stringify(sheet.feature)} comes with the target ${shown} from ${JSON.stringify(sheet.source)}`,
      `${shown} and ${JSON.stringify(sheet.feature)} are both columns of ${JSON.stringify(sheet.source)}, a table of results merged in on ${JSON.stringify(sheet.key)}: what is recorded with the outcome is known once it happened, not when the model predicts it.`,
    );
  // A feature that reads a later row (groupby(id)["salary"].shift(-1)) in rows the label reads as they are: at
  // prediction time that row is the future, when the outcome has happened (low confidence: the row order is assumed
  // to be time, as a negative shift means).
  if (!label || (label.lag === 0 && !label.pos))
    for (const c of columns) {
      if (c === target.name) continue;
      // (Or one defined on a table merged in: bz["rank_move"] = g.shift(-1) - bz["rank_value"] on the rankings,
      // then df.merge(bz[[…, "rank_move"]]).)
      const own = facts.columnDefs.get(target.frame)?.get(c);
      const merged = own
        ? undefined
        : (facts.merges?.get(target.frame) ?? []).find(
            (m) => m.key !== c && !m.keys?.includes(c) && facts.columnDefs.get(m.frame)?.has(c),
          );
      const def = own ?? (merged && facts.columnDefs.get(merged.frame)?.get(c));
      const ahead = def ? laterRead(facts, def.deps, merged?.frame ?? target.frame) : undefined;
      if (ahead)
        return finding(
          `feature ${JSON.stringify(c)} reads a later row`,
          `${JSON.stringify(c)} (${lineRef(def!.at)}) reads ${JSON.stringify(ahead.name)} ${-ahead.lag} row(s) ahead (a negative shift): the model at ${lineRef(t.at)} is given what happens after the row it predicts, unknown at prediction time.`,
          true,
        );
    }
  // Recorded after the outcome: documented columns of a known data set, or events that follow an outcome.
  const dataset = facts.frameSources.get(target.frame) ?? '';
  const named = namedColumns(facts, x, target.frame);
  const delays = [target.name, ...sources(facts, target.frame, target.name)].flatMap(
    (n) => /^(\w*?)_?delay(ed)?($|_)/i.exec(n)?.[1] ?? [],
  );
  // The outcome by the target's name and the columns it is made from (`defaulted` from `loan_status`).
  const outcomeNames = [target.name, ...sources(facts, target.frame, target.name)];
  // Columns the features are computed from directly (a text made of several columns: subject + notes).
  const read = (x.deps ?? []).filter((d) => d.frame === target.frame && d.lag === 0).map((d) => d.name);
  // A label that is a later row (`spike.shift(-1)`, directly or in its column's definition): a forecast.
  const forecast =
    (label?.lag ?? 0) < 0 ||
    !!facts.columnDefs
      .get(target.frame)
      ?.get(target.name)
      ?.deps.some((d) => d.lag < 0);
  for (const c of new Set([...named, ...read])) {
    // (A column the program computes from no column, g.cumcount() as "customer_orders", is no record of that name.)
    const from =
      facts.columnDefs.get(target.frame)?.get(c)?.deps.length === 0
        ? []
        : [...sources(facts, target.frame, c)];
    // A delay is the actual time less the planned one: the actual time of that event (dep_time for dep_delay, not
    // crs_dep_time or sched_dep_time) exists once it has happened (low confidence, by name).
    const actual = from.find((s) => delays.some((p) => p !== '' && actualTime(s, p)));
    if (actual)
      return finding(
        `feature ${JSON.stringify(c)} is the actual time of the delayed event`,
        `${actual === c ? JSON.stringify(c) : `${JSON.stringify(c)}, computed from ${JSON.stringify(actual)},`} is when the event happened; ${shown} is made from its delay, that time less the planned one, so it is known only once the outcome has happened.`,
        true,
      );
    const total = from.find((s) => totalOf(s, target.name));
    if (total)
      return finding(
        `feature ${JSON.stringify(c)} is a total that includes the target`,
        `${total === c ? JSON.stringify(c) : `${JSON.stringify(c)}, computed from ${JSON.stringify(total)},`} is by its name the total of which ${shown} is a part: the model is given the answer plus other columns.`,
        true,
      );
    // white_elo_post beside white_elo_pre: the value after the event the target records (a rating after the game,
    // a weight after the treatment), by the program's own pair of names.
    const known = new Set([...(facts.frameColumns.get(target.frame) ?? []), ...read]);
    // (Also eot_ecsa beside bol_ecsa, the end of a test beside the beginning of life; final_ beside baseline_.)
    const paired = from.find((s) =>
      AFTER_BEFORE.some(([after, before]) => {
        const m = new RegExp(`^(.*_)?${after}(_.*)?$`).exec(s);
        return !!m && before.some((b) => known.has(`${m[1] ?? ''}${b}${m[2] ?? ''}`));
      }),
    );
    if (paired)
      return finding(
        `feature ${JSON.stringify(c)} is recorded after the outcome`,
        `${paired === c ? JSON.stringify(c) : `${JSON.stringify(c)}, computed from ${JSON.stringify(paired)},`} is the "post" value beside a "pre" one: it is measured after the event whose outcome ${shown} records, unknown at prediction time.`,
        true,
      );
    // (What follows an outcome read from an earlier row, shift(1), is the last outcome's: known by now. So is a
    // feature named as from before, days_since_change, and any same-day record beside a label of a later row.)
    // (Nor a summary of an event log cut at each row's own date, ev[ev.event_time < ev.delinquent_on] with
    // delinquent_on merged from these rows: the events named after the outcome counted before the row's time.)
    // (A rate the program computes from other columns, route_closure_rate = route_id.map(rate), is judged by those,
    // not by the name it was given: a rate of the outcome over past cases is no record made after this one.)
    const computed =
      /(^|_)(rate|share|ratio|frequency|freq|prob|probability)$/i.test(c) &&
      (facts.columnDefs.get(target.frame)?.get(c)?.deps.length ?? 0) > 0;
    const now =
      from.length === 0 || forecast || cutAtRowDate(facts, target.frame, c)
        ? []
        : [...sameRowSources(facts, target.frame, c)].filter((s) => !(computed && s === c));
    const post = now.find((s) => postOutcome(s, target.name, dataset));
    const after =
      post || fromBefore(c)
        ? undefined
        : (now.flatMap((s) => recordedAfter(s, outcomeNames).map((o) => [s, o] as const))[0] ??
          durationToEnd(now, outcomeNames));
    if (post || after)
      return finding(
        `feature ${JSON.stringify(c)} is recorded after the outcome`,
        `${(post ?? after![0]) === c ? JSON.stringify(c) : `${JSON.stringify(c)}, computed from ${JSON.stringify(post ?? after![0])},`} is only known once the outcome ${shown} has happened${after ? ` (${after[1].follows})` : ''}; at prediction time it does not exist.`,
        true,
      );
  }
  // The rest of the group of columns the label comes from, in the program's own lists of names.
  const kept = keptFromOutcomeGroup(facts, lists, x, target, new Set(outcomeNames));
  if (kept)
    return finding(
      `feature ${JSON.stringify(kept.feature)} is recorded with the outcome ${shown}`,
      `${JSON.stringify(kept.feature)} is listed in ${kept.group} with ${kept.source === target.name ? `the target ${shown}` : `${JSON.stringify(kept.source)}, what ${shown} is made from`}; the features leave out ${kept.left.map((n) => JSON.stringify(n)).join(', ')} of that list but keep it, though it is part of the same record, known only once the outcome is.`,
      true,
    );
  // By name only: columns named after the target, or after what happens later.
  // Columns the program computes are judged by how (above), not by their names (Sales_lag7 from shift(7) is fine).
  const defined = facts.columnDefs.get(target.frame);
  const suspicious = named.filter(
    (n) => n !== target.name && !defined?.has(n) && (namesTarget(n, target.name) || leakyName(n)),
  );
  if (suspicious.length > 0 && !target.name.startsWith('#'))
    return finding(
      `feature ${JSON.stringify(suspicious[0])} may be derived from the target ${shown}`,
      `By its name only, ${suspicious.map((s) => JSON.stringify(s)).join(', ')} looks computed from the target or recorded after the outcome; check that it is known at prediction time.`,
      true,
    );
  return undefined;
}

/** Name parts of a measurement after an event, each with those of the same measurement before it. */
const AFTER_BEFORE: [string, string[]][] = [
  ['post', ['pre']],
  ['eot', ['bol', 'bot', 'sot']],
  ['eol', ['bol']],
  // final_rate_per_hour beside posted_rate_per_hour: what was settled at the end beside what was offered at the start
  // (a list or asking price, a quote, an estimate), the end known only once the case has run its course.
  [
    'final',
    [
      'baseline',
      'initial',
      'posted',
      'listed',
      'list',
      'asking',
      'advertised',
      'quoted',
      'offered',
      'original',
      'opening',
      'starting',
      'estimated',
      'planned',
    ],
  ],
  // exit_6mwt_m beside baseline_6mwt_m: the test at the end of a programme, which only those who finish it take.
  ['exit', ['baseline', 'intake', 'entry']],
  // total_appliances beside initial_appliances: the total over the whole incident, of which the first count is the
  // part known at the start.
  ['total', ['initial']],
  // logged_hours beside quoted_hours: the hours booked to a job as it was worked, known once it is done, beside the
  // hours it was quoted at intake.
  ['logged', ['quoted', 'estimated', 'planned', 'budgeted', 'scheduled']],
];

function lagText(lag: number): string {
  if (lag < 0) return `shifted ${-lag} row${lag === -1 ? '' : 's'} into the future (shift(${lag}))`;
  return 'including the current row (no shift into the past)';
}

/**
 * Whether column `c` of `frame` was merged from a table whose rows were cut at a date of `frame`'s own rows: an event
 * log merged with each row's date (`events.merge(df[["case_id", "account_id", "delinquent_on"]])`), kept where an
 * event is before it (`ev[ev["event_time"] < ev["delinquent_on"]]`), then summarised and merged back.
 */
function cutAtRowDate(facts: Facts, frame: number, c: string): boolean {
  const merged = (facts.merges?.get(frame) ?? []).filter((m) => m.frame !== frame);
  // The table the column is known to come from (refund_gbp read from refunds, merged beside payments cut at the
  // course start); when none is (n_dispute, a pivot's column), any table merged in.
  const owners = merged.filter((m) => m.names?.has(c) || facts.frameColumns.get(m.frame)?.has(c));
  // (Not a column computed from none of the merged tables' columns: tenure_years = end_date − start_date of the rows
  // themselves, beside inspections merged and cut at each row's offer date.)
  const def = facts.columnDefs.get(frame)?.get(c);
  const fromMerged = (name: string) =>
    merged.some((m) => (m.names ?? facts.frameColumns.get(m.frame))?.has(name));
  // (A column redefined from itself, df[cols] = df[cols].fillna(0) after a merge, is still the merged one.)
  if (owners.length === 0 && def?.deps.length && !def.deps.some((d) => d.name === c || fromMerged(d.name)))
    return false;
  for (const m of owners.length > 0 ? owners : merged) {
    if (m.names && !m.names.has(c)) continue;
    const cuts = facts.rowCuts?.get(m.frame);
    if (!cuts?.length) continue;
    const fromRows = facts.merges
      ?.get(m.frame)
      ?.some((x) => x.frame === frame && (!x.names || cuts.some((k) => x.names!.has(k.later))));
    if (fromRows) return true;
  }
  return false;
}

/**
 * A feature brought by an as-of join that takes the nearest or the next record (`join_asof(…, strategy="nearest")`,
 * `merge_asof(…, direction="forward")`): for some rows a record made after the row's own time — an advisory posted
 * because of the very sample the model is to predict. (Kaufman et al. 2012: features recorded after the prediction
 * time.) Only columns the program names among the features, from a right table whose columns it names.
 */
function laterAsOfFeature(facts: Facts, t: TrainFact): RawFinding | undefined {
  const cols = t.x.cols;
  if (cols?.mode !== 'only') return undefined;
  for (const j of facts.laterAsOf ?? []) {
    if (j.frame !== cols.frame) continue;
    const c = [...cols.names].find((n) => j.names.has(n));
    if (c === undefined) continue;
    return {
      ruleId: rule.id,
      kind: rule.kind,
      confidence: 'medium',
      at: t.at,
      message: `feature ${JSON.stringify(c)} is attached from a record that may be later than the row (${j.how})`,
      why: `${JSON.stringify(c)} comes from an as-of join at ${lineRef(j.at)} that takes the ${j.how.includes('nearest') ? 'nearest' : 'next'} record, not the last one before each row: for some rows it is a record made after the row's own time (even because of its outcome), which the model at ${lineRef(t.at)} could not have at prediction time. Join backward (the last record at or before the row's time).`,
    };
  }
  return undefined;
}
