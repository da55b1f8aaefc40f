/**
 * The controller manager (controller-runtime's Manager): one shared informer cache (cache.ts) that both
 * controllers read, the controllers registered with it (each a generic loop, loop.ts: RunnerPool, CarbonPolicy),
 * their extra event sources (the GitHub webhook receiver), leader election (src/kube/lease.ts) delivered to every
 * controller as started/stopped-leading events, the periodic resync, /metrics, /healthz and /readyz (servers.ts),
 * and graceful shutdown. Informers run on every replica; only the leader reconciles and writes.
 */
import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import { CoreV1Api, type KubeConfig } from '@kubernetes/client-node';
import { collectDefaultMetrics } from 'prom-client';
import { type KeplerOptions, KeplerReader } from '../analysis/energy/index.js';
import { admitAllGate, type CarbonGate } from '../carbon/gate.js';
import type { GitHubClientFactory, WorkflowJobEvent } from '../github/types.js';
import { errorMessage, mergePatch, reuseConnections } from '../kube/api.js';
import { type Logger, silentLogger } from '../kube/informer.js';
import { LeaderElector } from '../kube/lease.js';
import { startTracing, type Tracing, type TracingConfig } from '../telemetry/index.js';
import { SharedCache } from './cache.js';
import { CarbonPolicyController, type CarbonPolicyControllerOptions } from './carbonpolicy/controller.js';
import type { DemandStore } from './demand.js';
import type { ControllerLoop, ControllerRegistration, EventSource, Leadership } from './loop.js';
import { type ControllerMetrics, createControllerMetrics } from './metrics.js';
import { RunnerPoolController } from './runnerpool/controller.js';
import type { Failpoint } from './runnerpool/reconciler.js';
import type { ScaleSetSourceOptions } from './scaleset-source.js';
import { type RunningServers, startServers } from './servers.js';
import { traceHttpCalls } from './tracing.js';

export interface LeaderElectionConfig {
  namespace: string;
  name: string;
  identity?: string;
  leaseDurationMs?: number;
  renewDeadlineMs?: number;
  retryPeriodMs?: number;
}

/** What the CarbonPolicy controller takes besides what it shares with the manager. */
export type CarbonOptions = Omit<
  CarbonPolicyControllerOptions,
  'kubeConfig' | 'cache' | 'leadership' | 'metrics' | 'logger' | 'now' | 'enqueuePool' | 'identity'
>;

export interface ManagerOptions {
  kubeConfig: KubeConfig;
  /** Namespaces to watch; empty or undefined: all namespaces. */
  namespaces?: string[];
  githubClientFactory?: GitHubClientFactory;
  /** The gate RunnerPools with a carbonPolicyRef ask; default: the CarbonPolicy controller's (admit-all without it). */
  gate?: CarbonGate;
  /** The CarbonPolicy controller's own options; false: no CarbonPolicy controller. */
  carbon?: CarbonOptions | false;
  /** The webhook receiver; omitted: no webhook server (resync only). */
  webhook?: { secret: string; port: number; host?: string; path?: string };
  /** Port of /metrics (0: any free port); omitted: no metrics server. */
  metricsPort?: number;
  /** Port of /healthz and /readyz; may equal metricsPort. Omitted: none. */
  healthPort?: number;
  /** Address the HTTP servers bind to (default 0.0.0.0; tests use 127.0.0.1). */
  host?: string;
  /** Lease-based leader election; false: this replica always acts (single replica, tests). */
  leaderElection: LeaderElectionConfig | false;
  /** Every pool is reconciled and queued jobs are re-listed from GitHub this often (default 60 s). */
  resyncIntervalMs?: number;
  /** RunnerPool workers (default 4); the CarbonPolicy controller has its own (carbon.workers, default 2). */
  workers?: number;
  /** How long a GitHub runner listing is reused (default 10 s). */
  githubListTtlMs?: number;
  /** In-flight reconciles get this long to finish on shutdown (default 30 s). */
  shutdownTimeoutMs?: number;
  metrics?: ControllerMetrics;
  logger?: Logger;
  failpoint?: Failpoint;
  now?: () => number;
  /** This Pod, to label it `ai-ci.dev/leader=true` while leading (a webhook Service can select the leader). */
  self?: { namespace: string; name: string };
  /** Minimum gap between two GitHub writes of one client, ms (default 1000, GitHub's guidance; 0 for fakes). */
  githubWriteIntervalMs?: number;
  /** How long a credentials Secret read is reused, ms (default 30 s; rotation is picked up after it). */
  credentialsTtlMs?: number;
  /** Also export prom-client's default process/Node.js metrics (main.ts turns this on). */
  defaultMetrics?: boolean;
  /** Work queue retry backoff (tests shorten it). */
  retry?: { baseDelayMs?: number; maxDelayMs?: number };
  /** Kepler through Prometheus, for measured per-job energy (else estimated from the pools' resources). */
  kepler?: KeplerOptions;
  /** Timings of the scale-set demand source (tests shorten them). */
  scaleSet?: Pick<ScaleSetSourceOptions, 'conflictRetryMs' | 'maxBackoffMs' | 'retryBaseMs'>;
  /** OpenTelemetry traces of jobs and reconciles (`tracingConfigFromEnv`); omitted: off. */
  tracing?: TracingConfig;
}

