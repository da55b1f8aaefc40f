/**
 * A small in-memory Kubernetes API server on 127.0.0.1 for `npm run bench:controller`: just the collections the
 * controller uses (RunnerPools, CarbonPolicies, Pods, Secrets, Events, PodDisruptionBudgets, ConfigMaps, Leases), with
 * list + watch (JSON lines, resourceVersion), create (409 AlreadyExists), get (404), replace (409 on a stale
 * resourceVersion), JSON merge patch and JSON patch
 * (status subresource included), delete (finalizers honoured). Pods start Running at once, as a kubelet that
 * never waits. Not a test double for correctness (the e2e tests use the real apiserver): it takes the
 * apiserver's and etcd's latency out of the controller's measured overhead.
 */
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

type Obj = {
  apiVersion?: string;
  kind?: string;
  metadata: Record<string, unknown> & { name: string; namespace?: string };
  [k: string]: unknown;
};

interface Watcher {
  resource: string;
  namespace?: string;
  selector?: [string, string | undefined];
  res: ServerResponse;
}

const ROUTES: { re: RegExp; resource: string }[] = [
  {
    re: /^\/apis\/ai-ci\.dev\/v1alpha1(?:\/namespaces\/([^/]+))?\/runnerpools(?:\/([^/]+))?(\/status)?$/,
    resource: 'runnerpools',
  },
  {
    re: /^\/apis\/ai-ci\.dev\/v1alpha1(?:\/namespaces\/([^/]+))?\/carbonpolicies(?:\/([^/]+))?(\/status)?$/,
    resource: 'carbonpolicies',
  },
  { re: /^\/api\/v1(?:\/namespaces\/([^/]+))?\/pods(?:\/([^/]+))?()$/, resource: 'pods' },
  { re: /^\/api\/v1(?:\/namespaces\/([^/]+))?\/secrets(?:\/([^/]+))?()$/, resource: 'secrets' },
  { re: /^\/api\/v1(?:\/namespaces\/([^/]+))?\/events(?:\/([^/]+))?()$/, resource: 'events' },
  { re: /^\/api\/v1(?:\/namespaces\/([^/]+))?\/configmaps(?:\/([^/]+))?()$/, resource: 'configmaps' },
  {
    re: /^\/apis\/coordination\.k8s\.io\/v1(?:\/namespaces\/([^/]+))?\/leases(?:\/([^/]+))?()$/,
    resource: 'leases',
  },
  {
    re: /^\/apis\/policy\/v1(?:\/namespaces\/([^/]+))?\/poddisruptionbudgets(?:\/([^/]+))?()$/,
    resource: 'poddisruptionbudgets',
  },
];

function mergePatch(target: unknown, patch: unknown): unknown {
  if (patch === null || typeof patch !== 'object' || Array.isArray(patch)) return patch;
  const out: Record<string, unknown> =
    target && typeof target === 'object' && !Array.isArray(target)
      ? { ...(target as Record<string, unknown>) }
      : {};
  for (const [k, v] of Object.entries(patch as Record<string, unknown>)) {
    if (v === null) delete out[k];
    else out[k] = mergePatch(out[k], v);
  }
  return out;
}

export class FakeKubeApi {
  readonly store = new Map<string, Map<string, Obj>>();
  private rv = 1000;
  private readonly watchers = new Set<Watcher>();
  private server?: Server;
  url = '';
  /** Called on every successful create (for latency measurement). */
  onCreate?: (resource: string, obj: Obj) => void;
  requests = 0;

  private col(resource: string): Map<string, Obj> {
    let m = this.store.get(resource);
    if (!m) {
      m = new Map();
      this.store.set(resource, m);
    }
    return m;
  }

  /** Puts an object in place without events (initial state). */
  seed(resource: string, obj: Obj): void {
    const meta = obj.metadata;
    meta.resourceVersion = String(++this.rv);
    meta.uid ??= randomUUID();
    meta.creationTimestamp ??= new Date().toISOString();
    meta.generation ??= 1;
    this.col(resource).set(`${meta.namespace ?? ''}/${meta.name}`, obj);
  }

