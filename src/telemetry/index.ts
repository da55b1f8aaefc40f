/**
 * OpenTelemetry tracing shared by the controller and the CLI: when it is on (an OTLP endpoint configured, the
 * `OTEL_*` environment conventions honoured), spans go through a bounded batch queue to an OTLP/HTTP exporter;
 * export never blocks the caller, and every span dropped (queue full, collector down) is counted through
 * `onSpans`. Off, `startTracing` returns a tracer that records nothing, at no cost.
 *
 * Job traces have ids derived from the GitHub job id (`jobTraceId`, `jobSpanId`), so every replica, restart and
 * webhook redelivery adds to the same trace, and a re-emitted phase span has the same span id.
 */
import { createHash } from 'node:crypto';
import {
  type Attributes,
  type Context,
  type Counter,
  context,
  createNoopMeter,
  type Meter,
  type MeterProvider,
  propagation,
  type Span,
  type SpanContext,
  type SpanOptions,
  TraceFlags,
  type Tracer,
  trace,
} from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { W3CTraceContextPropagator } from '@opentelemetry/core';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { resourceFromAttributes } from '@opentelemetry/resources';
import {
  BatchSpanProcessor,
  type IdGenerator,
  RandomIdGenerator,
  TracerProvider,
} from '@opentelemetry/sdk-trace';

export type { Attributes, Context, Span, Tracer };

/** Where spans go and how they queue; `tracingConfigFromEnv` builds it from flags and `OTEL_*` variables. */
export interface TracingConfig {
  /** Full OTLP/HTTP traces URL (…/v1/traces). Undefined: the exporter reads `OTEL_EXPORTER_OTLP_*` itself. */
  url?: string;
  serviceName: string;
  serviceVersion?: string;
  /** Spans held while the collector is slow or down; more are dropped and counted. */
  maxQueueSize: number;
  scheduledDelayMillis: number;
  exportTimeoutMillis: number;
  maxExportBatchSize: number;
}

/** What happened to spans: exported, or dropped with a reason (`queue_full`, or the export error's name). */
export type SpanOutcome = (outcome: 'exported' | 'dropped', reason: string, count: number) => void;

export class TracingConfigError extends Error {
  override readonly name = 'TracingConfigError';
}

function positiveInt(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name]?.trim();
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n <= 0)
    throw new TracingConfigError(`${name}="${raw}" is not a positive integer`);
  return n;
}

