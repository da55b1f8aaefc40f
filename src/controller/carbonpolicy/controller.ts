/**
 * The CarbonPolicy controller: informers over CarbonPolicies and RunnerPools (slimmed to what the gate and the
 * status need), a work queue of policy keys with per-key backoff, workers running the reconciler, and the gate
 * the RunnerPool reconciler asks. It runs beside the Manager (see `startCarbonPolicies` in wiring.ts): the Manager
 * is handed `controller.gate`, and tells it whether this replica leads.
 *
 * Only the leader polls sources and writes status; a standby keeps its caches warm and starts polling when it
 * takes over (the pool reconciler, and so the gate, only run on the leader).
 */
import { CoreV1Api, CustomObjectsApi, type KubeConfig, type KubernetesObject } from '@kubernetes/client-node';
import type { PowerModel } from '../../analysis/energy/index.js';
import { type CarbonPolicy, RESOURCES, type RunnerPool } from '../../api/v1alpha1/index.js';
import { CustomResources, isNotFound } from '../../kube/api.js';
import { Informer, type Logger, silentLogger } from '../../kube/informer.js';
import { ControllerLoop } from '../loop.js';
import { type ControllerMetrics, createControllerMetrics } from '../metrics.js';
import { type GatePool, PolicyGate } from './gate.js';
import {
  CarbonPolicyReconciler,
  type CarbonPolicyReconcilerOptions,
  type PolicyWriter,
} from './reconciler.js';

/** The slice of a RunnerPool the carbon controller caches. */
export interface SlimPool extends GatePool {
  apiVersion?: string;
  kind?: string;
  metadata: GatePool['metadata'] & { resourceVersion?: string; uid?: string };
  status?: { deferredJobs?: number };
}

export function slimPool(obj: KubernetesObject): SlimPool {
  const pool = obj as RunnerPool;
  const md = pool.metadata as RunnerPool['metadata'] & { resourceVersion?: string; uid?: string };
  const resources = pool.spec?.template?.resources;
  const out: SlimPool = {
    metadata: {
      name: md.name,
      ...(md.namespace ? { namespace: md.namespace } : {}),
      ...(md.resourceVersion ? { resourceVersion: md.resourceVersion } : {}),
      ...(md.uid ? { uid: md.uid } : {}),
      ...(md.annotations ? { annotations: md.annotations } : {}),
    },
    spec: {
      ...(pool.spec?.carbonPolicyRef ? { carbonPolicyRef: { name: pool.spec.carbonPolicyRef.name } } : {}),
      ...(resources ? { template: { resources } } : {}),
    },
  };
  const deferred = (pool.status as { deferredJobs?: number } | undefined)?.deferredJobs;
  if (deferred !== undefined) out.status = { deferredJobs: deferred };
  return out;
}

export interface CarbonPolicyControllerOptions {
  kubeConfig: KubeConfig;
  /** Namespaces to watch; empty or undefined: all. */
  namespaces?: string[];
  metrics?: ControllerMetrics;
  logger?: Logger;
  now?: () => number;
  /** Whether this replica may act (leads). Default: always. */
  mayAct?: () => boolean;
  /** Wakes a RunnerPool (the Manager's work queue) when its policy's data changed. */
  enqueuePool?: (namespace: string, name: string) => void;
  workers?: number;
  identity?: string;
  fieldManager?: string;
  power?: PowerModel;
  apiBaseUrls?: CarbonPolicyReconcilerOptions['apiBaseUrls'];
  http?: CarbonPolicyReconcilerOptions['http'];
  maxRefreshIntervalMs?: number;
  retry?: { baseDelayMs?: number; maxDelayMs?: number };
  /** How often a standby checks whether it now leads (default 1 s). */
  leadershipPollMs?: number;
}

class Caches<T extends KubernetesObject> {
  readonly informers: Informer<T>[];
  constructor(namespaces: string[] | undefined, make: (namespace: string | undefined) => Informer<T>) {
    this.informers =
      !namespaces || namespaces.length === 0 ? [make(undefined)] : namespaces.map((ns) => make(ns));
  }
  get(name: string, namespace: string): T | undefined {
    for (const i of this.informers) {
      const o = i.get(name, namespace);
      if (o) return o;
    }
    return undefined;
  }
  list(namespace?: string): T[] {
    return this.informers.flatMap((i) => i.list(namespace));
  }
  on(verb: 'add' | 'update' | 'delete', handler: (o: T) => void): void {
    for (const i of this.informers) i.on(verb, handler);
  }
  async start(): Promise<void> {
    await Promise.all(this.informers.map((i) => i.start()));
  }
  async stop(): Promise<void> {
    await Promise.all(this.informers.map((i) => i.stop()));
  }
  synced(): boolean {
    return this.informers.every((i) => i.hasSynced());
  }
}

const keyOf = (namespace: string, name: string) => `${namespace}/${name}`;

export class CarbonPolicyController {
  readonly gate: PolicyGate;
  readonly reconciler: CarbonPolicyReconciler;
  readonly loop: ControllerLoop;
  readonly metrics: ControllerMetrics;
  private readonly o: CarbonPolicyControllerOptions;
  private readonly logger: Logger;
  private readonly policies: Caches<CarbonPolicy>;
  private readonly pools: Caches<SlimPool>;
  /** pool key → name of the policy it references (to wake the old one when the reference changes). */
  private readonly policyOfPool = new Map<string, string>();
  private leadershipTimer: NodeJS.Timeout | undefined;
  private leading = false;
  private stopping = false;

