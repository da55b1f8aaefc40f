/**
 * Installs ai-ci's CRDs (crds/*.yaml) on a cluster by server-side apply and waits until each is Established: for the
 * scripts that start their own control plane (`npm run chaos`, `npm run images:test`). No vitest here, unlike
 * test/e2e/setup/kube.ts, which the e2e tests use.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import {
  ApiextensionsV1Api,
  type KubeConfig,
  type KubernetesObject,
  PatchStrategy,
  setHeaderOptions,
} from '@kubernetes/client-node';
import { parse } from 'yaml';

const root = path.resolve(import.meta.dirname, '../../..');

export async function installCrds(kc: KubeConfig, fieldManager: string, timeoutMs = 30_000): Promise<void> {
  const ext = kc.makeApiClient(ApiextensionsV1Api);
  for (const file of readdirSync(path.join(root, 'crds'))
    .filter((f) => f.endsWith('.yaml'))
    .sort()) {
    const crd = parse(readFileSync(path.join(root, 'crds', file), 'utf8')) as KubernetesObject;
    const name = crd.metadata?.name ?? '';
    await ext.patchCustomResourceDefinition(
      { name, body: crd, fieldManager, force: true },
      setHeaderOptions('Content-Type', PatchStrategy.ServerSideApply),
    );
    for (const deadline = Date.now() + timeoutMs; ; ) {
      const got = await ext.readCustomResourceDefinition({ name });
      if (got.status?.conditions?.some((c) => c.type === 'Established' && c.status === 'True')) break;
      if (Date.now() > deadline) throw new Error(`CRD ${name} not Established after ${timeoutMs / 1000} s`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }
}
