/**
 * RunnerPool end to end, on the local control plane with the GitHub fake: demand → Secret + Pod → busy → done →
 * cleanup; min/max; a busy runner survives scale-down; forged and replayed webhooks change nothing; a missed
 * webhook is caught by the resync.
 */
import { PolicyV1Api } from '@kubernetes/client-node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RESOURCES } from '../../src/api/v1alpha1/index.js';
import { RunnerPoolEnv, sleep, WEBHOOK_SECRET } from '../controller/support/runnerpool-env.js';
import { decodeFakeJitConfig } from '../fakes/github/jit.js';
import { adminKubeConfig, installCrds, useNamespace, waitFor } from './setup/kube.js';

const ns = useNamespace('rp');
let env: RunnerPoolEnv;

beforeAll(async () => {
  const kc = adminKubeConfig();
  await installCrds(kc);
  env = new RunnerPoolEnv(kc, ns.name);
  await env.start();
  await env.startManager({ resyncIntervalMs: 2_000 });
  env.startRunnerPlayer();
});

afterAll(async () => {
  await env?.stop();
});

async function settle(pool: string, check: () => Promise<boolean>, what: string, timeoutMs = 30_000) {
  return waitFor(`${pool}: ${what}`, async () => (await check()) || undefined, {
    timeoutMs,
    intervalMs: 200,
  });
}

