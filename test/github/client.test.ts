import { AsyncLocalStorage } from 'node:async_hooks';
import { subscribe, unsubscribe } from 'node:diagnostics_channel';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createGitHubClient } from '../../src/github/client.js';
import { GitHubApiError, RunnerBusyError, RunnerGroupNotFoundError } from '../../src/github/errors.js';
import type {
  GitHubClientOptions,
  GitHubCredentials,
  GitHubResponseInfo,
  GitHubScope,
} from '../../src/github/types.js';
import { GitHubFake, type GitHubFakeOptions } from '../fakes/github/fake.js';
import { decodeFakeJitConfig } from '../fakes/github/jit.js';
import { generateAppKeyPair } from '../fakes/github/keys.js';

const ORG: GitHubScope = { kind: 'organization', organization: 'octo-org' };
const REPO: GitHubScope = { kind: 'repository', owner: 'octo-org', repo: 'app' };
const TOKEN = 'ghp_0123456789abcdefghijklmnopqrstuvwxyz';
const APP_ID = 31337;
const INSTALLATION_ID = 4711;

let keys: ReturnType<typeof generateAppKeyPair>;
beforeAll(() => {
  keys = generateAppKeyPair();
});

let fake: GitHubFake | undefined;
afterEach(async () => {
  await fake?.stop();
  fake = undefined;
});

async function startFake(options: GitHubFakeOptions = {}): Promise<GitHubFake> {
  fake = await new GitHubFake({
    tokens: [TOKEN],
    app: { appId: APP_ID, installationId: INSTALLATION_ID, publicKeyPem: keys.publicKeyPem },
    ...options,
  }).start();
  return fake;
}

interface LogLine {
  level: string;
  message: string;
  fields?: Record<string, unknown>;
}

