/** Builders of CarbonSource readings for the table-driven tests of the CarbonPolicy controller. */
import type { BreakerSnapshot } from '../../../src/carbon/breaker.js';
import type { CarbonReading } from '../../../src/carbon/source.js';
import type { IntensityPoint } from '../../../src/carbon/types.js';

export const T0 = Date.UTC(2026, 10, 25, 12, 0);
export const M = 60_000;
export const H = 3_600_000;

/** Half-hour points from `start` with the given values. */
export function halfHours(values: number[], start = T0): IntensityPoint[] {
  return values.map((value, i) => ({ start: start + i * 30 * M, end: start + (i + 1) * 30 * M, value }));
}

export function breaker(over: Partial<BreakerSnapshot> = {}): BreakerSnapshot {
  return { state: 'closed', consecutiveFailures: 0, probing: false, timesOpened: 0, ...over };
}

/** A healthy reading: current = the first forecast point. */
export function healthy(
  forecast: IntensityPoint[],
  over: Partial<CarbonReading> & { fetchedAt?: number } = {},
): CarbonReading {
  const first = forecast[0]!;
  const fetchedAt = over.fetchedAt ?? first.start;
  return {
    healthy: true,
    source: 'ukCarbonIntensity',
    kind: 'average',
    current: { ...first, origin: 'actual', kind: 'average', source: 'ukCarbonIntensity' },
    forecast: {
      points: forecast,
      unit: 'gCO2eq/kWh',
      kind: 'average',
      origin: 'provider-forecast',
      source: 'ukCarbonIntensity',
    },
    forecastOrigin: 'provider-forecast',
    fetchedAt,
    health: { healthy: true, breaker: breaker({ lastSuccessAt: fetchedAt }), lastSuccessAt: fetchedAt },
    notes: [],
    ...over,
  };
}

/** A failing reading, with the last good one when given. */
export function failing(
  b: Partial<BreakerSnapshot>,
  lastError: string,
  lastGood?: CarbonReading,
): CarbonReading {
  const snapshot = breaker({ consecutiveFailures: 1, lastError, ...b });
  const { health: _h, lastGood: _l, ...good } = lastGood ?? ({} as CarbonReading);
  return {
    healthy: false,
    source: 'ukCarbonIntensity',
    kind: 'average',
    health: {
      healthy: false,
      breaker: snapshot,
      lastError,
      ...(snapshot.lastSuccessAt !== undefined ? { lastSuccessAt: snapshot.lastSuccessAt } : {}),
    },
    ...(lastGood ? { lastGood: good as CarbonReading } : {}),
    notes: [],
  };
}
