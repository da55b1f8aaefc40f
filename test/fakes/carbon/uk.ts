/**
 * Fake of the UK Carbon Intensity API (https://carbon-intensity.github.io/api-definitions/), serving its
 * documented shapes: national `/intensity` and `/intensity/{from}/fw48h` (forecast + actual + index), regional
 * `/regional/regionid/{id}`, `/regional/postcode/{pc}` (data: array) and `/regional/intensity/{from}/fw48h/
 * regionid/{id}` or `/postcode/{pc}` (data: object), whose periods have a forecast only. Half-hour periods.
 * Errors use the API's `{"error":{"code","message"}}` body.
 */
import { type FakePoint, type FakeServer, startFakeServer, ukTime } from './server.js';

const HALF_HOUR = 30 * 60_000;

export interface UkFake extends FakeServer {
  /** The actual national intensity (null: not yet published) and the forecast for every period not set otherwise. */
  setIntensity(actual: number | null, forecast?: number): void;
  /** Forecast values for specific periods (any length; each period takes the value of the point covering its start). */
  setForecast(points: FakePoint[]): void;
}

export function ukIndex(v: number): string {
  if (v < 40) return 'very low';
  if (v < 120) return 'low';
  if (v < 200) return 'moderate';
  if (v < 290) return 'high';
  return 'very high';
}

const REGIONS: Record<number, [string, string]> = {
  1: ['Scottish Hydro Electric Power Distribution', 'North Scotland'],
  3: ['Electricity North West', 'North West England'],
  13: ['UKPN London', 'London'],
};

export async function startUkFake(options: { now?: () => number } = {}): Promise<UkFake> {
  const now = options.now ?? Date.now;
  let actual: number | null = 150;
  let flatForecast = 150;
  let overrides: FakePoint[] = [];

  const forecastAt = (t: number) =>
    Math.round(overrides.find((p) => p.start <= t && t < p.end)?.value ?? flatForecast);
  const period = (start: number, withActual: boolean) => {
    const forecast = forecastAt(start);
    const intensity: Record<string, unknown> = { forecast };
    if (withActual) intensity.actual = start <= now() ? actual : null;
    intensity.index = ukIndex(
      withActual && typeof intensity.actual === 'number' ? (intensity.actual as number) : forecast,
    );
    return { from: ukTime(start), to: ukTime(start + HALF_HOUR), intensity };
  };
  const regionalPeriod = (start: number) => ({
    ...period(start, false),
    generationmix: [
      { fuel: 'gas', perc: 40.1 },
      { fuel: 'wind', perc: 35.2 },
      { fuel: 'nuclear', perc: 14.7 },
      { fuel: 'solar', perc: 10 },
    ],
  });
  const floorHalfHour = (t: number) => Math.floor(t / HALF_HOUR) * HALF_HOUR;
  const fw48h = (from: number) => Array.from({ length: 96 }, (_, i) => floorHalfHour(from) + i * HALF_HOUR);
  const badRequest = (message: string) => ({
    status: 400,
    body: { error: { code: '400 Bad Request', message } },
  });
  const parseFrom = (s: string) => {
    const t = Date.parse(s);
    return Number.isNaN(t) ? undefined : t;
  };
  const region = (kind: string, key: string) => {
    if (kind === 'regionid') {
      const id = Number(key);
      if (!Number.isInteger(id) || id < 1 || id > 17) return undefined;
      const [dno, short] = REGIONS[id] ?? [`DNO region ${id}`, `Region ${id}`];
      return { regionid: id, dnoregion: dno, shortname: short };
    }
    if (!/^[A-Z]{1,2}[0-9][A-Z0-9]?$/i.test(key)) return undefined;
    return { regionid: 13, dnoregion: 'UKPN London', shortname: 'London', postcode: key.toUpperCase() };
  };

  const server = await startFakeServer('uk', (req) => {
    const parts = req.path.split('/').filter(Boolean);
    if (req.path === '/intensity')
      return { status: 200, body: { data: [period(floorHalfHour(now()), true)] } };
    if (parts[0] === 'intensity' && parts.length === 3 && parts[2] === 'fw48h') {
      const from = parseFrom(parts[1]!);
      if (from === undefined)
        return badRequest('Please enter a valid ISO8601 date in the format YYYY-MM-DDThh:mmZ');
      return { status: 200, body: { data: fw48h(from).map((t) => period(t, true)) } };
    }
    if (
      parts[0] === 'regional' &&
      parts.length === 3 &&
      (parts[1] === 'regionid' || parts[1] === 'postcode')
    ) {
      const r = region(parts[1], parts[2]!);
      if (!r) return badRequest(`Please enter a valid ${parts[1]}`);
      return { status: 200, body: { data: [{ ...r, data: [regionalPeriod(floorHalfHour(now()))] }] } };
    }
    if (parts[0] === 'regional' && parts[1] === 'intensity' && parts[3] === 'fw48h' && parts.length === 6) {
      const from = parseFrom(parts[2]!);
      if (from === undefined)
        return badRequest('Please enter a valid ISO8601 date in the format YYYY-MM-DDThh:mmZ');
      const r = region(parts[4]!, parts[5]!);
      if (!r) return badRequest(`Please enter a valid ${parts[4]}`);
      return { status: 200, body: { data: { ...r, data: fw48h(from).map(regionalPeriod) } } };
    }
    return { status: 404, body: { error: { code: '404 Not Found', message: `No route for ${req.path}` } } };
  });

  return Object.assign(server, {
    setIntensity(a: number | null, forecast?: number) {
      actual = a;
      flatForecast = forecast ?? a ?? flatForecast;
    },
    setForecast(points: FakePoint[]) {
      overrides = points;
    },
  });
}