function capture(): { lines: LogLine[]; logger: NonNullable<GitHubClientOptions['logger']> } {
  const lines: LogLine[] = [];
  const at = (level: string) => (message: string, fields?: Record<string, unknown>) => {
    lines.push({ level, message, ...(fields ? { fields } : {}) });
  };
  return { lines, logger: { debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') } };
}

const appCredentials = (): Extract<GitHubCredentials, { kind: 'app' }> => ({
  kind: 'app',
  appId: APP_ID,
  installationId: INSTALLATION_ID,
  privateKey: keys.privateKeyPem,
});

function client(f: GitHubFake, credentials: GitHubCredentials, options: GitHubClientOptions = {}) {
  return createGitHubClient(credentials, {
    baseUrl: f.url,
    writeIntervalMs: 0,
    retryDelayUnitMs: 10,
    ...options,
  });
}

describe('authentication', () => {
  it('GitHub App: signs an RS256 JWT, gets an installation token once, then uses it', async () => {
    const f = await startFake();
    const gh = client(f, appCredentials());
    await gh.listRunners(ORG);
    await gh.listRunners(REPO);
    expect(f.issuedTokens).toHaveLength(1);
    expect(f.requests.map((r) => [r.method, r.route, r.auth, r.status])).toEqual([
      ['POST', '/app/installations/{installation_id}/access_tokens', 'jwt', 201],
      ['GET', '/orgs/{org}/actions/runners', 'installation', 200],
      ['GET', '/repos/{owner}/{repo}/actions/runners', 'installation', 200],
    ]);
  });

  it('GitHub App with a key GitHub does not know: 401, and the key appears nowhere', async () => {
    const f = await startFake();
    const other = generateAppKeyPair();
    const { lines, logger } = capture();
    const gh = client(f, { ...appCredentials(), privateKey: other.privateKeyPem }, { logger });
    const error = await gh.listRunners(ORG).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GitHubApiError);
    expect((error as GitHubApiError).status).toBe(401);
    expect(f.issuedTokens).toHaveLength(0);
    assertNoSecret(
      [String((error as Error).message), String((error as Error).stack), JSON.stringify(lines)],
      other.privateKeyPem,
    );
  });

  it('token: sent as is; a wrong token gives a GitHubApiError 401 without the token', async () => {
    const f = await startFake();
    expect(await client(f, { kind: 'token', token: TOKEN }).listRunners(ORG)).toEqual([]);
    expect(f.requests[0]?.auth).toBe('token');
    const wrong = 'ghp_wrongwrongwrongwrongwrongwrongwrong';
    const error = (await client(f, { kind: 'token', token: wrong })
      .listRunners(ORG)
      .catch((e: unknown) => e)) as GitHubApiError;
    expect(error).toBeInstanceOf(GitHubApiError);
    expect(error.status).toBe(401);
    expect(error.route).toBe('GET /orgs/{org}/actions/runners');
    expect(error.message).not.toContain(wrong);
  });
});

describe('just-in-time runners', () => {
  it('organization scope: registers the runner with the group and labels asked for', async () => {
    const f = await startFake({ runnerGroups: [{ id: 7, name: 'gpu-runners' }] });
    const gh = client(f, appCredentials());
    const groupId = await gh.resolveRunnerGroupId(ORG, 'GPU-Runners');
    expect(groupId).toBe(7);
    const jit = await gh.generateJitConfig(ORG, {
      name: 'pool-a-x1',
      runnerGroupId: groupId,
      labels: ['self-hosted', 'gpu'],
      workFolder: '_w',
    });
    expect(jit.runnerName).toBe('pool-a-x1');
    expect(decodeFakeJitConfig(jit.encodedJitConfig)).toMatchObject({
      runnerId: jit.runnerId,
      runnerName: 'pool-a-x1',
      labels: ['self-hosted', 'gpu'],
      runnerGroupId: 7,
      scope: 'octo-org',
      workFolder: '_w',
    });
    const runner = f.runners.get(jit.runnerId);
    expect(runner).toMatchObject({ scope: 'octo-org', runnerGroupId: 7, busy: false });
    const posted = f.requests.find((r) => r.method === 'POST' && r.route?.endsWith('generate-jitconfig'));
    expect(posted?.route).toBe('/orgs/{org}/actions/runners/generate-jitconfig');
  });

  it('repository scope: default group 1, no runner-group lookup', async () => {
    const f = await startFake();
    const gh = client(f, { kind: 'token', token: TOKEN });
    const groupId = await gh.resolveRunnerGroupId(REPO);
    expect(groupId).toBe(1);
    const jit = await gh.generateJitConfig(REPO, {
      name: 'r1',
      runnerGroupId: groupId,
      labels: ['self-hosted', 'cpu'],
    });
    expect(decodeFakeJitConfig(jit.encodedJitConfig)).toMatchObject({
      scope: 'octo-org/app',
      workFolder: '_work',
    });
    expect(f.calls()).toEqual(['POST /repos/{owner}/{repo}/actions/runners/generate-jitconfig']);
  });

  it('runner group lookup: unknown name throws, result is cached, repository scope has no groups', async () => {
    const f = await startFake({ runnerGroups: [{ id: 9, name: 'ml' }] });
    const gh = client(f, { kind: 'token', token: TOKEN });
    await expect(gh.resolveRunnerGroupId(ORG, 'nope')).rejects.toBeInstanceOf(RunnerGroupNotFoundError);
    expect(await gh.resolveRunnerGroupId(ORG, 'ml')).toBe(9);
    expect(await gh.resolveRunnerGroupId(ORG, 'ml')).toBe(9);
    expect(await gh.resolveRunnerGroupId(ORG, 'Default')).toBe(1);
    expect(f.calls().filter((c) => c.includes('runner-groups'))).toHaveLength(2);
    await expect(gh.resolveRunnerGroupId(REPO, 'ml')).rejects.toBeInstanceOf(RunnerGroupNotFoundError);
  });

  it('a taken runner name is a 409 GitHubApiError', async () => {
    const f = await startFake();
    const gh = client(f, { kind: 'token', token: TOKEN });
    await gh.generateJitConfig(ORG, { name: 'same', runnerGroupId: 1, labels: ['gpu'] });
    const error = (await gh
      .generateJitConfig(ORG, { name: 'same', runnerGroupId: 1, labels: ['gpu'] })
      .catch((e: unknown) => e)) as GitHubApiError;
    expect(error).toBeInstanceOf(GitHubApiError);
    expect(error.status).toBe(409);
  });
});

describe('async context', () => {
  it("runs each HTTP call in the caller's async context, through the write queue too (a trace's active span)", async () => {
    const f = await startFake();
    const als = new AsyncLocalStorage<string>();
    const seen: string[] = [];
    // What an HTTP call sees when it starts: undici's diagnostics channel, as the controller's tracing reads it.
    const onCreate = (m: unknown) => {
      const { request } = m as { request: { method: string; path: string } };
      if (request.path.includes('/actions/runners')) seen.push(`${als.getStore()}: ${request.method}`);
    };
    subscribe('undici:request:create', onCreate);
    try {
      const gh = client(f, { kind: 'token', token: TOKEN }, { writeIntervalMs: 50 });
      // Two writes queue behind each other in the throttling plugin's Bottleneck; each keeps its caller's context.
      await Promise.all([
        als.run('reconcile-a', () =>
          gh.generateJitConfig(ORG, { name: 'a-1', runnerGroupId: 1, labels: ['gpu'] }),
        ),
        als.run('reconcile-b', () =>
          gh.generateJitConfig(ORG, { name: 'b-1', runnerGroupId: 1, labels: ['gpu'] }),
        ),
        als.run('reconcile-c', () => gh.listRunners(ORG)),
      ]);
    } finally {
      unsubscribe('undici:request:create', onCreate);
    }
    expect(seen.sort()).toEqual(['reconcile-a: POST', 'reconcile-b: POST', 'reconcile-c: GET']);
  });
});

describe('runners', () => {
  it('lists every page', async () => {
    const f = await startFake();
    for (let i = 0; i < 205; i++) f.addRunner({ name: `r-${i}`, labels: ['self-hosted', 'gpu'] });
    f.addRunner({ name: 'repo-runner', labels: ['cpu'], scope: 'octo-org/app' });
    const routes: string[] = [];
    const gh = client(f, { kind: 'token', token: TOKEN }, { onResponse: (m) => routes.push(m.route) });
    const runners = await gh.listRunners(ORG);
    // Later pages follow absolute Link URLs; metrics still see the route template (bounded label values).
    expect(routes).toEqual(Array(3).fill('GET /orgs/{org}/actions/runners'));
    expect(runners).toHaveLength(205);
    expect(new Set(runners.map((r) => r.name)).size).toBe(205);
    expect(runners[0]).toEqual({
      id: runners[0]!.id,
      name: 'r-0',
      status: 'offline',
      busy: false,
      labels: ['self-hosted', 'gpu'],
      runnerGroupId: 1,
    });
    expect(f.requests.map((r) => r.query.page ?? '1')).toEqual(['1', '2', '3']);
    expect((await gh.listRunners(REPO)).map((r) => r.name)).toEqual(['repo-runner']);
  });

  it('getRunner: the runner, or undefined when GitHub has none', async () => {
    const f = await startFake();
    const r = f.addRunner({ name: 'x', labels: ['gpu'] });
    f.connectRunner(r.id);
    const gh = client(f, { kind: 'token', token: TOKEN });
    expect(await gh.getRunner(ORG, r.id)).toMatchObject({ id: r.id, status: 'online', busy: false });
    expect(await gh.getRunner(ORG, 999_999)).toBeUndefined();
  });

  it('deleteRunner: idle → deleted, absent → gone, busy → RunnerBusyError and the runner stays', async () => {
    const f = await startFake();
    const gh = client(f, { kind: 'token', token: TOKEN });
    const idle = f.addRunner({ name: 'idle', labels: ['gpu'] });
    expect(await gh.deleteRunner(ORG, idle.id)).toBe('deleted');
    expect(f.runners.has(idle.id)).toBe(false);
    expect(await gh.deleteRunner(ORG, idle.id)).toBe('gone');

    const busy = f.addRunner({ name: 'busy', labels: ['self-hosted', 'gpu'] });
    const job = await f.queueJob({ labels: ['self-hosted', 'gpu'] });
    await f.takeJob(busy.id, job.id);
    const error = await gh.deleteRunner(ORG, busy.id).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RunnerBusyError);
    expect((error as RunnerBusyError).runnerId).toBe(busy.id);
    expect((error as RunnerBusyError).status).toBe(422);
    expect(f.runners.get(busy.id)?.busy).toBe(true);
  });
});

