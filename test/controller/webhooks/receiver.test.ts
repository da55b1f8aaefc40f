import { createHmac } from 'node:crypto';
import { request } from 'node:http';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { DeliveryIds, type DeliveryInfo } from '../../../src/controller/webhooks/receiver.js';
import { startWebhookServer, type WebhookServer } from '../../../src/controller/webhooks/server.js';
import type { WorkflowJobEvent } from '../../../src/github/types.js';
import { GitHubFake } from '../../fakes/github/fake.js';

const SECRET = 'It’s a Secret to Everybody';

let fake: GitHubFake;
let server: WebhookServer | undefined;
let events: WorkflowJobEvent[];
let deliveries: DeliveryInfo[];

beforeAll(async () => {
  fake = await new GitHubFake({ repositories: ['octo-org/app'] }).start();
});
afterAll(async () => {
  await fake.stop();
});
afterEach(async () => {
  fake.setWebhook(undefined);
  await server?.close();
  server = undefined;
});

async function start(
  options: { maxBodyBytes?: number; onJob?: (e: WorkflowJobEvent) => void | Promise<void> } = {},
) {
  events = [];
  deliveries = [];
  server = await startWebhookServer({
    secret: SECRET,
    onJob: options.onJob ?? ((e) => void events.push(e)),
    onDelivery: (d) => deliveries.push(d),
    ...(options.maxBodyBytes ? { maxBodyBytes: options.maxBodyBytes } : {}),
  });
  return server;
}

