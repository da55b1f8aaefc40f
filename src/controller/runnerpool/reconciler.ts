/**
 * The RunnerPool reconciler: observe (caches, GitHub, demand, carbon gate) → decide (pure) → act (idempotent
 * writes). Every write tolerates having been done before (create → AlreadyExists, delete → NotFound), so a
 * controller killed at any line converges when it (or another replica) reconciles the pool again.
 *
 * Size: one class on purpose. observe and act share the reconciler's in-memory bookkeeping (created-but-not-yet-
 * cached Pods and Secrets, in-flight deletions, pending status writes, Event de-duplication), which keeps a write from
 * being repeated before the informer sees it; split across files, that state would have to be exported. The pure
 * decision is in decide.ts, its types in model.ts, the Pod and Secret builders in builders.ts, the bookkeeping
 * types in expectations.ts.
 */
import { randomBytes } from 'node:crypto';
import { CoreV1Api, type KubeConfig, PolicyV1Api } from '@kubernetes/client-node';
import {
  type CarbonPolicy,
  RESOURCES,
  type RunnerPool,
  type RunnerPoolStatus,
} from '../../api/v1alpha1/index.js';
import { parseDuration } from '../../carbon/duration.js';
import type { CarbonGate, GateJob } from '../../carbon/gate.js';
import { RunnerBusyError } from '../../github/errors.js';
import { runnerLabelsForPool } from '../../github/labels.js';
import type { QueuedJob } from '../../github/types.js';
import {
  type CustomResourceRef,
  CustomResources,
  createIfAbsent,
  deleteIfPresent,
  errorMessage,
  isNotFound,
  mergePatch,
  RawCreate,
} from '../../kube/api.js';
import { type Logger, silentLogger } from '../../kube/informer.js';
import { type DemandStore, demandSourceKey } from '../demand.js';
import type { ControllerMetrics } from '../metrics.js';
import { JobTraces, type TraceSpan } from '../tracing.js';
import {
  buildDisruptionBudget,
  buildEvent,
  buildRunnerPod,
  buildRunnerSecret,
  type PoolRef,
  poolRef,
  specHash,
} from './builders.js';
import { ms, type SlimPod, type SlimSecret } from './cache.js';
import { decide } from './decide.js';
import { CreatedNotSeen } from './expectations.js';
import type { GitHubAccess, PoolGitHub } from './github-access.js';
import {
  type Action,
  ANNOTATION_CREATED_FOR_JOB,
  ANNOTATION_FAILED_POD_UID,
  ANNOTATION_FAILURES,
  ANNOTATION_JOB_ID,
  ANNOTATION_LAST_FAILURE,
  ANNOTATION_SAFE_TO_EVICT,
  type Decision,
  type DeferredJob,
  type DemandJob,
  FINALIZER,
  type GitHubObservation,
  isPoolRunnerName,
  LABEL_BUSY,
  LABEL_RUNNER_ID,
  LABEL_SPEC_HASH,
  type Observation,
  type ObservedRunner,
  type PodPhase,
  type PoolSettings,
  type RemovalReason,
  RUNNER_SUFFIX_LENGTH,
  runnerNamePrefix,
} from './model.js';

/** Points where tests stop the controller as if it crashed (the hook may throw or never return). */
export type FailpointName = 'afterRegister' | 'afterSecret' | 'afterDeregister' | 'afterDeleteSecret';
export type Failpoint = (
  name: FailpointName,
  detail: { pool: string; runner: string },
) => void | Promise<void>;

/** What the reconciler reads from the informer caches. */
export interface PoolCaches {
  pool(namespace: string, name: string): RunnerPool | undefined;
  carbonPolicy(namespace: string, name: string): CarbonPolicy | undefined;
  pods(namespace: string, pool: string): SlimPod[];
  secrets(namespace: string, pool: string): SlimSecret[];
}

