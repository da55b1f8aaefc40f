/**
 * Two controller replicas with the same Lease: only the leader acts (one runner per job, never two); when the
 * leader dies without releasing the Lease, the standby takes over within the lease duration and reconciles both
 * kinds, RunnerPools and CarbonPolicies, changed while no one led; a graceful stop releases the Lease at once.
 */
import { CoordinationV1Api, CustomObjectsApi } from '@kubernetes/client-node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CarbonPolicy, RESOURCES } from '../../src/api/v1alpha1/index.js';
import type { Manager } from '../../src/controller/manager.js';
import { mergePatch } from '../../src/kube/api.js';
import { RunnerPoolEnv, sleep } from '../controller/support/runnerpool-env.js';
import { adminKubeConfig, installCrds, useNamespace, waitFor } from './setup/kube.js';

const ns = useNamespace('rplease');
let env: RunnerPoolEnv;
const LEASE_MS = 3_000;

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

function replica(identity: string) {
  return env.startManager({
    leaderElection: {
      namespace: ns.name,
      name: 'ai-ci-controller',
      identity,
      leaseDurationMs: LEASE_MS,
      renewDeadlineMs: 2_000,
      retryPeriodMs: 250,
    },
  });
}

describe('leader election', () => {
  it('lets only one replica act, and fails over within the lease duration', async () => {
    const a = await replica('replica-a');
    const b = await replica('replica-b');
    const leaderOf = async () => {
      const lease = await env.kc
        .makeApiClient(CoordinationV1Api)
        .readNamespacedLease({ name: 'ai-ci-controller', namespace: ns.name });
      return lease.spec?.holderIdentity;
    };
    await waitFor('a leader', async () => (a.isLeader || b.isLeader ? true : undefined));
    await sleep(1_000);
    expect([a.isLeader, b.isLeader].filter(Boolean)).toHaveLength(1);
    const leader: Manager = a.isLeader ? a : b;
    const standby: Manager = a.isLeader ? b : a;
    expect(await leaderOf()).toBe(leader.identity);
    const lease = await env.kc
      .makeApiClient(CoordinationV1Api)
      .readNamespacedLease({ name: 'ai-ci-controller', namespace: ns.name });
    expect(lease.spec?.leaseDurationSeconds).toBe(LEASE_MS / 1000);

    // Both replicas receive every webhook, as behind a Service (the fake delivers to the newest manager; the
    // same signed delivery is posted to the other): only the leader creates runners, one per job.
    await env.createPool({ name: 'ha', labels: ['ha-gpu'], maxRunners: 10 });
    for (let i = 0; i < 3; i++) {
      const job = await env.fake.queueJob({ labels: ['ha-gpu'] });
      const d = env.fake.deliveries.find((x) => x.jobId === job.id && x.action === 'queued')!;
      const res = await fetch(`http://127.0.0.1:${a.ports.webhook}/webhooks/github`, {
        method: 'POST',
        body: d.body,
        headers: d.headers,
      });
      expect(res.ok).toBe(true);
    }
    await waitFor('three runners', async () => ((await env.pods('ha')).length === 3 ? true : undefined));
    await sleep(2_000);
    expect(await env.pods('ha')).toHaveLength(3);
    expect(env.githubRunners('ha')).toHaveLength(3);
    expect(await standby.metrics.registry.getSingleMetricAsString('ai_ci_runners_created_total')).not.toMatch(
      /pool="ha"\} [1-9]/,
    );

    // A CarbonPolicy, reconciled by the leader (both controllers run on each replica's one manager).
    const custom = env.kc.makeApiClient(CustomObjectsApi);
    const policy: CarbonPolicy = {
      apiVersion: 'ai-ci.dev/v1alpha1',
      kind: 'CarbonPolicy',
      metadata: { name: 'green', namespace: ns.name },
      spec: { source: { static: { intensity: 100 } }, threshold: 200 },
    };
    await custom.createNamespacedCustomObject({
      ...RESOURCES.CarbonPolicy,
      namespace: ns.name,
      body: policy,
    });
    const policyStatus = async () =>
      (
        (await custom.getNamespacedCustomObject({
          ...RESOURCES.CarbonPolicy,
          namespace: ns.name,
          name: 'green',
        })) as CarbonPolicy
      ).status;
    await waitFor('policy status', async () =>
      (await policyStatus())?.observedGeneration === 1 ? true : undefined,
    );

    // The leader dies without releasing the Lease. While no one leads, both kinds change: the policy's spec and
    // the pool's (scaleDownDelay). The standby takes over within the lease duration and reconciles both.
    const killedAt = Date.now();
    await leader.kill();
    await custom.patchNamespacedCustomObject(
      { ...RESOURCES.CarbonPolicy, namespace: ns.name, name: 'green', body: { spec: { threshold: 150 } } },
      mergePatch(),
    );
    const poolGeneration = ((await env.getPool('ha')).metadata as { generation?: number }).generation ?? 0;
    await env.patchPoolSpec('ha', { scaleDownDelay: '2s' });
    await waitFor('standby leads', async () => (standby.isLeader ? true : undefined), {
      timeoutMs: 10_000,
      intervalMs: 50,
    });
    const takeover = Date.now() - killedAt;
    // Within the lease duration, plus the standby's retry period and request latency on a busy test machine.
    expect(takeover).toBeLessThanOrEqual(LEASE_MS + 2_000);
    expect(await leaderOf()).toBe(standby.identity);
    await waitFor(
      'both kinds reconciled by the new leader',
      async () =>
        (await policyStatus())?.observedGeneration === 2 &&
        (await env.getPool('ha')).status?.observedGeneration === poolGeneration + 1
          ? true
          : undefined,
      { timeoutMs: 10_000, intervalMs: 50 },
    );
    const bothReconciled = Date.now() - killedAt;
    // From the kill: the takeover plus one reconcile of each kind, within one lease period of the takeover.
    expect(bothReconciled).toBeLessThanOrEqual(takeover + LEASE_MS);
    const reconciles = await standby.metrics.registry.getSingleMetricAsString('ai_ci_reconciles_total');
    expect(reconciles).toMatch(/controller="carbonpolicy",result="(success|requeue)"\} [1-9]/);
    expect(reconciles).toMatch(/controller="runnerpool",result="(success|requeue)"\} [1-9]/);

    // The new leader acts: a new job gets a runner.
    env.fake.setWebhook({
      url: `http://127.0.0.1:${standby.ports.webhook}/webhooks/github`,
      secret: 'e2e-webhook-secret',
    });
    await env.fake.queueJob({ labels: ['ha-gpu'] });
    await waitFor('fourth runner', async () => ((await env.pods('ha')).length === 4 ? true : undefined));

    // A graceful stop releases the Lease at once.
    await standby.stop();
    const released = await env.kc
      .makeApiClient(CoordinationV1Api)
      .readNamespacedLease({ name: 'ai-ci-controller', namespace: ns.name });
    expect(released.spec?.holderIdentity ?? '').toBe('');
    const c = await replica('replica-c');
    const t0 = Date.now();
    await waitFor('c leads', async () => (c.isLeader ? true : undefined), {
      timeoutMs: 5_000,
      intervalMs: 50,
    });
    expect(Date.now() - t0).toBeLessThan(LEASE_MS);
  });
});
