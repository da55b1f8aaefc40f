import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import type { RunnerPool } from '../../src/api/v1alpha1/index.js';
import { specHash } from '../../src/controller/runnerpool/builders.js';
import { GitHubFake } from '../../test/fakes/github/fake.js';
import { describeEndToEnd, type EndToEndConfig, type EndToEndResult, endToEnd } from './controller-e2e.js';
import { FakeKubeApi } from './controller-fake-kube.js';
import {
  build,
  cpuMs,
  credentialsSecret,
  heapFigures,
  histogramQuantile,
  kubeconfig,
  log,
  NODE_FLAGS,
  POOLS,
  percentile,
  pool,
  RATE,
  RUNNERS_PER_POOL,
  rssMiB,
  SECONDS,
  SECRET,
  sleep,
  startController,
  TOKEN,
  WORKERS,
} from './harness.js';

// ---------------------------------------------------------------- 1. latency

interface Latency {
  p50: number;
  p99: number;
  max: number;
  n: number;
  sent: number;
  /** The controller's reaction time (ai_ci_runner_create_latency_seconds), ms. */
  internalP50: number;
  internalP99: number;
  /** Its own part, without the GitHub and Secret round trips (ai_ci_runner_create_overhead_seconds), ms. */
  overheadP50: number;
  overheadP99: number;
  /** The controller process's CPU time (user + system) per delivery while serving them, ms. */
  cpuPerDeliveryMs: number;
}

async function latency(dir: string): Promise<Latency> {
  // One credentials Secret per pool: the GitHub client serialises the writes of one credential (GitHub's
  // guidance), so 200 registrations/s through ONE credential would measure GitHub's round trip, not ai-ci.
  const pools = 50;
  const namespaces = 50;
  const repos = Array.from({ length: pools }, (_, i) => `octo-org/lat-${String(i).padStart(2, '0')}`);
  const gh = await new GitHubFake({ tokens: [TOKEN], repositories: repos, rateLimit: 10_000_000 }).start();
  const kube = await new FakeKubeApi().start();
  for (let n = 0; n < namespaces; n++) kube.seed('secrets', credentialsSecret(`bench-${n}`));
  for (let i = 0; i < pools; i++) {
    kube.seed(
      'runnerpools',
      pool(`lat-${i}`, `bench-${i % namespaces}`, [`lat-${i}`], repos[i]!, gh.url, 0, 100_000),
    );
  }
  const sentAt = new Map<number, number>();
  const forJob = new Map<string, number>();
  const latencies: number[] = [];
  kube.onCreate = (resource, obj) => {
    const t = performance.now();
    const name = obj.metadata.name;
    if (resource === 'secrets') {
      const job = Number(
        (obj.metadata.annotations as Record<string, string> | undefined)?.['ai-ci.dev/created-for-job'],
      );
      if (job) forJob.set(name, job);
    } else if (resource === 'pods') {
      const job = forJob.get(name);
      const t0 = job === undefined ? undefined : sentAt.get(job);
      if (t0 !== undefined) latencies.push(t - t0);
    }
  };
  const ctl = await startController(kubeconfig(dir, kube.url));
  await sleep(2_000); // first reconciles of the 50 pools (finalizer, budget, status)
  const url = `http://127.0.0.1:${ctl.webhookPort}/webhooks/github`;
  const total = RATE * SECONDS;
  log(`latency: ${total} queued deliveries at ${RATE}/s over ${pools} pools …`);
  const cpuBefore = cpuMs(ctl.child.pid!);
  const start = performance.now();
  const inflight: Promise<unknown>[] = [];
  for (let i = 0; i < total; i++) {
    const due = start + (i * 1000) / RATE;
    const wait = due - performance.now();
    if (wait > 1) await sleep(wait);
    const p = i % pools;
    const job = await gh.queueJob({ repo: repos[p], labels: [`lat-${p}`], dropWebhook: true });
    const req = gh.webhookRequest('queued', job, SECRET);
    sentAt.set(job.id, performance.now());
    inflight.push(
      fetch(url, { method: 'POST', body: req.body, headers: req.headers }).then((r) => r.arrayBuffer()),
    );
  }
  const sendSeconds = (performance.now() - start) / 1000;
  await Promise.allSettled(inflight);
  for (let i = 0; i < 100 && latencies.length < total; i++) await sleep(100);
  const cpuPerDeliveryMs = (cpuMs(ctl.child.pid!) - cpuBefore) / total;
  const metrics = await (await fetch(`http://127.0.0.1:${ctl.metricsPort}/metrics`)).text();
  const internalP50 = histogramQuantile(metrics, 'ai_ci_runner_create_latency_seconds', 0.5) * 1000;
  const internalP99 = histogramQuantile(metrics, 'ai_ci_runner_create_latency_seconds', 0.99) * 1000;
  const overheadP50 = histogramQuantile(metrics, 'ai_ci_runner_create_overhead_seconds', 0.5) * 1000;
  const overheadP99 = histogramQuantile(metrics, 'ai_ci_runner_create_overhead_seconds', 0.99) * 1000;
  const gh50 = histogramQuantile(metrics, 'ai_ci_github_api_request_duration_seconds', 0.5) * 1000;
  const gh99 = histogramQuantile(metrics, 'ai_ci_github_api_request_duration_seconds', 0.99) * 1000;
  const rec50 = histogramQuantile(metrics, 'ai_ci_reconcile_duration_seconds', 0.5) * 1000;
  const rec99 = histogramQuantile(metrics, 'ai_ci_reconcile_duration_seconds', 0.99) * 1000;
  log(
    `latency: GitHub fake round trip p50 ${gh50.toFixed(1)} ms p99 ${gh99.toFixed(1)} ms; reconcile p50 ${rec50.toFixed(1)} ms p99 ${rec99.toFixed(1)} ms`,
  );
  ctl.child.kill('SIGTERM');
  await new Promise((r) => ctl.child.once('exit', r));
  await gh.stop();
  await kube.stop();
  log(`latency: sent ${total} in ${sendSeconds.toFixed(2)} s; ${latencies.length} Pods created`);
  const sorted = [...latencies].sort((a, b) => a - b);
  return {
    p50: percentile(sorted, 50),
    p99: percentile(sorted, 99),
    max: sorted.at(-1) ?? Number.NaN,
    n: sorted.length,
    sent: total,
    internalP50,
    internalP99,
    overheadP50,
    overheadP99,
    cpuPerDeliveryMs,
  };
}

