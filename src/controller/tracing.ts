/**
 * Traces of CI jobs and of the controller's own work, exported through `telemetry/` when tracing is on.
 *
 * One trace per GitHub job (its id derived from the job id, so every replica, restart and redelivery adds to the
 * same trace): a root span `github-job` with, in order, `queued` → `carbon-deferred` (only when the CarbonPolicy
 * held it; decision, forecast start and deadline as attributes) → `runner-requested` → `pod-scheduled` →
 * `running` → `completed`. Each phase span is exported when it ends, by the leader only; phase span ids are
 * derived too, so a phase re-emitted after a restart keeps its id. Every RunnerPool reconcile is a span of its
 * own, linked to the job traces it acted on, with its GitHub and Kubernetes HTTP calls as child spans
 * (`traceHttpCalls`).
 */
import { subscribe, unsubscribe } from 'node:diagnostics_channel';
import {
  type Attributes,
  context,
  type Link,
  type Span,
  SpanKind,
  SpanStatusCode,
  trace,
} from '@opentelemetry/api';
import type { GateDecision } from '../carbon/gate.js';
import type { QueuedJob } from '../github/types.js';
import { jobContext, jobSpanId, jobTraceId, type Tracing } from '../telemetry/index.js';

/** Phases of a job trace, in order; also the names of their spans. */
export const JOB_PHASES = [
  'queued',
  'carbon-deferred',
  'runner-requested',
  'pod-scheduled',
  'running',
  'completed',
] as const;
export type JobPhase = (typeof JOB_PHASES)[number];
export type TraceSpan = Span;

/** What the Pod cache knows of a runner's Pod, for the `runner-requested` and `pod-scheduled` spans. */
export interface RunnerPodTimes {
  createdAt?: number;
  scheduledAt?: number;
}

interface JobState {
  queuedAt: number;
  deferredFrom?: number;
  deferral?: Attributes;
  requestedAt?: number;
  pool?: string;
  emitted: Set<JobPhase>;
  /** End of the last phase exported: the next starts no earlier (GitHub and Kubernetes timestamps have whole
   *  seconds, which would otherwise make consecutive phases overlap by up to a second). */
  cursor?: number;
}

const iso = (ms: number | undefined) => (ms === undefined ? undefined : new Date(ms).toISOString());

function decisionAttributes(policy: string, d: GateDecision): Attributes {
  const a: Attributes = {
    'ai_ci.carbon.policy': policy,
    'ai_ci.carbon.decision': d.admit ? 'admit' : 'defer',
    'ai_ci.carbon.reason': d.reason,
    'ai_ci.carbon.message': d.message,
  };
  const notBefore = iso(d.notBefore);
  const deadline = iso(d.deadline);
  if (notBefore) a['ai_ci.carbon.forecast_start'] = notBefore;
  if (deadline) a['ai_ci.carbon.deadline'] = deadline;
  if (d.expectedIntensity !== undefined)
    a['ai_ci.carbon.expected_intensity_gco2_per_kwh'] = Math.round(d.expectedIntensity * 10) / 10;
  return a;
}

function jobAttributes(job: QueuedJob): Attributes {
  const a: Attributes = {
    'cicd.pipeline.task.run.id': job.id,
    'cicd.pipeline.run.id': job.runId,
    'vcs.repository.name': job.repository,
    'ai_ci.job.labels': job.labels.join(','),
  };
  if (job.workflowName) a['cicd.pipeline.name'] = job.workflowName;
  if (job.jobName) a['cicd.pipeline.task.name'] = job.jobName;
  if (job.runnerName) a['cicd.worker.name'] = job.runnerName;
  if (job.conclusion) a['cicd.pipeline.task.run.result'] = job.conclusion;
  return a;
}

export interface JobTracesOptions {
  tracing: Tracing;
  now: () => number;
  /** Whether this replica records (the leader only: every replica sees the webhooks). */
  recording: () => boolean;
  /** The runner Pod of a job's runner, from the Pod cache. */
  podOf?: (pool: string | undefined, runner: string) => RunnerPodTimes | undefined;
  /** Jobs followed at most (oldest forgotten first); default 50,000. */
  maxJobs?: number;
}

