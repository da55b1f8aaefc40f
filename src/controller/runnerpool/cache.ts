/**
 * What the controller's informer caches keep of each object (client-go's SetTransform idea): the fields the
 * reconciler reads, nothing else. Runner Secrets are cached without their data (no JIT config in the heap),
 * Pods without their spec. Timestamps are normalised to RFC 3339 strings (a list deserialises them as Dates, a
 * watch delivers strings).
 */
import type { KubernetesObject, V1OwnerReference } from '@kubernetes/client-node';

export interface SlimMeta {
  name: string;
  namespace: string;
  uid: string;
  resourceVersion: string;
  generation?: number;
  /** creationTimestamp, RFC 3339 (named apart from ObjectMeta's Date-typed field). */
  createdAt?: string;
  /** deletionTimestamp, RFC 3339. */
  deletingSince?: string;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
  finalizers?: string[];
  /** The controller owner reference (kind/name), if any. */
  controllerRef?: { kind: string; name: string };
}

export interface SlimPod extends KubernetesObject {
  metadata: SlimMeta;
  status: { phase?: string; runningSince?: string };
}

export interface SlimSecret extends KubernetesObject {
  metadata: SlimMeta;
}

function time(v: unknown): string | undefined {
  if (v === undefined || v === null) return undefined;
  if (v instanceof Date) return v.toISOString();
  return String(v);
}

export function slimMeta(m: Record<string, unknown> | undefined): SlimMeta {
  const meta = m ?? {};
  const out: SlimMeta = {
    name: String(meta.name ?? ''),
    namespace: String(meta.namespace ?? ''),
    uid: String(meta.uid ?? ''),
    resourceVersion: String(meta.resourceVersion ?? ''),
  };
  if (typeof meta.generation === 'number') out.generation = meta.generation;
  const created = time(meta.creationTimestamp);
  if (created) out.createdAt = created;
  const deleted = time(meta.deletionTimestamp);
  if (deleted) out.deletingSince = deleted;
  if (meta.labels) out.labels = meta.labels as Record<string, string>;
  if (meta.annotations) out.annotations = meta.annotations as Record<string, string>;
  if (Array.isArray(meta.finalizers) && meta.finalizers.length > 0)
    out.finalizers = meta.finalizers as string[];
  if (Array.isArray(meta.ownerReferences)) {
    const owner = (meta.ownerReferences as V1OwnerReference[]).find((o) => o.controller);
    if (owner) out.controllerRef = { kind: owner.kind, name: owner.name };
  }
  return out;
}

export function slimPod(obj: KubernetesObject): SlimPod {
  const o = obj as { metadata?: Record<string, unknown>; status?: Record<string, unknown> };
  const status = o.status ?? {};
  const out: SlimPod = { metadata: slimMeta(o.metadata), status: {} };
  if (typeof status.phase === 'string') out.status.phase = status.phase;
  const statuses = (status.containerStatuses ?? []) as { state?: { running?: { startedAt?: unknown } } }[];
  const running = statuses.map((s) => time(s.state?.running?.startedAt)).find((t) => t !== undefined);
  const since = running ?? (status.phase === 'Running' ? time(status.startTime) : undefined);
  if (since) out.status.runningSince = since;
  return out;
}

export function slimSecret(obj: KubernetesObject): SlimSecret {
  return { metadata: slimMeta((obj as { metadata?: Record<string, unknown> }).metadata) };
}

/** Custom resources are kept whole except managedFields (the largest part of most objects). */
export function withoutManagedFields<T extends KubernetesObject>(obj: KubernetesObject): T {
  const o = obj as { metadata?: Record<string, unknown> };
  if (o.metadata && 'managedFields' in o.metadata) {
    const { managedFields: _dropped, ...metadata } = o.metadata;
    return { ...obj, metadata } as unknown as T;
  }
  return obj as T;
}

/** The controller owner (kind, name) of a child object. */
export function controllerOwner(meta: SlimMeta, kind: string): string | undefined {
  return meta.controllerRef?.kind === kind ? meta.controllerRef.name : undefined;
}

export function ms(t: string | undefined): number | undefined {
  if (!t) return undefined;
  const v = Date.parse(t);
  return Number.isFinite(v) ? v : undefined;
}
