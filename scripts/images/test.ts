/**
 * `npm run images:test` (issue 18, part 5): runs the images that `npm run images` built (scripts/images/images.sh)
 * the way production runs them, and prints their build times and sizes.
 *
 *   runner      localhost/ai-ci-runner:dev, as its non-root user with a read-only root filesystem (tmpfs /tmp, no
 *               network): `ai-ci version --onnxruntime` loads ONNX Runtime; `ai-ci perf analyze` of a Google
 *               Benchmark fixture against its baseline, with the bundled ONNX model and with --no-model, finds the
 *               fixture's regressions (exit 1); `ai-ci carbon track --intensity 300 -- true` writes its report.
 *   controller  localhost/ai-ci-controller:dev against the local control plane (test/e2e/cluster/harness.ts) with
 *               host networking, configured as the chart configures it (environment, webhook secret from a
 *               read-only file, kubeconfig mounted read-only, read-only root filesystem, leader election on), and
 *               the RunnerPool smoke path with the GitHub fake: a queued job's webhook → runner Secret (JIT config)
 *               + Pod → runner online, busy → job done → Pod and Secret removed; /metrics counts it.
 *
 * Exit 0 when every check passed; otherwise 1 with one line `images:test FAILED: …` (and the controller's log).
 * Environment: AI_CI_CONTROLLER_IMAGE, AI_CI_RUNNER_IMAGE (defaults localhost/ai-ci-*:dev), AI_CI_IMAGES_DIR
 * (where images.sh wrote times.txt; default .cache/images), IMAGES_TEST_ONLY=runner|controller (one image's checks,
 * no report).
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { CoreV1Api, CustomObjectsApi, KubeConfig } from '@kubernetes/client-node';
import { parse, stringify } from 'yaml';
import { RESOURCES, type RunnerPool } from '../../src/api/v1alpha1/index.js';
import { LABEL_BUSY, LABEL_POOL } from '../../src/controller/runnerpool/model.js';
import { mergePatch } from '../../src/kube/api.js';
import { installCrds } from '../../test/e2e/cluster/crds.js';
import { POD_PHASE_ANNOTATION, startCluster } from '../../test/e2e/cluster/harness.js';
import { GitHubFake } from '../../test/fakes/github/fake.js';
import { decodeFakeJitConfig } from '../../test/fakes/github/jit.js';

const root = path.resolve(import.meta.dirname, '../..');
const CONTROLLER = process.env.AI_CI_CONTROLLER_IMAGE ?? 'localhost/ai-ci-controller:dev';
const RUNNER = process.env.AI_CI_RUNNER_IMAGE ?? 'localhost/ai-ci-runner:dev';
const IMAGES_DIR = process.env.AI_CI_IMAGES_DIR ?? path.join(root, '.cache/images');
const NS = 'ai-ci-images';
const TOKEN = 'ghp_imagesTokenForTheFakeOnly00000000000';
const WEBHOOK_SECRET = 'images-webhook-secret';
const REPO = 'octo-org/app';
const CONTAINER = 'ai-ci-images-controller';

class Failure extends Error {}
const log = (m: string) =>
  process.stderr.write(`[images:test ${new Date().toISOString().slice(11, 19)}] ${m}\n`);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
function check(ok: unknown, what: string): asserts ok {
  if (!ok) throw new Failure(what);
}

function podman(args: string[]): { code: number; out: string; err: string } {
  const r = spawnSync('podman', args, { encoding: 'utf8', maxBuffer: 64 << 20 });
  if (r.error) throw new Failure(`podman: ${r.error.message}`);
  return { code: r.status ?? -1, out: r.stdout, err: r.stderr };
}

async function step(name: string, body: () => Promise<void> | void): Promise<void> {
  const t0 = Date.now();
  await body();
  log(`ok  ${name} (${((Date.now() - t0) / 1000).toFixed(1)} s)`);
}

async function waitFor<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = 60_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last = '';
  for (;;) {
    try {
      const v = await probe();
      if (v !== undefined) return v;
    } catch (err) {
      if (err instanceof Failure) throw err;
      last = `; last error: ${(err as Error).message}`;
    }
    if (Date.now() > deadline)
      throw new Failure(`timed out after ${timeoutMs / 1000}s waiting for ${what}${last}`);
    await sleep(250);
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

/** Build times (the last build of each in images.sh's times.txt: a build from cached layers takes seconds) and
 *  sizes of both images. */
