/**
 * A real Kubernetes control plane for the e2e tests, run as local processes (no containers):
 * etcd, kube-apiserver, kube-controller-manager, kube-scheduler and kwok (simulated Nodes and Pods), all
 * built from Go modules by `npm run tools:build` (test/e2e/cluster/build.sh) into <repo>/bin.
 *
 * Everything listens on 127.0.0.1 on free ports, with TLS and RBAC. Each process runs under
 * `kubeharness supervise`, in a process group of its own, with a pipe on stdin: closing the pipe — or the test
 * runner dying, even by SIGKILL — stops it; `stop()` also kills the process groups. The cluster's temporary
 * folder is removed by `stop()`, by etcd's supervisor when etcd exits, and (for folders of dead runs) at the
 * next start.
 *
 * Used by the vitest globalSetup (test/e2e/setup/global-setup.ts) and runnable on its own:
 *   node test/e2e/cluster/harness.ts up     starts a cluster, prints its kubeconfig, runs until Ctrl-C
 *   node test/e2e/cluster/harness.ts down   stops a cluster started by `up` in another terminal
 *
 * This file imports only node: modules so that Node runs it directly (type stripping).
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { closeSync, existsSync, openSync, readFileSync, rmSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import https from 'node:https';
import type net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePorts, isAlive, killGroup, trackGroup, untrackGroup } from './processes.js';

/** Environment variable holding the admin kubeconfig path of the running e2e cluster. */
export const KUBECONFIG_ENV = 'AI_CI_E2E_KUBECONFIG';
/** Annotation that makes a Running Pod finish: `Succeeded` (exit code 0) or `Failed` (exit code 1). */
export const POD_PHASE_ANNOTATION = 'e2e.ai-ci.dev/phase';
/** Label carried by every simulated Node: `cpu` or `gpu`. */
export const NODE_POOL_LABEL = 'e2e.ai-ci.dev/pool';
/** Extended resource advertised by the GPU nodes. */
export const GPU_RESOURCE = 'nvidia.com/gpu';

const KWOK_NODE_ANNOTATION = 'kwok.x-k8s.io/node';
const TEMP_PREFIX = 'ai-ci-e2e-';
const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

export interface SimulatedNode {
  name: string;
  pool: 'cpu' | 'gpu';
  capacity: Record<string, string>;
}

/** The default fleet: two CPU-only nodes and one node with 8 GPUs (shared by test files running in parallel). */
export const DEFAULT_NODES: readonly SimulatedNode[] = [
  { name: 'e2e-cpu-0', pool: 'cpu', capacity: { cpu: '8', memory: '32Gi', pods: '110' } },
  { name: 'e2e-cpu-1', pool: 'cpu', capacity: { cpu: '8', memory: '32Gi', pods: '110' } },
  {
    name: 'e2e-gpu-0',
    pool: 'gpu',
    capacity: { cpu: '64', memory: '256Gi', pods: '110', [GPU_RESOURCE]: '8' },
  },
];

export interface ClusterOptions {
  /** Folder with the binaries; default `$AI_CI_BIN_DIR` or `<repo>/bin`. */
  binDir?: string;
  nodes?: readonly SimulatedNode[];
  /** Progress messages; default: none. */
  log?: (message: string) => void;
  /** Give up starting after this long; default 180 s (a cold start on 2 busy cores takes ~20 s). */
  startTimeoutMs?: number;
}

export interface TestCluster {
  /** Temporary folder with certificates, kubeconfigs, etcd data and logs/. */
  dir: string;
  /** Admin kubeconfig (user in group system:masters). */
  kubeconfigPath: string;
  /** https://127.0.0.1:PORT */
  server: string;
  caFile: string;
  /** Stops every process and removes `dir`. Safe to call more than once. */
  stop(): Promise<void>;
  /**
   * Stops one component (SIGTERM through its supervisor, SIGKILL after the grace period), leaving the others
   * running: e.g. `kube-apiserver` for an outage (scripts/chaos). Resolves once it has exited.
   */
  stopComponent(name: ComponentName): Promise<void>;
  /**
   * Starts a component stopped by `stopComponent` again, with the same flags (so on the same port); resolves
   * once it serves again (the apiserver: `/readyz` is 200). A running component is left alone.
   */
  startComponent(name: ComponentName, options?: { timeoutMs?: number }): Promise<void>;
}

