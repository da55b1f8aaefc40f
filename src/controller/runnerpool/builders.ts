/**
 * Pure builders of the objects a RunnerPool owns: the runner Secret (JIT config), the runner Pod, the pool's
 * PodDisruptionBudget for busy runners, and core/v1 Events. Same input, same object: `act` can re-create any of
 * them after a crash and get what it would have created the first time.
 */
import { createHash } from 'node:crypto';
import type {
  CoreV1Event,
  V1EnvVar,
  V1ObjectMeta,
  V1OwnerReference,
  V1Pod,
  V1PodDisruptionBudget,
  V1Secret,
} from '@kubernetes/client-node';
import {
  API_VERSION,
  DEFAULT_RUNNER_IMAGE,
  RUNNER_POOL_KIND,
  type RunnerPool,
  type RunnerTemplate,
} from '../../api/v1alpha1/index.js';
import type { JitConfig } from '../../github/types.js';
import {
  ANNOTATION_CREATED_FOR_JOB,
  ENV_JIT_CONFIG,
  LABEL_BUSY,
  LABEL_MANAGED_BY,
  LABEL_POOL,
  LABEL_RUNNER_ID,
  LABEL_SPEC_HASH,
  MANAGED_BY,
  poolLabelValue,
  RUNNER_CONTAINER,
  SECRET_KEY_JIT_CONFIG,
} from './model.js';

/** The official runner image's entrypoint script; with ACTIONS_RUNNER_INPUT_JITCONFIG set it runs
 *  `run.sh --jitconfig <that value>` (the runner maps ACTIONS_RUNNER_INPUT_<ARG> variables to its arguments). */
export const RUNNER_COMMAND = ['/home/runner/run.sh'];
export const COMPONENT = 'ai-ci-controller';

/** The identity of a pool that its children reference. */
export interface PoolRef {
  namespace: string;
  name: string;
  uid: string;
}

export function poolRef(pool: RunnerPool): PoolRef {
  const { namespace, name } = pool.metadata;
  const uid = (pool.metadata as { uid?: string }).uid;
  if (!namespace || !uid)
    throw new Error(`RunnerPool ${name}: metadata.namespace and metadata.uid are required`);
  return { namespace, name, uid };
}

export function ownerReference(pool: PoolRef): V1OwnerReference {
  return {
    apiVersion: API_VERSION,
    kind: RUNNER_POOL_KIND,
    name: pool.name,
    uid: pool.uid,
    controller: true,
    blockOwnerDeletion: true,
  };
}

/** JSON with sorted keys, so equal values hash equally whatever their key order. */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/** Hash of what shapes a runner (template, labels, GitHub scope and group): stamped on children as a label,
 *  so `kubectl get pods -L ai-ci.dev/spec-hash` shows runners built from an older spec. */
export function specHash(pool: RunnerPool): string {
  const { template, labels, github } = pool.spec;
  const shape = {
    template: template ?? {},
    labels: [...labels].sort(),
    scope: {
      organization: github.organization,
      repository: github.repository,
      runnerGroup: github.runnerGroup,
    },
  };
  return createHash('sha256').update(canonicalJson(shape)).digest('hex').slice(0, 16);
}

function childLabels(pool: PoolRef, hash: string, runnerId?: number): Record<string, string> {
  const labels: Record<string, string> = {
    [LABEL_POOL]: poolLabelValue(pool.name),
    [LABEL_SPEC_HASH]: hash,
    [LABEL_MANAGED_BY]: MANAGED_BY,
  };
  if (runnerId !== undefined) labels[LABEL_RUNNER_ID] = String(runnerId);
  return labels;
}

export interface RunnerSecretInput {
  pool: PoolRef;
  runnerName: string;
  jit: JitConfig;
  specHash: string;
  forJobId?: number;
}

/** The runner's Secret: the JIT config (a one-runner credential) and nothing else. */
export function buildRunnerSecret(input: RunnerSecretInput): V1Secret {
  const metadata: V1ObjectMeta = {
    name: input.runnerName,
    namespace: input.pool.namespace,
    labels: childLabels(input.pool, input.specHash, input.jit.runnerId),
    ownerReferences: [ownerReference(input.pool)],
  };
  if (input.forJobId !== undefined)
    metadata.annotations = { [ANNOTATION_CREATED_FOR_JOB]: String(input.forJobId) };
  return {
    apiVersion: 'v1',
    kind: 'Secret',
    metadata,
    type: 'Opaque',
    immutable: true,
    stringData: { [SECRET_KEY_JIT_CONFIG]: input.jit.encodedJitConfig },
  };
}

export interface RunnerPodInput {
  pool: PoolRef;
  runnerName: string;
  runnerId: number | undefined;
  specHash: string;
  template: RunnerTemplate | undefined;
}

