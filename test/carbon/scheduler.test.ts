import { describe, expect, it } from 'vitest';
import type { SchedulerJob, SchedulerParams } from '../../src/carbon/scheduler.js';
import { decide } from '../../src/carbon/scheduler.js';
import type { IntensityPoint, IntensitySeries } from '../../src/carbon/types.js';

const T0 = Date.UTC(2024, 5, 3, 0, 0);
const H = 3_600_000;
const M = 60_000;

function hourly(values: number[], start = T0): IntensityPoint[] {
  return values.map((value, i) => ({ start: start + i * H, end: start + (i + 1) * H, value }));
}

const job = (over: Partial<SchedulerJob> = {}): SchedulerJob => ({
  queuedAt: T0,
  expectedDurationMs: H,
  ...over,
});
const params = (over: Partial<SchedulerParams> = {}): SchedulerParams => ({ maxDeferralMs: 6 * H, ...over });

interface Case {
  name: string;
  forecast: IntensityPoint[];
  job?: Partial<SchedulerJob>;
  params?: Partial<SchedulerParams>;
  now?: number;
  run: boolean;
  reason: string;
  plannedStart?: number;
  expectedIntensity?: number;
  expectedIntensityNow?: number | 'undefined';
}

const cases: Case[] = [
  {
    name: 'waits for the cleanest hour ahead',
    forecast: hourly([300, 250, 100, 280, 300, 300, 300]),
    run: false,
    reason: 'Deferred',
    plannedStart: T0 + 2 * H,
    expectedIntensity: 100,
    expectedIntensityNow: 300,
  },
  {
    name: 'runs now when now is the cleanest',
    forecast: hourly([90, 250, 100, 280, 300, 300, 300]),
    run: true,
    reason: 'BestWindowNow',
    plannedStart: T0,
    expectedIntensity: 90,
    expectedIntensityNow: 90,
  },
  {
    name: 'ties go to the earliest start, which is now',
    forecast: hourly([100, 250, 100, 100, 300, 300, 300]),
    run: true,
    reason: 'BestWindowNow',
    expectedIntensityNow: 100,
  },
  {
    name: 'ties among later windows go to the earliest of them',
    forecast: hourly([300, 100, 250, 100, 300, 300, 300]),
    run: false,
    reason: 'Deferred',
    plannedStart: T0 + H,
  },
  {
    name: 'within an absolute tolerance of the best: run now',
    forecast: hourly([110, 250, 100, 280, 300, 300, 300]),
    params: { toleranceGPerKWh: 10 },
    run: true,
    reason: 'BestWindowNow',
  },
  {
    name: 'just outside the absolute tolerance: wait',
    forecast: hourly([110.5, 250, 100, 280, 300, 300, 300]),
    params: { toleranceGPerKWh: 10 },
    run: false,
    reason: 'Deferred',
    plannedStart: T0 + 2 * H,
  },
  {
    name: 'within a relative tolerance (10% of 100) of the best: run now',
    forecast: hourly([110, 250, 100, 280, 300, 300, 300]),
    params: { toleranceRatio: 0.1 },
    run: true,
    reason: 'BestWindowNow',
  },
  {
    name: 'the larger tolerance applies',
    forecast: hourly([119, 250, 100, 280, 300, 300, 300]),
    params: { toleranceRatio: 0.1, toleranceGPerKWh: 20 },
    run: true,
    reason: 'BestWindowNow',
  },
  {
    name: 'below the threshold: run now even though later is cleaner',
    forecast: hourly([150, 250, 10, 280, 300, 300, 300]),
    params: { thresholdGPerKWh: 200 },
    run: true,
    reason: 'LowCarbon',
    expectedIntensityNow: 150,
  },
  {
    name: 'exactly at the threshold counts as low-carbon (the CRD says "at or below")',
    forecast: hourly([200, 250, 10, 280, 300, 300, 300]),
    params: { thresholdGPerKWh: 200 },
    run: true,
    reason: 'LowCarbon',
  },
  {
    name: 'above the threshold: the forecast decides',
    forecast: hourly([201, 250, 10, 280, 300, 300, 300]),
    params: { thresholdGPerKWh: 200 },
    run: false,
    reason: 'Deferred',
    plannedStart: T0 + 2 * H,
  },
  {
    name: 'the threshold is judged over the whole run, not the first hour',
    forecast: hourly([150, 400, 10, 10, 300, 300, 300]),
    job: { expectedDurationMs: 2 * H },
    params: { thresholdGPerKWh: 200 },
    run: false,
    reason: 'Deferred',
    plannedStart: T0 + 2 * H,
    expectedIntensity: 10,
    expectedIntensityNow: 275,
  },
  {
    name: 'the latest start is deadline − duration: a clean hour after it is out of reach',
    forecast: hourly([300, 300, 300, 300, 300, 250, 10]),
    run: false,
    reason: 'Deferred',
    plannedStart: T0 + 5 * H,
    expectedIntensity: 250,
  },
  {
    name: 'at the latest start: run whatever the forecast',
    forecast: hourly([300, 300, 300, 300, 300, 300, 10, 10]),
    now: T0 + 5 * H,
    run: true,
    reason: 'DeadlineReached',
    expectedIntensityNow: 300,
  },
  {
    name: 'past the deadline: run',
    forecast: hourly([300, 300, 300, 300, 300, 300, 300, 300, 10, 10]),
    now: T0 + 8 * H,
    run: true,
    reason: 'DeadlineReached',
  },
  {
    name: 'a job longer than its whole deferral runs at once',
    forecast: hourly(
      Array(12)
        .fill(300)
        .map((v, i) => (i === 8 ? 10 : v)),
    ),
    job: { expectedDurationMs: 7 * H },
    run: true,
    reason: 'DeadlineReached',
  },
  {
    name: 'empty forecast: run now, nothing to wait for',
    forecast: [],
    run: true,
    reason: 'NoForecast',
    expectedIntensityNow: 'undefined',
  },
  {
    name: 'a stale forecast that ended before now: run now',
    forecast: hourly([10, 10], T0 - 3 * H),
    run: true,
    reason: 'NoForecast',
  },
  {
    name: 'a forecast shorter than the run: run now (no planning beyond the forecast)',
    forecast: hourly([300]),
    job: { expectedDurationMs: 2 * H },
    run: true,
    reason: 'NoForecast',
  },
  {
    name: 'a short horizon: only the forecast part is searched',
    forecast: hourly([300, 200]),
    run: false,
    reason: 'Deferred',
    plannedStart: T0 + H,
    expectedIntensity: 200,
  },
  {
    name: 'forecast starting in the future: the earliest forecast run stands in for now (cleaner later → wait)',
    forecast: hourly([300, 300, 100, 300], T0 + 30 * M),
    run: false,
    reason: 'Deferred',
    plannedStart: T0 + 2.5 * H,
    expectedIntensityNow: 'undefined',
  },
  {
    name: 'forecast starting in the future and flat: run now',
    forecast: hourly([300, 300, 300, 300], T0 + 30 * M),
    run: true,
    reason: 'BestWindowNow',
    expectedIntensityNow: 'undefined',
  },
  {
    name: 'NaN values are gaps: a run over one is not planned, and a cleaner run after it is waited for',
    forecast: hourly([300, Number.NaN, 250, 280, 50, 50, 300]),
    job: { expectedDurationMs: 2 * H },
    run: false,
    reason: 'Deferred',
    plannedStart: T0 + 4 * H,
    expectedIntensity: 50,
    expectedIntensityNow: 'undefined',
  },
  {
    name: 'NaN at now: when the earliest forecast run is also the best, run now rather than wait blind',
    forecast: hourly([300, Number.NaN, 250, 280, 300, 300, 300]),
    job: { expectedDurationMs: 2 * H },
    run: true,
    reason: 'BestWindowNow',
    expectedIntensityNow: 'undefined',
  },
  {
    name: 'an all-NaN forecast is no forecast',
    forecast: hourly([Number.NaN, Number.NaN, Number.NaN]),
    run: true,
    reason: 'NoForecast',
  },
  {
    name: 'a mid-hour now: the run covers parts of two hours',
    forecast: hourly([300, 100, 100, 300, 300, 300, 300]),
    now: T0 + 30 * M,
    run: false,
    reason: 'Deferred',
    plannedStart: T0 + H,
    expectedIntensityNow: 200,
  },
  {
    name: 'uneven forecast intervals are time-weighted',
    forecast: [
      { start: T0, end: T0 + 30 * M, value: 100 },
      { start: T0 + 30 * M, end: T0 + 4 * H, value: 300 },
      { start: T0 + 4 * H, end: T0 + 4.5 * H, value: 50 },
      { start: T0 + 4.5 * H, end: T0 + 8 * H, value: 60 },
    ],
    run: false,
    reason: 'Deferred',
    plannedStart: T0 + 4 * H,
    expectedIntensity: 55,
    expectedIntensityNow: 200,
  },
  {
    name: 'a force-run label skips waiting',
    forecast: hourly([300, 250, 100, 280, 300, 300, 300]),
    job: { labels: ['self-hosted', 'gpu-urgent'] },
    params: { forceRunLabels: ['gpu-urgent*'] },
    run: true,
    reason: 'ForcedRun',
  },
  {
    name: 'a force-run branch glob skips waiting',
    forecast: hourly([300, 250, 100, 280, 300, 300, 300]),
    job: { branch: 'release/2.1' },
    params: { forceRunBranches: ['main', 'release/*'] },
    run: true,
    reason: 'ForcedRun',
  },
  {
    name: '`*` does not cross a slash in branch globs',
    forecast: hourly([300, 250, 100, 280, 300, 300, 300]),
    job: { branch: 'release/2.1/hotfix' },
    params: { forceRunBranches: ['release/*'] },
    run: false,
    reason: 'Deferred',
  },
  {
    name: '`**` crosses slashes',
    forecast: hourly([300, 250, 100, 280, 300, 300, 300]),
    job: { branch: 'release/2.1/hotfix' },
    params: { forceRunBranches: ['release/**'] },
    run: true,
    reason: 'ForcedRun',
  },
  {
    name: 'force-run globs that do not match change nothing',
    forecast: hourly([300, 250, 100, 280, 300, 300, 300]),
    job: { branch: 'feature/x', labels: ['gpu'] },
    params: { forceRunBranches: ['main'], forceRunLabels: ['cpu'] },
    run: false,
    reason: 'Deferred',
  },
  {
    name: 'a wait penalty keeps a marginal later gain from being worth the wait',
    forecast: hourly([200, 300, 300, 300, 180, 300, 300]),
    params: { waitPenaltyPerHour: 10 },
    run: true,
    reason: 'BestWindowNow',
  },
  {
    name: 'zero deferral: always run at once',
    forecast: hourly([300, 10]),
    params: { maxDeferralMs: 0 },
    run: true,
    reason: 'DeadlineReached',
  },
];

