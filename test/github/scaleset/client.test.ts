/**
 * The scale-set protocol client against the protocol-exact Actions service fake (test/fakes/github/actions-service.ts):
 * connection (registration token → runner-registration → admin token), scale sets, sessions and their conflict,
 * the long-polled queue (202 / 200 / 401 refresh), acquire, delete and redelivery, JIT configs, token expiry,
 * session loss, queue restarts and duplicate messages.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { createGitHubClient } from '../../../src/github/client.js';
import {
  ActionsServiceClient,
  ActionsServiceError,
  isSessionConflict,
  jwtExpiry,
  parseMessageResponse,
} from '../../../src/github/scaleset/index.js';
import type { GitHubScope } from '../../../src/github/types.js';
import { ActionsServiceFake, type ActionsServiceFakeOptions } from '../../fakes/github/actions-service.js';
import { GitHubFake } from '../../fakes/github/fake.js';
import { decodeFakeJitConfig } from '../../fakes/github/jit.js';
import { RestSchemas } from '../../fakes/github/openapi.js';

const TOKEN = 'ghp_0123456789abcdefghijklmnopqrstuvwxyz';
const ORG: GitHubScope = { kind: 'organization', organization: 'octo-org' };

let github: GitHubFake | undefined;
afterEach(async () => {
  await github?.stop();
  github = undefined;
});

async function setup(options: ActionsServiceFakeOptions = {}, scope: GitHubScope = ORG) {
  github = await new GitHubFake({ tokens: [TOKEN] }).start();
  const service = new ActionsServiceFake(github, { longPollMs: 300, ...options });
  const rest = createGitHubClient(
    { kind: 'token', token: TOKEN },
    { baseUrl: github.url, writeIntervalMs: 0 },
  );
  const scopePath = scope.kind === 'organization' ? scope.organization : `${scope.owner}/${scope.repo}`;
  const client = new ActionsServiceClient({
    apiBaseUrl: github.url,
    configUrl: `https://github.com/${scopePath}`,
    registrationToken: () => rest.createRegistrationToken!(scope),
    retryBaseMs: 5,
  });
  return { github, service, client };
}

async function scaleSet(client: ActionsServiceClient, name = 'gpu-set', labels = ['gpu-set']) {
  return client.createRunnerScaleSet({
    name,
    runnerGroupId: 1,
    labels: labels.map((n) => ({ name: n, type: '' })),
  });
}

describe('connection', () => {
  it('exchanges a registration token for the service URL and an admin token, renewed before it expires', async () => {
    const { github, service, client } = await setup({ adminTokenTtlMs: 30_000 });
    await client.connect();
    expect(client.actionsServiceUrl).toBe(service.serviceUrl);
    expect(github.calls()).toContain('POST /orgs/{org}/actions/runners/registration-token');
    // The fake's registration token answer is GitHub's (OpenAPI `authentication-token`, 201).
    const issued = github.requests.find((r) => r.route === '/orgs/{org}/actions/runners/registration-token')!;
    expect(issued.status).toBe(201);
    expect(RestSchemas.get().check('POST', issued.route!, 201, issued.responseBody).errors).toBe('');
    expect(service.counts.adminConnections).toBe(1);
    // A token living < 60 s is renewed before each use (client.go updateTokenIfNeeded's margin).
    await client.getRunnerScaleSet(1, 'none');
    expect(service.counts.adminConnections).toBe(2);
  }, 60_000); // loading GitHub's OpenAPI description takes seconds

  it('keeps a long-lived admin token, and connects again when the service revokes it (401)', async () => {
    const { service, client } = await setup();
    await client.getRunnerScaleSet(1, 'none');
    await client.getRunnerScaleSet(1, 'none');
    expect(service.counts.adminConnections).toBe(1);
    service.revokeAdminTokens();
    expect(await client.getRunnerScaleSet(1, 'none')).toBeUndefined();
    expect(service.counts.adminConnections).toBe(2);
  });

  it('refuses a registration for another scope and names the failing call', async () => {
    const { github } = await setup();
    const rest = createGitHubClient(
      { kind: 'token', token: TOKEN },
      { baseUrl: github.url, writeIntervalMs: 0 },
    );
    const wrong = new ActionsServiceClient({
      apiBaseUrl: github.url,
      configUrl: 'https://github.com/other-org',
      registrationToken: () => rest.createRegistrationToken!(ORG),
      retryBaseMs: 1,
      maxRetries: 1,
    });
    await expect(wrong.connect()).rejects.toThrow(/POST \/actions\/runner-registration failed with HTTP 403/);
  });

  it('reads the exp of a JWT', () => {
    const payload = Buffer.from(JSON.stringify({ exp: 2_000_000_000 })).toString('base64url');
    expect(jwtExpiry(`e30.${payload}.sig`)).toBe(2_000_000_000_000);
    expect(() => jwtExpiry('opaque')).toThrow(/not a JWT/);
  });
});

describe('scale sets and JIT runners', () => {
  it('creates a scale set, finds it by name and id, and registers JIT runners of it', async () => {
    const { github, client } = await setup();
    expect(await client.getRunnerScaleSet(1, 'gpu-set')).toBeUndefined();
    const created = await scaleSet(client);
    expect(created).toMatchObject({
      name: 'gpu-set',
      runnerGroupId: 1,
      labels: [{ name: 'gpu-set', type: 'System' }],
    });
    expect((await client.getRunnerScaleSet(1, 'gpu-set'))?.id).toBe(created.id);
    expect((await client.getRunnerScaleSetById(created.id!)).name).toBe('gpu-set');
    expect((await client.getRunnerGroupByName('Default')).id).toBe(1);

    const jit = await client.generateJitConfig(created.id!, { name: 'gpu-set-abcde' });
    expect(jit.runner).toMatchObject({ name: 'gpu-set-abcde', runnerScaleSetId: created.id });
    expect(decodeFakeJitConfig(jit.encodedJITConfig).runnerId).toBe(jit.runner!.id);
    expect(github.runners.get(jit.runner!.id)?.labels).toEqual(['self-hosted', 'gpu-set']);
    const taken = await client
      .generateJitConfig(created.id!, { name: 'gpu-set-abcde' })
      .catch((e: unknown) => e);
    expect(taken).toBeInstanceOf(ActionsServiceError);
    expect((taken as ActionsServiceError).status).toBe(409);
    expect((taken as ActionsServiceError).isException('AgentExistsException')).toBe(true);

    expect((await client.getRunnerByName('gpu-set-abcde'))?.id).toBe(jit.runner!.id);
    await client.removeRunner(jit.runner!.id);
    expect(await client.getRunnerByName('gpu-set-abcde')).toBeUndefined();
  });
});

describe('message session', () => {
  it('allows one session per scale set: a second gets 409 until the first is deleted', async () => {
    const { client } = await setup();
    const set = await scaleSet(client);
    const first = await client.createMessageSession(set.id!, 'replica-a');
    const conflict = await client.createMessageSession(set.id!, 'replica-b').catch((e: unknown) => e);
    expect(isSessionConflict(conflict)).toBe(true);
    expect((conflict as ActionsServiceError).isException('TaskAgentSessionConflictException')).toBe(true);
    await first.close();
    const second = await client.createMessageSession(set.id!, 'replica-b');
    expect(second.sessionId).not.toBe(first.sessionId);
  });

  it('long-polls: 202 when empty, a batch once a job is queued; acquire → JobAssigned; undeleted messages come again', async () => {
    const { github, service, client } = await setup();
    const set = await scaleSet(client);
    const session = await client.createMessageSession(set.id!, 'replica-a');
    expect(session.statistics?.totalAssignedJobs).toBe(0);

    const t0 = Date.now();
    expect(await session.getMessage(0, 10)).toBeUndefined();
    expect(Date.now() - t0).toBeGreaterThanOrEqual(250); // it waited (long poll) before 202

    const poll = session.getMessage(0, 10);
    const job = await github.queueJob({ labels: ['gpu-set'] });
    const first = (await poll)!;
    expect(first.jobAvailable).toHaveLength(1);
    const available = first.jobAvailable[0]!;
    expect(available).toMatchObject({
      ownerName: 'octo-org',
      repositoryName: 'app',
      requestLabels: ['gpu-set'],
    });
    expect(available.acquireJobUrl).toContain(`/runnerscalesets/${set.id}/acquirejobs`);
    expect(first.statistics?.totalAvailableJobs).toBe(1);

    // Not deleted: the same message again for a listener that starts over (lastMessageId 0).
    expect((await session.getMessage(0, 10))!.messageId).toBe(first.messageId);
    await session.deleteMessage(first.messageId);

    expect(await session.acquireJobs([available.runnerRequestId, 999_999])).toEqual([
      available.runnerRequestId,
    ]);
    expect(await session.acquireJobs([available.runnerRequestId])).toEqual([]); // already acquired
    const assigned = (await session.getMessage(first.messageId, 10))!;
    expect(assigned.jobAssigned.map((j) => j.runnerRequestId)).toEqual([available.runnerRequestId]);
    expect(assigned.statistics?.totalAssignedJobs).toBe(1);
    await session.deleteMessage(assigned.messageId);

    const jit = await client.generateJitConfig(set.id!, { name: 'gpu-set-r1' });
    await service.takeJob(jit.runner!.id);
    const started = (await session.getMessage(assigned.messageId, 10))!;
    expect(started.jobStarted[0]).toMatchObject({ runnerId: jit.runner!.id, runnerName: 'gpu-set-r1' });
    await session.deleteMessage(started.messageId);
    await github.finishJob(job.id, 'success');
    const completed = (await session.getMessage(started.messageId, 10))!;
    expect(completed.jobCompleted[0]).toMatchObject({ result: 'succeeded', runnerName: 'gpu-set-r1' });
    expect(completed.statistics?.totalAssignedJobs).toBe(0);
  });

  it('refreshes the session once when the queue token expired (401), for get, delete and acquire', async () => {
    const { github, service, client } = await setup();
    const set = await scaleSet(client);
    const session = await client.createMessageSession(set.id!, 'replica-a');
    await github.queueJob({ labels: ['gpu-set'] });
    service.expireQueueTokens();
    const msg = (await session.getMessage(0, 5))!;
    expect(service.counts.refreshes).toBe(1);
    service.expireQueueTokens();
    await session.deleteMessage(msg.messageId);
    expect(service.counts.refreshes).toBe(2);
    service.expireQueueTokens();
    expect(await session.acquireJobs([msg.jobAvailable[0]!.runnerRequestId])).toHaveLength(1);
    expect(service.counts.refreshes).toBe(3);
  });

  it('reports a lost session (404) and a restarting queue (503) as errors; messages survive both', async () => {
    const { github, service, client } = await setup({ longPollMs: 2_000 });
    const set = await scaleSet(client);
    let session = await client.createMessageSession(set.id!, 'replica-a');
    const polling = session.getMessage(0, 5).catch((e: unknown) => e);
    await new Promise((r) => setTimeout(r, 100));
    service.restartQueue(200);
    const restarted = await polling;
    expect(restarted).toBeInstanceOf(ActionsServiceError);
    expect((restarted as ActionsServiceError).status).toBe(503);
    await new Promise((r) => setTimeout(r, 250)); // the queue is back

    await github.queueJob({ labels: ['gpu-set'] });
    service.dropSession(set.id!);
    const lost = await session.getMessage(0, 5).catch((e: unknown) => e);
    expect((lost as ActionsServiceError).status).toBe(404);
    expect((lost as ActionsServiceError).isException('TaskAgentSessionExpiredException')).toBe(true);

    session = await client.createMessageSession(set.id!, 'replica-a');
    expect(session.statistics?.totalAvailableJobs).toBe(1);
    expect((await session.getMessage(0, 5))!.jobAvailable).toHaveLength(1);
  });

  it('may deliver the same job messages twice (duplicateNext)', async () => {
    const { github, service, client } = await setup();
    const set = await scaleSet(client);
    const session = await client.createMessageSession(set.id!, 'replica-a');
    service.duplicateNext();
    await github.queueJob({ labels: ['gpu-set'] });
    const a = (await session.getMessage(0, 5))!;
    await session.deleteMessage(a.messageId);
    const b = (await session.getMessage(a.messageId, 5))!;
    expect(b.messageId).toBeGreaterThan(a.messageId);
    expect(b.jobAvailable[0]!.runnerRequestId).toBe(a.jobAvailable[0]!.runnerRequestId);
  });

  it('sends the max capacity header and api-version, and retries 5xx on service calls', async () => {
    const { github, client } = await setup();
    const set = await scaleSet(client);
    github.failNext({ path: /\/_apis\/runtime\/runnerscalesets$/, failure: 503, times: 2 });
    expect((await client.getRunnerScaleSet(1, 'gpu-set'))?.id).toBe(set.id);
    const session = await client.createMessageSession(set.id!, 'x');
    await session.getMessage(0, 7);
    const poll = github.requests.filter((r) => r.path.endsWith('/messages')).at(-1)!;
    expect(poll.query.sessionId).toBe(session.sessionId);
    const service = github.requests.filter((r) => r.path.includes('/_apis/runtime/runnerscalesets')).at(0)!;
    expect(service.query['api-version']).toBe('6.0-preview');
  });
});

describe('parseMessageResponse', () => {
  it('decodes a batch, skips unknown message types and rejects other message types', () => {
    const body = JSON.stringify([
      { messageType: 'JobAvailable', runnerRequestId: 1, acquireJobUrl: 'u' },
      { messageType: 'SomethingNew' },
      { messageType: 'JobCompleted', runnerRequestId: 2, result: 'failed' },
    ]);
    const m = parseMessageResponse({
      messageId: 3,
      messageType: 'RunnerScaleSetJobMessages',
      body,
      statistics: null,
    });
    expect(m.jobAvailable.map((j) => j.runnerRequestId)).toEqual([1]);
    expect(m.jobCompleted.map((j) => j.result)).toEqual(['failed']);
    expect(() =>
      parseMessageResponse({ messageId: 1, messageType: 'Other', body: '', statistics: null }),
    ).toThrow(/unsupported message type/);
  });
});
