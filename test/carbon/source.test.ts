import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ElectricityMapsProvider } from '../../src/carbon/providers/electricitymaps.js';
import { createProvider, sourceType } from '../../src/carbon/providers/index.js';
import { UkCarbonIntensityProvider } from '../../src/carbon/providers/uk.js';
import { CarbonSource, sourceHealthStatus } from '../../src/carbon/source.js';
import {
  type ElectricityMapsFake,
  pointsFrom,
  startElectricityMapsFake,
  startUkFake,
  type UkFake,
} from '../fakes/carbon/index.js';

const H = 3_600_000;
const NOW = Date.UTC(2026, 10, 25, 12, 20);
const HOUR = Date.UTC(2026, 10, 25, 12);
let clock: number;
let em: ElectricityMapsFake;
let uk: UkFake;

const http = { retries: 0, backoffMs: 1, timeoutMs: 300, cacheTtlMs: 0 };

beforeEach(async () => {
  clock = NOW;
  em = await startElectricityMapsFake({ token: 't', now: () => clock });
  uk = await startUkFake({ now: () => clock });
});
afterEach(async () => {
  await em.close();
  await uk.close();
});

const emSource = (extra: Partial<ConstructorParameters<typeof CarbonSource>[0]> = {}) =>
  new CarbonSource({
    provider: new ElectricityMapsProvider({
      baseUrl: em.url,
      zone: 'DE',
      token: 't',
      ...http,
      clock: () => clock,
    }),
    clock: () => clock,
    breaker: { failureThreshold: 2, openDurationMs: 60_000 },
    refreshIntervalMs: 30_000,
    forecastHorizonMs: 6 * H,
    ...extra,
  });

