/**
 * Traces end to end (issue 19): the controller, serving a job on the local cluster (real kube-apiserver, scheduler,
 * kwok nodes) for the GitHub fake, exports its job trace to a real Jaeger v2 over OTLP/HTTP; the test reads the
 * trace back through Jaeger's query API (api/v3) and checks its shape: the github-job root, the phases in order,
 * the carbon decision on carbon-deferred, and the CLI spans of workflow steps joined through AI_CI_JOB_ID and
 * TRACEPARENT. Then Jaeger stops, and the controller keeps serving jobs while it counts the spans it drops.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CarbonGate, GateJob } from '../../src/carbon/gate.js';
import type { Manager } from '../../src/controller/manager.js';
import { JOB_PHASES } from '../../src/controller/tracing.js';
import { jobSpanId, jobTraceId, traceparentOf } from '../../src/telemetry/index.js';
import { RunnerPoolEnv } from '../controller/support/runnerpool-env.js';
import {
  flattenTrace,
  type OtlpTracesData,
  type RunningJaeger,
  startJaeger,
  type TraceSpan,
  waitForTrace,
} from './cluster/jaeger.js';
import { adminKubeConfig, installCrds, repoRoot, useNamespace, waitFor } from './setup/kube.js';

const ns = useNamespace('trace');
let env: RunnerPoolEnv;
let jaeger: RunningJaeger | undefined;
let skip: string | undefined;
let manager: Manager;

/** Defers every job until `openAt` (the planned window), then admits it. */
let openAt = Number.POSITIVE_INFINITY;
const gate: CarbonGate = {
  async decide(_policy, jobs: readonly GateJob[], now) {
    return jobs.map((j) =>
      now >= openAt
        ? { admit: true, reason: 'LowCarbon', message: 'the planned window has come', expectedIntensity: 95 }
        : {
            admit: false,
            reason: 'Deferred',
            message: 'waiting for a cleaner window',
            notBefore: openAt,
            deadline: j.queuedAt + 3_600_000,
            expectedIntensity: 95,
          },
    );
  },
};

const ms = (s: TraceSpan, end = false) =>
  Number(BigInt(end ? s.endTimeUnixNano : s.startTimeUnixNano) / 1_000_000n);

/** The `ai-ci` CLI as a workflow step runs it, in a process of its own, with the step's environment. */
function cliStep(args: string[], env: Record<string, string>): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', path.join(repoRoot, 'src/runner-image/cli/main.ts'), ...args],
      { env: { ...process.env, ...env }, stdio: ['ignore', 'ignore', 'inherit'] },
    );
    child.on('error', reject);
    child.on('exit', (code) => resolve(code ?? -1));
  });
}

/** Jaeger's trace search (api/v3 FindTraces): the controller's traces with an operation, in a time window. */
async function findTraces(queryUrl: string, operation: string, fromMs: number): Promise<TraceSpan[]> {
  const q = new URLSearchParams({
    'query.service_name': 'ai-ci-controller',
    'query.operation_name': operation,
    'query.start_time_min': new Date(fromMs).toISOString(),
    'query.start_time_max': new Date(Date.now() + 60_000).toISOString(),
    'query.num_traces': '1000',
  });
  const res = await fetch(`${queryUrl}/api/v3/traces?${q}`);
  if (res.status === 404) return [];
  if (!res.ok) throw new Error(`Jaeger FindTraces: HTTP ${res.status} ${await res.text()}`);
  return flattenTrace(((await res.json()) as { result?: OtlpTracesData }).result ?? {});
}

async function metric(m: Manager, pattern: RegExp): Promise<number> {
  const text = await (await fetch(`http://127.0.0.1:${m.ports.metrics}/metrics`)).text();
  let sum = 0;
  for (const line of text.split('\n')) if (pattern.test(line)) sum += Number(line.split(' ').at(-1));
  return sum;
}