export const LEADER_LABEL = 'ai-ci.dev/leader';

export class Manager {
  readonly metrics: ControllerMetrics;
  readonly identity: string;
  readonly cache: SharedCache;
  readonly runnerPools: RunnerPoolController;
  /** The CarbonPolicy controller (undefined with `carbon: false`). */
  readonly carbon: CarbonPolicyController | undefined;
  /** Bound ports, once started. */
  readonly ports: { webhook?: number; metrics?: number; health?: number } = {};
  private readonly o: ManagerOptions;
  private readonly logger: Logger;
  private readonly core: CoreV1Api;
  private readonly registrations: ControllerRegistration[] = [];
  private readonly elector: LeaderElector | undefined;
  private readonly leadership: Leadership = {
    isLeader: () => this.leading && !this.killed,
    accepting: () => this.leading && !this.stopping && !this.killed,
  };
  private leading = false;
  private stopping = false;
  private killed = false;
  private started = false;
  private resyncTimer: NodeJS.Timeout | undefined;
  private servers: RunningServers | undefined;
  /** Job and reconcile traces (a no-op when tracing is off). */
  readonly tracing: Tracing;
  private readonly untraceHttp: () => void;

  constructor(options: ManagerOptions) {
    this.o = options;
    this.logger = options.logger ?? silentLogger;
    const now = options.now ?? Date.now;
    this.metrics = options.metrics ?? createControllerMetrics();
    // The standard process_* and nodejs_* metrics (RSS, heap, event-loop lag) next to ours.
    if (options.defaultMetrics) collectDefaultMetrics({ register: this.metrics.registry });
    this.identity =
      (options.leaderElection ? options.leaderElection.identity : undefined) ||
      `${hostname()}_${randomBytes(4).toString('hex')}`;
    this.tracing = startTracing(options.tracing, (result, reason, n) =>
      this.metrics.traceSpans.inc({ result, reason }, n),
    );
    const kc = reuseConnections(options.kubeConfig);
    this.untraceHttp = traceHttpCalls(this.tracing, kc.getCurrentCluster()?.server);
    this.core = kc.makeApiClient(CoreV1Api);
    this.cache = new SharedCache(kc, options.namespaces, this.logger);
    const shared = { kubeConfig: kc, cache: this.cache, leadership: this.leadership, metrics: this.metrics };
    this.carbon =
      options.carbon === false
        ? undefined
        : new CarbonPolicyController({
            ...(options.carbon ?? {}),
            ...shared,
            logger: this.logger,
            now,
            identity: this.identity,
            enqueuePool: (namespace, name) => this.enqueue(this.runnerPools.loop, `${namespace}/${name}`),
          });
    this.runnerPools = new RunnerPoolController({
      ...shared,
      gate: options.gate ?? this.carbon?.gate ?? admitAllGate,
      logger: this.logger,
      now,
      identity: this.identity,
      workers: options.workers ?? 4,
      stopping: () => this.stopping,
      killed: () => this.killed,
      tracing: this.tracing,
      jobEnergy: {
        ...(options.carbon !== false && options.carbon?.power ? { power: options.carbon.power } : {}),
        ...(options.kepler ? { kepler: new KeplerReader(options.kepler) } : {}),
      },
      ...pick(options, [
        'retry',
        'githubClientFactory',
        'githubListTtlMs',
        'githubWriteIntervalMs',
        'credentialsTtlMs',
        'failpoint',
        'scaleSet',
      ]),
    });
    const sources: EventSource[] = [];
    if (options.webhook) {
      const webhook = this.runnerPools.webhookSource({ host: options.host ?? '0.0.0.0', ...options.webhook });
      sources.push({
        name: webhook.name,
        start: async (enqueue) => {
          await webhook.start(enqueue);
          this.ports.webhook = webhook.port();
        },
        stop: () => webhook.stop(),
      });
    }
    if (this.carbon) this.register(this.carbon.registration());
    this.register(this.runnerPools.registration(sources));
    if (options.leaderElection) {
      const le = options.leaderElection;
      this.elector = new LeaderElector({
        kubeConfig: kc,
        namespace: le.namespace,
        name: le.name,
        identity: this.identity,
        ...pick(le, ['leaseDurationMs', 'renewDeadlineMs', 'retryPeriodMs']),
        onStartedLeading: () => this.startedLeading(),
        onStoppedLeading: () => this.stoppedLeading(),
        onNewLeader: (id) => this.logger.info('leader is', { leader: id }),
        logger: this.logger,
      });
    }
  }