function report(): void {
  const times = new Map<string, string>();
  const file = path.join(IMAGES_DIR, 'times.txt');
  if (existsSync(file))
    for (const line of readFileSync(file, 'utf8').split('\n')) {
      const [name, secs] = line.split(' ');
      if (name && secs) times.set(name, secs);
    }
  const lines = ['image                              last build size (unpacked)   archive'];
  for (const [image, key] of [
    [CONTROLLER, 'build-controller'],
    [RUNNER, 'build-runner'],
  ] as const) {
    const size = Number(podman(['image', 'inspect', '--format', '{{.Size}}', image]).out.trim());
    const tar = path.join(IMAGES_DIR, `${image.replace(/^.*\/|:.*$/g, '')}.oci.tar`);
    const archive = existsSync(tar) ? `${(statSync(tar).size / 1e6).toFixed(0)} MB` : '-';
    lines.push(
      `${image.padEnd(34)} ${(times.get(key) ?? '?').padEnd(10)} ${`${(size / 1e6).toFixed(0)} MB`.padEnd(17)} ${archive}`,
    );
  }
  process.stdout.write(`${lines.join('\n')}\n`);
  process.stdout.write(
    podman([
      'images',
      '--filter',
      'reference=localhost/ai-ci*',
      '--format',
      '{{.Repository}}:{{.Tag}}  {{.Size}}  created {{.Created}}',
    ]).out,
  );
}

/** The runner image: non-root, read-only root filesystem, tmpfs /tmp, no network. */
async function runnerChecks(): Promise<void> {
  const user = podman(['image', 'inspect', '--format', '{{.Config.User}}', RUNNER]).out.trim();
  check(user && user !== 'root' && user !== '0', `${RUNNER} runs as root (USER ${user || 'unset'})`);
  const fixtures = path.join(root, 'test/fixtures/perf/peers/google-benchmark');
  const run = (...cmd: string[]) =>
    podman([
      'run',
      '--rm',
      '--read-only',
      '--user',
      '1001:1001',
      '--tmpfs',
      '/tmp:rw,size=64m,mode=1777',
      '--network',
      'none',
      '-v',
      `${fixtures}:/fixtures:ro`,
      RUNNER,
      ...cmd,
    ]);
  await step('runner: non-root user', () => {
    const r = run('id', '-u');
    check(r.code === 0 && r.out.trim() === '1001', `runner: id -u gave ${r.code} ${r.out}${r.err}`);
  });
  await step('runner: ai-ci version --onnxruntime (ONNX Runtime loads)', () => {
    const r = run('ai-ci', 'version', '--onnxruntime', '--json');
    check(r.code === 0, `runner: ai-ci version --onnxruntime exited ${r.code}: ${r.err.trim()}`);
    const v = JSON.parse(r.out) as { version?: string; onnxruntime?: string };
    const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { version: string };
    check(v.version === pkg.version, `runner: ai-ci version ${v.version}, package.json ${pkg.version}`);
    check(/^\d+\.\d+\.\d+/.test(v.onnxruntime ?? ''), `runner: no onnxruntime version in ${r.out.trim()}`);
  });
  // The bundled ONNX model changes the inconclusive benchmarks' P(regression) (BM_SameTimes: 0.194 with the model,
  // 0.500 by statistics alone): different outputs show the model ran.
  const outputs: string[] = [];
  for (const model of [[], ['--no-model']]) {
    await step(`runner: ai-ci perf analyze ${model.join(' ') || '(bundled model)'} → exit 1`, () => {
      const r = run(
        'ai-ci',
        'perf',
        'analyze',
        '/fixtures/test1_run2.json',
        '--baseline',
        '/fixtures/test1_run1.json',
        ...model,
      );
      // The fixture's BM_2xSlower (+100%) and BM_10PercentSlower (+10%) are regressions: exit 1, not 0 or 3.
      check(
        r.code === 1,
        `runner: perf analyze exited ${r.code} (expected 1): ${(r.err || r.out).trim().slice(0, 300)}`,
      );
      check(
        /regressions? of 14 benchmarks/.test(r.out),
        `runner: perf analyze printed no summary: ${r.out.slice(0, 300)}`,
      );
      check(/FAIL regression\s+BM_2xSlower/.test(r.out), 'runner: perf analyze did not flag BM_2xSlower');
      outputs.push(r.out);
    });
  }
  check(
    outputs[0] !== outputs[1],
    'runner: perf analyze printed the same with and without the bundled model',
  );
  await step('runner: ai-ci carbon track --intensity 300 -- true', () => {
    const r = run(
      'sh',
      '-c',
      'ai-ci carbon track --intensity 300 --json /tmp/c.json -- true && cat /tmp/c.json',
    );
    check(r.code === 0, `runner: carbon track exited ${r.code}: ${r.err.trim().slice(0, 300)}`);
    const rep = JSON.parse(r.out) as {
      exitCode?: number;
      intensity?: { value?: number };
      carbon?: { unit?: string };
    };
    check(
      rep.exitCode === 0 && rep.intensity?.value === 300 && rep.carbon?.unit === 'gCO2e',
      `runner: unexpected carbon report: ${r.out.slice(0, 300)}`,
    );
    check(
      /gCO2e .* at 300 gCO2e\/kWh/.test(r.err),
      `runner: carbon track printed no summary: ${r.err.slice(0, 300)}`,
    );
  });
}

