/**
 * The forecasts the simulated ai-ci policy sees. Each time step a fresh forecast is issued covering
 * [issue time, issue time + horizon), and the scheduler re-decides with it, as the controller would.
 *
 * Kinds:
 * - `provider`: the forecast published with the trace (a saved UK API response has one per period). One value
 *   per period, whatever the lead time: it understates long-lead error, and the output says so.
 * - `noisy` (default when the trace has no forecast): the actual values plus a modelled forecast error.
 *   The error's mean absolute size grows with lead time L as MAE(L) = m·(1/3 + √(L/48 h)), which averages m over a
 *   48 h horizon (m = 24 gCO2/kWh by default, the UK Carbon Intensity API's published forecast MAE): 8 g for the
 *   current hour, 15 g at 4 h, 20 g at 12 h, 32 g at 48 h. Errors are Gaussian and correlated, both along the
 *   horizon (AR(1), 0.9 per step: a forecast that is too high at 14:00 is too high at 15:00 too) and between
 *   consecutive issues (0.9 per step: the next forecast revises the last one rather than starting afresh).
 *   The error stays unbiased; forecasts are clamped at 0.
 * - `history`: ai-ci's own forecast from recent history (src/carbon/forecast/history.ts), what the controller uses
 *   for a provider without forecasts (Electricity Maps' free tier); it sees only values before the issue time.
 * - `perfect`: the actual values (an upper bound for the forecast policy, and a check of the simulator).
 */
import { historyForecast } from '../forecast/history.js';
import type { IntensityPoint, IntensitySeries } from '../types.js';
import type { Random } from './rng.js';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

export type ForecastKind = 'noisy' | 'perfect' | 'provider' | 'history';

export interface ForecastModel {
  kind: ForecastKind;
  /** One line for the report: what the forecast policy saw. */
  description: string;
  /** The forecast issued at `issueTime` (a step of the actual series), covering [issueTime, issueTime + horizon). */
  issue(issueTime: number): IntensityPoint[];
}

export interface NoisyForecastOptions {
  /** Mean absolute error averaged over a 48 h horizon, gCO2/kWh. */
  meanAbsoluteError: number;
  horizonMs: number;
  /** Correlation of errors between neighbouring steps of one forecast. */
  horizonCorrelation?: number;
  /** Correlation of the error for one target time between consecutive issues. */
  issueCorrelation?: number;
}

/** Mean absolute error at lead time `leadMs` for a forecast whose MAE averages `mean` over 48 h. */
export function maeAtLead(mean: number, leadMs: number): number {
  return mean * (1 / 3 + Math.sqrt(Math.max(0, leadMs) / (48 * HOUR)));
}

export function perfectForecast(actual: IntensitySeries, horizonMs: number): ForecastModel {
  const pts = actual.points;
  return {
    kind: 'perfect',
    description: 'perfect forecast (the actual values)',
    issue: (t) => pts.slice(startIndex(pts, t), endIndex(pts, t + horizonMs)),
  };
}

export function providerForecast(forecast: IntensitySeries, horizonMs: number): ForecastModel {
  const pts = forecast.points;
  return {
    kind: 'provider',
    description:
      "the provider's published forecast from the trace (one value per period for every lead time, so long-lead error is understated)",
    issue: (t) => pts.slice(startIndex(pts, t), endIndex(pts, t + horizonMs)),
  };
}

export function historyForecastModel(actual: IntensitySeries, horizonMs: number): ForecastModel {
  const pts = actual.points;
  return {
    kind: 'history',
    description:
      "ai-ci's forecast from recent history (seasonal-naive; what the controller uses without a provider forecast)",
    issue(t) {
      // Only values known at t (intervals that have ended), and only as far back as the model looks (a week + days).
      const end = startIndex(pts, t);
      const history = { ...actual, points: pts.slice(Math.max(0, startIndex(pts, t - 9 * DAY)), end) };
      const series = historyForecast(history, t, horizonMs);
      return series ? series.points.filter((p) => p.start >= t - HOUR && p.start < t + horizonMs) : [];
    },
  };
}

/**
 * Actual values plus correlated, lead-dependent noise (see the module comment). Issues are expected at the actual
 * series' steps in increasing order, as the simulator makes them; the error state rolls from one issue to the next.
 */
export function noisyForecast(
  actual: IntensitySeries,
  options: NoisyForecastOptions,
  random: Random,
): ForecastModel {
  const pts = actual.points;
  const phi = options.horizonCorrelation ?? 0.9;
  const r = options.issueCorrelation ?? 0.9;
  const innovationPhi = Math.sqrt(1 - phi * phi);
  const innovationR = Math.sqrt(1 - r * r);
  const sigmaPerMae = Math.sqrt(Math.PI / 2);
  // z[k]: standardised error of the point at index (lastIssueIndex + k); stationary AR(1) along k.
  let lastIssueIndex = -2;
  let z: number[] = [];
  const cache = new Map<number, IntensityPoint[]>();
  const freshAr1 = (n: number): number[] => {
    const out: number[] = [];
    let prev = random.normal();
    for (let k = 0; k < n; k++) {
      if (k > 0) prev = phi * prev + innovationPhi * random.normal();
      out.push(prev);
    }
    return out;
  };
  return {
    kind: 'noisy',
    description: `noisy forecast: actual values + modelled error, MAE ${fmt(options.meanAbsoluteError)} g averaged over 48 h (${fmt(maeAtLead(options.meanAbsoluteError, 0))} g now, ${fmt(maeAtLead(options.meanAbsoluteError, 4 * HOUR))} g at 4 h, ${fmt(maeAtLead(options.meanAbsoluteError, 12 * HOUR))} g at 12 h), correlated along the horizon and between issues`,
    issue(t) {
      const i = startIndex(pts, t);
      const cached = cache.get(i);
      if (cached) return cached;
      const n = endIndex(pts, t + options.horizonMs) - i;
      if (n <= 0) return [];
      if (i === lastIssueIndex + 1 && z.length > 0) {
        // Extend the previous error path by one AR(1) step, drop the target now in the past, and blend with fresh
        // AR(1) noise: the result is again a unit-variance AR(1) path, correlated r with the previous issue.
        while (z.length < n + 1) z.push(phi * z[z.length - 1]! + innovationPhi * random.normal());
        const fresh = freshAr1(n);
        z = z.slice(1, n + 1).map((v, k) => r * v + innovationR * fresh[k]!);
      } else {
        z = freshAr1(n);
      }
      lastIssueIndex = i;
      const out: IntensityPoint[] = [];
      for (let k = 0; k < n; k++) {
        const p = pts[i + k]!;
        const sigma = maeAtLead(options.meanAbsoluteError, p.start - t) * sigmaPerMae;
        out.push({ start: p.start, end: p.end, value: Math.max(0, p.value + sigma * z[k]!) });
      }
      cache.clear();
      cache.set(i, out);
      return out;
    },
  };
}

/** Index of the point covering t, or of the first point after t. */
function startIndex(pts: readonly IntensityPoint[], t: number): number {
  let lo = 0;
  let hi = pts.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (pts[mid]!.end <= t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Number of points starting before t. */
function endIndex(pts: readonly IntensityPoint[], t: number): number {
  let lo = 0;
  let hi = pts.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (pts[mid]!.start < t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function fmt(n: number): string {
  return n.toFixed(0);
}
