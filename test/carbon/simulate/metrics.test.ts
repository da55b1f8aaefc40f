import { describe, expect, it } from 'vitest';
import type { Placement } from '../../../src/carbon/simulate/engine.js';
import {
  compareWithBaselines,
  computeMetrics,
  integrateHours,
  metricBasis,
  quantile,
  rollingMedian,
} from '../../../src/carbon/simulate/metrics.js';
import { maxConcurrency, oraclePlacements } from '../../../src/carbon/simulate/oracle.js';
import { indexIntensity } from '../../../src/carbon/window.js';
import { H, hourly, job, M, T0 } from './helpers.js';

describe('metrics', () => {
  const actual = hourly([100, 300, 100, 300, 100, 300]);
  const basis = metricBasis(actual, 200);

  it('integrates intensity over runs, carrying the edge values past the trace', () => {
    expect(integrateHours(basis.actual, basis, T0, T0 + 2 * H)).toBeCloseTo(400, 9);
    expect(integrateHours(basis.actual, basis, T0 + 30 * M, T0 + 90 * M)).toBeCloseTo(200, 9);
    expect(integrateHours(basis.actual, basis, T0 - H, T0)).toBeCloseTo(100, 9);
    expect(integrateHours(basis.actual, basis, T0 + 6 * H, T0 + 8 * H)).toBeCloseTo(600, 9);
  });

  it('computes emissions, low-carbon shares, delays, misses and the deadline-guard count', () => {
    const jobs = [job(0, T0), job(1, T0), job(2, T0 + 30 * M, 2 * H)];
    const placements: Placement[] = [
      { jobId: 0, start: T0, end: T0 + H, reason: 'BestWindowNow' },
      { jobId: 1, start: T0 + 2 * H, end: T0 + 3 * H, reason: 'Deferred' },
      { jobId: 2, start: T0 + 3 * H, end: T0 + 5 * H, reason: 'DeadlineReached' },
    ];
    const m = computeMetrics('x', jobs, placements, basis, { runnerPowerKw: 0.5, maxDeferralMs: 2 * H });
    expect(m.emissionsG).toBeCloseTo(0.5 * (100 + 100 + 300 + 100), 9);
    expect(m.jobHours).toBe(4);
    expect(m.energyKWh).toBe(2);
    expect(m.meanIntensity).toBeCloseTo(150, 9);
    expect(m.lowCarbonShare).toBeCloseTo(3 / 4, 9);
    expect(m.delay).toEqual({ p50Ms: 2 * H, p95Ms: 2.45 * H, maxMs: 2.5 * H, meanMs: (4.5 * H) / 3 });
    // Job 1 starts on time but finishes an hour late; job 2 even starts late: both miss the deadline.
    expect(m.deadlineMisses).toBe(2);
    expect(m.lateStarts).toBe(1);
    expect(m.unavoidableMisses).toBe(0);
    expect(m.releasedAtDeadline).toBe(1);
  });

  it('counts a run longer than the deadline itself as a miss, and as unavoidable', () => {
    const jobs = [job(0, T0, 3 * H), job(1, T0, H)];
    const placements: Placement[] = [
      { jobId: 0, start: T0, end: T0 + 3 * H, reason: 'DeadlineReached' },
      { jobId: 1, start: T0 + H, end: T0 + 2 * H, reason: 'Deferred' },
    ];
    const m = computeMetrics('x', jobs, placements, basis, { runnerPowerKw: 1, maxDeferralMs: 2 * H });
    expect(m.deadlineMisses).toBe(1);
    expect(m.unavoidableMisses).toBe(1);
    expect(m.lateStarts).toBe(0);
  });

  it('refuses a placement list that lost jobs', () => {
    expect(() =>
      computeMetrics(
        'x',
        [job(0, T0), job(1, T0)],
        [{ jobId: 0, start: T0, end: T0 + H, reason: '' }],
        basis,
        { runnerPowerKw: 1, maxDeferralMs: H },
      ),
    ).toThrow(/placed 1 of 2/);
  });

  it('compares with run-now and the oracle', () => {
    const mk = (policy: string, emissionsG: number) =>
      ({ policy, emissionsG }) as Parameters<typeof compareWithBaselines>[0][number];
    const all = [mk('run-now', 1000), mk('ai-ci', 900), mk('oracle', 800), mk('worse', 1100)];
    compareWithBaselines(all);
    expect(all.map((m) => m.savedVsRunNowPct)).toEqual([0, 10, 20, -10]);
    expect(all.map((m) => m.oracleSharePct)).toEqual([0, 50, 100, -50]);
    const flat = [mk('run-now', 1000), mk('ai-ci', 1000), mk('oracle', 999.9)];
    compareWithBaselines(flat);
    expect(flat[1]!.oracleSharePct).toBeUndefined();
  });

  it('rolling median and quantiles', () => {
    const pts = hourly([5, 1, 4, 2, 3]);
    expect(rollingMedian(pts, 2 * H)).toEqual([3, 4, 2, 3, 2.5]);
    expect(quantile([1, 2, 3, 4], 0.5)).toBe(2.5);
    expect(quantile([], 0.5)).toBe(0);
    expect(quantile([7], 0.95)).toBe(7);
  });
});

describe('oraclePlacements', () => {
  const actual = indexIntensity(hourly([300, 300, 50, 100, 200, 300, 300, 300]));

  it('exact: each job at its best window on the actuals, when the runners suffice', () => {
    const r = oraclePlacements([job(0, T0), job(1, T0 + H)], actual, 6 * H, 5);
    expect(r.method).toBe('exact');
    expect(r.placements.map((p) => (p.start - T0) / H)).toEqual([2, 2]);
  });

  it('greedy under a runner limit: the next-best free windows, never over the limit', () => {
    const jobs = [job(0, T0), job(1, T0), job(2, T0), job(3, T0)];
    const r = oraclePlacements(jobs, actual, 6 * H, 1);
    expect(r.method).toBe('greedy');
    expect(r.placements.map((p) => (p.start - T0) / H)).toEqual([2, 3, 4, 0]);
    expect(maxConcurrency(r.placements)).toBe(1);
  });

  it('greedy: a job with no free window before its latest start takes the first free slot after it', () => {
    const jobs = [job(0, T0, 2 * H), job(1, T0, 2 * H)];
    const r = oraclePlacements(jobs, actual, 2 * H, 1);
    expect(r.placements.map((p) => [(p.start - T0) / H, p.reason])).toEqual([
      [0, 'NoChoice'],
      [2, 'CapacityLate'],
    ]);
  });

  it('jobs longer than the deferral start at once', () => {
    const r = oraclePlacements([job(0, T0 + 30 * M, 5 * H)], actual, 4 * H, 10);
    expect(r.placements[0]).toMatchObject({ start: T0 + 30 * M, reason: 'NoChoice' });
  });
});