  async start(): Promise<this> {
    this.server = createServer((req, res) => {
      this.requests++;
      let body = '';
      req.on('data', (c) => {
        body += c;
      });
      req.on('end', () => {
        try {
          this.handle(req, res, body);
        } catch (err) {
          this.send(res, 500, this.status(500, 'InternalError', String(err)));
        }
      });
    });
    await new Promise<void>((r) => this.server!.listen(0, '127.0.0.1', r));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  async stop(): Promise<void> {
    for (const w of this.watchers) w.res.end();
    this.server?.closeAllConnections();
    await new Promise<void>((r) => (this.server ? this.server.close(() => r()) : r()));
  }

  private status(code: number, reason: string, message: string) {
    return { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message, reason, code };
  }

  private send(res: ServerResponse, code: number, body: unknown) {
    const text = JSON.stringify(body);
    res.writeHead(code, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) });
    res.end(text);
  }

  private matches(
    obj: Obj,
    namespace: string | undefined,
    selector: [string, string | undefined] | undefined,
  ) {
    if (namespace && obj.metadata.namespace !== namespace) return false;
    if (!selector) return true;
    const labels = (obj.metadata.labels ?? {}) as Record<string, string>;
    return selector[1] === undefined ? selector[0] in labels : labels[selector[0]] === selector[1];
  }

  private emit(resource: string, type: 'ADDED' | 'MODIFIED' | 'DELETED', obj: Obj) {
    const line = `${JSON.stringify({ type, object: obj })}\n`;
    for (const w of this.watchers) {
      if (w.resource === resource && this.matches(obj, w.namespace, w.selector)) w.res.write(line);
    }
  }

  private handle(req: IncomingMessage, res: ServerResponse, body: string) {
    const url = new URL(req.url ?? '/', 'http://x');
    const route = ROUTES.map((r) => ({ r, m: r.re.exec(url.pathname) })).find((x) => x.m);
    if (!route?.m) return this.send(res, 404, this.status(404, 'NotFound', `no route ${url.pathname}`));
    const resource = route.r.resource;
    const [, namespace, name, sub] = route.m;
    const col = this.col(resource);
    const sel = url.searchParams.get('labelSelector');
    const selector: [string, string | undefined] | undefined = sel
      ? (sel.split('=') as [string, string | undefined])
      : undefined;
    const method = req.method ?? 'GET';
    if (method === 'GET' && !name) {
      if (url.searchParams.get('watch') === 'true') {
        res.writeHead(200, { 'content-type': 'application/json', 'transfer-encoding': 'chunked' });
        // The apiserver answers a watch at once; without this Node holds the headers until the first event and
        // the controller's informers wait for them (the controller looked ~60 s slow to become ready).
        res.flushHeaders();
        const w: Watcher = {
          resource,
          res,
          ...(namespace ? { namespace } : {}),
          ...(selector ? { selector } : {}),
        };
        this.watchers.add(w);
        req.on('close', () => this.watchers.delete(w));
        return;
      }
      const all = [...col.values()].filter((o) => this.matches(o, namespace, selector));
      const offset = Number(url.searchParams.get('continue') ?? 0);
      const limit = Number(url.searchParams.get('limit') ?? 0) || all.length;
      const items = all.slice(offset, offset + limit);
      const metadata: Record<string, string> = { resourceVersion: String(this.rv) };
      if (offset + limit < all.length) metadata.continue = String(offset + limit);
      return this.send(res, 200, { kind: 'List', apiVersion: 'v1', metadata, items });
    }
    const key = `${namespace ?? ''}/${name ?? ''}`;
    if (method === 'GET') {
      const obj = col.get(key);
      return obj
        ? this.send(res, 200, obj)
        : this.send(res, 404, this.status(404, 'NotFound', `${resource} "${name}" not found`));
    }
    if (method === 'POST') {
      const obj = JSON.parse(body) as Obj;
      obj.metadata.namespace = namespace;
      const k = `${namespace}/${obj.metadata.name}`;
      if (col.has(k))
        return this.send(
          res,
          409,
          this.status(409, 'AlreadyExists', `${resource} "${obj.metadata.name}" already exists`),
        );
      if (resource === 'secrets' && obj.stringData) {
        const data = (obj.data ?? {}) as Record<string, string>;
        for (const [dk, v] of Object.entries(obj.stringData as Record<string, string>))
          data[dk] = Buffer.from(v).toString('base64');
        obj.data = data;
        delete obj.stringData;
      }
      if (resource === 'pods') {
        const now = new Date().toISOString();
        obj.status = {
          phase: 'Running',
          startTime: now,
          containerStatuses: [
            {
              name: 'runner',
              ready: true,
              restartCount: 0,
              image: '',
              imageID: '',
              state: { running: { startedAt: now } },
            },
          ],
        };
      }
      this.seed(resource, obj);
      this.onCreate?.(resource, obj);
      this.emit(resource, 'ADDED', obj);
      return this.send(res, 201, obj);
    }
    const existing = col.get(key);
    if (!existing)
      return this.send(res, 404, this.status(404, 'NotFound', `${resource} "${name}" not found`));
    if (method === 'PATCH') {
      const type = req.headers['content-type'] ?? '';
      let next: Obj;
      if (type.startsWith('application/json-patch+json')) {
        next = structuredClone(existing);
        for (const op of JSON.parse(body) as { op: string; path: string; value: unknown }[]) {
          if (
            op.op === 'test' &&
            op.path === '/metadata/resourceVersion' &&
            op.value !== existing.metadata.resourceVersion
          ) {
            return this.send(res, 409, this.status(409, 'Conflict', 'the object has been modified'));
          }
          if ((op.op === 'add' || op.op === 'replace') && op.path === '/metadata/finalizers')
            next.metadata.finalizers = op.value;
        }
      } else if (type.startsWith('application/merge-patch+json')) {
        const patch = JSON.parse(body) as Record<string, unknown>;
        next = (
          sub
            ? { ...existing, status: mergePatch(existing.status, patch.status) }
            : mergePatch(existing, patch)
        ) as Obj;
      } else {
        return this.send(
          res,
          415,
          this.status(415, 'UnsupportedMediaType', `unsupported patch type ${type}`),
        );
      }
      next.metadata.resourceVersion = String(++this.rv);
      if (next.metadata.deletionTimestamp && !(next.metadata.finalizers as string[] | undefined)?.length) {
        col.delete(key);
        this.emit(resource, 'DELETED', next);
        return this.send(res, 200, next);
      }
      col.set(key, next);
      this.emit(resource, 'MODIFIED', next);
      return this.send(res, 200, next);
    }
    if (method === 'PUT') {
      // Replace, with the apiserver's optimistic concurrency: a stale resourceVersion is a 409 Conflict.
      const next = JSON.parse(body) as Obj;
      const rv = next.metadata.resourceVersion;
      if (rv !== undefined && rv !== existing.metadata.resourceVersion)
        return this.send(res, 409, this.status(409, 'Conflict', 'the object has been modified'));
      next.metadata = { ...existing.metadata, ...next.metadata, resourceVersion: String(++this.rv) };
      col.set(key, next);
      this.emit(resource, 'MODIFIED', next);
      return this.send(res, 200, next);
    }
    if (method === 'DELETE') {
      if ((existing.metadata.finalizers as string[] | undefined)?.length) {
        existing.metadata.deletionTimestamp = new Date().toISOString();
        existing.metadata.resourceVersion = String(++this.rv);
        this.emit(resource, 'MODIFIED', existing);
      } else {
        col.delete(key);
        this.emit(resource, 'DELETED', existing);
      }
      return this.send(res, 200, { kind: 'Status', apiVersion: 'v1', status: 'Success' });
    }
    return this.send(res, 405, this.status(405, 'MethodNotAllowed', method));
  }
}
