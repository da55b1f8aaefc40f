/**
 * Event windows open at the top: rows of an event table (tickets, transactions, visits) merged onto snapshots and kept
 * when `event_date >= snapshot_date - Timedelta(days=90)`, with no `event_date < snapshot_date` anywhere in the
 * program. The "last 90 days" then also holds every event after the snapshot — the period the label is about — and
 * a count or sum of them is a feature from the future (Kapoor & Narayanan 2023, L3.1; Kaufman et al. 2012). Read from
 * the syntax: the two columns compared, the lower bound made by subtracting a time span from the other column — or
 * from a constant snapshot (`ts > SNAPSHOT - LOOKBACK`) when the program also reads the events after it (`ts >
 * SNAPSHOT`, the label's period) and never bounds the window by it.
 */
import type { Node } from 'web-tree-sitter';
import type { Position, RawFinding } from '../../types.js';
import type { ProgramContext, RuleMeta } from '../rule.js';
import { posOf } from '../syntax.js';

/** A time span: pd.Timedelta(days=90), timedelta(days=7), pd.DateOffset(months=3), np.timedelta64(30, "D"). */
const SPAN = /\b(Timedelta|timedelta|DateOffset|timedelta64|to_timedelta|offsets\.\w+)\s*\(/;

/** The column a node reads: `df["opened_at"]`, `df.opened_at`; undefined otherwise. */
export function columnOf(n: Node | null | undefined): string | undefined {
  if (!n) return undefined;
  if (n.type === 'subscript') {
    const key = n.childForFieldName('subscript');
    const m = key && /^["']([^"']+)["']$/.exec(key.text);
    return m?.[1];
  }
  if (n.type === 'attribute' && n.childForFieldName('object')?.type === 'identifier')
    return n.childForFieldName('attribute')?.text;
  return undefined;
}

/**
 * Whether a node is a time span as `span` writes one, or a name or an instance's attribute bound to one (LOOKBACK =
 * pd.Timedelta(days=90), self.window = pd.Timedelta(hours=window_hours)).
 */
export function spanTest(root: Node, span: RegExp): (n: Node | null | undefined) => boolean {
  const spans = new Set<string>();
  for (const a of root.descendantsOfType('assignment')) {
    const left = a?.childForFieldName('left');
    const right = a?.childForFieldName('right');
    if ((left?.type === 'identifier' || left?.type === 'attribute') && right && span.test(right.text))
      spans.add(left.text);
  }
  return (n) =>
    !!n && (span.test(n.text) || ((n.type === 'identifier' || n.type === 'attribute') && spans.has(n.text)));
}

/** The date a span is added to (`m["snapshot_date"]` of `m["snapshot_date"] + pd.Timedelta(days=30)`). */
export function spanAfter(n: Node, isSpan: (n: Node | null | undefined) => boolean): Node | undefined {
  return n.type === 'binary_operator' &&
    n.children.some((c) => c?.type === '+') &&
    isSpan(n.childForFieldName('right'))
    ? (n.childForFieldName('left') ?? undefined)
    : undefined;
}

export const operatorOf = (n: Node): string | undefined =>
  n.children.find((c) => c && !c.isNamed && /^[<>]=?$/.test(c.type))?.type;

export interface OpenWindow {
  at: Position;
  /** The event's date column. */
  event: string;
  /** The snapshot's date column the window is anchored on. */
  anchor: string;
}

/**
 * The expression of each name assigned once in the program (`lo = m["snapshot_date"] - pd.Timedelta(days=90)`), so
 * that a bound kept in a name (`m["read_at"] > lo`) is read as written out.
 */
export function boundNames(root: Node): Map<string, Node> {
  const seen = new Map<string, Node | undefined>();
  for (const a of root.descendantsOfType('assignment')) {
    const left = a?.childForFieldName('left');
    const right = a?.childForFieldName('right');
    if (left?.type !== 'identifier') continue;
    seen.set(left.text, seen.has(left.text) ? undefined : (right ?? undefined));
  }
  return new Map([...seen].filter((e): e is [string, Node] => !!e[1]));
}

/**
 * Lower-bounded windows (`event >= anchor - span`) whose event column is never bounded above by the anchor — or only
 * by a span after it (`event <= anchor + pd.Timedelta(days=30)`, `past`: the window reaches into the label's period).
 */
export function openEventWindows(root: Node): (OpenWindow & { past?: true })[] {
  const lower: (OpenWindow & { constant?: boolean })[] = [];
  const upper = new Set<string>();
  // Upper bounds a span after the anchor: event column → anchor column.
  const past = new Set<string>();
  // Events read after a constant anchor (`events["ts"] > SNAPSHOT`, the label's period): event column → anchors.
  const after = new Set<string>();
  const isSpan = spanTest(root, ANY_SPAN);
  const names = boundNames(root);
  // (Only a column or a sum with one: a name bound to a constant date, SNAPSHOT, stays the anchor it names.)
  const resolve = (n: Node): Node => {
    const e = n.type === 'identifier' ? names.get(n.text) : undefined;
    return e && (e.type === 'binary_operator' || anyColumnOf(e)) ? e : n;
  };
  for (const n of root.descendantsOfType('comparison_operator')) {
    if (!n) continue;
    const ops = n.namedChildren.filter((c): c is Node => !!c).map(resolve);
    // A chained comparison (anchor - span <= event < anchor) bounds both sides.
    if (ops.length !== 2) {
      const cols = ops.map(columnOf);
      for (const c of cols) if (c) upper.add(`any:${c}`);
      continue;
    }
    const op = operatorOf(n);
    if (!op) continue;
    const [a, b] = ops as [Node, Node];
    // event >= anchor - span, or anchor - span <= event.
    const [event, bound] = op.startsWith('>') ? [a, b] : [b, a];
    const ev = anyColumnOf(event);
    if (
      ev &&
      bound.type === 'binary_operator' &&
      bound.children.some((c) => c?.type === '-') &&
      isSpan(bound.childForFieldName('right'))
    ) {
      const left = bound.childForFieldName('left');
      const anchor = anyColumnOf(left);
      if (anchor && anchor !== ev) lower.push({ at: posOf(n), event: ev, anchor });
      // ts > SNAPSHOT - LOOKBACK: a constant snapshot (a name), judged when the program reads events after it.
      else if (left?.type === 'identifier')
        lower.push({ at: posOf(n), event: ev, anchor: left.text, constant: true });
      continue;
    }
    // event < anchor (or anchor > event): bounded above. (event <= anchor + span: a span past it.)
    const [small, big] = op.startsWith('<') ? [a, b] : [b, a];
    const s = anyColumnOf(small);
    const ahead = anyColumnOf(spanAfter(big, isSpan));
    if (s && ahead) past.add(`${s}<${ahead}`);
    else if (s) upper.add(`${s}<${big.text}`);
    // event > SNAPSHOT: events after a constant anchor are read.
    const later = anyColumnOf(big);
    if (later && small.type === 'identifier') after.add(`${later}>${small.text}`);
  }
  // .between(lo, hi) on the event column bounds it both ways.
  for (const c of root.descendantsOfType('call')) {
    const f = c?.childForFieldName('function');
    if (f?.type === 'attribute' && f.childForFieldName('attribute')?.text === 'between') {
      const col = anyColumnOf(f.childForFieldName('object'));
      if (col) upper.add(`any:${col}`);
    }
  }
  return lower
    .filter((w) =>
      w.constant
        ? after.has(`${w.event}>${w.anchor}`) &&
          !upper.has(`${w.event}<${w.anchor}`) &&
          !upper.has(`any:${w.event}`)
        : !upper.has(`any:${w.event}`) &&
          ![...upper].some((u) => u.startsWith(`${w.event}<`) && u.includes(w.anchor)),
    )
    .map(({ at, event, anchor }) => ({
      at,
      event,
      anchor,
      ...(past.has(`${event}<${anchor}`) ? { past: true as const } : {}),
    }));
}

/** A call that counts or sums the rows kept: pandas groupby, Polars group_by, resample, pivot_table, crosstab … (a chain
 * that ends in one, `swipes.join(…).filter(window).group_by(…)`, ends after its window). */
export const AGGREGATE = /(\.(groupby|group_by|resample|pivot_table|value_counts)|\bcrosstab)$/;

/** Low-confidence findings for the open windows of a program, when what they keep is aggregated afterwards. */
export function openWindowFindings(ctx: ProgramContext, rule: Pick<RuleMeta, 'id' | 'kind'>): RawFinding[] {
  return openEventWindows(ctx.root)
    .filter((w) => ctx.calls.some((c) => AGGREGATE.test(c.name) && c.at.endLine >= w.at.line))
    .map((w) => ({
      ruleId: rule.id,
      kind: rule.kind,
      severity: 'note' as const,
      confidence: 'low' as const,
      at: w.at,
      message: w.past
        ? `the window of ${JSON.stringify(w.event)} reaches past ${JSON.stringify(w.anchor)}`
        : `the window of ${JSON.stringify(w.event)} has no upper bound at ${JSON.stringify(w.anchor)}`,
      why: `Rows are kept where ${JSON.stringify(w.event)} is at most a span before ${JSON.stringify(w.anchor)}, but ${w.past ? 'up to a span after it' : 'nothing in the program keeps them before it'}: the events after ${JSON.stringify(w.anchor)}, the period the label is about, are counted in the features made from them. Add ${JSON.stringify(w.event)} < ${JSON.stringify(w.anchor)} to the window.`,
    }));
}

/** Names bound at the top level to a date written as a constant (`SNAPSHOT = date(2024, 3, 1)`). */
export function dateConstants(root: Node): Set<string> {
  const dates = new Set<string>();
  for (const s of root.namedChildren) {
    const a = s?.type === 'expression_statement' ? s.namedChildren[0] : undefined;
    const left = a?.type === 'assignment' ? a.childForFieldName('left') : undefined;
    const right = a?.childForFieldName('right');
    if (left?.type === 'identifier' && right && DATE_CONSTANT.test(right.text)) dates.add(left.text);
  }
  return dates;
}

/** A date written as a constant: pd.Timestamp("2023-11-02"), pd.to_datetime("…"), datetime(2023, 11, 2), date(…), "2023-11-02". */
const DATE_CONSTANT =
  /^((pd\.|pandas\.)?(Timestamp|to_datetime)\(\s*["']\d{4}-\d{2}(-\d{2})?|(datetime\.)?(datetime|date)\(\s*\d{4}\s*,|np\.datetime64\(\s*["']\d{4}-|["']\d{4}-\d{2}-\d{2}["']$)/;

/**
 * The as-of dates of a program whose label is about the period after a constant date (`STORM_DATE =
 * pd.Timestamp("2023-11-02")`, the label from `claims["loss_date"].between(STORM_DATE, STORM_DATE + 30 days)` or
 * `events["ts"] >= CUTOFF`): names bound to a date constant at the top level, used as the lower bound of a column's
 * values. The rows then have that date as their own: a record dated after it is from the label's period.
 */
export function asOfConstants(root: Node): string[] {
  const dates = dateConstants(root);
  if (dates.size === 0) return [];
  const out = new Set<string>();
  for (const c of root.descendantsOfType('call')) {
    const f = c?.childForFieldName('function');
    const first = c?.childForFieldName('arguments')?.namedChildren[0];
    if (
      f?.type === 'attribute' &&
      f.childForFieldName('attribute')?.text === 'between' &&
      columnOf(f.childForFieldName('object')) &&
      first?.type === 'identifier' &&
      dates.has(first.text)
    )
      out.add(first.text);
  }
  for (const n of root.descendantsOfType('comparison_operator')) {
    const ops = n?.namedChildren.filter((c): c is Node => !!c) ?? [];
    const op = n && operatorOf(n);
    if (ops.length !== 2 || !op) continue;
    // column >= DATE, or DATE <= column.
    const [col, bound] = op.startsWith('>') ? [ops[0]!, ops[1]!] : [ops[1]!, ops[0]!];
    if (columnOf(col) && bound.type === 'identifier' && dates.has(bound.text)) out.add(bound.text);
  }
  return [...out];
}

/** The column `pl.col("snapshot_date")` reads, beside those columnOf reads. */
export function anyColumnOf(n: Node | null | undefined): string | undefined {
  if (n?.type === 'call' && /^(pl|polars)\.col$/.test(n.childForFieldName('function')?.text ?? '')) {
    const m = /^\(\s*["']([^"']+)["']\s*\)$/.exec(n.childForFieldName('arguments')?.text ?? '');
    return m?.[1];
  }
  return columnOf(n);
}

/** A node without the parentheses around it. */
export function unparen(n: Node): Node {
  let x = n;
  while (x.type === 'parenthesized_expression' && x.namedChildren[0]) x = x.namedChildren[0];
  return x;
}

/**
 * `later - anchor`, in days (`(event - anchor).dt.days`, `.dt.total_days()`, `.days`) or as a time span: the anchor a
 * column, the later date a column (`column`) or any expression (`next_reported`, a shifted column).
 */
export function dateDifference(
  n: Node,
): { event: string; anchor: string; column: boolean; days: boolean } | undefined {
  let x: Node | null = n;
  if (x.type === 'call' && x.childForFieldName('arguments')?.namedChildren.length === 0)
    x = x.childForFieldName('function');
  const days =
    x?.type === 'attribute' && /^(total_)?days$/.test(x.childForFieldName('attribute')?.text ?? '');
  if (days) {
    x = x!.childForFieldName('object');
    if (x?.type === 'attribute' && x.childForFieldName('attribute')?.text === 'dt')
      x = x.childForFieldName('object');
  }
  x = x && unparen(x);
  if (x?.type !== 'binary_operator' || !x.children.some((c) => c?.type === '-')) return undefined;
  const left = x.childForFieldName('left');
  const anchor = anyColumnOf(x.childForFieldName('right'));
  const column = anyColumnOf(left);
  const event = column ?? left?.text;
  return event && anchor && event !== anchor ? { event, anchor, column: !!column, days } : undefined;
}

/**
 * `(event - anchor).dt.days`, `.dt.total_days()`, `.days`: the days from one date column of the row to another, of
 * two different columns.
 */
function daysBetween(n: Node): { event: string; anchor: string } | undefined {
  const d = dateDifference(n);
  return d?.days && d.column ? { event: d.event, anchor: d.anchor } : undefined;
}

/**
 * The column each name is stored in, when it is stored in one only (`snap["snapshot_date"] = snap_date` in a helper
 * called once per snapshot date): a window from the name is a window from the column's date.
 */
function storedAs(root: Node): Map<string, string> {
  const seen = new Map<string, string | undefined>();
  for (const a of root.descendantsOfType('assignment')) {
    const col = columnOf(a?.childForFieldName('left'));
    const right = a?.childForFieldName('right');
    if (!col || right?.type !== 'identifier') continue;
    seen.set(right.text, seen.has(right.text) && seen.get(right.text) !== col ? undefined : col);
  }
  return new Map([...seen].filter((e): e is [string, string] => !!e[1]));
}

/** A span in polars' words as well: pl.duration(days=90). */
export const ANY_SPAN = new RegExp(`${SPAN.source}|\\b(pl|polars)\\.duration\\s*\\(`);

export interface Horizon {
  at: Position;
  /** The row's date the window is anchored on (`snapshot_date`). */
  anchor: string;
  /** The span as written (`pl.duration(days=HORIZON_DAYS)`). */
  span: string;
}

/**
 * Windows that reach past each row's own date (`deact_date <= snapshot_date + pl.duration(days=90)`, `event_date <
 * df["as_of"] + pd.Timedelta(days=30)`): what happens in the span after the row, the outcome a label such as
 * `churn_90d` records.
 */
export function forwardWindows(root: Node): Horizon[] {
  const isSpan = spanTest(root, ANY_SPAN);
  const stored = storedAs(root);
  const out: Horizon[] = [];
  for (const n of root.descendantsOfType('comparison_operator')) {
    const ops = n?.namedChildren.filter((c): c is Node => !!c) ?? [];
    const op = n && operatorOf(n);
    if (!n || ops.length !== 2 || !op) continue;
    // event <= anchor + span, or anchor + span >= event.
    const [event, bound] = op.startsWith('<') ? [ops[0]!, ops[1]!] : [ops[1]!, ops[0]!];
    // (cancel_date - snapshot).dt.total_days() <= HORIZON_DAYS: the same window, written as the days between.
    const between = daysBetween(event);
    if (between && bound.type !== 'binary_operator' && !anyColumnOf(bound)) {
      out.push({ at: posOf(n), anchor: between.anchor, span: `${bound.text} days` });
      continue;
    }
    const ev = anyColumnOf(event);
    const left = spanAfter(bound, isSpan);
    if (!ev || !left) continue;
    const anchor = anyColumnOf(left) ?? (left.type === 'identifier' ? stored.get(left.text) : undefined);
    if (anchor && anchor !== ev)
      out.push({ at: posOf(n), anchor, span: bound.childForFieldName('right')!.text });
  }
  return out;
}
