/**
 * The RunnerPool controller as it registers with the manager: For RunnerPools (status-only updates filtered out),
 * Owns runner Pods and Secrets (indexed by owning pool), Watches CarbonPolicies (a change wakes the pools that
 * reference it), and the demand sources: the GitHub webhook receiver, the scale-set message queues of pools with
 * `demandSource: scaleSet` (scaleset-source.ts, driven by the leadership events), and the periodic resync.
 * It holds the demand store, GitHub access and the reconciler; the manager holds the cache, the loop's leadership
 * and the servers.
 */
import type { KubeConfig, V1Secret } from '@kubernetes/client-node';
import { CoreV1Api } from '@kubernetes/client-node';
import type { KeplerReader, PowerModel } from '../../analysis/energy/index.js';
import { RUNNER_POOL_KIND, type RunnerPool } from '../../api/v1alpha1/index.js';
import type { CarbonGate } from '../../carbon/gate.js';
import { createGitHubClient } from '../../github/client.js';
import { scopeFromSpec, scopeKey } from '../../github/scope.js';
import type { GitHubClientFactory, GitHubResponseInfo, WorkflowJobEvent } from '../../github/types.js';
import { errorMessage, isNotFound } from '../../kube/api.js';
import type { Logger } from '../../kube/informer.js';
import type { Tracing } from '../../telemetry/index.js';
import { keyOf, type SharedCache } from '../cache.js';
import { DemandStore, labelKey, scopeMatchesRepository } from '../demand.js';
import {
  ControllerLoop,
  type ControllerRegistration,
  type EventSource,
  type Leadership,
  watchFor,
  watchMapped,
} from '../loop.js';
import type { ControllerMetrics } from '../metrics.js';
import { ScaleSetSource, type ScaleSetSourceOptions } from '../scaleset-source.js';
import { JobTraces } from '../tracing.js';
import { type DeliveryInfo, startWebhookServer, type WebhookServer } from '../webhooks/index.js';
import { controllerOwner, type SlimPod, type SlimSecret } from './cache.js';
import { GitHubAccess } from './github-access.js';
import { JobEnergyRecorder, poolThatRan } from './job-energy.js';
import { type Failpoint, NotLeaderError, RunnerPoolReconciler } from './reconciler.js';
import { PoolIndex } from './trigger.js';

export interface RunnerPoolControllerOptions {
  kubeConfig: KubeConfig;
  cache: SharedCache;
  leadership: Leadership;
  gate: CarbonGate;
  metrics: ControllerMetrics;
  logger: Logger;
  now: () => number;
  identity: string;
  workers: number;
  retry?: { baseDelayMs?: number; maxDelayMs?: number };
  githubClientFactory?: GitHubClientFactory;
  githubListTtlMs?: number;
  githubWriteIntervalMs?: number;
  credentialsTtlMs?: number;
  failpoint?: Failpoint;
  /** Timings of the scale-set demand source (tests shorten them). */
  scaleSet?: Pick<ScaleSetSourceOptions, 'conflictRetryMs' | 'maxBackoffMs' | 'retryBaseMs'>;
  /** Per-job energy: the power model of the estimate, and Kepler through Prometheus when configured. */
  jobEnergy?: { power?: PowerModel; kepler?: KeplerReader };
  /** Manager stopping (a graceful stop lets in-flight creations finish) or killed. */
  stopping: () => boolean;
  killed: () => boolean;
  /** Tracing of jobs and reconciles (omitted or disabled: no spans). */
  tracing?: Tracing;
}

export class RunnerPoolController {
  readonly demand: DemandStore;
  readonly loop: ControllerLoop;
  readonly reconciler: RunnerPoolReconciler;
  readonly index: PoolIndex;
  /** The second demand source: pools with `demandSource: scaleSet` and their message queues (scaleset-source.ts). */
  readonly scaleSets: ScaleSetSource;
  private readonly o: RunnerPoolControllerOptions;
  private readonly core: CoreV1Api;
  private readonly github: GitHubAccess;
  /** The queued jobs were listed from GitHub (resync) since this replica started leading. */
  private demandSynced = false;
  private resyncRunning: Promise<void> | undefined;
  /** Credentials Secrets, read through a short cache: every reconcile needs one, and they rarely change. */
  private readonly secretCache = new Map<string, { at: number; secret: V1Secret | undefined }>();
  private readonly energy: JobEnergyRecorder;
  /** Job traces (a no-op when tracing is off). */
  readonly traces: JobTraces | undefined;

