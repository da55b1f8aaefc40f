/**
 * vitest globalSetup of the `e2e` project: builds the control plane when needed (test/e2e/cluster/build.sh),
 * starts it once per run (test/e2e/cluster/harness.ts), hands its admin kubeconfig path to the tests
 * (`inject('kubeconfigPath')`, and the AI_CI_E2E_KUBECONFIG environment variable of the workers), and stops it
 * afterwards.
 *
 * If AI_CI_E2E_KUBECONFIG is already set (a cluster from `npm run cluster:up`), that cluster is reused and left
 * running.
 */
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { KUBECONFIG_ENV, startCluster } from '../cluster/harness.js';

declare module 'vitest' {
  export interface ProvidedContext {
    kubeconfigPath: string;
  }
}

export default async function setup(project: TestProject): Promise<(() => Promise<void>) | undefined> {
  const existing = process.env[KUBECONFIG_ENV];
  if (existing) {
    project.provide('kubeconfigPath', existing);
    return undefined;
  }
  // Builds the binaries on a fresh checkout (minutes, once); otherwise only confirms they are up to date (<1 s).
  execFileSync('bash', [path.resolve(import.meta.dirname, '../cluster/build.sh')], { stdio: 'inherit' });
  const t0 = Date.now();
  const cluster = await startCluster({ log: (m) => console.log(m) });
  console.log(`e2e cluster: started in ${((Date.now() - t0) / 1000).toFixed(1)}s`);
  process.env[KUBECONFIG_ENV] = cluster.kubeconfigPath;
  project.provide('kubeconfigPath', cluster.kubeconfigPath);
  return async () => {
    delete process.env[KUBECONFIG_ENV];
    await cluster.stop();
  };
}
