/**
 * The Kepler reader against a Prometheus HTTP API on 127.0.0.1 that answers in Prometheus' documented formats
 * (https://prometheus.io/docs/prometheus/latest/querying/api/: "Instant queries", "Format overview", "Expression
 * query result formats": a vector is a list of {"metric": {...}, "value": [<unix time>, "<sample value>"]};
 * errors are {"status":"error","errorType":..., "error":...} with HTTP 400, 422 or 503).
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KEPLER_DEFAULT_QUERY, KeplerReader } from '../../../src/analysis/energy/kepler.js';

interface Seen {
  query: string;
  time: string;
  auth?: string;
}

let server: Server;
let url = '';
const seen: Seen[] = [];
/** What the fake Prometheus answers next: status and body. */
let reply: { status: number; body: unknown } = { status: 200, body: {} };

beforeAll(async () => {
  server = createServer((req, res) => {
    const u = new URL(req.url ?? '/', 'http://x');
    if (u.pathname !== '/api/v1/query') {
      res.writeHead(404).end('404 page not found');
      return;
    }
    seen.push({
      query: u.searchParams.get('query') ?? '',
      time: u.searchParams.get('time') ?? '',
      ...(req.headers.authorization ? { auth: req.headers.authorization } : {}),
    });
    res.writeHead(reply.status, { 'content-type': 'application/json' }).end(JSON.stringify(reply.body));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => new Promise<void>((r) => server.close(() => r())));

const vector = (...values: string[]) => ({
  status: 'success',
  data: {
    resultType: 'vector',
    result: values.map((v, i) => ({
      metric: { mode: i === 0 ? 'dynamic' : 'idle' },
      value: [1733140800.5, v],
    })),
  },
});

describe('KeplerReader', () => {
  it('asks for increase() of the Pod’s joule counter over the run, at the completion time, and sums the vector', async () => {
    reply = { status: 200, body: vector('1200.5', '300') };
    const reader = new KeplerReader({ prometheusUrl: `${url}/`, token: 's3cret-token' });
    const at = Date.UTC(2026, 11, 2, 12, 0, 0);
    const r = await reader.podJoules('ci-gpu', 'gpu-pool-abc12', 754.2, at);
    expect(r).toEqual({
      joules: 1500.5,
      query:
        'sum(increase(kepler_container_joules_total{container_namespace="ci-gpu",pod_name="gpu-pool-abc12"}[755s]))',
    });
    expect(seen.at(-1)).toEqual({
      query: r.query,
      time: (at / 1000).toFixed(3),
      auth: 'Bearer s3cret-token',
    });
  });

  it('fills a template for newer Kepler metric names, escaping label values', () => {
    const reader = new KeplerReader({
      prometheusUrl: url,
      query:
        'sum(increase(kepler_pod_cpu_joules_total{pod_namespace="$namespace",pod_name="$pod"}[$window]))',
    });
    expect(reader.queryFor('ns', 'a"b\\c', 0.2)).toBe(
      'sum(increase(kepler_pod_cpu_joules_total{pod_namespace="ns",pod_name="a\\"b\\\\c"}[1s]))',
    );
    expect(KEPLER_DEFAULT_QUERY).toContain('kepler_container_joules_total');
  });

  it.each([
    [
      'an empty vector (no samples for the Pod yet)',
      200,
      { status: 'success', data: { resultType: 'vector', result: [] } },
      /no samples/,
    ],
    [
      "Prometheus' error document",
      400,
      { status: 'error', errorType: 'bad_data', error: 'invalid parameter "query": 1:1: parse error' },
      /Prometheus: bad_data: invalid parameter "query"/,
    ],
    [
      'a matrix where a vector belongs',
      200,
      { status: 'success', data: { resultType: 'matrix', result: [] } },
      /a matrix result/,
    ],
    ['a NaN sample', 200, vector('NaN'), /no samples/],
  ])('answers missing, with the reason, for %s', async (_name, status, body, why) => {
    reply = { status, body };
    const r = await new KeplerReader({ prometheusUrl: url }).podJoules('ns', 'pod', 60, Date.now());
    expect('missing' in r && r.missing).toMatch(why);
  });

  it('answers missing for an unreachable or silent Prometheus, without the token in the reason', async () => {
    const down = new KeplerReader({ prometheusUrl: 'http://127.0.0.1:1', token: 'tok-abc' });
    const r = await down.podJoules('ns', 'pod', 60, Date.now());
    expect('missing' in r && r.missing).toMatch(/Prometheus unreachable/);
    expect(JSON.stringify(r)).not.toContain('tok-abc');
    const html = createServer((_q, s) =>
      s.writeHead(502, { 'content-type': 'text/html' }).end('<html>bad gateway</html>'),
    );
    await new Promise<void>((res) => html.listen(0, '127.0.0.1', res));
    const port = (html.address() as AddressInfo).port;
    const r2 = await new KeplerReader({ prometheusUrl: `http://127.0.0.1:${port}` }).podJoules(
      'n',
      'p',
      5,
      Date.now(),
    );
    expect('missing' in r2 && r2.missing).toBe('Prometheus answered HTTP 502 without JSON');
    await new Promise<void>((res) => html.close(() => res()));
  });
});
