import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ProviderError } from '../../../src/carbon/providers/errors.js';
import { HttpClient, parseRetryAfter } from '../../../src/carbon/providers/http.js';
import { type FakeServer, startFakeServer } from '../../fakes/carbon/server.js';

let server: FakeServer;
let sleeps: number[];
const NOW = Date.UTC(2026, 10, 25, 12);

function client(overrides: ConstructorParameters<typeof HttpClient>[1] = {}) {
  return new HttpClient('test', {
    timeoutMs: 2000,
    retries: 2,
    backoffMs: 100,
    sleep: async (ms) => {
      sleeps.push(ms);
    },
    clock: () => NOW,
    ...overrides,
  });
}

async function failure(p: Promise<unknown>): Promise<ProviderError> {
  try {
    await p;
  } catch (err) {
    expect(err).toBeInstanceOf(ProviderError);
    return err as ProviderError;
  }
  throw new Error('expected a ProviderError');
}

beforeEach(async () => {
  sleeps = [];
  server = await startFakeServer('test', (req) => ({ status: 200, body: { ok: true, path: req.path } }));
});
afterEach(async () => {
  await server.close();
});

describe('HttpClient', () => {
  it('parses a JSON answer and sends the given headers', async () => {
    const res = await client().get(new URL(`${server.url}/a?b=1`), { 'auth-token': 'sekret' });
    expect(res).toMatchObject({ status: 200, body: { ok: true, path: '/a' } });
    expect(server.requests[0]!.headers['auth-token']).toBe('sekret');
    expect(server.requests[0]!.headers.accept).toBe('application/json');
  });

  it('retries 5xx with exponential backoff, then succeeds', async () => {
    server.failNext(2, 503);
    const res = await client().get(new URL(`${server.url}/x`));
    expect(res.status).toBe(200);
    expect(server.requests).toHaveLength(3);
    expect(sleeps).toEqual([100, 200]);
  });

  it('gives up after the retries with the last status, naming the request', async () => {
    server.failNext(3, 500);
    const err = await failure(client().get(new URL(`${server.url}/x?zone=DE`)));
    expect(err).toMatchObject({ kind: 'http', status: 500, provider: 'test' });
    expect(err.message).toBe('test: GET /x?zone=DE: HTTP 500');
    expect(server.requests).toHaveLength(3);
  });

  it('honours Retry-After in seconds on 429', async () => {
    server.rateLimitNext(1, '7');
    const res = await client().get(new URL(`${server.url}/x`));
    expect(res.status).toBe(200);
    expect(sleeps).toEqual([7000]);
  });

  it('honours Retry-After as an HTTP date', async () => {
    server.rateLimitNext(1, new Date(NOW + 3000).toUTCString());
    await client().get(new URL(`${server.url}/x`));
    expect(sleeps).toEqual([3000]);
  });

  it('backs off normally on 429 without Retry-After', async () => {
    server.rateLimitNext(2);
    await client().get(new URL(`${server.url}/x`));
    expect(sleeps).toEqual([100, 200]);
  });

  it('fails at once when Retry-After is longer than it will wait', async () => {
    server.rateLimitNext(1, '3600');
    const err = await failure(client().get(new URL(`${server.url}/x`)));
    expect(err).toMatchObject({ kind: 'rate-limited', status: 429, retryAfterMs: 3_600_000 });
    expect(server.requests).toHaveLength(1);
    expect(sleeps).toEqual([]);
  });

  it('fails as rate-limited when 429 persists', async () => {
    server.rateLimitNext(3, '1');
    const err = await failure(client().get(new URL(`${server.url}/x`)));
    expect(err.kind).toBe('rate-limited');
    expect(server.requests).toHaveLength(3);
  });

  it('times out a hanging server, and retries', async () => {
    server.hangNext(1);
    const res = await client({ timeoutMs: 150 }).get(new URL(`${server.url}/x`));
    expect(res.status).toBe(200);
    expect(server.requests).toHaveLength(2);
  });

  it('reports a timeout when every attempt hangs', async () => {
    server.hangNext(2);
    const err = await failure(client({ timeoutMs: 100, retries: 1 }).get(new URL(`${server.url}/slow`)));
    expect(err.kind).toBe('timeout');
    expect(err.message).toBe('test: GET /slow: no answer within 100 ms');
  });

  it('does not retry a malformed body', async () => {
    server.malformedNext(1);
    const err = await failure(client().get(new URL(`${server.url}/x`)));
    expect(err).toMatchObject({ kind: 'parse', status: 200 });
    expect(server.requests).toHaveLength(1);
  });

  it('returns other 4xx without retrying', async () => {
    server.failNext(1, 403);
    const res = await client().get(new URL(`${server.url}/x`));
    expect(res).toMatchObject({ status: 403, body: undefined });
    expect(server.requests).toHaveLength(1);
  });

  it('reports a refused connection as a network error', async () => {
    const url = new URL(`${server.url}/x`);
    await server.close();
    const err = await failure(client({ retries: 1 }).get(url));
    expect(err.kind).toBe('network');
    expect(err.message).toMatch(/ECONNREFUSED/);
    expect(sleeps).toEqual([100]);
    server = await startFakeServer('test', () => ({ status: 200, body: {} }));
  });
});

describe('parseRetryAfter', () => {
  it.each<[string | null, number | undefined]>([
    [null, undefined],
    ['0', 0],
    ['120', 120_000],
    ['soon', undefined],
    [new Date(NOW + 5000).toUTCString(), 5000],
    [new Date(NOW - 5000).toUTCString(), 0],
  ])('%j → %j', (value, ms) => {
    expect(parseRetryAfter(value, NOW)).toBe(ms);
  });
});