/** GitHub's signature: HMAC-SHA256 of the raw body bytes with the webhook secret, hex, prefixed `sha256=`. */
function sign(body: string, secret = SECRET): string {
  return `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;
}

/** POSTs with node:http, so headers and body bytes are exactly what the test says. */
function post(
  url: string,
  body: string | Buffer,
  headers: Record<string, string>,
): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method: 'POST', headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () =>
        resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }),
      );
    });
    req.on('error', reject);
    req.end(body);
  });
}

async function settle(): Promise<void> {
  // onJob runs after the answer (setImmediate); give it a turn.
  await new Promise((resolve) => setTimeout(resolve, 20));
}

describe('webhook receiver', () => {
  it('accepts a signed workflow_job delivery from the fake and hands over a typed event', async () => {
    const s = await start();
    fake.setWebhook({ url: s.url, secret: SECRET });
    const job = await fake.queueJob({
      labels: ['self-hosted', 'gpu'],
      workflowName: 'Perf',
      jobName: 'bench',
    });
    await settle();
    expect(fake.deliveries.at(-1)?.status).toBe(202);
    expect(events).toHaveLength(1);
    expect(events[0]).toEqual({
      action: 'queued',
      deliveryId: fake.deliveries.at(-1)!.id,
      organization: 'octo-org',
      job: {
        id: job.id,
        runId: job.runId,
        repository: 'octo-org/app',
        workflowName: 'Perf',
        jobName: 'bench',
        labels: ['self-hosted', 'gpu'],
        headBranch: 'main',
        queuedAt: job.createdAt - (job.createdAt % 1000),
        status: 'queued',
      },
    });
    expect(deliveries.map((d) => d.result)).toEqual(['accepted']);

    const runner = fake.addRunner({ name: 'pool-1', labels: ['self-hosted', 'gpu'] });
    await fake.takeJob(runner.id, job.id);
    await fake.finishJob(job.id);
    await settle();
    expect(events.map((e) => [e.action, e.job.status, e.job.runnerId ?? null])).toEqual([
      ['queued', 'queued', null],
      ['in_progress', 'in_progress', runner.id],
      ['completed', 'completed', runner.id],
    ]);
    expect(events[2]?.job.conclusion).toBe('success');
  });

  it('a forged signature is refused with 401 and emits nothing', async () => {
    const s = await start();
    const job = await fake.queueJob({ labels: ['gpu'] });
    const { body, headers } = fake.webhookRequest('queued', job, 'not-the-secret');
    const reply = await post(s.url, body, headers);
    expect(reply.status).toBe(401);
    // A body altered after signing is forged too.
    const signed = fake.webhookRequest('queued', job, SECRET);
    const altered = signed.body.replace('"gpu"', '"cpu"');
    expect((await post(s.url, altered, signed.headers)).status).toBe(401);
    // And so is a delivery without signature.
    const { 'x-hub-signature-256': _omit, ...unsigned } = signed.headers;
    expect((await post(s.url, signed.body, unsigned)).status).toBe(401);
    await settle();
    expect(events).toEqual([]);
    expect(deliveries.map((d) => d.result)).toEqual([
      'invalid_signature',
      'invalid_signature',
      'invalid_signature',
    ]);
  });

  it('verifies the raw bytes: whitespace and key order GitHub sent are kept', async () => {
    const s = await start();
    const job = await fake.queueJob({ labels: ['gpu'] });
    const { payload, headers } = fake.webhookRequest('queued', job, SECRET);
    // Pretty-printed JSON: re-serialising would change the bytes and break the signature.
    const pretty = JSON.stringify(payload, null, 2);
    const reply = await post(s.url, pretty, { ...headers, 'x-hub-signature-256': sign(pretty) });
    expect(reply.status).toBe(202);
    await settle();
    expect(events.map((e) => e.job.id)).toEqual([job.id]);
  });

  it('a replayed delivery acts once', async () => {
    const s = await start();
    fake.setWebhook({ url: s.url, secret: SECRET });
    const job = await fake.queueJob({ labels: ['gpu'] });
    const id = fake.deliveries.at(-1)!.id;
    expect(await fake.redeliver(id)).toBe(200);
    expect(await fake.redeliver(id)).toBe(200);
    // Two copies at the same moment still act once.
    const { body, headers } = fake.webhookRequest('in_progress', { ...job, status: 'in_progress' }, SECRET);
    const both = await Promise.all([post(s.url, body, headers), post(s.url, body, headers)]);
    expect(both.map((r) => r.status).sort()).toEqual([200, 202]);
    await settle();
    expect(events.map((e) => e.action)).toEqual(['queued', 'in_progress']);
    expect(deliveries.map((d) => d.result)).toEqual([
      'accepted',
      'duplicate',
      'duplicate',
      expect.any(String),
      expect.any(String),
    ]);
    expect(deliveries.filter((d) => d.result === 'duplicate')).toHaveLength(3);
  });

  it('other events and unused actions are ignored; ping is answered', async () => {
    const s = await start();
    const push = JSON.stringify({ ref: 'refs/heads/main' });
    const reply = await post(s.url, push, {
      'content-type': 'application/json',
      'x-github-event': 'push',
      'x-github-delivery': 'd-push',
      'x-hub-signature-256': sign(push),
    });
    expect(reply.status).toBe(202);
    const ping = JSON.stringify({ zen: 'Keep it logically awesome.', hook_id: 1 });
    expect(
      (
        await post(s.url, ping, {
          'content-type': 'application/json',
          'x-github-event': 'ping',
          'x-github-delivery': 'd-ping',
          'x-hub-signature-256': sign(ping),
        })
      ).status,
    ).toBe(200);
    const odd = JSON.stringify({ action: 'renamed', workflow_job: {}, repository: {} });
    expect(
      (
        await post(s.url, odd, {
          'content-type': 'application/json',
          'x-github-event': 'workflow_job',
          'x-github-delivery': 'd-odd',
          'x-hub-signature-256': sign(odd),
        })
      ).status,
    ).toBe(202);
    await settle();
    expect(events).toEqual([]);
    expect(deliveries.map((d) => [d.result, d.event])).toEqual([
      ['ignored', 'push'],
      ['ignored', 'ping'],
      ['ignored', 'workflow_job'],
    ]);
  });

  it('malformed JSON and incomplete payloads are errors (400), not crashes', async () => {
    const s = await start();
    const headers = (body: string, id: string) => ({
      'content-type': 'application/json',
      'x-github-event': 'workflow_job',
      'x-github-delivery': id,
      'x-hub-signature-256': sign(body),
    });
    const broken = '{"action": "queued", "workflow_job": {';
    expect((await post(s.url, broken, headers(broken, 'd1'))).status).toBe(400);
    const partial = JSON.stringify({
      action: 'queued',
      workflow_job: { id: 1 },
      repository: { full_name: 'o/r' },
    });
    expect((await post(s.url, partial, headers(partial, 'd2'))).status).toBe(400);
    const noRepo = JSON.stringify({ action: 'queued', workflow_job: { id: 1, run_id: 2, labels: ['x'] } });
    expect((await post(s.url, noRepo, headers(noRepo, 'd3'))).status).toBe(400);
    const form = 'payload=%7B%7D';
    expect(
      (
        await post(s.url, form, {
          ...headers(form, 'd4'),
          'content-type': 'application/x-www-form-urlencoded',
        })
      ).status,
    ).toBe(415);
    expect(
      (await post(s.url, '{}', { 'content-type': 'application/json', 'x-hub-signature-256': sign('{}') }))
        .status,
    ).toBe(400);
    await settle();
    expect(events).toEqual([]);
    expect(deliveries.every((d) => d.result === 'error')).toBe(true);
    expect(deliveries).toHaveLength(5);
  });

  it('an oversized body is refused with 413 (declared or streamed)', async () => {
    const s = await start({ maxBodyBytes: 1024 });
    const big = JSON.stringify({ action: 'queued', padding: 'x'.repeat(4096) });
    const headers = {
      'content-type': 'application/json',
      'x-github-event': 'workflow_job',
      'x-github-delivery': 'big',
      'x-hub-signature-256': sign(big),
    };
    expect((await post(s.url, big, headers)).status).toBe(413);
    // Chunked, without content-length: the limit applies while reading.
    const chunked = await new Promise<number>((resolve, reject) => {
      const req = request(
        s.url,
        { method: 'POST', headers: { ...headers, 'transfer-encoding': 'chunked' } },
        (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        },
      );
      req.on('error', reject);
      for (let i = 0; i < 8; i++) req.write('x'.repeat(512));
      req.end();
    });
    expect(chunked).toBe(413);
    expect(deliveries.map((d) => [d.result, d.status])).toEqual([
      ['error', 413],
      ['error', 413],
    ]);
    expect(events).toEqual([]);
  });

  it('answers before onJob finishes, and a failing onJob is logged, not fatal', async () => {
    let release: () => void = () => {};
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    let finished = 0;
    const s = await start({
      onJob: async (e) => {
        if (e.job.labels.includes('boom')) throw new Error('controller failed');
        await gate;
        finished++;
      },
    });
    const job = await fake.queueJob({ labels: ['gpu'] });
    const { body, headers } = fake.webhookRequest('queued', job, SECRET);
    const reply = await post(s.url, body, headers);
    expect(reply.status).toBe(202);
    expect(finished).toBe(0);
    release();
    await settle();
    expect(finished).toBe(1);
    const boom = await fake.queueJob({ labels: ['boom'] });
    const second = fake.webhookRequest('queued', boom, SECRET);
    expect((await post(s.url, second.body, second.headers)).status).toBe(202);
    await settle();
    // Still serving.
    const third = fake.webhookRequest(
      'completed',
      { ...job, status: 'completed', conclusion: 'success' },
      SECRET,
    );
    expect((await post(s.url, third.body, third.headers)).status).toBe(202);
  });

  it('serves only its path and only POST', async () => {
    const s = await start();
    const base = s.url.replace('/webhooks/github', '');
    expect((await fetch(`${base}/other`, { method: 'POST', body: '{}' })).status).toBe(404);
    expect((await fetch(s.url)).status).toBe(405);
  });
});

describe('DeliveryIds (the replay memory)', () => {
  // Each step: advance the clock, then add ids and/or ask for ids; `seen` lists which asked ids count as seen.
  const cases: {
    name: string;
    max: number;
    ttlMs: number;
    steps: { at: number; add?: string[]; ask: string[]; seen: string[]; size?: number }[];
  }[] = [
    {
      name: 'an id is seen once added, and only then',
      max: 10,
      ttlMs: 1000,
      steps: [
        { at: 0, ask: ['a'], seen: [] },
        { at: 1, add: ['a'], ask: ['a', 'b'], seen: ['a'], size: 1 },
      ],
    },
    {
      name: 'an id is forgotten after ttlMs, and pruned on the next add',
      max: 10,
      ttlMs: 1000,
      steps: [
        { at: 0, add: ['a'], ask: ['a'], seen: ['a'] },
        { at: 500, add: ['b'], ask: ['a', 'b'], seen: ['a', 'b'], size: 2 },
        { at: 999, ask: ['a'], seen: ['a'] },
        { at: 1000, ask: ['a', 'b'], seen: ['b'] },
        { at: 1001, add: ['c'], ask: ['a', 'b', 'c'], seen: ['b', 'c'], size: 2 },
        { at: 2000, add: ['d'], ask: ['b', 'c', 'd'], seen: ['c', 'd'], size: 2 },
      ],
    },
    {
      name: 'at most max ids: the oldest goes first',
      max: 3,
      ttlMs: 1_000_000,
      steps: [
        { at: 0, add: ['a', 'b', 'c'], ask: ['a', 'b', 'c'], seen: ['a', 'b', 'c'], size: 3 },
        { at: 1, add: ['d'], ask: ['a', 'b', 'c', 'd'], seen: ['b', 'c', 'd'], size: 3 },
        { at: 2, add: ['e', 'f'], ask: ['b', 'c', 'd', 'e', 'f'], seen: ['d', 'e', 'f'], size: 3 },
      ],
    },
    {
      name: 're-adding an id renews it',
      max: 2,
      ttlMs: 100,
      steps: [
        { at: 0, add: ['a', 'b'], ask: [], seen: [] },
        { at: 50, add: ['a'], ask: ['a', 'b'], seen: ['a', 'b'], size: 2 },
        { at: 120, ask: ['a', 'b'], seen: ['a'] },
        { at: 121, add: ['c'], ask: ['a', 'b', 'c'], seen: ['a', 'c'], size: 2 },
      ],
    },
  ];
  it.each(cases)('$name', ({ max, ttlMs, steps }) => {
    let now = 0;
    const ids = new DeliveryIds(max, ttlMs, () => now);
    for (const step of steps) {
      now = step.at;
      for (const id of step.add ?? []) ids.set(id);
      expect(
        step.ask.filter((id) => ids.has(id)),
        `at ${step.at}`,
      ).toEqual(step.seen);
      if (step.size !== undefined) expect(ids.size, `size at ${step.at}`).toBe(step.size);
    }
  });
});
