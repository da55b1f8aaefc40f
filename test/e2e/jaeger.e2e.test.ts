/**
 * The real Jaeger v2 of the tracing e2e tests (test/e2e/cluster/jaeger.ts): a trace made with the OpenTelemetry
 * JS SDK and exported over OTLP/HTTP is read back through Jaeger's query API (api/v3) with its parent/child
 * links, attributes of every type, events, links, status and service name; and Jaeger listens on nothing but
 * the loopback ports it was given. Skipped, with the build's reason, where bin/jaeger could not be built.
 */
import { readdirSync, readFileSync, readlinkSync } from 'node:fs';
import { context, SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { BatchSpanProcessor, type ReadableSpan, TracerProvider } from '@opentelemetry/sdk-trace';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  getTrace,
  type JaegerSkip,
  type RunningJaeger,
  startJaeger,
  stopJaeger,
  waitForTrace,
} from './cluster/jaeger.js';

let jaeger: RunningJaeger | JaegerSkip;

beforeAll(async () => {
  jaeger = await startJaeger({ log: (m) => console.log(m) });
});
afterAll(async () => {
  await stopJaeger(jaeger);
});

/** Jaeger, or the test is skipped with the reason it is not there. */
function running(skip: (note: string) => never): RunningJaeger {
  if ('skip' in jaeger) skip(jaeger.skip);
  return jaeger as RunningJaeger;
}

/** An SDK time ([seconds, nanoseconds]) as OTLP's decimal nanoseconds since the epoch. */
function nanos([seconds, ns]: [number, number]): string {
  return String(BigInt(seconds) * 1_000_000_000n + BigInt(ns));
}

/** TCP addresses (ip:port) that the processes of a process group listen on, from /proc. */
function listening(pgid: number): string[] {
  const inodes = new Set<string>();
  for (const pid of readdirSync('/proc').filter((e) => /^\d+$/.test(e))) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const pgrp = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[2]);
      if (pgrp !== pgid) continue;
      for (const fd of readdirSync(`/proc/${pid}/fd`)) {
        const m = /^socket:\[(\d+)\]$/.exec(readlinkSync(`/proc/${pid}/fd/${fd}`));
        if (m?.[1]) inodes.add(m[1]);
      }
    } catch {
      // the process went away meanwhile
    }
  }
  const out: string[] = [];
  for (const table of ['/proc/net/tcp', '/proc/net/tcp6']) {
    for (const line of readFileSync(table, 'utf8').split('\n').slice(1)) {
      const f = line.trim().split(/\s+/);
      if (f[3] !== '0A' || !inodes.has(f[9] ?? '')) continue; // 0A: LISTEN
      const [ipHex = '', portHex = ''] = (f[1] ?? '').split(':');
      const ip =
        ipHex.length === 8
          ? (ipHex.match(/../g) ?? [])
              .map((b) => Number.parseInt(b, 16))
              .reverse()
              .join('.')
          : ipHex === '00000000000000000000000000000000'
            ? '::'
            : ipHex === '0000000000000000FFFF00000100007F'
              ? '::ffff:127.0.0.1'
              : ipHex;
      out.push(`${ip}:${Number.parseInt(portHex, 16)}`);
    }
  }
  return out.sort();
}