// ---------------------------------------------------------------- 2. memory

/** Labels and owner of a runner Secret and Pod as the controller stamps them (builders.ts). */
function runnerLabels(poolName: string, runnerId: number, hash: string) {
  return {
    'ai-ci.dev/pool': poolName,
    'ai-ci.dev/runner-id': String(runnerId),
    'ai-ci.dev/spec-hash': hash,
    'app.kubernetes.io/managed-by': 'ai-ci',
  };
}

function poolOwner(poolName: string, poolUid: string) {
  return {
    apiVersion: 'ai-ci.dev/v1alpha1',
    kind: 'RunnerPool',
    name: poolName,
    uid: poolUid,
    controller: true,
    blockOwnerDeletion: true,
  };
}

function runnerSecret(
  name: string,
  namespace: string,
  poolName: string,
  poolUid: string,
  runnerId: number,
  jit: string,
  hash: string,
) {
  const now = new Date().toISOString();
  return {
    apiVersion: 'v1',
    kind: 'Secret',
    type: 'Opaque',
    immutable: true,
    metadata: {
      name,
      namespace,
      labels: runnerLabels(poolName, runnerId, hash),
      ownerReferences: [poolOwner(poolName, poolUid)],
      managedFields: [
        {
          manager: 'ai-ci-controller',
          operation: 'Update',
          apiVersion: 'v1',
          time: now,
          fieldsType: 'FieldsV1',
          fieldsV1: {
            'f:data': { '.': {}, 'f:jitconfig': {} },
            'f:immutable': {},
            'f:metadata': {
              'f:labels': {
                '.': {},
                'f:ai-ci.dev/pool': {},
                'f:ai-ci.dev/runner-id': {},
                'f:ai-ci.dev/spec-hash': {},
              },
              'f:ownerReferences': { '.': {}, [`k:{"uid":"${poolUid}"}`]: {} },
            },
            'f:type': {},
          },
        },
      ],
    },
    data: { jitconfig: Buffer.from(jit).toString('base64') },
  };
}

