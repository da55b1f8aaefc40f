/**
 * The controller manager: informers (RunnerPools, CarbonPolicies, and the runner Pods and Secrets labelled
 * `ai-ci.dev/pool`), a work queue of pool keys fed by them and by webhooks, N workers running the RunnerPool
 * reconciler, the periodic resync, leader election (informers run on every replica; only the leader reconciles
 * and writes), /healthz, /readyz and /metrics, and graceful shutdown.
 */
import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { hostname } from 'node:os';
import {
  CoreV1Api,
  CustomObjectsApi,
  type KubeConfig,
  type KubernetesObject,
  type V1Secret,
} from '@kubernetes/client-node';
import { collectDefaultMetrics } from 'prom-client';
import { type CarbonPolicy, RESOURCES, RUNNER_POOL_KIND, type RunnerPool } from '../api/v1alpha1/index.js';
import { admitAllGate, type CarbonGate } from '../carbon/gate.js';
import { createGitHubClient } from '../github/client.js';
import { scopeFromSpec, scopeKey } from '../github/scope.js';
import type { GitHubClientFactory, GitHubResponseInfo, WorkflowJobEvent } from '../github/types.js';
import { errorMessage, isNotFound, mergePatch, reuseConnections } from '../kube/api.js';
import { Informer, type ListResult, type Logger, silentLogger } from '../kube/informer.js';
import { LeaderElector } from '../kube/lease.js';
import { DemandStore, labelKey, scopeMatchesRepository } from './demand.js';
import { ControllerLoop } from './loop.js';
import { type ControllerMetrics, createControllerMetrics } from './metrics.js';
import {
  controllerOwner,
  type SlimPod,
  type SlimSecret,
  slimPod,
  slimSecret,
  withoutManagedFields,
} from './runnerpool/cache.js';
import { GitHubAccess } from './runnerpool/github-access.js';
import { LABEL_POOL } from './runnerpool/model.js';
import { type Failpoint, NotLeaderError, RunnerPoolReconciler } from './runnerpool/reconciler.js';
import { ScaleSetSource, type ScaleSetSourceOptions } from './scaleset-source.js';
import { type DeliveryInfo, startWebhookServer, type WebhookServer } from './webhooks/index.js';

export interface LeaderElectionConfig {
  namespace: string;
  name: string;
  identity?: string;
  leaseDurationMs?: number;
  renewDeadlineMs?: number;
  retryPeriodMs?: number;
}

export interface ManagerOptions {
  kubeConfig: KubeConfig;
  /** Namespaces to watch; empty or undefined: all namespaces. */
  namespaces?: string[];
  githubClientFactory?: GitHubClientFactory;
  gate?: CarbonGate;
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
  /** Timings of the scale-set demand source (tests shorten them). */
  scaleSet?: Pick<ScaleSetSourceOptions, 'conflictRetryMs' | 'maxBackoffMs' | 'retryBaseMs'>;
}

export const LEADER_LABEL = 'ai-ci.dev/leader';

/** One informer per namespace (or one for all namespaces), looked up by namespace. */
class NamespacedInformers<T extends KubernetesObject> {
  readonly informers = new Map<string, Informer<T>>();
  constructor(namespaces: string[] | undefined, make: (namespace: string | undefined) => Informer<T>) {
    if (!namespaces || namespaces.length === 0) this.informers.set('*', make(undefined));
    else for (const ns of namespaces) this.informers.set(ns, make(ns));
  }
  private for(namespace: string): Informer<T> | undefined {
    return this.informers.get(namespace) ?? this.informers.get('*');
  }
  get(name: string, namespace: string): T | undefined {
    return this.for(namespace)?.get(name, namespace);
  }
  list(): T[] {
    return [...this.informers.values()].flatMap((i) => i.list());
  }
  on(verb: 'add' | 'update' | 'delete', handler: (obj: T) => void): void {
    for (const i of this.informers.values()) i.on(verb, handler);
  }
  async start(): Promise<void> {
    await Promise.all([...this.informers.values()].map((i) => i.start()));
  }
  synced(): boolean {
    return [...this.informers.values()].every((i) => i.hasSynced());
  }
  async stop(): Promise<void> {
    await Promise.all([...this.informers.values()].map((i) => i.stop()));
  }
}