beforeAll(async () => {
  const started = await startJaeger();
  if ('skip' in started) {
    skip = started.skip;
    return;
  }
  jaeger = started;
  const kc = adminKubeConfig();
  await installCrds(kc);
  env = new RunnerPoolEnv(kc, ns.name);
  await env.start();
  manager = await env.startManager({
    gate,
    tracing: {
      url: jaeger.otlpTracesUrl,
      serviceName: 'ai-ci-controller',
      maxQueueSize: 2048,
      maxExportBatchSize: 512,
      scheduledDelayMillis: 200,
      exportTimeoutMillis: 2_000,
    },
  });
  env.startRunnerPlayer();
}, 120_000);

afterAll(async () => {
  await env?.stop();
  await jaeger?.stop();
});

describe('job traces in Jaeger', () => {
  it('a deferred job served on the cluster is one trace: root, phases in order, carbon decision, the CLI step joined', async (ctx) => {
    if (skip) return ctx.skip(skip);
    const j = jaeger as RunningJaeger;
    await env.createPool({ name: 'traced', labels: ['traced-gpu'], carbonPolicy: 'uk-grid' });
    openAt = Date.now() + 3_000;
    const job = await env.fake.queueJob({ labels: ['traced-gpu'] });
    const pod = await waitFor(
      'runner Pod after the window opens',
      async () => (await env.pods('traced'))[0],
      {
        timeoutMs: 30_000,
      },
    );
    const runner = await waitFor('runner online', async () => {
      const r = env.runnerByName(pod.metadata!.name!);
      return r?.status === 'online' ? r : undefined;
    });
    await env.fake.takeJob(runner.id, job.id);

    // A workflow step: `ai-ci perf analyze` with the job id from ${{ job.check_run_id }}.
    const peers = path.join(repoRoot, 'test/fixtures/perf/peers/google-benchmark');
    const code = await cliStep(
      [
        'perf',
        'analyze',
        path.join(peers, 'test1_run2.json'),
        '--baseline',
        path.join(peers, 'test1_run1.json'),
        '--no-model',
      ],
      { OTEL_EXPORTER_OTLP_ENDPOINT: j.otlpHttpEndpoint, AI_CI_JOB_ID: String(job.id) },
    );
    expect([0, 1]).toContain(code);
    // Another step, started by a tool that passes W3C trace context itself: TRACEPARENT wins over AI_CI_JOB_ID.
    const running = traceparentOf(jobTraceId(job.id), jobSpanId(job.id, 'running'));
    const code2 = await cliStep(
      ['carbon', 'track', '--powercap-root', '/nonexistent', '--no-gpu', '--intensity', '300', '--', 'true'],
      { OTEL_EXPORTER_OTLP_ENDPOINT: j.otlpHttpEndpoint, TRACEPARENT: running, AI_CI_JOB_ID: '1' },
    );
    expect(code2).toBe(0);
    await env.fake.finishJob(job.id, 'success');

    const traceId = jobTraceId(job.id);
    const spans = await waitForTrace(j.queryUrl, traceId, {
      until: (s) =>
        s.some((x) => x.spanId === jobSpanId(job.id, 'job')) &&
        s.some((x) => x.name === 'ai-ci perf analyze') &&
        s.some((x) => x.name === 'ai-ci carbon track') &&
        JOB_PHASES.every((p) => s.some((x) => x.name === p)),
      timeoutMs: 30_000,
    });
    // One trace, each phase once (raw: a span exported twice would show twice).
    const root = spans.filter((s) => s.spanId === jobSpanId(job.id, 'job'));
    expect(root).toHaveLength(1);
    expect(root[0]).toMatchObject({ parentSpanId: '', service: 'ai-ci-controller' });
    expect(root[0]!.name).toMatch(/^github-job/);
    expect(root[0]!.attributes).toMatchObject({
      'cicd.pipeline.task.run.id': job.id,
      'cicd.pipeline.task.run.result': 'success',
      'cicd.worker.name': pod.metadata!.name!,
      'vcs.repository.name': 'octo-org/app',
    });
    // Each phase once, under the root, in order: each starts when (or after) the one before it ended. Two phases
    // may both be empty at one instant (GitHub's and Kubernetes' timestamps have whole seconds), so the order is
    // checked on the times, not by sorting.
    const phases = JOB_PHASES.map((name) => {
      const found = spans.filter((s) => s.name === name);
      expect(found, name).toHaveLength(1);
      return found[0]!;
    });
    for (let i = 0; i < phases.length; i++) {
      expect(phases[i]!.parentSpanId).toBe(jobSpanId(job.id, 'job'));
      expect(ms(phases[i]!, true)).toBeGreaterThanOrEqual(ms(phases[i]!));
      if (i > 0) expect(ms(phases[i]!)).toBeGreaterThanOrEqual(ms(phases[i - 1]!, true));
    }
    expect(ms(phases[0]!)).toBeGreaterThanOrEqual(ms(root[0]!));
    expect(ms(phases.at(-2)!, true)).toBeLessThanOrEqual(ms(root[0]!, true)); // running ends with the job
    const deferred = phases.find((s) => s.name === 'carbon-deferred')!;
    expect(deferred.attributes).toMatchObject({
      'ai_ci.carbon.policy': 'uk-grid',
      'ai_ci.carbon.decision': 'defer',
      'ai_ci.carbon.reason': 'Deferred',
      'ai_ci.carbon.forecast_start': new Date(openAt).toISOString(),
      'ai_ci.carbon.release_reason': 'LowCarbon',
    });
    // GitHub's created_at has whole seconds: the deadline is queued + 1 h to the second.
    const deadline = Date.parse(String(deferred.attributes['ai_ci.carbon.deadline']));
    expect(Math.abs(deadline - (job.createdAt + 3_600_000))).toBeLessThan(1_000);
    expect(ms(deferred, true)).toBeGreaterThanOrEqual(openAt - 5);
    // The workflow step's span is a child of the job's running span.
    const cli = spans.find((s) => s.name === 'ai-ci perf analyze')!;
    expect(cli.parentSpanId).toBe(jobSpanId(job.id, 'running'));
    expect(cli.service).not.toBe('ai-ci-controller');
    expect(spans.find((s) => s.name === 'ai-ci carbon track')?.parentSpanId).toBe(
      jobSpanId(job.id, 'running'),
    );
    expect(await metric(manager, /^ai_ci_trace_spans_total\{result="exported"/)).toBeGreaterThan(0);

    // The reconciles that acted on the job are traces of their own, linked to it; the runner creation they started
    // has the GitHub and Kubernetes calls as children.
    const linksJob = (s: TraceSpan) => s.links.some((l) => l.traceId === traceId);
    const reconciles = await findTraces(j.queryUrl, 'reconcile RunnerPool', job.createdAt - 60_000);
    expect(reconciles.filter((s) => s.name === 'reconcile RunnerPool' && linksJob(s)).length).toBeGreaterThan(
      0,
    );
    const creations = (await findTraces(j.queryUrl, 'create runner', job.createdAt - 60_000)).filter(
      (s) => s.name === 'create runner' && linksJob(s),
    );
    expect(creations).toHaveLength(1);
    const creation = creations[0]!;
    const calls = (await waitForTrace(j.queryUrl, creation.traceId))
      .filter((s) => s.parentSpanId === creation.spanId)
      .map((s) => s.name);
    expect(calls).toEqual(
      expect.arrayContaining([
        'github POST /repos/{owner}/{repo}/actions/runners/generate-jitconfig',
        'kubernetes POST /api/v1/namespaces/{namespace}/secrets',
        'kubernetes POST /api/v1/namespaces/{namespace}/pods',
      ]),
    );
  }, 120_000);

  it('with the collector stopped the controller keeps reconciling and counts the spans it drops', async (ctx) => {
    if (skip) return ctx.skip(skip);
    await jaeger!.stop();
    const dropped = await metric(manager, /^ai_ci_trace_spans_total\{result="dropped"/);
    openAt = 0; // admit at once
    await env.createPool({ name: 'untraced', labels: ['untraced-gpu'], carbonPolicy: 'uk-grid' });
    await env.fake.queueJob({ labels: ['untraced-gpu'] });
    await waitFor('a runner Pod with the collector down', async () => (await env.pods('untraced'))[0], {
      timeoutMs: 20_000,
    });
    await waitFor(
      'dropped spans counted',
      async () =>
        (await metric(manager, /^ai_ci_trace_spans_total\{result="dropped"/)) > dropped ? true : undefined,
      { timeoutMs: 20_000 },
    );
  }, 60_000);
});
