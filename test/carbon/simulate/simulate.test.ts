import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { PolicyMetrics } from '../../../src/carbon/simulate/metrics.js';
import { maxConcurrency } from '../../../src/carbon/simulate/oracle.js';
import type { PolicyKey } from '../../../src/carbon/simulate/simulate.js';
import { POLICY_KEYS, simulate } from '../../../src/carbon/simulate/simulate.js';
import { config, H, hourly, job, M, series, squareWave, T0 } from './helpers.js';

const metric = (ms: PolicyMetrics[], key: PolicyKey) => ms.find((m) => m.policy === key)!;

describe('simulate on a square wave (clean 00–12 UTC at 100 g, dirty 12–24 at 300 g)', () => {
  // Queued in the dirty half of day 0 and day 1; 1 h runs; a 13 h deadline reaches the next clean morning.
  const jobs = [12, 15.5, 20, 36, 39.5, 44].map((h, i) => job(i, T0 + h * H));
  const actual = series(squareWave(4));

  it('gives the hand-computed answer: every smart policy runs at 00:00 and saves exactly 2/3', () => {
    const r = simulate(config({ actual, jobs }));
    const runNow = metric(r.policies, 'run-now');
    expect(runNow.emissionsG).toBeCloseTo(6 * 300, 9);
    for (const key of ['design-doc', 'threshold', 'ai-ci', 'oracle'] as const) {
      const m = metric(r.policies, key);
      expect(m.emissionsG, key).toBeCloseTo(6 * 100, 9);
      expect(m.savedVsRunNowPct, key).toBeCloseTo(200 / 3, 9);
      expect(m.oracleSharePct, key).toBeCloseTo(100, 9);
      expect(m.lowCarbonShare, key).toBe(1);
      expect(m.deadlineMisses, key).toBe(0);
      expect(
        r.placements[key].map((p) => (p.start - T0) / H),
        key,
      ).toEqual([24, 24, 24, 48, 48, 48]);
    }
    expect(runNow.lowCarbonShare).toBe(0);
    expect(metric(r.policies, 'design-doc').delay.maxMs).toBe(12 * H);
    expect(metric(r.policies, 'oracle').delay.p50Ms).toBe(8.5 * H);
    expect(r.oracleMethod).toBe('exact');
  });

  it('with one runner the jobs queue up behind each other in the clean hours, and the oracle turns greedy', () => {
    const r = simulate(config({ actual, jobs, maxRunners: 1 }));
    for (const key of POLICY_KEYS) expect(maxConcurrency(r.placements[key]), key).toBeLessThanOrEqual(1);
    // ai-ci admits all three at 00:00; the earliest latest-start goes first.
    expect(r.placements['ai-ci'].map((p) => (p.start - T0) / H)).toEqual([24, 25, 26, 48, 49, 50]);
    expect(metric(r.policies, 'ai-ci').emissionsG).toBeCloseTo(600, 9);
    expect(metric(r.policies, 'oracle').emissionsG).toBeCloseTo(600, 9);
    expect(r.oracleMethod).toBe('greedy');
  });

  it('a deadline that cannot reach the clean hours saves nothing, and the oracle share is not invented', () => {
    const r = simulate(config({ actual, jobs: [job(0, T0 + 12 * H)], maxDeferralMs: 6 * H }));
    for (const key of POLICY_KEYS) expect(metric(r.policies, key).emissionsG, key).toBeCloseTo(300, 9);
    expect(metric(r.policies, 'ai-ci').oracleSharePct).toBeUndefined();
    // The design document's policy would have waited: the deadline guard started it at the latest start (5 h).
    expect(metric(r.policies, 'design-doc').releasedAtDeadline).toBe(1);
    expect(r.placements['design-doc'][0]!.start).toBe(T0 + 17 * H);
    expect(r.placements['ai-ci'][0]!.start).toBe(T0 + 12 * H);
  });

  it('counts a start after the deadline (and a finish after it) as a miss when capacity forces it', () => {
    const five = [0, 1, 2, 3, 4].map((i) => job(i, T0 + 12 * H));
    const r = simulate(config({ actual, jobs: five, maxRunners: 1, maxDeferralMs: 2 * H }));
    const runNow = metric(r.policies, 'run-now');
    expect(r.placements['run-now'].map((p) => (p.start - T0) / H)).toEqual([12, 13, 14, 15, 16]);
    // Deadline 14:00: the runs ending at 15, 16 and 17 miss it, two of them even start after it.
    expect(runNow.deadlineMisses).toBe(3);
    expect(runNow.lateStarts).toBe(2);
    expect(r.notes).toContain(
      'run now: 3 job(s) finished after their deadline (2 of them started late, all runners busy; 0 longer than the deadline by themselves).',
    );
    expect(runNow.delay.maxMs).toBe(4 * H);
  });

  it('the design document policy only starts jobs at its checks or at the deadline', () => {
    // Clean at 03:00 only: threshold-only takes it, the 6-hourly check cannot see it.
    const values = Array(48).fill(300);
    values[3] = 50;
    const r = simulate(
      config({ actual: series(hourly(values)), jobs: [job(0, T0 + 1 * H)], maxDeferralMs: 12 * H }),
    );
    expect(r.placements.threshold[0]!.start).toBe(T0 + 3 * H);
    expect(r.placements['ai-ci'][0]!.start).toBe(T0 + 3 * H);
    expect(r.placements['design-doc'][0]).toMatchObject({ start: T0 + 12 * H, reason: 'DeadlineReached' });
  });
});