  constructor(options: CarbonPolicyControllerOptions) {
    this.o = options;
    this.logger = options.logger ?? silentLogger;
    this.metrics = options.metrics ?? createControllerMetrics();
    const kc = options.kubeConfig;
    const custom = kc.makeApiClient(CustomObjectsApi);
    const core = kc.makeApiClient(CoreV1Api);
    const crs = new CustomResources(kc, { api: custom });
    const { group, version } = RESOURCES.CarbonPolicy;
    const informer = <T extends KubernetesObject>(
      plural: string,
      name: string,
      transform: ((o: KubernetesObject) => T) | undefined,
    ) => {
      return (ns: string | undefined) =>
        new Informer<T>({
          name,
          kubeConfig: kc,
          path: ns
            ? `/apis/${group}/${version}/namespaces/${ns}/${plural}`
            : `/apis/${group}/${version}/${plural}`,
          list: () =>
            (ns
              ? custom.listNamespacedCustomObject({ group, version, plural, namespace: ns })
              : custom.listClusterCustomObject({ group, version, plural })) as Promise<{ items: unknown[] }>,
          ...(transform ? { transform } : {}),
          logger: this.logger,
        });
    };
    this.policies = new Caches(
      options.namespaces,
      informer<CarbonPolicy>(RESOURCES.CarbonPolicy.plural, 'carbonpolicies (carbon)', (o) => {
        const { managedFields: _m, ...metadata } = (o.metadata ?? {}) as Record<string, unknown>;
        return { ...(o as CarbonPolicy), metadata } as CarbonPolicy;
      }),
    );
    this.pools = new Caches(
      options.namespaces,
      informer<SlimPool>(RESOURCES.RunnerPool.plural, 'runnerpools (carbon)', slimPool),
    );

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
    const poolsOf = (namespace: string, policy: string) =>
      this.pools.list(namespace).filter((p) => p.spec.carbonPolicyRef?.name === policy);
    this.reconciler = new CarbonPolicyReconciler({
      caches: { policy: (ns, name) => this.policies.get(name, ns), poolsOf },
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
    });
    this.gate = new PolicyGate({
      lookup: {
        policy: (ns, name) => this.policies.get(name, ns),
        pool: (ns, name) => this.pools.get(name, ns),
        poolsOf,
        data: (ns, name) => this.reconciler.data(ns, name),
      },
      metrics: this.metrics,
      logger: this.logger,
      ...(options.power ? { power: options.power } : {}),
    });
    const reconciler = this.reconciler;
    this.loop = new ControllerLoop({
      name: 'carbonpolicy',
      reconcile: (key) => reconciler.reconcile(key),
      workers: options.workers ?? 2,
      metrics: this.metrics,
      logger: this.logger,
      mayReconcile: () => this.mayAct(),
      abandons: () => this.stopping,
      keyField: 'policy',
      ...(options.retry ? { retry: options.retry } : {}),
      ...(options.now ? { now: options.now } : {}),
    });
    this.wire();
  }

  private wire(): void {
    const onPolicy = (p: CarbonPolicy) => this.enqueue(keyOf(p.metadata.namespace ?? '', p.metadata.name));
    this.policies.on('add', onPolicy);
    this.policies.on('update', onPolicy);
    this.policies.on('delete', (p) => {
      const ns = p.metadata.namespace ?? '';
      this.gate.forgetPolicy(ns, p.metadata.name);
      this.enqueue(keyOf(ns, p.metadata.name));
    });
    // A pool's status.deferredJobs adds up into its policy's; a changed reference moves it between policies.
    const onPool = (p: SlimPool, removed: boolean) => {
      const ns = p.metadata.namespace ?? '';
      const key = keyOf(ns, p.metadata.name);
      const before = this.policyOfPool.get(key);
      const after = removed ? undefined : p.spec.carbonPolicyRef?.name;
      if (after) this.policyOfPool.set(key, after);
      else this.policyOfPool.delete(key);
      if (before && before !== after) this.enqueue(keyOf(ns, before));
      if (after) this.enqueue(keyOf(ns, after));
    };
    this.pools.on('add', (p) => onPool(p, false));
    this.pools.on('update', (p) => onPool(p, false));
    this.pools.on('delete', (p) => onPool(p, true));
  }

  private mayAct(): boolean {
    return !this.stopping && (this.o.mayAct?.() ?? true);
  }

  private enqueue(key: string): void {
    if (this.leading && !this.stopping) this.loop.queue.add(key);
  }

  /** Starts the informers (resolves once synced) and the workers. */
  async start(): Promise<void> {
    await Promise.all([this.policies.start(), this.pools.start()]);
    this.loop.start();
    this.checkLeadership();
    this.leadershipTimer = setInterval(() => this.checkLeadership(), this.o.leadershipPollMs ?? 1_000);
    this.leadershipTimer.unref?.();
  }

  /** Informers synced (for readiness). */
  synced(): boolean {
    return this.policies.synced() && this.pools.synced();
  }

  private checkLeadership(): void {
    const lead = this.mayAct();
    if (lead && !this.leading) {
      this.leading = true;
      for (const p of this.policies.list())
        this.loop.queue.add(keyOf(p.metadata.namespace ?? '', p.metadata.name));
    } else if (!lead && this.leading) {
      this.leading = false;
    }
  }

  async stop(timeoutMs = 10_000): Promise<void> {
    if (this.stopping) return;
    this.stopping = true;
    if (this.leadershipTimer) clearInterval(this.leadershipTimer);
    await this.loop.shutDown(timeoutMs);
    await this.loop.workersDone(1000);
    await Promise.all([this.policies.stop(), this.pools.stop()]);
  }
}
