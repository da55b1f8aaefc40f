/**
 * Base of the fake carbon-intensity APIs: a real HTTP server on 127.0.0.1 (random port) with scriptable faults
 * that apply, in order, before the provider's own handler: an error status, 429 with Retry-After, a hang (no
 * answer until the client gives up), a malformed body. Every request is recorded for assertions.
 * Used by the provider tests and, later, by the CarbonPolicy reconciler's end-to-end test.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RecordedRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: IncomingMessage['headers'];
}

export type Fault = (
  | { type: 'status'; status: number; body?: unknown }
  | { type: 'rate-limit'; retryAfter?: string }
  | { type: 'hang' }
  | { type: 'malformed'; body?: string }
) & { /** Only requests to this path take the fault. */ path?: string };

/** A handler returns the status and JSON body to send (or a string sent as is). */
export type Handler = (req: RecordedRequest) => {
  status: number;
  body: unknown;
  headers?: Record<string, string>;
};

export interface FakeServer {
  /** Base URL, e.g. `http://127.0.0.1:41234`. */
  url: string;
  requests: RecordedRequest[];
  /** The next `n` requests answer with `status` (default 500) and an error body. */
  failNext(n?: number, status?: number): void;
  /** The next `n` requests to `path` (e.g. `/v3/carbon-intensity/forecast`) answer with `status`. */
  failNextOn(path: string, n?: number, status?: number): void;
  /** The next `n` requests answer 429 with this Retry-After header value (seconds or HTTP date; omit for none). */
  rateLimitNext(n?: number, retryAfter?: string): void;
  /** The next `n` requests get no answer at all (the client's timeout must fire). */
  hangNext(n?: number): void;
  /** The next `n` requests answer 200 with a body that is not the documented format (default: not JSON). */
  malformedNext(n?: number, body?: string): void;
  /** Faults still queued. */
  pendingFaults(): number;
  close(): Promise<void>;
}

export async function startFakeServer(name: string, handler: Handler): Promise<FakeServer> {
  const faults: Fault[] = [];
  const requests: RecordedRequest[] = [];
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const recorded: RecordedRequest = {
      method: req.method ?? 'GET',
      path: decodeURIComponent(url.pathname),
      query: url.searchParams,
      headers: req.headers,
    };
    requests.push(recorded);
    const at = faults.findIndex((f) => f.path === undefined || f.path === recorded.path);
    const fault = at >= 0 ? faults.splice(at, 1)[0] : undefined;
    if (fault?.type === 'hang') return; // keep the socket open, answer nothing
    if (fault?.type === 'rate-limit') {
      const headers: Record<string, string> = { 'content-type': 'application/json' };
      if (fault.retryAfter !== undefined) headers['retry-after'] = fault.retryAfter;
      res.writeHead(429, headers).end(JSON.stringify({ error: 'Too Many Requests' }));
      return;
    }
    if (fault?.type === 'status') {
      res
        .writeHead(fault.status, { 'content-type': 'application/json' })
        .end(JSON.stringify(fault.body ?? { error: `${name} fake: injected ${fault.status}` }));
      return;
    }
    if (fault?.type === 'malformed') {
      res.writeHead(200, { 'content-type': 'application/json' }).end(fault.body ?? '{"data": [ truncated');
      return;
    }
    let answer: ReturnType<Handler>;
    try {
      answer = handler(recorded);
    } catch (err) {
      answer = { status: 500, body: { error: `${name} fake: ${(err as Error).message}` } };
    }
    const body = typeof answer.body === 'string' ? answer.body : JSON.stringify(answer.body);
    res.writeHead(answer.status, { 'content-type': 'application/json', ...answer.headers }).end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const queue = (n: number, f: Fault) => {
    for (let i = 0; i < n; i++) faults.push(f);
  };
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    failNext: (n = 1, status = 500) => queue(n, { type: 'status', status }),
    failNextOn: (path: string, n = 1, status = 500) => queue(n, { type: 'status', status, path }),
    rateLimitNext: (n = 1, retryAfter) =>
      queue(n, retryAfter === undefined ? { type: 'rate-limit' } : { type: 'rate-limit', retryAfter }),
    hangNext: (n = 1) => queue(n, { type: 'hang' }),
    malformedNext: (n = 1, body) =>
      queue(n, body === undefined ? { type: 'malformed' } : { type: 'malformed', body }),
    pendingFaults: () => faults.length,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Formats epoch ms the way the UK API does: `2024-01-01T12:30Z`. */
export const ukTime = (t: number) => `${new Date(t).toISOString().slice(0, 16)}Z`;

export interface FakePoint {
  start: number;
  end: number;
  value: number;
}

/** Points from `start` every `stepMs` with the given values. */
export function pointsFrom(start: number, stepMs: number, values: number[]): FakePoint[] {
  return values.map((value, i) => ({ start: start + i * stepMs, end: start + (i + 1) * stepMs, value }));
}
