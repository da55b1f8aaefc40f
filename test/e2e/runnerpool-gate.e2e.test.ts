/**
 * The carbon hook: a pool that references a CarbonPolicy asks the gate injected into the manager; a deferred job
 * gets no runner and counts in status.deferredJobs, and the pool is reconciled again at the gate's notBefore.
 */
import { CoreV1Api } from '@kubernetes/client-node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CarbonGate, GateJob, PolicyRef } from '../../src/carbon/gate.js';
import { RunnerPoolEnv, sleep } from '../controller/support/runnerpool-env.js';
import { adminKubeConfig, installCrds, useNamespace, waitFor } from './setup/kube.js';

const ns = useNamespace('rpgate');
let env: RunnerPoolEnv;
/** Admits nothing before `openAt`; asks to be asked again then. */
let openAt = Number.POSITIVE_INFINITY;
const asked: { policy: PolicyRef; jobs: number[] }[] = [];
const gate: CarbonGate = {
  async decide(policy, jobs: readonly GateJob[], now) {
    asked.push({ policy, jobs: jobs.map((j) => j.jobId) });
    return jobs.map(() =>
      now >= openAt
        ? { admit: true, reason: 'LowCarbon', message: 'admitted' }
        : { admit: false, reason: 'Deferred', message: 'waiting for a cleaner window', notBefore: openAt },
    );
  },
};

beforeAll(async () => {
  const kc = adminKubeConfig();
  await installCrds(kc);
  env = new RunnerPoolEnv(kc, ns.name);
  await env.start();
  await env.startManager({ gate });
});

afterAll(async () => {
  await env?.stop();
});

describe('carbon gate', () => {
  it('defers a job while the gate says so and gives it a runner at notBefore', async () => {
    const pool = env.pool({ name: 'green', labels: ['green-gpu'] });
    pool.spec.carbonPolicyRef = { name: 'uk-grid' };
    await env.custom.createNamespacedCustomObject({
      group: 'ai-ci.dev',
      version: 'v1alpha1',
      plural: 'runnerpools',
      namespace: ns.name,
      body: pool,
    });
    openAt = Date.now() + 4_000;
    const job = await env.fake.queueJob({ labels: ['green-gpu'] });
    const status = await waitFor('deferred in status', async () => {
      const s = (await env.getPool('green')).status;
      return s?.deferredJobs === 1 ? s : undefined;
    });
    expect(status.queuedJobs).toBe(1);
    expect(status.conditions?.find((c) => c.type === 'CarbonPolicyResolved')).toMatchObject({
      status: 'False',
      reason: 'NotFound',
    });
    expect(asked.at(-1)).toEqual({
      policy: { namespace: ns.name, name: 'uk-grid', pool: 'green' },
      jobs: [job.id],
    });
    await sleep(1_000);
    expect(await env.pods('green')).toEqual([]);

    // No event arrives when the window opens: the controller comes back by itself at notBefore.
    const pod = await waitFor('runner after notBefore', async () => (await env.pods('green'))[0], {
      timeoutMs: 15_000,
    });
    expect(Date.now()).toBeGreaterThanOrEqual(openAt);
    const [secret] = await env.secrets('green');
    expect(secret!.metadata!.annotations?.['ai-ci.dev/created-for-job']).toBe(String(job.id));
    expect(pod.metadata!.name).toBe(secret!.metadata!.name);
    await waitFor('deferred cleared', async () =>
      (await env.getPool('green')).status?.deferredJobs === 0 ? true : undefined,
    );

    // Scale-up is recorded as a Kubernetes Event on the pool, and the health endpoints answer.
    // (Written beside the Pod: waited for rather than read once.)
    await waitFor('the ScalingUp Event of pool green', async () => {
      const events = await env.kc.makeApiClient(CoreV1Api).listNamespacedEvent({ namespace: ns.name });
      return events.items.some((e) => e.reason === 'ScalingUp' && e.involvedObject.name === 'green')
        ? true
        : undefined;
    });
    const m = env.managers[0]!;
    expect(await (await fetch(`http://127.0.0.1:${m.ports.health}/healthz`)).text()).toBe('ok\n');
    const ready = await fetch(`http://127.0.0.1:${m.ports.health}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.text()).toBe('leader\n');
    const metrics = await (await fetch(`http://127.0.0.1:${m.ports.metrics}/metrics`)).text();
    expect(metrics).toMatch(/ai_ci_deferred_jobs\{namespace="[^"]+",pool="green"\} 0/);
  });
});
