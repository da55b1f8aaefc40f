/** Questions leakage rules ask of the data-flow facts. */
import { ancestors, type ColDep, type Facts, type Origin } from '../../flow/facts.js';

const TEST_NAME = /(^|_)(test|tst|val|valid|validation|holdout|hold_out|dev|eval)($|_|\d)/i;

/**
 * A column naming a date or a period (`season`, `test_date`, `fiscal_year`, `semester`), or the start or end of one
 * (`term_start`, `shift_end`): a split by it is a split in time — each
 * period's rows on one side, an entity's earlier periods before its later ones.
 */
export const TIME_COLUMN =
  /(^|_)(date|day|time|at|season|year|yr|month|week|quarter|period|fiscal_year|cohort_year|semester|trimester)s?($|_)|._(start|end)$/i;

/** An origin that is (or a hand-made part named as) held-out data: a split's test part, `X_val = X[n:]`. */
export function isHeldOut(o: Origin | undefined): boolean {
  if (!o) return false;
  if (o.kind === 'test') return true;
  if (o.kind === 'part' || o.kind === 'train') return [...o.names].some((n) => TEST_NAME.test(n));
  return false;
}

/** The origin and everything it came from. */
export function chain(facts: Facts, id: number): Set<number> {
  const a = ancestors(facts, id);
  a.add(id);
  return a;
}

export const intersects = (a: ReadonlySet<number>, b: ReadonlySet<number>) => {
  for (const x of a) if (b.has(x)) return true;
  return false;
};

/** Other parts made by the same splits as the origins in `c` (a train part's test sibling). */
export function siblings(facts: Facts, c: ReadonlySet<number>): Set<number> {
  const out = new Set<number>();
  for (const id of c) {
    const s = facts.origins.get(id)?.split;
    if (!s) continue;
    for (const other of [s.train, s.test]) if (!c.has(other)) out.add(other);
    for (const o of facts.origins.values()) if (o.split === s && !c.has(o.id)) out.add(o.id);
  }
  return out;
}

/** Whether rows `c` descend from a split (or were made by one). */
export function wasSplit(facts: Facts, c: ReadonlySet<number>): boolean {
  for (const id of c) {
    const o = facts.origins.get(id);
    if (o?.split || o?.kind === 'part') return true;
  }
  return false;
}

export const lineRef = (p: { line: number }) => `line ${p.line}`;

/**
 * Whether some model is scored on rows it was not fit on (a test or validation set evaluated); with `related`, only
 * rows of the same data (sharing an origin with them: another data set evaluated elsewhere does not count).
 */
export function scoredOnUnseen(facts: Facts, related?: ReadonlySet<number>): boolean {
  const relatedChain = related && new Set([...related].flatMap((r) => [...chain(facts, r)]));
  return facts.evals.some(
    (e) =>
      e.how !== 'early-stopping' &&
      [...e.data.rows].some((r) => {
        const c = chain(facts, r);
        if (relatedChain && !intersects(c, relatedChain)) return false;
        return !e.fitsBefore.some((f) => intersects(f.rows, c));
      }),
  );
}

/** The columns a frame's column is computed from, itself included (through the columns added to the frame). */
export function sources(facts: Facts, frame: number, name: string): Set<string> {
  return reach(facts, frame, name, new Set(), false);
}

/** As sources, through what is read on the row itself only (not an earlier row's, shift(1).expanding().mean()). */
export function sameRowSources(facts: Facts, frame: number, name: string): Set<string> {
  return reach(facts, frame, name, new Set(), true);
}

function reach(facts: Facts, frame: number, name: string, seen: Set<string>, sameRow: boolean): Set<string> {
  seen.add(name);
  for (const d of facts.columnDefs.get(frame)?.get(name)?.deps ?? []) {
    if (sameRow && (d.lag !== 0 || d.pos)) continue;
    if (d.frame === frame && !seen.has(d.name)) reach(facts, frame, d.name, seen, sameRow);
  }
  return seen;
}

/**
 * The label made of several columns (late = delivered_at > promised_by) and features computed row by row that
 * together read every one of them (transit_days from delivered_at and shipped_at, promised_days from promised_by and
 * shipped_at): the label is a function of the features. A column the label needs and no feature reads (delivered_at
 * left out) keeps it a prediction. Returns the features and which label column each reads.
 */
