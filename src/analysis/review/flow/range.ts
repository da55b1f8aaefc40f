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