describe('RunnerPool lifecycle', () => {
  it('queued webhook → Secret + Pod with the JIT config → runner busy → job done → Pod and Secret cleaned up', async () => {
    await env.createPool({ name: 'life', labels: ['life-gpu'] });
    const job = await env.fake.queueJob({ labels: ['self-hosted', 'life-gpu'] });

    const pod = await waitFor('runner Pod', async () => (await env.pods('life'))[0]);
    const name = pod.metadata!.name!;
    expect(name).toMatch(/^life-[a-z0-9]{5}$/);
    const container = pod.spec!.containers[0]!;
    expect(container.env).toContainEqual({
      name: 'ACTIONS_RUNNER_INPUT_JITCONFIG',
      valueFrom: { secretKeyRef: { name, key: 'jitconfig' } },
    });
    expect(pod.spec!.restartPolicy).toBe('Never');
    expect(pod.metadata!.ownerReferences![0]).toMatchObject({
      kind: 'RunnerPool',
      name: 'life',
      controller: true,
    });

    const [secret] = await env.secrets('life');
    expect(secret!.metadata!.name).toBe(name);
    const jit = decodeFakeJitConfig(Buffer.from(secret!.data!.jitconfig!, 'base64').toString());
    const ghRunner = env.runnerByName(name)!;
    expect(jit.runnerId).toBe(ghRunner.id);
    expect(ghRunner.labels.map((l) => l.toLowerCase()).sort()).toEqual(['life-gpu', 'self-hosted']);
    expect(secret!.metadata!.annotations?.['ai-ci.dev/created-for-job']).toBe(String(job.id));

    // The Pod runs, the runner comes online (player) and takes the job.
    await waitFor('runner online', async () => env.runnerByName(name)?.status === 'online' || undefined);
    await env.fake.takeJob(ghRunner.id, job.id);
    const busy = await waitFor('Pod marked busy', async () => {
      const p = (await env.pods('life')).find((x) => x.metadata?.name === name);
      return p?.metadata?.labels?.['ai-ci.dev/busy'] === 'true' ? p : undefined;
    });
    expect(busy.metadata!.annotations).toMatchObject({
      'cluster-autoscaler.kubernetes.io/safe-to-evict': 'false',
      'ai-ci.dev/job-id': String(job.id),
    });
    const pdb = await env.kc.makeApiClient(PolicyV1Api).readNamespacedPodDisruptionBudget({
      name: 'life-busy-runners',
      namespace: ns.name,
    });
    expect(pdb.spec?.maxUnavailable).toBe(0);
    expect(pdb.spec?.selector?.matchLabels).toEqual({ 'ai-ci.dev/pool': 'life', 'ai-ci.dev/busy': 'true' });

    // The job completes: the ephemeral runner leaves GitHub and its process exits.
    await env.fake.finishJob(job.id);
    await env.endRunnerPod(name, 'Succeeded');
    await settle(
      'life',
      async () => (await env.pods('life')).length === 0 && (await env.secrets('life')).length === 0,
      'cleaned up',
    );
    expect(env.githubRunners('life')).toEqual([]);

    const status = await waitFor('status', async () => {
      const s = (await env.getPool('life')).status;
      return s?.replicas === 0 ? s : undefined;
    });
    expect(status.observedGeneration).toBe(1);
    expect(status.conditions?.find((c) => c.type === 'GitHubReachable')?.status).toBe('True');
    expect(status.conditions?.find((c) => c.type === 'Ready')?.status).toBe('True');
    const metrics = await env.managers[0]!.metrics.registry.metrics();
    expect(metrics).toMatch(/ai_ci_job_wait_seconds_count\{namespace="[^"]+",pool="life"\} 1/);
    expect(metrics).toMatch(/ai_ci_runners_created_total\{namespace="[^"]+",pool="life"\} 1/);
  });
});

describe('RunnerPool scaling', () => {
  it('keeps minRunners warm and never exceeds maxRunners', async () => {
    await env.createPool({ name: 'minmax', minRunners: 1, maxRunners: 2, labels: ['minmax-gpu'] });
    await settle('minmax', async () => (await env.pods('minmax')).length === 1, 'one warm runner');
    for (let i = 0; i < 3; i++) await env.fake.queueJob({ labels: ['minmax-gpu'] });
    await settle('minmax', async () => (await env.pods('minmax')).length === 2, 'two runners');
    // Watch for a while: never more than maxRunners Pods (or Secrets, or GitHub runners).
    for (let i = 0; i < 10; i++) {
      expect((await env.pods('minmax')).length).toBeLessThanOrEqual(2);
      expect((await env.secrets('minmax')).length).toBeLessThanOrEqual(2);
      expect(env.githubRunners('minmax').length).toBeLessThanOrEqual(2);
      await sleep(200);
    }
    const status = await waitFor('status', async () => {
      const s = (await env.getPool('minmax')).status;
      return s?.queuedJobs === 3 && s.replicas === 2 ? s : undefined;
    });
    expect(status.conditions?.find((c) => c.type === 'Scaling')).toBeDefined();
  });

  it('removes an idle runner on scale-down but never the busy one', async () => {
    await env.createPool({
      name: 'down',
      minRunners: 1,
      maxRunners: 3,
      scaleDownDelay: '1s',
      labels: ['down-gpu'],
    });
    const job = await env.fake.queueJob({ labels: ['down-gpu'] });
    await settle(
      'down',
      async () => env.githubRunners('down').filter((r) => r.status === 'online').length === 2,
      'two runners online',
    );
    const [a] = env.githubRunners('down');
    await env.fake.takeJob(a!.id, job.id);
    await settle(
      'down',
      async () => (await env.pods('down')).some((p) => p.metadata?.labels?.['ai-ci.dev/busy'] === 'true'),
      'busy marked',
    );

    await env.patchPoolSpec('down', { minRunners: 0 });
    await settle('down', async () => (await env.pods('down')).length === 1, 'idle runner removed');
    const [left] = await env.pods('down');
    expect(left!.metadata!.name).toBe(a!.name);
    expect(left!.metadata!.deletionTimestamp).toBeUndefined();
    expect(env.githubRunners('down').map((r) => r.name)).toEqual([a!.name]);
    // Still there a while later.
    await sleep(2_500);
    expect((await env.pods('down')).map((p) => p.metadata?.name)).toEqual([a!.name]);
    expect(env.fake.calls().filter((c) => c.startsWith('DELETE')).length).toBeGreaterThanOrEqual(1);

    await env.fake.finishJob(job.id);
    await env.endRunnerPod(a!.name, 'Succeeded');
    await settle('down', async () => (await env.pods('down')).length === 0, 'finished runner cleaned');
  });
});

describe('RunnerPool demand input', () => {
  it('ignores a forged signature and acts once on a replayed delivery', async () => {
    await env.createPool({ name: 'hooks', labels: ['hooks-gpu'] });
    const job = await env.fake.queueJob({ labels: ['hooks-gpu'] });
    await settle('hooks', async () => (await env.pods('hooks')).length === 1, 'one runner');

    // The same delivery again (GitHub's "Redeliver"): a duplicate, nothing changes.
    const queued = env.fake.deliveries.find((d) => d.jobId === job.id && d.action === 'queued')!;
    expect(await env.fake.redeliver(queued.id)).toBe(200);

    // A forged delivery for a job GitHub does not have, signed with the wrong secret: rejected.
    const forgedJob = { ...job, id: job.id + 100_000, labels: ['hooks-gpu'] };
    const forged = env.fake.webhookRequest('queued', forgedJob, `${WEBHOOK_SECRET}-wrong`);
    const url = `http://127.0.0.1:${env.managers[0]!.ports.webhook}/webhooks/github`;
    const res = await fetch(url, { method: 'POST', body: forged.body, headers: forged.headers });
    expect(res.status).toBe(401);

    await sleep(3_000); // more than a resync interval
    expect((await env.pods('hooks')).length).toBe(1);
    expect(env.githubRunners('hooks').length).toBe(1);
    const metrics = await env.managers[0]!.metrics.registry.metrics();
    expect(metrics).toMatch(/ai_ci_webhook_deliveries_total\{result="duplicate"\} [1-9]/);
    expect(metrics).toMatch(/ai_ci_webhook_deliveries_total\{result="invalid_signature"\} 1/);
  });

  it('catches a missed webhook with the periodic resync', async () => {
    await env.createPool({ name: 'missed', labels: ['missed-gpu'] });
    await sleep(500);
    const job = await env.fake.queueJob({ labels: ['missed-gpu'], dropWebhook: true });
    expect(env.fake.deliveries.find((d) => d.jobId === job.id)?.dropped).toBe(true);
    const pod = await waitFor('runner for the missed job', async () => (await env.pods('missed'))[0], {
      timeoutMs: 15_000,
    });
    const [secret] = await env.secrets('missed');
    expect(secret!.metadata!.annotations?.['ai-ci.dev/created-for-job']).toBe(String(job.id));
    expect(pod.metadata!.name).toBe(secret!.metadata!.name);
    const metrics = await env.managers[0]!.metrics.registry.metrics();
    expect(metrics).toMatch(/ai_ci_resync_recovered_jobs_total\{namespace="[^"]+",pool="missed"\} 1/);
  });
});

describe('RunnerPool deletion', () => {
  it('deregisters and removes every runner (GPU Pods included), then lets the pool go', async () => {
    await env.createPool({ name: 'gone', labels: ['gone-gpu'], minRunners: 2, gpus: 1 });
    const pods = await waitFor('two GPU runners running', async () => {
      const list = await env.pods('gone');
      return list.length === 2 && list.every((p) => p.status?.phase === 'Running') ? list : undefined;
    });
    for (const p of pods) {
      expect(p.spec?.nodeName).toBe('e2e-gpu-0');
      expect(p.spec?.containers[0]?.resources?.limits).toEqual({ 'nvidia.com/gpu': '1' });
    }
    const pool = await env.getPool('gone');
    expect((pool.metadata as { finalizers?: string[] }).finalizers).toContain('ai-ci.dev/runner-cleanup');

    await env.custom.deleteNamespacedCustomObject({
      ...RESOURCES.RunnerPool,
      namespace: ns.name,
      name: 'gone',
    });
    await waitFor('pool gone', async () => {
      try {
        await env.getPool('gone');
        return undefined;
      } catch {
        return true;
      }
    });
    expect(env.githubRunners('gone')).toEqual([]);
    await settle(
      'gone',
      async () => (await env.pods('gone')).length === 0 && (await env.secrets('gone')).length === 0,
      'children gone',
    );
  });
});
