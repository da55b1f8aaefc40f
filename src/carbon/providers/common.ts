import type { IntensityPoint, IntensitySeries } from '../types.js';
import type { HttpOptions } from './http.js';

/** Options shared by the HTTP providers. */
export interface HttpProviderOptions extends HttpOptions {
  /** API base URL; default the real API. Tests and air-gapped mirrors point it elsewhere. */
  baseUrl?: string;
  /** How long a response is reused, ms (default 5 minutes; the data changes every 5–60 minutes). */
  cacheTtlMs?: number;
}

export const DEFAULT_CACHE_TTL_MS = 5 * 60_000;

/** Keeps the points overlapping [from, to), sorted, without duplicate starts. */
export function pointsBetween(points: IntensityPoint[], from: number, to: number): IntensityPoint[] {
  const seen = new Set<number>();
  return points
    .filter((p) => p.end > from && p.start < to)
    .sort((a, b) => a.start - b.start)
    .filter((p) => {
      if (seen.has(p.start)) return false;
      seen.add(p.start);
      return true;
    });
}

export function series(
  points: IntensityPoint[],
  source: string,
  origin: IntensitySeries['origin'],
  kind: IntensitySeries['kind'] = 'average',
): IntensitySeries {
  return { points, unit: 'gCO2eq/kWh', kind, origin, source };
}

/** Interval ends for points given by start times only: the next start, or the start plus the usual step. */
export function withEnds(
  starts: { start: number; value: number }[],
  defaultStepMs: number,
): IntensityPoint[] {
  const sorted = [...starts].sort((a, b) => a.start - b.start);
  return sorted.map((p, i) => {
    const next = sorted[i + 1];
    const step = next && next.start - p.start <= defaultStepMs ? next.start - p.start : defaultStepMs;
    return { start: p.start, end: p.start + step, value: p.value };
  });
}