export interface ReconcilerOptions {
  kubeConfig: KubeConfig;
  caches: PoolCaches;
  github: GitHubAccess;
  demand: DemandStore;
  gate: CarbonGate;
  metrics: ControllerMetrics;
  logger?: Logger;
  now?: () => number;
  failpoint?: Failpoint;
  /** reportingInstance of Events. */
  identity: string;
  /** Field manager of writes. */
  fieldManager?: string;
  /** How long a just-created Secret is assumed to exist while the cache has not shown it yet. */
  expectationTtlMs?: number;
  /** Checked before every write: false once this replica lost the Lease or is stopping. */
  mayAct?: () => boolean;
  /** Whether the queued jobs have been listed from GitHub since this replica started leading. */
  demandSynced?: () => boolean;
  /** A background runner creation ended (with the error when it failed): the pool should be reconciled again. */
  onCreationSettled?: (key: string, err?: unknown) => void;
  /** Job traces and reconcile spans (tracing off: omitted). */
  traces?: JobTraces;
}

export interface ReconcileResult {
  requeueAfterMs?: number;
}

const EVENT_REPEAT_MS = 10 * 60_000;

function int(v: string | undefined): number | undefined {
  if (v === undefined) return undefined;
  const n = Number(v);
  return Number.isInteger(n) ? n : undefined;
}

function randomSuffix(): string {
  const alphabet = 'abcdefghijklmnopqrstuvwxyz0123456789';
  const bytes = randomBytes(RUNNER_SUFFIX_LENGTH);
  let s = '';
  for (const b of bytes) s += alphabet[b % alphabet.length];
  return s;
}

/** A chain step failed in a way that is not an error (e.g. GitHub says the runner just took a job). */
class StopChain extends Error {}

/** This replica may not write (lost the Lease, or stopping): the reconcile ends without retrying. */
export class NotLeaderError extends Error {
  override readonly name = 'NotLeaderError';
}

export class RunnerPoolReconciler {
  private readonly core: CoreV1Api;
  private readonly policy: PolicyV1Api;
  private readonly crs: CustomResources;
  private readonly raw: RawCreate;
  private readonly logger: Logger;
  private readonly now: () => number;
  private readonly fieldManager: string;
  /** Runner Secrets created but not yet seen in the cache. */
  private readonly secretsCreated: CreatedNotSeen<{ runnerId: number; forJob?: number }>;
  private readonly budgets = new Set<string>();
  private readonly statusWrites = new Map<
    string,
    { next: RunnerPoolStatus | undefined; done: Promise<void> }
  >();
  /** pool key → runner name → a creation in flight (registering, Secret, Pod). */
  private readonly inflight = new Map<
    string,
    Map<string, { startedAt: number; done: Promise<void>; forJob?: number }>
  >();
  private readonly eventsSent = new Map<string, number>();
  /** Runner Pods created but not yet seen in the cache. */
  private readonly podsCreated: CreatedNotSeen;

  constructor(private readonly o: ReconcilerOptions) {
    this.core = o.kubeConfig.makeApiClient(CoreV1Api);
    this.policy = o.kubeConfig.makeApiClient(PolicyV1Api);
    this.crs = new CustomResources(o.kubeConfig);
    this.raw = new RawCreate(o.kubeConfig);
    this.logger = o.logger ?? silentLogger;
    this.now = o.now ?? Date.now;
    this.fieldManager = o.fieldManager ?? 'ai-ci-controller';
    const expectationTtlMs = o.expectationTtlMs ?? 60_000;
    this.secretsCreated = new CreatedNotSeen(expectationTtlMs);
    this.podsCreated = new CreatedNotSeen(expectationTtlMs);
  }

  /** Forgets in-memory state of a pool that is gone. */
  forget(key: string): void {
    this.secretsCreated.forget(key);
    this.podsCreated.forget(key);
    for (const k of this.budgets) if (k.startsWith(`${key}/`)) this.budgets.delete(k);
    for (const k of this.eventsSent.keys()) if (k.startsWith(`${key}|`)) this.eventsSent.delete(k);
    const [namespace, pool] = key.split('/') as [string, string];
    const m = this.o.metrics;
    for (const state of ['pending', 'idle', 'busy', 'finished']) m.runners.remove({ namespace, pool, state });
    m.desiredRunners.remove({ namespace, pool });
    m.queuedJobs.remove({ namespace, pool });
    m.deferredJobs.remove({ namespace, pool });
  }

