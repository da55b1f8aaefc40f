/**
 * Small helpers over @kubernetes/client-node 2.x object-parameter calls: error status checks, idempotent create
 * and delete, and patch calls with the right Content-Type.
 *
 * The generated `patch*` methods send `application/json-patch+json` unless told otherwise; the content type is
 * replaced through a request middleware (`setHeaderOptions`). Custom resources reject strategic merge patch, so
 * everything here uses JSON merge patch (RFC 7386) or JSON patch explicitly.
 */
import {
  type ConfigurationOptions,
  CustomObjectsApi,
  type KubeConfig,
  PatchStrategy,
  setHeaderOptions,
} from '@kubernetes/client-node';

/** HTTP status of an error from @kubernetes/client-node (ApiException.code, or a watch error's statusCode). */
export function statusCode(err: unknown): number | undefined {
  if (typeof err !== 'object' || err === null) return undefined;
  const e = err as { code?: unknown; statusCode?: unknown };
  if (typeof e.code === 'number') return e.code;
  if (typeof e.statusCode === 'number') return e.statusCode;
  return undefined;
}

export const isNotFound = (err: unknown) => statusCode(err) === 404;
/** 409 on create means AlreadyExists; on update it means Conflict (stale resourceVersion). */
export const isConflict = (err: unknown) => statusCode(err) === 409;

/** The apiserver's Status message of an ApiException, or the error message; for logs and conditions. */
export function errorMessage(err: unknown): string {
  if (typeof err === 'object' && err !== null && 'body' in err) {
    const body = (err as { body: unknown }).body;
    try {
      const status = typeof body === 'string' ? JSON.parse(body) : body;
      if (status && typeof status.message === 'string') return status.message;
    } catch {
      // not JSON
    }
  }
  return err instanceof Error ? err.message : String(err);
}

/** Creates; an object that already exists (409) counts as created. Returns 'created' or 'exists'. */
export async function createIfAbsent(create: () => Promise<unknown>): Promise<'created' | 'exists'> {
  try {
    await create();
    return 'created';
  } catch (err) {
    if (isConflict(err)) return 'exists';
    throw err;
  }
}

/** Deletes; an object already gone (404) counts as deleted. Returns 'deleted' or 'gone'. */
export async function deleteIfPresent(del: () => Promise<unknown>): Promise<'deleted' | 'gone'> {
  try {
    await del();
    return 'deleted';
  } catch (err) {
    if (isNotFound(err)) return 'gone';
    throw err;
  }
}

/** Request options that make a generated patch call send a JSON merge patch. */
export function mergePatch(options?: ConfigurationOptions): ConfigurationOptions {
  return setHeaderOptions('Content-Type', PatchStrategy.MergePatch, options) as ConfigurationOptions;
}

/** Request options that make a generated patch call send a JSON patch (RFC 6902). */
export function jsonPatch(options?: ConfigurationOptions): ConfigurationOptions {
  return setHeaderOptions('Content-Type', PatchStrategy.JsonPatch, options) as ConfigurationOptions;
}

export interface CustomResourceRef {
  group: string;
  version: string;
  plural: string;
  namespace: string;
  name: string;
}

/** Custom-resource writes the reconcilers need. */
export class CustomResources {
  private readonly api: CustomObjectsApi;
  private readonly raw: RawCreate;

  constructor(kubeConfig: KubeConfig, options?: { api?: CustomObjectsApi }) {
    this.api = options?.api ?? kubeConfig.makeApiClient(CustomObjectsApi);
    this.raw = new RawCreate(kubeConfig);
  }

  /** Merge-patches `.status` through the /status subresource (the only way status changes when the CRD has the
   *  subresource; spec changes sent there are ignored). Sent raw (see {@link RawCreate}): status writes follow
   *  every scale change. */
  async patchStatus(ref: CustomResourceRef, status: unknown, fieldManager?: string): Promise<void> {
    await this.raw.patchStatus(ref, status, fieldManager, () =>
      this.api.patchNamespacedCustomObjectStatus(
        { ...ref, body: { status }, ...(fieldManager ? { fieldManager } : {}) },
        mergePatch(),
      ),
    );
  }

  /**
   * Replaces `metadata.finalizers` with a JSON patch guarded by a `test` of the resourceVersion the caller
   * decided from: a concurrent change (another finalizer added, the object replaced) fails with 409/422 instead
   * of being overwritten, and the caller retries from a fresh read.
   */
  async setFinalizers(
    ref: CustomResourceRef,
    finalizers: string[],
    resourceVersion: string,
  ): Promise<unknown> {
    return this.api.patchNamespacedCustomObject(
      {
        ...ref,
        body: [
          { op: 'test', path: '/metadata/resourceVersion', value: resourceVersion },
          { op: 'add', path: '/metadata/finalizers', value: finalizers },
        ],
      },
      jsonPatch(),
    );
  }

  async get(ref: CustomResourceRef): Promise<unknown> {
    return this.api.getNamespacedCustomObject(ref);
  }

  async list(ref: Omit<CustomResourceRef, 'name' | 'namespace'> & { namespace?: string }) {
    if (ref.namespace) return this.api.listNamespacedCustomObject({ ...ref, namespace: ref.namespace });
    return this.api.listClusterCustomObject(ref);
  }
}

/**
 * Makes a KubeConfig reuse one HTTP dispatcher (connection pool) per cluster and user. @kubernetes/client-node
 * 2.x builds a new undici Agent for every request (`KubeConfig.createDispatcher`), so every API call opens a new
 * TCP connection and, against a real apiserver, a new TLS handshake; a controller issuing hundreds of calls a
 * second pays for that in latency and CPU. Returns the same KubeConfig.
 */
