import { describe, expect, it } from 'vitest';
import { policyData, usableReading } from '../../../src/controller/carbonpolicy/data.js';
import { failing, H, halfHours, healthy, T0 } from './readings.js';

const good = healthy(halfHours([300, 300, 80]));

describe('policyData', () => {
  it('nothing fetched yet: unusable', () => {
    expect(policyData(undefined)).toEqual({ usable: false, why: 'nothing fetched from the source yet' });
  });

  it('healthy: the forecast', () => {
    expect(policyData(good)).toEqual({ usable: true, forecast: halfHours([300, 300, 80]) });
  });

  it('healthy without any forecast: just the current interval', () => {
    const { forecast: _f, forecastOrigin: _o, ...noForecast } = good;
    expect(policyData(noForecast)).toEqual({
      usable: true,
      forecast: [{ start: T0, end: T0 + H / 2, value: 300 }],
    });
  });

  it('failing below the breaker threshold: the last good data', () => {
    const r = failing(
      { state: 'closed', consecutiveFailures: 1 },
      'ukCarbonIntensity: GET /intensity: HTTP 503',
      good,
    );
    expect(usableReading(r)?.fetchedAt).toBe(good.fetchedAt);
    expect(policyData(r)).toEqual({ usable: true, forecast: halfHours([300, 300, 80]) });
  });

  it('failing with nothing good before: unusable, with the error', () => {
    const r = failing(
      { state: 'closed', consecutiveFailures: 1 },
      'ukCarbonIntensity: GET /intensity: HTTP 503',
    );
    expect(policyData(r)).toEqual({
      usable: false,
      why: 'source failing: ukCarbonIntensity: GET /intensity: HTTP 503',
    });
  });

  it.each(['open', 'half-open'] as const)('breaker %s: unusable even with last good data', (state) => {
    const r = failing({ state, consecutiveFailures: 3 }, 'ukCarbonIntensity: GET /intensity: HTTP 500', good);
    const d = policyData(r);
    expect(d.usable).toBe(false);
    expect(d.usable ? '' : d.why).toBe(
      `circuit breaker ${state} after 3 consecutive failures; last error: ukCarbonIntensity: GET /intensity: HTTP 500`,
    );
  });
});
