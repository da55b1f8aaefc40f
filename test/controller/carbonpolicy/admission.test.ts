import { describe, expect, it } from 'vitest';
import type { GateJob } from '../../../src/carbon/gate.js';
import type { IntensityPoint } from '../../../src/carbon/types.js';
import {
  type AdmissionInput,
  decideAdmission,
  type PolicyData,
} from '../../../src/controller/carbonpolicy/admission.js';
import { type PolicyParams, resolvePolicyParams } from '../../../src/controller/carbonpolicy/params.js';
import { H, halfHours, M, T0 } from './readings.js';

const params = (over: Partial<PolicyParams> = {}): PolicyParams => ({
  ...resolvePolicyParams({
    source: { ukCarbonIntensity: {} },
    threshold: 200,
    maxDeferral: '4h',
    tolerancePercent: 10,
    defaultJobDuration: '30m',
    forceRun: { labels: ['urgent'], branches: ['release/**'] },
  }),
  ...over,
});
const job = (over: Partial<GateJob> = {}): GateJob => ({
  jobId: 1,
  repository: 'octo-org/app',
  labels: ['self-hosted', 'gpu'],
  headBranch: 'feature/x',
  queuedAt: T0,
  ...over,
});
const usable = (forecast: IntensityPoint[]): PolicyData => ({ usable: true, forecast });
const down: PolicyData = { usable: false, why: 'circuit breaker open after 3 consecutive failures' };
const seconds = (n: number, value: number, start = T0) =>
  Array.from({ length: n }, (_, i) => ({ start: start + i * 10_000, end: start + (i + 1) * 10_000, value }));

interface Case {
  name: string;
  data: PolicyData;
  job?: Partial<GateJob>;
  params?: Partial<PolicyParams>;
  durationMs?: number;
  forcedBy?: string;
  now?: number;
  admit: boolean;
  reason: string;
  notBefore?: number;
  expectedIntensity?: number;
  expectedIntensityNow?: number;
  message?: RegExp;
}

const cases: Case[] = [
  {
    name: 'force-run annotation admits even without data',
    data: down,
    params: { failureMode: 'wait' },
    forcedBy: 'RunnerPool ci/gpu',
    admit: true,
    reason: 'ForcedRun',
    message: /annotation ai-ci\.dev\/force-run on RunnerPool ci\/gpu/,
  },
  {
    name: 'force-run label admits without data, failureMode wait notwithstanding',
    data: down,
    params: { failureMode: 'wait' },
    job: { labels: ['self-hosted', 'urgent'] },
    admit: true,
    reason: 'ForcedRun',
  },
  {
    name: 'force-run branch glob admits on a dirty grid',
    data: usable(halfHours([400, 400, 50, 50])),
    job: { headBranch: 'release/2026/11' },
    admit: true,
    reason: 'ForcedRun',
  },
  {
    name: 'dirty now, clean in an hour: deferred to the window',
    data: usable(halfHours([300, 300, 80, 80, 300])),
    admit: false,
    reason: 'Deferred',
    notBefore: T0 + H,
    expectedIntensity: 80,
    expectedIntensityNow: 300,
  },
  {
    name: 'below the threshold: runs now',
    data: usable(halfHours([150, 300, 50])),
    admit: true,
    reason: 'LowCarbon',
    expectedIntensityNow: 150,
  },
  {
    name: 'flat dirty grid: nothing better ahead, runs now',
    data: usable(halfHours([300, 300, 300, 300])),
    admit: true,
    reason: 'BestWindowNow',
  },
  {
    name: 'a gain within the tolerance is not worth waiting for',
    data: usable(halfHours([300, 300, 280, 280])),
    admit: true,
    reason: 'BestWindowNow',
  },
  {
    name: 'past the latest start: runs whatever the grid',
    data: usable(halfHours([400, 400, 50, 50])),
    job: { queuedAt: T0 - 4 * H + 20 * M },
    admit: true,
    reason: 'DeadlineReached',
  },
  {
    name: 'healthy source without a forecast: runs now',
    data: usable([]),
    admit: true,
    reason: 'NoForecast',
  },
  {
    name: 'source down, runAnyway: admitted, saying why',
    data: down,
    admit: true,
    reason: 'SourceUnavailable',
    message: /circuit breaker open after 3 consecutive failures\); failureMode runAnyway/,
  },
  {
    name: 'source down, wait: held until the latest start',
    data: down,
    params: { failureMode: 'wait' },
    admit: false,
    reason: 'SourceUnavailable',
    notBefore: T0 + 4 * H - 30 * M,
    message: /failureMode wait holds the job until/,
  },
  {
    name: 'source down, wait, latest start reached: admitted by the deadline',
    data: down,
    params: { failureMode: 'wait' },
    now: T0 + 4 * H - 30 * M,
    admit: true,
    reason: 'DeadlineReached',
  },
  {
    name: 'a job longer than its whole deferral starts at once',
    data: usable(halfHours([400, 400, 50, 50])),
    durationMs: 5 * H,
    admit: true,
    reason: 'DeadlineReached',
  },
  {
    name: 'short deadline (1m20s, 1m job): waits for the cleaner minute before its latest start',
    data: usable([...seconds(4, 400), ...seconds(12, 50, T0 + 40_000)]),
    params: { maxDeferralMs: 80_000 },
    durationMs: 60_000,
    admit: false,
    reason: 'Deferred',
    notBefore: T0 + 20_000,
  },
  {
    name: 'short deadline, at the latest start: runs though the grid is still dirty',
    data: usable([...seconds(4, 400), ...seconds(12, 50, T0 + 40_000)]),
    params: { maxDeferralMs: 80_000 },
    durationMs: 60_000,
    now: T0 + 20_000,
    admit: true,
    reason: 'DeadlineReached',
  },
];

describe('decideAdmission', () => {
  it.each(cases)('$name', (c) => {
    const input: AdmissionInput = {
      job: job(c.job),
      params: params(c.params),
      expectedDurationMs: c.durationMs ?? 30 * M,
      data: c.data,
      now: c.now ?? T0,
      ...(c.forcedBy ? { forcedBy: c.forcedBy } : {}),
    };
    const a = decideAdmission(input);
    expect({ admit: a.admit, reason: a.reason }).toEqual({ admit: c.admit, reason: c.reason });
    expect(a.notBefore).toBe(c.notBefore);
    if (c.expectedIntensity !== undefined) expect(a.expectedIntensity).toBeCloseTo(c.expectedIntensity, 6);
    if (c.expectedIntensityNow !== undefined)
      expect(a.expectedIntensityNow).toBeCloseTo(c.expectedIntensityNow, 6);
    if (c.message) expect(a.message).toMatch(c.message);
    const maxDeferral = input.params.maxDeferralMs;
    expect(a.deadline).toBe(input.job.queuedAt + maxDeferral);
    expect(a.latestStart).toBe(
      Math.max(input.job.queuedAt, input.job.queuedAt + maxDeferral - input.expectedDurationMs),
    );
    // Never deferred past the latest start.
    if (!a.admit) expect(a.notBefore!).toBeLessThanOrEqual(a.latestStart);
  });
});