describe('Jaeger v2 (bin/jaeger) as the e2e tests run it', () => {
  it('stores an OTLP/HTTP trace from the OpenTelemetry JS SDK and returns it through the api/v3 query API', async ({
    skip,
  }) => {
    const j = running(skip);
    const provider = new TracerProvider({
      resource: resourceFromAttributes({
        'service.name': 'ai-ci-e2e-jaeger',
        'service.version': '0.0.0-e2e',
      }),
      spanProcessors: [new BatchSpanProcessor({ exporter: new OTLPTraceExporter({ url: j.otlpTracesUrl }) })],
    });
    const tracer = provider.getTracer('ai-ci-e2e');

    // A span of another trace, linked from the child (as reconcile spans link to a job's trace).
    const other = tracer.startSpan('reconcile');
    other.end();
    const root = tracer.startSpan('job', {
      kind: SpanKind.SERVER,
      attributes: { 'ci.job.id': 4242, 'ci.repo': 'octo/demo', 'ci.gpu': true, 'carbon.forecast': 123.5 },
    });
    const rootCtx = trace.setSpan(context.active(), root);
    const child = tracer.startSpan(
      'carbon-deferred',
      {
        attributes: { 'carbon.decision': 'defer', 'carbon.windows': ['10:00', '11:00'] },
        links: [{ context: other.spanContext(), attributes: { 'link.reason': 'reconcile' } }],
      },
      rootCtx,
    );
    child.addEvent('forecast-read', { 'grid.zone': 'DE' });
    child.setStatus({ code: SpanStatusCode.ERROR, message: 'deadline passed' });
    child.end();
    root.end();
    await provider.forceFlush();
    await provider.shutdown();

    const traceId = root.spanContext().traceId;
    const spans = await waitForTrace(j.queryUrl, traceId, { minSpans: 2 });
    expect(spans.map((s) => s.name)).toEqual(['job', 'carbon-deferred']); // tree order: parent first
    const [job, deferred] = spans as [(typeof spans)[0], (typeof spans)[0]];
    expect(job).toMatchObject({
      traceId,
      spanId: root.spanContext().spanId,
      parentSpanId: '',
      kind: 'server',
      service: 'ai-ci-e2e-jaeger',
      scope: 'ai-ci-e2e',
      attributes: { 'ci.job.id': 4242, 'ci.repo': 'octo/demo', 'ci.gpu': true, 'carbon.forecast': 123.5 },
      status: { code: 'unset', message: '' },
    });
    expect(job.resource).toMatchObject({
      'service.name': 'ai-ci-e2e-jaeger',
      'service.version': '0.0.0-e2e',
    });
    expect(deferred).toMatchObject({
      traceId,
      spanId: child.spanContext().spanId,
      parentSpanId: job.spanId,
      kind: 'internal',
      attributes: { 'carbon.decision': 'defer', 'carbon.windows': ['10:00', '11:00'] },
      status: { code: 'error', message: 'deadline passed' },
      events: [{ name: 'forecast-read', attributes: { 'grid.zone': 'DE' } }],
      links: [
        {
          traceId: other.spanContext().traceId,
          spanId: other.spanContext().spanId,
          attributes: { 'link.reason': 'reconcile' },
        },
      ],
    });
    // Times come back to the nanosecond as the SDK recorded them.
    for (const [sent, got] of [
      [root, job],
      [child, deferred],
    ] as const) {
      const { startTime, endTime } = sent as unknown as ReadableSpan;
      expect([got.startTimeUnixNano, got.endTimeUnixNano]).toEqual([nanos(startTime), nanos(endTime)]);
    }
    expect(BigInt(job.endTimeUnixNano)).toBeGreaterThan(BigInt(job.startTimeUnixNano));

    // The linked span is a trace of its own; an unknown trace is not found.
    expect((await getTrace(j.queryUrl, other.spanContext().traceId))?.map((s) => s.name)).toEqual([
      'reconcile',
    ]);
    expect(await getTrace(j.queryUrl, '0123456789abcdef0123456789abcdef')).toBeUndefined();
    // The service is listed by the query API too.
    const services = (await (await fetch(`${j.queryUrl}/api/v3/services`)).json()) as { services: string[] };
    expect(services.services).toContain('ai-ci-e2e-jaeger');
  });

  it('listens on the two loopback ports it was given and one loopback gRPC port, nothing else', ({
    skip,
  }) => {
    const j = running(skip);
    const addresses = listening(j.processGroup);
    const otlp = `127.0.0.1:${new URL(j.otlpHttpEndpoint).port}`;
    const query = `127.0.0.1:${new URL(j.queryUrl).port}`;
    expect(addresses).toContain(otlp);
    expect(addresses).toContain(query);
    const others = addresses.filter((a) => a !== otlp && a !== query);
    // The query service's gRPC API cannot be turned off: it is on a kernel-chosen loopback port.
    expect(others).toHaveLength(1);
    expect(others[0]).toMatch(/^127\.0\.0\.1:\d+$/);
  });
});