function runnerPod(
  name: string,
  namespace: string,
  poolName: string,
  poolUid: string,
  runnerId: number,
  node: string,
  hash: string,
) {
  const now = new Date().toISOString();
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name,
      namespace,
      labels: runnerLabels(poolName, runnerId, hash),
      annotations: {},
      ownerReferences: [poolOwner(poolName, poolUid)],
      managedFields: [
        {
          manager: 'ai-ci-controller',
          operation: 'Update',
          apiVersion: 'v1',
          time: now,
          fieldsType: 'FieldsV1',
          fieldsV1: {
            'f:metadata': {
              'f:labels': { '.': {}, 'f:ai-ci.dev/pool': {}, 'f:ai-ci.dev/runner-id': {} },
              'f:ownerReferences': {},
            },
            'f:spec': {
              'f:automountServiceAccountToken': {},
              'f:containers': {
                'k:{"name":"runner"}': {
                  '.': {},
                  'f:command': {},
                  'f:env': {},
                  'f:image': {},
                  'f:name': {},
                  'f:resources': {},
                },
              },
              'f:nodeSelector': {},
              'f:restartPolicy': {},
              'f:tolerations': {},
            },
          },
        },
        {
          manager: 'kubelet',
          operation: 'Update',
          apiVersion: 'v1',
          time: now,
          fieldsType: 'FieldsV1',
          subresource: 'status',
          fieldsV1: {
            'f:status': {
              'f:conditions': {},
              'f:containerStatuses': {},
              'f:hostIP': {},
              'f:phase': {},
              'f:podIP': {},
              'f:startTime': {},
            },
          },
        },
      ],
    },
    spec: {
      restartPolicy: 'Never',
      automountServiceAccountToken: false,
      nodeName: node,
      nodeSelector: { 'nvidia.com/gpu.present': 'true' },
      tolerations: [
        { key: 'nvidia.com/gpu', operator: 'Exists', effect: 'NoSchedule' },
        {
          key: 'node.kubernetes.io/not-ready',
          operator: 'Exists',
          effect: 'NoExecute',
          tolerationSeconds: 300,
        },
        {
          key: 'node.kubernetes.io/unreachable',
          operator: 'Exists',
          effect: 'NoExecute',
          tolerationSeconds: 300,
        },
      ],
      containers: [
        {
          name: 'runner',
          image: 'ghcr.io/actions/actions-runner:2.336.0',
          command: ['/home/runner/run.sh'],
          env: [
            {
              name: 'ACTIONS_RUNNER_INPUT_JITCONFIG',
              valueFrom: { secretKeyRef: { name, key: 'jitconfig' } },
            },
            { name: 'RUNNER_DISABLE_AUTO_UPDATE', value: 'true' },
          ],
          resources: {
            limits: { 'nvidia.com/gpu': '1', memory: '16Gi' },
            requests: { cpu: '4', memory: '16Gi', 'nvidia.com/gpu': '1' },
          },
          terminationMessagePath: '/dev/termination-log',
          terminationMessagePolicy: 'File',
          imagePullPolicy: 'IfNotPresent',
        },
      ],
      dnsPolicy: 'ClusterFirst',
      schedulerName: 'default-scheduler',
      securityContext: {},
      serviceAccountName: 'default',
      terminationGracePeriodSeconds: 30,
      enableServiceLinks: true,
      preemptionPolicy: 'PreemptLowerPriority',
      priority: 0,
    },
    status: {
      phase: 'Running',
      hostIP: '10.0.0.1',
      podIP: '10.244.0.1',
      startTime: now,
      qosClass: 'Burstable',
      conditions: [
        'PodReadyToStartContainers',
        'Initialized',
        'Ready',
        'ContainersReady',
        'PodScheduled',
      ].map((type) => ({ type, status: 'True', lastTransitionTime: now, lastProbeTime: null })),
      containerStatuses: [
        {
          name: 'runner',
          ready: true,
          started: true,
          restartCount: 0,
          image: 'ghcr.io/actions/actions-runner:2.336.0',
          imageID:
            'ghcr.io/actions/actions-runner@sha256:0000000000000000000000000000000000000000000000000000000000000000',
          containerID: 'containerd://0000000000000000000000000000000000000000000000000000000000000000',
          state: { running: { startedAt: now } },
        },
      ],
    },
  };
}

