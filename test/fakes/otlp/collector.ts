/**
 * An OTLP/HTTP trace collector on 127.0.0.1 for tests: it accepts `POST /v1/traces` in the OTLP JSON encoding
 * (what @opentelemetry/exporter-trace-otlp-http sends; https://opentelemetry.io/docs/specs/otlp/#otlphttp) and
 * keeps the spans, flattened with their resource's `service.name`.
 */
import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface CollectedSpan {
  traceId: string;
  spanId: string;
  parentSpanId?: string;
  name: string;
  kind?: number;
  startMs: number;
  endMs: number;
  attributes: Record<string, string | number | boolean>;
  links: { traceId: string; spanId: string }[];
  status?: { code?: number; message?: string };
  service?: string;
}

interface OtlpValue {
  stringValue?: string;
  intValue?: string | number;
  doubleValue?: number;
  boolValue?: boolean;
}
interface OtlpSpan {
  traceId: string;
  spanId: string;
  parentSpanId?: string;
  name: string;
  kind?: number;
  startTimeUnixNano: string;
  endTimeUnixNano: string;
  attributes?: { key: string; value: OtlpValue }[];
  links?: { traceId: string; spanId: string }[];
  status?: { code?: number; message?: string };
}
interface OtlpBody {
  resourceSpans: {
    resource?: { attributes?: { key: string; value: OtlpValue }[] };
    scopeSpans: { spans: OtlpSpan[] }[];
  }[];
}

function value(v: OtlpValue): string | number | boolean {
  if (v.stringValue !== undefined) return v.stringValue;
  if (v.intValue !== undefined) return Number(v.intValue);
  if (v.doubleValue !== undefined) return v.doubleValue;
  if (v.boolValue !== undefined) return v.boolValue;
  return '';
}
function attrs(
  list: { key: string; value: OtlpValue }[] | undefined,
): Record<string, string | number | boolean> {
  const out: Record<string, string | number | boolean> = {};
  for (const a of list ?? []) out[a.key] = value(a.value);
  return out;
}

export interface Collector {
  url: string;
  spans: CollectedSpan[];
  requests: number;
  close(): Promise<void>;
}

/** Starts a collector answering `status` (e.g. 503 to act as one that is down). */
export async function startCollector(status = 200): Promise<Collector> {
  const c: Collector = { url: '', spans: [], requests: 0, close: async () => {} };
  const server: Server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    c.requests++;
    if (req.url === '/v1/traces' && req.method === 'POST' && status === 200) {
      const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as OtlpBody;
      for (const rs of body.resourceSpans) {
        const service = attrs(rs.resource?.attributes)['service.name'];
        for (const ss of rs.scopeSpans)
          for (const s of ss.spans) {
            const span: CollectedSpan = {
              traceId: s.traceId,
              spanId: s.spanId,
              name: s.name,
              startMs: Number(BigInt(s.startTimeUnixNano) / 1_000_000n),
              endMs: Number(BigInt(s.endTimeUnixNano) / 1_000_000n),
              attributes: attrs(s.attributes),
              links: (s.links ?? []).map((l) => ({ traceId: l.traceId, spanId: l.spanId })),
            };
            if (s.parentSpanId) span.parentSpanId = s.parentSpanId;
            if (s.kind !== undefined) span.kind = s.kind;
            if (s.status) span.status = s.status;
            if (typeof service === 'string') span.service = service;
            c.spans.push(span);
          }
      }
    }
    res.writeHead(status, { 'content-type': 'application/json' }).end('{}');
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  c.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  c.close = () => new Promise((resolve) => server.close(() => resolve()));
  return c;
}
