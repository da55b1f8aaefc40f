/**
 * Per-job energy on the local control plane (issue 15, part 3): a job that a pool's runner ran to completion
 * becomes energy and carbon metrics and a `JobEnergy` Event on the pool, measured by Kepler through a Prometheus
 * HTTP API on 127.0.0.1 (answering Prometheus' documented instant-query format) where Kepler has samples for the
 * runner Pod, else estimated from the pool's resources; grams CO2e at the current intensity of the pool's
 * CarbonPolicy.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { CoreV1Api, CustomObjectsApi } from '@kubernetes/client-node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CarbonPolicy, RESOURCES } from '../../src/api/v1alpha1/index.js';
import { RunnerPoolEnv } from '../controller/support/runnerpool-env.js';
import { adminKubeConfig, installCrds, useNamespace, waitFor } from './setup/kube.js';

const ns = useNamespace('rpenergy');
let env: RunnerPoolEnv;
let prometheus: Server;
const queries: string[] = [];

beforeAll(async () => {
  // Kepler has 90 kJ for Pods of the pool `watt` and no samples for any other Pod.
  prometheus = createServer((req, res) => {
    const query = new URL(req.url ?? '/', 'http://x').searchParams.get('query') ?? '';
    queries.push(query);
    const known = /pod_name="watt-[a-z0-9]{5}"/.test(query);
    res.writeHead(200, { 'content-type': 'application/json' }).end(
      JSON.stringify({
        status: 'success',
        data: {
          resultType: 'vector',
          result: known ? [{ metric: {}, value: [Date.now() / 1000, '90000'] }] : [],
        },
      }),
    );
  });
  await new Promise<void>((r) => prometheus.listen(0, '127.0.0.1', r));
  const kc = adminKubeConfig();
  await installCrds(kc);
  env = new RunnerPoolEnv(kc, ns.name);
  await env.start();
  await env.startManager({
    kepler: { prometheusUrl: `http://127.0.0.1:${(prometheus.address() as AddressInfo).port}` },
  });
  env.startRunnerPlayer();
});

afterAll(async () => {
  await env?.stop();
  await new Promise<void>((r) => (prometheus ? prometheus.close(() => r()) : r()));
});

/** Queues a job for the pool's label, lets a runner take it and finish it, and ends the runner Pod. */
async function runJob(pool: string, label: string): Promise<number> {
  const job = await env.fake.queueJob({ labels: [label] });
  const pod = await waitFor(`${pool}: runner Pod`, async () => (await env.pods(pool))[0]);
  const name = pod.metadata!.name!;
  await waitFor(
    `${pool}: runner online`,
    async () => env.runnerByName(name)?.status === 'online' || undefined,
  );
  await env.fake.takeJob(env.runnerByName(name)!.id, job.id);
  await waitFor(
    `${pool}: Pod busy`,
    async () =>
      (await env.pods(pool)).some((p) => p.metadata?.labels?.['ai-ci.dev/busy'] === 'true') || undefined,
  );
  await env.fake.finishJob(job.id);
  await env.endRunnerPod(name, 'Succeeded');
  return job.id;
}

async function energyEvents(pool: string) {
  const events = await env.kc.makeApiClient(CoreV1Api).listNamespacedEvent({ namespace: ns.name });
  return events.items.filter((e) => e.involvedObject?.name === pool && e.reason === 'JobEnergy');
}

describe('per-job energy', () => {
  it('a job of a pool under a CarbonPolicy: Kepler-measured joules, grams at the policy intensity, metrics and an Event', async () => {
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
    await waitFor('policy intensity', async () => {
      const p = (await custom.getNamespacedCustomObject({
        ...RESOURCES.CarbonPolicy,
        namespace: ns.name,
        name: 'green',
      })) as CarbonPolicy;
      return p.status?.currentIntensity === 100 || undefined;
    });
    await env.createPool({ name: 'watt', labels: ['watt-gpu'], gpus: 1, carbonPolicy: 'green' });
    const jobId = await runJob('watt', 'watt-gpu');

    const [event] = await waitFor('JobEnergy Event', async () => {
      const e = await energyEvents('watt');
      return e.length > 0 ? e : undefined;
    });
    expect(event!.type).toBe('Normal');
    // 90,000 J = 25 Wh = 0.025 kWh; × 100 gCO2eq/kWh = 2.5 g.
    expect(event!.message).toMatch(
      new RegExp(
        `^job ${jobId} \\(octo-org/app[^)]*\\) ran \\d+ s on watt-[a-z0-9]{5}: 25 Wh, measured by Kepler .*; 2\\.5 gCO2e at 100 gCO2eq/kWh \\(CarbonPolicy ${ns.name}/green`,
      ),
    );
    expect(
      queries.some((q) => q.includes(`container_namespace="${ns.name}"`) && /pod_name="watt-/.test(q)),
    ).toBe(true);
    const metrics = await env.managers[0]!.metrics.registry.metrics();
    const labels = `namespace="${ns.name}",pool="watt",repository="octo-org/app",method="kepler"`;
    expect(metrics).toContain(`ai_ci_job_energy_joules_count{${labels}} 1`);
    expect(metrics).toContain(`ai_ci_job_energy_joules_total{${labels}} 90000`);
    expect(metrics).toContain(`ai_ci_job_carbon_grams_total{${labels}} 2.5`);
  });

  it('a job of a pool without a policy, with no Kepler samples: estimated from the resources, no grams', async () => {
    await env.createPool({ name: 'est', labels: ['est-gpu'], gpus: 1 });
    await runJob('est', 'est-gpu');
    const [event] = await waitFor('JobEnergy Event', async () => {
      const e = await energyEvents('est');
      return e.length > 0 ? e : undefined;
    });
    expect(event!.message).toMatch(
      /Wh, estimated from the pool's resources \(1 GPU, 2 cores, 7 GiB at 310\.7 W\); Kepler: Kepler has no samples for this Pod \(yet\); no gCO2e/,
    );
    const metrics = await env.managers[0]!.metrics.registry.metrics();
    expect(metrics).toMatch(
      new RegExp(
        `ai_ci_job_energy_joules_count\\{namespace="${ns.name}",pool="est",repository="octo-org/app",method="estimate"\\} 1`,
      ),
    );
    expect(metrics).not.toMatch(/ai_ci_job_carbon_grams_total\{[^}]*pool="est"/);
  });
});
