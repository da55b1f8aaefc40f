/**
 * The GitHub fake is only useful if it answers like GitHub: every response it gives in these scenarios is checked
 * against GitHub's OpenAPI description, every webhook against GitHub's webhook schemas and signature scheme.
 */
import { createHmac, createPrivateKey } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Webhooks } from '@octokit/webhooks';
import { SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GitHubFake } from './fake.js';
import { decodeFakeJitConfig } from './jit.js';
import { generateAppKeyPair } from './keys.js';
import { RestSchemas, WebhookSchemas } from './openapi.js';

const TOKEN = 'ghp_fake0123456789abcdefghijklmnopqrstu';
const SECRET = 'webhook-secret-for-tests';
const APP_ID = 99;
const INSTALLATION_ID = 1234;

interface Captured {
  headers: Record<string, string>;
  body: string;
}

let keys: ReturnType<typeof generateAppKeyPair>;
let fake: GitHubFake;
let sink: Server;
const captured: Captured[] = [];

beforeAll(async () => {
  keys = generateAppKeyPair();
  sink = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      captured.push({
        headers: req.headers as Record<string, string>,
        body: Buffer.concat(chunks).toString('utf8'),
      });
      res.writeHead(202);
      res.end();
    });
  });
  await new Promise<void>((resolve) => sink.listen(0, '127.0.0.1', resolve));
  fake = await new GitHubFake({
    tokens: [TOKEN],
    app: { appId: APP_ID, installationId: INSTALLATION_ID, publicKeyPem: keys.publicKeyPem },
    runnerGroups: [{ id: 5, name: 'gpu' }],
    repositories: ['octo-org/app', 'octo-org/lib'],
  }).start();
  fake.setWebhook({ url: `http://127.0.0.1:${(sink.address() as AddressInfo).port}/hook`, secret: SECRET });
});

afterAll(async () => {
  await fake.stop();
  await new Promise<void>((resolve) => sink.close(() => resolve()));
});

