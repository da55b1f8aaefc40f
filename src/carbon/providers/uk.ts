/**
 * UK Carbon Intensity API (National Energy System Operator), no key needed.
 * Docs: https://carbon-intensity.github.io/api-definitions/ (base https://api.carbonintensity.org.uk, CC BY 4.0).
 *
 * - National: `GET /intensity` → `{"data":[{"from","to","intensity":{"forecast","actual","index"}}]}` for the
 *   current half hour (`actual` is null until published); `GET /intensity/{from}/fw48h` → the same periods for 48 h.
 * - Regional (DNO regions 1–17, or an outward postcode such as `RG10`): `GET /regional/regionid/{id}` and
 *   `/regional/postcode/{pc}` → `{"data":[{"regionid","dnoregion","shortname","data":[{"from","to",
 *   "intensity":{"forecast","index"},"generationmix":[…]}]}]}`; `GET /regional/intensity/{from}/fw48h/regionid/{id}`
 *   (or `/postcode/{pc}`) → `{"data":{"regionid",…,"data":[…]}}` (an object, not an array).
 *   Regional data has a forecast only, never an actual: the "current" regional value is the forecast for now.
 * Times are UTC, `YYYY-MM-DDThh:mmZ`, half-hour periods.
 */

import type { IntensityPoint, IntensitySeries } from '../types.js';
import { TtlCache } from './cache.js';
import { DEFAULT_CACHE_TTL_MS, type HttpProviderOptions, pointsBetween, series } from './common.js';
import { ProviderError } from './errors.js';
import { HttpClient } from './http.js';
import { JsonReader } from './parse.js';
import type { CurrentIntensity, IntensityProvider } from './types.js';

export const UK_API_URL = 'https://api.carbonintensity.org.uk';
const NAME = 'ukCarbonIntensity';
const HALF_HOUR = 30 * 60_000;

/** Region ids of the API's regional endpoints, by the names its docs give them (lower case). */
export const UK_REGIONS: Record<string, number> = {
  'north scotland': 1,
  'south scotland': 2,
  'north west england': 3,
  'north east england': 4,
  yorkshire: 5,
  'north wales and merseyside': 6,
  'north wales & merseyside': 6,
  'south wales': 7,
  'west midlands': 8,
  'east midlands': 9,
  'east england': 10,
  'south west england': 11,
  'south england': 12,
  london: 13,
  'south east england': 14,
  england: 15,
  scotland: 16,
  wales: 17,
};

export interface UkOptions extends HttpProviderOptions {
  /** Unset: national (Great Britain). A region id 1–17, a region name (`London`), or an outward postcode (`RG10`). */
  region?: string | number;
}

type Region = { kind: 'regionid'; key: string } | { kind: 'postcode'; key: string };

/** Reads the `region` option; throws a config error naming the bad value. */
export function parseUkRegion(region: string | number | undefined): Region | undefined {
  if (region === undefined || region === '') return undefined;
  const text = String(region).trim();
  if (/^\d+$/.test(text)) {
    const id = Number(text);
    if (id < 1 || id > 17) {
      throw new ProviderError(NAME, 'config', `region ${text}: region ids run from 1 to 17`);
    }
    return { kind: 'regionid', key: String(id) };
  }
  const named = UK_REGIONS[text.toLowerCase()];
  if (named !== undefined) return { kind: 'regionid', key: String(named) };
  if (/^[A-Z]{1,2}[0-9][A-Z0-9]?$/i.test(text)) return { kind: 'postcode', key: text.toUpperCase() };
  throw new ProviderError(
    NAME,
    'config',
    `region "${text}": expected a region id 1–17, a region name such as "London", or an outward postcode such as "RG10"`,
  );
}

const ukTime = (t: number) => `${new Date(t).toISOString().slice(0, 16)}Z`;

interface Period {
  start: number;
  end: number;
  forecast?: number;
  actual?: number;
}

export class UkCarbonIntensityProvider implements IntensityProvider {
  readonly name = NAME;
  readonly kind = 'average' as const;
  private readonly http: HttpClient;
  private readonly cache: TtlCache<Period[]>;
  private readonly base: string;
  private readonly region: Region | undefined;