const keyOf = (namespace: string, name: string) => `${namespace}/${name}`;

/** The parts of a RunnerPool whose change needs a reconcile: spec (through generation), deletion, finalizers,
 *  annotations. Status and resourceVersion are left out. */
export interface PoolTrigger {
  uid: string | undefined;
  generation: number | undefined;
  deleting: string | undefined;
  finalizers: string;
  annotations: Record<string, string> | undefined;
}

export function poolTrigger(pool: RunnerPool): PoolTrigger {
  const m = pool.metadata as RunnerPool['metadata'] & {
    uid?: string;
    generation?: number;
    deletionTimestamp?: unknown;
    finalizers?: string[];
    annotations?: Record<string, string>;
  };
  return {
    uid: m.uid,
    generation: m.generation,
    deleting: m.deletionTimestamp === undefined ? undefined : String(m.deletionTimestamp),
    finalizers: (m.finalizers ?? []).join('\u0000'),
    annotations: m.annotations,
  };
}

/** Whether two pool versions differ only in what no reconcile reads (status, resourceVersion, managedFields). */
export function sameTrigger(a: PoolTrigger, b: PoolTrigger): boolean {
  if (
    a.uid !== b.uid ||
    a.generation === undefined ||
    a.generation !== b.generation ||
    a.deleting !== b.deleting ||
    a.finalizers !== b.finalizers
  )
    return false;
  const x = a.annotations ?? {};
  const y = b.annotations ?? {};
  const keys = Object.keys(x);
  if (keys.length !== Object.keys(y).length) return false;
  return keys.every((k) => x[k] === y[k]);
}

export class Manager {
  readonly metrics: ControllerMetrics;
  readonly demand: DemandStore;
  readonly loop: ControllerLoop;
  readonly identity: string;
  private readonly o: ManagerOptions;
  private readonly logger: Logger;
  private readonly now: () => number;
  private readonly core: CoreV1Api;
  private readonly pools: NamespacedInformers<RunnerPool>;
  private readonly policies: NamespacedInformers<CarbonPolicy>;
  private readonly pods: NamespacedInformers<SlimPod>;
  private readonly secrets: NamespacedInformers<SlimSecret>;
  /** pool key → names of its Pods / Secrets. */
  private readonly podIndex = new Map<string, Set<string>>();
  private readonly secretIndex = new Map<string, Set<string>>();
  /** label key → pool keys serving it; pool key → its label key. */
  private readonly poolsByLabels = new Map<string, Set<string>>();
  private readonly labelsOfPool = new Map<string, string>();
  /** pool key → what of its metadata a reconcile reads (see poolTrigger). */
  private readonly poolTriggers = new Map<string, PoolTrigger>();
  private readonly github: GitHubAccess;
  /** Pools with `demandSource: scaleSet`: their message queues (scaleset-source.ts). */
  readonly scaleSets: ScaleSetSource;
  private readonly reconciler: RunnerPoolReconciler;
  private readonly elector: LeaderElector | undefined;
  private leading = false;
  /** The queued jobs were listed from GitHub (resync) since this replica started leading. */
  private demandSynced = false;
  private stopping = false;
  private killed = false;
  private started = false;
  private resyncTimer: NodeJS.Timeout | undefined;
  private resyncRunning: Promise<void> | undefined;
  private webhookServer: WebhookServer | undefined;
  private servers: Server[] = [];
  /** Bound ports, once started. */
  readonly ports: { webhook?: number; metrics?: number; health?: number } = {};

