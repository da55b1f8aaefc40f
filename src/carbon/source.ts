/**
 * CarbonSource: one policy's view of its intensity provider. It adds to the provider client
 * - a refresh interval (a reading is reused until it is due again),
 * - a circuit breaker (consecutive failures stop the calls for openDuration; then one probe),
 * - a forecast from recent history when the provider publishes none (Electricity Maps without the paid forecast,
 *   WattTime without a subscription, a trace that ends now), marked `history-forecast`,
 * - a rolling record of the values it has seen, so that the history forecast improves as the controller runs
 *   (Electricity Maps' free history covers only 24 h; the forecast is markedly better with a week).
 * `read()` never throws for a source failure: it answers `healthy: false`, and the CarbonPolicy's failure mode
 * (runAnyway or wait) decides what jobs do.
 */
import type { CarbonSourceType, SourceHealth as StatusSourceHealth } from '../api/v1alpha1/carbonpolicy.js';
import { type BreakerConfig, type BreakerSnapshot, CircuitBreaker, DEFAULT_BREAKER } from './breaker.js';
import { type HistoryForecastOptions, historyForecast } from './forecast/history.js';
import { ProviderError } from './providers/errors.js';
import type { CurrentIntensity, IntensityProvider } from './providers/types.js';
import type { IntensityKind, IntensityPoint, IntensitySeries } from './types.js';

const HOUR = 3_600_000;

export interface CarbonSourceOptions {
  provider: IntensityProvider;
  breaker?: BreakerConfig;
  /** Injected clock (epoch ms). */
  clock?: () => number;
  /** How far ahead to forecast (CRD `forecastHorizon`, default 24 h). */
  forecastHorizonMs?: number;
  /** How long a successful reading is reused (CRD `refreshInterval`, default 5 min). */
  refreshIntervalMs?: number;
  /** How much history the history forecast looks at (default 8 days). */
  historyLookbackMs?: number;
  historyForecast?: HistoryForecastOptions;
}

export interface SourceHealth {
  healthy: boolean;
  breaker: BreakerSnapshot;
  /** Last failure, e.g. `electricityMaps: GET /v3/carbon-intensity/latest: HTTP 503` (never credentials). */
  lastError?: string;
  lastSuccessAt?: number;
}

export interface CarbonReading {
  /** false: no fresh data (the source failed or its breaker is open); the policy's failure mode applies. */
  healthy: boolean;
  /** Provider name (`ukCarbonIntensity`, …). */
  source: string;
  kind: IntensityKind;
  /** The intensity now (undefined when unhealthy). */
  current?: CurrentIntensity;
  /** Forecast from now over the horizon, provider's or made from history (undefined when unhealthy, or when
   *  there is neither a provider forecast nor any history). */
  forecast?: IntensitySeries;
  /** Where `forecast` comes from. */
  forecastOrigin?: 'provider-forecast' | 'history-forecast';
  /** When this reading was fetched, epoch ms. */
  fetchedAt?: number;
  health: SourceHealth;
  /** The last healthy reading, for status while unhealthy (its data may be stale: see its fetchedAt). */
  lastGood?: Omit<CarbonReading, 'lastGood' | 'health'>;
  /** Remarks for status/events, e.g. why the forecast comes from history. */
  notes: string[];
}

export class CarbonSource {
  readonly provider: IntensityProvider;
  private readonly breaker: CircuitBreaker;
  private readonly clock: () => number;
  private readonly horizonMs: number;
  private readonly refreshMs: number;
  private readonly lookbackMs: number;
  private readonly forecastOptions: HistoryForecastOptions;
  /** Values seen, by interval start, for the history forecast. */
  private readonly observed = new Map<number, IntensityPoint>();
  private lastGood: CarbonReading | undefined;
  private lastError: string | undefined;
  private inflight: Promise<CarbonReading> | undefined;

  constructor(options: CarbonSourceOptions) {
    this.provider = options.provider;
    this.clock = options.clock ?? Date.now;
    this.breaker = new CircuitBreaker(options.breaker ?? DEFAULT_BREAKER, this.clock);
    this.horizonMs = options.forecastHorizonMs ?? 24 * HOUR;
    this.refreshMs = options.refreshIntervalMs ?? 5 * 60_000;
    this.lookbackMs = options.historyLookbackMs ?? 8 * 24 * HOUR;
    this.forecastOptions = options.historyForecast ?? {};
  }

  /** Health without fetching (for status and metrics). */
  health(): SourceHealth {
    const breaker = this.breaker.snapshot();
    const healthy = breaker.state === 'closed' && breaker.consecutiveFailures === 0;
    return {
      healthy,
      breaker,
      ...(this.lastError && !healthy ? { lastError: this.lastError } : {}),
      ...(breaker.lastSuccessAt !== undefined ? { lastSuccessAt: breaker.lastSuccessAt } : {}),
    };
  }

