/**
 * CarbonPolicy end to end, on the local control plane: the Manager and the CarbonPolicy controller run in-process,
 * wired as the controller binary wires them (withCarbonPolicies), against the GitHub fake and fake intensity
 * sources on 127.0.0.1. A pool behind a policy
 * (a) defers a queued job while the served intensity is high (no runner Pod, deferredJobs 1, lowCarbon false),
 * (b) runs it when the intensity drops,
 * (c) runs it at its deadline when the intensity never drops in time (a file trace whose clean hours come after
 *     the job's latest start),
 * (d) runs jobs while the source is down (breaker open, failureMode runAnyway), and the policy status says why,
 * (e) in mode Observe defers nothing on a high-intensity grid, yet status, metrics and an Event say what Enforce
 *     would have done.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { CoreV1Api, CustomObjectsApi, type KubeConfig } from '@kubernetes/client-node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type CarbonPolicy,
  type CarbonPolicySpec,
  RESOURCES,
  type RunnerPool,
} from '../../src/api/v1alpha1/index.js';
import { type ControllerSet, withCarbonPolicies } from '../../src/controller/carbonpolicy/wiring.js';
import { jsonLogger } from '../../src/controller/main.js';
import { RunnerPoolEnv, sleep, WEBHOOK_SECRET } from '../controller/support/runnerpool-env.js';
import { startUkFake, type UkFake } from '../fakes/carbon/index.js';
import { adminKubeConfig, installCrds, useNamespace, waitFor } from './setup/kube.js';

const ns = useNamespace('cp');
const HALF_HOUR = 30 * 60_000;
let kc: KubeConfig;
let env: RunnerPoolEnv;
let controllers: ControllerSet;
let uk: UkFake;
let ukDown: UkFake;
let ukObserve: UkFake;
let traceDir: string;
let custom: CustomObjectsApi;

beforeAll(async () => {
  kc = adminKubeConfig();
  custom = kc.makeApiClient(CustomObjectsApi);
  await installCrds(kc);
  env = new RunnerPoolEnv(kc, ns.name);
  await env.start();
  uk = await startUkFake();
  ukDown = await startUkFake();
  ukObserve = await startUkFake();
  traceDir = await mkdtemp(path.join(tmpdir(), 'ai-ci-cp-e2e-'));
  controllers = withCarbonPolicies(
    {
      kubeConfig: kc,
      namespaces: [ns.name],
      webhook: { secret: WEBHOOK_SECRET, port: 0, host: '127.0.0.1' },
      host: '127.0.0.1',
      metricsPort: 0,
      leaderElection: false,
      resyncIntervalMs: 2_000,
      githubListTtlMs: 300,
      workers: 2,
      retry: { baseDelayMs: 100, maxDelayMs: 2_000 },
      shutdownTimeoutMs: 5_000,
      ...(process.env.AI_CI_E2E_LOG ? { logger: jsonLogger(process.env.AI_CI_E2E_LOG as 'debug') } : {}),
    },
    {
      // The CRD's refreshInterval minimum is 30 s; the test polls every second.
      maxRefreshIntervalMs: 1_000,
      http: { retries: 0, timeoutMs: 2_000 },
      retry: { baseDelayMs: 100, maxDelayMs: 2_000 },
    },
  );
  env.managers.push(controllers.manager); // env.stop() kills it
  await controllers.start();
  env.fake.setWebhook({
    url: `http://127.0.0.1:${controllers.manager.ports.webhook}/webhooks/github`,
    secret: WEBHOOK_SECRET,
  });
});

afterAll(async () => {
  await env?.stop();
  await uk?.close();
  await ukDown?.close();
  await ukObserve?.close();
  if (traceDir) await rm(traceDir, { recursive: true, force: true });
});

async function createPolicy(
  name: string,
  spec: Partial<CarbonPolicySpec> & Pick<CarbonPolicySpec, 'source'>,
) {
  const body: CarbonPolicy = {
    apiVersion: 'ai-ci.dev/v1alpha1',
    kind: 'CarbonPolicy',
    metadata: { name, namespace: ns.name },
    // maxJobDuration: the test's jobs take at most a minute (the default, 6h, holds no job without history).
    spec: {
      threshold: 200,
      refreshInterval: '30s',
      defaultJobDuration: '1m',
      maxJobDuration: '1m',
      tolerancePercent: 10,
      ...spec,
    },
  };
  await custom.createNamespacedCustomObject({ ...RESOURCES.CarbonPolicy, namespace: ns.name, body });
}

async function getPolicy(name: string): Promise<CarbonPolicy> {
  return (await custom.getNamespacedCustomObject({
    ...RESOURCES.CarbonPolicy,
    namespace: ns.name,
    name,
  })) as CarbonPolicy;
}

async function createPool(name: string, label: string, policy: string) {
  const pool: RunnerPool = env.pool({ name, labels: [label], gpus: 1 });
  pool.spec.carbonPolicyRef = { name: policy };
  await custom.createNamespacedCustomObject({ ...RESOURCES.RunnerPool, namespace: ns.name, body: pool });
}

const condition = (p: CarbonPolicy, type: string) => p.status?.conditions?.find((c) => c.type === type);

/** One sample of a metric series from the shared registry, matched by labels. */
async function sample(metricName: string, labels: Record<string, string>): Promise<number | undefined> {
  const json = await controllers.manager.metrics.registry.getMetricsAsJSON();
  for (const m of json) {
    for (const v of m.values as { value: number; labels: Record<string, unknown>; metricName?: string }[]) {
      const name = v.metricName ?? m.name;
      if (name === metricName && Object.entries(labels).every(([k, x]) => String(v.labels[k]) === x))
        return v.value;
    }
  }
  return undefined;
}

