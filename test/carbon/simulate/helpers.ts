import type { SimJob } from '../../../src/carbon/simulate/jobs.js';
import type { SimulationConfig } from '../../../src/carbon/simulate/simulate.js';
import type { IntensityPoint, IntensitySeries } from '../../../src/carbon/types.js';

export const H = 3_600_000;
export const M = 60_000;
/** A Monday, 00:00 UTC. */
export const T0 = Date.UTC(2024, 0, 1);

/** Hourly points from `start`. */
export function hourly(values: readonly number[], start = T0): IntensityPoint[] {
  return values.map((value, i) => ({ start: start + i * H, end: start + (i + 1) * H, value }));
}

export function series(points: IntensityPoint[]): IntensitySeries {
  return { points, unit: 'gCO2eq/kWh', kind: 'average', origin: 'actual', source: 'test' };
}

/** Clean (100) from 00:00 to 12:00 UTC, dirty (300) from 12:00 to 24:00, for `days` days. */
export function squareWave(days: number, clean = 100, dirty = 300): IntensityPoint[] {
  const values: number[] = [];
  for (let h = 0; h < days * 24; h++) values.push(h % 24 < 12 ? clean : dirty);
  return hourly(values);
}

export function job(id: number, queuedAt: number, durationMs = H, name = 'job'): SimJob {
  return { id, name, queuedAt, durationMs };
}

export const EXACT_DURATIONS = { quantile: 0.5, margin: 0, marginMs: 0, minSamples: 1 } as const;

export function config(
  over: Partial<SimulationConfig> & Pick<SimulationConfig, 'actual' | 'jobs'>,
): SimulationConfig {
  return {
    maxDeferralMs: 13 * H,
    maxRunners: 1000,
    runnerPowerKw: 1,
    thresholdG: 200,
    checkHoursUtc: [0, 6, 12, 18],
    defaultDurationMs: H,
    // Plans with the median of what was learned, no margin, from the first run: these tests check the engine,
    // the policies and the oracle on durations the scheduler knows exactly. The controller's defaults (max + 25% + 5m,
    // a conservative bound for new jobs) have their own tests.
    durations: EXACT_DURATIONS,
    forecast: { kind: 'perfect', meanAbsoluteError: 24, horizonMs: 24 * H },
    scheduler: {},
    seed: 1,
    ...over,
  };
}