describe('rate limits and retries', () => {
  it('secondary rate limit: waits the retry-after GitHub sent, logs the wait, then succeeds', async () => {
    const f = await startFake();
    const { lines, logger } = capture();
    // Real seconds here (retryDelayUnitMs 1000): the wait itself is what is checked.
    const gh = client(f, { kind: 'token', token: TOKEN }, { logger, retryDelayUnitMs: 1000 });
    f.failNext({
      method: 'GET',
      path: '/orgs/octo-org/actions/runners',
      failure: 'secondary-rate-limit',
      retryAfter: 1,
    });
    const started = performance.now();
    expect(await gh.listRunners(ORG)).toEqual([]);
    const elapsed = performance.now() - started;
    expect(elapsed).toBeGreaterThanOrEqual(950);
    expect(f.requests.map((r) => r.status)).toEqual([403, 200]);
    const warn = lines.find((l) => l.level === 'warn' && l.message.includes('waiting'));
    expect(warn?.fields).toMatchObject({
      kind: 'secondary',
      retryAfterSeconds: 1,
      route: 'GET /orgs/{org}/actions/runners',
    });
  });

  it('retry-after scales the wait (2 s vs 1 s at 100 ms per second)', async () => {
    const f = await startFake();
    const gh = client(f, { kind: 'token', token: TOKEN }, { retryDelayUnitMs: 100 });
    f.failNext({ path: '/orgs/octo-org/actions/runners', failure: 'secondary-rate-limit', retryAfter: 3 });
    const started = performance.now();
    await gh.listRunners(ORG);
    expect(performance.now() - started).toBeGreaterThanOrEqual(290);
  });

  it('primary rate limit (x-ratelimit-remaining 0): waits for the reset, then succeeds', async () => {
    const f = await startFake();
    const { lines, logger } = capture();
    const gh = client(f, { kind: 'token', token: TOKEN }, { logger, retryDelayUnitMs: 10 });
    f.failNext({ path: '/orgs/octo-org/actions/runners', failure: 'primary-rate-limit', retryAfter: 2 });
    expect(await gh.listRunners(ORG)).toEqual([]);
    expect(f.requests.map((r) => r.status)).toEqual([403, 200]);
    expect(lines.some((l) => l.level === 'warn' && l.fields?.kind === 'primary')).toBe(true);
  });

  it('gives up after maxRetries with a GitHubApiError', async () => {
    const f = await startFake();
    const { lines, logger } = capture();
    const gh = client(f, { kind: 'token', token: TOKEN }, { logger, maxRetries: 2 });
    f.failNext({ path: '/orgs/octo-org/actions/runners', failure: 'secondary-rate-limit', times: 10 });
    const error = (await gh.listRunners(ORG).catch((e: unknown) => e)) as GitHubApiError;
    expect(error).toBeInstanceOf(GitHubApiError);
    expect(error.status).toBe(403);
    expect(f.requests).toHaveLength(3);
    expect(lines.some((l) => l.message.includes('giving up'))).toBe(true);
  });

  it('a wait longer than maxRateLimitWaitSeconds fails at once', async () => {
    const f = await startFake();
    const gh = client(f, { kind: 'token', token: TOKEN }, { maxRateLimitWaitSeconds: 60 });
    f.failNext({ path: '/orgs/octo-org/actions/runners', failure: 'secondary-rate-limit', retryAfter: 3600 });
    await expect(gh.listRunners(ORG)).rejects.toBeInstanceOf(GitHubApiError);
    expect(f.requests).toHaveLength(1);
  });

  it('server errors are retried (plugin-retry), then succeed', async () => {
    const f = await startFake();
    const gh = client(f, { kind: 'token', token: TOKEN });
    f.failNext({ path: '/orgs/octo-org/actions/runners', failure: 502, times: 2 });
    expect(await gh.listRunners(ORG)).toEqual([]);
    expect(f.requests.map((r) => r.status)).toEqual([502, 502, 200]);
  });

  it('writes are spaced by writeIntervalMs', async () => {
    const f = await startFake();
    const gh = client(f, { kind: 'token', token: TOKEN }, { writeIntervalMs: 150 });
    const started = performance.now();
    await Promise.all(
      [1, 2, 3].map((i) => gh.generateJitConfig(ORG, { name: `w${i}`, runnerGroupId: 1, labels: ['gpu'] })),
    );
    expect(performance.now() - started).toBeGreaterThanOrEqual(290);
    expect(f.runners.size).toBe(3);
  });
});

