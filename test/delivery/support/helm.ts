/**
 * Runs the `helm` built into bin/ by `npm run tools:build` (test/e2e/cluster/build.sh) on charts/ai-ci, for the
 * delivery tests and the e2e dry-run.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import type { KubernetesObject } from '@kubernetes/client-node';
import { parseAllDocuments } from 'yaml';

const run = promisify(execFile);

export const repoRoot = path.resolve(import.meta.dirname, '../../..');
export const chartDir = path.join(repoRoot, 'charts/ai-ci');
export const fullValuesFile = path.join(chartDir, 'ci/full-values.yaml');

export function tool(name: 'helm' | 'actionlint'): string {
  const bin = path.join(repoRoot, 'bin', name);
  if (!existsSync(bin)) throw new Error(`${bin} is missing: run \`npm run tools:build\` first`);
  return bin;
}

export interface HelmResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs helm with an isolated config/cache (no user repositories or plugins); never throws on a non-zero exit. */
export async function helm(args: string[]): Promise<HelmResult> {
  const home = path.join(repoRoot, '.cache/helm-test');
  try {
    const { stdout, stderr } = await run(tool('helm'), args, {
      cwd: repoRoot,
      maxBuffer: 64 * 1024 * 1024,
      env: {
        PATH: process.env.PATH ?? '',
        HOME: home,
        HELM_CACHE_HOME: path.join(home, 'cache'),
        HELM_CONFIG_HOME: path.join(home, 'config'),
        HELM_DATA_HOME: path.join(home, 'data'),
        // helm template must never reach a cluster: there is none here.
        KUBECONFIG: path.join(home, 'no-kubeconfig'),
      },
    });
    return { code: 0, stdout, stderr };
  } catch (err) {
    const e = err as { code?: number; stdout?: string; stderr?: string };
    return { code: typeof e.code === 'number' ? e.code : 1, stdout: e.stdout ?? '', stderr: e.stderr ?? '' };
  }
}

export interface TemplateOptions {
  release?: string;
  namespace?: string;
  valuesFiles?: string[];
  set?: Record<string, string>;
}

export function templateArgs(o: TemplateOptions = {}): string[] {
  const args = ['template', o.release ?? 'ai-ci', chartDir, '--namespace', o.namespace ?? 'ai-ci'];
  for (const f of o.valuesFiles ?? []) args.push('--values', f);
  for (const [k, v] of Object.entries(o.set ?? {})) args.push('--set', `${k}=${v}`);
  return args;
}

/** `helm template` → the rendered objects (throws with helm's message when rendering fails). */
export async function renderChart(o: TemplateOptions = {}): Promise<KubernetesObject[]> {
  const r = await helm(templateArgs(o));
  if (r.code !== 0) throw new Error(`helm template failed: ${r.stderr.trim()}`);
  return parseAllDocuments(r.stdout)
    .map((d) => d.toJS() as KubernetesObject | null)
    .filter((o): o is KubernetesObject => Boolean(o?.kind));
}

export function find<T extends KubernetesObject = KubernetesObject>(
  objects: KubernetesObject[],
  kind: string,
  name?: string,
): T[] {
  return objects.filter((o) => o.kind === kind && (name === undefined || o.metadata?.name === name)) as T[];
}
