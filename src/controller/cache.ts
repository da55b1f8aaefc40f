/**
 * The manager's one shared cache (controller-runtime's cache): one informer per watched kind (and per watched
 * namespace), which both controllers read and register their event handlers on: RunnerPools and CarbonPolicies
 * (managedFields dropped), and the runner Pods and Secrets labelled `ai-ci.dev/pool` (slimmed to what the RunnerPool
 * reconciler reads).
 */
import { CoreV1Api, CustomObjectsApi, type KubeConfig, type KubernetesObject } from '@kubernetes/client-node';
import { type CarbonPolicy, RESOURCES, type RunnerPool } from '../api/v1alpha1/index.js';
import { Informer, type ListResult, type Logger } from '../kube/informer.js';
import {
  type SlimPod,
  type SlimSecret,
  slimPod,
  slimSecret,
  withoutManagedFields,
} from './runnerpool/cache.js';
import { LABEL_POOL } from './runnerpool/model.js';

export type CacheEvent = 'add' | 'update' | 'delete';

/** One kind's informers: one per namespace (or one for all namespaces), looked up by namespace. */
export class KindCache<T extends KubernetesObject> {
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
  /** Every object, or those of one namespace. */
  list(namespace?: string): T[] {
    if (namespace === undefined) return [...this.informers.values()].flatMap((i) => i.list());
    return this.for(namespace)?.list(namespace) ?? [];
  }
  on(verb: CacheEvent, handler: (obj: T) => void): void {
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

export const keyOf = (namespace: string, name: string) => `${namespace}/${name}`;

/** `namespace/name` of an object. */
export const objectKey = (o: KubernetesObject) => keyOf(o.metadata?.namespace ?? '', o.metadata?.name ?? '');

export class SharedCache {
  readonly pools: KindCache<RunnerPool>;
  readonly policies: KindCache<CarbonPolicy>;
  readonly pods: KindCache<SlimPod>;
  readonly secrets: KindCache<SlimSecret>;

  constructor(kc: KubeConfig, namespaces: string[] | undefined, logger: Logger) {
    const core = kc.makeApiClient(CoreV1Api);
    const custom = kc.makeApiClient(CustomObjectsApi);
    const { group, version } = RESOURCES.RunnerPool;
    type Page = { limit: number; continueToken?: string };
    const paging = (p: Page) => ({
      limit: p.limit,
      ...(p.continueToken ? { _continue: p.continueToken } : {}),
    });
    const custom$ = <T extends KubernetesObject>(plural: string) =>
      new KindCache<T>(
        namespaces,
        (ns) =>
          new Informer<T>({
            name: plural,
            kubeConfig: kc,
            path: ns
              ? `/apis/${group}/${version}/namespaces/${ns}/${plural}`
              : `/apis/${group}/${version}/${plural}`,
            list: (p) =>
              (ns
                ? custom.listNamespacedCustomObject({ group, version, plural, namespace: ns, ...paging(p) })
                : custom.listClusterCustomObject({
                    group,
                    version,
                    plural,
                    ...paging(p),
                  })) as Promise<ListResult>,
            transform: (o) => withoutManagedFields<T>(o),
            logger,
          }),
      );
    this.pools = custom$<RunnerPool>(RESOURCES.RunnerPool.plural);
    this.policies = custom$<CarbonPolicy>(RESOURCES.CarbonPolicy.plural);
    const labelSelector = LABEL_POOL;
    this.pods = new KindCache(
      namespaces,
      (ns) =>
        new Informer<SlimPod>({
          name: 'pods',
          kubeConfig: kc,
          path: ns ? `/api/v1/namespaces/${ns}/pods` : '/api/v1/pods',
          labelSelector,
          list: (p) =>
            (ns
              ? core.listNamespacedPod({ namespace: ns, labelSelector, ...paging(p) })
              : core.listPodForAllNamespaces({ labelSelector, ...paging(p) })) as Promise<ListResult>,
          transform: slimPod,
          logger,
        }),
    );
    this.secrets = new KindCache(
      namespaces,
      (ns) =>
        new Informer<SlimSecret>({
          name: 'secrets',
          kubeConfig: kc,
          path: ns ? `/api/v1/namespaces/${ns}/secrets` : '/api/v1/secrets',
          labelSelector,
          list: (p) =>
            (ns
              ? core.listNamespacedSecret({ namespace: ns, labelSelector, ...paging(p) })
              : core.listSecretForAllNamespaces({ labelSelector, ...paging(p) })) as Promise<ListResult>,
          transform: slimSecret,
          logger,
        }),
    );
  }

  private get all() {
    return [this.pools, this.policies, this.pods, this.secrets];
  }

  /** Starts every informer; resolves once all have listed. */
  async start(): Promise<void> {
    await Promise.all(this.all.map((c) => c.start()));
  }

  synced(): boolean {
    return this.all.every((c) => c.synced());
  }

  async stop(): Promise<void> {
    await Promise.all(this.all.map((c) => c.stop()));
  }
}
