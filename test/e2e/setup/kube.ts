/**
 * Helpers for e2e tests on the local control plane (see README → Development → Test cluster).
 *
 *   const kc = adminKubeConfig();                       // admin (system:masters) of the test cluster
 *   const ns = useNamespace('crds');                    // fresh namespace per test file, deleted afterwards
 *   await finishPod(kc, ns.name, 'runner-0');           // a Running Pod goes to Succeeded (or 'Failed')
 *   const sa = await serviceAccountKubeConfig(kc, ns.name, 'ctrl');  // act as a ServiceAccount (TokenRequest)
 */
import { randomBytes } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import {
  ApiextensionsV1Api,
  CoreV1Api,
  KubeConfig,
  type KubernetesObject,
  PatchStrategy,
  setHeaderOptions,
  type V1CustomResourceDefinition,
  type V1Pod,
} from '@kubernetes/client-node';
import { afterAll, beforeAll, inject } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { errorMessage, statusCode } from '../../../src/kube/api.js';
import { KUBECONFIG_ENV, POD_PHASE_ANNOTATION } from '../cluster/harness.js';

export { GPU_RESOURCE, NODE_POOL_LABEL, POD_PHASE_ANNOTATION } from '../cluster/harness.js';

export const repoRoot = path.resolve(import.meta.dirname, '../../..');
export const FIELD_MANAGER = 'ai-ci-e2e';

/** Path of the admin kubeconfig of the running test cluster. */
export function kubeconfigPath(): string {
  const p = process.env[KUBECONFIG_ENV] ?? inject('kubeconfigPath');
  if (!p) throw new Error(`no test cluster: run through the vitest e2e project or set ${KUBECONFIG_ENV}`);
  return p;
}

export function adminKubeConfig(): KubeConfig {
  const kc = new KubeConfig();
  kc.loadFromFile(kubeconfigPath());
  const server = kc.getCurrentCluster()?.server ?? '';
  // The tests only ever talk to the local control plane.
  if (!server.startsWith('https://127.0.0.1:'))
    throw new Error(`refusing a non-local test cluster: ${server}`);
  return kc;
}

export async function waitFor<T>(
  what: string,
  probe: () => Promise<T | undefined | false>,
  { timeoutMs = 30_000, intervalMs = 200 } = {},
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  for (;;) {
    try {
      const value = await probe();
      if (value !== undefined && value !== false) return value;
    } catch (err) {
      lastError = err;
    }
    if (Date.now() > deadline) {
      const detail = lastError instanceof Error ? `; last error: ${lastError.message}` : '';
      throw new Error(`timed out after ${timeoutMs}ms waiting for ${what}${detail}`);
    }
    await new Promise((r) => setTimeout(r, intervalMs));
  }
}

// The controller's own helpers: tests read errors exactly as the controller does.
export { errorMessage as statusMessage, statusCode };

/** Resolves with the error a promise rejects with; fails if it resolves. */
export async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (err) {
    return err;
  }
  throw new Error('expected the request to be rejected, but it succeeded');
}

export async function createNamespace(kc: KubeConfig, prefix: string): Promise<string> {
  const core = kc.makeApiClient(CoreV1Api);
  const name = `e2e-${prefix}-${randomBytes(3).toString('hex')}`.toLowerCase().slice(0, 63);
  await core.createNamespace({ body: { metadata: { name, labels: { 'e2e.ai-ci.dev/test': 'true' } } } });
  // The ServiceAccount admission plugin rejects Pods until the controller-manager created "default".
  await waitFor(`ServiceAccount ${name}/default`, () =>
    core.readNamespacedServiceAccount({ name: 'default', namespace: name }),
  );
  return name;
}

/** A fresh namespace for the current test file: created in beforeAll, deleted in afterAll. */
export function useNamespace(prefix: string): { readonly name: string } {
  const ns = { name: '' };
  beforeAll(async () => {
    ns.name = await createNamespace(adminKubeConfig(), prefix);
  });
  afterAll(async () => {
    if (ns.name) {
      await adminKubeConfig()
        .makeApiClient(CoreV1Api)
        .deleteNamespace({ name: ns.name })
        .catch(() => {});
    }
  });
  return ns;
}

/**
 * Makes a Running Pod finish by annotating it (the simulated kubelet, kwok, reacts to the annotation; see
 * test/e2e/cluster/kwok.yaml) and, unless `wait: false`, waits for the phase; returns the Pod.
 * `Succeeded`: containers exit 0; `Failed`: exit 1. A Pod still Pending finishes as soon as it runs.
 * If the Pod is deleted while waiting (a controller under test removing finished Pods at once), the wait ends
 * and the last state seen is returned.
 */
