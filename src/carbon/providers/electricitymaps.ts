/**
 * Electricity Maps API v3. Docs: https://static.electricitymap.org/api/docs/ and the API reference at
 * https://portal.electricitymaps.com/developer-hub/api/reference. Authentication: header `auth-token`.
 *
 * - `GET /v3/carbon-intensity/latest?zone=Z` → `{"zone","carbonIntensity","datetime","updatedAt","createdAt",
 *   "emissionFactorType","isEstimated","estimationMethod"}`; `datetime` is the start of the (hourly) interval.
 * - `GET /v3/carbon-intensity/forecast?zone=Z` → `{"zone","forecast":[{"carbonIntensity","datetime"}],"updatedAt"}`.
 *   The forecast is a paid feature: a free token gets 401/403 (or 404) here while `latest` works, so those
 *   answers mean "no forecast" and the CarbonSource forecasts from history instead.
 * - `GET /v3/carbon-intensity/history?zone=Z` → `{"zone","history":[{…same fields as latest…}]}`, the last 24 h,
 *   free; `carbonIntensity` may be null for hours without data.
 * Values are gCO2eq/kWh of the consumption mix, life-cycle factors unless `emissionFactorType=direct`.
 */
import type { IntensitySeries } from '../types.js';
import { TtlCache } from './cache.js';
import { DEFAULT_CACHE_TTL_MS, type HttpProviderOptions, pointsBetween, series, withEnds } from './common.js';
import { ProviderError } from './errors.js';
import { HttpClient, type HttpResponse } from './http.js';
import { JsonReader } from './parse.js';
import type { CurrentIntensity, IntensityProvider } from './types.js';

export const ELECTRICITY_MAPS_API_URL = 'https://api.electricitymap.org';
const NAME = 'electricityMaps';
const HOUR = 3_600_000;

export interface ElectricityMapsOptions extends HttpProviderOptions {
  /** Zone key, e.g. `DE`, `GB`, `US-CAL-CISO`. */
  zone: string;
  /** API token (from a Secret or the ELECTRICITYMAPS_TOKEN env var; never from the command line). */
  token: string;
  /** `lifecycle` (the API's default) or `direct`. */
  emissionFactorType?: 'lifecycle' | 'direct';
}

export class ElectricityMapsProvider implements IntensityProvider {
  readonly name = NAME;
  readonly kind = 'average' as const;
  private readonly http: HttpClient;
  private readonly cache: TtlCache<HttpResponse>;
  private readonly base: string;

  constructor(private readonly options: ElectricityMapsOptions) {
    if (!options.zone) throw new ProviderError(NAME, 'config', 'zone is required');
    if (!options.token) throw new ProviderError(NAME, 'config', 'no API token given');
    this.http = new HttpClient(NAME, options);
    this.cache = new TtlCache(options.cacheTtlMs ?? DEFAULT_CACHE_TTL_MS, options.clock);
    this.base = (options.baseUrl ?? ELECTRICITY_MAPS_API_URL).replace(/\/+$/, '');
  }

  async current(_now: number): Promise<CurrentIntensity> {
    const what = 'GET /v3/carbon-intensity/latest';
    const res = await this.get('latest');
    if (res.status !== 200) throw this.statusError(what, res.status);
    const r = new JsonReader(NAME, what);
    const body = r.object(res.body, 'body');
    const value = r.optionalNumber(body.carbonIntensity, 'carbonIntensity');
    if (value === undefined) {
      throw new ProviderError(NAME, 'unavailable', `${what}: zone ${this.options.zone} has no current value`);
    }
    const start = r.time(body.datetime, 'datetime');
    return {
      value,
      start,
      end: start + HOUR,
      origin: 'actual',
      kind: 'average',
      source: NAME,
      estimated: body.isEstimated === true,
    };
  }

  async forecast(now: number, horizonMs: number): Promise<IntensitySeries | null> {
    const what = 'GET /v3/carbon-intensity/forecast';
    const res = await this.get('forecast');
    // Not part of this token's plan: no provider forecast (latest still works with the same token).
    if (res.status === 401 || res.status === 403 || res.status === 404) return null;
    if (res.status !== 200) throw this.statusError(what, res.status);
    const r = new JsonReader(NAME, what);
    const list = r.array(r.object(res.body, 'body').forecast, 'forecast');
    const starts = list.flatMap((item, i) => {
      const o = r.object(item, `forecast[${i}]`);
      const value = r.optionalNumber(o.carbonIntensity, `forecast[${i}].carbonIntensity`);
      return value === undefined ? [] : [{ start: r.time(o.datetime, `forecast[${i}].datetime`), value }];
    });
    return series(pointsBetween(withEnds(starts, HOUR), now, now + horizonMs), NAME, 'provider-forecast');
  }

  async history(now: number, lookbackMs: number): Promise<IntensitySeries | null> {
    const what = 'GET /v3/carbon-intensity/history';
    const res = await this.get('history');
    if (res.status === 401 || res.status === 403 || res.status === 404) return null;
    if (res.status !== 200) throw this.statusError(what, res.status);
    const r = new JsonReader(NAME, what);
    const list = r.array(r.object(res.body, 'body').history, 'history');
    const starts = list.flatMap((item, i) => {
      const o = r.object(item, `history[${i}]`);
      const value = r.optionalNumber(o.carbonIntensity, `history[${i}].carbonIntensity`);
      return value === undefined ? [] : [{ start: r.time(o.datetime, `history[${i}].datetime`), value }];
    });
    return series(pointsBetween(withEnds(starts, HOUR), now - lookbackMs, now + 1), NAME, 'actual');
  }

  private get(endpoint: 'latest' | 'forecast' | 'history'): Promise<HttpResponse> {
    const url = new URL(`${this.base}/v3/carbon-intensity/${endpoint}`);
    url.searchParams.set('zone', this.options.zone);
    if (this.options.emissionFactorType)
      url.searchParams.set('emissionFactorType', this.options.emissionFactorType);
    // Cached whatever the status: a refused forecast stays refused for the TTL instead of being asked every time.
    return this.cache.get(url.href, () => this.http.get(url, { 'auth-token': this.options.token }));
  }

  private statusError(what: string, status: number): ProviderError {
    if (status === 401 || status === 403) {
      return new ProviderError(NAME, 'auth', `${what}: HTTP ${status}: the API token was refused`, status);
    }
    if (status === 404 || status === 400) {
      return new ProviderError(
        NAME,
        'unavailable',
        `${what}: HTTP ${status}: unknown zone "${this.options.zone}"?`,
        status,
      );
    }
    return new ProviderError(NAME, 'http', `${what}: HTTP ${status}`, status);
  }
}
