/**
 * Controller replicas of `npm run chaos` as real processes: `node dist/controller/main.js` with leader election on
 * (a Lease in the run's namespace; `POD_NAME` is each replica's identity and stays the same across its restarts,
 * as a container restarted in its Pod keeps the Pod's name), the test cluster's kubeconfig, ports of their own,
 * GitHub writes unpaced. Each process is an incarnation; its /metrics are scraped while it lives.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { closeSync, openSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { type Incarnation, metricSum } from './invariants.js';

export const root = path.resolve(import.meta.dirname, '../..');
export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
  });
}

export interface ReplicaConfig {
  /** e.g. `a`; the identity is `ai-ci-chaos-<id>`. */
  id: string;
  kubeconfig: string;
  namespace: string;
  webhookSecret: string;
  logDir: string;
  resyncInterval: string;
}

export class Replica {
  readonly identity: string;
  readonly incarnations: Incarnation[] = [];
  child: ChildProcess | undefined;
  ports = { webhook: 0, metrics: 0, health: 0 };
  /** Whether the last scrape said ai_ci_leader 1. */
  leader = false;
  private current: Incarnation | undefined;

  constructor(readonly config: ReplicaConfig) {
    this.identity = `ai-ci-chaos-${config.id}`;
  }

  get alive(): boolean {
    return this.child !== undefined && this.child.exitCode === null && this.child.signalCode === null;
  }

  /** Starts a new incarnation (fresh ports: a killed process's sockets may linger). Resolves once it listens. */
  async start(): Promise<void> {
    const c = this.config;
    this.ports = { webhook: await freePort(), metrics: await freePort(), health: await freePort() };
    const n = this.incarnations.length;
    const fd = openSync(path.join(c.logDir, `replica-${c.id}-${n}.log`), 'a');
    this.child = spawn(
      process.execPath,
      [
        path.join(root, 'dist/controller/main.js'),
        '--kubeconfig',
        c.kubeconfig,
        '--namespaces',
        c.namespace,
        '--leader-election-namespace',
        c.namespace,
        '--webhook-port',
        String(this.ports.webhook),
        '--metrics-port',
        String(this.ports.metrics),
        '--health-port',
        String(this.ports.health),
        '--github-write-interval',
        '0s',
        '--resync-interval',
        c.resyncInterval,
        '--log-level',
        'info',
      ],
      {
        // POD_NAME: the Lease identity. No POD_NAMESPACE: there is no Pod to label with ai-ci.dev/leader.
        env: {
          PATH: process.env.PATH ?? '',
          HOME: process.env.HOME ?? '',
          POD_NAME: this.identity,
          AI_CI_WEBHOOK_SECRET: c.webhookSecret,
        },
        stdio: ['ignore', fd, fd],
      },
    );
    closeSync(fd);
    this.current = { replica: c.id, runnersCreated: 0, lastScrapeAt: Date.now() };
    this.incarnations.push(this.current);
    this.leader = false;
    // Listening (healthz answers) is enough: readiness waits for informers, which an apiserver outage delays.
    for (let i = 0; i < 600 && this.alive; i++) {
      const ok = await fetch(`http://127.0.0.1:${this.ports.health}/healthz`, {
        signal: AbortSignal.timeout(1000),
      }).then(
        (r) => r.ok,
        () => false,
      );
      if (ok) return;
      await sleep(100);
    }
    if (!this.alive) throw new Error(`replica ${c.id} exited at start (code ${this.child.exitCode})`);
  }

  /** Scrapes /metrics: the incarnation's runners-created count and whether it leads. */
  async scrape(): Promise<boolean> {
    const inc = this.current;
    if (!this.alive || !inc) return false;
    try {
      const res = await fetch(`http://127.0.0.1:${this.ports.metrics}/metrics`, {
        signal: AbortSignal.timeout(3000),
      });
      if (!res.ok) return false;
      const text = await res.text();
      if (this.current !== inc) return false;
      inc.runnersCreated = metricSum(text, 'ai_ci_runners_created_total');
      inc.lastScrapeAt = Date.now();
      this.leader = metricSum(text, 'ai_ci_leader') === 1;
      return true;
    } catch {
      return false;
    }
  }

  /** SIGKILL, as a node failure or an OOM kill would: no Lease release, no draining. */
  async kill(): Promise<void> {
    const child = this.child;
    if (!child || !this.alive) return;
    const exited = new Promise((r) => child.once('exit', r));
    child.kill('SIGKILL');
    if (this.current) this.current.killedAt = Date.now();
    this.current = undefined;
    this.leader = false;
    await exited;
  }

  /** Graceful stop at the end of the run (SIGTERM; the final scrape happened before). */
  async stop(): Promise<void> {
    const child = this.child;
    if (!child || !this.alive) return;
    const exited = new Promise((r) => child.once('exit', r));
    child.kill('SIGTERM');
    await Promise.race([exited, sleep(40_000)]);
    if (this.alive) child.kill('SIGKILL');
    this.current = undefined;
  }
}
