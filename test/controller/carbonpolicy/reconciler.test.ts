/**
 * The CarbonPolicy reconciler against real provider fakes on 127.0.0.1, with the Kubernetes side in memory (the
 * writer applies merge patches to the cached policy as the apiserver would). The end-to-end test on the real
 * control plane is test/e2e/carbonpolicy.e2e.test.ts.
 */
import type { CoreV1Event, V1Secret } from '@kubernetes/client-node';
import { apply } from 'json-merge-patch';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CarbonPolicy, CarbonPolicySpec } from '../../../src/api/v1alpha1/index.js';
import { CarbonPolicyReconciler } from '../../../src/controller/carbonpolicy/reconciler.js';
import { createControllerMetrics } from '../../../src/controller/metrics.js';
import {
  type ElectricityMapsFake,
  pointsFrom,
  startElectricityMapsFake,
  startUkFake,
  type UkFake,
} from '../../fakes/carbon/index.js';

const NS = 'ci';
const HALF = 30 * 60_000;
const TOKEN = 'em-token-very-secret-0001';
let clock: number;
let uk: UkFake;
let em: ElectricityMapsFake;

beforeEach(async () => {
  clock = Date.UTC(2026, 10, 25, 12, 10);
  uk = await startUkFake({ now: () => clock });
  em = await startElectricityMapsFake({ token: TOKEN, now: () => clock });
});
afterEach(async () => {
  await uk.close();
  await em.close();
});

function env(spec: Partial<CarbonPolicySpec>, secrets: Record<string, V1Secret> = {}) {
  const policy: CarbonPolicy & { metadata: { generation: number; uid: string } } = {
    apiVersion: 'ai-ci.dev/v1alpha1',
    kind: 'CarbonPolicy',
    metadata: { name: 'grid', namespace: NS, generation: 1, uid: 'uid-1' },
    spec: {
      source: { ukCarbonIntensity: { apiUrl: uk.url } },
      threshold: 200,
      maxDeferral: '4h',
      defaultJobDuration: '30m',
      refreshInterval: '5m',
      circuitBreaker: { failureThreshold: 2, openDuration: '10m' },
      ...spec,
    },
  };
  const patches: Record<string, unknown>[] = [];
  const events: CoreV1Event[] = [];
  const woken: string[] = [];
  const metrics = createControllerMetrics();
  const pools = [
    {
      metadata: { name: 'gpu', namespace: NS },
      spec: { carbonPolicyRef: { name: 'grid' } },
      status: { deferredJobs: 2 },
    },
    {
      metadata: { name: 'cpu', namespace: NS },
      spec: { carbonPolicyRef: { name: 'grid' } },
      status: { deferredJobs: 1 },
    },
  ];
  const state = { policy: policy as CarbonPolicy | undefined };
  const reconciler = new CarbonPolicyReconciler({
    caches: { policy: () => state.policy, poolsOf: () => pools },
    writer: {
      readSecret: async (_ns, name) => secrets[name],
      patchStatus: async (_ns, _name, patch) => {
        patches.push(patch);
        state.policy = {
          ...state.policy!,
          status: apply(structuredClone(state.policy!.status ?? {}), patch),
        };
      },
      createEvent: async (_ns, e) => {
        events.push(e);
      },
    },
    metrics,
    now: () => clock,
    http: { retries: 0, timeoutMs: 2_000 },
    onDataChanged: (ns, pool) => woken.push(`${ns}/${pool}`),
  });
  return { state, reconciler, patches, events, woken, metrics };
}

const status = (e: ReturnType<typeof env>) => e.state.policy!.status!;
const cond = (e: ReturnType<typeof env>, type: string) => status(e).conditions?.find((c) => c.type === type);