describe('metrics hook', () => {
  it('sees every attempt with its status and the rate-limit budget left', async () => {
    const f = await startFake();
    const seen: GitHubResponseInfo[] = [];
    const gh = client(f, appCredentials(), { onResponse: (info) => seen.push(info) });
    f.failNext({ path: '/orgs/octo-org/actions/runners', failure: 'secondary-rate-limit', retryAfter: 1 });
    await gh.listRunners(ORG);
    await gh.getRunner(ORG, 12345);
    expect(seen.map((s) => [s.route, s.status])).toEqual([
      ['POST /app/installations/{installation_id}/access_tokens', 201],
      ['GET /orgs/{org}/actions/runners', 403],
      ['GET /orgs/{org}/actions/runners', 200],
      ['GET /orgs/{org}/actions/runners/{runner_id}', 404],
    ]);
    expect(seen.every((s) => s.rateLimitLimit === 5000 && s.durationMs >= 0)).toBe(true);
    // Each counted request uses one unit of the budget; the token request (JWT) does not.
    expect(seen.map((s) => s.rateLimitRemaining)).toEqual([5000, 5000, 4999, 4998]);
  });

  it('a throwing callback does not break the call', async () => {
    const f = await startFake();
    const gh = client(
      f,
      { kind: 'token', token: TOKEN },
      {
        onResponse: () => {
          throw new Error('metrics broke');
        },
      },
    );
    expect(await gh.listRunners(ORG)).toEqual([]);
  });
});

