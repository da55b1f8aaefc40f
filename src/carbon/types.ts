/**
 * Core carbon-intensity types shared by the providers, the scheduler, the controller and `ai-ci simulate`.
 * Times are epoch milliseconds (UTC) so pure code never needs a clock or a time zone.
 */

/** Grid carbon intensity over one interval [start, end), in gCO2eq/kWh (or the provider's unit, see `unit`). */
export interface IntensityPoint {
  /** Interval start, epoch ms UTC. */
  start: number;
  /** Interval end (exclusive), epoch ms UTC. */
  end: number;
  /** Intensity over the interval. */
  value: number;
}

/** What a series' values measure. Average and marginal intensities are not comparable with each other. */
export type IntensityKind = 'average' | 'marginal';

/** How a series was obtained. */
export type SeriesOrigin =
  /** Measured or estimated actual values. */
  | 'actual'
  /** A forecast published by the provider. */
  | 'provider-forecast'
  /** A forecast ai-ci made from recent history because the provider gave none. */
  | 'history-forecast';

/** A time-ordered, non-overlapping series of intensity points. */
export interface IntensitySeries {
  points: IntensityPoint[];
  /** gCO2eq/kWh for all providers after unit conversion (WattTime's lbs/MWh is converted). */
  unit: 'gCO2eq/kWh';
  kind: IntensityKind;
  origin: SeriesOrigin;
  /** Provider name, e.g. `ukCarbonIntensity`, `electricityMaps`, `wattTime`, `file`, `static`. */
  source: string;
}
