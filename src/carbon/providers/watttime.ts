/**
 * WattTime API v3. Docs: https://docs.watttime.org (base https://api.watttime.org).
 *
 * - `GET /login` with HTTP Basic auth → `{"token": "…"}`, a bearer token valid for 30 minutes. We log in again
 *   shortly before that, and at once on a 401.
 * - `GET /v3/signal-index?region=R&signal_type=co2_moer`, `GET /v3/forecast?region=R&signal_type=co2_moer`,
 *   `GET /v3/historical?region=R&signal_type=co2_moer&start=…&end=…` → `{"data":[{"point_time","value"}],
 *   "meta":{"region","signal_type","units","data_point_period_seconds","model","warnings",…}}`, 5-minute points.
 *   `/v3/forecast` and `/v3/historical` are for subscribers (or the preview region CAISO_NORTH): 403 means
 *   "not in this plan".
 *
 * The signal is the MARGINAL operating emissions rate (MOER) in lbs CO2/MWh: the emissions of the generators that
 * respond to a change in load. We convert it to g/kWh (1 lb/MWh = 453.59237 g / 1000 kWh = 0.45359237 g/kWh) and
 * mark the series `marginal`. Marginal rates are typically far higher than average intensities (often
 * 300–900 g/kWh where gas or coal is on the margin) and are not comparable with them: a threshold set for an
 * average-intensity source is meaningless for WattTime.
 * `signal-index` gives, per the docs, a percentile (units `percentile`) rather than a rate; when it does, the
 * current MOER is taken from the forecast's current point instead.
 */
import type { IntensitySeries } from '../types.js';
import { TtlCache } from './cache.js';
import { DEFAULT_CACHE_TTL_MS, type HttpProviderOptions, pointsBetween, series } from './common.js';
import { ProviderError } from './errors.js';
import { HttpClient, type HttpResponse } from './http.js';
import { JsonReader } from './parse.js';
import type { CurrentIntensity, IntensityProvider } from './types.js';

export const WATTTIME_API_URL = 'https://api.watttime.org';
const NAME = 'wattTime';
/** g/kWh per lb/MWh. */
export const LBS_PER_MWH_TO_G_PER_KWH = 0.45359237;
/** Tokens live 30 minutes; renew a little earlier so that a request never leaves with a dying token. */
const TOKEN_LIFETIME_MS = 28 * 60_000;

/** Units WattTime reports emission rates in, and the factor to gCO2/kWh. */
const RATE_UNITS: Record<string, number> = {
  lbs_co2_per_mwh: LBS_PER_MWH_TO_G_PER_KWH,
  'lbs/mwh': LBS_PER_MWH_TO_G_PER_KWH,
  kg_co2_per_mwh: 1,
  g_co2_per_kwh: 1,
};

export interface WattTimeOptions extends HttpProviderOptions {
  /** Grid region, e.g. `CAISO_NORTH`. */
  region: string;
  username: string;
  password: string;
}

interface SignalData {
  points: { start: number; end: number; value: number }[];
  units: string;
}

export class WattTimeProvider implements IntensityProvider {
  readonly name = NAME;
  readonly kind = 'marginal' as const;
  private readonly http: HttpClient;
  private readonly cache: TtlCache<HttpResponse>;
  private readonly base: string;
  private readonly clock: () => number;
  private token: { value: string; expires: number } | undefined;
  private loginInFlight: Promise<string> | undefined;

  constructor(private readonly options: WattTimeOptions) {
    if (!options.region) throw new ProviderError(NAME, 'config', 'region is required');
    if (!options.username || !options.password) {
      throw new ProviderError(NAME, 'config', 'username and password are required');
    }
    this.http = new HttpClient(NAME, options);
    this.clock = options.clock ?? Date.now;
    this.cache = new TtlCache(options.cacheTtlMs ?? DEFAULT_CACHE_TTL_MS, this.clock);
    this.base = (options.baseUrl ?? WATTTIME_API_URL).replace(/\/+$/, '');
  }

  async current(now: number): Promise<CurrentIntensity> {
    const res = await this.get('/v3/signal-index');
    if (res.status !== 200) throw this.statusError('GET /v3/signal-index', res.status);
    const data = this.parse(res.body, 'GET /v3/signal-index');
    const factor = RATE_UNITS[data.units.toLowerCase()];
    const point =
      data.points.find((p) => p.start <= now && now < p.end) ?? data.points[data.points.length - 1];
    if (factor !== undefined && point) {
      return { ...point, value: point.value * factor, origin: 'actual', kind: 'marginal', source: NAME };
    }
    // A percentile index: read the rate of the current interval from the forecast.
    const forecast = await this.forecast(now, 60 * 60_000);
    const nowPoint = forecast?.points.find((p) => p.start <= now && now < p.end) ?? forecast?.points[0];
    if (!nowPoint) {
      throw new ProviderError(
        NAME,
        'unavailable',
        `GET /v3/signal-index gives a ${data.units}, not an emission rate, and /v3/forecast is not available to this account for ${this.options.region}`,
      );
    }
    return { ...nowPoint, origin: 'provider-forecast', kind: 'marginal', source: NAME };
  }

