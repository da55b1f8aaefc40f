/**
 * Ranges of values kept by masks of constant bounds on one column (see DataVal.mask, Origin.range): the training
 * and test parts of a split by period are two of them, and when they intersect the same rows are in both.
 */
import type { Range } from './facts.js';

/** The values kept by `column <op> value` in maskOf's canonical form (`<`, `<=`, `==`, negated or not). */
export function rangeOf(op: string, neg: boolean, value: number): Range | undefined {
  if (op === '==') return neg ? undefined : { lo: value, hi: value, loIn: true, hiIn: true };
  const strict = op === '<';
  // x < v keeps below v; its negation (x >= v) keeps v and above.
  return neg ? { lo: value, loIn: strict, hiIn: false } : { hi: value, hiIn: !strict, loIn: false };
}

export function intersectRanges(a: Range, b: Range): Range {
  const lo =
    a.lo === undefined || (b.lo !== undefined && b.lo > a.lo)
      ? { v: b.lo, in: b.loIn }
      : a.lo === b.lo
        ? { v: a.lo, in: a.loIn && b.loIn }
        : { v: a.lo, in: a.loIn };
  const hi =
    a.hi === undefined || (b.hi !== undefined && b.hi < a.hi)
      ? { v: b.hi, in: b.hiIn }
      : a.hi === b.hi
        ? { v: a.hi, in: a.hiIn && b.hiIn }
        : { v: a.hi, in: a.hiIn };
  return {
    ...(lo.v !== undefined ? { lo: lo.v } : {}),
    ...(hi.v !== undefined ? { hi: hi.v } : {}),
    loIn: lo.in,
    hiIn: hi.in,
  };
}

/** Whether a range keeps no value at all. */
export function emptyRange(r: Range): boolean {
  if (r.lo === undefined || r.hi === undefined) return false;
  return r.lo > r.hi || (r.lo === r.hi && !(r.loIn && r.hiIn));
}

/** Whether every value `inner` keeps is kept by `outer`. */
export function withinRange(inner: Range, outer: Range): boolean {
  const lo =
    outer.lo === undefined ||
    (inner.lo !== undefined &&
      (inner.lo > outer.lo || (inner.lo === outer.lo && (!inner.loIn || outer.loIn))));
  const hi =
    outer.hi === undefined ||
    (inner.hi !== undefined &&
      (inner.hi < outer.hi || (inner.hi === outer.hi && (!inner.hiIn || outer.hiIn))));
  return lo && hi;
}

/** Whether a range's bounds look like calendar years (1800–2200), as a `year`/`season` column's are. */
function yearBounds(r: Range): boolean {
  const bs = [r.lo, r.hi].filter((b) => b !== undefined);
  return bs.length > 0 && bs.every((b) => Number.isInteger(b) && b >= 1800 && b <= 2200);
}

/** Whether a range's bounds look like dates (milliseconds since 1970, later than 1973). */
function dateBounds(r: Range): boolean {
  const bs = [r.lo, r.hi].filter((b) => b !== undefined);
  return bs.length > 0 && bs.every((b) => b > 1e11);
}

/**
 * Whether the dates `inner` keeps (`time <= "2012-09-30"`) fall within the years `outer` keeps (`year < 2013`), each
 * year read as the calendar year from 1 January. A year of another start (a water or fiscal year, October to
 * September) is read the same way, so a cut up to three months into its calendar year is taken as inside it.
 */
export function datesWithinYears(inner: Range, outer: Range): boolean {
  if (!dateBounds(inner) || !yearBounds(outer)) return false;
  const jan1 = (y: number) => Date.UTC(y, 0, 1);
  const years: Range = {
    ...(outer.lo !== undefined ? { lo: jan1(outer.loIn ? outer.lo : outer.lo + 1) } : {}),
    ...(outer.hi !== undefined ? { hi: jan1(outer.hiIn ? outer.hi + 1 : outer.hi) } : {}),
    loIn: true,
    hiIn: false,
  };
  return withinRange(inner, years);
}

/**
 * Whether a range of dates lies within another range of dates, whatever the columns they bound: a statistic of the
 * rows up to TRAIN_END on `time` (`ds.sel(time=slice(None, TRAIN_END))`) within a training part cut from the time
 * index at the same date (`table.loc[:TRAIN_END]`) — one calendar, the same period.
 */
export function datesWithinDates(inner: Range, outer: Range): boolean {
  return dateBounds(inner) && dateBounds(outer) && withinRange(inner, outer);
}