  constructor(options: RunnerPoolControllerOptions) {
    this.o = options;
    const { cache, metrics: m, leadership } = options;
    this.core = options.kubeConfig.makeApiClient(CoreV1Api);
    this.index = new PoolIndex(cache);
    this.traces = options.tracing?.enabled
      ? new JobTraces({
          tracing: options.tracing,
          now: options.now,
          recording: () => leadership.accepting(),
          podOf: (pool, runner) => {
            if (!pool) return undefined;
            const [ns, name] = pool.split('/') as [string, string];
            const pod = this.index.pods(ns, name).find((p) => p.metadata.name === runner);
            if (!pod) return undefined;
            return {
              ...(pod.metadata.createdAt !== undefined ? { createdAt: pod.metadata.createdAt } : {}),
              ...(pod.status.scheduledAt !== undefined ? { scheduledAt: pod.status.scheduledAt } : {}),
            };
          },
        })
      : undefined;
    this.demand = new DemandStore(
      {
        onJobStarted: (job, wait) => {
          const pools = this.poolsForJob(job.repository, job.labels);
          for (const pool of pools) {
            const [namespace, name] = pool.split('/') as [string, string];
            m.jobWaitSeconds.observe({ namespace, pool: name }, wait);
          }
          this.traces?.jobStarted(job, poolThatRan(job, pools));
        },
        onJobCompleted: (job, run) => {
          options.gate.observeRun?.(job, run * 1000);
          const pools = this.poolsForJob(job.repository, job.labels);
          this.traces?.jobCompleted(job, poolThatRan(job, pools));
          for (const pool of pools) {
            const [namespace, name] = pool.split('/') as [string, string];
            m.jobRunSeconds.observe({ namespace, pool: name, conclusion: job.conclusion ?? 'unknown' }, run);
          }
          // Only the leader records energy (every replica sees the webhooks; metrics and Events would double).
          const ran = poolThatRan(job, pools);
          if (ran && leadership.accepting()) {
            this.energy.completed(job, run, ran).catch((err: unknown) => {
              options.logger.debug('job energy not recorded', { pool: ran, job: job.id, error: String(err) });
            });
          }
        },
      },
      options.now,
    );
    this.github = new GitHubAccess({
      factory: options.githubClientFactory ?? createGitHubClient,
      readSecret: (namespace, name) => this.readSecret(namespace, name),
      clientOptions: (credentials) => ({
        onResponse: (info: GitHubResponseInfo) => this.onGitHubResponse(credentials, info),
        logger: options.logger,
        ...(options.githubWriteIntervalMs !== undefined
          ? { writeIntervalMs: options.githubWriteIntervalMs }
          : {}),
      }),
      ...(options.githubListTtlMs !== undefined ? { listTtlMs: options.githubListTtlMs } : {}),
      decorate: (pool, gh) => this.scaleSets.decorate(pool, gh),
      now: options.now,
    });
    this.scaleSets = new ScaleSetSource({
      ...(options.scaleSet ?? {}),
      github: this.github,
      onJobEvent: (key, event) => {
        if (this.demand.applyEvent(event).changed && leadership.accepting()) this.loop.queue.add(key);
      },
      owner: options.identity,
      logger: options.logger,
      now: options.now,
      onEvent: (namespace, pool, event) => m.scaleSetEvents.inc({ namespace, pool, event }),
    });
    this.reconciler = new RunnerPoolReconciler({
      kubeConfig: options.kubeConfig,
      caches: {
        pool: (ns, name) => cache.pools.get(name, ns),
        carbonPolicy: (ns, name) => cache.policies.get(name, ns),
        pods: (ns, pool) => this.index.pods(ns, pool),
        secrets: (ns, pool) => this.index.secrets(ns, pool),
      },
      github: this.github,
      demand: this.demand,
      gate: options.gate,
      metrics: m,
      logger: options.logger,
      now: options.now,
      identity: options.identity,
      // Not `stopping`: a graceful stop lets in-flight reconciles and creations finish their writes.
      mayAct: () => leadership.isLeader(),
      demandSynced: () => this.demandSynced,
      onCreationSettled: (key, err) => {
        if (err === undefined || options.killed() || options.stopping()) return;
        this.loop.failedElsewhere(key, leadership.isLeader());
      },
      ...(options.failpoint ? { failpoint: options.failpoint } : {}),
      ...(this.traces ? { traces: this.traces } : {}),
    });
    this.energy = new JobEnergyRecorder({
      metrics: m,
      ...(options.jobEnergy?.power ? { power: options.jobEnergy.power } : {}),
      ...(options.jobEnergy?.kepler ? { kepler: options.jobEnergy.kepler } : {}),
      pool: (ns, name) => cache.pools.get(name, ns),
      policy: (ns, name) => cache.policies.get(name, ns),
      event: (ref, reason, message) => this.reconciler.event(ref, 'Normal', reason, message),
      logger: options.logger,
      now: options.now,
    });
    const reconciler = this.reconciler;
    this.loop = new ControllerLoop({
      name: 'runnerpool',
      reconcile: (key) => reconciler.reconcile(key),
      workers: options.workers,
      metrics: m,
      logger: options.logger,
      mayReconcile: () => leadership.isLeader(),
      abandons: (err) => err instanceof NotLeaderError || options.killed(),
      keyField: 'pool',
      ...(options.retry ? { retry: options.retry } : {}),
      now: options.now,
    });
  }