describe('decide', () => {
  it.each(cases)('$name', (c) => {
    const now = c.now ?? T0;
    const d = decide(job(c.job), params(c.params), c.forecast, now);
    expect(d.run).toBe(c.run);
    expect(d.reason).toBe(c.reason);
    expect(d.message.length).toBeGreaterThan(0);
    if (c.run) expect(d.plannedStart).toBe(now);
    if (c.plannedStart !== undefined) expect(d.plannedStart).toBe(c.plannedStart);
    if (c.expectedIntensity !== undefined) expect(d.expectedIntensity).toBeCloseTo(c.expectedIntensity, 9);
    if (c.expectedIntensityNow === 'undefined') expect(d.expectedIntensityNow).toBeUndefined();
    else if (c.expectedIntensityNow !== undefined)
      expect(d.expectedIntensityNow).toBeCloseTo(c.expectedIntensityNow, 9);
    // Invariants of every decision.
    const duration = Math.max(0, job(c.job).expectedDurationMs);
    const queuedAt = job(c.job).queuedAt;
    expect(d.deadline).toBe(queuedAt + params(c.params).maxDeferralMs);
    expect(d.latestStart).toBe(Math.max(queuedAt, d.deadline - duration));
    if (!d.run) {
      expect(d.plannedStart).toBeGreaterThan(now);
      expect(d.plannedStart).toBeLessThanOrEqual(d.latestStart);
    }
  });

  it('accepts a series object as well as points', () => {
    const series: IntensitySeries = {
      points: hourly([300, 100, 300, 300, 300, 300, 300]),
      unit: 'gCO2eq/kWh',
      kind: 'average',
      origin: 'provider-forecast',
      source: 'test',
    };
    expect(decide(job(), params(), series, T0)).toMatchObject({ run: false, plannedStart: T0 + H });
  });

  it('re-deciding with a changed forecast follows the new forecast', () => {
    const first = decide(job(), params(), hourly([300, 300, 100, 300, 300, 300, 300]), T0 + H);
    expect(first).toMatchObject({ run: false, plannedStart: T0 + 2 * H });
    const revised = decide(job(), params(), hourly([300, 300, 300, 300, 300, 50, 300]), T0 + H);
    expect(revised).toMatchObject({ run: false, plannedStart: T0 + 5 * H });
    const cleanNow = decide(job(), params(), hourly([300, 40, 300, 300, 300, 50, 300]), T0 + H);
    expect(cleanNow).toMatchObject({ run: true, reason: 'BestWindowNow' });
  });

  it('arriving at the planned start, the job runs (a deferred job is never stranded)', () => {
    const forecast = hourly([300, 250, 100, 280, 300, 300, 300]);
    const d1 = decide(job(), params(), forecast, T0);
    const d2 = decide(job(), params(), forecast, d1.plannedStart);
    expect(d2).toMatchObject({ run: true, reason: 'BestWindowNow', plannedStart: d1.plannedStart });
  });

  it.each([
    ['now', { now: Number.NaN }],
    ['queuedAt', { queuedAt: Number.NaN }],
    ['maxDeferral', { maxDeferralMs: -1 }],
  ])('rejects a non-finite or negative %s', (_name, bad) => {
    const b = bad as { now?: number; queuedAt?: number; maxDeferralMs?: number };
    expect(() =>
      decide(
        job(b.queuedAt !== undefined ? { queuedAt: b.queuedAt } : {}),
        params(b.maxDeferralMs !== undefined ? { maxDeferralMs: b.maxDeferralMs } : {}),
        hourly([100]),
        b.now ?? T0,
      ),
    ).toThrow(RangeError);
  });

  it('a NaN expected duration is read as zero, not as "never fits"', () => {
    const d = decide(
      job({ expectedDurationMs: Number.NaN }),
      params(),
      hourly([300, 100, 300, 300, 300, 300, 300]),
      T0,
    );
    expect(d).toMatchObject({ run: false, plannedStart: T0 + H, latestStart: T0 + 6 * H });
  });
});