async function memory(
  dir: string,
): Promise<{ rss: number; rssMax: number; pools: number; runners: number; reconciled: number }> {
  const namespaces = 10;
  const repos = Array.from({ length: POOLS }, (_, i) => `octo-org/mem-${String(i).padStart(4, '0')}`);
  const gh = await new GitHubFake({ tokens: [TOKEN], repositories: repos, rateLimit: 10_000_000 }).start();
  const kube = await new FakeKubeApi().start();
  for (let n = 0; n < namespaces; n++) kube.seed('secrets', credentialsSecret(`bench-${n}`));
  log(`memory: registering ${POOLS * RUNNERS_PER_POOL} runners for ${POOLS} pools …`);
  const alphabet = 'abcdefghijklmnopqrstuvwxyz0123456789';
  const suffix = (i: number) =>
    Array.from({ length: 5 }, (_, k) => alphabet[Math.floor(i / 36 ** k) % 36]).join('');
  let next = 0;
  const total = POOLS * RUNNERS_PER_POOL;
  const worker = async () => {
    for (;;) {
      const i = next++;
      if (i >= total) return;
      const p = Math.floor(i / RUNNERS_PER_POOL);
      const poolName = `mem-${String(p).padStart(4, '0')}`;
      const namespace = `bench-${p % namespaces}`;
      const name = `${poolName}-${suffix(i)}`;
      const [owner, repo] = repos[p]!.split('/');
      const r = await fetch(`${gh.url}/repos/${owner}/${repo}/actions/runners/generate-jitconfig`, {
        method: 'POST',
        headers: {
          authorization: `token ${TOKEN}`,
          'content-type': 'application/json',
          accept: 'application/vnd.github+json',
        },
        body: JSON.stringify({ name, runner_group_id: 1, labels: ['self-hosted', poolName] }),
      });
      if (r.status !== 201) throw new Error(`generate-jitconfig: HTTP ${r.status}`);
      const body = (await r.json()) as { runner: { id: number }; encoded_jit_config: string };
      gh.connectRunner(body.runner.id);
      const poolUid = `00000000-0000-4000-8000-${String(p).padStart(12, '0')}`;
      const hash = specHash(
        pool(
          poolName,
          namespace,
          [poolName],
          repos[p]!,
          gh.url,
          RUNNERS_PER_POOL,
          RUNNERS_PER_POOL,
        ) as RunnerPool,
      );
      kube.seed(
        'secrets',
        runnerSecret(name, namespace, poolName, poolUid, body.runner.id, body.encoded_jit_config, hash),
      );
      kube.seed(
        'pods',
        runnerPod(name, namespace, poolName, poolUid, body.runner.id, `gpu-node-${i % 200}`, hash),
      );
    }
  };
  await Promise.all(Array.from({ length: 32 }, worker));
  for (let p = 0; p < POOLS; p++) {
    const name = `mem-${String(p).padStart(4, '0')}`;
    const obj = pool(
      name,
      `bench-${p % namespaces}`,
      [name],
      repos[p]!,
      gh.url,
      RUNNERS_PER_POOL,
      RUNNERS_PER_POOL,
    );
    (obj.metadata as Record<string, unknown>).uid = `00000000-0000-4000-8000-${String(p).padStart(12, '0')}`;
    kube.seed('runnerpools', obj);
  }
  log('memory: starting the controller …');
  const ctl = await startController(kubeconfig(dir, kube.url));
  const reconciled = () =>
    [...(kube.store.get('runnerpools')?.values() ?? [])].filter(
      (o) => (o.status as { idle?: number } | undefined)?.idle === RUNNERS_PER_POOL,
    ).length;
  for (let i = 0; i < 1200 && reconciled() < POOLS; i++) await sleep(100);
  log(`memory: ${reconciled()} of ${POOLS} pools reconciled to ${RUNNERS_PER_POOL} idle runners; settling …`);
  await sleep(5_000);
  let rssMax = 0;
  let rss = 0;
  for (let i = 0; i < 10; i++) {
    rss = rssMiB(ctl.child.pid!);
    rssMax = Math.max(rssMax, rss);
    await sleep(500);
  }
  log(`memory: controller ${await heapFigures(ctl)}`);
  const pods = kube.store.get('pods')?.size ?? 0;
  ctl.child.kill('SIGTERM');
  await new Promise((r) => ctl.child.once('exit', r));
  await gh.stop();
  await kube.stop();
  return { rss, rssMax, pools: POOLS, runners: pods, reconciled: reconciled() };
}