  /** For RunnerPools, Owns Pods and Secrets, Watches CarbonPolicies; `sources` are the demand sources. */
  registration(sources: EventSource[]): ControllerRegistration {
    const { cache } = this.o;
    const child =
      (kind: 'pods' | 'secrets') =>
      (obj: SlimPod | SlimSecret, event: 'add' | 'update' | 'delete'): string[] => {
        const owner = controllerOwner(obj.metadata, RUNNER_POOL_KIND);
        if (!owner) return [];
        const key = keyOf(obj.metadata.namespace, owner);
        if (kind === 'pods' && event === 'add') this.reconciler.podObserved(key, obj.metadata.name);
        this.index.child(kind, key, obj.metadata.name, event === 'delete');
        return [key];
      };
    return {
      loop: this.loop,
      for: watchFor(cache.pools, (pool, event) => {
        const key = keyOf(pool.metadata.namespace ?? '', pool.metadata.name);
        this.scaleSets.poolChanged(key, event === 'delete' ? undefined : pool);
        return this.index.poolEvent(pool, event);
      }),
      watches: [
        watchMapped(cache.pods, child('pods')),
        watchMapped(cache.secrets, child('secrets')),
        // A CarbonPolicy change wakes the pools that reference it.
        watchMapped(cache.policies, (policy) =>
          cache.pools
            .list(policy.metadata.namespace ?? '')
            .filter((p) => p.spec.carbonPolicyRef?.name === policy.metadata.name)
            .map((p) => keyOf(p.metadata.namespace ?? '', p.metadata.name)),
        ),
      ],
      sources,
      startedLeading: () => {
        this.scaleSets.setLeading(true);
        this.resyncRunning ??= this.resync().finally(() => {
          this.resyncRunning = undefined;
        });
      },
      stoppedLeading: () => {
        this.demandSynced = false;
        this.scaleSets.setLeading(false);
      },
      drain: async (timeoutMs) => {
        await this.reconciler.drain(timeoutMs);
        await this.scaleSets.stop();
      },
      killed: () => this.scaleSets.abandon(),
    };
  }

  /** The GitHub webhook receiver as an event source: each verified job event queues the pools it concerns. */
  webhookSource(o: { secret: string; port: number; host: string; path?: string }): EventSource & {
    port(): number | undefined;
  } {
    let server: WebhookServer | undefined;
    return {
      name: 'github-webhooks',
      start: async (enqueue) => {
        server = await startWebhookServer({
          secret: o.secret,
          port: o.port,
          host: o.host,
          ...(o.path ? { path: o.path } : {}),
          onJob: (event) => {
            for (const key of this.handleJobEvent(event)) enqueue(key);
          },
          onDelivery: (info: DeliveryInfo) => this.o.metrics.webhookDeliveries.inc({ result: info.result }),
          logger: this.o.logger,
        });
      },
      stop: async () => server?.close(),
      port: () => {
        const address = server?.server.address();
        return address && typeof address === 'object' ? address.port : undefined;
      },
    };
  }

