/**
 * Forecasts from recent history, for providers that publish no forecast (Electricity Maps' forecast is a paid
 * feature; a file trace may end at "now"). Pure: the history, "now" and the horizon come in as arguments.
 *
 * Model (a seasonal-naive blend with a decaying level correction):
 *   profile(T)  = w · mean(y(T − 24h·d), d = 1..D) + (1 − w) · y(T − 168h)      (either part alone if the other is missing)
 *   forecast(T) = profile(T) + (y(now) − profile(now)) · φ^hoursAhead
 * The daily part follows the solar/demand cycle, the weekly part the weekday/weekend difference, and the level
 * correction carries today's weather (windy or not) for a few hours before fading. Lags that fall in the forecast
 * itself (horizons beyond 24 h) use the forecast already made for that time. With no usable lag at all it falls back
 * to persistence (the last value held flat).
 * Parameters were grid-searched on 2023 Electricity Maps data (GB, DE) and checked on 2024 with
 * `scripts/carbon/forecast-benchmark.ts`, which prints MAE against persistence. The search favours a 7-day mean
 * daily shape and a slowly fading level (φ = 0.97): a grid's level (wind, weather) persists for hours to days, while
 * its daily shape is regular; the weekly part adds a little on weekends.
 */
import type { IntensityPoint, IntensitySeries } from '../types.js';

export interface HistoryForecastOptions {
  /** Weight of the daily part against the same hour last week, 0..1. */
  dailyWeight?: number;
  /** How many past days the daily part averages (1 = same hour yesterday only). */
  dailyDays?: number;
  /** Per-hour persistence of today's deviation from the profile, 0..1. */
  levelDecayPerHour?: number;
  /** Shrinks the forecast towards persistence when few days of history exist: weight n / (n + k) for n days. */
  shrinkDays?: number;
  /** Step of the forecast points; default the median step of the history. */
  stepMs?: number;
}

export const DEFAULT_HISTORY_FORECAST: Required<Omit<HistoryForecastOptions, 'stepMs'>> = {
  dailyWeight: 0.9,
  dailyDays: 7,
  levelDecayPerHour: 0.97,
  shrinkDays: 0.5,
};

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const WEEK = 7 * DAY;

/**
 * Forecast of [now, now + horizonMs) from `history`; undefined when the history has no point at or before `now`.
 * The first point is the interval holding the last observation (its observed value), so the result covers "now".
 */
export function historyForecast(
  history: IntensitySeries,
  now: number,
  horizonMs: number,
  options: HistoryForecastOptions = {},
): IntensitySeries | undefined {
  const { dailyWeight, dailyDays, levelDecayPerHour, shrinkDays } = {
    ...DEFAULT_HISTORY_FORECAST,
    ...options,
  };
  const observed = history.points.filter((p) => p.start <= now);
  const last = observed[observed.length - 1];
  if (!last) return undefined;
  const step = options.stepMs ?? medianStep(observed) ?? last.end - last.start;
  const lookup = new Lookup(observed);
  const made = new Map<number, number>();
  const valueAt = (t: number): number | undefined => made.get(t) ?? lookup.at(t);

  const profile = (t: number): number | undefined => {
    let daySum = 0;
    let dayN = 0;
    for (let d = 1; d <= dailyDays; d++) {
      const v = valueAt(t - d * DAY);
      if (v !== undefined) {
        daySum += v;
        dayN++;
      }
    }
    const daily = dayN > 0 ? daySum / dayN : undefined;
    const weekly = valueAt(t - WEEK);
    if (daily !== undefined && weekly !== undefined) return dailyWeight * daily + (1 - dailyWeight) * weekly;
    return daily ?? weekly;
  };

  let daysKnown = 0;
  for (let d = 1; d <= dailyDays; d++) if (lookup.at(last.start - d * DAY) !== undefined) daysKnown++;
  const trust = daysKnown === 0 ? 0 : daysKnown / (daysKnown + shrinkDays);
  const base = profile(last.start);
  const deviation = base === undefined ? undefined : last.value - base;
  const points: IntensityPoint[] = [{ start: last.start, end: last.start + step, value: last.value }];
  made.set(last.start, last.value);
  for (let start = last.start + step; start < now + horizonMs; start += step) {
    const p = profile(start);
    const hoursAhead = (start - last.start) / HOUR;
    const value =
      p === undefined || deviation === undefined
        ? last.value
        : p + deviation * levelDecayPerHour ** hoursAhead;
    const clamped = Math.max(0, last.value + trust * (value - last.value));
    made.set(start, clamped);
    points.push({ start, end: start + step, value: clamped });
  }
  return {
    points: points.filter((p) => p.end > now),
    unit: history.unit,
    kind: history.kind,
    origin: 'history-forecast',
    source: history.source,
  };
}

/** The baseline every forecast must beat: the last observed value, held flat over the horizon. */
export function persistenceForecast(
  history: IntensitySeries,
  now: number,
  horizonMs: number,
  stepMs?: number,
): IntensitySeries | undefined {
  const observed = history.points.filter((p) => p.start <= now);
  const last = observed[observed.length - 1];
  if (!last) return undefined;
  const step = stepMs ?? medianStep(observed) ?? last.end - last.start;
  const points: IntensityPoint[] = [];
  for (let start = last.start; start < now + horizonMs; start += step) {
    if (start + step > now) points.push({ start, end: start + step, value: last.value });
  }
  return {
    points,
    unit: history.unit,
    kind: history.kind,
    origin: 'history-forecast',
    source: history.source,
  };
}

/** Value lookup by exact interval start or containing interval, O(1) for regular series. */
class Lookup {
  private readonly byStart = new Map<number, number>();
  constructor(private readonly points: IntensityPoint[]) {
    for (const p of points) this.byStart.set(p.start, p.value);
  }
  at(t: number): number | undefined {
    const exact = this.byStart.get(t);
    if (exact !== undefined) return exact;
    let lo = 0;
    let hi = this.points.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const p = this.points[mid]!;
      if (t < p.start) hi = mid - 1;
      else if (t >= p.end) lo = mid + 1;
      else return p.value;
    }
    return undefined;
  }
}

function medianStep(points: IntensityPoint[]): number | undefined {
  if (points.length < 2) return undefined;
  const diffs: number[] = [];
  for (let i = 1; i < points.length; i++) diffs.push(points[i]!.start - points[i - 1]!.start);
  diffs.sort((a, b) => a - b);
  return diffs[diffs.length >> 1];
}
