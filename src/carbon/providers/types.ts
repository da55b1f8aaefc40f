/**
 * The interface every carbon-intensity provider client implements. Providers speak their API's own format and
 * units and hand back the shared series types (gCO2eq/kWh, epoch ms); caching, retries and timeouts live in the
 * client (see http.ts), the circuit breaker and the history-forecast fallback in the CarbonSource facade (source.ts).
 */
import type { IntensityKind, IntensitySeries, SeriesOrigin } from '../types.js';

/** The intensity now: one interval and where its value comes from. */
export interface CurrentIntensity {
  /** gCO2eq/kWh. */
  value: number;
  /** The interval the value belongs to, epoch ms. */
  start: number;
  end: number;
  /** `actual` when measured/estimated; `provider-forecast` where the provider only forecasts (UK regional). */
  origin: SeriesOrigin;
  kind: IntensityKind;
  /** Provider name, as `IntensitySeries.source`. */
  source: string;
  /** The provider flagged the value as estimated (Electricity Maps' `isEstimated`). */
  estimated?: boolean;
}

export interface IntensityProvider {
  /** `ukCarbonIntensity`, `electricityMaps`, `wattTime`, `file` or `static`. */
  readonly name: string;
  /** What the values measure: average (UK, Electricity Maps, files) or marginal (WattTime MOER). */
  readonly kind: IntensityKind;
  /** The intensity for the interval holding `now`. Throws ProviderError on failure. */
  current(now: number): Promise<CurrentIntensity>;
  /**
   * The provider's forecast from `now` for about `horizonMs`; null when the provider has none for this
   * account/region (a paid feature not included, a trace that ends now). Throws ProviderError on failure.
   */
  forecast(now: number, horizonMs: number): Promise<IntensitySeries | null>;
  /** Recent actual values before `now`, to forecast from when there is no provider forecast; null if unsupported. */
  history(now: number, lookbackMs: number): Promise<IntensitySeries | null>;
}
