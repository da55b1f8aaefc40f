/**
 * The CarbonPolicy controller as it registers with the manager: For CarbonPolicies, Watches RunnerPools (a pool's
 * status.deferredJobs adds up into its policy's status; a changed reference moves it between policies), on the
 * manager's shared cache; and the gate the RunnerPool reconciler asks.
 *
 * Only the leader polls sources and writes status (the manager delivers leadership as events and queues every
 * policy when this replica starts leading); a standby keeps the shared cache warm.
 */
import { CoreV1Api, CustomObjectsApi, type KubeConfig } from '@kubernetes/client-node';
import type { PowerModel } from '../../analysis/energy/index.js';
import { RESOURCES, type RunnerPool } from '../../api/v1alpha1/index.js';
import { DurationLearner } from '../../carbon/durations-learning.js';
import { CustomResources, isNotFound } from '../../kube/api.js';
import { type Logger, silentLogger } from '../../kube/informer.js';
import { keyOf, type SharedCache } from '../cache.js';
import {
  ControllerLoop,
  type ControllerRegistration,
  type Leadership,
  watchFor,
  watchMapped,
} from '../loop.js';
import { type ControllerMetrics, createControllerMetrics } from '../metrics.js';
import { DurationStore } from './durations.js';
import { PolicyGate } from './gate.js';
import {
  CarbonPolicyReconciler,
  type CarbonPolicyReconcilerOptions,
  type PolicyWriter,
} from './reconciler.js';

export interface CarbonPolicyControllerOptions {
  kubeConfig: KubeConfig;
  /** The manager's shared cache (CarbonPolicies and RunnerPools are read from it). */
  cache: SharedCache;
  /** The manager's leadership. */
  leadership: Leadership;
  metrics?: ControllerMetrics;
  logger?: Logger;
  now?: () => number;
  /** Wakes a RunnerPool (the RunnerPool controller's queue) when its policy's data changed. */
  enqueuePool?: (namespace: string, name: string) => void;
  workers?: number;
  identity?: string;
  fieldManager?: string;
  power?: PowerModel;
  apiBaseUrls?: CarbonPolicyReconcilerOptions['apiBaseUrls'];
  http?: CarbonPolicyReconcilerOptions['http'];
  maxRefreshIntervalMs?: number;
  retry?: { baseDelayMs?: number; maxDelayMs?: number };
  /**
   * Where learned job durations are kept across restarts (durations.ts): a ConfigMap in the controller's own
   * namespace. Omitted: in memory only.
   */
  durations?: { namespace: string; name?: string; flushIntervalMs?: number };
}

export class CarbonPolicyController {
  readonly gate: PolicyGate;
  readonly reconciler: CarbonPolicyReconciler;
  readonly loop: ControllerLoop;
  readonly metrics: ControllerMetrics;
  /** The persistence of learned durations (undefined without options.durations). */
  readonly durationStore: DurationStore | undefined;
  private readonly o: CarbonPolicyControllerOptions;
  private readonly logger: Logger;
  /** pool key → name of the policy it references (to wake the old one when the reference changes). */
  private readonly policyOfPool = new Map<string, string>();