  constructor(options: ManagerOptions) {
    this.o = options;
    this.logger = options.logger ?? silentLogger;
    this.now = options.now ?? Date.now;
    this.metrics = options.metrics ?? createControllerMetrics();
    // The standard process_* and nodejs_* metrics (RSS, heap, event-loop lag) next to ours.
    if (options.defaultMetrics) collectDefaultMetrics({ register: this.metrics.registry });
    this.identity =
      (options.leaderElection ? options.leaderElection.identity : undefined) ||
      `${hostname()}_${randomBytes(4).toString('hex')}`;
    const kc = reuseConnections(options.kubeConfig);
    this.core = kc.makeApiClient(CoreV1Api);
    const custom = kc.makeApiClient(CustomObjectsApi);
    const m = this.metrics;
    this.demand = new DemandStore(
      {
        onJobStarted: (job, wait) => {
          for (const pool of this.poolsForJob(job.repository, job.labels)) {
            const [namespace, name] = pool.split('/') as [string, string];
            m.jobWaitSeconds.observe({ namespace, pool: name }, wait);
          }
        },
        onJobCompleted: (job, run) => {
          options.gate?.observeRun?.(job, run * 1000);
          for (const pool of this.poolsForJob(job.repository, job.labels)) {
            const [namespace, name] = pool.split('/') as [string, string];
            m.jobRunSeconds.observe({ namespace, pool: name, conclusion: job.conclusion ?? 'unknown' }, run);
          }
        },
      },
      this.now,
    );

    const logger = this.logger;
    const crPath = (plural: string, ns?: string) =>
      ns
        ? `/apis/${RESOURCES.RunnerPool.group}/${RESOURCES.RunnerPool.version}/namespaces/${ns}/${plural}`
        : `/apis/${RESOURCES.RunnerPool.group}/${RESOURCES.RunnerPool.version}/${plural}`;
    type Page = { limit: number; continueToken?: string };
    const paging = (p: Page) => ({
      limit: p.limit,
      ...(p.continueToken ? { _continue: p.continueToken } : {}),
    });
    const listCr = (plural: string, ns?: string) => (p: Page) =>
      (ns
        ? custom.listNamespacedCustomObject({ ...RESOURCES.RunnerPool, plural, namespace: ns, ...paging(p) })
        : custom.listClusterCustomObject({
            ...RESOURCES.RunnerPool,
            plural,
            ...paging(p),
          })) as Promise<ListResult>;
    this.pools = new NamespacedInformers(
      options.namespaces,
      (ns) =>
        new Informer<RunnerPool>({
          name: 'runnerpools',
          kubeConfig: kc,
          path: crPath(RESOURCES.RunnerPool.plural, ns),
          list: listCr(RESOURCES.RunnerPool.plural, ns),
          transform: (o) => withoutManagedFields<RunnerPool>(o),
          logger,
        }),
    );
    this.policies = new NamespacedInformers(
      options.namespaces,
      (ns) =>
        new Informer<CarbonPolicy>({
          name: 'carbonpolicies',
          kubeConfig: kc,
          path: crPath(RESOURCES.CarbonPolicy.plural, ns),
          list: listCr(RESOURCES.CarbonPolicy.plural, ns),
          transform: (o) => withoutManagedFields<CarbonPolicy>(o),
          logger,
        }),
    );
    const selector = LABEL_POOL;
    this.pods = new NamespacedInformers(
      options.namespaces,
      (ns) =>
        new Informer<SlimPod>({
          name: 'pods',
          kubeConfig: kc,
          path: ns ? `/api/v1/namespaces/${ns}/pods` : '/api/v1/pods',
          labelSelector: selector,
          list: (p) =>
            (ns
              ? this.core.listNamespacedPod({ namespace: ns, labelSelector: selector, ...paging(p) })
              : this.core.listPodForAllNamespaces({
                  labelSelector: selector,
                  ...paging(p),
                })) as Promise<ListResult>,
          transform: slimPod,
          logger,
        }),
    );
    this.secrets = new NamespacedInformers(
      options.namespaces,
      (ns) =>
        new Informer<SlimSecret>({
          name: 'secrets',
          kubeConfig: kc,
          path: ns ? `/api/v1/namespaces/${ns}/secrets` : '/api/v1/secrets',
          labelSelector: selector,
          list: (p) =>
            (ns
              ? this.core.listNamespacedSecret({ namespace: ns, labelSelector: selector, ...paging(p) })
              : this.core.listSecretForAllNamespaces({
                  labelSelector: selector,
                  ...paging(p),
                })) as Promise<ListResult>,
          transform: slimSecret,
          logger,
        }),
    );
    this.wireInformers();

    this.github = new GitHubAccess({
      factory: options.githubClientFactory ?? createGitHubClient,
      readSecret: (namespace, name) => this.readSecret(namespace, name),
      clientOptions: (credentials) => ({
        onResponse: (info: GitHubResponseInfo) => this.onGitHubResponse(credentials, info),
        logger: this.logger,
        ...(options.githubWriteIntervalMs !== undefined
          ? { writeIntervalMs: options.githubWriteIntervalMs }
          : {}),
      }),
      ...(options.githubListTtlMs !== undefined ? { listTtlMs: options.githubListTtlMs } : {}),
      decorate: (pool, gh) => this.scaleSets.decorate(pool, gh),
      now: this.now,
    });
    this.scaleSets = new ScaleSetSource({
      ...(options.scaleSet ?? {}),
      github: this.github,
      onJobEvent: (key, event) => {
        if (this.demand.applyEvent(event).changed) this.enqueue(key);
      },
      owner: this.identity,
      logger: this.logger,
      now: this.now,
      onEvent: (namespace, pool, event) => this.metrics.scaleSetEvents.inc({ namespace, pool, event }),
    });
    this.reconciler = new RunnerPoolReconciler({
      kubeConfig: kc,
      caches: {
        pool: (ns, name) => this.pools.get(name, ns),
        carbonPolicy: (ns, name) => this.policies.get(name, ns),
        pods: (ns, pool) => this.children(this.pods, this.podIndex, ns, pool),
        secrets: (ns, pool) => this.children(this.secrets, this.secretIndex, ns, pool),
      },
      github: this.github,
      demand: this.demand,
      gate: options.gate ?? admitAllGate,
      metrics: this.metrics,
      logger: this.logger,
      now: this.now,
      identity: this.identity,
      // Not `stopping`: a graceful stop lets in-flight reconciles and creations finish their writes.
      mayAct: () => this.leading && !this.killed,
      demandSynced: () => this.demandSynced,
      onCreationSettled: (key, err) => {
        if (err === undefined || this.killed || this.stopping) return;
        this.loop.failedElsewhere(key, this.leading);
      },
      ...(options.failpoint ? { failpoint: options.failpoint } : {}),
    });
    const reconciler = this.reconciler;
    this.loop = new ControllerLoop({
      name: 'runnerpool',
      reconcile: (key) => reconciler.reconcile(key),
      workers: options.workers ?? 4,
      metrics: this.metrics,
      logger: this.logger,
      mayReconcile: () => this.leading && !this.killed,
      abandons: (err) => err instanceof NotLeaderError || this.killed,
      keyField: 'pool',
      ...(options.retry ? { retry: options.retry } : {}),
      now: this.now,
    });
    if (options.leaderElection) {
      const le = options.leaderElection;
      this.elector = new LeaderElector({
        kubeConfig: kc,
        namespace: le.namespace,
        name: le.name,
        identity: this.identity,
        ...(le.leaseDurationMs !== undefined ? { leaseDurationMs: le.leaseDurationMs } : {}),
        ...(le.renewDeadlineMs !== undefined ? { renewDeadlineMs: le.renewDeadlineMs } : {}),
        ...(le.retryPeriodMs !== undefined ? { retryPeriodMs: le.retryPeriodMs } : {}),
        onStartedLeading: () => this.startedLeading(),
        onStoppedLeading: () => this.stoppedLeading(),
        onNewLeader: (id) => this.logger.info('leader is', { leader: id }),
        logger: this.logger,
      });
    }
  }