export class JobTraces {
  private readonly jobs = new Map<number, JobState>();
  /** runner name → when the controller asked for it and for which job. */
  private readonly runners = new Map<string, { requestedAt: number; forJob?: number; pool: string }>();
  private readonly maxJobs: number;

  constructor(private readonly o: JobTracesOptions) {
    this.maxJobs = o.maxJobs ?? 50_000;
  }

  get enabled(): boolean {
    return this.o.tracing.enabled;
  }

  private state(job: Pick<QueuedJob, 'id' | 'queuedAt'>): JobState {
    let s = this.jobs.get(job.id);
    if (!s) {
      s = { queuedAt: job.queuedAt, emitted: new Set() };
      this.jobs.set(job.id, s);
      if (this.jobs.size > this.maxJobs) {
        const oldest = this.jobs.keys().next().value;
        if (oldest !== undefined) this.jobs.delete(oldest);
      }
    }
    return s;
  }

  private emit(
    jobId: number,
    phase: JobPhase,
    start: number,
    end: number,
    attributes: Attributes = {},
    error?: string,
  ): void {
    const s = this.jobs.get(jobId);
    if (s?.emitted.has(phase)) return;
    s?.emitted.add(phase);
    if (s?.cursor !== undefined && start < s.cursor) start = s.cursor;
    if (end < start) end = start;
    if (s) s.cursor = end;
    const span = this.o.tracing.startSpanWithId(
      phase,
      jobSpanId(jobId, phase),
      { startTime: new Date(start), attributes: { 'cicd.pipeline.task.run.id': jobId, ...attributes } },
      jobContext(jobId),
    );
    if (error) span.setStatus({ code: SpanStatusCode.ERROR, message: error });
    span.end(new Date(end));
  }

  /** The carbon gate decided for a queued job (every reconcile asks again while it is deferred). */
  gateDecided(job: QueuedJob, policy: string, pool: string, d: GateDecision, now: number): void {
    if (!this.enabled || !this.o.recording()) return;
    const s = this.state(job);
    s.pool = pool;
    if (!d.admit) {
      if (s.deferredFrom === undefined) {
        s.deferredFrom = now;
        s.deferral = decisionAttributes(policy, d);
        this.emit(job.id, 'queued', s.queuedAt, now, { 'ai_ci.pool': pool });
      }
      return;
    }
    if (s.deferredFrom !== undefined) {
      this.emit(job.id, 'carbon-deferred', s.deferredFrom, now, {
        ...s.deferral,
        'ai_ci.carbon.release_reason': d.reason,
        'ai_ci.carbon.release_message': d.message,
      });
    } else {
      s.deferral = decisionAttributes(policy, d);
    }
  }

  /** The reconciler started creating a runner (for a job, or a warm one). */
  runnerRequested(
    runner: string,
    pool: string,
    job: Pick<QueuedJob, 'id' | 'queuedAt'> | undefined,
    now: number,
  ): void {
    if (!this.enabled || !this.o.recording()) return;
    const entry: { requestedAt: number; forJob?: number; pool: string } = { requestedAt: now, pool };
    if (job) entry.forJob = job.id;
    this.runners.set(runner, entry);
    if (this.runners.size > this.maxJobs) {
      const oldest = this.runners.keys().next().value;
      if (oldest !== undefined) this.runners.delete(oldest);
    }
    if (!job) return;
    const s = this.state(job);
    s.pool = pool;
    s.requestedAt ??= now;
    if (s.deferredFrom === undefined) {
      this.emit(job.id, 'queued', s.queuedAt, now, {
        'ai_ci.pool': pool,
        ...(s.deferral ?? {}),
      });
    }
  }