export function labelFromFeatures(
  facts: Facts,
  target: { frame: number; name: string },
  made: ReadonlySet<string>,
  columns: readonly string[],
): { features: string[]; reach: [string, string][] } | undefined {
  if (made.size < 2 || made.has(target.name)) return undefined;
  const reach = new Map<string, string>();
  for (const f of columns) {
    const def = f === target.name ? undefined : facts.columnDefs.get(target.frame)?.get(f);
    if (!def || def.deps.length === 0 || !def.deps.every((d) => d.lag === 0 && !d.pos)) continue;
    // (Through reads of the row itself only: a column of the label read from an earlier row is the past.)
    for (const src of sameRowSources(facts, target.frame, f))
      if (made.has(src) && !reach.has(src)) reach.set(src, f);
  }
  if (![...made].every((m) => reach.has(m))) return undefined;
  return { features: [...new Set(reach.values())], reach: [...reach] };
}

/**
 * The smallest lag, relative to the label, at which these dependencies read the target (see ColDep), through the
 * columns they are computed from; undefined when they do not read it. `label` is how the label reads the target
 * column: a label `shift(-1)` of it (the next value) is after a feature at lag 0; a label at a position `s[i + w]`
 * is compared with a window's last position `s[i + w - 1]` (reads at positions compare only when their named terms
 * agree).
 */
export function targetLag(
  facts: Facts,
  deps: readonly ColDep[],
  frame: number,
  target: string,
  label: ColDep | undefined,
  seen = new Set<string>(),
): { lag: number; via: ColDep } | undefined {
  let best: { lag: number; via: ColDep } | undefined;
  for (const d of deps) {
    if (d.frame !== frame) continue;
    let lag: number | undefined;
    if (d.name === target) lag = relative(d, label);
    else if (!seen.has(d.name)) {
      seen.add(d.name);
      const def = facts.columnDefs.get(frame)?.get(d.name);
      const inner = def ? targetLag(facts, def.deps, frame, target, label, seen) : undefined;
      if (inner) lag = d.lag + inner.lag;
    }
    if (lag !== undefined && (!best || lag < best.lag)) best = { lag, via: d };
  }
  return best;
}

/** A read of a later row (a negative lag) among these dependencies, through the columns they are computed from. */
export function laterRead(
  facts: Facts,
  deps: readonly ColDep[],
  frame: number,
  seen = new Set<string>(),
): ColDep | undefined {
  for (const d of deps) {
    if (d.frame !== frame || d.pos) continue;
    if (d.lag < 0) return d;
    if (seen.has(d.name)) continue;
    seen.add(d.name);
    const def = facts.columnDefs.get(frame)?.get(d.name);
    const inner = def ? laterRead(facts, def.deps, frame, seen) : undefined;
    if (inner && d.lag + inner.lag < 0) return inner;
  }
  return undefined;
}

/** How many rows before the label's own read this read is (0: the same row; < 0: after it). */
export function relative(d: ColDep, label: ColDep | undefined): number | undefined {
  const lag = d.lag - (label?.lag ?? 0);
  if (!d.pos && !label?.pos) return lag;
  if (!d.pos || !label?.pos) return undefined;
  const ka = Object.entries(d.pos.terms).filter(([, v]) => v !== 0);
  const kb = Object.entries(label.pos.terms).filter(([, v]) => v !== 0);
  if (ka.length !== kb.length || ka.some(([k, v]) => label.pos!.terms[k] !== v)) return undefined;
  return lag + (label.pos.c - d.pos.c);
}

/**
 * Whether groups by `groupBy` are each on one side of a split by column `by`: grouped by that column, or by a calendar
 * period of it (`groupby(["ride_id", q["slot_start"].dt.date])`, `s["week"] = s["ts"].dt.to_period("W").dt.start_time`),
 * which a cutoff at the start of a period does not divide (one inside a period divides that period alone).
 */
export function keptWhole(facts: Facts, groupBy: readonly string[] | undefined, by: string): boolean {
  if (!groupBy) return false;
  return groupBy.some(
    (g) =>
      g === by ||
      g === `${by}@period` ||
      [...(facts.periodKeys?.values() ?? [])].some((m) => m.get(g) === by),
  );
}

const TRAIN_NAME = /(^|_)(train|training|trn|tr)($|_|\d)/i;

/** Whether every fit row lies inside the training side of a split (a split's train part, a part named as training). */
export function onTrainingPart(facts: Facts, rows: ReadonlySet<number>): boolean {
  if (rows.size === 0) return false;
  for (const r of rows) {
    const inside = [...chain(facts, r)].some((id) => {
      const o = facts.origins.get(id);
      if (!o || isHeldOut(o)) return false;
      return o.kind === 'train' || (o.kind === 'part' && [...o.names].some((n) => TRAIN_NAME.test(n)));
    });
    if (!inside) return false;
  }
  return true;
}