  /** True while this replica holds the Lease (or leader election is off) and is running. */
  get isLeader(): boolean {
    return this.leading && !this.killed;
  }

  private children<T extends KubernetesObject>(
    informers: NamespacedInformers<T>,
    index: Map<string, Set<string>>,
    ns: string,
    pool: string,
  ): T[] {
    const names = index.get(keyOf(ns, pool));
    if (!names) return [];
    const out: T[] = [];
    for (const n of names) {
      const obj = informers.get(n, ns);
      if (obj) out.push(obj);
    }
    return out;
  }

  /** Credentials Secrets, read through a short cache: every reconcile needs one, and they rarely change. */
  private readonly secretCache = new Map<string, { at: number; secret: V1Secret | undefined }>();

  private async readSecret(namespace: string, name: string): Promise<V1Secret | undefined> {
    const key = keyOf(namespace, name);
    const cached = this.secretCache.get(key);
    const ttl = this.o.credentialsTtlMs ?? 30_000;
    // A missing Secret is looked up again sooner: users often create the pool first.
    if (cached && this.now() - cached.at < (cached.secret ? ttl : Math.min(ttl, 5_000))) return cached.secret;
    let secret: V1Secret | undefined;
    try {
      secret = await this.core.readNamespacedSecret({ name, namespace });
    } catch (err) {
      if (!isNotFound(err)) throw err;
    }
    this.secretCache.set(key, { at: this.now(), secret });
    return secret;
  }