function tracesUrl(base: string, from: string): string {
  let url: URL;
  try {
    url = new URL(base);
  } catch {
    throw new TracingConfigError(`${from}="${base}" is not a URL (e.g. http://otel-collector:4318)`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw new TracingConfigError(`${from}="${base}": OTLP/HTTP needs an http:// or https:// URL`);
  return `${base.replace(/\/+$/, '')}/v1/traces`;
}

/**
 * Tracing settings from an explicit endpoint (a flag or Helm value: the OTLP base URL, as
 * `OTEL_EXPORTER_OTLP_ENDPOINT`) and the environment. Undefined when tracing is off: no endpoint anywhere,
 * `OTEL_SDK_DISABLED=true` or `OTEL_TRACES_EXPORTER=none`. `OPENTELEMETRY_ENDPOINT` (the secret the design's
 * workflows set) counts as a base endpoint. Queue sizes follow `OTEL_BSP_*`.
 */
export function tracingConfigFromEnv(
  env: NodeJS.ProcessEnv,
  defaults: { serviceName: string; serviceVersion?: string; endpoint?: string },
): TracingConfig | undefined {
  if (env.OTEL_SDK_DISABLED?.trim().toLowerCase() === 'true') return undefined;
  const exporters = (env.OTEL_TRACES_EXPORTER ?? 'otlp').split(',').map((s) => s.trim().toLowerCase());
  if (exporters.includes('none')) return undefined;
  if (!exporters.includes('otlp'))
    throw new TracingConfigError(
      `OTEL_TRACES_EXPORTER="${env.OTEL_TRACES_EXPORTER}": only otlp (OTLP/HTTP) and none are supported`,
    );
  const protocol = (env.OTEL_EXPORTER_OTLP_TRACES_PROTOCOL ?? env.OTEL_EXPORTER_OTLP_PROTOCOL)?.trim();
  if (protocol && protocol !== 'http/json' && protocol !== 'http/protobuf')
    throw new TracingConfigError(
      `OTEL_EXPORTER_OTLP_PROTOCOL="${protocol}": ai-ci exports OTLP over HTTP only`,
    );
  let url: string | undefined;
  if (defaults.endpoint) url = tracesUrl(defaults.endpoint, 'the OTLP endpoint');
  else if (env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT || env.OTEL_EXPORTER_OTLP_ENDPOINT) {
    // The exporter reads these itself (signal-specific URL as is, the base one + /v1/traces); validate only.
    if (env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT) {
      try {
        new URL(env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT);
      } catch {
        throw new TracingConfigError(
          `OTEL_EXPORTER_OTLP_TRACES_ENDPOINT="${env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT}" is not a URL`,
        );
      }
    } else tracesUrl(env.OTEL_EXPORTER_OTLP_ENDPOINT as string, 'OTEL_EXPORTER_OTLP_ENDPOINT');
  } else if (env.OPENTELEMETRY_ENDPOINT)
    url = tracesUrl(env.OPENTELEMETRY_ENDPOINT, 'OPENTELEMETRY_ENDPOINT');
  else return undefined;
  const maxQueueSize = positiveInt(env, 'OTEL_BSP_MAX_QUEUE_SIZE', 2048);
  const config: TracingConfig = {
    serviceName: env.OTEL_SERVICE_NAME?.trim() || defaults.serviceName,
    maxQueueSize,
    scheduledDelayMillis: positiveInt(env, 'OTEL_BSP_SCHEDULE_DELAY', 5000),
    exportTimeoutMillis: positiveInt(env, 'OTEL_BSP_EXPORT_TIMEOUT', 30000),
    maxExportBatchSize: Math.min(maxQueueSize, positiveInt(env, 'OTEL_BSP_MAX_EXPORT_BATCH_SIZE', 512)),
  };
  if (url) config.url = url;
  if (defaults.serviceVersion) config.serviceVersion = defaults.serviceVersion;
  return config;
}

/**
 * Lets a caller choose the id of the next span (deterministic job span ids); random ids otherwise. Safe because
 * starting a span is synchronous: `withSpanId` sets the id, starts the span and clears it in one call.
 */
class ChosenIdGenerator implements IdGenerator {
  private readonly random = new RandomIdGenerator();
  next: string | undefined;
  nextTrace: string | undefined;
  generateTraceId(): string {
    const id = this.nextTrace;
    this.nextTrace = undefined;
    return id ?? this.random.generateTraceId();
  }
  generateSpanId(): string {
    const id = this.next;
    this.next = undefined;
    return id ?? this.random.generateSpanId();
  }
}

/**
 * The SDK's own span-processor metric (`otel.sdk.processor.span.processed`, with `error.type` on drops) routed to
 * `onSpans`: the SDK counts drops where they happen (queue full, export failed), so nothing is counted twice.
 * Every other instrument is a no-op.
 */
function outcomeMeterProvider(onSpans: SpanOutcome): MeterProvider {
  const noop = createNoopMeter();
  const meter: Meter = Object.create(noop);
  meter.createCounter = ((name: string, options?: object) => {
    if (name !== 'otel.sdk.processor.span.processed') return noop.createCounter(name, options);
    const counter: Counter = {
      add(value: number, attributes?: Attributes) {
        const error = attributes?.['error.type'];
        try {
          if (error === undefined) onSpans('exported', '', value);
          else onSpans('dropped', String(error), value);
        } catch {
          // a metrics callback must never break export
        }
      },
    };
    return counter;
  }) as Meter['createCounter'];
  return { getMeter: () => meter };
}

export interface Tracing {
  readonly enabled: boolean;
  readonly tracer: Tracer;
  /** Starts a span whose id is `spanId` (16 hex digits) under `parent`. */
  startSpanWithId(name: string, spanId: string, options: SpanOptions, parent: Context): Span;
  /** Starts a root span (no parent) whose trace id and span id are chosen (a job's root span). */
  startRootSpanWithIds(name: string, traceId: string, spanId: string, options: SpanOptions): Span;
  /** Sends what is queued (bounded by the export timeout); never throws. */
  forceFlush(): Promise<void>;
  shutdown(): Promise<void>;
}

let contextManagerSet = false;

/** Async context (a reconcile span stays the parent across awaits) for spans started under `context.with`. */
function ensureContextManager(): void {
  if (contextManagerSet) return;
  contextManagerSet = context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());
  propagation.setGlobalPropagator(new W3CTraceContextPropagator());
}

const noopTracing: Tracing = {
  enabled: false,
  tracer: trace.getTracer('ai-ci-noop'),
  startSpanWithId: (name, _id, options, parent) =>
    trace.getTracer('ai-ci-noop').startSpan(name, options, parent),
  startRootSpanWithIds: (name, _t, _s, options) =>
    trace.getTracer('ai-ci-noop').startSpan(name, { ...options, root: true }),
  forceFlush: async () => {},
  shutdown: async () => {},
};

/** Starts tracing for `config` (undefined: the no-op tracer). Spans export in the background. */
export function startTracing(config: TracingConfig | undefined, onSpans?: SpanOutcome): Tracing {
  if (!config) return noopTracing;
  ensureContextManager();
  const ids = new ChosenIdGenerator();
  const exporter = new OTLPTraceExporter({
    ...(config.url ? { url: config.url } : {}),
    timeoutMillis: config.exportTimeoutMillis,
  });
  const processor = new BatchSpanProcessor({
    exporter,
    maxQueueSize: config.maxQueueSize,
    maxExportBatchSize: config.maxExportBatchSize,
    scheduledDelayMillis: config.scheduledDelayMillis,
    exportTimeoutMillis: config.exportTimeoutMillis,
    ...(onSpans ? { selfObsMeterProvider: outcomeMeterProvider(onSpans) } : {}),
  });
  const provider = new TracerProvider({
    resource: resourceFromAttributes({
      'service.name': config.serviceName,
      ...(config.serviceVersion ? { 'service.version': config.serviceVersion } : {}),
    }),
    idGenerator: ids,
    spanProcessors: [processor],
  });
  const tracer = provider.getTracer('ai-ci', config.serviceVersion);
  return {
    enabled: true,
    tracer,
    startSpanWithId(name, spanId, options, parent) {
      ids.next = spanId;
      try {
        return tracer.startSpan(name, options, parent);
      } finally {
        ids.next = undefined;
      }
    },
    startRootSpanWithIds(name, traceId, spanId, options) {
      ids.nextTrace = traceId;
      ids.next = spanId;
      try {
        return tracer.startSpan(name, { ...options, root: true });
      } finally {
        ids.nextTrace = undefined;
        ids.next = undefined;
      }
    },
    forceFlush: () => provider.forceFlush().catch(() => {}),
    shutdown: () => provider.shutdown().catch(() => {}),
  };
}

function hexId(input: string, hexLength: number): string {
  const hex = createHash('sha256').update(input).digest('hex').slice(0, hexLength);
  return /^0+$/.test(hex) ? `${hex.slice(0, -1)}1` : hex; // all-zero ids are invalid
}

/** The trace id of a GitHub job: the same in every replica and after restarts. */
export function jobTraceId(jobId: number): string {
  return hexId(`ai-ci/github-job/${jobId}`, 32);
}

/** The span id of one phase of a GitHub job (`job` for the root span). */
export function jobSpanId(jobId: number, phase: string): string {
  return hexId(`ai-ci/github-job/${jobId}/${phase}`, 16);
}

/** The context of a job's root span, to start its phase spans under (the root itself is exported at the end). */
export function jobContext(jobId: number): Context {
  const sc: SpanContext = {
    traceId: jobTraceId(jobId),
    spanId: jobSpanId(jobId, 'job'),
    traceFlags: TraceFlags.SAMPLED,
    isRemote: true,
  };
  return trace.setSpanContext(context.active(), sc);
}

/** The W3C `traceparent` of a span context (for runner Pods, so a workflow step joins the job's trace). */
export function traceparentOf(traceId: string, spanId: string): string {
  return `00-${traceId}-${spanId}-01`;
}

/**
 * The context a process was started in: `TRACEPARENT` (and `TRACESTATE`) from the environment, as W3C Trace
 * Context says; else, with `AI_CI_JOB_ID` (a workflow sets it to `${{ job.check_run_id }}`, the GitHub job id),
 * the job's own trace under its `running` span, which the controller exports; else the active context.
 * The controller does not put a traceparent on runner Pods: a JIT runner is created before GitHub hands it a job,
 * and it may get another queued job with the same labels than the one it was created for.
 */
export function contextFromEnv(env: NodeJS.ProcessEnv): Context {
  const carrier: Record<string, string> = {};
  if (env.TRACEPARENT) carrier.traceparent = env.TRACEPARENT.trim();
  if (env.TRACESTATE) carrier.tracestate = env.TRACESTATE.trim();
  const extracted = new W3CTraceContextPropagator().extract(context.active(), carrier, {
    get: (c, k) => c[k],
    keys: (c) => Object.keys(c),
  });
  if (trace.getSpanContext(extracted)) return extracted;
  const jobId = Number(env.AI_CI_JOB_ID?.trim() || Number.NaN);
  if (!Number.isSafeInteger(jobId) || jobId <= 0) return extracted;
  return trace.setSpanContext(context.active(), {
    traceId: jobTraceId(jobId),
    spanId: jobSpanId(jobId, 'running'),
    traceFlags: TraceFlags.SAMPLED,
    isRemote: true,
  });
}
