import { once } from 'node:events';
import type { Server } from 'node:http';
import { context, trace } from '@opentelemetry/api';
import { afterEach, describe, expect, it } from 'vitest';
import {
  contextFromEnv,
  jobContext,
  jobSpanId,
  jobTraceId,
  startTracing,
  type TracingConfig,
  TracingConfigError,
  tracingConfigFromEnv,
} from '../../src/telemetry/index.js';
import { collector, spansOf } from '../support/otlp.js';

const servers: Server[] = [];
afterEach(() => {
  for (const s of servers.splice(0)) s.close();
});

function config(url: string, over: Partial<TracingConfig> = {}): TracingConfig {
  return {
    url: `${url}/v1/traces`,
    serviceName: 'ai-ci-test',
    maxQueueSize: 100,
    scheduledDelayMillis: 10,
    exportTimeoutMillis: 2000,
    maxExportBatchSize: 100,
    ...over,
  };
}

describe('tracingConfigFromEnv', () => {
  const d = { serviceName: 'ai-ci-controller' };
  it.each([
    [{}, undefined],
    [{ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://c:4318', OTEL_SDK_DISABLED: 'true' }, undefined],
    [{ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://c:4318', OTEL_TRACES_EXPORTER: 'none' }, undefined],
  ])('off for %j', (env, want) => {
    expect(tracingConfigFromEnv(env, d)).toBe(want);
  });

  it('leaves OTEL_EXPORTER_OTLP_* to the exporter, maps OPENTELEMETRY_ENDPOINT and an explicit endpoint', () => {
    expect(tracingConfigFromEnv({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://c:4318' }, d)?.url).toBeUndefined();
    expect(tracingConfigFromEnv({ OPENTELEMETRY_ENDPOINT: 'https://otel.example:4318/' }, d)?.url).toBe(
      'https://otel.example:4318/v1/traces',
    );
    expect(tracingConfigFromEnv({}, { ...d, endpoint: 'http://jaeger:4318' })?.url).toBe(
      'http://jaeger:4318/v1/traces',
    );
  });

  it('honours OTEL_SERVICE_NAME and OTEL_BSP_* and names a bad variable', () => {
    const c = tracingConfigFromEnv(
      {
        OTEL_EXPORTER_OTLP_ENDPOINT: 'http://c:4318',
        OTEL_SERVICE_NAME: 'ci',
        OTEL_BSP_MAX_QUEUE_SIZE: '64',
      },
      d,
    );
    expect(c).toMatchObject({ serviceName: 'ci', maxQueueSize: 64, maxExportBatchSize: 64 });
    expect(() =>
      tracingConfigFromEnv({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://c', OTEL_BSP_MAX_QUEUE_SIZE: 'lots' }, d),
    ).toThrow(/OTEL_BSP_MAX_QUEUE_SIZE="lots"/);
    expect(() => tracingConfigFromEnv({ OPENTELEMETRY_ENDPOINT: 'collector:4318' }, d)).toThrow(
      TracingConfigError,
    );
    expect(() =>
      tracingConfigFromEnv(
        { OTEL_EXPORTER_OTLP_ENDPOINT: 'http://c', OTEL_EXPORTER_OTLP_PROTOCOL: 'grpc' },
        d,
      ),
    ).toThrow(/OTLP over HTTP only/);
  });
});

describe('job trace ids', () => {
  it('are stable, distinct per job and phase, and valid W3C ids', () => {
    expect(jobTraceId(42)).toBe(jobTraceId(42));
    expect(jobTraceId(42)).not.toBe(jobTraceId(43));
    expect(jobTraceId(42)).toMatch(/^[0-9a-f]{32}$/);
    expect(jobSpanId(42, 'job')).toMatch(/^[0-9a-f]{16}$/);
    expect(jobSpanId(42, 'job')).not.toBe(jobSpanId(42, 'queued'));
    const sc = trace.getSpanContext(jobContext(42));
    expect(sc).toMatchObject({ traceId: jobTraceId(42), spanId: jobSpanId(42, 'job') });
  });

  it('reads TRACEPARENT from the environment and ignores a malformed one', () => {
    const tp = `00-${jobTraceId(7)}-${jobSpanId(7, 'running')}-01`;
    expect(trace.getSpanContext(contextFromEnv({ TRACEPARENT: tp }))).toMatchObject({
      traceId: jobTraceId(7),
      spanId: jobSpanId(7, 'running'),
      isRemote: true,
    });
    expect(trace.getSpanContext(contextFromEnv({ TRACEPARENT: 'nonsense' }))).toBeUndefined();
  });

  it('joins the job trace under its running span from AI_CI_JOB_ID when there is no TRACEPARENT', () => {
    expect(trace.getSpanContext(contextFromEnv({ AI_CI_JOB_ID: '123' }))).toMatchObject({
      traceId: jobTraceId(123),
      spanId: jobSpanId(123, 'running'),
    });
    const tp = `00-${jobTraceId(7)}-${jobSpanId(7, 'running')}-01`;
    expect(trace.getSpanContext(contextFromEnv({ AI_CI_JOB_ID: '123', TRACEPARENT: tp }))?.traceId).toBe(
      jobTraceId(7),
    );
    expect(trace.getSpanContext(contextFromEnv({ AI_CI_JOB_ID: 'abc' }))).toBeUndefined();
  });
});

describe('startTracing', () => {
  it('exports spans with chosen ids under a job context to an OTLP/HTTP collector and counts them', async () => {
    const c = await collector();
    servers.push(c.server);
    const outcomes: [string, string, number][] = [];
    const t = startTracing(config(c.url), (o, r, n) => outcomes.push([o, r, n]));
    const span = t.startSpanWithId(
      'queued',
      jobSpanId(9, 'queued'),
      { attributes: { 'ai_ci.x': 1 } },
      jobContext(9),
    );
    span.end();
    const child = t.tracer.startSpan('free', {}, context.active());
    child.end();
    await t.forceFlush();
    const spans = spansOf(c.bodies);
    const queued = spans.find((s) => s.name === 'queued');
    expect(queued).toMatchObject({
      traceId: jobTraceId(9),
      spanId: jobSpanId(9, 'queued'),
      parentSpanId: jobSpanId(9, 'job'),
    });
    expect(spans.find((s) => s.name === 'free')?.spanId).toMatch(/^[0-9a-f]{16}$/);
    expect(outcomes.filter(([o]) => o === 'exported').reduce((a, [, , n]) => a + n, 0)).toBe(2);
    await t.shutdown();
  });

  it('drops and counts spans when the collector is down, without blocking or throwing', async () => {
    const c = await collector();
    c.server.close();
    await once(c.server, 'close');
    const dropped: [string, number][] = [];
    const t = startTracing(
      config(c.url, { maxQueueSize: 3, maxExportBatchSize: 3, exportTimeoutMillis: 500 }),
      (o, r, n) => {
        if (o === 'dropped') dropped.push([r, n]);
      },
    );
    for (let i = 0; i < 8; i++) t.tracer.startSpan(`s${i}`).end();
    await t.forceFlush();
    const total = dropped.reduce((a, [, n]) => a + n, 0);
    expect(total).toBe(8);
    expect(dropped.some(([r]) => r === 'queue_full')).toBe(true);
    await t.shutdown();
  });

  it('is a no-op without a config', async () => {
    const t = startTracing(undefined);
    expect(t.enabled).toBe(false);
    const s = t.tracer.startSpan('x');
    expect(s.isRecording()).toBe(false);
    s.end();
    await t.forceFlush();
  });
});