  /** The Pod cache delivered a runner Pod of the pool: its creation no longer needs to be remembered. */
  podObserved(key: string, runner: string): void {
    this.podsCreated.seen(key, runner);
  }

  async reconcile(key: string): Promise<ReconcileResult> {
    const traces = this.o.traces;
    if (!traces?.enabled) return this.reconcileOnce(key);
    const [namespace, pool] = key.split('/') as [string, string];
    return traces.reconcileSpan(
      'reconcile RunnerPool',
      { 'k8s.namespace.name': namespace, 'ai_ci.runnerpool': pool },
      (span) => this.reconcileOnce(key, span),
    );
  }

  private async reconcileOnce(key: string, span?: TraceSpan): Promise<ReconcileResult> {
    const [namespace, name] = key.split('/') as [string, string];
    const pool = this.o.caches.pool(namespace, name);
    if (!pool) {
      this.forget(key);
      return {};
    }
    const ref = poolRef(pool);
    const now = this.now();
    const { observation, gh } = await this.observe(key, pool, ref, now);
    const decision = decide(observation);
    this.record(ref, observation, decision);
    if (span) {
      const acted = new Set<number>();
      for (const a of decision.actions)
        if (a.type === 'createRunner' && a.forJobId !== undefined) acted.add(a.forJobId);
      for (const j of observation.deferredJobs) acted.add(j.id);
      span.addLinks(JobTraces.links(acted));
      span.setAttributes({
        'ai_ci.jobs.admitted': observation.admittedJobs.length,
        'ai_ci.jobs.deferred': observation.deferredJobs.length,
        'ai_ci.actions': decision.actions.length,
      });
    }
    await this.act(key, pool, ref, gh, decision.actions, observation);
    return decision.requeueAfterMs !== undefined ? { requeueAfterMs: decision.requeueAfterMs } : {};
  }

  // ---- observe ----

  settings(pool: RunnerPool, ref: PoolRef): PoolSettings {
    const spec = pool.spec;
    const meta = pool.metadata as RunnerPool['metadata'] & {
      generation?: number;
      deletionTimestamp?: string;
      finalizers?: string[];
    };
    const s: PoolSettings = {
      namespace: ref.namespace,
      name: ref.name,
      generation: meta.generation ?? 0,
      deleting: meta.deletionTimestamp !== undefined,
      hasFinalizer: (meta.finalizers ?? []).includes(FINALIZER),
      minRunners: spec.minRunners ?? 0,
      maxRunners: spec.maxRunners ?? 10,
      scaleDownDelayMs: parseDuration(spec.scaleDownDelay ?? '5m', 'spec.scaleDownDelay'),
      runnerStartupTimeoutMs: parseDuration(spec.runnerStartupTimeout ?? '10m', 'spec.runnerStartupTimeout'),
      maxRunnerRetries: spec.maxRunnerRetries ?? 3,
      specHash: specHash(pool),
    };
    if (spec.carbonPolicyRef) s.carbonPolicy = spec.carbonPolicyRef.name;
    return s;
  }