describe('queued jobs (resync)', () => {
  it('repository scope: queued jobs of queued and in-progress runs, not running or finished ones', async () => {
    const f = await startFake();
    const gh = client(f, { kind: 'token', token: TOKEN });
    const a = await f.queueJob({ labels: ['self-hosted', 'gpu'], jobName: 'a' });
    const b = await f.queueJob({ labels: ['gpu'], jobName: 'b' });
    // A run with one job running and one still queued (the run itself is in_progress).
    const c1 = await f.queueJob({ labels: ['cpu'], jobName: 'c1' });
    const c2 = await f.queueJob({ labels: ['gpu'], jobName: 'c2', runId: c1.runId });
    const runner = f.addRunner({ name: 'cpu-1', labels: ['self-hosted', 'cpu'] });
    await f.takeJob(runner.id, c1.id);
    const d = await f.queueJob({ labels: ['gpu'], jobName: 'd' });
    const runnerD = f.addRunner({ name: 'gpu-1', labels: ['self-hosted', 'gpu'] });
    await f.takeJob(runnerD.id, d.id);
    await f.finishJob(d.id);

    const jobs = await gh.listQueuedJobs(REPO);
    expect(jobs.map((j) => j.id).sort()).toEqual([a.id, b.id, c2.id].sort());
    expect(jobs.find((j) => j.id === a.id)).toEqual({
      id: a.id,
      runId: a.runId,
      repository: 'octo-org/app',
      workflowName: 'CI',
      jobName: 'a',
      labels: ['self-hosted', 'gpu'],
      headBranch: 'main',
      queuedAt: a.createdAt - (a.createdAt % 1000),
      status: 'queued',
    });
  });

  it('organization scope with an App: scans the installation repositories, most recently pushed first, bounded', async () => {
    const now = Date.now();
    const f = await startFake({ repositories: [] });
    f.addRepository('octo-org/old', { pushedAt: now - 5 * 86_400_000 });
    f.addRepository('octo-org/mid', { pushedAt: now - 86_400_000 });
    f.addRepository('octo-org/new', { pushedAt: now });
    f.addRepository('octo-org/archived', { archived: true });
    const gh = client(f, appCredentials());
    const inNew = await f.queueJob({ repo: 'octo-org/new', labels: ['gpu'] });
    const inMid = await f.queueJob({ repo: 'octo-org/mid', labels: ['gpu'] });
    await f.queueJob({ repo: 'octo-org/old', labels: ['gpu'] });
    f.repos.get('octo-org/old')!.pushedAt = now - 5 * 86_400_000;

    const jobs = await gh.listQueuedJobs(ORG, { maxRepositories: 2 });
    expect(jobs.map((j) => [j.repository, j.id])).toEqual([
      ['octo-org/new', inNew.id],
      ['octo-org/mid', inMid.id],
    ]);
    const runLists = f.requests
      .filter((r) => r.route === '/repos/{owner}/{repo}/actions/runs')
      .map((r) => r.path);
    expect(new Set(runLists)).toEqual(
      new Set(['/repos/octo-org/new/actions/runs', '/repos/octo-org/mid/actions/runs']),
    );
    expect(f.calls()).toContain('GET /installation/repositories');

    const recent = await gh.listQueuedJobs(ORG, { pushedSince: now - 2 * 86_400_000 });
    expect(recent.map((j) => j.repository).sort()).toEqual(['octo-org/mid', 'octo-org/new']);
  });

  it('organization scope with a token: lists the organization repositories instead', async () => {
    const f = await startFake({ repositories: ['octo-org/one', 'octo-org/two'] });
    const gh = client(f, { kind: 'token', token: TOKEN });
    const j1 = await f.queueJob({ repo: 'octo-org/one', labels: ['gpu'] });
    const j2 = await f.queueJob({ repo: 'octo-org/two', labels: ['gpu'] });
    const jobs = await gh.listQueuedJobs(ORG);
    expect(jobs.map((j) => j.id).sort()).toEqual([j1.id, j2.id].sort());
    expect(f.calls()).toContain('GET /orgs/{org}/repos');
    expect(f.calls()).not.toContain('GET /installation/repositories');
    const repoList = f.requests.find((r) => r.route === '/orgs/{org}/repos');
    expect(repoList?.query).toMatchObject({ sort: 'pushed', direction: 'desc' });
  });

  it('bounds runs per repository', async () => {
    const f = await startFake();
    const gh = client(f, { kind: 'token', token: TOKEN });
    for (let i = 0; i < 5; i++) await f.queueJob({ labels: ['gpu'] });
    const jobs = await gh.listQueuedJobs(REPO, { maxRunsPerRepository: 2 });
    // Two queued runs expanded (no run is in progress), newest first as GitHub lists them.
    expect(jobs).toHaveLength(2);
    expect(f.calls().filter((c) => c.endsWith('/jobs'))).toHaveLength(2);
  });
});

