/**
 * The controller as its image runs it: the one-file bundle (scripts/bundle-controller.ts) started with the
 * Dockerfile's ENTRYPOINT flags and NODE_OPTIONS/MALLOC_* environment, against the real apiserver over TLS. It
 * must list and watch, reconcile a RunnerPool (finalizer, status through the raw write path, an Event) and stop
 * cleanly on SIGTERM: the bundling must not have left anything behind that only the unbundled code had.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { CoreV1Api, CustomObjectsApi } from '@kubernetes/client-node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundleController } from '../../scripts/bundle-controller.js';
import { RESOURCES, type RunnerPool } from '../../src/api/v1alpha1/index.js';
import {
  adminKubeConfig,
  installCrds,
  kubeconfigPath,
  repoRoot,
  useNamespace,
  waitFor,
} from './setup/kube.js';

const ns = useNamespace('bundle');
let dir: string;
let child: ChildProcess | undefined;

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

/** The image's ENTRYPOINT flags (before the script) and its ENV settings, read from the Dockerfile. */
function imageRuntime(): { flags: string[]; env: Record<string, string> } {
  const text = readFileSync(path.join(repoRoot, 'Dockerfile'), 'utf8');
  const entrypoint = JSON.parse(/^ENTRYPOINT (\[.*\])$/m.exec(text)?.[1] ?? '[]') as string[];
  const env: Record<string, string> = {};
  for (const [, k, v] of text.matchAll(/(?:ENV |\s{4})(NODE_OPTIONS|MALLOC_\w+)=("[^"]*"|\S+)/g))
    env[k!] = v!.replace(/^"|"$/g, '');
  return { flags: entrypoint.slice(1, -1), env };
}

beforeAll(async () => {
  await installCrds(adminKubeConfig());
  dir = mkdtempSync(path.join(tmpdir(), 'ai-ci-bundle-'));
});
afterAll(() => {
  if (child && child.exitCode === null) child.kill('SIGKILL');
  rmSync(dir, { recursive: true, force: true });
});

describe('the controller bundle', () => {
  it('runs as the image runs it: ready, reconciles a RunnerPool, stops on SIGTERM', async () => {
    const bundle = path.join(dir, 'main.js');
    await bundleController(bundle);
    const { flags, env } = imageRuntime();
    expect(flags).toContain('--optimize-for-size');
    expect(env.NODE_OPTIONS).toMatch(/--max-old-space-size=\d+/);
    const [metricsPort, healthPort] = [await freePort(), await freePort()];
    let output = '';
    child = spawn(
      process.execPath,
      [
        ...flags,
        bundle,
        '--kubeconfig',
        kubeconfigPath(),
        '--namespaces',
        ns.name,
        '--no-leader-election',
        '--metrics-port',
        String(metricsPort),
        '--health-port',
        String(healthPort),
        '--log-level',
        'warn',
      ],
      { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    child.stdout?.on('data', (d) => {
      output += d;
    });
    child.stderr?.on('data', (d) => {
      output += d;
    });
    await waitFor('the bundled controller to be ready', async () => {
      if (child?.exitCode !== null) throw new Error(`controller exited: ${output}`);
      const r = await fetch(`http://127.0.0.1:${healthPort}/readyz`).catch(() => undefined);
      return r?.ok ? true : undefined;
    });
    const metrics = await (await fetch(`http://127.0.0.1:${metricsPort}/metrics`)).text();
    expect(metrics).toMatch(/^ai_ci_leader 1$/m);

    // A pool whose credentials Secret does not exist: the controller adds its finalizer, reports why GitHub is
    // unreachable in status and records an Event, all without GitHub.
    const kc = adminKubeConfig();
    const custom = kc.makeApiClient(CustomObjectsApi);
    await custom.createNamespacedCustomObject({
      ...RESOURCES.RunnerPool,
      namespace: ns.name,
      body: {
        apiVersion: 'ai-ci.dev/v1alpha1',
        kind: 'RunnerPool',
        metadata: { name: 'gpu' },
        spec: { github: { repository: 'o/r', credentialsSecretRef: { name: 'missing' } }, labels: ['gpu'] },
      },
    });
    const pool = await waitFor('status from the bundled controller', async () => {
      const p = (await custom.getNamespacedCustomObject({
        ...RESOURCES.RunnerPool,
        namespace: ns.name,
        name: 'gpu',
      })) as RunnerPool;
      const c = p.status?.conditions?.find((x) => x.type === 'GitHubReachable');
      return c?.reason === 'CredentialsMissing' ? p : undefined;
    });
    expect((pool.metadata as { finalizers?: string[] }).finalizers).toContain('ai-ci.dev/runner-cleanup');
    await waitFor('the GitHubUnreachable Event', async () => {
      const events = await kc.makeApiClient(CoreV1Api).listNamespacedEvent({ namespace: ns.name });
      return events.items.some((e) => e.reason === 'GitHubUnreachable' && e.involvedObject.name === 'gpu')
        ? true
        : undefined;
    });

    const exited = new Promise<number | null>((r) => child!.once('exit', (code) => r(code)));
    child.kill('SIGTERM');
    expect(await exited, output).toBe(0);
  }, 60_000);
});
