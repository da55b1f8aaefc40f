/**
 * An informer cache over @kubernetes/client-node's ListWatch: list + watch from the listed resourceVersion,
 * re-list on 410 Gone (ListWatch does that itself), and — what ListWatch leaves to its user — a restart with
 * exponential backoff after an `error` event (a failed list, a refused or broken watch).
 *
 * Objects can be slimmed by a `transform` before they are cached (client-go's SetTransform): a controller with
 * 10,000 runner Pods keeps a few hundred bytes of each instead of the whole object, and runner Secrets are cached
 * without their data, so no JIT config sits in the controller's heap.
 */
import {
  ADD,
  DELETE,
  ERROR,
  type KubeConfig,
  type KubernetesObject,
  ListWatch,
  UPDATE,
  Watch,
} from '@kubernetes/client-node';

export interface ListResult {
  metadata?: { resourceVersion?: string; _continue?: string; continue?: string };
  items: unknown[];
}

/** One page of a list: `limit` items from `continueToken` on (the apiserver's chunked list). */
export type PagedList = (page: { limit: number; continueToken?: string }) => Promise<ListResult>;

export interface Logger {
  debug(message: string, fields?: Record<string, unknown>): void;
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
}

export const silentLogger: Logger = { debug() {}, info() {}, warn() {}, error() {} };

export interface InformerOptions<T extends KubernetesObject> {
  /** For logs, e.g. `pods`. */
  name: string;
  kubeConfig: KubeConfig;
  /** Collection path to watch, e.g. `/api/v1/namespaces/ci/pods` or `/apis/ai-ci.dev/v1alpha1/runnerpools`. */
  path: string;
  /** Lists the collection (same path and selector as the watch), one page at a time: each page is transformed
   *  before the next is fetched, so a large collection never sits in memory whole and un-slimmed (client-go's
   *  pager does the same, 500 items a page). */
  list: PagedList;
  /** Items per page (default 500). */
  pageSize?: number;
  labelSelector?: string;
  /** Maps a listed or watched object to what the cache keeps; must keep metadata name, namespace and
   *  resourceVersion. */
  transform?: (obj: KubernetesObject) => T;
  initialBackoffMs?: number;
  maxBackoffMs?: number;
  logger?: Logger;
}

export type InformerHandler<T> = (obj: T) => void;

/** Error statuses as ListWatch reports them (a fetch Error with statusCode, or an ApiException with code). */
function errorStatus(err: unknown): number | undefined {
  if (typeof err !== 'object' || err === null) return undefined;
  const e = err as { statusCode?: unknown; code?: unknown };
  if (typeof e.statusCode === 'number') return e.statusCode;
  if (typeof e.code === 'number') return e.code;
  return undefined;
}

export class Informer<T extends KubernetesObject> {
  private readonly lw: ListWatch<T>;
  private readonly logger: Logger;
  private readonly initialBackoffMs: number;
  private readonly maxBackoffMs: number;
  private backoffMs: number;
  private synced = false;
  private stopped = true;
  private restartTimer: NodeJS.Timeout | undefined;
  private failedSinceStart = false;
  private syncWaiters: (() => void)[] = [];
  /** Consecutive restarts after errors (for health reporting). */
  errorCount = 0;
  lastError: string | undefined;

  constructor(private readonly options: InformerOptions<T>) {
    this.logger = options.logger ?? silentLogger;
    this.initialBackoffMs = options.initialBackoffMs ?? 1_000;
    this.maxBackoffMs = options.maxBackoffMs ?? 30_000;
    this.backoffMs = this.initialBackoffMs;
    const transform = options.transform ?? ((o: KubernetesObject) => o as T);
    const inner = new Watch(options.kubeConfig);
    // ListWatch calls watch() with its own query parameters; we add bookmarks (cheap resourceVersion progress on
    // quiet collections) and transform each object before the cache sees it.
    const watch = {
      watch: (
        path: string,
        params: Record<string, string | number | boolean | undefined>,
        callback: (phase: string, obj: unknown, watchObj?: unknown) => void,
        done: (err?: unknown) => void,
      ) =>
        inner.watch(
          path,
          { ...params, allowWatchBookmarks: true },
          (phase: string, obj: unknown, watchObj?: unknown) =>
            callback(
              phase,
              phase === 'ADDED' || phase === 'MODIFIED' || phase === 'DELETED'
                ? transform(obj as KubernetesObject)
                : obj,
              watchObj,
            ),
          done,
        ),
    } as unknown as Watch;
    const limit = options.pageSize ?? 500;
    const list = async () => {
      const items: T[] = [];
      let continueToken: string | undefined;
      let resourceVersion = '';
      do {
        const page = await options.list({ limit, ...(continueToken ? { continueToken } : {}) });
        for (const o of page.items) items.push(transform(o as KubernetesObject));
        resourceVersion = page.metadata?.resourceVersion ?? resourceVersion;
        continueToken = page.metadata?._continue ?? page.metadata?.continue ?? undefined;
      } while (continueToken);
      return { metadata: { resourceVersion }, items };
    };
    this.lw = new ListWatch<T>(options.path, watch, list, false, options.labelSelector);
    this.lw.on(ERROR, (err?: unknown) => this.onError(err));
  }

  on(verb: 'add' | 'update' | 'delete', handler: InformerHandler<T>): void {
    this.lw.on(verb === 'add' ? ADD : verb === 'update' ? UPDATE : DELETE, handler);
  }

  /** Starts listing and watching; resolves once the first list is in the cache (retrying with backoff). */
  async start(): Promise<void> {
    this.stopped = false;
    const synced = this.waitForSync();
    void this.run();
    await synced;
  }

  private async run(): Promise<void> {
    if (this.stopped) return;
    this.failedSinceStart = false;
    try {
      await this.lw.start();
    } catch (err) {
      this.onError(err);
      return;
    }
    if (!this.failedSinceStart && !this.stopped) {
      this.backoffMs = this.initialBackoffMs;
      this.errorCount = 0;
      if (!this.synced) {
        this.synced = true;
        this.logger.debug('informer synced', { informer: this.options.name, objects: this.lw.list().length });
        for (const w of this.syncWaiters.splice(0)) w();
      }
    }
  }

  private onError(err: unknown): void {
    this.failedSinceStart = true;
    if (this.stopped) return;
    this.errorCount++;
    this.lastError = err instanceof Error ? err.message : String(err);
    const delay = this.backoffMs;
    this.backoffMs = Math.min(this.backoffMs * 2, this.maxBackoffMs);
    this.logger.warn('informer error; restarting', {
      informer: this.options.name,
      status: errorStatus(err),
      error: this.lastError,
      retryInMs: delay,
    });
    if (this.restartTimer) clearTimeout(this.restartTimer);
    this.restartTimer = setTimeout(() => {
      this.restartTimer = undefined;
      void this.run();
    }, delay);
    this.restartTimer.unref?.();
  }

  waitForSync(): Promise<void> {
    if (this.synced) return Promise.resolve();
    return new Promise((resolve) => this.syncWaiters.push(resolve));
  }

  hasSynced(): boolean {
    return this.synced;
  }

  get(name: string, namespace?: string): T | undefined {
    return this.lw.get(name, namespace);
  }

  list(namespace?: string): T[] {
    return [...this.lw.list(namespace)];
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.restartTimer) clearTimeout(this.restartTimer);
    await this.lw.stop();
    for (const w of this.syncWaiters.splice(0)) w();
  }
}
