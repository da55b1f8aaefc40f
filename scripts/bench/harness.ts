/**
 * What the controller benchmarks share: the controller process started from dist/ with the deployment's V8 flags,
 * the fake Kubernetes API and GitHub fake wiring, RunnerPool and Secret objects, and figures read from /proc and
 * /metrics.
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';
import { bundleController } from '../bundle-controller.js';

export const root = path.resolve(import.meta.dirname, '../..');
export const TOKEN = 'ghp_benchTokenForTheFakeOnly00000000000000';
export const SECRET = 'bench-webhook-secret';
export const RATE = Number(process.env.BENCH_RATE ?? 200);
export const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
export const POOLS = Number(process.env.BENCH_POOLS ?? 1000);
export const RUNNERS_PER_POOL = Number(process.env.BENCH_RUNNERS_PER_POOL ?? 10);

/** V8 flags of the controller process, as the deployment runs it (README → RunnerPool → Running the controller;
 *  the Dockerfile's ENTRYPOINT and NODE_OPTIONS). */
export const NODE_FLAGS = (
  process.env.BENCH_NODE_FLAGS ?? '--max-semi-space-size=2 --max-old-space-size=160 --optimize-for-size'
)
  .split(/\s+/)
  .filter(Boolean);
export const WORKERS = Number(process.env.BENCH_WORKERS ?? 16);
export const log = (m: string) => process.stderr.write(`${m}\n`);
export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

/** histogram_quantile over every series of a Prometheus histogram in a /metrics text, in the metric's unit. */
export function histogramQuantile(text: string, name: string, q: number): number {
  const buckets = new Map<number, number>();
  for (const m of text.matchAll(new RegExp(`^${name}_bucket\\{((?:[^"}]|"[^"]*")*)\\} ([0-9.e+]+)$`, 'gm'))) {
    const le = /le="([^"]+)"/.exec(m[1]!)?.[1];
    const bound = le === '+Inf' ? Number.POSITIVE_INFINITY : Number(le);
    buckets.set(bound, (buckets.get(bound) ?? 0) + Number(m[2]));
  }
  const sorted = [...buckets.entries()].sort((a, b) => a[0] - b[0]);
  const total = sorted.at(-1)?.[1] ?? 0;
  if (total === 0) return Number.NaN;
  const rank = q * total;
  let prevBound = 0;
  let prevCount = 0;
  for (const [bound, count] of sorted) {
    if (count >= rank) {
      if (!Number.isFinite(bound)) return prevBound;
      return prevBound + ((bound - prevBound) * (rank - prevCount)) / Math.max(1, count - prevCount);
    }
    prevBound = bound;
    prevCount = count;
  }
  return prevBound;
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i]!;
}