describe('CarbonPolicy on the control plane', () => {
  it('(a) defers a queued job while the intensity is high, (b) runs it when the intensity drops', async () => {
    // High now and for the next hour; a clean window after that.
    const halfHour = Math.floor(Date.now() / HALF_HOUR) * HALF_HOUR;
    uk.setIntensity(300, 300);
    uk.setForecast([
      { start: halfHour - HALF_HOUR, end: halfHour + 2 * HALF_HOUR, value: 300 },
      { start: halfHour + 2 * HALF_HOUR, end: halfHour + 100 * HALF_HOUR, value: 60 },
    ]);
    await createPolicy('uk', { source: { ukCarbonIntensity: { apiUrl: uk.url } }, maxDeferral: '4h' });
    const ready = await waitFor('policy uk Ready', async () => {
      const p = await getPolicy('uk');
      return condition(p, 'Ready')?.status === 'True' ? p : undefined;
    });
    expect(ready.status).toMatchObject({
      currentIntensity: 300,
      lowCarbon: false,
      forecastOrigin: 'provider-forecast',
      source: { type: 'ukCarbonIntensity', healthy: true, breakerState: 'closed' },
      nextWindow: { expectedIntensity: 60 },
    });
    expect(condition(ready, 'SourceHealthy')).toMatchObject({ status: 'True', reason: 'FetchSucceeded' });

    await createPool('defer', 'cp-defer', 'uk');
    await env.fake.queueJob({ labels: ['self-hosted', 'cp-defer'], workflowName: 'CI', jobName: 'train' });

    const deferredPool = await waitFor('pool defer: deferredJobs 1', async () => {
      const p = await env.getPool('defer');
      return p.status?.deferredJobs === 1 ? p : undefined;
    });
    expect(deferredPool.status?.queuedJobs).toBe(1);
    await waitFor(
      'policy uk: deferredJobs 1',
      async () => (await getPolicy('uk')).status?.deferredJobs === 1,
    );
    // Several reconciles later (resync every 2 s, policy refresh every 1 s), still no runner.
    await sleep(4_000);
    expect(await env.pods('defer')).toHaveLength(0);
    expect(await env.secrets('defer')).toHaveLength(0);
    expect((await getPolicy('uk')).status).toMatchObject({ lowCarbon: false, deferredJobs: 1 });
    expect(await sample('ai_ci_carbon_deferred_jobs', { namespace: ns.name, policy: 'uk' })).toBe(1);

    // (b) The grid gets clean: the next fetch admits the job and the pool creates its runner.
    uk.setIntensity(100, 100);
    uk.setForecast([]);
    const pod = await waitFor('runner Pod of pool defer', async () => (await env.pods('defer'))[0], {
      timeoutMs: 15_000,
    });
    expect(pod.metadata?.ownerReferences?.[0]).toMatchObject({ kind: 'RunnerPool', name: 'defer' });
    const clean = await waitFor('policy uk: lowCarbon, nothing deferred', async () => {
      const p = await getPolicy('uk');
      return p.status?.lowCarbon === true && p.status.deferredJobs === 0 ? p : undefined;
    });
    expect(clean.status?.currentIntensity).toBe(100);
    expect((await env.getPool('defer')).status?.deferredJobs).toBe(0);
    expect(
      await sample('ai_ci_carbon_deferral_seconds_count', {
        namespace: ns.name,
        policy: 'uk',
        reason: 'LowCarbon',
      }),
    ).toBe(1);
    // 1 GPU runner for the 1m default duration, 300 → 100 g/kWh: a small but positive saving.
    expect(
      await sample('ai_ci_carbon_avoided_grams_total', { namespace: ns.name, policy: 'uk' }),
    ).toBeGreaterThan(0);
    expect(await sample('ai_ci_carbon_intensity_grams_per_kwh', { namespace: ns.name, policy: 'uk' })).toBe(
      100,
    );
  });

  it('(c) runs a job at its deadline when the intensity never drops in time', async () => {
    // A trace in 10 s steps: dirty (400) until 35 s from now, clean after. With maxDeferral 1m20s and a 1 min
    // job, the latest start is 20 s after queueing, before the clean part: the job waits for it, then runs on
    // the dirty grid because its deadline says so.
    const file = path.join(traceDir, 'grid.json');
    const writeTrace = async (t: number) => {
      const points = [];
      for (let s = t - 10 * 60_000; s < t + 2 * 3_600_000; s += 10_000) {
        points.push({ start: s, end: s + 10_000, value: s < t + 35_000 ? 400 : 50 });
      }
      await writeFile(file, JSON.stringify(points));
    };
    await writeTrace(Math.floor(Date.now() / 1000) * 1000);
    // Tolerance 0 and a threshold the clean window's mean stays above: only the deadline can start the job.
    await createPolicy('trace', {
      source: { file: { path: file } },
      maxDeferral: '1m20s',
      threshold: 100,
      tolerancePercent: 0,
    });
    await waitFor(
      'policy trace Ready',
      async () => condition(await getPolicy('trace'), 'Ready')?.status === 'True',
    );
    await createPool('deadline', 'cp-deadline', 'trace');
    // Anchored at the queueing: the file source re-reads the file when it changes.
    await writeTrace(Math.floor(Date.now() / 1000) * 1000);
    const job = await env.fake.queueJob({ labels: ['self-hosted', 'cp-deadline'] });
    const queuedAt = job.createdAt - (job.createdAt % 1000); // GitHub's created_at has whole seconds

    await waitFor(
      'pool deadline: deferredJobs 1',
      async () => (await env.getPool('deadline')).status?.deferredJobs === 1,
    );
    await waitFor('15 s after queueing', async () => Date.now() >= queuedAt + 15_000, { timeoutMs: 20_000 });
    expect(await env.pods('deadline')).toHaveLength(0);

    const pod = await waitFor('runner Pod at the deadline', async () => (await env.pods('deadline'))[0], {
      timeoutMs: 20_000,
    });
    const admittedAt = Date.now();
    expect(admittedAt).toBeGreaterThanOrEqual(queuedAt + 19_000);
    expect(pod.metadata?.ownerReferences?.[0]).toMatchObject({ name: 'deadline' });
    // Still the dirty part of the trace when it started.
    const p = await getPolicy('trace');
    expect(p.status).toMatchObject({ currentIntensity: 400, lowCarbon: false });
    expect(
      await sample('ai_ci_carbon_deferral_seconds_count', {
        namespace: ns.name,
        policy: 'trace',
        reason: 'DeadlineReached',
      }),
    ).toBe(1);
  });

  it('(d) with the source down, jobs run (breaker open) and the policy status says why', async () => {
    ukDown.failNext(100_000, 500);
    await createPolicy('down', {
      source: { ukCarbonIntensity: { apiUrl: ukDown.url } },
      maxDeferral: '4h',
      circuitBreaker: { failureThreshold: 2, openDuration: '10m' },
    });
    const open = await waitFor(
      'policy down: breaker open',
      async () => {
        const p = await getPolicy('down');
        return condition(p, 'SourceHealthy')?.reason === 'BreakerOpen' ? p : undefined;
      },
      { timeoutMs: 20_000 },
    );
    expect(condition(open, 'SourceHealthy')).toMatchObject({ status: 'False', reason: 'BreakerOpen' });
    expect(condition(open, 'SourceHealthy')?.message).toMatch(
      /^circuit breaker open after 2 consecutive failed fetches; next trial fetch at .*; last error: ukCarbonIntensity: GET \/intensity: HTTP 500$/,
    );
    expect(condition(open, 'Ready')).toMatchObject({ status: 'False', reason: 'SourceUnavailable' });
    expect(condition(open, 'Ready')?.message).toContain('failureMode runAnyway: queued jobs start at once');
    expect(open.status?.source).toMatchObject({
      type: 'ukCarbonIntensity',
      healthy: false,
      breakerState: 'open',
      consecutiveFailures: 2,
    });
    expect(open.status?.lowCarbon).toBeUndefined();

    // The event is written beside the status, not before it: wait for it rather than read the list once (a run of
    // CI saw the status first and an empty list).
    const opened = await waitFor(
      'policy down: BreakerOpened event',
      async () => {
        const events = await kc.makeApiClient(CoreV1Api).listNamespacedEvent({ namespace: ns.name });
        const mine = events.items.filter(
          (e) => e.involvedObject.kind === 'CarbonPolicy' && e.involvedObject.name === 'down',
        );
        return mine.length > 0 ? mine : undefined;
      },
      { timeoutMs: 10_000 },
    );
    expect(opened.map((e) => [e.type, e.reason])).toEqual([['Warning', 'BreakerOpened']]);

    // The breaker is open: the job is not held back.
    const requestsBefore = ukDown.requests.length;
    await createPool('fallback', 'cp-fallback', 'down');
    await env.fake.queueJob({ labels: ['self-hosted', 'cp-fallback'] });
    await waitFor('runner Pod while the source is down', async () => (await env.pods('fallback'))[0], {
      timeoutMs: 15_000,
    });
    expect(
      await sample('ai_ci_carbon_deferral_seconds_count', {
        namespace: ns.name,
        policy: 'down',
        reason: 'SourceUnavailable',
      }),
    ).toBe(1);
    // And the dead API is not hammered meanwhile.
    expect(ukDown.requests.length).toBe(requestsBefore);
    expect(
      await sample('ai_ci_carbon_breaker_state', { namespace: ns.name, policy: 'down', state: 'open' }),
    ).toBe(1);
  });

  it('(e) mode Observe: a high-intensity grid defers nothing, yet status, metrics and an Event say what Enforce would have done', async () => {
    // The grid of (a): high now and for an hour, clean after; Enforce would hold the job back.
    const halfHour = Math.floor(Date.now() / HALF_HOUR) * HALF_HOUR;
    ukObserve.setIntensity(300, 300);
    ukObserve.setForecast([
      { start: halfHour - HALF_HOUR, end: halfHour + 2 * HALF_HOUR, value: 300 },
      { start: halfHour + 2 * HALF_HOUR, end: halfHour + 100 * HALF_HOUR, value: 60 },
    ]);
    await createPolicy('observe', {
      source: { ukCarbonIntensity: { apiUrl: ukObserve.url } },
      maxDeferral: '4h',
      mode: 'Observe',
    });
    await waitFor('policy observe Ready', async () =>
      condition(await getPolicy('observe'), 'Ready')?.status === 'True' ? true : undefined,
    );
    await createPool('observed', 'cp-observe', 'observe');
    const job = await env.fake.queueJob({
      labels: ['self-hosted', 'cp-observe'],
      workflowName: 'CI',
      jobName: 'train',
    });

    // Not deferred: the runner comes at once.
    await waitFor('runner Pod of pool observed', async () => (await env.pods('observed'))[0], {
      timeoutMs: 15_000,
    });
    expect((await env.getPool('observed')).status?.deferredJobs ?? 0).toBe(0);
    // What Enforce would have done: status, metrics, an Event.
    const p = await waitFor('policy observe: observedDeferrals 1', async () => {
      const x = await getPolicy('observe');
      return x.status?.observedDeferrals === 1 ? x : undefined;
    });
    expect(p.status).toMatchObject({ deferredJobs: 0, lowCarbon: false });
    // (Written beside the status: waited for, as in (d).)
    const would = await waitFor('policy observe: WouldDefer event', async () => {
      const events = await kc.makeApiClient(CoreV1Api).listNamespacedEvent({ namespace: ns.name });
      const mine = events.items.filter(
        (e) =>
          e.involvedObject.kind === 'CarbonPolicy' &&
          e.involvedObject.name === 'observe' &&
          e.reason === 'WouldDefer',
      );
      return mine.length > 0 ? mine : undefined;
    });
    expect(would).toHaveLength(1);
    expect(would[0]!.message).toMatch(
      new RegExp(
        `^1 job in the last 24 h would have been deferred by Enforce; latest: Observe mode: Enforce would defer job ${job.id} \\(`,
      ),
    );
    const json = await controllers.manager.metrics.registry.getMetricsAsJSON();
    const observed = json.find((m) => m.name === 'ai_ci_carbon_observed_deferrals_total')!;
    expect(
      (observed.values as { value: number; labels: Record<string, unknown> }[])
        .filter((v) => v.labels.policy === 'observe')
        .reduce((n, v) => n + v.value, 0),
    ).toBe(1);
    // 1 GPU runner, 1 min, 300 → 60 g/kWh: what the deferral would have saved.
    expect(
      await sample('ai_ci_carbon_observed_avoidable_grams_total', { namespace: ns.name, policy: 'observe' }),
    ).toBeGreaterThan(0);
    expect(
      await sample('ai_ci_carbon_avoided_grams_total', { namespace: ns.name, policy: 'observe' }),
    ).toBeUndefined();
  });
});
