import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ElectricityMapsProvider } from '../../../src/carbon/providers/electricitymaps.js';
import { ProviderError } from '../../../src/carbon/providers/errors.js';
import { type ElectricityMapsFake, pointsFrom, startElectricityMapsFake } from '../../fakes/carbon/index.js';

const H = 3_600_000;
const NOW = Date.UTC(2026, 10, 25, 12, 20);
const HOUR = Date.UTC(2026, 10, 25, 12);
const TOKEN = 'em-secret-token-123';
let fake: ElectricityMapsFake;

const provider = (opts: Partial<ConstructorParameters<typeof ElectricityMapsProvider>[0]> = {}) =>
  new ElectricityMapsProvider({
    baseUrl: fake.url,
    zone: 'DE',
    token: TOKEN,
    retries: 1,
    backoffMs: 1,
    timeoutMs: 300,
    ...opts,
  });

async function failure(p: Promise<unknown>): Promise<ProviderError> {
  const err = await p.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(ProviderError);
  expect((err as Error).message).not.toContain(TOKEN);
  return err as ProviderError;
}

beforeEach(async () => {
  fake = await startElectricityMapsFake({ token: TOKEN, now: () => NOW });
});
afterEach(() => fake.close());

describe('Electricity Maps', () => {
  it('current reads latest with the auth-token header', async () => {
    fake.setIntensity(312, true);
    const c = await provider().current(NOW);
    expect(c).toEqual({
      value: 312,
      start: HOUR,
      end: HOUR + H,
      origin: 'actual',
      kind: 'average',
      source: 'electricityMaps',
      estimated: true,
    });
    const req = fake.requests[0]!;
    expect(req.path).toBe('/v3/carbon-intensity/latest');
    expect(req.query.get('zone')).toBe('DE');
    expect(req.headers['auth-token']).toBe(TOKEN);
  });

  it('passes emissionFactorType=direct when asked', async () => {
    await provider({ emissionFactorType: 'direct' }).current(NOW);
    expect(fake.requests[0]!.query.get('emissionFactorType')).toBe('direct');
  });

  it('forecast, when the plan has it', async () => {
    fake.setForecastAccess(true);
    fake.setForecast(pointsFrom(HOUR, H, [300, 250, 200, 150]));
    const f = (await provider().forecast(NOW, 3 * H))!;
    expect(f.origin).toBe('provider-forecast');
    expect(f.points).toEqual(pointsFrom(HOUR, H, [300, 250, 200, 150]));
  });

  it.each([401, 403, 404])(
    'a forecast refused with %d means "no forecast", latest still works',
    async (status) => {
      fake.setForecastAccess(false, status);
      expect(await provider().forecast(NOW, 24 * H)).toBeNull();
      await expect(provider().current(NOW)).resolves.toMatchObject({ value: 300 });
    },
  );

  it('history gives the last 24 h as actual values', async () => {
    fake.setIntensity(100);
    fake.setHistory(
      pointsFrom(
        HOUR - 24 * H,
        H,
        Array.from({ length: 24 }, (_, i) => 200 + i),
      ),
    );
    const h = (await provider().history(NOW, 24 * H))!;
    expect(h.origin).toBe('actual');
    expect(h.points).toHaveLength(24);
    expect(h.points[0]).toEqual({ start: HOUR - 24 * H, end: HOUR - 23 * H, value: 200 });
    expect(h.points.at(-1)).toEqual({ start: HOUR - H, end: HOUR, value: 223 });
  });

  it('a wrong token is an auth error that does not echo the token', async () => {
    const err = await failure(provider({ token: 'wrong' }).current(NOW));
    expect(err).toMatchObject({ kind: 'auth', status: 401 });
    expect(err.message).toBe(
      'electricityMaps: GET /v3/carbon-intensity/latest: HTTP 401: the API token was refused',
    );
  });

  it('an unknown zone is unavailable', async () => {
    const err = await failure(provider({ zone: 'XX' }).current(NOW));
    expect(err).toMatchObject({ kind: 'unavailable', status: 404 });
    expect(err.message).toMatch(/unknown zone "XX"/);
  });

  it('5xx, 429, hang and malformed bodies fail as such', async () => {
    fake.failNext(2, 500);
    expect((await failure(provider().current(NOW))).kind).toBe('http');
    fake.rateLimitNext(1, '86400');
    expect((await failure(provider().current(NOW))).kind).toBe('rate-limited');
    fake.hangNext(2);
    expect((await failure(provider().current(NOW))).kind).toBe('timeout');
    fake.malformedNext(1);
    expect((await failure(provider().current(NOW))).kind).toBe('parse');
    fake.malformedNext(1, JSON.stringify({ zone: 'DE', carbonIntensity: 12, datetime: 'yesterday' }));
    expect((await failure(provider().current(NOW))).message).toMatch(/latest: datetime is not a time/);
  });

  it('a null current value is unavailable', async () => {
    fake.malformedNext(
      1,
      JSON.stringify({ zone: 'DE', carbonIntensity: null, datetime: '2026-11-25T12:00:00.000Z' }),
    );
    expect((await failure(provider().current(NOW))).kind).toBe('unavailable');
  });

  it('refuses to start without a token or zone', () => {
    expect(() => new ElectricityMapsProvider({ zone: 'DE', token: '' })).toThrow(/no API token/);
    expect(() => new ElectricityMapsProvider({ zone: '', token: 't' })).toThrow(/zone is required/);
  });
});