/** The processes of the control plane. */
export type ComponentName = 'etcd' | 'kube-apiserver' | 'kube-controller-manager' | 'kube-scheduler' | 'kwok';

interface Component {
  name: ComponentName;
  child: ChildProcess;
  exited: Promise<void>;
  done: boolean;
}

interface ClientCreds {
  ca: Buffer;
  cert: Buffer;
  key: Buffer;
}

interface StartExtra {
  env?: NodeJS.ProcessEnv;
  removeOnExit?: string;
}

async function isRecent(dir: string): Promise<boolean> {
  const info = await stat(dir).catch(() => undefined);
  return info !== undefined && Date.now() - info.mtimeMs < 60_000;
}

/** Removes the folders of earlier runs whose owner process is gone (e.g. a SIGKILLed test runner). */
async function removeStaleDirs(): Promise<void> {
  const tmp = os.tmpdir();
  for (const entry of await readdir(tmp).catch(() => [] as string[])) {
    if (!entry.startsWith(TEMP_PREFIX)) continue;
    const dir = path.join(tmp, entry);
    const owner = Number(await readFile(path.join(dir, 'owner.pid'), 'utf8').catch(() => 'NaN'));
    if (Number.isInteger(owner) ? isAlive(owner) : await isRecent(dir)) continue; // no pid yet: being created
    await rm(dir, { recursive: true, force: true });
  }
}

function run(cmd: string, args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => {
      stderr += d.toString();
    });
    child.on('error', reject);
    child.on('exit', (code) =>
      code === 0 ? resolve() : reject(new Error(`${cmd} ${args.join(' ')} exited ${code}: ${stderr}`)),
    );
  });
}

function kubeconfig(server: string, caFile: string, user: string, certFile: string, keyFile: string): string {
  // JSON is YAML: every client (client-go, @kubernetes/client-node, kubectl) reads it.
  return JSON.stringify(
    {
      apiVersion: 'v1',
      kind: 'Config',
      clusters: [{ name: 'ai-ci-e2e', cluster: { server, 'certificate-authority': caFile } }],
      users: [{ name: user, user: { 'client-certificate': certFile, 'client-key': keyFile } }],
      contexts: [{ name: 'ai-ci-e2e', context: { cluster: 'ai-ci-e2e', user } }],
      'current-context': 'ai-ci-e2e',
    },
    null,
    2,
  );
}

/** One HTTPS request to the apiserver with a client certificate; resolves with status and body. */
function apiRequest(
  server: string,
  creds: ClientCreds,
  method: string,
  urlPath: string,
  body?: unknown,
): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const payload = body === undefined ? undefined : JSON.stringify(body);
    const req = https.request(
      `${server}${urlPath}`,
      {
        method,
        ca: creds.ca,
        cert: creds.cert,
        key: creds.key,
        timeout: 5000,
        headers: payload
          ? {
              'content-type': method === 'PATCH' ? 'application/merge-patch+json' : 'application/json',
              'content-length': Buffer.byteLength(payload),
            }
          : {},
      },
      (res) => {
        let data = '';
        res.on('data', (d: Buffer) => {
          data += d.toString();
        });
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: data }));
      },
    );
    req.on('timeout', () => req.destroy(new Error(`timeout: ${method} ${urlPath}`)));
    req.on('error', reject);
    req.end(payload);
  });
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function tail(file: string, lines = 40): string {
  try {
    return readFileSync(file, 'utf8').split('\n').slice(-lines).join('\n');
  } catch {
    return '(no log)';
  }
}

