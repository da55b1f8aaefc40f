/** An OTLP/HTTP trace collector on 127.0.0.1 for tests (JSON encoding, as the exporter sends), and span readers. */
import { once } from 'node:events';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

export interface Collector {
  server: Server;
  /** The base URL (OTEL_EXPORTER_OTLP_ENDPOINT, OPENTELEMETRY_ENDPOINT); spans are POSTed to …/v1/traces. */
  url: string;
  /** The bodies of the trace exports received. */
  bodies: unknown[];
  /** Every request, of any path: none means nothing was sent. */
  requests: number;
  close(): Promise<void>;
}

/**
 * Starts a collector answering `status`; `hang`: it takes connections and requests but never answers (a collector
 * that is up but stuck).
 */
export async function collector(options: { status?: number; hang?: boolean } = {}): Promise<Collector> {
  const sockets = new Set<Socket>();
  const c: Collector = {
    server: createServer(async (req: IncomingMessage, res) => {
      c.requests++;
      const chunks: Buffer[] = [];
      for await (const chunk of req) chunks.push(chunk as Buffer);
      if (options.hang) return;
      if (req.url === '/v1/traces' && req.method === 'POST')
        c.bodies.push(JSON.parse(Buffer.concat(chunks).toString('utf8')));
      res.writeHead(options.status ?? 200, { 'content-type': 'application/json' }).end('{}');
    }),
    url: '',
    bodies: [],
    requests: 0,
    async close() {
      for (const s of sockets) s.destroy();
      if (c.server.listening) {
        c.server.close();
        await once(c.server, 'close');
      }
    },
  };
  c.server.on('connection', (s: Socket) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  c.server.listen(0, '127.0.0.1');
  await once(c.server, 'listening');
  c.url = `http://127.0.0.1:${(c.server.address() as AddressInfo).port}`;
  return c;
}

type OtlpValue = {
  stringValue?: string;
  intValue?: number | string;
  doubleValue?: number;
  boolValue?: boolean;
  arrayValue?: { values?: OtlpValue[] };
};

export interface OtlpSpan {
  traceId: string;
  spanId: string;
  parentSpanId?: string;
  name: string;
  kind: number;
  attributes: { key: string; value: OtlpValue }[];
  status?: { code?: number; message?: string };
}

export function spansOf(bodies: readonly unknown[]): OtlpSpan[] {
  const out: OtlpSpan[] = [];
  for (const b of bodies as { resourceSpans: { scopeSpans: { spans: OtlpSpan[] }[] }[] }[])
    for (const rs of b.resourceSpans) for (const ss of rs.scopeSpans) out.push(...ss.spans);
  return out;
}

/** The service.name etc. of the first resource of the first export. */
export function resourceOf(bodies: readonly unknown[]): Record<string, unknown> {
  const b = bodies[0] as { resourceSpans: { resource: { attributes: OtlpSpan['attributes'] } }[] };
  return plain(b.resourceSpans[0]!.resource.attributes);
}

function value(v: OtlpValue): unknown {
  if (v.stringValue !== undefined) return v.stringValue;
  if (v.intValue !== undefined) return Number(v.intValue);
  if (v.doubleValue !== undefined) return v.doubleValue;
  if (v.boolValue !== undefined) return v.boolValue;
  if (v.arrayValue !== undefined) return (v.arrayValue.values ?? []).map(value);
  return undefined;
}

/** A span's attributes as a plain object (OTLP JSON's typed values unwrapped). */
export function attributesOf(span: Pick<OtlpSpan, 'attributes'>): Record<string, unknown> {
  return plain(span.attributes);
}

function plain(attributes: OtlpSpan['attributes']): Record<string, unknown> {
  return Object.fromEntries(attributes.map((a) => [a.key, value(a.value)]));
}

/** A span as tests compare it: ids, times in ms, plain attributes, links, and its resource's `service.name`. */
export interface CollectedSpan {
  traceId: string;
  spanId: string;
  parentSpanId?: string;
  name: string;
  kind: number;
  startMs: number;
  endMs: number;
  attributes: Record<string, unknown>;
  links: { traceId: string; spanId: string }[];
  status?: { code?: number; message?: string };
  service?: string;
}

/** Every span of the exports received, flattened (`parentSpanId` absent on a root span). */
export function collectedSpans(bodies: readonly unknown[]): CollectedSpan[] {
  type Full = OtlpSpan & {
    startTimeUnixNano: string;
    endTimeUnixNano: string;
    links?: { traceId: string; spanId: string }[];
  };
  const out: CollectedSpan[] = [];
  for (const b of bodies as {
    resourceSpans: { resource?: { attributes: OtlpSpan['attributes'] }; scopeSpans: { spans: Full[] }[] }[];
  }[])
    for (const rs of b.resourceSpans) {
      const service = plain(rs.resource?.attributes ?? [])['service.name'];
      for (const ss of rs.scopeSpans)
        for (const s of ss.spans) {
          const span: CollectedSpan = {
            traceId: s.traceId,
            spanId: s.spanId,
            name: s.name,
            kind: s.kind,
            startMs: Number(BigInt(s.startTimeUnixNano) / 1_000_000n),
            endMs: Number(BigInt(s.endTimeUnixNano) / 1_000_000n),
            attributes: plain(s.attributes ?? []),
            links: (s.links ?? []).map((l) => ({ traceId: l.traceId, spanId: l.spanId })),
          };
          if (s.parentSpanId) span.parentSpanId = s.parentSpanId;
          if (s.status) span.status = s.status;
          if (typeof service === 'string') span.service = service;
          out.push(span);
        }
    }
  return out;
}