async function api(method: string, path: string, options: { body?: unknown; auth?: string } = {}) {
  const response = await fetch(`${fake.url}${path}`, {
    method,
    headers: {
      authorization: options.auth ?? `token ${TOKEN}`,
      accept: 'application/vnd.github+json',
      ...(options.body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    ...(options.body === undefined ? {} : { body: JSON.stringify(options.body) }),
  });
  const text = await response.text();
  return {
    status: response.status,
    headers: response.headers,
    body: text ? (JSON.parse(text) as unknown) : undefined,
  };
}

async function appJwt(overrides: { iss?: string; lifetime?: number; key?: string } = {}): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT({})
    .setProtectedHeader({ alg: 'RS256' })
    .setIssuer(overrides.iss ?? String(APP_ID))
    .setIssuedAt(now - 30)
    .setExpirationTime(now - 30 + (overrides.lifetime ?? 540))
    .sign(createPrivateKey(overrides.key ?? keys.privateKeyPem));
}

describe('GitHub fake: scenario', () => {
  it('plays a job from queue to completion, and every response matches GitHub OpenAPI description', async () => {
    // App auth
    const jwt = await appJwt();
    const tokenReply = await api('POST', `/app/installations/${INSTALLATION_ID}/access_tokens`, {
      auth: `Bearer ${jwt}`,
    });
    expect(tokenReply.status).toBe(201);
    const installationToken = (tokenReply.body as { token: string }).token;
    const inst = `token ${installationToken}`;
    expect((await api('GET', '/installation/repositories?per_page=1', { auth: inst })).status).toBe(200);
    expect(
      (
        await api('POST', `/app/installations/${INSTALLATION_ID + 1}/access_tokens`, {
          auth: `Bearer ${jwt}`,
        })
      ).status,
    ).toBe(404);

    // Runner groups, JIT configs for both scopes, conflicts and validation errors
    expect((await api('GET', '/orgs/octo-org/actions/runner-groups')).status).toBe(200);
    const jit = await api('POST', '/orgs/octo-org/actions/runners/generate-jitconfig', {
      body: { name: 'gpu-1', runner_group_id: 5, labels: ['self-hosted', 'gpu'] },
    });
    expect(jit.status).toBe(201);
    const runnerId = (jit.body as { runner: { id: number } }).runner.id;
    expect(
      (
        await api('POST', '/orgs/octo-org/actions/runners/generate-jitconfig', {
          body: { name: 'gpu-1', runner_group_id: 5, labels: ['gpu'] },
        })
      ).status,
    ).toBe(409);
    expect(
      (
        await api('POST', '/repos/octo-org/app/actions/runners/generate-jitconfig', {
          body: { name: 'repo-1', runner_group_id: 1, labels: [] },
        })
      ).status,
    ).toBe(422);
    expect(
      (
        await api('POST', '/repos/octo-org/app/actions/runners/generate-jitconfig', {
          body: { name: 'repo-1', runner_group_id: 1, labels: ['cpu'], work_folder: '_w' },
        })
      ).status,
    ).toBe(201);

    // A job: queued → in_progress → completed
    const job = await fake.queueJob({ repo: 'octo-org/app', labels: ['self-hosted', 'gpu'] });
    expect((await api('GET', '/repos/octo-org/app/actions/runs?status=queued')).status).toBe(200);
    expect(
      (await api('GET', `/repos/octo-org/app/actions/runs/${job.runId}/jobs?filter=latest`)).status,
    ).toBe(200);
    await fake.takeJob(runnerId);
    expect((await api('GET', `/orgs/octo-org/actions/runners/${runnerId}`)).body).toMatchObject({
      busy: true,
      status: 'online',
    });
    expect((await api('DELETE', `/orgs/octo-org/actions/runners/${runnerId}`)).status).toBe(422);
    expect((await api('GET', '/repos/octo-org/app/actions/runs?status=in_progress')).status).toBe(200);
    expect((await api('GET', `/repos/octo-org/app/actions/runs/${job.runId}/jobs`)).status).toBe(200);
    await fake.finishJob(job.id);
    expect(fake.runners.has(runnerId)).toBe(false);
    expect((await api('GET', `/orgs/octo-org/actions/runners/${runnerId}`)).status).toBe(404);
    expect((await api('DELETE', `/orgs/octo-org/actions/runners/${runnerId}`)).status).toBe(404);
    expect((await api('GET', `/repos/octo-org/app/actions/runs/${job.runId}/jobs`)).status).toBe(200);
    expect((await api('GET', '/repos/octo-org/app/actions/runs?status=completed')).status).toBe(200);
    const repoRunner = [...fake.runners.values()].find((r) => r.name === 'repo-1')!;
    expect((await api('GET', '/repos/octo-org/app/actions/runners')).status).toBe(200);
    expect((await api('DELETE', `/repos/octo-org/app/actions/runners/${repoRunner.id}`)).status).toBe(204);

    // Listings, failures
    expect((await api('GET', '/orgs/octo-org/repos?sort=pushed&direction=desc')).status).toBe(200);
    expect((await api('GET', '/orgs/octo-org/actions/runners', { auth: 'token wrong' })).status).toBe(401);
    fake.failNext({ path: '/orgs/octo-org/actions/runners', failure: 'secondary-rate-limit', retryAfter: 7 });
    const limited = await api('GET', '/orgs/octo-org/actions/runners');
    expect(limited.status).toBe(403);
    expect(limited.headers.get('retry-after')).toBe('7');
    fake.failNext({ method: 'GET', path: /\/runners$/, failure: 500 });
    expect((await api('GET', '/orgs/octo-org/actions/runners')).status).toBe(500);
    expect((await api('GET', '/orgs/octo-org/actions/runners')).status).toBe(200);

    // Every response of every request above, against GitHub's OpenAPI description.
    const schemas = RestSchemas.get();
    const checked = new Set<string>();
    for (const request of fake.requests) {
      expect(request.route, `${request.method} ${request.path} matched no route`).toBeDefined();
      expect(schemas.hasOperation(request.method, request.route!), `${request.method} ${request.route}`).toBe(
        true,
      );
      const result = schemas.check(request.method, request.route!, request.status, request.responseBody);
      expect(result.errors, `${request.method} ${request.path} → ${request.status}`).toBe('');
      checked.add(`${request.method} ${request.route} ${request.status}`);
    }
    // The scenario covers every endpoint of the fake, including errors.
    expect([...checked].sort()).toEqual(
      [
        'DELETE /orgs/{org}/actions/runners/{runner_id} 404',
        'DELETE /orgs/{org}/actions/runners/{runner_id} 422',
        'DELETE /repos/{owner}/{repo}/actions/runners/{runner_id} 204',
        'GET /installation/repositories 200',
        'GET /orgs/{org}/actions/runner-groups 200',
        'GET /orgs/{org}/actions/runners 200',
        'GET /orgs/{org}/actions/runners 401',
        'GET /orgs/{org}/actions/runners 403',
        'GET /orgs/{org}/actions/runners 500',
        'GET /orgs/{org}/actions/runners/{runner_id} 200',
        'GET /orgs/{org}/actions/runners/{runner_id} 404',
        'GET /orgs/{org}/repos 200',
        'GET /repos/{owner}/{repo}/actions/runners 200',
        'GET /repos/{owner}/{repo}/actions/runs 200',
        'GET /repos/{owner}/{repo}/actions/runs/{run_id}/jobs 200',
        'POST /app/installations/{installation_id}/access_tokens 201',
        'POST /app/installations/{installation_id}/access_tokens 404',
        'POST /orgs/{org}/actions/runners/generate-jitconfig 201',
        'POST /orgs/{org}/actions/runners/generate-jitconfig 409',
        'POST /repos/{owner}/{repo}/actions/runners/generate-jitconfig 201',
        'POST /repos/{owner}/{repo}/actions/runners/generate-jitconfig 422',
      ].sort(),
    );

    // Webhooks: queued, in_progress, completed, each valid per GitHub's webhook schema and signed like GitHub.
    const deliveries = fake.deliveries.filter((d) => d.jobId === job.id);
    expect(deliveries.map((d) => d.action)).toEqual(['queued', 'in_progress', 'completed']);
    const webhookSchemas = WebhookSchemas.get();
    const verifier = new Webhooks({ secret: SECRET });
    for (const delivery of deliveries) {
      const received = captured.find((c) => c.headers['x-github-delivery'] === delivery.id);
      expect(received, `delivery ${delivery.action} reached the receiver`).toBeDefined();
      expect(received!.headers['x-github-event']).toBe('workflow_job');
      const hmac = createHmac('sha256', SECRET).update(received!.body).digest('hex');
      expect(received!.headers['x-hub-signature-256']).toBe(`sha256=${hmac}`);
      expect(await verifier.verify(received!.body, received!.headers['x-hub-signature-256']!)).toBe(true);
      const payload = JSON.parse(received!.body) as {
        workflow_job: { status: string; runner_id: number | null };
      };
      const result = webhookSchemas.check('workflow_job', delivery.action, payload);
      expect(result.errors, `workflow_job ${delivery.action}`).toBe('');
      expect(payload.workflow_job.status).toBe(delivery.action);
    }
    const inProgress = JSON.parse(deliveries[1]!.body) as {
      workflow_job: { runner_id: number; runner_name: string };
    };
    expect(inProgress.workflow_job).toMatchObject({ runner_id: runnerId, runner_name: 'gpu-1' });
    const completed = JSON.parse(deliveries[2]!.body) as {
      workflow_job: { conclusion: string };
      installation: { id: number };
    };
    expect(completed.workflow_job.conclusion).toBe('success');
    expect(completed.installation.id).toBe(INSTALLATION_ID);
  });

  it('a waiting webhook is valid too', () => {
    const job = [...fake.jobs.values()][0]!;
    const request = fake.webhookRequest('waiting', job, SECRET);
    expect(WebhookSchemas.get().check('workflow_job', 'waiting', request.payload).errors).toBe('');
  });
});

describe('the schema checks can fail', () => {
  it('a runner without os, a job with a bad status, a payload without repository are caught', () => {
    const rest = RestSchemas.get();
    const runner = { id: 1, name: 'r', status: 'online', busy: false, labels: [] };
    expect(rest.check('GET', '/orgs/{org}/actions/runners/{runner_id}', 200, runner).errors).toMatch(/os/);
    const jobs = { total_count: 1, jobs: [{ id: 1, status: 'sleeping' }] };
    expect(rest.check('GET', '/repos/{owner}/{repo}/actions/runs/{run_id}/jobs', 200, jobs).valid).toBe(
      false,
    );
    expect(
      rest.check('DELETE', '/orgs/{org}/actions/runners/{runner_id}', 204, { unexpected: true }).valid,
    ).toBe(false);
    const job = [...fake.jobs.values()][0]!;
    const { payload } = fake.webhookRequest('queued', job, SECRET);
    const { repository: _dropped, ...withoutRepository } = payload;
    expect(WebhookSchemas.get().check('workflow_job', 'queued', withoutRepository).errors).toMatch(
      /repository/,
    );
  });
});

describe('GitHub fake: behaviour', () => {
  it('App JWTs: wrong issuer, a lifetime over 10 minutes, or a foreign key are refused', async () => {
    const path = `/app/installations/${INSTALLATION_ID}/access_tokens`;
    expect((await api('POST', path, { auth: `Bearer ${await appJwt({ iss: '1' })}` })).status).toBe(401);
    expect((await api('POST', path, { auth: `Bearer ${await appJwt({ lifetime: 700 })}` })).status).toBe(401);
    const foreign = generateAppKeyPair().privateKeyPem;
    expect((await api('POST', path, { auth: `Bearer ${await appJwt({ key: foreign })}` })).status).toBe(401);
    // A JWT is not an installation token.
    expect(
      (await api('GET', '/orgs/octo-org/actions/runners', { auth: `Bearer ${await appJwt()}` })).status,
    ).toBe(403);
  });

  it('paginates with GitHub Link headers', async () => {
    for (let i = 0; i < 5; i++) fake.addRunner({ name: `page-${i}`, labels: ['x'], scope: 'octo-org/lib' });
    const first = await api('GET', '/repos/octo-org/lib/actions/runners?per_page=2');
    expect((first.body as { total_count: number; runners: unknown[] }).runners).toHaveLength(2);
    expect((first.body as { total_count: number }).total_count).toBe(5);
    const link = first.headers.get('link')!;
    expect(link).toContain('rel="next"');
    expect(link).toMatch(/page=3>; rel="last"/);
    const next = /<([^>]+)>; rel="next"/.exec(link)![1]!;
    const second = await fetch(next, { headers: { authorization: `token ${TOKEN}` } });
    const body = (await second.json()) as { runners: { name: string }[] };
    expect(body.runners.map((r) => r.name)).toEqual(['page-2', 'page-3']);
  });

  it('runners take jobs as GitHub assigns them: job labels ⊆ runner labels, within the runner scope', async () => {
    const cpuRunner = fake.addRunner({ name: 'cpu-only', labels: ['self-hosted', 'linux'] });
    const gpuJob = await fake.queueJob({ labels: ['self-hosted', 'linux', 'gpu'] });
    await expect(fake.takeJob(cpuRunner.id, gpuJob.id)).rejects.toThrow(/cannot take job/);
    const repoRunner = fake.addRunner({
      name: 'lib-runner',
      labels: ['self-hosted', 'linux', 'gpu'],
      scope: 'octo-org/lib',
    });
    await expect(fake.takeJob(repoRunner.id, gpuJob.id)).rejects.toThrow(/cannot take job/);
    const gpuRunner = fake.addRunner({ name: 'gpu-big', labels: ['self-hosted', 'linux', 'gpu'] });
    const taken = await fake.takeJob(gpuRunner.id);
    expect(taken.id).toBe(gpuJob.id);
    await expect(fake.takeJob(gpuRunner.id)).rejects.toThrow(/already busy/);
    await fake.finishJob(gpuJob.id, 'failure');
    expect(fake.runs.get(gpuJob.runId)).toMatchObject({ status: 'completed', conclusion: 'failure' });
  });

  it('a dropped webhook is recorded but not sent; redelivery resends the same delivery', async () => {
    const before = captured.length;
    const job = await fake.queueJob({ labels: ['gpu'], dropWebhook: true });
    const dropped = fake.deliveries.find((d) => d.jobId === job.id)!;
    expect(dropped).toMatchObject({ dropped: true, action: 'queued' });
    expect(dropped.status).toBeUndefined();
    expect(captured.length).toBe(before);
    expect(await fake.redeliver(dropped.id)).toBe(202);
    expect(captured.at(-1)!.headers['x-github-delivery']).toBe(dropped.id);
    expect(captured.at(-1)!.body).toBe(dropped.body);
  });

  it('webhooks only go to 127.0.0.1', () => {
    expect(() => fake.setWebhook({ url: 'http://example.com/hook', secret: 'x' })).toThrow(/127\.0\.0\.1/);
  });

  it('decodeFakeJitConfig refuses a blob the fake did not make', () => {
    expect(() => decodeFakeJitConfig(Buffer.from('{"a":1}').toString('base64'))).toThrow(/not a JIT config/);
    expect(() => decodeFakeJitConfig('%%%')).toThrow(/not a JIT config/);
  });
});