/** Starts a control plane; see the file comment. Rejects (after cleaning up) if it does not come up. */
export async function startCluster(options: ClusterOptions = {}): Promise<TestCluster> {
  const binDir = options.binDir ?? process.env.AI_CI_BIN_DIR ?? path.join(repoRoot, 'bin');
  const log = options.log ?? (() => {});
  const nodes = options.nodes ?? DEFAULT_NODES;
  const deadline = Date.now() + (options.startTimeoutMs ?? 180_000);
  const bin = (name: string) => path.join(binDir, name);
  for (const name of [
    'kubeharness',
    'etcd',
    'kube-apiserver',
    'kube-controller-manager',
    'kube-scheduler',
    'kwok',
  ]) {
    if (!existsSync(bin(name))) {
      throw new Error(`${bin(name)} is missing: build the test control plane with \`npm run tools:build\``);
    }
  }
  await removeStaleDirs();

  const dir = await mkdtemp(path.join(os.tmpdir(), TEMP_PREFIX));
  await writeFile(path.join(dir, 'owner.pid'), String(process.pid));
  const pki = path.join(dir, 'pki');
  const logs = path.join(dir, 'logs');
  await mkdir(logs);
  const components: Component[] = [];
  /** How each component was started, to start it again the same way. */
  const specs = new Map<ComponentName, { args: string[]; extra: StartExtra }>();
  let stopped: Promise<void> | undefined;

  const stopComponent = async (c: Component) => {
    if (c.done) return;
    c.child.stdin?.end(); // kubeharness supervise: SIGTERM to the child, SIGKILL after its grace period
    const pgid = c.child.pid;
    const timeout = sleep(8000).then(() => 'timeout' as const);
    if ((await Promise.race([c.exited, timeout])) === 'timeout' && pgid) killGroup(pgid, 'SIGKILL');
    if (pgid) killGroup(pgid, 'SIGKILL'); // anything the group may have left
    await Promise.race([c.exited, sleep(2000)]);
  };
  const stop = () => {
    stopped ??= (async () => {
      const byName = (n: string) => components.filter((c) => c.name === n);
      // Clients first, then the apiserver, then etcd.
      await Promise.all(
        ['kwok', 'kube-scheduler', 'kube-controller-manager'].flatMap(byName).map(stopComponent),
      );
      await Promise.all(byName('kube-apiserver').map(stopComponent));
      await Promise.all(components.map(stopComponent));
      await rm(dir, { recursive: true, force: true });
    })();
    return stopped;
  };

  const start = (name: ComponentName, args: string[], extra: StartExtra = {}) => {
    specs.set(name, { args, extra });
    const logFile = path.join(logs, `${name}.log`);
    const fd = openSync(logFile, 'a');
    const supervise = ['supervise', '--grace=5s'];
    if (extra.removeOnExit) supervise.push(`--remove-on-exit=${extra.removeOnExit}`);
    const child = spawn(bin('kubeharness'), [...supervise, '--', bin(name), ...args], {
      detached: true, // own process group (and session): killed as a group on teardown
      stdio: ['pipe', fd, fd],
      env: extra.env ?? process.env,
    });
    closeSync(fd);
    const component: Component = { name, child, done: false, exited: Promise.resolve() };
    component.exited = new Promise<void>((resolve) => {
      child.on('exit', () => {
        component.done = true;
        if (child.pid) untrackGroup(child.pid);
        resolve();
      });
      child.on('error', () => {
        component.done = true;
        resolve();
      });
    });
    if (child.pid) trackGroup(child.pid);
    // Do not keep the event loop alive for these: the parent's exit closes the pipe, which stops them.
    child.unref();
    (child.stdin as unknown as net.Socket | null)?.unref();
    components.push(component);
    return component;
  };

  const assertRunning = () => {
    for (const c of components) {
      if (c.done) {
        throw new Error(
          `${c.name} exited during start-up; last lines of its log:\n${tail(path.join(logs, `${c.name}.log`))}`,
        );
      }
    }
    if (Date.now() > deadline) {
      throw new Error(
        `the control plane did not come up in time; logs in ${logs}:\n${tail(path.join(logs, 'kube-apiserver.log'))}`,
      );
    }
  };

  try {
    log(`e2e cluster: certificates in ${pki}`);
    await run(bin('kubeharness'), ['certs', pki]);
    const f = (name: string) => path.join(pki, name);
    const [etcdPort, etcdPeerPort, apiPort] = (await freePorts(3)) as [number, number, number];
    const server = `https://127.0.0.1:${apiPort}`;

    log(`e2e cluster: etcd on 127.0.0.1:${etcdPort}`);
    const etcdUrl = `http://127.0.0.1:${etcdPort}`;
    const peerUrl = `http://127.0.0.1:${etcdPeerPort}`;
    start(
      'etcd',
      [
        '--name=e2e',
        `--data-dir=${path.join(dir, 'etcd')}`,
        `--listen-client-urls=${etcdUrl}`,
        `--advertise-client-urls=${etcdUrl}`,
        `--listen-peer-urls=${peerUrl}`,
        `--initial-advertise-peer-urls=${peerUrl}`,
        `--initial-cluster=e2e=${peerUrl}`,
        '--unsafe-no-fsync=true', // throw-away data: skip fsync, much faster on a busy disk
        '--log-level=warn',
      ],
      { removeOnExit: dir },
    );

    log(`e2e cluster: kube-apiserver on ${server}`);
    start('kube-apiserver', [
      `--etcd-servers=${etcdUrl}`,
      '--bind-address=127.0.0.1',
      '--advertise-address=127.0.0.1',
      `--secure-port=${apiPort}`,
      `--tls-cert-file=${f('apiserver.crt')}`,
      `--tls-private-key-file=${f('apiserver.key')}`,
      `--client-ca-file=${f('ca.crt')}`,
      '--authorization-mode=RBAC,Node',
      '--service-account-issuer=https://kubernetes.default.svc.cluster.local',
      `--service-account-key-file=${f('sa.pub')}`,
      `--service-account-signing-key-file=${f('sa.key')}`,
      '--service-cluster-ip-range=10.0.0.0/24',
      // The Endpoints of the kubernetes Service may not hold a loopback address: do not maintain them.
      '--endpoint-reconciler-type=none',
      '--profiling=false',
    ]);

    const admin: ClientCreds = {
      ca: await readFile(f('ca.crt')),
      cert: await readFile(f('admin.crt')),
      key: await readFile(f('admin.key')),
    };
    const kubeconfigPath = path.join(dir, 'admin.kubeconfig');
    await writeFile(
      kubeconfigPath,
      kubeconfig(server, f('ca.crt'), 'ai-ci-e2e-admin', f('admin.crt'), f('admin.key')),
    );
    const cmKubeconfig = path.join(dir, 'controller-manager.kubeconfig');
    await writeFile(
      cmKubeconfig,
      kubeconfig(
        server,
        f('ca.crt'),
        'system:kube-controller-manager',
        f('controller-manager.crt'),
        f('controller-manager.key'),
      ),
    );
    const schedKubeconfig = path.join(dir, 'scheduler.kubeconfig');
    await writeFile(
      schedKubeconfig,
      kubeconfig(server, f('ca.crt'), 'system:kube-scheduler', f('scheduler.crt'), f('scheduler.key')),
    );

    // /readyz is 200 once etcd is reachable and every post-start hook (RBAC bootstrap roles, …) has run.
    for (;;) {
      assertRunning();
      const ready = await apiRequest(server, admin, 'GET', '/readyz').catch(() => undefined);
      if (ready?.status === 200) break;
      await sleep(250);
    }
    log('e2e cluster: kube-apiserver ready');

    start('kube-controller-manager', [
      `--kubeconfig=${cmKubeconfig}`,
      `--authentication-kubeconfig=${cmKubeconfig}`,
      `--authorization-kubeconfig=${cmKubeconfig}`,
      '--bind-address=127.0.0.1',
      '--secure-port=0', // no health/metrics endpoint: nothing to listen on
      '--leader-elect=false',
      // Only what the tests rely on: owner-reference garbage collection, namespace deletion, default
      // ServiceAccounts and their tokens, kube-root-ca.crt, aggregated ClusterRoles (admin/edit/view).
      '--controllers=garbage-collector-controller,namespace-controller,serviceaccount-controller,serviceaccount-token-controller,root-ca-certificate-publisher-controller,clusterrole-aggregation-controller',
      '--use-service-account-credentials=true', // each controller acts as its own ServiceAccount, as kubeadm does
      `--service-account-private-key-file=${f('sa.key')}`,
      `--root-ca-file=${f('ca.crt')}`,
    ]);
    start('kube-scheduler', [
      `--kubeconfig=${schedKubeconfig}`,
      `--authentication-kubeconfig=${schedKubeconfig}`,
      `--authorization-kubeconfig=${schedKubeconfig}`,
      '--bind-address=127.0.0.1',
      '--secure-port=0',
      '--leader-elect=false',
    ]);
    const kwokHome = path.join(dir, 'kwok-home');
    await mkdir(kwokHome);
    const [kwokPort] = (await freePorts(1)) as [number];
    start(
      'kwok',
      [
        `--kubeconfig=${kubeconfigPath}`,
        `--config=${path.join(repoRoot, 'test/e2e/cluster/kwok.yaml')}`,
        `--manage-nodes-with-annotation-selector=${KWOK_NODE_ANNOTATION}=fake`,
        `--server-address=127.0.0.1:${kwokPort}`,
        '--node-ip=127.0.0.1',
        '--node-lease-duration-seconds=40',
      ],
      // kwok also reads ~/.kwok/kwok.yaml when it exists: give it an empty home.
      { env: { ...process.env, HOME: kwokHome } },
    );

    for (const node of nodes) {
      const res = await apiRequest(server, admin, 'POST', '/api/v1/nodes', {
        apiVersion: 'v1',
        kind: 'Node',
        metadata: {
          name: node.name,
          labels: {
            'kubernetes.io/hostname': node.name,
            'kubernetes.io/os': 'linux',
            'kubernetes.io/arch': 'amd64',
            'node.kubernetes.io/instance-type': node.pool === 'gpu' ? 'e2e-gpu' : 'e2e-cpu',
            [NODE_POOL_LABEL]: node.pool,
            ...(node.pool === 'gpu' ? { 'nvidia.com/gpu.present': 'true' } : {}),
          },
          annotations: { [KWOK_NODE_ANNOTATION]: 'fake', 'node.alpha.kubernetes.io/ttl': '0' },
        },
        spec: {},
        status: { capacity: node.capacity, allocatable: node.capacity },
      });
      if (res.status !== 201) throw new Error(`creating node ${node.name}: HTTP ${res.status} ${res.body}`);
      // Admission (TaintNodesByCondition) taints every new Node not-ready; the node-lifecycle controller would
      // lift it once the Node is Ready. We do not run that controller (nor evictions): lift it here.
      const untaint = await apiRequest(server, admin, 'PATCH', `/api/v1/nodes/${node.name}`, {
        spec: { taints: null },
      });
      if (untaint.status !== 200)
        throw new Error(`untainting node ${node.name}: HTTP ${untaint.status} ${untaint.body}`);
    }

    // Ready when kwok has made every node Ready and the controller-manager has created the default
    // ServiceAccount (pods are rejected by admission without it).
    for (;;) {
      assertRunning();
      const list = await apiRequest(server, admin, 'GET', '/api/v1/nodes').catch(() => undefined);
      const items: { status?: { conditions?: { type: string; status: string }[] } }[] =
        list?.status === 200 ? JSON.parse(list.body).items : [];
      const readyNodes = items.filter((n) =>
        n.status?.conditions?.some((c) => c.type === 'Ready' && c.status === 'True'),
      ).length;
      const sa = await apiRequest(
        server,
        admin,
        'GET',
        '/api/v1/namespaces/default/serviceaccounts/default',
      ).catch(() => undefined);
      if (readyNodes >= nodes.length && sa?.status === 200) break;
      await sleep(250);
    }
    log(`e2e cluster: ready, ${nodes.length} nodes; kubeconfig ${kubeconfigPath}`);
    const stopOne = async (name: ComponentName) => {
      await Promise.all(components.filter((c) => c.name === name && !c.done).map(stopComponent));
    };
    const startOne = async (name: ComponentName, opts: { timeoutMs?: number } = {}) => {
      if (stopped) throw new Error(`startComponent(${name}): the cluster is stopped`);
      if (components.some((c) => c.name === name && !c.done)) return;
      const spec = specs.get(name);
      if (!spec) throw new Error(`startComponent: unknown component ${name}`);
      const c = start(name, spec.args, spec.extra);
      if (name !== 'kube-apiserver') return;
      const until = Date.now() + (opts.timeoutMs ?? 120_000);
      for (;;) {
        if (c.done) {
          throw new Error(
            `${name} exited on restart; last lines of its log:\n${tail(path.join(logs, `${name}.log`))}`,
          );
        }
        if (Date.now() > until) throw new Error(`${name} was not ready again in time`);
        const ready = await apiRequest(server, admin, 'GET', '/readyz').catch(() => undefined);
        if (ready?.status === 200) return;
        await sleep(250);
      }
    };
    return {
      dir,
      kubeconfigPath,
      server,
      caFile: f('ca.crt'),
      stop,
      stopComponent: stopOne,
      startComponent: startOne,
    };
  } catch (err) {
    await stop();
    throw err;
  }
}