function quantityMap(m: Record<string, number | string> | undefined): Record<string, string> | undefined {
  if (!m) return undefined;
  return Object.fromEntries(Object.entries(m).map(([k, v]) => [k, String(v)]));
}

/** The runner Pod: the pool template's image and resources (GPUs included), the JIT config from the Secret. */
export function buildRunnerPod(input: RunnerPodInput): V1Pod {
  const t = input.template ?? {};
  const env: V1EnvVar[] = [
    {
      name: ENV_JIT_CONFIG,
      valueFrom: { secretKeyRef: { name: input.runnerName, key: SECRET_KEY_JIT_CONFIG } },
    },
    // The runner exits after one job and must not update itself inside a short-lived Pod.
    { name: 'RUNNER_DISABLE_AUTO_UPDATE', value: 'true' },
  ];
  for (const e of t.env ?? []) {
    if (e.name === ENV_JIT_CONFIG) continue; // never let the template replace the credential
    env.push(e as V1EnvVar);
  }
  const resources: { requests?: Record<string, string>; limits?: Record<string, string> } = {};
  const requests = quantityMap(t.resources?.requests);
  const limits = quantityMap(t.resources?.limits);
  if (requests) resources.requests = requests;
  if (limits) resources.limits = limits;
  const pod: V1Pod = {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name: input.runnerName,
      namespace: input.pool.namespace,
      labels: { ...(t.labels ?? {}), ...childLabels(input.pool, input.specHash, input.runnerId) },
      annotations: { ...(t.annotations ?? {}) },
      ownerReferences: [ownerReference(input.pool)],
    },
    spec: {
      restartPolicy: 'Never',
      // A runner has no business with the Kubernetes API unless the pool asks for a ServiceAccount.
      automountServiceAccountToken: t.serviceAccountName !== undefined,
      containers: [
        {
          name: RUNNER_CONTAINER,
          image: t.image ?? DEFAULT_RUNNER_IMAGE,
          command: RUNNER_COMMAND,
          env,
          resources,
          ...(t.imagePullPolicy ? { imagePullPolicy: t.imagePullPolicy } : {}),
        },
      ],
    },
  };
  const spec = pod.spec!;
  if (t.serviceAccountName) spec.serviceAccountName = t.serviceAccountName;
  if (t.runtimeClassName) spec.runtimeClassName = t.runtimeClassName;
  if (t.nodeSelector) spec.nodeSelector = { ...t.nodeSelector };
  if (t.tolerations) spec.tolerations = t.tolerations.map((x) => ({ ...x }));
  if (t.imagePullSecrets) spec.imagePullSecrets = t.imagePullSecrets.map((s) => ({ name: s.name }));
  return pod;
}

/** Name of the pool's PodDisruptionBudget. */
export function disruptionBudgetName(poolName: string): string {
  return `${poolName.slice(0, 240)}-busy-runners`;
}

/** Busy runners (label ai-ci.dev/busy=true) may not be evicted voluntarily: a node drain waits for their jobs. */
export function buildDisruptionBudget(pool: PoolRef): V1PodDisruptionBudget {
  return {
    apiVersion: 'policy/v1',
    kind: 'PodDisruptionBudget',
    metadata: {
      name: disruptionBudgetName(pool.name),
      namespace: pool.namespace,
      labels: { [LABEL_POOL]: poolLabelValue(pool.name), [LABEL_MANAGED_BY]: MANAGED_BY },
      ownerReferences: [ownerReference(pool)],
    },
    spec: {
      maxUnavailable: 0,
      selector: { matchLabels: { [LABEL_POOL]: poolLabelValue(pool.name), [LABEL_BUSY]: 'true' } },
    },
  };
}

export interface EventInput {
  pool: PoolRef;
  eventType: 'Normal' | 'Warning';
  reason: string;
  message: string;
  now: number;
  /** Unique suffix of the Event name (act supplies it). */
  nameSuffix: string;
  /** This replica's identity (reportingInstance). */
  instance: string;
}

/** A core/v1 Event about a pool. Messages come from `decide` and never carry credentials. */
export function buildEvent(input: EventInput): CoreV1Event {
  const time = new Date(Math.floor(input.now / 1000) * 1000);
  return {
    apiVersion: 'v1',
    kind: 'Event',
    metadata: {
      name: `${input.pool.name.slice(0, 200)}.${input.nameSuffix}`,
      namespace: input.pool.namespace,
    },
    involvedObject: {
      apiVersion: API_VERSION,
      kind: RUNNER_POOL_KIND,
      name: input.pool.name,
      namespace: input.pool.namespace,
      uid: input.pool.uid,
    },
    reason: input.reason,
    message: input.message.slice(0, 1024),
    type: input.eventType,
    count: 1,
    firstTimestamp: time,
    lastTimestamp: time,
    source: { component: COMPONENT },
    reportingComponent: `ai-ci.dev/${COMPONENT}`,
    reportingInstance: input.instance.slice(0, 128),
  };
}
