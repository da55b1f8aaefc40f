/**
 * The Helm chart against a real kube-apiserver: every object `helm template` renders, with default values and
 * with everything switched on, passes a server-side dry-run (`dryRun=All`, strict field validation: admission,
 * defaulting, the schema of built-in kinds, the CRDs' schemas and CEL rules) after the chart's CRDs are installed
 * (and a subset of the Prometheus Operator's ServiceMonitor CRD, test/delivery/fixtures/).
 */
import type { KubernetesObject } from '@kubernetes/client-node';
import { beforeAll, describe, expect, it } from 'vitest';
import { dryRunCreate, installChartCrds } from '../delivery/support/cluster.js';
import { fullValuesFile, renderChart } from '../delivery/support/helm.js';
import { adminKubeConfig, createNamespace } from './setup/kube.js';

const kc = adminKubeConfig();
let release = '';
let watched: string[] = [];

beforeAll(async () => {
  await installChartCrds(kc, ['test/delivery/fixtures/servicemonitor-crd.yaml']);
  [release, ...watched] = await Promise.all([
    createNamespace(kc, 'chart'),
    createNamespace(kc, 'chart-w1'),
    createNamespace(kc, 'chart-w2'),
  ]);
});

/** Dry-runs the creation of each object; returns `kind/name: message` for each one the apiserver refuses. */
async function dryRun(rendered: KubernetesObject[]): Promise<string[]> {
  const refused: string[] = [];
  for (const o of rendered) {
    const r = await dryRunCreate(kc, o);
    if (r) refused.push(`${r.object}: ${r.message}`);
  }
  return refused;
}

describe('server-side dry-run of the rendered chart', () => {
  it('default values: every object is accepted', async () => {
    const rendered = await renderChart({ namespace: release, release: 'ai-ci' });
    expect(rendered.length).toBeGreaterThanOrEqual(10);
    expect(await dryRun(rendered)).toEqual([]);
  });

  it('full values (watched namespaces, Ingress, ServiceMonitor, dashboard, CarbonPolicy, RunnerPool): every object is accepted', async () => {
    const rendered = await renderChart({
      namespace: release,
      release: 'ai-ci',
      valuesFiles: [fullValuesFile],
      set: { 'controller.watchNamespaces': `{${[release, ...watched].join(',')}}` },
    });
    const kinds = new Set(rendered.map((o) => o.kind));
    for (const kind of ['ServiceMonitor', 'ConfigMap', 'Ingress', 'CarbonPolicy', 'RunnerPool', 'Role'])
      expect(kinds).toContain(kind);
    expect(await dryRun(rendered)).toEqual([]);
  });

  it('the dry-run refuses what the apiserver would refuse (the check is real)', async () => {
    const rendered = await renderChart({
      namespace: release,
      release: 'ai-ci',
      valuesFiles: [fullValuesFile],
      set: { 'controller.watchNamespaces': `{${release}}` },
    });
    const pool = structuredClone(rendered.find((o) => o.kind === 'RunnerPool')!) as KubernetesObject & {
      spec: { minRunners: number; maxRunners: number };
    };
    pool.metadata!.namespace = release;
    pool.spec.minRunners = 9; // > maxRunners 8: a CEL rule of the CRD
    const sm = structuredClone(rendered.find((o) => o.kind === 'ServiceMonitor')!) as KubernetesObject & {
      spec: { endpoints: { interval: string }[] };
    };
    sm.spec.endpoints[0]!.interval = 'thirty seconds';
    const deployment = structuredClone(rendered.find((o) => o.kind === 'Deployment')!) as KubernetesObject & {
      spec: { template: { spec: { containers: Record<string, unknown>[] } } };
    };
    deployment.metadata!.namespace = release;
    deployment.spec.template.spec.containers[0]!.readinessProbes = [];
    const refused = await dryRun([pool, sm, deployment]);
    expect(refused, JSON.stringify(refused)).toHaveLength(3);
    expect(refused[0]).toMatch(/minRunners must be less than or equal to maxRunners/);
    expect(refused[1]).toMatch(/interval/);
    expect(refused[2]).toMatch(/unknown field.*readinessProbes/);
  });
});