export async function build(): Promise<void> {
  log('building dist/ (tsc -p tsconfig.build.json) …');
  const r = spawnSync(
    process.execPath,
    [path.join(root, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.build.json'],
    {
      cwd: root,
      stdio: ['ignore', 'ignore', 'inherit'],
    },
  );
  if (!existsSync(path.join(root, 'dist/controller/main.js'))) {
    throw new Error(`build failed (exit ${r.status}): dist/controller/main.js missing`);
  }
  // As `npm run build` and the controller image: the controller runs as one bundle (scripts/bundle-controller.ts).
  await bundleController();
}

export function kubeconfig(dir: string, server: string): string {
  const file = path.join(dir, 'kubeconfig');
  writeFileSync(
    file,
    JSON.stringify({
      apiVersion: 'v1',
      kind: 'Config',
      clusters: [{ name: 'bench', cluster: { server, 'insecure-skip-tls-verify': true } }],
      users: [{ name: 'bench', user: { token: 'bench' } }],
      contexts: [{ name: 'bench', context: { cluster: 'bench', user: 'bench' } }],
      'current-context': 'bench',
    }),
  );
  return file;
}

/**
 * The controller's command line: the benchmark's defaults (leader election off, no GitHub write pacing, a long
 * resync, BENCH_WORKERS workers), each replaceable (a string) or removable (false) through `flags`.
 */
export function controllerArgs(
  kubeconfigFile: string,
  webhookPort: number,
  metricsPort: number,
  healthPort: number,
  flags: Record<string, string | false> = {},
): string[] {
  const all: Record<string, string | false> = {
    '--kubeconfig': kubeconfigFile,
    '--no-leader-election': '',
    '--webhook-port': String(webhookPort),
    '--metrics-port': String(metricsPort),
    '--health-port': String(healthPort),
    '--resync-interval': '10m',
    '--github-write-interval': '0s',
    '--workers': String(WORKERS),
    '--log-level': 'warn',
    ...flags,
  };
  return Object.entries(all).flatMap(([k, v]) => (v === false ? [] : v === '' ? [k] : [k, v]));
}

export interface Controller {
  child: ChildProcess;
  webhookPort: number;
  healthPort: number;
  metricsPort: number;
}

export async function heapFigures(ctl: Controller): Promise<string> {
  const text = await (await fetch(`http://127.0.0.1:${ctl.metricsPort}/metrics`)).text();
  const get = (name: string) =>
    Number(new RegExp(`^${name}(?:\\{[^}]*\\})? ([0-9.e+]+)$`, 'm').exec(text)?.[1] ?? Number.NaN);
  const mib = (n: number) => (n / 1048576).toFixed(1);
  return `heap used ${mib(get('nodejs_heap_size_used_bytes'))} MiB, heap total ${mib(get('nodejs_heap_size_total_bytes'))} MiB, external ${mib(get('nodejs_external_memory_bytes'))} MiB`;
}

export async function startController(
  kubeconfigFile: string,
  overrides: { flags?: Record<string, string | false>; env?: Record<string, string>; quiet?: boolean } = {},
): Promise<Controller> {
  const [webhookPort, metricsPort, healthPort] = [await freePort(), await freePort(), await freePort()];
  const child = spawn(
    process.execPath,
    [
      ...NODE_FLAGS,
      path.join(root, 'dist/controller/main.js'),
      ...controllerArgs(kubeconfigFile, webhookPort, metricsPort, healthPort, overrides.flags),
    ],
    {
      env: {
        ...process.env,
        AI_CI_WEBHOOK_SECRET: SECRET,
        ...overrides.env,
        // glibc malloc settings of the controller image (Dockerfile ENV).
        MALLOC_ARENA_MAX: process.env.MALLOC_ARENA_MAX ?? '2',
        MALLOC_MMAP_THRESHOLD_: process.env.MALLOC_MMAP_THRESHOLD_ ?? '131072',
      },
      // quiet: the logs are written (their cost counts) but not shown.
      stdio: ['ignore', overrides.quiet ? 'ignore' : 'inherit', overrides.quiet ? 'ignore' : 'inherit'],
    },
  );
  const t0 = performance.now();
  for (let i = 0; i < 3000; i++) {
    try {
      const r = await fetch(`http://127.0.0.1:${healthPort}/readyz`);
      if (r.ok) log(`controller ready in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
      if (r.ok) return { child, webhookPort, healthPort, metricsPort };
    } catch {
      // not listening yet
    }
    if (child.exitCode !== null) throw new Error(`controller exited with ${child.exitCode}`);
    await sleep(100);
  }
  child.kill('SIGKILL');
  throw new Error('controller did not become ready in 300 s');
}

export function rssMiB(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1] ?? Number.NaN);
  return kb / 1024;
}

export function pool(
  name: string,
  namespace: string,
  labels: string[],
  repo: string,
  apiUrl: string,
  min: number,
  max: number,
) {
  return {
    apiVersion: 'ai-ci.dev/v1alpha1',
    kind: 'RunnerPool',
    metadata: { name, namespace, finalizers: ['ai-ci.dev/runner-cleanup'] },
    spec: {
      github: { repository: repo, credentialsSecretRef: { name: 'gh' }, apiUrl },
      labels,
      minRunners: min,
      maxRunners: max,
      scaleDownDelay: '1h',
      runnerStartupTimeout: '1h',
      maxRunnerRetries: 3,
      template: {
        image: 'ghcr.io/actions/actions-runner:2.336.0',
        resources: {
          limits: { 'nvidia.com/gpu': 1, memory: '16Gi' },
          requests: { cpu: '4', memory: '16Gi' },
        },
        nodeSelector: { 'nvidia.com/gpu.present': 'true' },
        tolerations: [{ key: 'nvidia.com/gpu', operator: 'Exists', effect: 'NoSchedule' }],
      },
    },
  };
}

export function credentialsSecret(namespace: string) {
  return {
    apiVersion: 'v1',
    kind: 'Secret',
    metadata: { name: 'gh', namespace },
    data: { 'github-token': Buffer.from(TOKEN).toString('base64') },
  };
}

/** CPU time (user + system) a process has used, ms, from /proc/PID/stat (clock ticks of 10 ms on Linux). */
export function cpuMs(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  // Fields after the command name (which may hold spaces) start at field 3; utime and stime are fields 14 and 15.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const ticks = Number(fields[11]) + Number(fields[12]);
  const hz = Number(process.env.CLK_TCK ?? 100);
  return (ticks * 1000) / hz;
}
