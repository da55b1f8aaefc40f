import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ProviderError } from '../../../src/carbon/providers/errors.js';
import { parseUkRegion, UkCarbonIntensityProvider } from '../../../src/carbon/providers/uk.js';
import { pointsFrom, startUkFake, type UkFake } from '../../fakes/carbon/index.js';

const HALF = 30 * 60_000;
const NOW = Date.UTC(2026, 10, 25, 12, 10);
const PERIOD = Date.UTC(2026, 10, 25, 12, 0);
let fake: UkFake;
let clock: number;

const provider = (
  region?: string,
  extra: Partial<ConstructorParameters<typeof UkCarbonIntensityProvider>[0]> = {},
) =>
  new UkCarbonIntensityProvider({
    baseUrl: fake.url,
    region,
    retries: 1,
    backoffMs: 1,
    timeoutMs: 300,
    clock: () => clock,
    ...extra,
  });

async function failure(p: Promise<unknown>): Promise<ProviderError> {
  const err = await p.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(ProviderError);
  return err as ProviderError;
}

beforeEach(async () => {
  clock = NOW;
  fake = await startUkFake({ now: () => clock });
});
afterEach(() => fake.close());

describe('UK Carbon Intensity: national', () => {
  it('current is the published actual of the current half hour', async () => {
    fake.setIntensity(182, 190);
    const c = await provider().current(NOW);
    expect(c).toEqual({
      value: 182,
      start: PERIOD,
      end: PERIOD + HALF,
      origin: 'actual',
      kind: 'average',
      source: 'ukCarbonIntensity',
    });
    expect(fake.requests[0]!.path).toBe('/intensity');
  });

  it('current falls back to the forecast while the actual is not published', async () => {
    fake.setIntensity(null, 205);
    const c = await provider().current(NOW);
    expect(c).toMatchObject({ value: 205, origin: 'provider-forecast' });
  });

  it('forecast reads fw48h from the current half hour and keeps the horizon', async () => {
    fake.setIntensity(150);
    fake.setForecast(pointsFrom(PERIOD, HALF, [150, 140, 90, 60, 80]));
    const f = (await provider().forecast(NOW, 2 * 3_600_000))!;
    expect(fake.requests[0]!.path).toBe('/intensity/2026-11-25T12:00Z/fw48h');
    expect(f).toMatchObject({ origin: 'provider-forecast', kind: 'average', unit: 'gCO2eq/kWh' });
    expect(f.points.map((p) => p.value)).toEqual([150, 140, 90, 60, 80]);
    expect(f.points[0]!.start).toBe(PERIOD);
    expect(f.points.at(-1)!.end).toBe(PERIOD + 5 * HALF);
  });

  it('caches answers for the TTL and asks again after', async () => {
    const p = provider(undefined, { cacheTtlMs: 60_000 });
    await p.current(NOW);
    await p.current(NOW);
    expect(fake.requests).toHaveLength(1);
    clock += 61_000;
    await p.current(NOW);
    expect(fake.requests).toHaveLength(2);
  });

  it('shares one request between concurrent callers', async () => {
    const p = provider();
    await Promise.all([p.current(NOW), p.current(NOW), p.current(NOW)]);
    expect(fake.requests).toHaveLength(1);
  });
});

describe('UK Carbon Intensity: regional', () => {
  it('by region id: current is the regional forecast (regional data has no actual)', async () => {
    fake.setIntensity(100, 120);
    const c = await provider('13').current(NOW);
    expect(fake.requests[0]!.path).toBe('/regional/regionid/13');
    expect(c).toMatchObject({ value: 120, origin: 'provider-forecast', start: PERIOD });
  });

  it('by region name and by postcode', async () => {
    await provider('London').current(NOW);
    await provider('rg10').forecast(NOW, 3_600_000);
    expect(fake.requests.map((r) => r.path)).toEqual([
      '/regional/regionid/13',
      '/regional/intensity/2026-11-25T12:00Z/fw48h/postcode/RG10',
    ]);
  });

  it('regional forecast (data is an object) is read', async () => {
    fake.setForecast(pointsFrom(PERIOD, HALF, [300, 200, 100]));
    const f = (await provider('3').forecast(NOW, 80 * 60_000))!; // until 13:30
    expect(f.points.map((p) => p.value)).toEqual([300, 200, 100]);
  });

  it.each([['0'], ['18'], ['Atlantis'], ['RG 10 1AB']])('rejects region %j with a config error', (region) => {
    expect(() => parseUkRegion(region)).toThrow(ProviderError);
    expect(() => parseUkRegion(region)).toThrow(/region/);
  });
});

describe('UK Carbon Intensity: errors', () => {
  it('retries a 500 and then succeeds', async () => {
    fake.failNext(1, 500);
    await expect(provider().current(NOW)).resolves.toMatchObject({ value: 150 });
    expect(fake.requests).toHaveLength(2);
  });

  it('fails with http after persistent 5xx', async () => {
    fake.failNext(2, 502);
    const err = await failure(provider().current(NOW));
    expect(err).toMatchObject({ kind: 'http', status: 502 });
  });

  it('honours 429 Retry-After', async () => {
    fake.rateLimitNext(1, '0');
    await expect(provider().current(NOW)).resolves.toMatchObject({ value: 150 });
  });

  it('times out on a hanging API', async () => {
    fake.hangNext(2);
    const err = await failure(provider().current(NOW));
    expect(err.kind).toBe('timeout');
  });

  it('rejects a malformed body (not JSON)', async () => {
    fake.malformedNext(1);
    expect((await failure(provider().current(NOW))).kind).toBe('parse');
  });

  it('rejects JSON in the wrong shape, naming the field', async () => {
    fake.malformedNext(
      1,
      JSON.stringify({ data: [{ from: '2026-11-25T12:00Z', to: 'x', intensity: { forecast: 1 } }] }),
    );
    const err = await failure(provider().current(NOW));
    expect(err.message).toBe('ukCarbonIntensity: GET /intensity: data[0].to is not a time');
    fake.malformedNext(
      1,
      JSON.stringify({
        data: [{ from: '2026-11-25T12:00Z', to: '2026-11-25T12:30Z', intensity: { forecast: 'high' } }],
      }),
    );
    expect((await failure(provider().current(NOW + 10 * 60_000 + 6 * 60_000 * 60))).message).toMatch(
      /intensity\.forecast is not a number/,
    );
    fake.malformedNext(1, JSON.stringify({ data: [] }));
    expect((await failure(provider('7').current(NOW))).message).toMatch(/holds no periods/);
  });

  it('reports a 400 (the API rejecting the request) as unavailable', async () => {
    fake.failNext(1, 400);
    const err = await failure(provider().current(NOW));
    expect(err).toMatchObject({ kind: 'unavailable', status: 400 });
  });
});