  /** A runner took the job (workflow_job in_progress). */
  jobStarted(job: QueuedJob, pool: string | undefined): void {
    if (!this.enabled || !this.o.recording()) return;
    const s = this.state(job);
    const startedAt = job.startedAt ?? this.o.now();
    const runner = job.runnerName;
    const asked = runner ? this.runners.get(runner) : undefined;
    const pod = runner ? this.o.podOf?.(pool ?? asked?.pool ?? s.pool, runner) : undefined;
    // The runner that took it was asked for when this job's or that runner's request came, not before the job.
    const requested = Math.max(
      s.queuedAt,
      s.requestedAt ?? asked?.requestedAt ?? pod?.createdAt ?? startedAt,
    );
    if (!s.emitted.has('queued') && s.deferredFrom === undefined)
      this.emit(job.id, 'queued', s.queuedAt, Math.min(requested, startedAt), s.deferral ?? {});
    const runnerAttrs: Attributes = {};
    if (runner) runnerAttrs['cicd.worker.name'] = runner;
    if (asked?.forJob !== undefined) runnerAttrs['ai_ci.runner.created_for_job'] = asked.forJob;
    if (pool ?? s.pool) runnerAttrs['ai_ci.pool'] = (pool ?? s.pool) as string;
    const scheduled = pod?.scheduledAt;
    if (scheduled !== undefined && scheduled <= startedAt) {
      this.emit(job.id, 'runner-requested', Math.min(requested, scheduled), scheduled, runnerAttrs);
      this.emit(job.id, 'pod-scheduled', scheduled, startedAt, runnerAttrs);
    } else {
      this.emit(job.id, 'runner-requested', Math.min(requested, startedAt), startedAt, runnerAttrs);
    }
  }

  /** The job ended (workflow_job completed): `running`, `completed` and the root span. */
  jobCompleted(job: QueuedJob, pool: string | undefined): void {
    if (!this.enabled || !this.o.recording()) {
      this.jobs.delete(job.id);
      return;
    }
    const s = this.state(job);
    const now = this.o.now();
    const completedAt = job.completedAt ?? now;
    const failed =
      job.conclusion && !['success', 'skipped', 'neutral'].includes(job.conclusion)
        ? `job ${job.conclusion}`
        : undefined;
    const attrs = jobAttributes(job);
    if (pool ?? s.pool) attrs['ai_ci.pool'] = (pool ?? s.pool) as string;
    if (job.startedAt !== undefined) this.emit(job.id, 'running', job.startedAt, completedAt, attrs, failed);
    this.emit(job.id, 'completed', completedAt, Math.max(completedAt, now), {
      'cicd.pipeline.task.run.result': job.conclusion ?? 'unknown',
    });
    const name = job.jobName ? `github-job ${job.jobName}` : 'github-job';
    const root = this.o.tracing.startRootSpanWithIds(name, jobTraceId(job.id), jobSpanId(job.id, 'job'), {
      startTime: new Date(s.queuedAt),
      attributes: attrs,
      kind: SpanKind.CONSUMER,
    });
    if (failed) root.setStatus({ code: SpanStatusCode.ERROR, message: failed });
    root.end(new Date(Math.max(completedAt, s.queuedAt)));
    this.jobs.delete(job.id);
    if (job.runnerName) this.runners.delete(job.runnerName);
  }

  /** Runs `fn` inside an active span (its HTTP calls become children); the span ends when `fn` settles. */
  reconcileSpan<T>(name: string, attributes: Attributes, fn: (span: Span) => Promise<T>): Promise<T> {
    return this.o.tracing.tracer.startActiveSpan(name, { attributes }, async (span) => {
      try {
        return await fn(span);
      } catch (err) {
        span.setStatus({
          code: SpanStatusCode.ERROR,
          message: err instanceof Error ? err.message : String(err),
        });
        throw err;
      } finally {
        span.end();
      }
    });
  }

