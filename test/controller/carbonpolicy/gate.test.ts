import { describe, expect, it } from 'vitest';
import type { CarbonPolicy } from '../../../src/api/v1alpha1/index.js';
import type { GateJob } from '../../../src/carbon/gate.js';
import type { PolicyData } from '../../../src/controller/carbonpolicy/admission.js';
import {
  type GatePool,
  PolicyGate,
  type PolicyGateOptions,
} from '../../../src/controller/carbonpolicy/gate.js';
import { type PolicyParams, resolvePolicyParams } from '../../../src/controller/carbonpolicy/params.js';
import { createControllerMetrics } from '../../../src/controller/metrics.js';
import { H, halfHours, M, T0 } from './readings.js';

const NS = 'ci';

function policy(annotations?: Record<string, string>): CarbonPolicy {
  return {
    apiVersion: 'ai-ci.dev/v1alpha1',
    kind: 'CarbonPolicy',
    metadata: { name: 'grid', namespace: NS, ...(annotations ? { annotations } : {}) },
    spec: {
      source: { ukCarbonIntensity: {} },
      threshold: 200,
      maxDeferral: '4h',
      defaultJobDuration: '30m',
      // Jobs here are known to take at most 30 min (the default, 6h, would not defer unknown jobs at a 4h deadline).
      maxJobDuration: '30m',
      tolerancePercent: 10,
    },
  };
}

function pool(
  name: string,
  over: Partial<GatePool['spec']> = {},
  annotations?: Record<string, string>,
): GatePool {
  return {
    metadata: { name, namespace: NS, ...(annotations ? { annotations } : {}) },
    spec: { carbonPolicyRef: { name: 'grid' }, ...over },
  };
}

/** A gate over an in-memory world whose data the test changes. */
function world(over: Partial<PolicyGateOptions> = {}) {
  const w = {
    policies: new Map<string, CarbonPolicy>([['grid', policy()]]),
    pools: new Map<string, GatePool>([
      [
        'gpu',
        pool('gpu', {
          template: { resources: { limits: { 'nvidia.com/gpu': 1, cpu: '8', memory: '32Gi' } } },
        }),
      ],
    ]),
    params: resolvePolicyParams(policy().spec) as PolicyParams | undefined,
    data: { usable: true, forecast: halfHours([300, 300, 80, 80, 300, 300, 300, 300]) } as PolicyData,
    dataCalls: 0,
    metrics: createControllerMetrics(),
  };
  const gate = new PolicyGate({
    lookup: {
      policy: (_ns, name) => w.policies.get(name),
      pool: (_ns, name) => w.pools.get(name),
      poolsOf: () => [...w.pools.values()],
      data: async () => {
        w.dataCalls++;
        return w.params
          ? { params: w.params, data: w.data }
          : { data: w.data, invalid: 'spec.threshold: bad' };
      },
    },
    metrics: w.metrics,
    ...over,
  });
  return { w, gate };
}

const job = (id: number, over: Partial<GateJob> = {}): GateJob => ({
  jobId: id,
  repository: 'octo-org/app',
  workflowName: 'CI',
  jobName: 'train',
  labels: ['self-hosted', 'gpu'],
  queuedAt: T0,
  ...over,
});
const ref = { namespace: NS, name: 'grid', pool: 'gpu' };

async function metric(w: ReturnType<typeof world>['w'], name: string) {
  const json = await w.metrics.registry.getMetricsAsJSON();
  return (json.find((m) => m.name === name)?.values ?? []) as {
    value: number;
    labels: object;
    metricName?: string;
  }[];
}