export async function finishPod(
  kc: KubeConfig,
  namespace: string,
  name: string,
  phase: 'Succeeded' | 'Failed' = 'Succeeded',
  { wait = true }: { wait?: boolean } = {},
): Promise<V1Pod> {
  const core = kc.makeApiClient(CoreV1Api);
  let last = await core.patchNamespacedPod(
    { name, namespace, body: { metadata: { annotations: { [POD_PHASE_ANNOTATION]: phase } } } },
    setHeaderOptions('Content-Type', PatchStrategy.MergePatch),
  );
  if (!wait) return last;
  return waitFor(`pod ${namespace}/${name} to be ${phase}`, async () => {
    try {
      last = await core.readNamespacedPod({ name, namespace });
    } catch (err) {
      if (statusCode(err) === 404) return last;
      throw err;
    }
    return last.status?.phase === phase ? last : undefined;
  });
}

export function waitPodPhase(
  kc: KubeConfig,
  namespace: string,
  name: string,
  phase: string,
  timeoutMs = 30_000,
): Promise<V1Pod> {
  const core = kc.makeApiClient(CoreV1Api);
  return waitFor(
    `pod ${namespace}/${name} to be ${phase}`,
    async () => {
      const pod = await core.readNamespacedPod({ name, namespace });
      return pod.status?.phase === phase ? pod : undefined;
    },
    { timeoutMs },
  );
}

/**
 * A KubeConfig that authenticates as ServiceAccount `namespace/name` (created if missing) with a short-lived
 * token from the TokenRequest API. RBAC decides what it may do.
 */
export async function serviceAccountKubeConfig(
  kc: KubeConfig,
  namespace: string,
  name: string,
  expirationSeconds = 3600,
): Promise<KubeConfig> {
  const core = kc.makeApiClient(CoreV1Api);
  await core
    .createNamespacedServiceAccount({ namespace, body: { metadata: { name } } })
    .catch((err: unknown) => {
      if (statusCode(err) !== 409) throw err;
    });
  const tr = await core.createNamespacedServiceAccountToken({
    name,
    namespace,
    body: { spec: { audiences: [], expirationSeconds } },
  });
  const token = tr.status?.token;
  if (!token) throw new Error(`TokenRequest for ${namespace}/${name} returned no token`);
  const cluster = kc.getCurrentCluster();
  if (!cluster) throw new Error('admin kubeconfig has no cluster');
  const sa = new KubeConfig();
  sa.loadFromOptions({
    clusters: [cluster],
    users: [{ name: `system:serviceaccount:${namespace}:${name}`, token }],
    contexts: [{ name: 'sa', cluster: cluster.name, user: `system:serviceaccount:${namespace}:${name}` }],
    currentContext: 'sa',
  });
  return sa;
}

/** Every YAML document of every *.yaml / *.yml file in a folder of the repo. */
export async function loadManifests(folder: string): Promise<{ file: string; object: KubernetesObject }[]> {
  const dir = path.join(repoRoot, folder);
  const files = (await readdir(dir).catch(() => [] as string[])).filter((f) => /\.ya?ml$/.test(f)).sort();
  const out: { file: string; object: KubernetesObject }[] = [];
  for (const file of files) {
    for (const doc of parseAllDocuments(await readFile(path.join(dir, file), 'utf8'))) {
      const object = doc.toJS() as KubernetesObject | null;
      if (object?.kind) out.push({ file: `${folder}/${file}`, object });
    }
  }
  return out;
}

/**
 * Server-side applies the CRDs of crds/ and waits until each is Established.
 *
 * The manifests go to the apiserver as parsed from YAML, through a patch (whose body client-node does not
 * re-serialise). KubernetesObjectApi would pass them through the typed V1CustomResourceDefinition model, whose
 * property names differ from the wire names it does not know back (`enum` is `_enum` there): it silently drops
 * `enum`, `x-kubernetes-validations`, `x-kubernetes-list-type`, … and the CRD loses its validation.
 */
export async function installCrds(kc: KubeConfig): Promise<V1CustomResourceDefinition[]> {
  const crds = (await loadManifests('crds')).filter((m) => m.object.kind === 'CustomResourceDefinition');
  const ext = kc.makeApiClient(ApiextensionsV1Api);
  const out: V1CustomResourceDefinition[] = [];
  for (const { object } of crds) {
    const name = object.metadata?.name ?? '';
    await ext.patchCustomResourceDefinition(
      { name, body: object, fieldManager: FIELD_MANAGER, force: true },
      setHeaderOptions('Content-Type', PatchStrategy.ServerSideApply),
    );
    out.push(
      await waitFor(`CRD ${name} Established`, async () => {
        const crd = await ext.readCustomResourceDefinition({ name });
        return crd.status?.conditions?.some((c) => c.type === 'Established' && c.status === 'True')
          ? crd
          : undefined;
      }),
    );
  }
  return out;
}
