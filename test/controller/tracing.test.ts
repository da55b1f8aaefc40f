import { once } from 'node:events';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { JOB_PHASES, JobTraces, routeTemplate, traceHttpCalls } from '../../src/controller/tracing.js';
import type { QueuedJob } from '../../src/github/types.js';
import { jobSpanId, jobTraceId, startTracing, type Tracing } from '../../src/telemetry/index.js';
import { type Collector, collectedSpans, collector as startCollector } from '../support/otlp.js';

const T0 = Date.parse('2026-12-01T10:00:00Z');
const MIN = 60_000;

let collector: Collector;
const spans = () => collectedSpans(collector.bodies);
let tracing: Tracing;
const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

async function setup(): Promise<void> {
  collector = await startCollector();
  tracing = startTracing({
    url: `${collector.url}/v1/traces`,
    serviceName: 'ai-ci-controller',
    maxQueueSize: 1000,
    maxExportBatchSize: 100,
    scheduledDelayMillis: 10,
    exportTimeoutMillis: 2000,
  });
  cleanups.push(
    () => collector.close(),
    () => tracing.shutdown(),
  );
}

function job(over: Partial<QueuedJob> = {}): QueuedJob {
  return {
    id: 9001,
    runId: 77,
    repository: 'acme/models',
    workflowName: 'train',
    jobName: 'gpu-tests',
    labels: ['self-hosted', 'ubuntu-latest-gpu'],
    queuedAt: T0,
    status: 'queued',
    ...over,
  };
}

describe('JobTraces', () => {
  it('exports one trace per job: queued → carbon-deferred → runner-requested → pod-scheduled → running → completed under the root', async () => {
    await setup();
    let now = T0;
    const traces = new JobTraces({
      tracing,
      now: () => now,
      recording: () => true,
      podOf: (pool, runner) =>
        pool === 'ci/gpu' && runner === 'gpu-abc12'
          ? { createdAt: T0 + 60 * MIN + 1000, scheduledAt: T0 + 60 * MIN + 5000 }
          : undefined,
    });
    const j = job();
    const defer = {
      admit: false,
      reason: 'Deferred',
      message: 'waiting for a cleaner window',
      notBefore: T0 + 60 * MIN,
      deadline: T0 + 120 * MIN,
      expectedIntensity: 123.45,
    };
    now = T0 + 10_000;
    traces.gateDecided(j, 'green', 'ci/gpu', defer, now);
    now = T0 + 20_000;
    traces.gateDecided(j, 'green', 'ci/gpu', defer, now); // asked again: no new span
    now = T0 + 60 * MIN;
    traces.gateDecided(j, 'green', 'ci/gpu', { admit: true, reason: 'LowCarbon', message: 'clean now' }, now);
    traces.runnerRequested('gpu-abc12', 'ci/gpu', j, now);
    now = T0 + 61 * MIN;
    traces.jobStarted(
      { ...j, status: 'in_progress', runnerName: 'gpu-abc12', startedAt: T0 + 61 * MIN },
      'ci/gpu',
    );
    now = T0 + 91 * MIN;
    traces.jobCompleted(
      {
        ...j,
        status: 'completed',
        runnerName: 'gpu-abc12',
        startedAt: T0 + 61 * MIN,
        completedAt: T0 + 90 * MIN,
        conclusion: 'success',
      },
      'ci/gpu',
    );
    await tracing.forceFlush();

    const trace = spans().filter((s) => s.traceId === jobTraceId(9001));
    expect(trace).toHaveLength(7);
    const root = trace.find((s) => s.spanId === jobSpanId(9001, 'job'));
    expect(root).toMatchObject({ name: 'github-job gpu-tests', startMs: T0, endMs: T0 + 90 * MIN });
    expect(root?.parentSpanId).toBeUndefined();
    expect(root?.attributes).toMatchObject({
      'cicd.pipeline.task.run.id': 9001,
      'cicd.pipeline.run.id': 77,
      'vcs.repository.name': 'acme/models',
      'cicd.pipeline.task.run.result': 'success',
      'cicd.worker.name': 'gpu-abc12',
      'ai_ci.pool': 'ci/gpu',
    });
    const phases = trace.filter((s) => s !== root).sort((a, b) => a.startMs - b.startMs || a.endMs - b.endMs);
    expect(phases.map((s) => s.name)).toEqual([...JOB_PHASES]);
    for (const p of phases) {
      expect(p.parentSpanId).toBe(root?.spanId);
      expect(p.spanId).toBe(jobSpanId(9001, p.name));
    }
    const byName = Object.fromEntries(phases.map((s) => [s.name, s]));
    expect(byName.queued).toMatchObject({ startMs: T0, endMs: T0 + 10_000 });
    expect(byName['carbon-deferred']).toMatchObject({ startMs: T0 + 10_000, endMs: T0 + 60 * MIN });
    expect(byName['carbon-deferred']?.attributes).toMatchObject({
      'ai_ci.carbon.policy': 'green',
      'ai_ci.carbon.decision': 'defer',
      'ai_ci.carbon.reason': 'Deferred',
      'ai_ci.carbon.forecast_start': new Date(T0 + 60 * MIN).toISOString(),
      'ai_ci.carbon.deadline': new Date(T0 + 120 * MIN).toISOString(),
      'ai_ci.carbon.expected_intensity_gco2_per_kwh': 123.5,
      'ai_ci.carbon.release_reason': 'LowCarbon',
    });
    expect(byName['runner-requested']).toMatchObject({ startMs: T0 + 60 * MIN, endMs: T0 + 60 * MIN + 5000 });
    expect(byName['pod-scheduled']).toMatchObject({ startMs: T0 + 60 * MIN + 5000, endMs: T0 + 61 * MIN });
    expect(byName.running).toMatchObject({ startMs: T0 + 61 * MIN, endMs: T0 + 90 * MIN });
    expect(byName.completed).toMatchObject({ startMs: T0 + 90 * MIN, endMs: T0 + 91 * MIN });
  });

  it('records the admission on the queued span when nothing was deferred, and marks a failed job', async () => {
    await setup();
    let now = T0 + 2000;
    const traces = new JobTraces({ tracing, now: () => now, recording: () => true });
    const j = job({ id: 5 });
    traces.gateDecided(j, 'green', 'ci/gpu', { admit: true, reason: 'LowCarbon', message: 'clean' }, now);
    traces.runnerRequested('gpu-x', 'ci/gpu', j, now);
    now = T0 + 3 * MIN;
    traces.jobStarted({ ...j, runnerName: 'gpu-x', startedAt: T0 + 3 * MIN }, 'ci/gpu');
    traces.jobCompleted(
      { ...j, runnerName: 'gpu-x', startedAt: T0 + 3 * MIN, completedAt: now, conclusion: 'failure' },
      'ci/gpu',
    );
    await tracing.forceFlush();
    const names = spans()
      .map((s) => s.name)
      .sort();
    expect(names).toEqual(
      ['completed', 'github-job gpu-tests', 'queued', 'runner-requested', 'running'].sort(),
    );
    const queued = spans().find((s) => s.name === 'queued');
    expect(queued?.attributes).toMatchObject({
      'ai_ci.carbon.decision': 'admit',
      'ai_ci.carbon.reason': 'LowCarbon',
    });
    expect(spans().find((s) => s.name === 'running')?.status?.code).toBe(2);
  });

  it('records nothing on a replica that is not leading', async () => {
    await setup();
    const traces = new JobTraces({ tracing, now: () => T0, recording: () => false });
    const j = job();
    traces.gateDecided(j, 'p', 'ci/gpu', { admit: false, reason: 'Deferred', message: '' }, T0);
    traces.runnerRequested('gpu-y', 'ci/gpu', j, T0);
    traces.jobStarted({ ...j, runnerName: 'gpu-y', startedAt: T0 }, 'ci/gpu');
    traces.jobCompleted(
      { ...j, runnerName: 'gpu-y', startedAt: T0, completedAt: T0, conclusion: 'success' },
      'ci/gpu',
    );
    await tracing.forceFlush();
    expect(spans()).toHaveLength(0);
  });
});

