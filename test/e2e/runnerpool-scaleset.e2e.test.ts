/**
 * Scale-set mode end to end, on the local control plane with the GitHub fake and its Actions service fake, and no
 * webhook server at all: jobs reach the controller only through the scale set's message queue; runners get JIT
 * configs from the scale set; token expiry, a lost session, a queue restart, duplicate messages and a crashed
 * leader change nothing about "one runner per job".
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Manager } from '../../src/controller/manager.js';
import { RunnerPoolEnv } from '../controller/support/runnerpool-env.js';
import { ActionsServiceFake } from '../fakes/github/actions-service.js';
import { decodeFakeJitConfig } from '../fakes/github/jit.js';
import { adminKubeConfig, installCrds, useNamespace, waitFor } from './setup/kube.js';

const ns = useNamespace('rpss');
let env: RunnerPoolEnv;
let service: ActionsServiceFake;
let manager: Manager;
const LABELS = ['ss-gpu'];
const SCALE_SET_TIMINGS = { conflictRetryMs: 300, maxBackoffMs: 1_000, retryBaseMs: 20 };

beforeAll(async () => {
  const kc = adminKubeConfig();
  await installCrds(kc);
  env = new RunnerPoolEnv(kc, ns.name);
  await env.start();
  service = new ActionsServiceFake(env.fake, { longPollMs: 1_000, sessionIdleMs: 1_500 });
  manager = await env.startManager({
    webhook: undefined,
    resyncIntervalMs: 2_000,
    scaleSet: SCALE_SET_TIMINGS,
  });
  env.startRunnerPlayer();
});

afterAll(async () => {
  await env?.stop();
});

/** Runs every queued job of the pool on a runner of its own: take, finish, Pod ends. Returns the runner names. */
async function serve(pool: string, jobIds: number[]): Promise<string[]> {
  const names: string[] = [];
  for (const jobId of jobIds) {
    const runner = await waitFor(`${pool}: an idle online runner for job ${jobId}`, async () => {
      const pods = await env.pods(pool);
      for (const p of pods) {
        const r = env.runnerByName(p.metadata!.name!);
        if (r && r.status === 'online' && !r.busy && !names.includes(r.name)) return r;
      }
      return undefined;
    });
    await service.takeJob(runner.id, jobId);
    names.push(runner.name);
  }
  for (const jobId of jobIds) await env.fake.finishJob(jobId);
  for (const name of names) await env.endRunnerPod(name, 'Succeeded');
  await waitFor(`${pool}: cleaned up`, async () => ((await env.pods(pool)).length === 0 ? true : undefined));
  return names;
}

