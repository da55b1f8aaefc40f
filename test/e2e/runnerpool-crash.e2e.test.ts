/**
 * Crash convergence: the controller is stopped dead (no draining, nothing after the failpoint runs) between
 * creating a runner's Secret and its Pod, and between deregistering a runner and deleting its Pod. A fresh
 * controller converges: no orphan in Kubernetes or on GitHub, and no job lost.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FailpointName } from '../../src/controller/runnerpool/reconciler.js';
import { RunnerPoolEnv, sleep } from '../controller/support/runnerpool-env.js';
import { adminKubeConfig, installCrds, useNamespace, waitFor } from './setup/kube.js';

const ns = useNamespace('rpcrash');
let env: RunnerPoolEnv;

beforeAll(async () => {
  const kc = adminKubeConfig();
  await installCrds(kc);
  env = new RunnerPoolEnv(kc, ns.name);
  await env.start();
  env.startRunnerPlayer();
});

afterAll(async () => {
  await env?.stop();
});

/** A failpoint that freezes the controller at `name` (as if the process died there) and reports the hit. */
function freezeAt(name: FailpointName) {
  let hit: (runner: string) => void = () => {};
  const reached = new Promise<string>((resolve) => {
    hit = resolve;
  });
  const failpoint = (at: FailpointName, detail: { runner: string }) => {
    if (at !== name) return;
    hit(detail.runner);
    return new Promise<void>(() => {}); // never returns: nothing after this line runs
  };
  return { failpoint, reached };
}

describe('crash convergence', () => {
  it('killed between creating the Secret and the Pod: the restarted controller creates the Pod; the job runs', async () => {
    const freeze = freezeAt('afterSecret');
    const first = await env.startManager({ failpoint: freeze.failpoint });
    await env.createPool({ name: 'crash1', labels: ['crash1-gpu'] });
    const job = await env.fake.queueJob({ labels: ['crash1-gpu'] });
    const runner = await freeze.reached;
    await first.kill();

    // The crash left a registered runner and its Secret, but no Pod.
    await sleep(500);
    expect((await env.secrets('crash1')).map((s) => s.metadata?.name)).toEqual([runner]);
    expect(await env.pods('crash1')).toEqual([]);
    expect(env.githubRunners('crash1').map((r) => r.name)).toEqual([runner]);

    await env.startManager();
    const pod = await waitFor('Pod of the half-created runner', async () => (await env.pods('crash1'))[0]);
    expect(pod.metadata!.name).toBe(runner); // the same runner, not a second one
    await waitFor('runner online', async () => env.runnerByName(runner)?.status === 'online' || undefined);
    expect(env.githubRunners('crash1')).toHaveLength(1);
    expect(await env.secrets('crash1')).toHaveLength(1);

    // No job lost: it runs on that runner and everything is cleaned afterwards.
    await env.fake.takeJob(env.runnerByName(runner)!.id, job.id);
    await env.fake.finishJob(job.id);
    await env.endRunnerPod(runner, 'Succeeded');
    await waitFor('cleanup', async () =>
      (await env.pods('crash1')).length === 0 && (await env.secrets('crash1')).length === 0
        ? true
        : undefined,
    );
    expect(env.githubRunners('crash1')).toEqual([]);
    await env.managers.at(-1)!.kill();
  });

  it('killed between deregistering and deleting: the restarted controller removes the orphan Pod and serves new jobs', async () => {
    const freeze = freezeAt('afterDeregister');
    const first = await env.startManager({ failpoint: freeze.failpoint });
    await env.createPool({ name: 'crash2', labels: ['crash2-gpu'], minRunners: 1, scaleDownDelay: '1s' });
    const warm = await waitFor('warm runner online', async () =>
      env.githubRunners('crash2').find((r) => r.status === 'online'),
    );
    await env.patchPoolSpec('crash2', { minRunners: 0 });
    const runner = await freeze.reached;
    expect(runner).toBe(warm.name);
    await first.kill();

    // Deregistered on GitHub, but its Pod and Secret are still there.
    expect(env.runnerByName(runner)).toBeUndefined();
    expect((await env.pods('crash2')).map((p) => p.metadata?.name)).toEqual([runner]);

    // A job arrives while no controller runs (its webhook goes nowhere; the resync finds it).
    const job = await env.fake.queueJob({ labels: ['crash2-gpu'], dropWebhook: true });

    await env.startManager({ resyncIntervalMs: 1_000 });
    const fresh = await waitFor('a runner for the job', async () =>
      env.githubRunners('crash2').find((r) => r.name !== runner && r.status === 'online'),
    );
    await waitFor('orphan Pod removed', async () => {
      const names = (await env.pods('crash2')).map((p) => p.metadata?.name);
      return !names.includes(runner) || undefined;
    });
    expect((await env.secrets('crash2')).map((s) => s.metadata?.name)).toEqual([fresh.name]);

    await env.fake.takeJob(fresh.id, job.id);
    await env.fake.finishJob(job.id);
    await env.endRunnerPod(fresh.name, 'Succeeded');
    await waitFor('cleanup', async () =>
      (await env.pods('crash2')).length === 0 && (await env.secrets('crash2')).length === 0
        ? true
        : undefined,
    );
    expect(env.githubRunners('crash2')).toEqual([]);
  });
});