  /** Links to the job traces a reconcile acted on (at most `max`). */
  static links(jobIds: Iterable<number>, max = 32): Link[] {
    const out: Link[] = [];
    for (const id of jobIds) {
      if (out.length >= max) break;
      out.push({
        context: { traceId: jobTraceId(id), spanId: jobSpanId(id, 'job'), traceFlags: 1, isRemote: true },
      });
    }
    return out;
  }
}

interface UndiciRequest {
  origin?: string | URL;
  method?: string;
  path?: string;
}

/**
 * A low-cardinality route for a span name: `/api/v1/namespaces/ci/pods/gpu-abc12` →
 * `/api/v1/namespaces/{namespace}/pods/{name}`, `/repos/o/r/actions/runners/42` →
 * `/repos/{owner}/{repo}/actions/runners/{id}`.
 */
export function routeTemplate(path: string): string {
  const parts = (path.split('?')[0] ?? path).split('/');
  const ns = parts.indexOf('namespaces');
  if (ns >= 0 && ns + 1 < parts.length) parts[ns + 1] = '{namespace}';
  if (ns >= 0 && ns + 3 < parts.length) parts[ns + 3] = '{name}';
  if (parts[1] === 'repos' && parts.length > 3) {
    parts[2] = '{owner}';
    parts[3] = '{repo}';
  }
  if (parts[1] === 'orgs' && parts.length > 2) parts[2] = '{org}';
  return parts.map((p) => (/^\d+$/.test(p) ? '{id}' : p)).join('/');
}

/**
 * Child spans for the HTTP calls (GitHub REST, Kubernetes API) made while a span of this controller is active,
 * from undici's diagnostics channels (both Node's fetch, which Octokit uses, and client-node's undici publish
 * there); calls outside a traced reconcile (informer lists, watches) make no span. Returns the unsubscribe.
 */
export function traceHttpCalls(tracing: Tracing, kubeServer: string | undefined): () => void {
  if (!tracing.enabled) return () => {};
  const kubeOrigin = kubeServer ? new URL(kubeServer).origin : undefined;
  const spans = new WeakMap<object, Span>();
  const onCreate = (message: unknown) => {
    const { request } = message as { request: UndiciRequest };
    const parent = trace.getSpan(context.active());
    if (!parent?.isRecording()) return;
    const origin = String(request.origin ?? '');
    const method = (request.method ?? 'GET').toUpperCase();
    const route = routeTemplate(request.path ?? '/');
    const peer = kubeOrigin && new URL(origin).origin === kubeOrigin ? 'kubernetes' : 'github';
    const span = tracing.tracer.startSpan(
      `${peer} ${method} ${route}`,
      {
        kind: SpanKind.CLIENT,
        attributes: {
          'http.request.method': method,
          'url.template': route,
          'server.address': origin,
          'ai_ci.peer': peer,
        },
      },
      context.active(),
    );
    spans.set(request, span);
  };
  const onHeaders = (message: unknown) => {
    const { request, response } = message as { request: object; response: { statusCode: number } };
    const span = spans.get(request);
    if (!span) return;
    span.setAttribute('http.response.status_code', response.statusCode);
    if (response.statusCode >= 500) span.setStatus({ code: SpanStatusCode.ERROR });
  };
  const onDone = (message: unknown) => {
    const { request } = message as { request: object };
    const span = spans.get(request);
    if (!span) return;
    spans.delete(request);
    span.end();
  };
  const onError = (message: unknown) => {
    const { request, error } = message as { request: object; error: Error };
    const span = spans.get(request);
    if (!span) return;
    spans.delete(request);
    span.setStatus({ code: SpanStatusCode.ERROR, message: error?.message ?? 'request failed' });
    span.end();
  };
  subscribe('undici:request:create', onCreate);
  subscribe('undici:request:headers', onHeaders);
  subscribe('undici:request:trailers', onDone);
  subscribe('undici:request:error', onError);
  return () => {
    unsubscribe('undici:request:create', onCreate);
    unsubscribe('undici:request:headers', onHeaders);
    unsubscribe('undici:request:trailers', onDone);
    unsubscribe('undici:request:error', onError);
  };
}