describe('RunnerPool with demandSource: scaleSet', () => {
  it('serves jobs through the message queue with no webhook server, JIT configs from the scale set', async () => {
    expect(manager.ports.webhook).toBeUndefined();
    await env.createPool({ name: 'ss', labels: LABELS, maxRunners: 4, demandSource: 'scaleSet' });
    const set = await waitFor('scale set with a session', async () => {
      const s = [...service.scaleSets.values()].find((x) => x.name === 'ss');
      return s && service.sessions.has(s.id) ? s : undefined;
    });
    expect(set.labels).toEqual(LABELS);
    expect(service.sessions.get(set.id)!.owner).toBe(manager.identity);

    const jobs = [await env.fake.queueJob({ labels: ['self-hosted', 'ss-gpu'] })];
    jobs.push(await env.fake.queueJob({ labels: ['ss-gpu'] }));
    await waitFor('two runner Pods', async () => ((await env.pods('ss')).length === 2 ? true : undefined));
    for (const secret of await env.secrets('ss')) {
      const jit = decodeFakeJitConfig(Buffer.from(secret.data!.jitconfig!, 'base64').toString());
      expect(service.scaleSetRunners.get(jit.runnerId)).toBe(set.id); // registered through the scale set
    }
    expect(env.fake.calls()).not.toContain('POST /repos/{owner}/{repo}/actions/runners/generate-jitconfig');
    expect(service.jobStates().acquired).toBe(2);
    await serve(
      'ss',
      jobs.map((j) => j.id),
    );
    expect(service.jobStates()).toMatchObject({ available: 0, acquired: 0, running: 0, done: 2 });
    // Nothing was delivered to a webhook receiver: there is none.
    expect(env.fake.deliveries.every((d) => d.status === undefined || d.status === 0 || d.dropped)).toBe(
      true,
    );
    const metrics = await manager.metrics.registry.metrics();
    expect(metrics).toMatch(
      /ai_ci_scaleset_events_total\{namespace="[^"]+",pool="ss",event="job_assigned"\} 2/,
    );
    expect(metrics).toMatch(/ai_ci_runners_created_total\{namespace="[^"]+",pool="ss"\} 2/);
  });

  it('one runner per job through token expiry, duplicate messages, a queue restart and a lost session', async () => {
    const set = [...service.scaleSets.values()].find((x) => x.name === 'ss')!;
    service.expireQueueTokens();
    service.duplicateNext(3);
    const a = await env.fake.queueJob({ labels: ['ss-gpu'] });
    await waitFor('a runner for job a', async () => ((await env.pods('ss')).length === 1 ? true : undefined));
    service.restartQueue(300);
    const b = await env.fake.queueJob({ labels: ['ss-gpu'] });
    await waitFor('a runner for job b', async () => ((await env.pods('ss')).length === 2 ? true : undefined));
    const sessionsBefore = service.counts.sessionsCreated;
    service.dropSession(set.id);
    const c = await env.fake.queueJob({ labels: ['ss-gpu'] });
    await waitFor('a runner for job c', async () => ((await env.pods('ss')).length === 3 ? true : undefined));
    expect(service.counts.refreshes).toBeGreaterThanOrEqual(1);
    expect(service.counts.sessionsCreated).toBeGreaterThan(sessionsBefore);
    // Duplicates and redeliveries made no extra runner: still exactly one per job, for a while.
    for (let i = 0; i < 5; i++) {
      expect((await env.pods('ss')).length).toBe(3);
      await new Promise((r) => setTimeout(r, 300));
    }
    await serve('ss', [a.id, b.id, c.id]);
  });

  it('a new leader takes the session over after a crash and learns assigned jobs from the statistics', async () => {
    // Crash: the session stays open on the service; a job is assigned (acquired) that no runner serves yet.
    await manager.kill();
    const set = [...service.scaleSets.values()].find((x) => x.name === 'ss')!;
    const before = (await env.pods('ss')).length;
    expect(before).toBe(0);
    // Acquire the job as the dead leader's session would have, before dying: assigned, with no runner.
    const session = service.sessions.get(set.id)!;
    const job = await env.fake.queueJob({ labels: ['ss-gpu'] });
    const requestId = service.jobs.get(job.id)!.requestId;
    const res = await fetch(
      `${service.serviceUrl}_apis/runtime/runnerscalesets/${set.id}/acquirejobs?api-version=6.0-preview`,
      {
        method: 'POST',
        headers: { authorization: `Bearer ${session.queueToken}` },
        body: JSON.stringify([requestId]),
      },
    );
    expect(res.status).toBe(200);
    expect(service.jobStates().acquired).toBe(1);
    // The dead leader had read and acknowledged those messages: only the statistics tell of the job.
    service.discardMessages(set.id);
    const m2 = await env.startManager({
      webhook: undefined,
      resyncIntervalMs: 2_000,
      scaleSet: SCALE_SET_TIMINGS,
    });
    manager = m2;
    await waitFor('the new leader holds the session', async () =>
      service.sessions.get(set.id)?.owner === m2.identity ? true : undefined,
    );
    await waitFor('a runner for the assigned job', async () =>
      (await env.pods('ss')).length === 1 ? true : undefined,
    );
    await serve('ss', [job.id]);
    const metrics = await m2.metrics.registry.metrics();
    expect(metrics).toMatch(/ai_ci_scaleset_events_total\{namespace="[^"]+",pool="ss",event="stand_in"\} 1/);
    expect(metrics).toMatch(
      /ai_ci_scaleset_events_total\{namespace="[^"]+",pool="ss",event="session_conflict"\} \d+/,
    );
  });
});