const stateFile = path.join(repoRoot, '.cache', 'e2e-cluster', 'up.json');

async function up(): Promise<void> {
  const t0 = Date.now();
  const cluster = await startCluster({ log: (m) => console.error(m) });
  await mkdir(path.dirname(stateFile), { recursive: true });
  await writeFile(stateFile, JSON.stringify({ pid: process.pid, kubeconfig: cluster.kubeconfigPath }));
  console.log(`\nCluster up in ${((Date.now() - t0) / 1000).toFixed(1)}s. Use it with:\n`);
  console.log(`  export KUBECONFIG=${cluster.kubeconfigPath}`);
  console.log(`  export ${KUBECONFIG_ENV}=${cluster.kubeconfigPath}   # e2e tests reuse this cluster\n`);
  console.log('Ctrl-C (or `npm run cluster:down`) stops it.');
  let stopping = false;
  const shutdown = async () => {
    if (stopping) return;
    stopping = true;
    console.error('e2e cluster: stopping');
    await cluster.stop();
    rmSync(stateFile, { force: true });
    process.exit(0);
  };
  for (const s of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(s, () => void shutdown());
  setInterval(() => {}, 1 << 30); // stay up
}

async function down(): Promise<void> {
  const state = await readFile(stateFile, 'utf8').catch(() => undefined);
  if (!state) {
    console.error('no cluster started by `npm run cluster:up` is recorded');
    return;
  }
  const { pid } = JSON.parse(state) as { pid: number };
  if (!isAlive(pid)) {
    rmSync(stateFile, { force: true });
    console.error(`cluster owner ${pid} is gone already`);
    return;
  }
  process.kill(pid, 'SIGTERM');
  for (let i = 0; i < 100 && isAlive(pid); i++) await sleep(200);
  console.error(isAlive(pid) ? `process ${pid} did not stop` : 'cluster stopped');
}

if (import.meta.main) {
  const cmd = process.argv[2];
  const action = cmd === 'up' ? up : cmd === 'down' ? down : undefined;
  if (!action) {
    console.error('usage: node test/e2e/cluster/harness.ts up|down');
    process.exit(2);
  }
  action().catch((err: unknown) => {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  });
}