  constructor(options: CarbonPolicyControllerOptions) {
    this.o = options;
    this.logger = options.logger ?? silentLogger;
    this.metrics = options.metrics ?? createControllerMetrics();
    const { cache, leadership } = options;
    const kc = options.kubeConfig;
    const custom = kc.makeApiClient(CustomObjectsApi);
    const core = kc.makeApiClient(CoreV1Api);
    const crs = new CustomResources(kc, { api: custom });
    const writer: PolicyWriter = {
      readSecret: async (namespace, name) => {
        try {
          return await core.readNamespacedSecret({ namespace, name });
        } catch (err) {
          if (isNotFound(err)) return undefined;
          throw err;
        }
      },
      patchStatus: async (namespace, name, patch) => {
        await crs.patchStatus(
          { ...RESOURCES.CarbonPolicy, namespace, name },
          patch,
          options.fieldManager ?? 'ai-ci-controller',
        );
      },
      createEvent: async (namespace, event) => {
        await core.createNamespacedEvent({ namespace, body: event });
      },
    };
    const poolsOf = (namespace: string, policy: string): RunnerPool[] =>
      cache.pools.list(namespace).filter((p) => p.spec.carbonPolicyRef?.name === policy);
    this.reconciler = new CarbonPolicyReconciler({
      caches: { policy: (ns, name) => cache.policies.get(name, ns), poolsOf },
      writer,
      metrics: this.metrics,
      logger: this.logger,
      ...(options.now ? { now: options.now } : {}),
      ...(options.identity ? { identity: options.identity } : {}),
      ...(options.apiBaseUrls ? { apiBaseUrls: options.apiBaseUrls } : {}),
      ...(options.http ? { http: options.http } : {}),
      ...(options.maxRefreshIntervalMs !== undefined
        ? { maxRefreshIntervalMs: options.maxRefreshIntervalMs }
        : {}),
      onDataChanged: (ns, pool) => options.enqueuePool?.(ns, pool),
      observed: (ns, name, now) => this.gate.observedDeferrals(ns, name, now),
    });
    // defaultMs 0 is never used: every lookup passes its policy's defaultJobDuration (gate.ts).
    const learner = new DurationLearner({ defaultMs: 0 });
    this.durationStore = options.durations
      ? new DurationStore({
          client: {
            read: (namespace, name) => core.readNamespacedConfigMap({ namespace, name }),
            create: (namespace, body) => core.createNamespacedConfigMap({ namespace, body }),
            replace: (namespace, name, body) => core.replaceNamespacedConfigMap({ namespace, name, body }),
          },
          ...options.durations,
          learner,
          identity: options.identity ?? 'ai-ci-controller',
          logger: this.logger,
        })
      : undefined;
    this.gate = new PolicyGate({
      durations: learner,
      ...(this.durationStore ? { durationStore: this.durationStore } : {}),
      lookup: {
        policy: (ns, name) => cache.policies.get(name, ns),
        pool: (ns, name) => cache.pools.get(name, ns),
        poolsOf,
        data: (ns, name) => this.reconciler.data(ns, name),
      },
      metrics: this.metrics,
      logger: this.logger,
      ...(options.power ? { power: options.power } : {}),
      // An observed deferral changes the policy's status: reconcile it (the leader's loop only).
      onObserved: (ns, policy) => {
        if (leadership.accepting()) this.loop.queue.add(`${ns}/${policy}`);
      },
    });
    const reconciler = this.reconciler;
    this.loop = new ControllerLoop({
      name: 'carbonpolicy',
      reconcile: (key) => reconciler.reconcile(key),
      workers: options.workers ?? 2,
      metrics: this.metrics,
      logger: this.logger,
      mayReconcile: () => leadership.accepting(),
      // Stopping (or no longer leading): the reconcile ends without a retry.
      abandons: () => !leadership.accepting(),
      keyField: 'policy',
      ...(options.retry ? { retry: options.retry } : {}),
      ...(options.now ? { now: options.now } : {}),
    });
  }

  /** For CarbonPolicies, Watches RunnerPools. */
  registration(): ControllerRegistration {
    const { cache } = this.o;
    const store = this.durationStore;
    return {
      loop: this.loop,
      // Only the leader reads and writes the learned durations; a last flush when it stops leading or stops.
      startedLeading: () => store?.start(),
      stoppedLeading: () => void store?.stop(true),
      drain: async () => {
        await store?.stop(true);
      },
      killed: () => void store?.stop(false),
      for: watchFor(cache.policies, (p, event) => {
        if (event === 'delete') this.gate.forgetPolicy(p.metadata.namespace ?? '', p.metadata.name);
        return true;
      }),
      watches: [
        // A pool's status.deferredJobs adds up into its policy's; a changed reference moves it between policies.
        watchMapped(cache.pools, (p, event) => {
          const ns = p.metadata.namespace ?? '';
          const key = keyOf(ns, p.metadata.name);
          const before = this.policyOfPool.get(key);
          const after = event === 'delete' ? undefined : p.spec.carbonPolicyRef?.name;
          if (after) this.policyOfPool.set(key, after);
          else this.policyOfPool.delete(key);
          const keys: string[] = [];
          if (before && before !== after) keys.push(keyOf(ns, before));
          if (after) keys.push(keyOf(ns, after));
          return keys;
        }),
      ],
    };
  }
}