  /** Registers a controller: its watches on the shared cache and its event sources queue its keys while leading. */
  register(r: ControllerRegistration): void {
    if (this.started) throw new Error('register controllers before start()');
    this.registrations.push(r);
    const enqueue = (key: string) => this.enqueue(r.loop, key);
    r.for.wire(enqueue);
    for (const w of r.watches ?? []) w.wire(enqueue);
  }

  private enqueue(loop: ControllerLoop, key: string): void {
    if (this.leadership.accepting()) loop.queue.add(key);
  }

  /** True while this replica holds the Lease (or leader election is off) and is running. */
  get isLeader(): boolean {
    return this.leadership.isLeader();
  }

  /** The RunnerPool controller's demand store. */
  get demand(): DemandStore {
    return this.runnerPools.demand;
  }

  /** Pool keys whose scope and exact label set serve a job. */
  poolsForJob(repository: string, labels: readonly string[]): string[] {
    return this.runnerPools.poolsForJob(repository, labels);
  }

  /** Feeds one verified, de-duplicated webhook event (the receiver calls this; tests and benches may too). */
  handleJobEvent(event: WorkflowJobEvent): void {
    for (const key of this.runnerPools.handleJobEvent(event)) this.enqueue(this.runnerPools.loop, key);
  }

  /** Re-lists queued jobs of every scope in use (repairs missed webhooks) and reconciles every pool. */
  resync(): Promise<void> {
    return this.runnerPools.resync();
  }

  // ---- lifecycle ----

  async start(): Promise<void> {
    if (this.started) throw new Error('manager already started');
    this.started = true;
    const started = await startServers({
      host: this.o.host ?? '0.0.0.0',
      ...pick(this.o, ['metricsPort', 'healthPort']),
      registry: this.metrics.registry,
      alive: () => !this.killed,
      readiness: () => this.readiness(),
    });
    this.servers = started;
    Object.assign(this.ports, started.ports);
    for (const r of this.registrations) {
      for (const s of r.sources ?? []) await s.start((key) => this.enqueue(r.loop, key));
    }
    const t0 = Date.now();
    await this.cache.start();
    this.logger.info('informers synced', { ms: Date.now() - t0, pools: this.cache.pools.list().length });
    for (const r of this.registrations) r.loop.start();
    this.resyncTimer = setInterval(() => this.runnerPools.resyncTick(), this.o.resyncIntervalMs ?? 60_000);
    this.resyncTimer.unref?.();
    if (this.elector) this.elector.start();
    else this.startedLeading();
  }

