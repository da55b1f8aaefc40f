/**
 * Which intensity data a policy decides with, from the CarbonSource's latest reading. Pure.
 *
 * - A healthy reading: its forecast (provider's or history's), or just the current interval when there is no
 *   forecast at all (the scheduler then runs jobs now: waiting blind only adds delay).
 * - A failing source whose breaker is still closed (fewer consecutive failures than the threshold): the last good
 *   reading. One timeout must not flip every queued job to the failure mode; the threshold bounds how stale it gets.
 * - Breaker open or half-open, or nothing fetched yet: no usable data; the policy's failure mode applies. The
 *   breaker exists to keep the scheduler from stale data, so an open breaker never serves the last reading.
 */
import type { CarbonReading } from '../../carbon/source.js';
import type { IntensityPoint } from '../../carbon/types.js';
import type { PolicyData } from './admission.js';

type Good = Omit<CarbonReading, 'lastGood' | 'health'>;

/** The reading whose values the policy uses (the fresh one, or the last good one while the breaker is closed). */
export function usableReading(reading: CarbonReading | undefined): Good | undefined {
  if (!reading) return undefined;
  if (reading.healthy) return reading;
  if (reading.health.breaker.state === 'closed' && reading.lastGood) return reading.lastGood;
  return undefined;
}

export function policyData(reading: CarbonReading | undefined): PolicyData {
  const good = usableReading(reading);
  if (good) return { usable: true, forecast: forecastPoints(good) };
  if (!reading) return { usable: false, why: 'nothing fetched from the source yet' };
  return { usable: false, why: unusableWhy(reading) };
}

function forecastPoints(good: Good): readonly IntensityPoint[] {
  if (good.forecast && good.forecast.points.length > 0) return good.forecast.points;
  const c = good.current;
  return c ? [{ start: c.start, end: c.end, value: c.value }] : [];
}

/** One phrase: why a reading cannot be used (for decision messages and the Ready condition). */
export function unusableWhy(reading: CarbonReading): string {
  const b = reading.health.breaker;
  const last = reading.health.lastError ?? b.lastError;
  if (b.state === 'open' || b.state === 'half-open') {
    return `circuit breaker ${b.state === 'open' ? 'open' : 'half-open'} after ${b.consecutiveFailures} consecutive failure${b.consecutiveFailures === 1 ? '' : 's'}${last ? `; last error: ${last}` : ''}`;
  }
  return last ? `source failing: ${last}` : 'source failing';
}