  private async observe(
    key: string,
    pool: RunnerPool,
    ref: PoolRef,
    now: number,
  ): Promise<{ observation: Observation; gh?: PoolGitHub }> {
    const settings = this.settings(pool, ref);
    const runners = new Map<string, ObservedRunner>();
    const at = (n: string) => {
      let r = runners.get(n);
      if (!r) {
        r = { name: n };
        runners.set(n, r);
      }
      return r;
    };
    for (const s of this.o.caches.secrets(ref.namespace, ref.name)) {
      const a = s.metadata.annotations ?? {};
      const l = s.metadata.labels ?? {};
      const sec: NonNullable<ObservedRunner['secret']> = {
        createdAt: s.metadata.createdAt ?? now,
        failures: int(a[ANNOTATION_FAILURES]) ?? 0,
        deleting: s.metadata.deletingSince !== undefined,
      };
      const runnerId = int(l[LABEL_RUNNER_ID]);
      if (runnerId !== undefined) sec.runnerId = runnerId;
      const forJob = int(a[ANNOTATION_CREATED_FOR_JOB]);
      if (forJob !== undefined) sec.createdForJob = forJob;
      const lastFailure = ms(a[ANNOTATION_LAST_FAILURE]);
      if (lastFailure !== undefined) sec.lastFailureAt = lastFailure;
      if (a[ANNOTATION_FAILED_POD_UID]) sec.failedPodUid = a[ANNOTATION_FAILED_POD_UID];
      if (l[LABEL_SPEC_HASH]) sec.specHash = l[LABEL_SPEC_HASH];
      at(s.metadata.name).secret = sec;
    }
    // Secrets this controller created that the cache has not delivered yet.
    for (const [n, e] of this.secretsCreated.awaited(key, now, (n) => runners.get(n)?.secret !== undefined)) {
      at(n).secret = {
        createdAt: e.at,
        runnerId: e.runnerId,
        failures: 0,
        deleting: false,
        specHash: settings.specHash,
        ...(e.forJob !== undefined ? { createdForJob: e.forJob } : {}),
      };
    }
    for (const p of this.o.caches.pods(ref.namespace, ref.name)) {
      const a = p.metadata.annotations ?? {};
      const l = p.metadata.labels ?? {};
      const pod: NonNullable<ObservedRunner['pod']> = {
        uid: p.metadata.uid ?? '',
        createdAt: p.metadata.createdAt ?? now,
        phase: (p.status.phase ?? 'Pending') as PodPhase,
        deleting: p.metadata.deletingSince !== undefined,
        busyMarked: l[LABEL_BUSY] === 'true',
      };
      const started = p.status.runningSince;
      if (started !== undefined) pod.startedAt = started;
      const jobId = int(a[ANNOTATION_JOB_ID]);
      if (jobId !== undefined) pod.jobId = jobId;
      if (l[LABEL_SPEC_HASH]) pod.specHash = l[LABEL_SPEC_HASH];
      at(p.metadata.name).pod = pod;
    }

    // Pods this controller created that the cache has not delivered yet: still starting, not to be created again.
    const podSettled = (n: string) => {
      const r = runners.get(n);
      return !r?.secret || r.pod !== undefined;
    };
    for (const [n] of this.podsCreated.awaited(key, now, podSettled)) runners.get(n)!.creating = true;

    let github: GitHubObservation;
    let gh: PoolGitHub | undefined;
    const access = await this.o.github.forPool(pool);
    if (!access.ok) {
      github = access.observation;
    } else {
      gh = access.gh;
      try {
        const listing = await this.o.github.runners(gh);
        for (const [n, info] of listing.runners) if (isPoolRunnerName(ref.name, n)) at(n).github = info;
        github = { reachable: true, listedAt: listing.listedAt };
      } catch (err) {
        github = {
          reachable: false,
          reason: 'APIError',
          message: `listing runners failed: ${errorMessage(err)}`,
        };
      }
    }
    for (const [n, e] of this.inflight.get(key) ?? []) {
      const r = at(n);
      r.creating = true;
      if (e.forJob !== undefined) r.creatingForJob = e.forJob;
    }
    for (const r of runners.values()) {
      const job = this.o.demand.assignmentOf(r.name);
      if (job !== undefined) r.assignedJobId = job;
    }

    // Demand for the pool, through the carbon gate when the pool has a policy.
    const admittedJobs: DemandJob[] = [];
    const deferredJobs: DeferredJob[] = [];
    let carbonPolicyFound: boolean | undefined;
    if (gh) {
      const queued = this.o.demand.queuedFor(gh.scope, pool.spec.labels, demandSourceKey(pool));
      if (settings.carbonPolicy && queued.length > 0) {
        const decisions = await this.o.gate.decide(
          { namespace: ref.namespace, name: settings.carbonPolicy, pool: ref.name },
          queued.map(toGateJob),
          now,
        );
        queued.forEach((j, i) => {
          const d = decisions[i];
          if (d) this.o.traces?.gateDecided(j, settings.carbonPolicy as string, key, d, now);
          if (!d || d.admit) admittedJobs.push({ id: j.id, queuedAt: j.queuedAt });
          else {
            const deferred: DeferredJob = { id: j.id, queuedAt: j.queuedAt, reason: d.reason };
            if (d.notBefore !== undefined) deferred.notBefore = d.notBefore;
            deferredJobs.push(deferred);
          }
        });
      } else {
        for (const j of queued) admittedJobs.push({ id: j.id, queuedAt: j.queuedAt });
      }
    }
    if (settings.carbonPolicy) {
      carbonPolicyFound = this.o.caches.carbonPolicy(ref.namespace, settings.carbonPolicy) !== undefined;
    }

    const observation: Observation = {
      now,
      pool: settings,
      runners: [...runners.values()].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0)),
      github,
      admittedJobs,
      deferredJobs,
      disruptionBudgetEnsured: this.budgets.has(`${key}/${ref.uid}`),
      previousStatus: (pool as { status?: RunnerPool['status'] }).status,
      demandSynced: this.o.demandSynced ? this.o.demandSynced() : true,
    };
    if (carbonPolicyFound !== undefined) observation.carbonPolicyFound = carbonPolicyFound;
    return { observation, ...(gh ? { gh } : {}) };
  }

  private record(ref: PoolRef, o: Observation, d: Decision): void {
    const m = this.o.metrics;
    const labels = { namespace: ref.namespace, pool: ref.name };
    for (const [state, n] of Object.entries(d.counts)) m.runners.set({ ...labels, state }, n);
    m.desiredRunners.set(labels, d.desired);
    m.queuedJobs.set(labels, o.admittedJobs.length + o.deferredJobs.length);
    m.deferredJobs.set(labels, o.deferredJobs.length);
  }

  // ---- act ----

  private async act(
    key: string,
    pool: RunnerPool,
    ref: PoolRef,
    gh: PoolGitHub | undefined,
    actions: Action[],
    o: Observation,
  ): Promise<void> {
    const failedChains = new Set<string>();
    const errors: unknown[] = [];
    const lastOfChain = new Map<string, number>();
    actions.forEach((a, i) => {
      if ('runner' in a) lastOfChain.set(a.runner, i);
    });
    const run = async (a: Action, i: number) => {
      const chain = 'runner' in a ? a.runner : undefined;
      if (chain && failedChains.has(chain)) return;
      try {
        await this.apply(key, pool, ref, gh, a, o);
        if (chain && lastOfChain.get(chain) === i && 'reason' in a && a.type !== 'emitEvent') {
          this.o.metrics.runnersRemoved.inc({ namespace: ref.namespace, pool: ref.name, reason: a.reason });
        }
      } catch (err) {
        if (chain) failedChains.add(chain);
        if (err instanceof StopChain) return;
        if (err instanceof NotLeaderError) throw err;
        // Adding the finalizer must succeed before any runner exists.
        if (a.type === 'addFinalizer') throw err;
        errors.push(err);
        this.logger.warn('reconcile action failed', {
          pool: key,
          action: a.type,
          runner: chain,
          error: errorMessage(err),
        });
      }
    };
    // In order; new runners start in the background (see createRunner), concurrently with each other.
    for (const [i, a] of actions.entries()) await run(a, i);
    if (errors.length > 0) {
      const first = errors[0];
      throw new Error(
        `${errors.length} action(s) failed for RunnerPool ${key}; first: ${errorMessage(first)}`,
      );
    }
  }

  private async apply(
    key: string,
    pool: RunnerPool,
    ref: PoolRef,
    gh: PoolGitHub | undefined,
    a: Action,
    o: Observation,
  ): Promise<void> {
    const ns = ref.namespace;
    const crRef = { ...RESOURCES.RunnerPool, namespace: ns, name: ref.name };
    const rv = (pool.metadata as { resourceVersion?: string }).resourceVersion ?? '';
    const finalizers = (pool.metadata as { finalizers?: string[] }).finalizers ?? [];
    const fp = async (name: FailpointName, runner: string) => {
      await this.o.failpoint?.(name, { pool: key, runner });
      this.assertMayAct(key);
    };
    this.assertMayAct(key);
    switch (a.type) {
      case 'addFinalizer':
        await this.crs.setFinalizers(crRef, [...finalizers.filter((f) => f !== FINALIZER), FINALIZER], rv);
        return;
      case 'removeFinalizer':
        await this.crs.setFinalizers(
          crRef,
          finalizers.filter((f) => f !== FINALIZER),
          rv,
        );
        this.forget(key);
        return;
      case 'ensureDisruptionBudget':
        await createIfAbsent(() =>
          this.policy.createNamespacedPodDisruptionBudget({
            namespace: ns,
            body: buildDisruptionBudget(ref),
            fieldManager: this.fieldManager,
          }),
        );
        this.budgets.add(`${key}/${ref.uid}`);
        return;
      case 'createRunner': {
        if (!gh) throw new Error('createRunner without GitHub access');
        // Runs in the background: the reconcile returns at once, and the next one counts this runner as starting
        // (observe marks in-flight creations), so jobs arriving meanwhile do not wait for these round trips.
        const name = `${runnerNamePrefix(ref.name)}-${randomSuffix()}`;
        let inflight = this.inflight.get(key);
        if (!inflight) {
          inflight = new Map();
          this.inflight.set(key, inflight);
        }
        const forJob = o.admittedJobs.find((j) => j.id === a.forJobId);
        this.o.traces?.runnerRequested(name, key, forJob, this.now());
        const create = () => this.createRunner(key, pool, ref, gh, name, a.forJobId, o.pool.specHash);
        const traces = this.o.traces;
        const done = (
          traces?.enabled
            ? traces.reconcileSpan(
                'create runner',
                { 'ai_ci.runnerpool': ref.name, 'cicd.worker.name': name },
                (span) => {
                  if (a.forJobId !== undefined) span.addLinks(JobTraces.links([a.forJobId]));
                  return create();
                },
              )
            : create()
        ).then(
          () => this.o.onCreationSettled?.(key),
          (err: unknown) => {
            if (!(err instanceof NotLeaderError)) {
              this.logger.warn('creating a runner failed', {
                pool: key,
                runner: name,
                error: errorMessage(err),
              });
              this.o.onCreationSettled?.(key, err);
            }
          },
        );
        const entry = {
          startedAt: this.now(),
          done,
          ...(a.forJobId !== undefined ? { forJob: a.forJobId } : {}),
        };
        inflight.set(name, entry);
        void done.finally(() => {
          const m = this.inflight.get(key);
          if (m?.get(name) === entry) m.delete(name);
          if (m && m.size === 0) this.inflight.delete(key);
        });
        return;
      }
      case 'createPod': {
        const r = o.runners.find((x) => x.name === a.runner);
        await this.createPod(key, pool, ref, a.runner, r?.secret?.runnerId, o.pool.specHash);
        return;
      }
      case 'markBusy': {
        const annotations: Record<string, string> = { [ANNOTATION_SAFE_TO_EVICT]: 'false' };
        if (a.jobId !== undefined) annotations[ANNOTATION_JOB_ID] = String(a.jobId);
        await this.core.patchNamespacedPod(
          {
            name: a.runner,
            namespace: ns,
            body: { metadata: { labels: { [LABEL_BUSY]: 'true' }, annotations } },
            fieldManager: this.fieldManager,
          },
          mergePatch(),
        );
        return;
      }
      case 'recordFailure':
        this.o.metrics.runnerRestarts.inc({ namespace: ns, pool: ref.name });
        await this.core.patchNamespacedSecret(
          {
            name: a.runner,
            namespace: ns,
            body: {
              metadata: {
                annotations: {
                  [ANNOTATION_FAILURES]: String(a.failures),
                  [ANNOTATION_LAST_FAILURE]: new Date(a.at).toISOString(),
                  [ANNOTATION_FAILED_POD_UID]: a.failedPodUid,
                },
              },
            },
            fieldManager: this.fieldManager,
          },
          mergePatch(),
        );
        return;
      case 'deregisterRunner': {
        if (!gh) throw new Error('deregisterRunner without GitHub access');
        try {
          await gh.client.deleteRunner(gh.scope, a.runnerId);
        } catch (err) {
          if (err instanceof RunnerBusyError) {
            this.logger.info('runner took a job; not removing it', { pool: key, runner: a.runner });
            if (!a.ignoreBusy) throw new StopChain();
          } else {
            throw err;
          }
        }
        this.o.github.noteRemoved(gh, a.runner);
        await fp('afterDeregister', a.runner);
        return;
      }
      case 'deleteSecret':
        await deleteIfPresent(() => this.core.deleteNamespacedSecret({ name: a.runner, namespace: ns }));
        this.secretsCreated.seen(key, a.runner);
        await fp('afterDeleteSecret', a.runner);
        return;
      case 'deleteRunnerPod':
        await deleteIfPresent(() => this.core.deleteNamespacedPod({ name: a.runner, namespace: ns }));
        this.podObserved(key, a.runner);
        this.logger.info('runner pod deleted', {
          pool: key,
          runner: a.runner,
          reason: a.reason as RemovalReason,
        });
        return;
      case 'emitEvent':
        // Best effort and off the critical path: an Event never delays or fails a reconcile.
        void this.emit(key, ref, a.eventType, a.reason, a.message);
        return;
      case 'updateStatus':
        this.writeStatus(key, crRef, a.status);
        return;
    }
  }

  /** Registers one runner on GitHub, then creates its Secret and its Pod (in that order; see decide.ts). */
  private async createRunner(
    key: string,
    pool: RunnerPool,
    ref: PoolRef,
    gh: PoolGitHub,
    name: string,
    forJobId: number | undefined,
    hash: string,
  ): Promise<void> {
    const ns = ref.namespace;
    const fp = async (point: FailpointName) => {
      await this.o.failpoint?.(point, { pool: key, runner: name });
      this.assertMayAct(key);
    };
    this.assertMayAct(key);
    const runnerGroupId = await gh.client.resolveRunnerGroupId(gh.scope, pool.spec.github.runnerGroup);
    const apiStart = performance.now();
    const jit = await gh.client.generateJitConfig(gh.scope, {
      name,
      runnerGroupId,
      labels: runnerLabelsForPool(pool.spec.labels),
    });
    this.o.github.noteRegistered(gh, {
      id: jit.runnerId,
      name,
      status: 'offline',
      busy: false,
      labels: runnerLabelsForPool(pool.spec.labels),
    });
    this.secretsCreated.add(key, name, this.now(), {
      runnerId: jit.runnerId,
      ...(forJobId !== undefined ? { forJob: forJobId } : {}),
    });
    this.o.metrics.runnersCreated.inc({ namespace: ns, pool: ref.name });
    let apiMs = performance.now() - apiStart;
    await fp('afterRegister');
    const secretStart = performance.now();
    const secret = buildRunnerSecret({
      pool: ref,
      runnerName: name,
      jit,
      specHash: hash,
      ...(forJobId !== undefined ? { forJobId } : {}),
    });
    await createIfAbsent(() =>
      this.raw.create('secrets', ns, secret, this.fieldManager, () =>
        this.core.createNamespacedSecret({ namespace: ns, body: secret, fieldManager: this.fieldManager }),
      ),
    );
    apiMs += performance.now() - secretStart;
    await fp('afterSecret');
    if (forJobId !== undefined) {
      const seen = this.o.demand.firstSeenAt(forJobId);
      if (seen !== undefined) {
        const total = Math.max(0, this.now() - seen);
        const labels = { namespace: ns, pool: ref.name };
        this.o.metrics.runnerCreateLatencySeconds.observe(labels, total / 1000);
        this.o.metrics.runnerCreateOverheadSeconds.observe(labels, Math.max(0, total - apiMs) / 1000);
      }
    }
    await this.createPod(key, pool, ref, name, jit.runnerId, hash);
    this.logger.info('runner created', { pool: key, runner: name, runnerId: jit.runnerId, forJob: forJobId });
  }

  /**
   * Status writes leave the reconcile's critical path: the newest status of a pool is written in the background,
   * one write per pool at a time, older pending ones superseded (a status is a summary; only the last matters).
   */
  private writeStatus(key: string, ref: CustomResourceRef, status: RunnerPoolStatus): void {
    const existing = this.statusWrites.get(key);
    if (existing) {
      existing.next = status;
      return;
    }
    const entry: { next: RunnerPoolStatus | undefined; done: Promise<void> } = {
      next: status,
      done: Promise.resolve(),
    };
    this.statusWrites.set(key, entry);
    entry.done = (async () => {
      while (entry.next) {
        const s = entry.next;
        entry.next = undefined;
        try {
          this.assertMayAct(key);
          await this.crs.patchStatus(ref, s, this.fieldManager);
        } catch (err) {
          if (!(err instanceof NotLeaderError) && !isNotFound(err)) {
            this.logger.warn('status update failed', { pool: key, error: errorMessage(err) });
            this.o.onCreationSettled?.(key, err);
          }
        }
      }
      this.statusWrites.delete(key);
    })();
  }

  /** Waits (up to `timeoutMs`) for runner creations and status writes still in flight (graceful shutdown). */
  async drain(timeoutMs: number): Promise<void> {
    const all = [
      ...[...this.inflight.values()].flatMap((m) => [...m.values()].map((e) => e.done)),
      ...[...this.statusWrites.values()].map((w) => w.done),
    ];
    if (all.length === 0) return;
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([
      Promise.allSettled(all),
      new Promise((r) => {
        timer = setTimeout(r, timeoutMs);
      }),
    ]);
    clearTimeout(timer);
  }

  private assertMayAct(key: string): void {
    if (this.o.mayAct && !this.o.mayAct()) {
      throw new NotLeaderError(
        `not acting on RunnerPool ${key}: this replica is not the leader (or is stopping)`,
      );
    }
  }

  private async createPod(
    key: string,
    pool: RunnerPool,
    ref: PoolRef,
    name: string,
    runnerId: number | undefined,
    hash: string,
  ): Promise<void> {
    const pod = buildRunnerPod({
      pool: ref,
      runnerName: name,
      runnerId,
      specHash: hash,
      template: pool.spec.template,
    });
    await createIfAbsent(() =>
      this.raw.create('pods', ref.namespace, pod, this.fieldManager, () =>
        this.core.createNamespacedPod({
          namespace: ref.namespace,
          body: pod,
          fieldManager: this.fieldManager,
        }),
      ),
    );
    this.podsCreated.add(key, name, this.now(), {});
  }

  /** Records an Event on a pool from outside a reconcile (best effort, de-duplicated like the reconciler's own). */
  event(ref: PoolRef, type: 'Normal' | 'Warning', reason: string, message: string): Promise<void> {
    return this.emit(`${ref.namespace}/${ref.name}`, ref, type, reason, message);
  }

  private async emit(key: string, ref: PoolRef, type: 'Normal' | 'Warning', reason: string, message: string) {
    const now = this.now();
    const dedupe = `${key}|${reason}|${message}`;
    const last = this.eventsSent.get(dedupe);
    if (last !== undefined && now - last < EVENT_REPEAT_MS) return;
    this.eventsSent.set(dedupe, now);
    if (this.eventsSent.size > 10_000) {
      for (const [k, t] of this.eventsSent) if (now - t >= EVENT_REPEAT_MS) this.eventsSent.delete(k);
    }
    const body = buildEvent({
      pool: ref,
      eventType: type,
      reason,
      message,
      now,
      nameSuffix: `${now.toString(16)}${randomBytes(4).toString('hex')}`,
      instance: this.o.identity,
    });
    try {
      await this.raw.create('events', ref.namespace, body, undefined, () =>
        this.core.createNamespacedEvent({ namespace: ref.namespace, body }),
      );
    } catch (err) {
      // Events are best effort; a failed one must not fail the reconcile.
      this.logger.debug('event not recorded', { pool: key, reason, error: errorMessage(err) });
    }
  }
}

function toGateJob(j: QueuedJob): GateJob {
  const g: GateJob = { jobId: j.id, repository: j.repository, labels: j.labels, queuedAt: j.queuedAt };
  if (j.workflowName) g.workflowName = j.workflowName;
  if (j.jobName) g.jobName = j.jobName;
  if (j.headBranch) g.headBranch = j.headBranch;
  return g;
}