describe('CarbonSource', () => {
  it('uses the provider forecast when there is one, with the current hour in front', async () => {
    em.setForecastAccess(true);
    em.setIntensity(300);
    em.setForecast(pointsFrom(HOUR + H, H, [250, 200, 150, 100, 120, 140, 160]));
    const r = await emSource().read();
    expect(r).toMatchObject({
      healthy: true,
      source: 'electricityMaps',
      kind: 'average',
      forecastOrigin: 'provider-forecast',
    });
    expect(r.current?.value).toBe(300);
    expect(r.forecast!.points.slice(0, 3)).toEqual([
      { start: HOUR, end: HOUR + H, value: 300 },
      { start: HOUR + H, end: HOUR + 2 * H, value: 250 },
      { start: HOUR + 2 * H, end: HOUR + 3 * H, value: 200 },
    ]);
    expect(r.notes).toEqual([]);
  });

  it('forecasts from history when the forecast is not in the plan, and says so', async () => {
    em.setForecastAccess(false, 403);
    em.setIntensity(300);
    // Yesterday: dirty at this hour, clean 3 hours later.
    em.setHistory(
      pointsFrom(
        HOUR - 24 * H,
        H,
        Array.from({ length: 24 }, (_, i) => (i >= 2 && i <= 4 ? 100 : 300)),
      ),
    );
    const r = await emSource().read();
    expect(r.healthy).toBe(true);
    expect(r.forecastOrigin).toBe('history-forecast');
    expect(r.forecast!.origin).toBe('history-forecast');
    expect(r.notes[0]).toMatch(/gave no forecast: forecasting from recent history/);
    const at = (t: number) => r.forecast!.points.find((p) => p.start === t)!.value;
    expect(at(HOUR)).toBe(300);
    expect(at(HOUR + 3 * H)).toBeLessThan(250);
    expect(em.requests.map((q) => q.path)).toEqual([
      '/v3/carbon-intensity/latest',
      '/v3/carbon-intensity/forecast',
      '/v3/carbon-intensity/history',
    ]);
  });

  it('reuses a reading within the refresh interval', async () => {
    const s = emSource();
    await s.read();
    const n = em.requests.length;
    clock += 29_000;
    await s.read();
    expect(em.requests.length).toBe(n);
    clock += 2000;
    await s.read();
    expect(em.requests.length).toBeGreaterThan(n);
  });

  it('reports unhealthy on failure, opens the breaker, then recovers through a half-open probe', async () => {
    const s = emSource();
    const ok = await s.read();
    expect(ok.healthy).toBe(true);

    clock += 31_000;
    em.failNext(1, 503);
    const r1 = await s.read();
    expect(r1.healthy).toBe(false);
    expect(r1.current).toBeUndefined();
    expect(r1.health.breaker).toMatchObject({ state: 'closed', consecutiveFailures: 1 });
    expect(r1.health.lastError).toBe('electricityMaps: GET /v3/carbon-intensity/latest?zone=DE: HTTP 503');
    expect(r1.lastGood?.current?.value).toBe(300);

    em.failNext(1, 503);
    const r2 = await s.read();
    expect(r2.health.breaker.state).toBe('open');

    // Open: the API is not called at all.
    const calls = em.requests.length;
    clock += 59_000;
    const r3 = await s.read();
    expect(r3.healthy).toBe(false);
    expect(r3.notes).toEqual(['circuit breaker open: the source is not called']);
    expect(em.requests.length).toBe(calls);

    // After openDuration one probe goes through; it succeeds and closes the breaker.
    clock += 2000;
    const r4 = await s.read();
    expect(r4.healthy).toBe(true);
    expect(r4.health.breaker).toMatchObject({ state: 'closed', consecutiveFailures: 0, timesOpened: 1 });
    expect(r4.health.lastError).toBeUndefined();
  });

  it('maps health to the CarbonPolicy status block', async () => {
    const s = emSource();
    await s.read();
    clock += 31_000;
    em.failNext(2, 503);
    await s.read();
    await s.read();
    expect(sourceHealthStatus('electricityMaps', s.health())).toEqual({
      type: 'electricityMaps',
      healthy: false,
      breakerState: 'open',
      consecutiveFailures: 2,
      lastSuccessTime: new Date(NOW).toISOString(),
      lastError: 'electricityMaps: GET /v3/carbon-intensity/latest?zone=DE: HTTP 503',
    });
    clock += 60_000;
    expect(s.health().breaker.state).toBe('open');
    const probe = s.read();
    expect(sourceHealthStatus('electricityMaps', s.health()).breakerState).toBe('halfOpen');
    await probe;
    expect(sourceHealthStatus('electricityMaps', s.health())).toMatchObject({
      healthy: true,
      breakerState: 'closed',
    });
  });

  it('a failed probe opens the breaker again', async () => {
    const s = emSource();
    em.failNext(2, 500);
    await s.read();
    await s.read();
    clock += 60_000;
    em.failNext(1, 500);
    const r = await s.read();
    expect(r.health.breaker).toMatchObject({ state: 'open', timesOpened: 2 });
  });

  it('a forecast failure fails the reading (the data would be incomplete)', async () => {
    em.setForecastAccess(true);
    em.failNextOn('/v3/carbon-intensity/forecast', 1, 500);
    const r = await emSource().read();
    expect(r.healthy).toBe(false);
    expect(r.health.lastError).toBe('electricityMaps: GET /v3/carbon-intensity/forecast?zone=DE: HTTP 500');
  });

  it('history failing is not fatal: the values seen so far still make a forecast', async () => {
    em.failNextOn('/v3/carbon-intensity/history', 1, 500);
    const r = await emSource().read();
    expect(r.healthy).toBe(true);
    expect(r.forecastOrigin).toBe('history-forecast');
    expect(r.forecast!.points[0]!.value).toBe(300);
    expect(r.notes[1]).toMatch(
      /history unavailable \(electricityMaps: GET \/v3\/carbon-intensity\/history\?zone=DE: HTTP 500\)/,
    );
  });

  it('UK: national source with the provider forecast', async () => {
    uk.setIntensity(120, 130);
    const s = new CarbonSource({
      provider: new UkCarbonIntensityProvider({ baseUrl: uk.url, ...http, clock: () => clock }),
      clock: () => clock,
      forecastHorizonMs: 4 * H,
    });
    const r = await s.read();
    expect(r.current).toMatchObject({ value: 120, origin: 'actual' });
    expect(r.forecastOrigin).toBe('provider-forecast');
    expect(r.forecast!.points.every((p) => p.value === 130)).toBe(true);
  });
});

describe('createProvider', () => {
  it('builds each source from a CarbonPolicy spec', () => {
    expect(createProvider({ ukCarbonIntensity: { regionId: 13 } }).name).toBe('ukCarbonIntensity');
    expect(
      createProvider(
        { electricityMaps: { zone: 'DE', tokenSecretRef: { name: 's', key: 'k' } } },
        { electricityMapsToken: 'x' },
      ).name,
    ).toBe('electricityMaps');
    expect(
      createProvider(
        { wattTime: { region: 'CAISO_NORTH', credentialsSecretRef: { name: 's' } } },
        { wattTime: { username: 'u', password: 'p' } },
      ).kind,
    ).toBe('marginal');
    expect(createProvider({ file: { path: '/data/trace.csv' } }).name).toBe('file');
    expect(createProvider({ static: { intensity: 50 } }).name).toBe('static');
  });

  it('names a missing credential and a bad source', () => {
    expect(() =>
      createProvider({ electricityMaps: { zone: 'DE', tokenSecretRef: { name: 's', key: 'k' } } }),
    ).toThrow(/electricityMaps: no API token/);
    expect(() => sourceType({})).toThrow(/exactly one of .* \(got none\)/);
    expect(() => sourceType({ static: { intensity: 1 }, file: { path: '/a.csv' } })).toThrow(
      /got file, static|got static, file/,
    );
  });
});