/** The admin kubeconfig with its certificate files inlined, so that one read-only file is all the container needs. */
function selfContainedKubeconfig(file: string): string {
  const doc = parse(readFileSync(file, 'utf8')) as {
    clusters: { cluster: Record<string, string> }[];
    users: { user: Record<string, string> }[];
  };
  const inline = (o: Record<string, string>, key: string) => {
    if (!o[key]) return;
    o[`${key}-data`] = readFileSync(o[key]).toString('base64');
    delete o[key];
  };
  for (const { cluster } of doc.clusters) inline(cluster, 'certificate-authority');
  for (const { user } of doc.users) {
    inline(user, 'client-certificate');
    inline(user, 'client-key');
  }
  return stringify(doc);
}

async function controllerChecks(dir: string, cleanups: (() => unknown)[]): Promise<void> {
  const user = podman(['image', 'inspect', '--format', '{{.Config.User}}', CONTROLLER]).out.trim();
  check(user && !/^(root|0)(:|$)/.test(user), `${CONTROLLER} runs as root (USER ${user || 'unset'})`);
  const cluster = await startCluster({ log });
  cleanups.unshift(() => cluster.stop());
  const kc = new KubeConfig();
  kc.loadFromFile(cluster.kubeconfigPath);
  const core = kc.makeApiClient(CoreV1Api);
  const custom = kc.makeApiClient(CustomObjectsApi);
  await installCrds(kc, 'ai-ci-images');
  await core.createNamespace({ body: { metadata: { name: NS } } });
  const fake = await new GitHubFake({ tokens: [TOKEN], repositories: [REPO] }).start();
  cleanups.unshift(() => fake.stop());
  await core.createNamespacedSecret({
    namespace: NS,
    body: { metadata: { name: 'gh' }, stringData: { 'github-token': TOKEN } },
  });

  // What the chart mounts: the webhook secret as a file of a read-only volume; here also the kubeconfig.
  const kubeconfig = path.join(dir, 'kubeconfig');
  writeFileSync(kubeconfig, selfContainedKubeconfig(cluster.kubeconfigPath), { mode: 0o644 });
  const secretDir = path.join(dir, 'webhook');
  rmSync(secretDir, { recursive: true, force: true });
  spawnSync('mkdir', ['-p', secretDir]);
  writeFileSync(path.join(secretDir, 'webhook-secret'), `${WEBHOOK_SECRET}\n`, { mode: 0o644 });
  chmodSync(dir, 0o755);
  const [webhookPort, metricsPort, healthPort] = [await freePort(), await freePort(), await freePort()];
  podman(['rm', '-f', CONTAINER]);
  const env = {
    KUBECONFIG: '/etc/ai-ci/kubeconfig',
    AI_CI_NAMESPACES: NS,
    AI_CI_LEASE_NAMESPACE: NS,
    AI_CI_LEASE_NAME: 'ai-ci-controller',
    AI_CI_JOB_DURATIONS_CONFIGMAP: 'ai-ci-job-durations',
    AI_CI_METRICS_PORT: String(metricsPort),
    AI_CI_HEALTH_PORT: String(healthPort),
    AI_CI_RESYNC_INTERVAL: '60s',
    AI_CI_WORKERS: '4',
    AI_CI_LOG_LEVEL: 'info',
    AI_CI_WEBHOOK_PORT: String(webhookPort),
    AI_CI_WEBHOOK_SECRET_FILE: '/etc/ai-ci/webhook/webhook-secret',
  };
  const started = podman([
    'run',
    '-d',
    '--name',
    CONTAINER,
    '--network',
    'host',
    '--read-only',
    '--tmpfs',
    '/tmp:rw,size=64m,mode=1777',
    '-v',
    `${kubeconfig}:/etc/ai-ci/kubeconfig:ro`,
    '-v',
    `${secretDir}:/etc/ai-ci/webhook:ro`,
    ...Object.entries(env).flatMap(([k, v]) => ['-e', `${k}=${v}`]),
    CONTROLLER,
  ]);
  check(started.code === 0, `controller: podman run failed: ${started.err.trim()}`);
  cleanups.unshift(() => podman(['rm', '-f', CONTAINER]));
  const running = () =>
    podman(['inspect', '--format', '{{.State.Running}}', CONTAINER]).out.trim() === 'true';

  await step('controller: container ready (/readyz), leader', async () => {
    await waitFor('the controller container to be ready', async () => {
      check(running(), 'controller: the container exited before it was ready');
      const r = await fetch(`http://127.0.0.1:${healthPort}/readyz`).catch(() => undefined);
      return r?.ok || undefined;
    });
    await waitFor('ai_ci_leader 1', async () => {
      const m = await (await fetch(`http://127.0.0.1:${metricsPort}/metrics`)).text();
      return /^ai_ci_leader 1$/m.test(m) || undefined;
    });
  });
  fake.setWebhook({ url: `http://127.0.0.1:${webhookPort}/webhooks/github`, secret: WEBHOOK_SECRET });

  const pool: RunnerPool = {
    apiVersion: 'ai-ci.dev/v1alpha1',
    kind: 'RunnerPool',
    metadata: { name: 'smoke', namespace: NS },
    spec: {
      github: { repository: REPO, credentialsSecretRef: { name: 'gh' }, apiUrl: fake.url },
      labels: ['smoke-gpu'],
      minRunners: 0,
      maxRunners: 2,
      scaleDownDelay: '1s',
      runnerStartupTimeout: '10m',
      template: {
        image: 'ghcr.io/actions/actions-runner:2.336.0',
        tolerations: [{ key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoSchedule' }],
      },
    },
  };
  await custom.createNamespacedCustomObject({ ...RESOURCES.RunnerPool, namespace: NS, body: pool });
  const selector = { namespace: NS, labelSelector: `${LABEL_POOL}=smoke` };
  const pods = async () => (await core.listNamespacedPod(selector)).items;
  const secrets = async () => (await core.listNamespacedSecret(selector)).items;
  const job = await fake.queueJob({ labels: ['self-hosted', 'smoke-gpu'] });
  let name = '';
  let runnerId = 0;

  // The resync is 60 s: a Pod well before it means the webhook was received and verified.
  await step('controller: queued webhook → runner Secret (JIT config) + Pod', async () => {
    const pod = await waitFor('the runner Pod', async () => (await pods())[0], 30_000);
    name = pod.metadata?.name ?? '';
    const delivery = await waitFor('the queued webhook answered', async () =>
      fake.deliveries.find((d) => d.jobId === job.id && d.action === 'queued' && d.status !== undefined),
    );
    check(
      delivery.status! >= 200 && delivery.status! < 300,
      `controller: webhook answered ${delivery.status}`,
    );
    const env = pod.spec?.containers[0]?.env ?? [];
    check(
      env.some(
        (e) => e.name === 'ACTIONS_RUNNER_INPUT_JITCONFIG' && e.valueFrom?.secretKeyRef?.name === name,
      ),
      `controller: Pod ${name} does not take its JIT config from Secret ${name}`,
    );
    const secret = (await secrets()).find((s) => s.metadata?.name === name);
    check(secret?.data?.jitconfig, `controller: no runner Secret ${name} with a jitconfig`);
    runnerId = decodeFakeJitConfig(Buffer.from(secret.data.jitconfig, 'base64').toString()).runnerId;
    check(
      fake.runners.get(runnerId)?.name === name,
      `controller: JIT config of runner ${runnerId} is not ${name}'s`,
    );
  });
  await step('controller: runner online → busy → job done → Pod and Secret removed', async () => {
    await waitFor('the runner Pod Running', async () => {
      const p = (await pods()).find((x) => x.metadata?.name === name);
      return p?.status?.phase === 'Running' || undefined;
    });
    fake.connectRunner(runnerId);
    await fake.takeJob(runnerId, job.id);
    await waitFor('the Pod labelled busy', async () => {
      const p = (await pods()).find((x) => x.metadata?.name === name);
      return p?.metadata?.labels?.[LABEL_BUSY] === 'true' || undefined;
    });
    await fake.finishJob(job.id);
    await core
      .patchNamespacedPod(
        { name, namespace: NS, body: { metadata: { annotations: { [POD_PHASE_ANNOTATION]: 'Succeeded' } } } },
        mergePatch(),
      )
      .catch((err: { code?: number }) => {
        if (err.code !== 404) throw err;
      });
    await waitFor('cleanup', async () =>
      (await pods()).length + (await secrets()).length === 0 ? true : undefined,
    );
    const m = await (await fetch(`http://127.0.0.1:${metricsPort}/metrics`)).text();
    check(
      /^ai_ci_runners_created_total\{namespace="ai-ci-images",pool="smoke"\} 1$/m.test(m),
      'controller: /metrics does not count one runner created',
    );
  });
  await step('controller: SIGTERM → exit 0', () => {
    const stopped = podman(['stop', '-t', '20', CONTAINER]);
    check(stopped.code === 0, `controller: podman stop failed: ${stopped.err.trim()}`);
    const code = podman(['inspect', '--format', '{{.State.ExitCode}}', CONTAINER]).out.trim();
    check(code === '0', `controller: exited ${code} on SIGTERM`);
  });
}

async function main(): Promise<number> {
  const only = process.env.IMAGES_TEST_ONLY; // runner or controller: one image's checks (while the other builds)
  const images = only === 'runner' ? [RUNNER] : only === 'controller' ? [CONTROLLER] : [CONTROLLER, RUNNER];
  for (const image of images)
    if (podman(['image', 'exists', image]).code !== 0)
      throw new Failure(`${image} is missing: npm run images`);
  if (!only) report();
  const dir = mkdtempSync(path.join(tmpdir(), 'ai-ci-images-'));
  const cleanups: (() => unknown)[] = [() => rmSync(dir, { recursive: true, force: true })];
  try {
    if (only !== 'controller') await runnerChecks();
    if (only !== 'runner') await controllerChecks(dir, cleanups);
  } catch (err) {
    if (podman(['container', 'exists', CONTAINER]).code === 0) {
      const logs = podman(['logs', CONTAINER]);
      process.stderr.write(`--- controller container log ---\n${logs.out}${logs.err}---\n`);
    }
    throw err;
  } finally {
    for (const c of cleanups) await Promise.resolve(c()).catch(() => {});
  }
  log('all checks passed');
  return 0;
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    const msg = err instanceof Error ? err.message : String(err);
    process.stderr.write(`images:test FAILED: ${msg.split('\n')[0]}\n`);
    if (!(err instanceof Failure) && err instanceof Error && err.stack)
      process.stderr.write(`${err.stack}\n`);
    process.exit(1);
  },
);