  /** Applies one verified, de-duplicated job event to the demand; returns the pools to reconcile. */
  handleJobEvent(event: WorkflowJobEvent): string[] {
    const { changed, job } = this.demand.applyEvent(event);
    return changed ? this.poolsForJob(job.repository, job.labels) : [];
  }

  /** Pool keys whose scope and exact label set serve a job. */
  poolsForJob(repository: string, labels: readonly string[]): string[] {
    const out: string[] = [];
    for (const key of this.index.poolsWithLabels(labelKey(labels))) {
      const [ns, name] = key.split('/') as [string, string];
      const pool: RunnerPool | undefined = this.o.cache.pools.get(name, ns);
      if (!pool) continue;
      try {
        if (scopeMatchesRepository(scopeFromSpec(pool.spec.github), repository)) out.push(key);
      } catch {
        // a pool with an invalid scope serves nothing
      }
    }
    return out;
  }

  /** Re-lists queued jobs of every scope in use (repairs missed webhooks) and reconciles every pool. */
  async resync(): Promise<void> {
    const { leadership, metrics, logger, now, cache } = this.o;
    const seen = new Set<string>();
    for (const pool of cache.pools.list()) {
      if (!leadership.accepting()) return;
      if (pool.spec.github.demandSource === 'scaleSet') continue; // its message queue is its demand
      const access = await this.github.forPool(pool).catch(() => undefined);
      if (!access?.ok) continue;
      const scopeId = `${access.gh.clientKey}#${scopeKey(access.gh.scope)}`;
      if (seen.has(scopeId)) continue;
      seen.add(scopeId);
      const listedAt = now();
      try {
        const jobs = await access.gh.client.listQueuedJobs(access.gh.scope);
        const recovered = this.demand.mergeResync(access.gh.scope, jobs, listedAt);
        for (const job of recovered) {
          for (const key of this.poolsForJob(job.repository, job.labels)) {
            const [namespace, name] = key.split('/') as [string, string];
            metrics.resyncRecoveredJobs.inc({ namespace, pool: name });
          }
        }
        if (recovered.length > 0) {
          logger.info('resync found queued jobs no webhook announced', {
            scope: scopeKey(access.gh.scope),
            jobs: recovered.map((j) => j.id),
          });
        }
      } catch (err) {
        logger.warn('resync: listing queued jobs failed', {
          scope: scopeKey(access.gh.scope),
          error: errorMessage(err),
        });
      }
    }
    if (leadership.isLeader()) this.demandSynced = true;
    if (!leadership.accepting()) return;
    for (const p of cache.pools.list())
      this.loop.queue.add(keyOf(p.metadata.namespace ?? '', p.metadata.name));
  }

  /** A periodic resync, skipped while one runs or this replica does not lead. */
  resyncTick(): void {
    if (this.o.leadership.accepting() && !this.resyncRunning) {
      this.resyncRunning = this.resync().finally(() => {
        this.resyncRunning = undefined;
      });
    }
  }

  private async readSecret(namespace: string, name: string): Promise<V1Secret | undefined> {
    const key = keyOf(namespace, name);
    const cached = this.secretCache.get(key);
    const ttl = this.o.credentialsTtlMs ?? 30_000;
    const now = this.o.now();
    // A missing Secret is looked up again sooner: users often create the pool first.
    if (cached && now - cached.at < (cached.secret ? ttl : Math.min(ttl, 5_000))) return cached.secret;
    let secret: V1Secret | undefined;
    try {
      secret = await this.core.readNamespacedSecret({ name, namespace });
    } catch (err) {
      if (!isNotFound(err)) throw err;
    }
    this.secretCache.set(key, { at: this.o.now(), secret });
    return secret;
  }

  private onGitHubResponse(credentials: string, info: GitHubResponseInfo): void {
    const m = this.o.metrics;
    m.githubApiRequests.inc({ route: info.route, status: String(info.status) });
    m.githubApiRequestDurationSeconds.observe({ route: info.route }, info.durationMs / 1000);
    if (info.rateLimitRemaining !== undefined)
      m.githubRateLimitRemaining.set({ credentials }, info.rateLimitRemaining);
    if (info.rateLimitLimit !== undefined) m.githubRateLimitLimit.set({ credentials }, info.rateLimitLimit);
  }
}