  async forecast(now: number, horizonMs: number): Promise<IntensitySeries | null> {
    const what = 'GET /v3/forecast';
    const res = await this.get('/v3/forecast');
    if (res.status === 403 || res.status === 404) return null;
    if (res.status !== 200) throw this.statusError(what, res.status);
    const data = this.parse(res.body, what);
    return series(
      pointsBetween(this.convert(data, what), now, now + horizonMs),
      NAME,
      'provider-forecast',
      'marginal',
    );
  }

  async history(now: number, lookbackMs: number): Promise<IntensitySeries | null> {
    const what = 'GET /v3/historical';
    // Round to the minute so that the cache key is stable within a minute.
    const end = Math.floor(now / 60_000) * 60_000;
    const res = await this.get('/v3/historical', {
      start: new Date(end - lookbackMs).toISOString(),
      end: new Date(end).toISOString(),
    });
    if (res.status === 403 || res.status === 404) return null;
    if (res.status !== 200) throw this.statusError(what, res.status);
    const data = this.parse(res.body, what);
    return series(
      pointsBetween(this.convert(data, what), now - lookbackMs, now + 1),
      NAME,
      'actual',
      'marginal',
    );
  }

  private convert(data: SignalData, what: string) {
    const factor = RATE_UNITS[data.units.toLowerCase()];
    if (factor === undefined) {
      throw new ProviderError(
        NAME,
        'parse',
        `${what}: meta.units "${data.units}" is not an emission rate this client knows`,
      );
    }
    return data.points.map((p) => ({ ...p, value: p.value * factor }));
  }

  private parse(body: unknown, what: string): SignalData {
    const r = new JsonReader(NAME, what);
    const o = r.object(body, 'body');
    const meta = r.object(o.meta, 'meta');
    const units = r.string(meta.units, 'meta.units');
    const periodS = r.optionalNumber(meta.data_point_period_seconds, 'meta.data_point_period_seconds') ?? 300;
    const points = r.array(o.data, 'data').map((item, i) => {
      const p = r.object(item, `data[${i}]`);
      const start = r.time(p.point_time, `data[${i}].point_time`);
      return { start, end: start + periodS * 1000, value: r.number(p.value, `data[${i}].value`) };
    });
    return { points: points.sort((a, b) => a.start - b.start), units };
  }

  /** GET with the bearer token; a 401 means the token expired early: log in again once and retry. */
  private get(path: string, params: Record<string, string> = {}): Promise<HttpResponse> {
    const url = new URL(this.base + path);
    url.searchParams.set('region', this.options.region);
    url.searchParams.set('signal_type', 'co2_moer');
    for (const [k, v] of Object.entries(params)) url.searchParams.set(k, v);
    return this.cache.get(url.href, async () => {
      let res = await this.http.get(url, { authorization: `Bearer ${await this.login(false)}` });
      if (res.status === 401) {
        res = await this.http.get(url, { authorization: `Bearer ${await this.login(true)}` });
      }
      return res;
    });
  }

  private async login(force: boolean): Promise<string> {
    if (!force && this.token && this.token.expires > this.clock()) return this.token.value;
    this.loginInFlight ??= (async () => {
      try {
        const basic = Buffer.from(`${this.options.username}:${this.options.password}`).toString('base64');
        const res = await this.http.get(new URL(`${this.base}/login`), { authorization: `Basic ${basic}` });
        if (res.status === 401 || res.status === 403) {
          throw new ProviderError(
            NAME,
            'auth',
            `GET /login: HTTP ${res.status}: username or password refused`,
            res.status,
          );
        }
        if (res.status !== 200)
          throw new ProviderError(NAME, 'http', `GET /login: HTTP ${res.status}`, res.status);
        const r = new JsonReader(NAME, 'GET /login');
        const value = r.string(r.object(res.body, 'body').token, 'token');
        this.token = { value, expires: this.clock() + TOKEN_LIFETIME_MS };
        return value;
      } finally {
        this.loginInFlight = undefined;
      }
    })();
    return this.loginInFlight;
  }

  private statusError(what: string, status: number): ProviderError {
    if (status === 401 || status === 403) {
      return new ProviderError(
        NAME,
        'auth',
        `${what}: HTTP ${status}: access refused for region ${this.options.region}`,
        status,
      );
    }
    if (status === 400 || status === 404) {
      return new ProviderError(
        NAME,
        'unavailable',
        `${what}: HTTP ${status}: unknown region "${this.options.region}"?`,
        status,
      );
    }
    return new ProviderError(NAME, 'http', `${what}: HTTP ${status}`, status);
  }
}