describe('simulate: invariants over random traces and jobs', () => {
  const scenario = fc.record({
    values: fc.array(fc.integer({ min: 0, max: 600 }), { minLength: 24 * 5, maxLength: 24 * 5 }),
    arrivals: fc.array(
      fc.record({
        minute: fc.integer({ min: 0, max: 3 * 24 * 60 }),
        duration: fc.integer({ min: 1, max: 300 }),
      }),
      { minLength: 1, maxLength: 25 },
    ),
    deadlineMinutes: fc.integer({ min: 0, max: 12 * 60 }),
    maxRunners: fc.integer({ min: 1, max: 4 }),
    seed: fc.integer(),
  });

  it('no job starts after its deadline when runners are plentiful, and the runner limit always holds', () => {
    fc.assert(
      fc.property(scenario, ({ values, arrivals, deadlineMinutes, maxRunners, seed }) => {
        const jobs = arrivals.map((a, i) => job(i, T0 + a.minute * M, a.duration * M, `kind${i % 3}`));
        const actual = series(hourly(values));
        const base = {
          actual,
          jobs,
          maxDeferralMs: deadlineMinutes * M,
          seed,
          forecast: { kind: 'noisy' as const, meanAbsoluteError: 24, horizonMs: 24 * H },
        };
        const free = simulate(config(base));
        for (const key of POLICY_KEYS) {
          expect(metric(free.policies, key).lateStarts, key).toBe(0);
          expect(metric(free.policies, key).delay.maxMs, key).toBeLessThanOrEqual(deadlineMinutes * M);
          expect(free.placements[key]).toHaveLength(jobs.length);
        }
        const tight = simulate(config({ ...base, maxRunners }));
        for (const key of POLICY_KEYS) {
          expect(maxConcurrency(tight.placements[key]), key).toBeLessThanOrEqual(maxRunners);
          for (const p of tight.placements[key]) {
            expect(p.start).toBeGreaterThanOrEqual(jobs[p.jobId]!.queuedAt);
            expect(p.end - p.start).toBe(jobs[p.jobId]!.durationMs);
          }
        }
      }),
      { numRuns: 60, seed: 20241125 },
    );
  });

  it('with known durations and a perfect forecast ai-ci (tolerance 0) matches the oracle, and nobody beats it', () => {
    fc.assert(
      fc.property(scenario, ({ values, arrivals, deadlineMinutes }) => {
        // One duration for all, known in advance, so the scheduler's latest start equals the oracle's.
        const jobs = arrivals.map((a, i) => job(i, T0 + a.minute * M, 90 * M));
        const r = simulate(
          config({
            actual: series(hourly(values)),
            jobs,
            maxDeferralMs: deadlineMinutes * M,
            defaultDurationMs: 90 * M,
          }),
        );
        const oracle = metric(r.policies, 'oracle').emissionsG;
        expect(metric(r.policies, 'ai-ci').emissionsG).toBeCloseTo(oracle, 6);
        for (const key of POLICY_KEYS)
          expect(metric(r.policies, key).emissionsG).toBeGreaterThanOrEqual(oracle - 1e-6);
      }),
      { numRuns: 60, seed: 7 },
    );
  });

  it('the same seed gives the same result; another seed other forecast errors', () => {
    const jobs = Array.from({ length: 40 }, (_, i) =>
      job(i, T0 + i * 97 * M, (10 + (i % 7) * 20) * M, `k${i % 4}`),
    );
    const values = Array.from({ length: 24 * 5 }, (_, h) => 200 + 150 * Math.sin((2 * Math.PI * h) / 24));
    const base = {
      actual: series(hourly(values)),
      jobs,
      maxDeferralMs: 8 * H,
      forecast: { kind: 'noisy' as const, meanAbsoluteError: 60, horizonMs: 24 * H },
    };
    const a = simulate(config({ ...base, seed: 3 }));
    const b = simulate(config({ ...base, seed: 3 }));
    const c = simulate(config({ ...base, seed: 4 }));
    expect(b).toEqual(a);
    expect(c.placements['ai-ci']).not.toEqual(a.placements['ai-ci']);
    // Policies that see no forecast do not depend on the seed.
    expect(c.placements.threshold).toEqual(a.placements.threshold);
  });
});
