import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ProviderError } from '../../../src/carbon/providers/errors.js';
import { LBS_PER_MWH_TO_G_PER_KWH, WattTimeProvider } from '../../../src/carbon/providers/watttime.js';
import { pointsFrom, startWattTimeFake, type WattTimeFake } from '../../fakes/carbon/index.js';

const M5 = 5 * 60_000;
const NOW = Date.UTC(2026, 10, 25, 12, 7);
const SLOT = Date.UTC(2026, 10, 25, 12, 5);
const PASSWORD = 'wt-very-secret';
let fake: WattTimeFake;
let clock: number;

async function start(opts: Parameters<typeof startWattTimeFake>[0] = {}) {
  fake = await startWattTimeFake({ username: 'ci', password: PASSWORD, now: () => clock, ...opts });
}
const provider = (opts: Partial<ConstructorParameters<typeof WattTimeProvider>[0]> = {}) =>
  new WattTimeProvider({
    baseUrl: fake.url,
    region: 'CAISO_NORTH',
    username: 'ci',
    password: PASSWORD,
    retries: 1,
    backoffMs: 1,
    timeoutMs: 300,
    cacheTtlMs: 0,
    clock: () => clock,
    ...opts,
  });

async function failure(p: Promise<unknown>): Promise<ProviderError> {
  const err = await p.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(ProviderError);
  expect((err as Error).message).not.toContain(PASSWORD);
  return err as ProviderError;
}

beforeEach(() => {
  clock = NOW;
});
afterEach(() => fake.close());

