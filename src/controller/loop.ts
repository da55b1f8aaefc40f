/**
 * The generic controller loop both controllers register with (controller-runtime's `Controller`): a work queue of
 * `namespace/name` keys with rate-limited retries (src/kube/workqueue.ts), N workers calling the reconciler, and the
 * reconcile metrics labelled by controller. Keys are only queued and reconciled while the loop is active (this
 * replica leads, see manager.ts); an error the reconciler marks as abandoning (leadership lost mid-way) ends the
 * reconcile without a retry.
 */
import { errorMessage } from '../kube/api.js';
import type { Logger } from '../kube/informer.js';
import { WorkQueue } from '../kube/workqueue.js';
import type { ControllerMetrics } from './metrics.js';

export interface ReconcileResult {
  /** Reconcile the key again after this long, ms (controller-runtime's RequeueAfter). */
  requeueAfterMs?: number;
}

export interface ControllerLoopOptions {
  /** The `controller` label of the metrics (`runnerpool`, `carbonpolicy`). */
  name: string;
  reconcile: (key: string) => Promise<ReconcileResult>;
  workers: number;
  metrics: ControllerMetrics;
  logger: Logger;
  /** Whether a key handed out by the queue may be reconciled now (leads, not killed). */
  mayReconcile: () => boolean;
  /** An error after which the key is dropped without retry (the replica lost the lead, or is stopping). */
  abandons?: (err: unknown) => boolean;
  /** The log field naming the key (`pool`, `policy`). */
  keyField?: string;
  /** Work queue retry backoff (tests shorten it). */
  retry?: { baseDelayMs?: number; maxDelayMs?: number };
  now?: () => number;
}

export class ControllerLoop {
  readonly queue: WorkQueue<string>;
  readonly name: string;
  private readonly o: ControllerLoopOptions;
  private workers: Promise<void>[] = [];

  constructor(options: ControllerLoopOptions) {
    this.o = options;
    this.name = options.name;
    this.queue = new WorkQueue<string>({
      ...(options.retry ?? {}),
      ...(options.now ? { now: options.now } : {}),
      onDepthChange: (d) => options.metrics.workQueueDepth.set({ controller: options.name }, d),
    });
  }

  /** Starts the workers. */
  start(): void {
    for (let i = 0; i < this.o.workers; i++) this.workers.push(this.work());
  }

  /** Counts a failure of `key` outside a reconcile (a runner creation in the background) and, with `requeue`,
   *  queues a reconcile of it after its backoff. */
  failedElsewhere(key: string, requeue: boolean): void {
    this.o.metrics.reconcileErrors.inc({ controller: this.name });
    this.o.metrics.workQueueRetries.inc({ controller: this.name });
    if (requeue) this.queue.addRateLimited(key);
  }

  /** Stops handing out keys; resolves when in-flight reconciles are done (false after `timeoutMs`). */
  async shutDown(timeoutMs: number): Promise<boolean> {
    return this.queue.shutDown(timeoutMs);
  }

  /** Resolves when the workers have returned, or after `timeoutMs`. */
  async workersDone(timeoutMs: number): Promise<void> {
    await Promise.race([Promise.all(this.workers), new Promise((r) => setTimeout(r, timeoutMs).unref())]);
  }

  private async work(): Promise<void> {
    const { metrics, logger, name } = this.o;
    for (;;) {
      const key = await this.queue.get();
      if (key === undefined) return;
      if (!this.o.mayReconcile()) {
        this.queue.done(key);
        continue;
      }
      const end = metrics.reconcileDurationSeconds.startTimer({ controller: name });
      try {
        const result = await this.o.reconcile(key);
        this.queue.forget(key);
        if (result.requeueAfterMs !== undefined) {
          this.queue.addAfter(key, result.requeueAfterMs);
          metrics.reconciles.inc({ controller: name, result: 'requeue' });
        } else {
          metrics.reconciles.inc({ controller: name, result: 'success' });
        }
      } catch (err) {
        // Dropped without retry; `finally` marks the key done and observes the duration, once.
        if (this.o.abandons?.(err)) continue;
        metrics.reconcileErrors.inc({ controller: name });
        metrics.reconciles.inc({ controller: name, result: 'error' });
        metrics.workQueueRetries.inc({ controller: name });
        const delay = this.queue.addRateLimited(key);
        logger.warn(`${name} reconcile failed; retrying`, {
          [this.o.keyField ?? 'key']: key,
          retryInMs: delay,
          error: errorMessage(err),
        });
      } finally {
        end();
        this.queue.done(key);
      }
    }
  }
}

/** Whether this replica may act, as the manager knows it (leadership arrives as events; this is their state). */
export interface Leadership {
  /** Leads and runs: reconciles may write. */
  isLeader(): boolean;
  /** Leads and is not stopping: events may queue keys. */
  accepting(): boolean;
}

/** One watch of a registration: how a kind's events become keys of the controller (see watchFor & co). */
export interface Watch {
  /** Registers the handlers on the cache; `enqueue` queues a key (a no-op while this replica does not lead). */
  wire(enqueue: (key: string) => void): void;
  /** For the `for` kind: every key, queued when this replica starts leading. */
  keys?(): string[];
}

/** A source of keys other than the cache: a webhook receiver, a scale-set listener. */
export interface EventSource {
  readonly name: string;
  start(enqueue: (key: string) => void): Promise<void>;
  stop(): Promise<void>;
}

/** What a controller registers with the manager (controller-runtime's builder: For, Owns, Watches, sources). */
export interface ControllerRegistration {
  loop: ControllerLoop;
  /** The kind it reconciles (watchFor). */
  for: Watch;
  /** Kinds it owns (watchOwned) or maps to its keys (watchMapped). */
  watches?: Watch[];
  sources?: EventSource[];
  /** Leadership events: after the `for` keys are queued on taking the lead; on losing it. */
  startedLeading?(): void;
  stoppedLeading?(): void;
  /** Background work to let finish on a graceful stop (after the queue drained). */
  drain?(timeoutMs: number): Promise<void>;
  /** The manager was killed (a crash, in tests): drop background work at once. */
  killed?(): void;
}

interface EventCache<T> {
  on(verb: 'add' | 'update' | 'delete', handler: (obj: T) => void): void;
  list(): T[];
}

const keyOfObject = (o: { metadata?: { namespace?: string; name?: string } }) =>
  `${o.metadata?.namespace ?? ''}/${o.metadata?.name ?? ''}`;

/** The reconciled kind: each event queues the object's key unless `predicate` says this change needs none. */
export function watchFor<T extends { metadata?: { namespace?: string; name?: string } }>(
  cache: EventCache<T>,
  predicate: (obj: T, event: 'add' | 'update' | 'delete') => boolean = () => true,
): Watch {
  return {
    wire(enqueue) {
      for (const verb of ['add', 'update', 'delete'] as const) {
        cache.on(verb, (obj) => {
          if (predicate(obj, verb)) enqueue(keyOfObject(obj));
        });
      }
    },
    keys: () => cache.list().map(keyOfObject),
  };
}

/** A kind whose events queue the keys `map` returns (its owner, the objects referring to it). */
export function watchMapped<T>(
  cache: EventCache<T>,
  map: (obj: T, event: 'add' | 'update' | 'delete') => Iterable<string>,
): Watch {
  return {
    wire(enqueue) {
      for (const verb of ['add', 'update', 'delete'] as const) {
        cache.on(verb, (obj) => {
          for (const key of map(obj, verb)) enqueue(key);
        });
      }
    },
  };
}