async function main(): Promise<void> {
  await build();
  const dir = mkdtempSync(path.join(tmpdir(), 'ai-ci-bench-'));
  try {
    const only = process.env.BENCH_ONLY;
    const none = Number.NaN;
    const lat: Latency =
      only === 'memory' || only === 'e2e'
        ? {
            p50: none,
            p99: none,
            max: none,
            n: 0,
            sent: 0,
            internalP50: none,
            internalP99: none,
            overheadP50: none,
            overheadP99: none,
            cpuPerDeliveryMs: none,
          }
        : await latency(dir);
    const mem =
      only === 'latency' || only === 'e2e'
        ? { rss: Number.NaN, rssMax: Number.NaN, pools: 0, runners: 0, reconciled: 0 }
        : await memory(dir);
    const e2e = [];
    if (only === undefined || only === 'e2e') {
      // BENCH_E2E=<part of a label> runs only the matching configurations.
      const pick = process.env.BENCH_E2E;
      for (const cfg of END_TO_END) if (!pick || cfg.label.includes(pick)) e2e.push(await endToEnd(dir, cfg));
    }
    const ok = (b: boolean) => (b ? 'ok' : 'OVER TARGET');
    console.log(
      `\nai-ci controller benchmark (controller process: node ${NODE_FLAGS.join(' ')} dist/controller/main.js; fake kube API + GitHub fake on 127.0.0.1)`,
    );
    if (lat.sent > 0) {
      console.log(
        `webhook → Pod-create latency at ${RATE} events/s for ${SECONDS}s, 50 pools, --workers ${WORKERS} (${lat.n}/${lat.sent} Pods):`,
      );
      console.log(
        `  controller overhead (job received → Pod create issued, minus the GitHub JIT and Secret create round trips; ai_ci_runner_create_overhead_seconds): p50 ${lat.overheadP50.toFixed(2)} ms   p99 ${lat.overheadP99.toFixed(2)} ms   [target p99 ≤ 20 ms: ${ok(lat.overheadP99 <= 20)}]`,
      );
      console.log(
        `  reaction time incl. those round trips (ai_ci_runner_create_latency_seconds): p50 ${lat.internalP50.toFixed(2)} ms   p99 ${lat.internalP99.toFixed(2)} ms`,
      );
      console.log(
        `  end to end (signed delivery sent → Pod create received by the API, incl. 4 local HTTP hops): p50 ${lat.p50.toFixed(2)} ms   p99 ${lat.p99.toFixed(2)} ms   max ${lat.max.toFixed(2)} ms`,
      );
      console.log(
        `  controller CPU (user + system, /proc) per delivery served: ${lat.cpuPerDeliveryMs.toFixed(2)} ms — the figure least moved by other load on the machine`,
      );
      console.log(
        `  machine load average while measuring: ${loadavg()
          .map((l) => l.toFixed(2))
          .join(', ')} on ${cpus().length} CPUs`,
      );
    }
    if (mem.pools > 0) {
      console.log(
        `RSS with ${mem.pools} RunnerPools and ${mem.runners} runners (Pods + Secrets + GitHub runners) cached, ${mem.reconciled} pools reconciled:`,
      );
      console.log(
        `  ${mem.rss.toFixed(1)} MiB (max ${mem.rssMax.toFixed(1)} MiB while idle)   [target ≤ 150 MB: ${ok(mem.rssMax * 1.048576 <= 150)}]`,
      );
    }
    if (e2e.length > 0) {
      console.log(
        "\nEnd to end at the chart's defaults (4 workers, leader election on, 60 s resync, info logs), GitHub fake answering " +
          'every call after 100 ms ± 30 ms (the Actions service fake of scale-set mode included):',
      );
      for (const r of e2e) for (const line of describeEndToEnd(r)) console.log(line);
      // Tracing cost: each configuration with tracing on beside the same one with it off, in this run, alternated
      // (off, on, off, on: TRACING_PAIRS) so a change of the machine's load hits both; figures are the means.
      const mean = (rs: EndToEndResult[], f: (r: EndToEndResult) => number) =>
        rs.reduce((a, r) => a + f(r), 0) / rs.length;
      for (const label of new Set(e2e.filter((r) => r.tracing).map((r) => r.label))) {
        const on = e2e.filter((r) => r.label === label);
        const off = e2e.filter((r) => !r.tracing && r.label === label.replace(TRACED, ''));
        if (off.length === 0) continue;
        const [offJobs, onJobs] = [mean(off, (r) => r.sustained), mean(on, (r) => r.sustained)];
        const [offCpu, onCpu] = [mean(off, (r) => r.cpuPerJobMs), mean(on, (r) => r.cpuPerJobMs)];
        const cost = 1 - onJobs / offJobs;
        const cpu = onCpu / offCpu - 1;
        console.log(
          `  tracing cost (${off[0]!.label}; mean of ${off.length} off and ${on.length} on runs, alternated): throughput ${offJobs.toFixed(2)} → ${onJobs.toFixed(2)} jobs/s (${(cost * 100).toFixed(1)}% lower) [target ≤ 10%: ${ok(cost <= 0.1)}]; ` +
            `controller CPU per job ${offCpu.toFixed(2)} → ${onCpu.toFixed(2)} ms (${cpu >= 0 ? '+' : ''}${(cpu * 100).toFixed(1)}%); p99 ${mean(off, (r) => r.p99).toFixed(0)} → ${mean(on, (r) => r.p99).toFixed(0)} ms`,
        );
      }
      console.log(
        `  machine load average at the end: ${loadavg()
          .map((l) => l.toFixed(2))
          .join(
            ', ',
          )} on ${cpus().length} CPUs (the fakes and the load generator share them with the controller)`,
      );
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Label suffix of a configuration run again with OpenTelemetry tracing on. */
const TRACED = ', tracing on';

/** The 50-credential configuration without and with tracing, twice, alternated (the tracing cost, issue 19). */
const TRACING_PAIR: EndToEndConfig[] = [
  {
    label: 'chart defaults, 50 credentials',
    credentials: 50,
    pools: 50,
    rate: 40,
    seconds: 15,
    writeIntervalS: 1,
  },
  {
    label: `chart defaults, 50 credentials${TRACED}`,
    credentials: 50,
    pools: 50,
    rate: 40,
    seconds: 15,
    writeIntervalS: 1,
    tracing: true,
  },
];
const TRACING_PAIRS = [...TRACING_PAIR, ...TRACING_PAIR];

/** The end-to-end configurations (BENCH_ONLY=e2e runs only these). */
const END_TO_END: EndToEndConfig[] = [
  {
    label: 'chart defaults, one credential',
    credentials: 1,
    pools: 10,
    rate: 2,
    seconds: 20,
    writeIntervalS: 1,
  },
  ...TRACING_PAIRS,
  {
    label: 'unpaced (--github-write-interval 0s), one credential',
    credentials: 1,
    pools: 50,
    rate: 40,
    seconds: 15,
    writeIntervalS: 0,
  },
  {
    label: 'scale-set mode (demandSource: scaleSet, no webhooks), one credential',
    credentials: 1,
    pools: 50,
    rate: 40,
    seconds: 15,
    writeIntervalS: 1,
    demandSource: 'scaleSet',
  },
];

await main();
