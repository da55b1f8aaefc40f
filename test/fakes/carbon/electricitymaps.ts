/**
 * Fake of the Electricity Maps API v3 (https://static.electricitymap.org/api/docs/, portal.electricitymaps.com
 * developer hub): `/v3/carbon-intensity/latest`, `/forecast` and `/history` by `zone`, authenticated by the
 * `auth-token` header, hourly, in their documented shapes. The forecast is a paid feature: by default this fake
 * refuses it (403) as it does for a free token; `setForecastAccess(true)` grants it.
 */
import { type FakePoint, type FakeServer, startFakeServer } from './server.js';

const HOUR = 3_600_000;

export interface ElectricityMapsFake extends FakeServer {
  /** Intensity of the current hour (and of every past hour not set by setHistory). */
  setIntensity(value: number, estimated?: boolean): void;
  /** Hourly forecast points (served from the current hour on). */
  setForecast(points: FakePoint[]): void;
  /** Past hourly values (the history endpoint serves the last 24 h). */
  setHistory(points: FakePoint[]): void;
  /** Whether the token has the forecast feature; when not, forecast answers `status` (401, 403 or 404). */
  setForecastAccess(granted: boolean, status?: number): void;
}

export async function startElectricityMapsFake(
  options: { token?: string; zones?: string[]; now?: () => number } = {},
): Promise<ElectricityMapsFake> {
  const token = options.token ?? 'em-test-token';
  const zones = new Set(options.zones ?? ['DE', 'GB', 'FR', 'US-CAL-CISO']);
  const now = options.now ?? Date.now;
  let current = 300;
  let estimated = false;
  let forecast: FakePoint[] = [];
  let history: FakePoint[] = [];
  let forecastAccess = false;
  let deniedStatus = 403;

  const iso = (t: number) => new Date(t).toISOString();
  const hourOf = (t: number) => Math.floor(t / HOUR) * HOUR;
  const valueAt = (t: number) => history.find((p) => p.start <= t && t < p.end)?.value ?? current;
  const record = (zone: string, t: number, value: number, est: boolean) => ({
    zone,
    carbonIntensity: Math.round(value),
    datetime: iso(t),
    updatedAt: iso(now() - 60_000),
    createdAt: iso(t - 3 * 24 * HOUR),
    emissionFactorType: 'lifecycle',
    isEstimated: est,
    estimationMethod: est ? 'TIME_SLICER_AVERAGE' : null,
  });

  const server = await startFakeServer('electricityMaps', (req) => {
    if (req.headers['auth-token'] !== token) {
      return { status: 401, body: { status: 'error', message: 'Invalid authentication credentials' } };
    }
    const zone = req.query.get('zone');
    if (!zone) return { status: 400, body: { status: 'error', message: 'No zone or coordinates provided' } };
    if (!zones.has(zone))
      return { status: 404, body: { status: 'error', message: `Zone '${zone}' does not exist.` } };
    const hour = hourOf(now());
    switch (req.path) {
      case '/v3/carbon-intensity/latest':
        return {
          status: 200,
          body: { ...record(zone, hour, current, estimated), temporalGranularity: 'hourly' },
        };
      case '/v3/carbon-intensity/history':
        return {
          status: 200,
          body: {
            zone,
            history: Array.from({ length: 24 }, (_, i) => hour - (24 - i) * HOUR).map((t) =>
              record(zone, t, valueAt(t), false),
            ),
            temporalGranularity: 'hourly',
          },
        };
      case '/v3/carbon-intensity/forecast':
        if (!forecastAccess) {
          return {
            status: deniedStatus,
            body: { status: 'error', message: 'Your plan does not include access to this endpoint' },
          };
        }
        return {
          status: 200,
          body: {
            zone,
            forecast: forecast
              .filter((p) => p.start >= hour)
              .map((p) => ({ carbonIntensity: Math.round(p.value), datetime: iso(p.start) })),
            updatedAt: iso(now() - 60_000),
          },
        };
      default:
        return { status: 404, body: { status: 'error', message: `Not found: ${req.path}` } };
    }
  });

  return Object.assign(server, {
    setIntensity(value: number, est = false) {
      current = value;
      estimated = est;
    },
    setForecast(points: FakePoint[]) {
      forecast = points;
    },
    setHistory(points: FakePoint[]) {
      history = points;
    },
    setForecastAccess(granted: boolean, status = 403) {
      forecastAccess = granted;
      deniedStatus = status;
    },
  });
}
