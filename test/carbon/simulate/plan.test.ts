import { describe, expect, it } from 'vitest';
import type { PlanSettings, PlanTrace } from '../../../src/carbon/simulate/plan.js';
import {
  liveliestWeek,
  PlanError,
  planSimulation,
  resolveTimeZone,
} from '../../../src/carbon/simulate/plan.js';
import type { Trace } from '../../../src/carbon/traces.js';
import { H, hourly, job, series, squareWave, T0 } from './helpers.js';

const DAY = 24 * H;

function input(over: Partial<PlanTrace> = {}, trace: Partial<Trace> = {}): PlanTrace {
  return {
    trace: { format: 'time-intensity-csv', actual: series(squareWave(21)), ...trace } as Trace,
    label: 'test',
    origin: 'file',
    path: 'trace.csv',
    emissionFactor: 'lifecycle',
    ...over,
  };
}

function settings(over: Partial<PlanSettings> = {}): PlanSettings {
  return {
    maxDeferralMs: 4 * H,
    jobsPerDay: 24,
    durationMinMs: 5 * 60_000,
    durationMaxMs: H,
    arrivals: 'uniform',
    maxRunners: 20,
    runnerPowerKw: 0.3,
    thresholdG: 200,
    checkHoursUtc: [0, 6, 12, 18],
    tolerancePercent: 2,
    toleranceG: 0,
    waitPenaltyPerHour: 0,
    defaultDurationMs: 30 * 60_000,
    forecast: 'perfect',
    forecastMae: 24,
    forecastHorizonMs: 24 * H,
    seed: 1,
    ...over,
  };
}

describe('resolveTimeZone: whose working hours generated diurnal jobs follow', () => {
  it.each([
    ['an explicit --time-zone wins over everything', { timeZone: 'Asia/Tokyo' }, {}, 'Asia/Tokyo', ''],
    ["a bundled region's own zone", {}, { bundledTimeZone: 'Europe/London' }, 'Europe/London', ''],
    ['a zone the trace names (FR)', {}, { zone: 'FR' }, 'Europe/Paris', ''],
    ['a trace naming no zone falls back to UTC and says so', {}, {}, 'UTC', 'names no zone'],
  ] as const)('%s', (_name, s, extra, tz, note) => {
    const { zone, ...over } = extra as { zone?: string; bundledTimeZone?: string };
    const got = resolveTimeZone(input(over, zone ? { zone } : {}), settings({ arrivals: 'diurnal', ...s }));
    expect(got.timeZone).toBe(tz);
    if (note) expect(got.note).toContain(note);
    else expect(got.note).toBe('');
  });

  it('a country spanning several time zones is an error naming the file and asking for --time-zone', () => {
    expect(() => resolveTimeZone(input({}, { zone: 'US' }), settings({ arrivals: 'diurnal' }))).toThrow(
      /trace\.csv: .*time zones.*--time-zone/,
    );
  });

  it('uniform arrivals and jobs from a file need no time zone', () => {
    expect(resolveTimeZone(input({}, { zone: 'US' }), settings({ arrivals: 'uniform' })).timeZone).toBe(
      'UTC',
    );
  });
});

describe('planSimulation', () => {
  it('keeps only file jobs queued inside the trace and --from/--to, renumbered, and says how many it left out', () => {
    const fileJobs = [job(7, T0 - H), job(8, T0 + 2 * H), job(9, T0 + 3 * H), job(10, T0 + 30 * DAY)];
    const { config, run } = planSimulation(input(), settings({ fileJobs, jobsFile: 'jobs.csv' }));
    expect(config.jobs.map((j) => [j.id, j.queuedAt])).toEqual([
      [0, T0 + 2 * H],
      [1, T0 + 3 * H],
    ]);
    expect(run.jobs).toEqual({
      count: 2,
      source: 'from jobs.csv (2 queued outside the trace or --from/--to left out)',
    });
  });

  it('generates arrivals that leave room for the deadline and the longest job before the trace ends', () => {
    const { config } = planSimulation(input(), settings({ maxDeferralMs: 12 * H, jobsPerDay: 100 }));
    const end = T0 + 21 * DAY;
    expect(config.jobs.length).toBeGreaterThan(1000);
    for (const j of config.jobs) {
      expect(j.queuedAt).toBeGreaterThanOrEqual(T0);
      expect(j.queuedAt).toBeLessThanOrEqual(end - 12 * H);
    }
  });

  it('maps settings into the scheduler configuration and the report description', () => {
    const { config, run } = planSimulation(
      input(),
      settings({ tolerancePercent: 10, toleranceG: 5, policyThresholdG: 120, waitPenaltyPerHour: 3 }),
    );
    expect(config.scheduler).toEqual({
      toleranceRatio: 0.1,
      toleranceGPerKWh: 5,
      waitPenaltyPerHour: 3,
      thresholdGPerKWh: 120,
    });
    expect(run.scheduler).toBe(
      'tolerance 10% or 5 g, threshold 120 g, wait penalty 3 g/h, forecast horizon 24h, re-decided every trace step',
    );
    expect(run.trace).toMatchObject({ points: 21 * 24, stepMinutes: 60, emissionFactor: 'lifecycle' });
  });

  it.each([
    ['a longest job shorter than the shortest', settings({ durationMinMs: 2 * H }), /--duration-max/],
    [
      'a provider forecast the trace does not have',
      settings({ forecast: 'provider' }),
      /no published forecast/,
    ],
    [
      'a period without jobs',
      settings({ fileJobs: [job(1, T0 - DAY)], jobsFile: 'j.csv' }),
      /no jobs to simulate/,
    ],
  ])('refuses %s with a PlanError', (_name, s, message) => {
    expect(() => planSimulation(input(), s)).toThrow(PlanError);
    expect(() => planSimulation(input(), s)).toThrow(message);
  });
});

describe('liveliestWeek', () => {
  it('picks the Monday of the week whose intensity varies most', () => {
    // Three weeks from Monday 2024-01-01: flat, flat, then a square wave.
    const values = [
      ...Array(14 * 24).fill(200),
      ...squareWave(7).map((p) => p.value),
      ...Array(24).fill(200),
    ];
    const points = hourly(values);
    expect(liveliestWeek(points, T0)).toBe(T0 + 14 * DAY);
  });

  it('falls back to the first job day when no whole week follows it', () => {
    const points = hourly(Array(48).fill(100));
    expect(liveliestWeek(points, T0 + 5 * H)).toBe(T0);
  });
});
