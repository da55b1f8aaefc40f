/**
 * Fake of the WattTime API v3 (https://docs.watttime.org): `GET /login` with HTTP Basic auth answers
 * `{"token": …}`; `/v3/signal-index`, `/v3/forecast` and `/v3/historical` need `Authorization: Bearer <token>`
 * and answer `{"data":[{"point_time","value"}],"meta":{…,"units",…}}` on a 5-minute grid. MOER values are in
 * lbs_co2_per_mwh; the signal index is a percentile (0–100) unless `signalIndexUnits` says otherwise.
 * `expireTokens()` makes every issued token invalid (the real ones expire after 30 minutes).
 */
import { randomUUID } from 'node:crypto';
import { type FakePoint, type FakeServer, startFakeServer } from './server.js';

const FIVE_MIN = 5 * 60_000;

export interface WattTimeFake extends FakeServer {
  /** MOER (lbs CO2/MWh) now and wherever the forecast/history is not set otherwise. */
  setMoer(lbsPerMwh: number): void;
  /** Forecast MOER points (lbs/MWh). */
  setForecast(points: FakePoint[]): void;
  setPercentile(value: number): void;
  /** Whether the account may read /v3/forecast and /v3/historical (a paid plan); else 403. */
  setDataAccess(granted: boolean): void;
  /** Invalidates every token issued so far. */
  expireTokens(): void;
  logins(): number;
}

export async function startWattTimeFake(
  options: {
    username?: string;
    password?: string;
    regions?: string[];
    signalIndexUnits?: 'percentile' | 'lbs_co2_per_mwh';
    now?: () => number;
  } = {},
): Promise<WattTimeFake> {
  const username = options.username ?? 'wt-user';
  const password = options.password ?? 'wt-pass';
  const regions = new Set(options.regions ?? ['CAISO_NORTH']);
  const indexUnits = options.signalIndexUnits ?? 'percentile';
  const now = options.now ?? Date.now;
  const tokens = new Set<string>();
  let loginCount = 0;
  let moer = 900;
  let percentile = 42;
  let forecast: FakePoint[] = [];
  let dataAccess = true;

  const iso = (t: number) => new Date(t).toISOString().replace('.000Z', '+00:00');
  const slot = (t: number) => Math.floor(t / FIVE_MIN) * FIVE_MIN;
  const moerAt = (t: number) => forecast.find((p) => p.start <= t && t < p.end)?.value ?? moer;
  const meta = (region: string, units: string, extra: Record<string, unknown> = {}) => ({
    data_point_period_seconds: 300,
    region,
    signal_type: 'co2_moer',
    units,
    warnings: [],
    model: { date: '2024-10-01' },
    ...extra,
  });
  const error = (status: number, message: string) => ({ status, body: { error: message } });

  const server = await startFakeServer('wattTime', (req) => {
    if (req.path === '/login') {
      const expected = `Basic ${Buffer.from(`${username}:${password}`).toString('base64')}`;
      if (req.headers.authorization !== expected) return error(403, 'Forbidden');
      loginCount++;
      const token = randomUUID();
      tokens.add(token);
      return { status: 200, body: { token } };
    }
    const bearer = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1];
    if (!bearer || !tokens.has(bearer)) return error(401, 'Unauthorized: invalid or expired token');
    const region = req.query.get('region') ?? '';
    if (req.query.get('signal_type') !== 'co2_moer') return error(400, 'signal_type must be co2_moer here');
    if (!regions.has(region)) return error(400, `region ${region} is not a valid region`);
    const t0 = slot(now());
    switch (req.path) {
      case '/v3/signal-index':
        return {
          status: 200,
          body: {
            data: [{ point_time: iso(t0), value: indexUnits === 'percentile' ? percentile : moer }],
            meta: meta(region, indexUnits),
          },
        };
      case '/v3/forecast': {
        if (!dataAccess) return error(403, 'Forbidden: your plan does not include this region/endpoint');
        const data = Array.from({ length: 24 * 12 }, (_, i) => t0 + i * FIVE_MIN).map((t) => ({
          point_time: iso(t),
          value: moerAt(t),
        }));
        return {
          status: 200,
          body: {
            data,
            meta: meta(region, 'lbs_co2_per_mwh', {
              generated_at: iso(t0),
              generated_at_period_seconds: 300,
            }),
          },
        };
      }
      case '/v3/historical': {
        if (!dataAccess) return error(403, 'Forbidden: your plan does not include this region/endpoint');
        const start = Date.parse(req.query.get('start') ?? '');
        const end = Date.parse(req.query.get('end') ?? '');
        if (Number.isNaN(start) || Number.isNaN(end)) return error(400, 'start and end are required');
        const data: { point_time: string; value: number }[] = [];
        for (let t = slot(start); t <= Math.min(end, t0); t += FIVE_MIN)
          data.push({ point_time: iso(t), value: moerAt(t) });
        return { status: 200, body: { data, meta: meta(region, 'lbs_co2_per_mwh') } };
      }
      default:
        return error(404, `Not found: ${req.path}`);
    }
  });

  return Object.assign(server, {
    setMoer(v: number) {
      moer = v;
    },
    setForecast(points: FakePoint[]) {
      forecast = points;
    },
    setPercentile(v: number) {
      percentile = v;
    },
    setDataAccess(granted: boolean) {
      dataAccess = granted;
    },
    expireTokens() {
      tokens.clear();
    },
    logins: () => loginCount,
  });
}