describe('credentials never leak', () => {
  it('no private key or token in any error, log line or metrics record during failures', async () => {
    const f = await startFake();
    const { lines, logger } = capture();
    const metrics: GitHubResponseInfo[] = [];
    const app = createGitHubClient(appCredentials(), {
      baseUrl: f.url,
      logger,
      onResponse: (m) => metrics.push(m),
      writeIntervalMs: 0,
      retryDelayUnitMs: 1,
      maxRetries: 1,
    });
    const tokenClient = createGitHubClient(
      { kind: 'token', token: TOKEN },
      { baseUrl: f.url, logger, writeIntervalMs: 0, retryDelayUnitMs: 1, maxRetries: 1 },
    );
    const errors: unknown[] = [];
    const collect = (p: Promise<unknown>) =>
      p.then(
        () => undefined,
        (e: unknown) => errors.push(e),
      );

    await collect(app.listRunners(ORG)); // fetches an installation token first
    const installationToken = f.issuedTokens[0]!.token;
    // A misbehaving server echoing credentials back in its error message.
    f.failNext({ failure: 500, times: 4, message: `boom ${TOKEN} ${installationToken}` });
    await collect(app.listRunners(ORG));
    await collect(tokenClient.listRunners(ORG));
    f.failNext({ failure: 'secondary-rate-limit', times: 4 });
    await collect(tokenClient.generateJitConfig(ORG, { name: 'x', runnerGroupId: 1, labels: ['gpu'] }));
    await collect(
      createGitHubClient({ kind: 'token', token: `${TOKEN}x` }, { baseUrl: f.url, logger }).listRunners(ORG),
    );

    expect(errors.length).toBeGreaterThanOrEqual(3);
    const texts = [
      ...errors.map((e) => `${(e as Error).message}\n${(e as Error).stack}\n${JSON.stringify(e)}`),
      ...lines.map((l) => JSON.stringify(l)),
      JSON.stringify(metrics),
    ];
    assertNoSecret(texts, keys.privateKeyPem);
    for (const text of texts) {
      expect(text).not.toContain(TOKEN);
      expect(text).not.toContain(installationToken);
    }
  });
});

function assertNoSecret(texts: string[], privateKeyPem: string): void {
  const keyLines = privateKeyPem.split('\n').filter((l) => l.length > 20 && !l.startsWith('-----'));
  for (const text of texts) {
    expect(text).not.toContain('PRIVATE KEY');
    for (const line of keyLines) expect(text).not.toContain(line);
  }
}
