/**
 * Time-weighted intensity over windows of a series, and the search for the cleanest window. Pure: no clock, no I/O.
 *
 * A series may have uneven intervals, gaps, and non-finite values; a window is only "known" when every instant of
 * it is covered by a point with a finite value. The scheduler relies on that: beyond the forecast it does not plan.
 */
import type { IntensityPoint, IntensitySeries } from './types.js';

/** A candidate run: [start, end) and the mean intensity over it. */
export interface IntensityWindow {
  start: number;
  end: number;
  /** Time-weighted mean intensity over [start, end), gCO2eq/kWh (for a zero-length window: the value at start). */
  meanIntensity: number;
}

/**
 * Prefix integrals over a cleaned copy of the points (sorted, overlaps clipped, non-finite values dropped), so the
 * mean over any window is two binary searches. Built once per series and cached by the points array's identity:
 * the simulator asks thousands of questions of one forecast.
 */
export interface IntensityIndex {
  readonly starts: Float64Array;
  readonly ends: Float64Array;
  readonly values: Float64Array;
  /** Integral of value·dt (ms) over points 0..i-1, i.e. up to the start of point i. */
  readonly integralBefore: Float64Array;
  /** Covered ms over points 0..i-1. */
  readonly coveredBefore: Float64Array;
  readonly length: number;
}

export type IntensityInput = IntensitySeries | readonly IntensityPoint[];

const indexCache = new WeakMap<readonly IntensityPoint[], IntensityIndex>();

function pointsOf(input: IntensityInput): readonly IntensityPoint[] {
  return Array.isArray(input) ? (input as readonly IntensityPoint[]) : (input as IntensitySeries).points;
}

/** Builds (or returns the cached) index of a series. Points need not be sorted; overlaps keep the earlier point. */
export function indexIntensity(input: IntensityInput): IntensityIndex {
  const points = pointsOf(input);
  const cached = indexCache.get(points);
  if (cached) return cached;
  const usable = points.filter(
    (p) => Number.isFinite(p.value) && Number.isFinite(p.start) && Number.isFinite(p.end) && p.end > p.start,
  );
  const sorted = isSortedByStart(usable) ? usable : [...usable].sort((a, b) => a.start - b.start);
  const n = sorted.length;
  const starts = new Float64Array(n);
  const ends = new Float64Array(n);
  const values = new Float64Array(n);
  const integralBefore = new Float64Array(n + 1);
  const coveredBefore = new Float64Array(n + 1);
  let k = 0;
  let lastEnd = Number.NEGATIVE_INFINITY;
  for (const p of sorted) {
    const start = Math.max(p.start, lastEnd);
    if (p.end <= start) continue;
    starts[k] = start;
    ends[k] = p.end;
    values[k] = p.value;
    integralBefore[k + 1] = integralBefore[k]! + p.value * (p.end - start);
    coveredBefore[k + 1] = coveredBefore[k]! + (p.end - start);
    lastEnd = p.end;
    k++;
  }
  const index: IntensityIndex = {
    starts: starts.subarray(0, k),
    ends: ends.subarray(0, k),
    values: values.subarray(0, k),
    integralBefore: integralBefore.subarray(0, k + 1),
    coveredBefore: coveredBefore.subarray(0, k + 1),
    length: k,
  };
  indexCache.set(points, index);
  return index;
}

function isSortedByStart(points: readonly IntensityPoint[]): boolean {
  for (let i = 1; i < points.length; i++) if (points[i]!.start < points[i - 1]!.start) return false;
  return true;
}

/** Index of the last point whose start is ≤ t, or -1. */
function lastStartAtOrBefore(index: IntensityIndex, t: number): number {
  let lo = 0;
  let hi = index.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (index.starts[mid]! <= t) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}

/** Integral of value·dt and covered time from the first point up to t. */
function cumulativeAt(index: IntensityIndex, t: number): { integral: number; covered: number } {
  const i = lastStartAtOrBefore(index, t);
  if (i < 0) return { integral: 0, covered: 0 };
  const into = Math.min(t, index.ends[i]!) - index.starts[i]!;
  return {
    integral: index.integralBefore[i]! + index.values[i]! * into,
    covered: index.coveredBefore[i]! + into,
  };
}

/** The value of the point covering t (start ≤ t < end), or undefined in a gap. */
export function valueAt(input: IntensityInput | IntensityIndex, t: number): number | undefined {
  const index = asIndex(input);
  const i = lastStartAtOrBefore(index, t);
  return i >= 0 && t < index.ends[i]! ? index.values[i] : undefined;
}

function asIndex(input: IntensityInput | IntensityIndex): IntensityIndex {
  return 'integralBefore' in input ? (input as IntensityIndex) : indexIntensity(input as IntensityInput);
}

/**
 * Time-weighted mean over [from, to), or undefined when any part of it is not covered by a finite value.
 * A zero-length window gives the value at `from`.
 */
