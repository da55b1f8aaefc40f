import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { CoreV1Api, KubeConfig } from '@kubernetes/client-node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CustomResources,
  createIfAbsent,
  deleteIfPresent,
  errorMessage,
  mergePatch,
  RawCreate,
  reuseConnections,
} from '../../src/kube/api.js';

/** A stand-in apiserver on 127.0.0.1 that records requests and answers with Kubernetes Status/objects. */
let server: Server;
let kc: KubeConfig;
const seen: {
  method: string;
  url: string;
  contentType: string | undefined;
  authorization?: string | undefined;
  body: string;
}[] = [];
let reply: { status: number; body: unknown } = { status: 200, body: {} };
let connections = 0;

beforeAll(async () => {
  server = createServer((req: IncomingMessage, res) => {
    let body = '';
    req.on('data', (c) => {
      body += c;
    });
    req.on('end', () => {
      seen.push({
        method: req.method ?? '',
        url: req.url ?? '',
        contentType: req.headers['content-type'],
        authorization: req.headers.authorization,
        body,
      });
      res.writeHead(reply.status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(reply.body));
    });
  });
  server.on('connection', () => {
    connections++;
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  kc = new KubeConfig();
  kc.loadFromOptions({
    clusters: [
      {
        name: 'c',
        server: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
        skipTLSVerify: true,
      },
    ],
    users: [{ name: 'u', token: 't' }],
    contexts: [{ name: 'x', cluster: 'c', user: 'u' }],
    currentContext: 'x',
  });
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

const status = (code: number, reason: string) => ({
  kind: 'Status',
  apiVersion: 'v1',
  status: 'Failure',
  reason,
  code,
  message: `${reason} message`,
});

describe('kube api helpers', () => {
  it('reuses one connection pool per cluster and user instead of one connection per request', async () => {
    reply = { status: 200, body: { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' } } };
    const count = async (config: KubeConfig) => {
      const before = connections;
      const core = config.makeApiClient(CoreV1Api);
      for (let i = 0; i < 5; i++) await core.readNamespacedPod({ name: 'p', namespace: 'ci' });
      return connections - before;
    };
    const plain = new KubeConfig();
    plain.loadFromString(kc.exportConfig());
    expect(await count(plain)).toBe(5); // the library's own behaviour
    const pooled = new KubeConfig();
    pooled.loadFromString(kc.exportConfig());
    // One pool: connections are kept alive and reused (undici may open a second one while the first is released).
    expect(await count(reuseConnections(pooled))).toBeLessThanOrEqual(2);
  });

  it('sends status as a JSON merge patch to the /status subresource', async () => {
    seen.length = 0;
    reply = { status: 200, body: { apiVersion: 'ai-ci.dev/v1alpha1', kind: 'RunnerPool' } };
    await new CustomResources(kc).patchStatus(
      { group: 'ai-ci.dev', version: 'v1alpha1', plural: 'runnerpools', namespace: 'ci', name: 'gpu' },
      { replicas: 2 },
      'ai-ci-controller',
    );
    expect(seen[0]).toMatchObject({
      method: 'PATCH',
      contentType: 'application/merge-patch+json',
      body: '{"status":{"replicas":2}}',
    });
    expect(seen[0]!.url).toBe(
      '/apis/ai-ci.dev/v1alpha1/namespaces/ci/runnerpools/gpu/status?fieldManager=ai-ci-controller',
    );
  });

  it('guards finalizer changes with a JSON patch test of the resourceVersion', async () => {
    seen.length = 0;
    await new CustomResources(kc).setFinalizers(
      { group: 'ai-ci.dev', version: 'v1alpha1', plural: 'runnerpools', namespace: 'ci', name: 'gpu' },
      ['ai-ci.dev/runner-cleanup'],
      '42',
    );
    expect(seen[0]!.contentType).toBe('application/json-patch+json');
    expect(JSON.parse(seen[0]!.body)).toEqual([
      { op: 'test', path: '/metadata/resourceVersion', value: '42' },
      { op: 'add', path: '/metadata/finalizers', value: ['ai-ci.dev/runner-cleanup'] },
    ]);
  });

  it('overrides the generated JSON-patch content type of core patch calls', async () => {
    seen.length = 0;
    reply = { status: 200, body: { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' } } };
    await kc
      .makeApiClient(CoreV1Api)
      .patchNamespacedPod(
        { name: 'p', namespace: 'ci', body: { metadata: { labels: { a: 'b' } } } },
        mergePatch(),
      );
    expect(seen[0]!.contentType).toBe('application/merge-patch+json');
  });

  it('treats AlreadyExists on create and NotFound on delete as success, other errors as errors', async () => {
    const core = kc.makeApiClient(CoreV1Api);
    reply = { status: 409, body: status(409, 'AlreadyExists') };
    expect(
      await createIfAbsent(() =>
        core.createNamespacedSecret({ namespace: 'ci', body: { metadata: { name: 's' } } }),
      ),
    ).toBe('exists');
    reply = { status: 404, body: status(404, 'NotFound') };
    expect(await deleteIfPresent(() => core.deleteNamespacedSecret({ name: 's', namespace: 'ci' }))).toBe(
      'gone',
    );
    reply = { status: 403, body: status(403, 'Forbidden') };
    const err = await createIfAbsent(() =>
      core.createNamespacedSecret({ namespace: 'ci', body: { metadata: { name: 's' } } }),
    ).catch((e) => e);
    expect(errorMessage(err)).toBe('Forbidden message');
  });

  it('creates core objects without the generated client: same request, same error handling', async () => {
    const body = { apiVersion: 'v1', kind: 'Secret', metadata: { name: 's' }, stringData: { k: 'v' } };
    const generated = () =>
      kc.makeApiClient(CoreV1Api).createNamespacedSecret({ namespace: 'ci', body, fieldManager: 'fm' });
    let fellBack = false;
    const raw = new RawCreate(kc);
    const viaRaw = () =>
      raw.create('secrets', 'ci', body, 'fm', async () => {
        fellBack = true;
      });
    seen.length = 0;
    reply = { status: 201, body };
    await generated();
    await viaRaw();
    expect(fellBack).toBe(false);
    const [lib, own] = seen;
    expect(own).toMatchObject({
      method: 'POST',
      url: '/api/v1/namespaces/ci/secrets?fieldManager=fm',
      contentType: 'application/json',
      authorization: 'Bearer t',
    });
    expect({ ...own, body: JSON.parse(own!.body) }).toEqual({ ...lib, body: JSON.parse(lib!.body) });

    reply = { status: 409, body: status(409, 'AlreadyExists') };
    expect(await createIfAbsent(viaRaw)).toBe('exists');
    reply = { status: 403, body: status(403, 'Forbidden') };
    const err = await createIfAbsent(viaRaw).catch((e) => e);
    expect(errorMessage(err)).toBe('Forbidden message');
  });
});