  /** Leadership event: every controller queues all objects of its kind and runs its started-leading hook. */
  private startedLeading(): void {
    if (this.stopping || this.killed) return;
    this.leading = true;
    this.metrics.leader.set(1);
    this.logger.info('acting as leader', { identity: this.identity });
    void this.labelSelf(true);
    for (const r of this.registrations) {
      for (const key of r.for.keys?.() ?? []) r.loop.queue.add(key);
      r.startedLeading?.();
    }
  }

  private stoppedLeading(): void {
    if (!this.leading) return;
    this.leading = false;
    this.metrics.leader.set(0);
    this.logger.warn('no longer leader: standing by', { identity: this.identity });
    for (const r of this.registrations) r.stoppedLeading?.();
    void this.labelSelf(false);
  }

  private async labelSelf(leader: boolean): Promise<void> {
    const self = this.o.self;
    if (!self || this.killed) return;
    try {
      await this.core.patchNamespacedPod(
        {
          name: self.name,
          namespace: self.namespace,
          body: { metadata: { labels: { [LEADER_LABEL]: leader ? 'true' : null } } },
        },
        mergePatch(),
      );
    } catch (err) {
      this.logger.warn('could not label this Pod with the leader label', { error: errorMessage(err) });
    }
  }

  /** Ready: every informer synced, and this replica either leads or stands by with a working Lease loop. */
  readiness(): { ready: boolean; detail: string } {
    if (this.killed || this.stopping) return { ready: false, detail: 'stopping' };
    if (!this.cache.synced()) return { ready: false, detail: 'informers not synced' };
    if (this.leading) return { ready: true, detail: 'leader' };
    if (this.elector) return { ready: true, detail: `standby (leader: ${this.elector.leader || 'none'})` };
    return { ready: false, detail: 'not started' };
  }

  /**
   * Graceful stop: stop taking work, let in-flight reconciles finish (up to shutdownTimeoutMs), release the Lease,
   * stop informers and servers.
   */
  async stop(): Promise<void> {
    if (this.stopping) return;
    this.stopping = true;
    if (this.resyncTimer) clearInterval(this.resyncTimer);
    const timeout = this.o.shutdownTimeoutMs ?? 30_000;
    const drained = await Promise.all(this.registrations.map((r) => r.loop.shutDown(timeout)));
    if (drained.includes(false)) this.logger.warn('shutdown: in-flight reconciles did not finish in time');
    for (const r of this.registrations) await r.drain?.(timeout);
    await Promise.all(this.registrations.map((r) => r.loop.workersDone(1000)));
    if (this.leading) void this.labelSelf(false);
    await this.elector?.stop();
    this.leading = false;
    this.metrics.leader.set(0);
    await this.closeAll();
  }

  /** Stops at once, as a crash would: no draining, no Lease release (tests of crash convergence and failover). */
  async kill(): Promise<void> {
    this.killed = true;
    this.leading = false;
    if (this.resyncTimer) clearInterval(this.resyncTimer);
    for (const r of this.registrations) {
      void r.loop.shutDown(0);
      r.killed?.();
    }
    this.elector?.abandon();
    await this.closeAll();
  }

  private async closeAll(): Promise<void> {
    this.untraceHttp();
    // Spans still queued get one bounded export attempt; a collector that is down cannot hold the stop up.
    await Promise.race([this.tracing.shutdown(), new Promise((r) => setTimeout(r, 2000).unref())]);
    await this.cache.stop();
    for (const r of this.registrations) for (const s of r.sources ?? []) await s.stop();
    await this.servers?.close();
    this.servers = undefined;
  }
}

/** The entries of `o` named in `keys` that are defined (for exactOptionalPropertyTypes-style option passing). */
function pick<T extends object, K extends keyof T>(o: T, keys: readonly K[]): Partial<Pick<T, K>> {
  const out: Partial<Pick<T, K>> = {};
  for (const k of keys) if (o[k] !== undefined) out[k] = o[k];
  return out;
}