  private onGitHubResponse(credentials: string, info: GitHubResponseInfo): void {
    const m = this.metrics;
    m.githubApiRequests.inc({ route: info.route, status: String(info.status) });
    m.githubApiRequestDurationSeconds.observe({ route: info.route }, info.durationMs / 1000);
    if (info.rateLimitRemaining !== undefined)
      m.githubRateLimitRemaining.set({ credentials }, info.rateLimitRemaining);
    if (info.rateLimitLimit !== undefined) m.githubRateLimitLimit.set({ credentials }, info.rateLimitLimit);
  }

  private wireInformers(): void {
    const indexChild = (index: Map<string, Set<string>>, remove: boolean) => (obj: SlimPod | SlimSecret) => {
      const owner = controllerOwner(obj.metadata, RUNNER_POOL_KIND);
      if (!owner) return;
      const key = keyOf(obj.metadata.namespace, owner);
      let set = index.get(key);
      if (remove) {
        set?.delete(obj.metadata.name);
        if (set && set.size === 0) index.delete(key);
      } else {
        if (!set) {
          set = new Set();
          index.set(key, set);
        }
        set.add(obj.metadata.name);
      }
      this.enqueue(key);
    };
    this.pods.on('add', (pod) => {
      const owner = controllerOwner(pod.metadata, RUNNER_POOL_KIND);
      if (owner) this.reconciler.podObserved(keyOf(pod.metadata.namespace, owner), pod.metadata.name);
    });
    this.pods.on('add', indexChild(this.podIndex, false));
    this.pods.on('update', indexChild(this.podIndex, false));
    this.pods.on('delete', indexChild(this.podIndex, true));
    this.secrets.on('add', indexChild(this.secretIndex, false));
    this.secrets.on('update', indexChild(this.secretIndex, false));
    this.secrets.on('delete', indexChild(this.secretIndex, true));

    const onPool = (pool: RunnerPool, removed: boolean, update = false) => {
      const key = keyOf(pool.metadata.namespace ?? '', pool.metadata.name);
      this.scaleSets.poolChanged(key, removed ? undefined : pool);
      // Status-only updates (this controller's own status writes, one per scale change) wake nothing: the pool
      // was reconciled when that status was computed (controller-runtime's GenerationChangedPredicate, extended
      // to what else a reconcile reads from metadata: deletion, finalizers, annotations such as force-run).
      const before = this.poolTriggers.get(key);
      const after = removed ? undefined : poolTrigger(pool);
      if (after) this.poolTriggers.set(key, after);
      else this.poolTriggers.delete(key);
      if (update && before && after && sameTrigger(before, after)) return;
      const old = this.labelsOfPool.get(key);
      if (old !== undefined) {
        const set = this.poolsByLabels.get(old);
        set?.delete(key);
        if (set && set.size === 0) this.poolsByLabels.delete(old);
        this.labelsOfPool.delete(key);
      }
      if (!removed) {
        const lk = labelKey(pool.spec?.labels ?? []);
        let set = this.poolsByLabels.get(lk);
        if (!set) {
          set = new Set();
          this.poolsByLabels.set(lk, set);
        }
        set.add(key);
        this.labelsOfPool.set(key, lk);
      }
      this.enqueue(key);
    };
    this.pools.on('add', (p) => onPool(p, false));
    this.pools.on('update', (p) => onPool(p, false, true));
    this.pools.on('delete', (p) => onPool(p, true));

    // A CarbonPolicy change wakes the pools that reference it.
    const onPolicy = (policy: CarbonPolicy) => {
      for (const p of this.pools.list()) {
        if (
          p.metadata.namespace === policy.metadata.namespace &&
          p.spec.carbonPolicyRef?.name === policy.metadata.name
        ) {
          this.enqueue(keyOf(p.metadata.namespace ?? '', p.metadata.name));
        }
      }
    };
    this.policies.on('add', onPolicy);
    this.policies.on('update', onPolicy);
    this.policies.on('delete', onPolicy);
  }