describe('CarbonPolicyReconciler', () => {
  it('fetches, writes status, wakes the pools, and requeues at the refresh interval', async () => {
    const e = env({});
    uk.setIntensity(300);
    const start = Math.floor(clock / HALF) * HALF;
    uk.setForecast(pointsFrom(start, HALF, [300, 280, 120, 90, 250]));
    const r = await e.reconciler.reconcile(`${NS}/grid`);
    expect(r.requeueAfterMs).toBe(5 * 60_000);
    expect(status(e)).toMatchObject({
      observedGeneration: 1,
      currentIntensity: 300,
      lowCarbon: false,
      forecastOrigin: 'provider-forecast',
      deferredJobs: 3,
      nextWindow: { start: '2026-11-25T13:30:00Z', end: '2026-11-25T14:00:00Z', expectedIntensity: 90 },
      source: { type: 'ukCarbonIntensity', healthy: true, breakerState: 'closed', consecutiveFailures: 0 },
    });
    expect(cond(e, 'Ready')).toMatchObject({ status: 'True', reason: 'DataCurrent' });
    expect(e.woken.sort()).toEqual(['ci/cpu', 'ci/gpu']);
    const text = await e.metrics.registry.metrics();
    expect(text).toContain('ai_ci_carbon_intensity_grams_per_kwh{namespace="ci",policy="grid"} 300');
    expect(text).toContain('ai_ci_carbon_deferred_jobs{namespace="ci",policy="grid"} 3');
    expect(text).toContain(
      'ai_ci_carbon_source_fetches_total{namespace="ci",policy="grid",result="success"} 1',
    );
    expect(text).toContain('ai_ci_carbon_breaker_state{namespace="ci",policy="grid",state="closed"} 1');

    // Nothing due, nothing changed: no request, no write, no wake-up.
    const requests = uk.requests.length;
    clock += 60_000;
    await e.reconciler.reconcile(`${NS}/grid`);
    expect(uk.requests.length).toBe(requests);
    expect(e.patches).toHaveLength(1);
    expect(e.woken).toHaveLength(2);

    // Due: fetched again; the grid got clean.
    clock += 4 * 60_000;
    uk.setIntensity(100);
    uk.setForecast([]);
    await e.reconciler.reconcile(`${NS}/grid`);
    expect(uk.requests.length).toBeGreaterThan(requests);
    expect(status(e)).toMatchObject({ currentIntensity: 100, lowCarbon: true });
    expect(e.patches).toHaveLength(2);
    expect(e.woken).toHaveLength(4);
  });

  it('opens the breaker after failureThreshold failures: condition, event, trial after openDuration', async () => {
    const e = env({});
    uk.failNext(2, 500);
    await e.reconciler.reconcile(`${NS}/grid`);
    expect(cond(e, 'SourceHealthy')).toMatchObject({ status: 'False', reason: 'FetchFailed' });
    expect(cond(e, 'SourceHealthy')!.message).toMatch(
      /HTTP 500 \(1 of 2 failures before the circuit breaker opens\)/,
    );
    expect(cond(e, 'Ready')).toMatchObject({ status: 'False', reason: 'SourceUnavailable' });
    expect(e.events).toHaveLength(0);

    clock += 5 * 60_000;
    const opened = clock;
    const r = await e.reconciler.reconcile(`${NS}/grid`);
    expect(cond(e, 'SourceHealthy')).toMatchObject({ status: 'False', reason: 'BreakerOpen' });
    expect(status(e).source).toMatchObject({ healthy: false, breakerState: 'open', consecutiveFailures: 2 });
    expect(status(e).source!.lastError).toMatch(/ukCarbonIntensity: GET \/intensity: HTTP 500/);
    expect(e.events.map((x) => [x.type, x.reason, x.involvedObject.kind, x.involvedObject.name])).toEqual([
      ['Warning', 'BreakerOpened', 'CarbonPolicy', 'grid'],
    ]);
    expect(r.requeueAfterMs).toBe(5 * 60_000); // the refresh (5m) comes before the trial (10m)

    // Open: the source is not called, even when a refresh is due; the next reconcile is at the trial.
    const requests = uk.requests.length;
    clock = opened + 5 * 60_000;
    const r2 = await e.reconciler.reconcile(`${NS}/grid`);
    expect(uk.requests.length).toBe(requests);
    expect(r2.requeueAfterMs).toBe(5 * 60_000);
    const text = await e.metrics.registry.metrics();
    expect(text).toContain('ai_ci_carbon_source_fetches_total{namespace="ci",policy="grid",result="http"} 2');
    expect(text).toContain(
      'ai_ci_carbon_source_fetches_total{namespace="ci",policy="grid",result="breaker_open"} 1',
    );
    expect(text).toContain('ai_ci_carbon_breaker_state{namespace="ci",policy="grid",state="open"} 1');
    expect(text).toContain(
      'ai_ci_carbon_source_healthy{namespace="ci",policy="grid",source="ukCarbonIntensity"} 0',
    );

    // The trial, openDuration after opening, succeeds: closed, and an event says so.
    clock = opened + 10 * 60_000;
    await e.reconciler.reconcile(`${NS}/grid`);
    expect(uk.requests.length).toBeGreaterThan(requests);
    expect(cond(e, 'SourceHealthy')).toMatchObject({ status: 'True', reason: 'FetchSucceeded' });
    expect(e.events.map((x) => x.reason)).toEqual(['BreakerOpened', 'BreakerClosed']);
  });

  it('reads the token from the Secret and never shows it; a refused token is Unauthorized', async () => {
    const secret = (token: string): V1Secret => ({
      data: { 'auth-token': Buffer.from(token).toString('base64') },
    });
    em.setIntensity(250);
    em.setHistory(pointsFrom(Date.UTC(2026, 10, 24, 12), 3_600_000, Array(24).fill(250)));
    const spec: Partial<CarbonPolicySpec> = {
      source: { electricityMaps: { zone: 'DE', tokenSecretRef: { name: 'em' }, apiUrl: em.url } },
    };
    const good = env(spec, { em: secret(TOKEN) });
    await good.reconciler.reconcile(`${NS}/grid`);
    expect(em.requests.at(-1)!.headers['auth-token']).toBe(TOKEN);
    expect(status(good)).toMatchObject({ currentIntensity: 250, forecastOrigin: 'history-forecast' });

    const wrong = 'em-token-wrong-but-secret-0002';
    const bad = env(spec, { em: secret(wrong) });
    await bad.reconciler.reconcile(`${NS}/grid`);
    expect(cond(bad, 'SourceHealthy')).toMatchObject({ status: 'False', reason: 'Unauthorized' });
    const text = JSON.stringify({
      status: status(bad),
      events: bad.events,
      metrics: await bad.metrics.registry.metrics(),
    });
    expect(text).not.toContain(wrong);
    expect(text).not.toContain(TOKEN);

    const missing = env(spec, {});
    await missing.reconciler.reconcile(`${NS}/grid`);
    expect(cond(missing, 'SourceHealthy')).toMatchObject({ status: 'False', reason: 'SecretNotFound' });
    expect(cond(missing, 'SourceHealthy')!.message).toBe(
      'spec.source.electricityMaps.tokenSecretRef: Secret ci/em not found',
    );
    const gateView = await missing.reconciler.data(NS, 'grid');
    expect(gateView.data).toEqual({
      usable: false,
      why: 'spec.source.electricityMaps.tokenSecretRef: Secret ci/em not found',
    });
    expect(gateView.params?.failureMode).toBe('runAnyway');
  });

  it('serves the gate before the first reconcile with one fetch', async () => {
    const e = env({});
    uk.setIntensity(150);
    const [a, b] = await Promise.all([e.reconciler.data(NS, 'grid'), e.reconciler.data(NS, 'grid')]);
    expect(a.data.usable).toBe(true);
    expect(b.data.usable).toBe(true);
    expect(uk.requests.filter((r) => r.path === '/intensity')).toHaveLength(1);
  });

  it('a new generation is applied at once; a new source is fetched at once', async () => {
    const e = env({});
    uk.setIntensity(300);
    await e.reconciler.reconcile(`${NS}/grid`);
    expect(status(e)).toMatchObject({ observedGeneration: 1, lowCarbon: false });
    const bump = (spec: Partial<CarbonPolicySpec>) => {
      const p = e.state.policy!;
      const generation = (p.metadata as unknown as { generation: number }).generation + 1;
      e.state.policy = {
        ...p,
        metadata: { ...p.metadata, generation } as CarbonPolicy['metadata'],
        spec: { ...p.spec, ...spec },
      };
    };
    // Only the threshold: same client, same reading, new status.
    const requests = uk.requests.length;
    bump({ threshold: 400 });
    await e.reconciler.reconcile(`${NS}/grid`);
    expect(uk.requests.length).toBe(requests);
    expect(status(e)).toMatchObject({ observedGeneration: 2, lowCarbon: true });
    // Another region: a new client, fetched now.
    bump({ source: { ukCarbonIntensity: { apiUrl: uk.url, regionId: 13 } } });
    await e.reconciler.reconcile(`${NS}/grid`);
    expect(uk.requests.slice(requests).map((r) => r.path)).toContain('/regional/regionid/13');
    expect(status(e)).toMatchObject({ observedGeneration: 3 });
  });

  it('a deleted policy loses its state and metric series', async () => {
    const e = env({});
    await e.reconciler.reconcile(`${NS}/grid`);
    expect(await e.metrics.registry.metrics()).toContain(
      'ai_ci_carbon_intensity_grams_per_kwh{namespace="ci",policy="grid"}',
    );
    e.state.policy = undefined;
    await e.reconciler.reconcile(`${NS}/grid`);
    expect(await e.metrics.registry.metrics()).not.toContain(
      'ai_ci_carbon_intensity_grams_per_kwh{namespace="ci",policy="grid"}',
    );
  });
});
