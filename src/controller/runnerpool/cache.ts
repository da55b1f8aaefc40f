/**
 * What the controller's informer caches keep of each object (client-go's SetTransform idea): the fields the
 * reconciler reads, nothing else. Runner Secrets are cached without their data (no JIT config in the heap),
 * Pods without their spec, and of labels and annotations only those the reconciler reads. Timestamps are epoch
 * milliseconds (a list deserialises them as Dates, a watch delivers strings). At 10,000 runners every byte per
 * object counts: README → RunnerPool → Performance.
 */
import type { KubernetesObject, V1OwnerReference } from '@kubernetes/client-node';
import {
  ANNOTATION_CREATED_FOR_JOB,
  ANNOTATION_FAILED_POD_UID,
  ANNOTATION_FAILURES,
  ANNOTATION_JOB_ID,
  ANNOTATION_LAST_FAILURE,
  LABEL_BUSY,
  LABEL_RUNNER_ID,
  LABEL_SPEC_HASH,
} from './model.js';

export interface SlimMeta {
  name: string;
  namespace: string;
  /** Kept for Pods only (a failed Pod is told apart from its replacement by uid). */
  uid?: string;
  resourceVersion: string;
  /** creationTimestamp, epoch ms (named apart from ObjectMeta's Date-typed field). */
  createdAt?: number;
  /** deletionTimestamp, epoch ms. */
  deletingSince?: number;
  /** Only the labels the reconciler reads (see POD_LABELS, SECRET_LABELS). */
  labels?: Record<string, string>;
  /** Only the annotations the reconciler reads. */
  annotations?: Record<string, string>;
  finalizers?: string[];
  /** The controller owner reference (kind/name), if any. */
  controllerRef?: { kind: string; name: string };
}

export interface SlimPod extends KubernetesObject {
  metadata: SlimMeta;
  /** runningSince, scheduledAt (the PodScheduled condition turned True): epoch ms. */
  status: { phase?: string; runningSince?: number; scheduledAt?: number };
}

export interface SlimSecret extends KubernetesObject {
  metadata: SlimMeta;
}

/** The labels and annotations observe() reads (reconciler.ts); everything else stays out of the cache. */
const POD_LABELS = [LABEL_SPEC_HASH, LABEL_BUSY] as const;
const POD_ANNOTATIONS = [ANNOTATION_JOB_ID] as const;
const SECRET_LABELS = [LABEL_RUNNER_ID, LABEL_SPEC_HASH] as const;
const SECRET_ANNOTATIONS = [
  ANNOTATION_FAILURES,
  ANNOTATION_CREATED_FOR_JOB,
  ANNOTATION_LAST_FAILURE,
  ANNOTATION_FAILED_POD_UID,
] as const;

/**
 * One copy of each short string that repeats across cached objects (namespaces, pool names, owner kinds, phases,
 * spec hashes): JSON.parse gives every object its own copies, which at 10,000 runners add up to megabytes. The
 * table only grows with distinct values (namespaces, pools, spec versions), and is cleared if it ever gets large.
 */
const interned = new Map<string, string>();
export function intern(value: string): string {
  const hit = interned.get(value);
  if (hit !== undefined) return hit;
  if (interned.size >= 50_000) interned.clear();
  interned.set(value, value);
  return value;
}

/** A Kubernetes timestamp (a Date from a list, an RFC 3339 string from a watch or an annotation) as epoch ms. */
export function ms(v: unknown): number | undefined {
  if (v === undefined || v === null) return undefined;
  const t = v instanceof Date ? v.getTime() : Date.parse(String(v));
  return Number.isFinite(t) ? t : undefined;
}

/** Label values shared by many runners (a pool's spec hash, `busy=true`); other values are unique per runner. */
const SHARED_VALUES = new Set<string>([LABEL_SPEC_HASH, LABEL_BUSY]);

function pick(from: unknown, keys: readonly string[]): Record<string, string> | undefined {
  if (!from || typeof from !== 'object') return undefined;
  let out: Record<string, string> | undefined;
  for (const k of keys) {
    const v = (from as Record<string, unknown>)[k];
    if (typeof v !== 'string') continue;
    out ??= {};
    out[k] = SHARED_VALUES.has(k) ? intern(v) : v;
  }
  return out;
}

export function slimMeta(
  m: Record<string, unknown> | undefined,
  keep: { labels: readonly string[]; annotations: readonly string[]; uid: boolean },
): SlimMeta {
  const meta = m ?? {};
  const out: SlimMeta = {
    name: String(meta.name ?? ''),
    namespace: intern(String(meta.namespace ?? '')),
    resourceVersion: String(meta.resourceVersion ?? ''),
  };
  if (keep.uid) out.uid = String(meta.uid ?? '');
  const created = ms(meta.creationTimestamp);
  if (created !== undefined) out.createdAt = created;
  const deleted = ms(meta.deletionTimestamp);
  if (deleted !== undefined) out.deletingSince = deleted;
  const labels = pick(meta.labels, keep.labels);
  if (labels) out.labels = labels;
  const annotations = pick(meta.annotations, keep.annotations);
  if (annotations) out.annotations = annotations;
  if (Array.isArray(meta.finalizers) && meta.finalizers.length > 0)
    out.finalizers = meta.finalizers as string[];
  if (Array.isArray(meta.ownerReferences)) {
    const owner = (meta.ownerReferences as V1OwnerReference[]).find((o) => o.controller);
    if (owner) out.controllerRef = { kind: intern(owner.kind), name: intern(owner.name) };
  }
  return out;
}

export function slimPod(obj: KubernetesObject): SlimPod {
  const o = obj as { metadata?: Record<string, unknown>; status?: Record<string, unknown> };
  const status = o.status ?? {};
  const out: SlimPod = {
    metadata: slimMeta(o.metadata, { labels: POD_LABELS, annotations: POD_ANNOTATIONS, uid: true }),
    status: {},
  };
  if (typeof status.phase === 'string') out.status.phase = intern(status.phase);
  const statuses = (status.containerStatuses ?? []) as { state?: { running?: { startedAt?: unknown } } }[];
  let since: number | undefined;
  for (const s of statuses) {
    since = ms(s.state?.running?.startedAt);
    if (since !== undefined) break;
  }
  since ??= status.phase === 'Running' ? ms(status.startTime) : undefined;
  if (since !== undefined) out.status.runningSince = since;
  const conditions = (status.conditions ?? []) as {
    type?: string;
    status?: string;
    lastTransitionTime?: unknown;
  }[];
  const scheduled = conditions.find((c) => c.type === 'PodScheduled' && c.status === 'True');
  const scheduledAt = ms(scheduled?.lastTransitionTime);
  if (scheduledAt !== undefined) out.status.scheduledAt = scheduledAt;
  return out;
}

export function slimSecret(obj: KubernetesObject): SlimSecret {
  return {
    metadata: slimMeta((obj as { metadata?: Record<string, unknown> }).metadata, {
      labels: SECRET_LABELS,
      annotations: SECRET_ANNOTATIONS,
      uid: false,
    }),
  };
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