  private enqueue(key: string): void {
    if (this.leading && !this.stopping) this.loop.queue.add(key);
  }

  /** Pool keys whose scope and exact label set serve a job. */
  poolsForJob(repository: string, labels: readonly string[]): string[] {
    const keys = this.poolsByLabels.get(labelKey(labels));
    if (!keys) return [];
    const out: string[] = [];
    for (const key of keys) {
      const [ns, name] = key.split('/') as [string, string];
      const pool = this.pools.get(name, ns);
      if (!pool) continue;
      try {
        if (scopeMatchesRepository(scopeFromSpec(pool.spec.github), repository)) out.push(key);
      } catch {
        // a pool with an invalid scope serves nothing
      }
    }
    return out;
  }

  /** Feeds one verified, de-duplicated webhook event (the receiver calls this; tests and benches may too). */
  handleJobEvent(event: WorkflowJobEvent): void {
    const { changed, job } = this.demand.applyEvent(event);
    if (!changed) return;
    for (const key of this.poolsForJob(job.repository, job.labels)) this.enqueue(key);
  }

  // ---- lifecycle ----

  async start(): Promise<void> {
    if (this.started) throw new Error('manager already started');
    this.started = true;
    await this.startServers();
    const t0 = this.now();
    await Promise.all([this.pools.start(), this.policies.start(), this.pods.start(), this.secrets.start()]);
    this.logger.info('informers synced', { ms: this.now() - t0, pools: this.pools.list().length });
    this.loop.start();
    const interval = this.o.resyncIntervalMs ?? 60_000;
    this.resyncTimer = setInterval(() => {
      if (this.leading && !this.stopping && !this.resyncRunning) {
        this.resyncRunning = this.resync().finally(() => {
          this.resyncRunning = undefined;
        });
      }
    }, interval);
    this.resyncTimer.unref?.();
    if (this.elector) this.elector.start();
    else this.startedLeading();
  }

  private startedLeading(): void {
    if (this.stopping || this.killed) return;
    this.leading = true;
    this.metrics.leader.set(1);
    this.logger.info('acting as leader', { identity: this.identity });
    void this.labelSelf(true);
    this.scaleSets.setLeading(true);
    for (const p of this.pools.list())
      this.loop.queue.add(keyOf(p.metadata.namespace ?? '', p.metadata.name));
    this.resyncRunning ??= this.resync().finally(() => {
      this.resyncRunning = undefined;
    });
  }

