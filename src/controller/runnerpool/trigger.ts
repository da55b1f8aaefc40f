/**
 * What the RunnerPool controller indexes over the shared cache: which pool owns each runner Pod and Secret, which
 * pools serve each label set (webhook routing), and which pool changes need a reconcile (the predicate of its
 * `For`: status-only updates, the controller's own status writes, wake nothing).
 */
import type { RunnerPool } from '../../api/v1alpha1/index.js';
import { keyOf, type SharedCache } from '../cache.js';
import { labelKey } from '../demand.js';
import type { SlimPod, SlimSecret } from './cache.js';

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

export class PoolIndex {
  /** pool key → names of its Pods / Secrets. */
  private readonly children = {
    pods: new Map<string, Set<string>>(),
    secrets: new Map<string, Set<string>>(),
  };
  /** label key → pool keys serving it; pool key → its label key. */
  private readonly poolsByLabels = new Map<string, Set<string>>();
  private readonly labelsOfPool = new Map<string, string>();
  /** pool key → what of its metadata a reconcile reads (see poolTrigger). */
  private readonly poolTriggers = new Map<string, PoolTrigger>();

  constructor(private readonly cache: SharedCache) {}

  /** Records a Pod or Secret of pool `key` (or its removal). */
  child(kind: 'pods' | 'secrets', key: string, name: string, removed: boolean): void {
    const index = this.children[kind];
    let set = index.get(key);
    if (removed) {
      set?.delete(name);
      if (set && set.size === 0) index.delete(key);
    } else {
      if (!set) {
        set = new Set();
        index.set(key, set);
      }
      set.add(name);
    }
  }

  pods(ns: string, pool: string): SlimPod[] {
    return this.resolve(this.children.pods, ns, pool, (n) => this.cache.pods.get(n, ns));
  }

  secrets(ns: string, pool: string): SlimSecret[] {
    return this.resolve(this.children.secrets, ns, pool, (n) => this.cache.secrets.get(n, ns));
  }

  private resolve<T>(
    index: Map<string, Set<string>>,
    ns: string,
    pool: string,
    get: (n: string) => T | undefined,
  ): T[] {
    const names = index.get(keyOf(ns, pool));
    if (!names) return [];
    const out: T[] = [];
    for (const n of names) {
      const obj = get(n);
      if (obj) out.push(obj);
    }
    return out;
  }

  /** Pool keys whose exact label set is `key` (labelKey). */
  poolsWithLabels(key: string): Iterable<string> {
    return this.poolsByLabels.get(key) ?? [];
  }

  /**
   * Indexes a pool event; whether it needs a reconcile. Status-only updates wake nothing: the pool was reconciled
   * when that status was computed (controller-runtime's GenerationChangedPredicate, extended to what else a
   * reconcile reads from metadata: deletion, finalizers, annotations such as force-run).
   */
  poolEvent(pool: RunnerPool, event: 'add' | 'update' | 'delete'): boolean {
    const key = keyOf(pool.metadata.namespace ?? '', pool.metadata.name);
    const removed = event === 'delete';
    const before = this.poolTriggers.get(key);
    const after = removed ? undefined : poolTrigger(pool);
    if (after) this.poolTriggers.set(key, after);
    else this.poolTriggers.delete(key);
    if (event === 'update' && before && after && sameTrigger(before, after)) return false;
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
    return true;
  }
}