describe('PolicyGate', () => {
  it('answers every job in order, deferring dirty-now jobs to the window', async () => {
    const { gate } = world();
    const d = await gate.decide(
      ref,
      [job(1), job(2, { labels: ['self-hosted', 'gpu'], headBranch: 'main' })],
      T0,
    );
    expect(d).toHaveLength(2);
    expect(d.map((x) => [x.admit, x.reason, x.notBefore])).toEqual([
      [false, 'Deferred', T0 + H],
      [false, 'Deferred', T0 + H],
    ]);
    expect(d[0]!.deadline).toBe(T0 + 4 * H);
    expect(d[0]!.expectedIntensity).toBe(80);
    expect(gate.deferredCount(NS, 'grid')).toBe(2);
  });

  it('a missing policy holds nothing back', async () => {
    const { gate } = world();
    const d = await gate.decide({ namespace: NS, name: 'nope', pool: 'gpu' }, [job(1)], T0);
    expect(d).toEqual([expect.objectContaining({ admit: true, reason: 'PolicyNotFound' })]);
  });

  it('an unusable spec holds nothing back', async () => {
    const { w, gate } = world();
    w.params = undefined;
    const d = await gate.decide(ref, [job(1)], T0);
    expect(d[0]).toMatchObject({ admit: true, reason: 'InvalidPolicy' });
    expect(d[0]!.message).toContain('spec.threshold: bad');
  });

  it.each([
    ['the RunnerPool', 'pool'],
    ['the CarbonPolicy', 'policy'],
  ])('the force-run annotation on %s admits at once', async (_what, where) => {
    const { w, gate } = world();
    if (where === 'pool') w.pools.set('gpu', pool('gpu', {}, { 'ai-ci.dev/force-run': 'true' }));
    else w.policies.set('grid', policy({ 'ai-ci.dev/force-run': 'true' }));
    const [d] = await gate.decide(ref, [job(1)], T0);
    expect(d).toMatchObject({ admit: true, reason: 'ForcedRun' });
    expect(d!.message).toContain(where === 'pool' ? 'RunnerPool ci/gpu' : 'CarbonPolicy ci/grid');
  });

  it("another pool's annotation does not force this pool's jobs", async () => {
    const { w, gate } = world();
    w.pools.set('other', pool('other', {}, { 'ai-ci.dev/force-run': 'true' }));
    const [d] = await gate.decide(ref, [job(1)], T0);
    expect(d).toMatchObject({ admit: false, reason: 'Deferred' });
  });

  it('re-decides when the data changes, then keeps an admitted job admitted', async () => {
    const { w, gate } = world();
    expect((await gate.decide(ref, [job(1)], T0))[0]!.admit).toBe(false);
    // The grid got clean early: the same job is admitted on the next ask.
    w.data = { usable: true, forecast: halfHours([90, 90, 300, 300], T0 + 10 * M) };
    const [now] = await gate.decide(ref, [job(1)], T0 + 10 * M);
    expect(now).toMatchObject({ admit: true, reason: 'LowCarbon' });
    // The forecast turns dirty again: the runner may be starting; the admission stands.
    w.data = { usable: true, forecast: halfHours([400, 400, 50, 50], T0 + 11 * M) };
    const [later] = await gate.decide(ref, [job(1)], T0 + 11 * M);
    expect(later).toMatchObject({ admit: true, reason: 'LowCarbon' });
    // A new job is still judged on the new data.
    const [fresh] = await gate.decide(ref, [job(2, { queuedAt: T0 + 11 * M })], T0 + 11 * M);
    expect(fresh).toMatchObject({ admit: false, reason: 'Deferred' });
  });

  it('measures deferral and the carbon it avoided from the pool resources', async () => {
    const { w, gate } = world();
    await gate.decide(ref, [job(1)], T0);
    // At the planned start the window is here: 80 g/kWh instead of the 300 of the first ask.
    w.data = { usable: true, forecast: halfHours([80, 80, 300, 300], T0 + H) };
    const [d] = await gate.decide(ref, [job(1)], T0 + H);
    expect(d).toMatchObject({ admit: true, reason: 'LowCarbon' });
    const hist = await metric(w, 'ai_ci_carbon_deferral_seconds');
    expect(hist.find((v) => v.metricName === 'ai_ci_carbon_deferral_seconds_sum')).toMatchObject({
      value: 3600,
      labels: { namespace: NS, policy: 'grid', reason: 'LowCarbon' },
    });
    // 1 GPU (300 W) + 8 cores (32 W) + 32 GiB (12.544 W) for the default 30 min, 220 g/kWh cleaner.
    const watts = 300 + 32 + 32 * 0.392;
    const avoided = await metric(w, 'ai_ci_carbon_avoided_grams_total');
    expect(avoided[0]!.value).toBeCloseTo((watts / 1000) * 0.5 * 220, 6);
    expect(await metric(w, 'ai_ci_carbon_added_grams_total')).toEqual([]);
    // Asking again (the runner is starting) counts nothing twice.
    await gate.decide(ref, [job(1)], T0 + H + M);
    const again = await metric(w, 'ai_ci_carbon_avoided_grams_total');
    expect(again[0]!.value).toBeCloseTo((watts / 1000) * 0.5 * 220, 6);
  });

  it('a deadline start dirtier than the first ask counts as added carbon', async () => {
    const { w, gate } = world();
    await gate.decide(ref, [job(1)], T0);
    w.data = { usable: true, forecast: halfHours([500, 500], T0 + 3.5 * H) };
    const [d] = await gate.decide(ref, [job(1)], T0 + 3.5 * H);
    expect(d).toMatchObject({ admit: true, reason: 'DeadlineReached' });
    expect((await metric(w, 'ai_ci_carbon_added_grams_total'))[0]!.value).toBeGreaterThan(0);
    expect(await metric(w, 'ai_ci_carbon_avoided_grams_total')).toEqual([]);
  });

  it('a job admitted at once is observed with 0 s of deferral', async () => {
    const { w, gate } = world();
    w.data = { usable: true, forecast: halfHours([100, 100]) };
    await gate.decide(ref, [job(1)], T0);
    const hist = await metric(w, 'ai_ci_carbon_deferral_seconds');
    expect(hist.find((v) => v.metricName === 'ai_ci_carbon_deferral_seconds_count')).toMatchObject({
      value: 1,
    });
    expect(hist.find((v) => v.metricName === 'ai_ci_carbon_deferral_seconds_sum')).toMatchObject({
      value: 0,
    });
  });

  it('learned durations move the latest start', async () => {
    const { w, gate } = world();
    w.data = { usable: false, why: 'breaker open' };
    w.params = { ...w.params!, failureMode: 'wait' };
    // Unknown job: maxJobDuration (and default) 30 min, so held until 3h30m after queueing.
    expect((await gate.decide(ref, [job(1)], T0))[0]!.notBefore).toBe(T0 + 3.5 * H);
    // Five runs of 1h30m teach the gate: the longest + 50% + 5 min = 2h20m, held until 1h40m after queueing.
    for (let i = 0; i < 5; i++)
      gate.observeRun({ repository: 'octo-org/app', workflowName: 'CI', jobName: 'train' }, 90 * 60_000);
    expect((await gate.decide(ref, [job(2)], T0))[0]!.notBefore).toBe(T0 + 100 * M);
    // A job never seen is planned as long as the longest known one (never shorter than maxJobDuration).
    expect((await gate.decide(ref, [job(3, { jobName: 'lint' })], T0))[0]!.notBefore).toBe(T0 + 100 * M);
    // With five short runs of its own (4 min: planned 11 min), it is planned with them.
    for (let i = 0; i < 5; i++)
      gate.observeRun({ repository: 'octo-org/app', workflowName: 'CI', jobName: 'lint' }, 4 * 60_000);
    expect((await gate.decide(ref, [job(4, { jobName: 'lint' })], T0))[0]!.notBefore).toBe(
      T0 + 4 * H - 11 * M,
    );
    // With the CRD's maxJobDuration (6h) a job with too little history cannot be held at a 4h deadline: it could
    // run 6h, so it starts at once; once learned, the same job is held.
    w.params = { ...w.params!, maxJobDurationMs: 6 * H };
    const [unknown] = await gate.decide(ref, [job(5, { jobName: 'docs' })], T0);
    expect(unknown).toMatchObject({ admit: true, reason: 'DeadlineReached' });
    expect((await gate.decide(ref, [job(6)], T0))[0]!.notBefore).toBe(T0 + 100 * M);
  });

  it('forgets jobs not asked about for two hours past their latest start', async () => {
    const { w, gate } = world();
    await gate.decide(ref, [job(1)], T0);
    expect(gate.deferredCount(NS, 'grid')).toBe(1);
    // Job 1 (latest start T0 + 3h30m) unasked at T0 + 5h: still remembered.
    w.data = { usable: true, forecast: halfHours([300, 300, 80, 80, 300], T0 + 5 * H) };
    await gate.decide(ref, [job(2, { queuedAt: T0 + 5 * H })], T0 + 5 * H);
    expect(gate.deferredCount(NS, 'grid')).toBe(2);
    // At T0 + 6h it is gone; job 2 was asked an hour ago and stays.
    w.data = { usable: true, forecast: halfHours([300, 300, 80, 80, 300], T0 + 6 * H) };
    await gate.decide(ref, [job(3, { queuedAt: T0 + 6 * H })], T0 + 6 * H);
    expect(gate.deferredCount(NS, 'grid')).toBe(2);
    gate.forgetPolicy(NS, 'grid');
    expect(gate.deferredCount(NS, 'grid')).toBe(0);
  });

  it('mode Observe: admits at once what Enforce defers, counts it once, and says what Enforce would have done', async () => {
    const observedBy: string[] = [];
    const { w, gate } = world({ onObserved: (ns, p) => observedBy.push(`${ns}/${p}`) });
    w.params = { ...w.params!, mode: 'Observe' };
    const [d] = await gate.decide(ref, [job(7)], T0);
    expect(d).toMatchObject({ admit: true, reason: 'Observed', expectedIntensity: 300 });
    expect(d!.message).toMatch(/^Observe mode: Enforce would defer job 7 \(Deferred: .*\); it starts now$/);
    expect(gate.deferredCount(NS, 'grid')).toBe(0);
    // Asked again (every reconcile): still admitted, counted once.
    const [again] = await gate.decide(ref, [job(7)], T0 + 60_000);
    expect(again).toMatchObject({ admit: true, reason: 'Observed' });
    expect(gate.observedDeferrals(NS, 'grid', T0 + 60_000)).toEqual({ count: 1, latest: d!.message });
    expect(observedBy).toEqual([`${NS}/grid`]);
    expect((await metric(w, 'ai_ci_carbon_observed_deferrals_total')).map((v) => v.value)).toEqual([1]);
    // 1 GPU + 8 cores + 32 GiB for the 30 min default, 300 → 80 g/kWh.
    const [grams] = await metric(w, 'ai_ci_carbon_observed_avoidable_grams_total');
    expect(grams!.value).toBeCloseTo(((300 + 8 * 4 + 32 * 0.392) / 1000) * 0.5 * (300 - 80), 6);
    // Nothing was deferred, so nothing was avoided for real.
    expect(await metric(w, 'ai_ci_carbon_avoided_grams_total')).toEqual([]);
    // An observed deferral counts for 24 hours.
    expect(gate.observedDeferrals(NS, 'grid', T0 + 24 * H + 1).count).toBe(0);
  });

  it('mode Observe admits what Enforce admits without counting it', async () => {
    const { w, gate } = world();
    w.params = { ...w.params!, mode: 'Observe' };
    w.data = { usable: true, forecast: halfHours([80, 80, 80, 80, 80, 80, 80, 80]) };
    const [d] = await gate.decide(ref, [job(8)], T0);
    expect(d).toMatchObject({ admit: true, reason: 'LowCarbon' });
    expect(gate.observedDeferrals(NS, 'grid', T0)).toEqual({ count: 0 });
  });
});