describe('WattTime', () => {
  it('logs in with basic auth, then converts the MOER forecast from lbs/MWh to g/kWh (marginal)', async () => {
    await start();
    fake.setForecast(pointsFrom(SLOT, M5, [1000, 800, 600]));
    const f = (await provider().forecast(NOW, 10 * 60_000))!;
    expect(f).toMatchObject({
      kind: 'marginal',
      origin: 'provider-forecast',
      unit: 'gCO2eq/kWh',
      source: 'wattTime',
    });
    expect(f.points).toEqual([
      { start: SLOT, end: SLOT + M5, value: 1000 * LBS_PER_MWH_TO_G_PER_KWH },
      { start: SLOT + M5, end: SLOT + 2 * M5, value: 800 * LBS_PER_MWH_TO_G_PER_KWH },
      { start: SLOT + 2 * M5, end: SLOT + 3 * M5, value: 600 * LBS_PER_MWH_TO_G_PER_KWH },
    ]);
    expect(fake.requests.map((r) => r.path)).toEqual(['/login', '/v3/forecast']);
    expect(fake.requests[0]!.headers.authorization).toBe(
      `Basic ${Buffer.from(`ci:${PASSWORD}`).toString('base64')}`,
    );
    expect(fake.requests[1]!.headers.authorization).toMatch(/^Bearer [0-9a-f-]{36}$/);
    expect(fake.requests[1]!.query.get('signal_type')).toBe('co2_moer');
    expect(fake.requests[1]!.query.get('region')).toBe('CAISO_NORTH');
  });

  it('1 lb/MWh is 0.45359237 g/kWh', () => {
    expect(LBS_PER_MWH_TO_G_PER_KWH).toBe(453.59237 / 1000);
  });

  it('current: a percentile signal-index is not an emission rate, so the forecast’s current point is used', async () => {
    await start({ signalIndexUnits: 'percentile' });
    fake.setMoer(1000);
    const c = await provider().current(NOW);
    expect(c).toEqual({
      value: 1000 * LBS_PER_MWH_TO_G_PER_KWH,
      start: SLOT,
      end: SLOT + M5,
      origin: 'provider-forecast',
      kind: 'marginal',
      source: 'wattTime',
    });
    expect(fake.requests.map((r) => r.path)).toEqual(['/login', '/v3/signal-index', '/v3/forecast']);
  });

  it('current: a signal-index in lbs/MWh is converted directly', async () => {
    await start({ signalIndexUnits: 'lbs_co2_per_mwh' });
    fake.setMoer(500);
    const c = await provider().current(NOW);
    expect(c).toMatchObject({ value: 500 * LBS_PER_MWH_TO_G_PER_KWH, origin: 'actual', kind: 'marginal' });
  });

  it('current without forecast access and a percentile index is unavailable, saying why', async () => {
    await start({ signalIndexUnits: 'percentile' });
    fake.setDataAccess(false);
    const err = await failure(provider().current(NOW));
    expect(err.kind).toBe('unavailable');
    expect(err.message).toMatch(/gives a percentile, not an emission rate/);
  });

  it('forecast and history answer null without a subscription (403)', async () => {
    await start();
    fake.setDataAccess(false);
    expect(await provider().forecast(NOW, 3_600_000)).toBeNull();
    expect(await provider().history(NOW, 3_600_000)).toBeNull();
  });

  it('history asks /v3/historical for the lookback and marks it actual', async () => {
    await start();
    fake.setMoer(700);
    const h = (await provider().history(NOW, 30 * 60_000))!;
    const req = fake.requests.find((r) => r.path === '/v3/historical')!;
    expect(req.query.get('start')).toBe('2026-11-25T11:37:00.000Z');
    expect(req.query.get('end')).toBe('2026-11-25T12:07:00.000Z');
    expect(h.origin).toBe('actual');
    expect(h.points.at(-1)).toEqual({ start: SLOT, end: SLOT + M5, value: 700 * LBS_PER_MWH_TO_G_PER_KWH });
  });

  it('reuses the token, and logs in again after 28 minutes', async () => {
    await start();
    const p = provider();
    await p.forecast(NOW, M5);
    await p.forecast(NOW, M5);
    expect(fake.logins()).toBe(1);
    clock += 29 * 60_000;
    await p.forecast(clock, M5);
    expect(fake.logins()).toBe(2);
  });

  it('logs in again at once on a 401 (token expired early) and retries', async () => {
    await start();
    const p = provider();
    await p.forecast(NOW, M5);
    fake.expireTokens();
    await expect(p.forecast(NOW, M5)).resolves.not.toBeNull();
    expect(fake.logins()).toBe(2);
  });

  it('refused credentials are an auth error without the password', async () => {
    await start();
    const err = await failure(provider({ password: 'nope' }).forecast(NOW, M5));
    expect(err).toMatchObject({ kind: 'auth', status: 403 });
    expect(err.message).toBe('wattTime: GET /login: HTTP 403: username or password refused');
  });

  it('an unknown region is unavailable', async () => {
    await start();
    const err = await failure(provider({ region: 'NOWHERE' }).forecast(NOW, M5));
    expect(err).toMatchObject({ kind: 'unavailable', status: 400 });
  });

  it('5xx, 429, hang and malformed answers fail as such', async () => {
    await start();
    const p = provider();
    await p.forecast(NOW, M5); // logged in
    fake.failNext(2, 503);
    expect((await failure(p.forecast(NOW, M5))).kind).toBe('http');
    fake.rateLimitNext(1, '9999');
    expect((await failure(p.forecast(NOW, M5))).kind).toBe('rate-limited');
    fake.hangNext(2);
    expect((await failure(p.forecast(NOW, M5))).kind).toBe('timeout');
    fake.malformedNext(1);
    expect((await failure(p.forecast(NOW, M5))).kind).toBe('parse');
    fake.malformedNext(
      1,
      JSON.stringify({
        data: [{ point_time: '2026-11-25T12:05:00+00:00', value: 1 }],
        meta: { units: 'furlongs' },
      }),
    );
    expect((await failure(p.forecast(NOW, M5))).message).toMatch(
      /meta\.units "furlongs" is not an emission rate/,
    );
    fake.malformedNext(
      1,
      JSON.stringify({ data: [{ point_time: 'x', value: 1 }], meta: { units: 'lbs_co2_per_mwh' } }),
    );
    expect((await failure(p.forecast(NOW, M5))).message).toMatch(/data\[0\]\.point_time is not a time/);
  });
});