  private stoppedLeading(): void {
    if (!this.leading) return;
    this.leading = false;
    this.demandSynced = false;
    this.metrics.leader.set(0);
    this.scaleSets.setLeading(false);
    this.logger.warn('no longer leader: standing by', { identity: this.identity });
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

  /** Re-lists queued jobs of every scope in use (repairs missed webhooks) and reconciles every pool. */
  async resync(): Promise<void> {
    const seen = new Set<string>();
    for (const pool of this.pools.list()) {
      if (this.stopping || this.killed || !this.leading) return;
      if (pool.spec.github.demandSource === 'scaleSet') continue; // its message queue is its demand
      const access = await this.github.forPool(pool).catch(() => undefined);
      if (!access?.ok) continue;
      const scopeId = `${access.gh.clientKey}#${scopeKey(access.gh.scope)}`;
      if (seen.has(scopeId)) continue;
      seen.add(scopeId);
      const listedAt = this.now();
      try {
        const jobs = await access.gh.client.listQueuedJobs(access.gh.scope);
        const recovered = this.demand.mergeResync(access.gh.scope, jobs, listedAt);
        for (const job of recovered) {
          for (const key of this.poolsForJob(job.repository, job.labels)) {
            const [namespace, name] = key.split('/') as [string, string];
            this.metrics.resyncRecoveredJobs.inc({ namespace, pool: name });
          }
        }
        if (recovered.length > 0) {
          this.logger.info('resync found queued jobs no webhook announced', {
            scope: scopeKey(access.gh.scope),
            jobs: recovered.map((j) => j.id),
          });
        }
      } catch (err) {
        this.logger.warn('resync: listing queued jobs failed', {
          scope: scopeKey(access.gh.scope),
          error: errorMessage(err),
        });
      }
    }
    if (this.leading) this.demandSynced = true;
    for (const p of this.pools.list()) this.enqueue(keyOf(p.metadata.namespace ?? '', p.metadata.name));
  }

  private async startServers(): Promise<void> {
    const host = this.o.host ?? '0.0.0.0';
    if (this.o.webhook) {
      this.webhookServer = await startWebhookServer({
        secret: this.o.webhook.secret,
        port: this.o.webhook.port,
        host,
        ...(this.o.webhook.path ? { path: this.o.webhook.path } : {}),
        onJob: (event) => this.handleJobEvent(event),
        onDelivery: (info: DeliveryInfo) => this.metrics.webhookDeliveries.inc({ result: info.result }),
        logger: this.logger,
      });
      this.ports.webhook = (this.webhookServer.server.address() as AddressInfo).port;
    }
    const routes = new Map<string, (res: ServerResponse) => Promise<void> | void>();
    const text = (res: ServerResponse, status: number, body: string, type = 'text/plain; charset=utf-8') => {
      res.writeHead(status, { 'content-type': type });
      res.end(body);
    };
    const healthRoutes = () => {
      routes.set('/healthz', (res) => text(res, this.killed ? 503 : 200, this.killed ? 'stopped\n' : 'ok\n'));
      routes.set('/readyz', (res) => {
        const r = this.readiness();
        text(res, r.ready ? 200 : 503, `${r.detail}\n`);
      });
    };
    const metricsRoutes = () => {
      routes.set('/metrics', async (res) => {
        text(res, 200, await this.metrics.registry.metrics(), this.metrics.registry.contentType);
      });
    };
    const listen = async (port: number, which: 'health' | 'metrics' | 'both') => {
      const server = createServer((req: IncomingMessage, res: ServerResponse) => {
        const path = new URL(req.url ?? '/', 'http://localhost').pathname;
        const route = routes.get(path);
        if (
          !route ||
          (which === 'health' && path === '/metrics') ||
          (which === 'metrics' && path !== '/metrics')
        ) {
          text(res, 404, 'not found\n');
          return;
        }
        Promise.resolve(route(res)).catch(() => text(res, 500, 'error\n'));
      });
      await new Promise<void>((resolve) => server.listen(port, host, resolve));
      this.servers.push(server);
      return (server.address() as AddressInfo).port;
    };
    const { metricsPort, healthPort } = this.o;
    if (metricsPort !== undefined) metricsRoutes();
    if (healthPort !== undefined) healthRoutes();
    if (
      metricsPort !== undefined &&
      healthPort !== undefined &&
      metricsPort === healthPort &&
      metricsPort !== 0
    ) {
      const port = await listen(metricsPort, 'both');
      this.ports.metrics = port;
      this.ports.health = port;
    } else {
      if (metricsPort !== undefined) this.ports.metrics = await listen(metricsPort, 'metrics');
      if (healthPort !== undefined) this.ports.health = await listen(healthPort, 'health');
    }
  }

  /** Ready: every informer synced, and this replica either leads or stands by with a working Lease loop. */
  readiness(): { ready: boolean; detail: string } {
    const synced =
      this.pools.synced() && this.policies.synced() && this.pods.synced() && this.secrets.synced();
    if (this.killed || this.stopping) return { ready: false, detail: 'stopping' };
    if (!synced) return { ready: false, detail: 'informers not synced' };
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
    const drained = await this.loop.shutDown(this.o.shutdownTimeoutMs ?? 30_000);
    if (!drained) this.logger.warn('shutdown: in-flight reconciles did not finish in time');
    await this.reconciler.drain(this.o.shutdownTimeoutMs ?? 30_000);
    await this.loop.workersDone(1000);
    if (this.leading) void this.labelSelf(false);
    await this.scaleSets.stop();
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
    void this.loop.shutDown(0);
    this.scaleSets.abandon();
    this.elector?.abandon();
    await this.closeAll();
  }

  private async closeAll(): Promise<void> {
    await Promise.all([this.pools.stop(), this.policies.stop(), this.pods.stop(), this.secrets.stop()]);
    await this.webhookServer?.close();
    await Promise.all(
      this.servers.map(
        (s) =>
          new Promise<void>((resolve) => {
            s.closeAllConnections();
            s.close(() => resolve());
          }),
      ),
    );
    this.servers = [];
  }
}
