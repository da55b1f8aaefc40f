/**
 * Helpers of the chart's e2e tests (test/e2e/helm*.e2e.test.ts, test/e2e/rbac*.e2e.test.ts): apply YAML files and
 * rendered objects to the test apiserver.
 */
import { readFile } from 'node:fs/promises';
import https from 'node:https';
import path from 'node:path';
import {
  ApiextensionsV1Api,
  type KubeConfig,
  type KubernetesObject,
  KubernetesObjectApi,
} from '@kubernetes/client-node';
import { parseAllDocuments } from 'yaml';
import { waitFor } from '../../e2e/setup/kube.js';
import { chartDir, repoRoot } from './helm.js';

export const FIELD_MANAGER = 'ai-ci-chart-e2e';

/** Exposes the object API's resource-path resolution (discovery, cached) for raw requests. */
class ResourcePaths extends KubernetesObjectApi {
  collection(o: KubernetesObject): Promise<string> {
    return this.specUriPath(o, 'create');
  }
}

export async function yamlObjects(file: string): Promise<KubernetesObject[]> {
  return parseAllDocuments(await readFile(path.resolve(repoRoot, file), 'utf8'))
    .map((d) => d.toJS() as KubernetesObject | null)
    .filter((o): o is KubernetesObject => Boolean(o?.kind));
}

/** Server-side applies objects, as `kubectl apply --server-side --force-conflicts` does (raw: see rawRequest). */
export async function apply(kc: KubeConfig, objects: KubernetesObject[]): Promise<void> {
  const paths = kc.makeApiClient(ResourcePaths);
  for (const o of objects) {
    const collection = new URL(await paths.collection(o), 'https://x').pathname;
    const query = new URLSearchParams({ fieldManager: FIELD_MANAGER, force: 'true' });
    const r = await rawRequest(
      kc,
      'PATCH',
      `${collection}/${o.metadata?.name}?${query}`,
      o,
      'application/apply-patch+yaml',
    );
    if (r.status >= 300) throw new Error(`apply ${o.kind}/${o.metadata?.name}: ${r.status} ${statusText(r)}`);
  }
}

/** Applies CRD files and waits until each is Established. */
export async function applyCrds(kc: KubeConfig, files: string[]): Promise<void> {
  const ext = kc.makeApiClient(ApiextensionsV1Api);
  for (const file of files) {
    const crds = await yamlObjects(file);
    await apply(kc, crds);
    for (const crd of crds) {
      const name = crd.metadata?.name ?? '';
      await waitFor(`CRD ${name} Established`, async () => {
        const c = await ext.readCustomResourceDefinition({ name });
        return (
          c.status?.conditions?.some((x) => x.type === 'Established' && x.status === 'True') || undefined
        );
      });
    }
  }
}

export const CHART_CRD_FILES = ['ai-ci.dev_runnerpools.yaml', 'ai-ci.dev_carbonpolicies.yaml'].map((f) =>
  path.join(chartDir, 'crds', f),
);

/**
 * Installs the chart's CRDs and waits until the apiserver enforces their CEL rules: right after a CRD becomes
 * Established, the apiserver may for a moment accept objects its CEL rules reject (seen on v1.36), so a dry-run of
 * a RunnerPool with minRunners > maxRunners is repeated until it is refused.
 */
export async function installChartCrds(kc: KubeConfig, extraFiles: string[] = []): Promise<void> {
  await applyCrds(kc, [...CHART_CRD_FILES, ...extraFiles]);
  const probe: KubernetesObject = {
    apiVersion: 'ai-ci.dev/v1alpha1',
    kind: 'RunnerPool',
    metadata: { name: 'cel-probe', namespace: 'default' },
    spec: {
      github: { organization: 'o', credentialsSecretRef: { name: 's' } },
      labels: ['x'],
      minRunners: 2,
      maxRunners: 1,
    },
  } as KubernetesObject;
  await waitFor(
    'the RunnerPool CEL rules to be enforced',
    async () => (await dryRunCreate(kc, probe))?.status === 422,
  );
}

export interface DryRunRefusal {
  object: string;
  status: number;
  message: string;
}

export interface RawResponse {
  status: number;
  body: string;
}

/**
 * One request to the local apiserver with the kubeconfig's credentials, bypassing the generated clients: their
 * serializers map objects through the typed models and drop keys the models spell differently (a CRD's
 * `x-kubernetes-validations` is lost that way), and the generic object client has no fieldValidation parameter.
 */
export async function rawRequest(
  kc: KubeConfig,
  method: string,
  pathAndQuery: string,
  body?: unknown,
  contentType = 'application/json',
): Promise<RawResponse> {
  const server = new URL(kc.getCurrentCluster()?.server ?? '');
  if (server.hostname !== '127.0.0.1') throw new Error(`refusing a non-local apiserver: ${server.host}`);
  const options: https.RequestOptions = {
    method,
    hostname: server.hostname,
    port: server.port,
    path: pathAndQuery,
    headers: { 'content-type': contentType, accept: 'application/json' },
  };
  await kc.applyToHTTPSOptions(options);
  return new Promise<RawResponse>((resolve, reject) => {
    const req = https.request(options, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () =>
        resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }),
      );
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(body === undefined ? undefined : JSON.stringify(body));
  });
}

function statusText(r: RawResponse): string {
  try {
    return (JSON.parse(r.body) as { message?: string }).message ?? r.body;
  } catch {
    return r.body;
  }
}

/**
 * Server-side dry-run of creating `o` (`dryRun=All`, `fieldValidation=Strict`: an unknown or duplicate field is
 * an error, as `kubectl apply --dry-run=server` makes it). Resolves to undefined when accepted.
 */
export async function dryRunCreate(kc: KubeConfig, o: KubernetesObject): Promise<DryRunRefusal | undefined> {
  const collection = await kc.makeApiClient(ResourcePaths).collection(o);
  const query = new URLSearchParams({
    dryRun: 'All',
    fieldValidation: 'Strict',
    fieldManager: FIELD_MANAGER,
  });
  const r = await rawRequest(kc, 'POST', `${new URL(collection, 'https://x').pathname}?${query}`, o);
  if (r.status >= 200 && r.status < 300) return undefined;
  return { object: `${o.kind}/${o.metadata?.name}`, status: r.status, message: statusText(r) };
}