  constructor(options: UkOptions = {}) {
    this.http = new HttpClient(NAME, options);
    this.cache = new TtlCache(options.cacheTtlMs ?? DEFAULT_CACHE_TTL_MS, options.clock);
    this.base = (options.baseUrl ?? UK_API_URL).replace(/\/+$/, '');
    this.region = parseUkRegion(options.region);
  }

  async current(now: number): Promise<CurrentIntensity> {
    const path = this.region ? `/regional/${this.region.kind}/${this.region.key}` : '/intensity';
    const periods = await this.fetchPeriods(path);
    const p = periods.find((x) => x.start <= now && now < x.end) ?? periods[periods.length - 1];
    if (!p) throw new ProviderError(NAME, 'parse', `GET ${path}: no period in the answer`);
    if (p.actual !== undefined) {
      return { value: p.actual, start: p.start, end: p.end, origin: 'actual', kind: 'average', source: NAME };
    }
    if (p.forecast === undefined)
      throw new ProviderError(NAME, 'parse', `GET ${path}: period without forecast`);
    return {
      value: p.forecast,
      start: p.start,
      end: p.end,
      origin: 'provider-forecast',
      kind: 'average',
      source: NAME,
    };
  }

  async forecast(now: number, horizonMs: number): Promise<IntensitySeries | null> {
    const from = ukTime(Math.floor(now / HALF_HOUR) * HALF_HOUR);
    const path = this.region
      ? `/regional/intensity/${from}/fw48h/${this.region.kind}/${this.region.key}`
      : `/intensity/${from}/fw48h`;
    const periods = await this.fetchPeriods(path);
    const points: IntensityPoint[] = periods.flatMap((p) =>
      p.forecast === undefined ? [] : [{ start: p.start, end: p.end, value: p.forecast }],
    );
    return series(pointsBetween(points, now, now + horizonMs), NAME, 'provider-forecast');
  }

  /** The API publishes forecasts for every region, so the history fallback is never needed. */
  async history(): Promise<IntensitySeries | null> {
    return null;
  }

  private fetchPeriods(path: string): Promise<Period[]> {
    const url = new URL(this.base + path);
    return this.cache.get(url.href, async () => {
      const res = await this.http.get(url);
      if (res.status !== 200) {
        const kind = res.status === 400 || res.status === 404 ? 'unavailable' : 'http';
        throw new ProviderError(NAME, kind, `GET ${path}: HTTP ${res.status}`, res.status);
      }
      return parseUkResponse(res.body, `GET ${path}`);
    });
  }
}

/** Reads any of the national/regional shapes into periods (exported for tests). */
export function parseUkResponse(body: unknown, what: string): Period[] {
  const r = new JsonReader(NAME, what);
  const data = r.object(body, 'body').data;
  // National: data is the period list. Regional: data is [region] or region, each with its own `data` list.
  const entries = Array.isArray(data) ? data : [r.object(data, 'data')];
  const out: Period[] = [];
  entries.forEach((entry, i) => {
    const e = r.object(entry, `data[${i}]`);
    const nested = e.data;
    const list = nested === undefined ? [e] : r.array(nested, `data[${i}].data`);
    list.forEach((item, j) => {
      const at = nested === undefined ? `data[${i}]` : `data[${i}].data[${j}]`;
      const p = r.object(item, at);
      const intensity = r.object(p.intensity, `${at}.intensity`);
      const forecast = r.optionalNumber(intensity.forecast, `${at}.intensity.forecast`);
      const actual = r.optionalNumber(intensity.actual, `${at}.intensity.actual`);
      out.push({
        start: r.time(p.from, `${at}.from`),
        end: r.time(p.to, `${at}.to`),
        ...(forecast === undefined ? {} : { forecast }),
        ...(actual === undefined ? {} : { actual }),
      });
    });
  });
  if (out.length === 0) r.fail('data', 'holds no periods');
  return out.sort((a, b) => a.start - b.start);
}