export function reuseConnections(kubeConfig: KubeConfig): KubeConfig {
  const target = kubeConfig as unknown as {
    createDispatcher?: (cluster: { name?: string; server?: string } | null, options: unknown) => unknown;
    __aiCiPooled?: boolean;
  };
  if (target.__aiCiPooled || typeof target.createDispatcher !== 'function') return kubeConfig;
  const original = target.createDispatcher.bind(kubeConfig);
  const cache = new Map<string, unknown>();
  target.createDispatcher = (cluster, options) => {
    const key = JSON.stringify([cluster?.name, cluster?.server, kubeConfig.getCurrentUser()?.name]);
    if (cache.has(key)) return cache.get(key);
    const dispatcher = original(cluster, options);
    cache.set(key, dispatcher);
    return dispatcher;
  };
  target.__aiCiPooled = true;
  return kubeConfig;
}

/** The error a {@link RawCreate} call throws for a non-2xx answer: `code` and `body` as on client-node's
 *  ApiException, so {@link statusCode}, {@link isConflict} and {@link errorMessage} treat both alike. */
export class KubeApiError extends Error {
  override readonly name = 'KubeApiError';
  constructor(
    readonly code: number,
    readonly body: string,
    what: string,
  ) {
    super(`HTTP ${code} from the Kubernetes API on ${what}`);
  }
}

type SecurityContext = Parameters<KubeConfig['applySecurityAuthentication']>[0];
interface RawDispatcher {
  request(options: {
    origin: string;
    path: string;
    method: string;
    headers: Record<string, string>;
    body: string;
  }): Promise<{ statusCode: number; body: { text(): Promise<string>; dump(): Promise<void> } }>;
}

/**
 * Sends the controller's frequent writes (runner Secret and Pod creates, Events, status merge patches) as JSON over
 * the KubeConfig's own undici dispatcher, skipping the generated client's per-call machinery. Why hand-written:
 * these are the controller's hot path (a few per queued job), and in the generated client each call walks the
 * whole object through ObjectSerializer, goes through WHATWG fetch, and parses the returned object with a JS JSON
 * parser (json-with-bigint) into model classes that nobody reads; profiled at 200 jobs/s that was the largest
 * single CPU and garbage cost of the process. The request is the same (path, `fieldManager`, body, content type,
 * auth headers and TLS from the KubeConfig); the answer's body is read only when it is an error.
 *
 * Where the KubeConfig gives no dispatcher of its own (plain http without TLS settings), `fallback` (the
 * generated client call) is used.
 */
export class RawCreate {
  constructor(private readonly kubeConfig: KubeConfig) {}

  /** POSTs a core/v1 object into its namespace. */
  async create(
    resource: 'pods' | 'secrets' | 'events',
    namespace: string,
    body: object,
    fieldManager: string | undefined,
    fallback: () => Promise<unknown>,
  ): Promise<void> {
    const query = fieldManager ? `?fieldManager=${encodeURIComponent(fieldManager)}` : '';
    await this.send(
      'POST',
      `/api/v1/namespaces/${encodeURIComponent(namespace)}/${resource}${query}`,
      'application/json',
      body,
      `create ${resource} in ${namespace}`,
      fallback,
    );
  }

  /** Merge-patches (RFC 7386) `.status` of a namespaced custom resource through its /status subresource. */
  async patchStatus(
    ref: CustomResourceRef,
    status: unknown,
    fieldManager: string | undefined,
    fallback: () => Promise<unknown>,
  ): Promise<void> {
    const query = fieldManager ? `?fieldManager=${encodeURIComponent(fieldManager)}` : '';
    const e = encodeURIComponent;
    await this.send(
      'PATCH',
      `/apis/${e(ref.group)}/${e(ref.version)}/namespaces/${e(ref.namespace)}/${e(ref.plural)}/${e(ref.name)}/status${query}`,
      PatchStrategy.MergePatch,
      { status },
      `patch ${ref.plural}/${ref.name} status in ${ref.namespace}`,
      fallback,
    );
  }

  private async send(
    method: 'POST' | 'PATCH',
    path: string,
    contentType: string,
    body: unknown,
    what: string,
    fallback: () => Promise<unknown>,
  ): Promise<void> {
    const server = this.kubeConfig.getCurrentCluster()?.server;
    const headers: Record<string, string> = {};
    let dispatcher: RawDispatcher | undefined;
    const context = {
      setHeaderParam: (key: string, value: string) => {
        headers[key] = value;
      },
      setDispatcher: (d: unknown) => {
        dispatcher = d as RawDispatcher;
      },
    } as unknown as SecurityContext;
    await this.kubeConfig.applySecurityAuthentication(context);
    if (!server || !dispatcher || typeof dispatcher.request !== 'function') {
      await fallback();
      return;
    }
    const url = new URL(server);
    const base = url.pathname.replace(/\/+$/, '');
    headers['content-type'] = contentType;
    headers.accept = 'application/json';
    const res = await dispatcher.request({
      origin: url.origin,
      path: `${base}${path}`,
      method,
      headers,
      body: JSON.stringify(body),
    });
    if (res.statusCode >= 200 && res.statusCode < 300) {
      await res.body.dump();
      return;
    }
    throw new KubeApiError(res.statusCode, await res.body.text(), what);
  }
}