  /** The current reading: reused while fresh, fetched when due (one fetch at a time). */
  async read(): Promise<CarbonReading> {
    const now = this.clock();
    const good = this.lastGood;
    if (good?.fetchedAt !== undefined && now < good.fetchedAt + this.refreshMs && this.health().healthy) {
      return { ...good, health: this.health() };
    }
    this.inflight ??= this.fetch(now).finally(() => {
      this.inflight = undefined;
    });
    return this.inflight;
  }

  private async fetch(now: number): Promise<CarbonReading> {
    if (!this.breaker.tryAcquire()) return this.unhealthy(['circuit breaker open: the source is not called']);
    try {
      const current = await this.provider.current(now);
      this.remember(
        [{ start: current.start, end: current.end, value: current.value }],
        current.origin === 'actual',
      );
      const notes: string[] = [];
      const published = await this.provider.forecast(now, this.horizonMs);
      let forecast: IntensitySeries | undefined;
      let forecastOrigin: CarbonReading['forecastOrigin'];
      if (published && published.points.length > 0) {
        forecastOrigin = 'provider-forecast';
        forecast = coverNow(published, current, now);
      } else {
        notes.push(`${this.provider.name} gave no forecast: forecasting from recent history`);
        forecast = await this.forecastFromHistory(now, notes);
        forecastOrigin = forecast ? 'history-forecast' : undefined;
      }
      this.breaker.recordSuccess();
      this.lastError = undefined;
      const reading: CarbonReading = {
        healthy: true,
        source: this.provider.name,
        kind: this.provider.kind,
        current,
        ...(forecast ? { forecast } : {}),
        ...(forecastOrigin ? { forecastOrigin } : {}),
        fetchedAt: now,
        health: this.health(),
        notes,
      };
      this.lastGood = reading;
      return reading;
    } catch (err) {
      this.lastError = err instanceof ProviderError ? err.message : `${this.provider.name}: ${String(err)}`;
      this.breaker.recordFailure(this.lastError);
      return this.unhealthy([]);
    }
  }

  private async forecastFromHistory(now: number, notes: string[]): Promise<IntensitySeries | undefined> {
    try {
      const fetched = await this.provider.history(now, this.lookbackMs);
      if (fetched) this.remember(fetched.points, true);
    } catch (err) {
      // Not fatal: the values seen so far still make a forecast.
      notes.push(`history unavailable (${err instanceof Error ? err.message : String(err)})`);
    }
    const points = [...this.observed.values()].filter(
      (p) => p.start > now - this.lookbackMs && p.start <= now,
    );
    points.sort((a, b) => a.start - b.start);
    if (points.length === 0) return undefined;
    const history: IntensitySeries = {
      points,
      unit: 'gCO2eq/kWh',
      kind: this.provider.kind,
      origin: 'actual',
      source: this.provider.name,
    };
    return historyForecast(history, now, this.horizonMs, this.forecastOptions);
  }

  /** Records values for the history forecast; actual values replace forecast ones, never the reverse. */
  private remember(points: readonly IntensityPoint[], actual: boolean): void {
    for (const p of points) if (actual || !this.observed.has(p.start)) this.observed.set(p.start, { ...p });
    const horizon = this.clock() - this.lookbackMs - HOUR;
    for (const [start] of this.observed) if (start < horizon) this.observed.delete(start);
  }

  private unhealthy(notes: string[]): CarbonReading {
    const { lastGood: _l, health: _h, ...good } = this.lastGood ?? {};
    return {
      healthy: false,
      source: this.provider.name,
      kind: this.provider.kind,
      health: this.health(),
      ...(this.lastGood ? { lastGood: good as Omit<CarbonReading, 'lastGood' | 'health'> } : {}),
      notes,
    };
  }
}

/** When the provider's forecast starts after now (the next hour), the current interval is put in front of it. */
function coverNow(forecast: IntensitySeries, current: CurrentIntensity, now: number): IntensitySeries {
  const first = forecast.points[0];
  if (!first || first.start <= now || current.end <= now) return forecast;
  const lead: IntensityPoint = {
    start: current.start,
    end: Math.min(current.end, first.start),
    value: current.value,
  };
  return { ...forecast, points: [lead, ...forecast.points] };
}

/**
 * The CarbonPolicy `status.source` block for a source's health (the CRD spells the half-open state `halfOpen`).
 * `lastError` is cut to the schema's 1024 characters.
 */
export function sourceHealthStatus(type: CarbonSourceType, health: SourceHealth): StatusSourceHealth {
  const b = health.breaker;
  return {
    type,
    healthy: health.healthy,
    breakerState: b.state === 'half-open' ? 'halfOpen' : b.state,
    consecutiveFailures: b.consecutiveFailures,
    ...(health.lastSuccessAt !== undefined
      ? { lastSuccessTime: new Date(health.lastSuccessAt).toISOString() }
      : {}),
    ...(health.lastError ? { lastError: health.lastError.slice(0, 1024) } : {}),
  };
}
