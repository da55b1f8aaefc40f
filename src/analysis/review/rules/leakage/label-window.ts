/**
 * A feature's events kept into the label's own period: the label is what happens within a span after a date of the
 * row, and a feature's window reaches up to a span after the same date (Kaufman et al. 2012: a feature from the
 * period the outcome is observed in). Read from the syntax, beside event-window.ts's windows open at the top.
 */
import type { Node } from 'web-tree-sitter';
import type { ProgramContext } from '../rule.js';
import { posOf } from '../syntax.js';
import {
  AGGREGATE,
  ANY_SPAN,
  anyColumnOf,
  boundNames,
  columnOf,
  dateDifference,
  type OpenWindow,
  operatorOf,
  spanAfter,
  spanTest,
  unparen,
} from './event-window.js';

/** A name that ends in a span: `reinjury_8w`, `churn_90d`, `lapse_3m`, `returned_30_days`. */
const HORIZON = /(^|_)\d+_?(d|w|m|days?|weeks?|months?)$/i;

/**
 * Columns made once, each from one expression: Polars' `(expr).alias("name")` and pandas' `df["name"] = expr`. A
 * column made twice is left out (which of the two a comparison reads is not known here).
 */
function columnDefinitions(root: Node): Map<string, Node> {
  const seen = new Map<string, Node | undefined>();
  const add = (name: string | undefined, expr: Node | null | undefined) => {
    if (name && expr) seen.set(name, seen.has(name) ? undefined : expr);
  };
  for (const c of root.descendantsOfType('call')) {
    const f = c?.childForFieldName('function');
    const arg = c?.childForFieldName('arguments')?.namedChildren[0];
    if (
      f?.type === 'attribute' &&
      f.childForFieldName('attribute')?.text === 'alias' &&
      arg?.type === 'string'
    )
      add(arg.text.replace(/^["']|["']$/g, ''), f.childForFieldName('object'));
  }
  for (const a of root.descendantsOfType('assignment'))
    add(columnOf(a?.childForFieldName('left')), a?.childForFieldName('right'));
  return new Map([...seen].filter((e): e is [string, Node] => !!e[1]));
}

/**
 * The label's own period, read again by a feature: the label is what happens within a span after a date of the row
 * (`returned = (return_date - adoption_date <= RETURN_WINDOW)`) and a feature's events are kept up to a span after the
 * same date (`contacts[contact_date <= adoption_date + CONTACT_WINDOW]`), nothing keeping them before it, then counted
 * (groupby, crosstab, value_counts …): the contacts made while the rabbit was being returned are features of the
 * return.
 */
export function labelPeriodWindows(
  ctx: ProgramContext,
  targets: ReadonlySet<string>,
): (OpenWindow & { end?: string })[] {
  if (targets.size === 0) return [];
  const isSpan = spanTest(ctx.root, ANY_SPAN);
  const names = boundNames(ctx.root);
  const columns = columnDefinitions(ctx.root);
  const resolve = (n: Node): Node => {
    const e = n.type === 'identifier' ? names.get(n.text) : undefined;
    const x = unparen(e && (e.type === 'binary_operator' || e.type === 'attribute' || columnOf(e)) ? e : n);
    // A column made once from an expression (`(pl.col("rtp_date") + pl.duration(days=56)).alias("window_end")`,
    // `m["window_end"] = m["rtp_date"] + pd.Timedelta(days=56)`) is that expression where it is compared.
    const made = anyColumnOf(x);
    const def = made === undefined ? undefined : columns.get(made);
    // (Only a date plus a span: a column stored from another, snap["snapshot_date"] = snap_date, stays itself.)
    return def && spanAfter(unparen(def), isSpan) !== undefined ? unparen(def) : x;
  };
  const difference = (n: Node) => dateDifference(resolve(n));
  // Names a label is made from (hit = window; m["setout_30d"] = hit.astype(int)): their windows are the label's.
  const labelNames = new Set<string>();
  for (const a of ctx.root.descendantsOfType('assignment')) {
    const col = columnOf(a?.childForFieldName('left'));
    if (col && targets.has(col))
      for (const id of a!.childForFieldName('right')?.descendantsOfType('identifier') ?? [])
        if (id) labelNames.add(id.text);
  }
  /** Whether the node is within the right side of an assignment that makes a label. */
  const inLabel = (n: Node): boolean => {
    for (let p = n.parent; p; p = p.parent) {
      // Polars: (…).cast(pl.Int8).alias("cancels") in with_columns.
      if (p.type === 'call') {
        const f = p.childForFieldName('function');
        const name = p.childForFieldName('arguments')?.namedChildren[0];
        if (f?.type === 'attribute' && f.childForFieldName('attribute')?.text === 'alias' && name)
          return targets.has(name.text.replace(/^["']|["']$/g, ''));
      }
      if (p.type === 'assignment') {
        const left = p.childForFieldName('left');
        const col = columnOf(left);
        return col ? targets.has(col) : left?.type === 'identifier' && labelNames.has(left.text);
      }
      if (p.type === 'function_definition' || p.type === 'module') return false;
    }
    return false;
  };
  const zero = (n: Node) =>
    /^(0|0\.0|(pd\.|pandas\.)?Timedelta\(\s*0\s*\)|(pd\.|pandas\.)?Timedelta\(\s*["']0\w*["']\s*\))$/.test(
      n.text,
    );
  /** The column of `anchor + span`. */
  const forward = (n: Node) => anyColumnOf(spanAfter(n, isSpan));
  const labels: OpenWindow[] = [];
  const windows: OpenWindow[] = [];
  // Event columns bounded above by a plain column (`contact_date < adoption_date`).
  const bounded = new Set<string>();
  // Where each of them is compared (`visit_date >= season_start`: "season_start<visit_date").
  const plain = new Map<string, ReturnType<typeof posOf>>();
  for (const n of ctx.root.descendantsOfType('comparison_operator')) {
    const ops = n?.namedChildren.filter((c): c is Node => !!c).map(resolve) ?? [];
    const op = n && operatorOf(n);
    if (!n || !op) continue;
    if (ops.length !== 2) {
      for (const c of ops) if (anyColumnOf(c)) bounded.add(`any:${anyColumnOf(c)}`);
      continue;
    }
    const [small, big] = op.startsWith('<') ? [ops[0]!, ops[1]!] : [ops[1]!, ops[0]!];
    const s = anyColumnOf(small);
    const b = anyColumnOf(big);
    if (s && b) {
      bounded.add(`${s}<${b}`);
      if (!plain.has(`${s}<${b}`)) plain.set(`${s}<${b}`, posOf(n));
    }
    if (inLabel(n)) {
      // The label: later - anchor <= span (or a number of days).
      const d = !anyColumnOf(big) && big.type !== 'binary_operator' ? difference(small) : undefined;
      if (d) labels.push({ at: posOf(n), event: d.event, anchor: d.anchor });
      // Or event < anchor + span (orders[order_date < snapshot_date + 28 days], the label whether there are any).
      const ahead = s && forward(big);
      if (ahead && ahead !== s) labels.push({ at: posOf(n), event: s, anchor: ahead });
      continue;
    }
    // A feature's events as their time from the row's (delta = event_ts - ts): delta <= span keeps those up to a
    // span after it, delta < 0 those before it.
    const d = difference(small);
    if (d?.column) {
      if (zero(big)) bounded.add(`${d.event}<${d.anchor}`);
      else if (isSpan(big)) windows.push({ at: posOf(n), event: d.event, anchor: d.anchor });
      continue;
    }
    // A feature's events: event <= anchor + span.
    const anchor = s && forward(big);
    if (anchor && anchor !== s) windows.push({ at: posOf(n), event: s, anchor });
  }
  // The label as gap.between(0, 28) of such a difference.
  for (const c of ctx.root.descendantsOfType('call')) {
    const f = c?.childForFieldName('function');
    if (!c || f?.type !== 'attribute' || f.childForFieldName('attribute')?.text !== 'between') continue;
    const label = inLabel(c);
    const d = label ? difference(f.childForFieldName('object')!) : undefined;
    // Or the event's date between the anchor and a span after it: cancel_date.between(snapshot, snapshot + 90 days).
    const event = anyColumnOf(f.childForFieldName('object'));
    const [lo, hi] = c.childForFieldName('arguments')?.namedChildren.map((a) => a && resolve(a)) ?? [];
    const from = label && event && lo && hi ? anyColumnOf(lo) : undefined;
    if (d) labels.push({ at: posOf(c), event: d.event, anchor: d.anchor });
    else if (from && from === forward(hi!) && event !== from)
      labels.push({ at: posOf(c), event: event!, anchor: from });
    else if (event) bounded.add(`any:${event}`);
  }
  // A label named by its horizon (`reinjury_8w`, `churn_90d`), read as a column: what happens within a span after a
  // date of the row, the date the features' window reaches past. (Not a window that also starts at that date,
  // `event >= anchor & event < anchor + span`: that is the label's own period, counted to make it.)
  const horizon = [...targets].some((t) => HORIZON.test(t)) && labels.length === 0;
  const aggregated = (w: OpenWindow) =>
    ctx.calls.some((c) => AGGREGATE.test(c.name) && c.at.endLine >= w.at.line);
  return [
    ...windows.filter(
      (w) =>
        (labels.some((l) => l.anchor === w.anchor && l.event !== w.event) ||
          (horizon && !bounded.has(`${w.anchor}<${w.event}`))) &&
        !bounded.has(`${w.event}<${w.anchor}`) &&
        !bounded.has(`any:${w.event}`) &&
        aggregated(w),
    ),
    ...periodWindows(plain, bounded, targets).filter(aggregated),
  ];
}

/** The start and the end of a row's own period: `season_start` and `season_end`, `term_begin` and `term_end`. */
const PERIOD_START = /^(.+)_(start|begin|began|from|opens?)(_(date|day|on|at))?$/;
const PERIOD_END = /^(.+)_(end|ends|ended|close|closes|finish|to|until)(_(date|day|on|at))?$/;
/** A label about what comes after the period (`registered_next_season`, `returned_after`): the period is its past. */
const AFTER_PERIOD =
  /(^|_)(next|following|subsequent|after|again|re_?(register\w*|regist\w*|enrol\w*|join\w*|sign\w*|book\w*|turn\w*|new\w*))($|_)/;

/**
 * Another table's events kept between the row's own period's start and end (`visit_date >= season_start` and
 * `visit_date <= season_end`), nothing keeping them before its start, beside a label that names the same period
 * (`lame_in_season`): the visits, doses and scans of the season being predicted are counted into its features.
 */
function periodWindows(
  plain: ReadonlyMap<string, ReturnType<typeof posOf>>,
  bounded: ReadonlySet<string>,
  targets: ReadonlySet<string>,
): (OpenWindow & { end: string })[] {
  const out: (OpenWindow & { end: string })[] = [];
  for (const [key, at] of plain) {
    const [start, event] = key.split('<') as [string, string];
    const stem = PERIOD_START.exec(start)?.[1];
    if (!stem || bounded.has(`${event}<${start}`) || bounded.has(`any:${event}`)) continue;
    const end = [...plain.keys()]
      .filter((k) => k.startsWith(`${event}<`))
      .map((k) => k.slice(event.length + 1))
      .find((e) => PERIOD_END.exec(e)?.[1] === stem);
    const named = [...targets].some(
      (t) => new RegExp(`(^|_)${stem}($|_)`).test(t) && !AFTER_PERIOD.test(t.replace(stem, '')),
    );
    if (end && named) out.push({ at, event, anchor: start, end });
  }
  return out;
}