export function meanIntensity(
  input: IntensityInput | IntensityIndex,
  from: number,
  to: number,
): number | undefined {
  const index = asIndex(input);
  if (!(to >= from)) return undefined;
  if (to === from) return valueAt(index, from);
  const a = cumulativeAt(index, from);
  const b = cumulativeAt(index, to);
  const length = to - from;
  // Covered time is a sum of integer-ish ms lengths; allow for float rounding on fractional inputs.
  if (b.covered - a.covered < length - 1e-6 * Math.max(1, length)) return undefined;
  return (b.integral - a.integral) / length;
}

/** Latest time the series covers without a gap from `from` on (from itself if `from` is not covered). */
export function coveredUntil(input: IntensityInput | IntensityIndex, from: number): number {
  const index = asIndex(input);
  let i = lastStartAtOrBefore(index, from);
  if (i < 0 || from >= index.ends[i]!) return from;
  let end = index.ends[i]!;
  while (i + 1 < index.length && index.starts[i + 1] === end) {
    i++;
    end = index.ends[i]!;
  }
  return end;
}

/** Relative slack under which two means count as equal, so float noise never breaks "ties go to the earliest". */
const TIE_EPSILON = 1e-9;

export interface WindowSearchOptions {
  /**
   * Added to a candidate's mean before comparing, per hour between `from` and the candidate's start
   * (gCO2eq/kWh per hour). A risk margin against forecast error that grows with lead time; 0 by default.
   */
  waitPenaltyPerHour?: number;
}

/**
 * The cleanest run of `duration` ms that starts at or after `from` and ends by `to`, i.e. a start in
 * [from, to − duration], judged by the time-weighted mean over the run. Only runs fully covered by the series are
 * considered (beyond the forecast nothing is planned). Ties go to the earliest start. Undefined when no start in
 * the range is fully covered, or when the range is shorter than the duration.
 *
 * Exact, not sampled: the mean over [s, s+d) is piecewise linear in s between the points where s or s+d crosses a
 * point boundary, so its minimum over a range lies on one of those breakpoints or on the range's ends.
 */
export function bestWindow(
  input: IntensityInput | IntensityIndex,
  from: number,
  to: number,
  duration: number,
  options: WindowSearchOptions = {},
): IntensityWindow | undefined {
  const index = asIndex(input);
  const d = Math.max(0, duration);
  const latest = to - d;
  if (!(latest >= from) || index.length === 0) return undefined;
  const penalty = options.waitPenaltyPerHour ?? 0;
  let best: IntensityWindow | undefined;
  let bestScore = Number.POSITIVE_INFINITY;
  for (const s of candidateStarts(index, from, latest, d)) {
    const mean = meanIntensity(index, s, s + d);
    if (mean === undefined) continue;
    const score = mean + (penalty * (s - from)) / 3_600_000;
    if (best === undefined || score < bestScore - TIE_EPSILON * Math.max(1, Math.abs(bestScore))) {
      bestScore = score;
      best = { start: s, end: s + d, meanIntensity: mean };
    }
  }
  return best;
}

/**
 * Every run of `duration` ms on a breakpoint start in [from, to − duration] that the series fully covers, ascending
 * by start: the candidates `bestWindow` chooses from (the oracle ranks them itself under a capacity limit).
 */
export function candidateWindows(
  input: IntensityInput | IntensityIndex,
  from: number,
  to: number,
  duration: number,
): IntensityWindow[] {
  const index = asIndex(input);
  const d = Math.max(0, duration);
  const latest = to - d;
  if (!(latest >= from) || index.length === 0) return [];
  const out: IntensityWindow[] = [];
  for (const s of candidateStarts(index, from, latest, d)) {
    const mean = meanIntensity(index, s, s + d);
    if (mean !== undefined) out.push({ start: s, end: s + d, meanIntensity: mean });
  }
  return out;
}

/** The earliest fully covered run of `duration` ms starting in [from, to − duration], or undefined. */
export function earliestWindow(
  input: IntensityInput | IntensityIndex,
  from: number,
  to: number,
  duration: number,
): IntensityWindow | undefined {
  const index = asIndex(input);
  const d = Math.max(0, duration);
  const latest = to - d;
  if (!(latest >= from) || index.length === 0) return undefined;
  // Coverage only begins at a breakpoint (a point start, or a gap's end), so the candidates suffice.
  for (const s of candidateStarts(index, from, latest, d)) {
    const mean = meanIntensity(index, s, s + d);
    if (mean !== undefined) return { start: s, end: s + d, meanIntensity: mean };
  }
  return undefined;
}

/** Every start where the mean over [s, s+d) can change slope, within [from, latest], ascending and unique. */
function candidateStarts(index: IntensityIndex, from: number, latest: number, d: number): number[] {
  const out: number[] = [from, latest];
  // Points that can hold a breakpoint for s in [from, latest]: their boundaries b lie in [from, latest + d].
  let i = Math.max(0, lastStartAtOrBefore(index, from));
  for (; i < index.length; i++) {
    const s = index.starts[i]!;
    if (s > latest + d) break;
    for (const b of [s, index.ends[i]!]) {
      if (b >= from && b <= latest) out.push(b);
      if (b - d >= from && b - d <= latest) out.push(b - d);
    }
  }
  out.sort((a, b) => a - b);
  const unique: number[] = [];
  for (const s of out) if (unique.length === 0 || unique[unique.length - 1] !== s) unique.push(s);
  return unique;
}
