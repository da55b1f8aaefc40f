/**
 * An event log summarised whole beside a label read from the same log after a constant as-of date: the label is
 * what the log holds from `SNAPSHOT` on (`bookings.filter(pl.col("booking_date") >= SNAPSHOT)`, a member who played
 * again), and a feature summarises every record of the log (`bookings.group_by("member_id").agg(…)`), nothing in the
 * program keeping them before `SNAPSHOT`: the bookings the label is made from are counted into the features
 * (Kaufman et al. 2012; Kapoor & Narayanan 2023, L3.1 "temporal leakage"). Read from the syntax, beside
 * event-window.ts's windows, which are anchored on a column of the rows.
 */
import type { Node } from 'web-tree-sitter';
import type { Position } from '../../types.js';
import type { ProgramContext } from '../rule.js';
import { posOf } from '../syntax.js';
import { chain } from './common.js';
import { anyColumnOf, boundNames, dateConstants, operatorOf, unparen } from './event-window.js';

export interface WholeLog {
  at: Position;
  /** The log's name (`bookings`). */
  log: string;
  /** Its date column (`booking_date`). */
  event: string;
  /** The constant as-of date (`SNAPSHOT`). */
  asOf: string;
}

/** The methods that summarise a log per entity. */
const SUMMARY = /^(group_by|groupby|value_counts|pivot_table)$/;
/** The methods that keep a log's rows by a condition, the comparison as their argument. */
const KEEP = /^(filter|query|where|loc)$/;

/** The name a chain of calls, attributes and subscripts starts from (`bookings` of `bookings.filter(…).select(…)`). */
function rootName(n: Node | null | undefined): string | undefined {
  let x: Node | null | undefined = n ? unparen(n) : undefined;
  while (x) {
    if (x.type === 'identifier') return x.text;
    if (x.type === 'call') x = x.childForFieldName('function');
    else if (x.type === 'attribute') x = x.childForFieldName('object');
    else if (x.type === 'subscript') x = x.childForFieldName('value');
    else if (x.type === 'parenthesized_expression') x = x.namedChildren[0];
    else return undefined;
  }
  return undefined;
}

/** The log a comparison keeps rows of: `bookings["d"] >= C`'s frame, or the frame a filter or a subscript is of. */
function keptFrom(cmp: Node, column: Node): string | undefined {
  if (column.type === 'subscript') return rootName(column.childForFieldName('value'));
  for (let p = cmp.parent; p; p = p.parent) {
    if (p.type === 'subscript') return rootName(p.childForFieldName('value'));
    if (p.type === 'call') {
      const f = p.childForFieldName('function');
      if (f?.type === 'attribute' && KEEP.test(f.childForFieldName('attribute')?.text ?? ''))
        return rootName(f.childForFieldName('object'));
    }
    if (p.type === 'expression_statement' || p.type === 'assignment') return undefined;
  }
  return undefined;
}

/** The statement a node is in (an assignment's or an expression's, within its block). */
function statementOf(n: Node): Node {
  let x = n;
  while (x.parent && x.parent.type !== 'block' && x.parent.type !== 'module') x = x.parent;
  return x;
}

export function wholeLogSummaries(ctx: ProgramContext): WholeLog[] {
  const dates = dateConstants(ctx.root);
  if (dates.size === 0) return [];
  // Each log read from a constant date on (event >= C), and the date columns bounded above elsewhere (event < C,
  // or before any other date: df[df["ts"] < train_cut] of rows split in time), not in the statement that reads
  // the log from C (its label's window: C <= event < C + 90 days).
  const from = new Map<string, { event: string; asOf: string }>();
  const lower = new Map<string, Set<Node>>();
  const upper: [string, Node][] = [];
  for (const n of ctx.root.descendantsOfType('comparison_operator')) {
    const ops = n?.namedChildren.filter((c): c is Node => !!c).map(unparen) ?? [];
    const op = n && operatorOf(n);
    if (!n || ops.length !== 2 || !op || !/^[<>]=?$/.test(op)) continue;
    const [col, bound] = op.startsWith('>') ? [ops[0]!, ops[1]!] : [ops[1]!, ops[0]!];
    const [small] = op.startsWith('<') ? [ops[0]!, ops[1]!] : [ops[1]!, ops[0]!];
    const bounded = anyColumnOf(small);
    if (bounded) upper.push([bounded, statementOf(n)]);
    const event = anyColumnOf(col);
    if (!event || bound.type !== 'identifier' || !dates.has(bound.text)) continue;
    const log = keptFrom(n, col);
    if (!lower.has(event)) lower.set(event, new Set());
    lower.get(event)!.add(statementOf(n));
    if (log && !from.has(log)) from.set(log, { event, asOf: bound.text });
  }
  const below = new Set(
    upper.filter(([c, at]) => ![...(lower.get(c) ?? [])].some((l) => l.id === at.id)).map(([c]) => c),
  );
  // (Not the rows the model is trained and tested on, df[df["date"] >= CUTOFF] its test part: a log of other
  // records, summarised onto them.)
  const trained = new Set<string>(
    ctx.facts.trainings.flatMap((t) =>
      [...t.x.rows].flatMap((r) =>
        [...chain(ctx.facts, r)].flatMap((o) => [...(ctx.facts.origins.get(o)?.names ?? [])]),
      ),
    ),
  );
  for (const log of [...from.keys()]) if (trained.has(log)) from.delete(log);
  if (from.size === 0) return [];
  // hist = bookings: another name for the whole log.
  const alias = new Map<string, string>();
  for (const [name, value] of boundNames(ctx.root))
    if (value.type === 'identifier') alias.set(name, value.text);
  const out: WholeLog[] = [];
  for (const c of ctx.root.descendantsOfType('call')) {
    const f = c?.childForFieldName('function');
    if (!c || f?.type !== 'attribute' || !SUMMARY.test(f.childForFieldName('attribute')?.text ?? ''))
      continue;
    const object = f.childForFieldName('object');
    const root = rootName(object);
    const log = root === undefined ? undefined : (alias.get(root) ?? root);
    const kept = log === undefined ? undefined : from.get(log);
    if (!kept || below.has(kept.event)) continue;
    // (Not a summary of the rows kept by a condition on their date, the label's own or a window of its own.)
    if (object?.descendantsOfType('comparison_operator').length) continue;
    out.push({ at: posOf(c), log: log!, ...kept });
  }
  return out;
}