describe('reconcile spans and HTTP call spans', () => {
  it('makes calls made inside a reconcile span its children, links it to jobs, and ignores calls outside', async () => {
    await setup();
    const api = createServer((req, res) => res.writeHead(req.url?.includes('missing') ? 404 : 200).end('{}'));
    api.listen(0, '127.0.0.1');
    await once(api, 'listening');
    cleanups.push(() => new Promise<void>((r) => api.close(() => r())));
    const base = `http://127.0.0.1:${(api.address() as AddressInfo).port}`;
    cleanups.push(traceHttpCalls(tracing, base));
    const traces = new JobTraces({ tracing, now: Date.now, recording: () => true });
    await fetch(`${base}/api/v1/pods`).then((r) => r.text()); // outside: no span
    await traces.reconcileSpan('reconcile RunnerPool', { 'ai_ci.runnerpool': 'gpu' }, async (span) => {
      span.addLinks(JobTraces.links([42]));
      await fetch(`${base}/api/v1/namespaces/ci/pods/gpu-abc12`).then((r) => r.text());
      await fetch(`${base}/api/v1/namespaces/ci/secrets/missing`, { method: 'DELETE' }).then((r) => r.text());
    });
    await expect(
      traces.reconcileSpan('reconcile RunnerPool', {}, async () => {
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    await tracing.forceFlush();
    const reconciles = spans().filter((s) => s.name === 'reconcile RunnerPool');
    expect(reconciles).toHaveLength(2);
    const [ok, failed] =
      reconciles[0]?.status?.code === 2 ? [reconciles[1], reconciles[0]] : [reconciles[0], reconciles[1]];
    expect(failed?.status).toMatchObject({ code: 2, message: 'boom' });
    expect(ok?.links).toEqual([{ traceId: jobTraceId(42), spanId: jobSpanId(42, 'job') }]);
    const calls = spans().filter((s) => s.attributes['ai_ci.peer'] !== undefined);
    expect(calls.map((s) => s.name).sort()).toEqual([
      'kubernetes DELETE /api/v1/namespaces/{namespace}/secrets/{name}',
      'kubernetes GET /api/v1/namespaces/{namespace}/pods/{name}',
    ]);
    for (const c of calls) expect(c.parentSpanId).toBe(ok?.spanId);
    expect(
      calls.find((c) => c.name.startsWith('kubernetes DELETE'))?.attributes['http.response.status_code'],
    ).toBe(404);
  });

  it.each([
    ['/api/v1/namespaces/ci/pods/gpu-abc12', '/api/v1/namespaces/{namespace}/pods/{name}'],
    ['/api/v1/namespaces/ci/pods?fieldManager=x', '/api/v1/namespaces/{namespace}/pods'],
    [
      '/apis/ai-ci.dev/v1alpha1/namespaces/ci/runnerpools/gpu/status',
      '/apis/ai-ci.dev/v1alpha1/namespaces/{namespace}/runnerpools/{name}/status',
    ],
    ['/repos/acme/models/actions/runners/42', '/repos/{owner}/{repo}/actions/runners/{id}'],
    ['/orgs/acme/actions/runners/generate-jitconfig', '/orgs/{org}/actions/runners/generate-jitconfig'],
  ])('routeTemplate(%s)', (path, want) => {
    expect(routeTemplate(path)).toBe(want);
  });
});
