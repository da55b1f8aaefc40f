/**
 * A controller work queue with client-go's semantics (k8s.io/client-go/util/workqueue): a key is queued at most
 * once; a key being processed is never handed to a second worker, and an add during processing re-queues it when
 * the worker calls `done`; failures are retried with per-key exponential backoff combined with an overall token
 * bucket; `addAfter` delays an add (requeueAfter).
 *
 * Hand-written because the npm queues (p-queue, fastq, bottleneck) run jobs, not keys: none de-duplicates a key
 * while it waits or while it is processed, and none has per-key failure backoff, which are what make a
 * level-triggered reconciler correct.
 */

export interface RateLimiterOptions {
  /** First retry delay after a failure, ms (doubles per consecutive failure of the same key). */
  baseDelayMs?: number;
  /** Cap of the per-key delay, ms. */
  maxDelayMs?: number;
  /** Overall retry rate, keys per second (token bucket), so a mass failure cannot hot-loop. */
  qps?: number;
  /** Token bucket size. */
  burst?: number;
}

export interface WorkQueueOptions extends RateLimiterOptions {
  /** Clock, ms; injectable for tests. */
  now?: () => number;
  /** Called when the number of ready keys changes (metrics). */
  onDepthChange?: (depth: number) => void;
}

/** Per-key exponential backoff plus an overall token bucket, like client-go's DefaultControllerRateLimiter. */
export class RateLimiter<K> {
  private readonly failures = new Map<K, number>();
  private readonly baseDelayMs: number;
  private readonly maxDelayMs: number;
  private readonly qps: number;
  private readonly burst: number;
  private tokens: number;
  private lastRefill: number;

  constructor(
    options: RateLimiterOptions = {},
    private readonly now: () => number = Date.now,
  ) {
    this.baseDelayMs = options.baseDelayMs ?? 50;
    this.maxDelayMs = options.maxDelayMs ?? 300_000;
    this.qps = options.qps ?? 10;
    this.burst = options.burst ?? 100;
    this.tokens = this.burst;
    this.lastRefill = this.now();
  }

  /** Delay before the next retry of `key`, ms; counts one more failure of it. */
  when(key: K): number {
    const n = this.failures.get(key) ?? 0;
    this.failures.set(key, n + 1);
    const perKey = Math.min(this.baseDelayMs * 2 ** n, this.maxDelayMs);
    return Math.max(perKey, this.bucketDelay());
  }

  /** Consecutive failures of `key` since the last `forget`. */
  numRequeues(key: K): number {
    return this.failures.get(key) ?? 0;
  }

  forget(key: K): void {
    this.failures.delete(key);
  }

  /** Takes a token; returns how long the caller must wait for it, ms (0 when one was available). */
  private bucketDelay(): number {
    const now = this.now();
    this.tokens = Math.min(this.burst, this.tokens + ((now - this.lastRefill) / 1000) * this.qps);
    this.lastRefill = now;
    this.tokens -= 1;
    return this.tokens >= 0 ? 0 : Math.ceil((-this.tokens / this.qps) * 1000);
  }
}

export class WorkQueue<K> {
  private readonly queue: K[] = [];
  /** Keys that must be processed (queued, or re-added while processing). */
  private readonly dirty = new Set<K>();
  private readonly processing = new Set<K>();
  /** Delayed adds: key → due time and timer; only the earliest due time per key is kept. */
  private readonly delayed = new Map<K, { due: number; timer: NodeJS.Timeout }>();
  private readonly waiters: ((key: K | undefined) => void)[] = [];
  private readonly drainWaiters: (() => void)[] = [];
  private readonly limiter: RateLimiter<K>;
  private readonly now: () => number;
  private shuttingDown = false;

  constructor(private readonly options: WorkQueueOptions = {}) {
    this.now = options.now ?? Date.now;
    this.limiter = new RateLimiter<K>(options, this.now);
  }

  /** Queues `key` unless it is already waiting; a key in processing is re-queued when `done` is called. */
  add(key: K): void {
    if (this.shuttingDown || this.dirty.has(key)) return;
    this.dirty.add(key);
    if (this.processing.has(key)) return;
    const waiter = this.waiters.shift();
    if (waiter) {
      this.dirty.delete(key);
      this.processing.add(key);
      waiter(key);
      return;
    }
    this.queue.push(key);
    this.options.onDepthChange?.(this.queue.length);
  }

  /** Adds `key` after `delayMs`; an earlier pending delayed add of the same key wins. */
  addAfter(key: K, delayMs: number): void {
    if (this.shuttingDown) return;
    if (delayMs <= 0) {
      this.add(key);
      return;
    }
    const due = this.now() + delayMs;
    const existing = this.delayed.get(key);
    if (existing && existing.due <= due) return;
    if (existing) clearTimeout(existing.timer);
    const timer = setTimeout(() => {
      this.delayed.delete(key);
      this.add(key);
    }, delayMs);
    timer.unref?.();
    this.delayed.set(key, { due, timer });
  }

  /** Re-queues a failed key after its backoff. */
  addRateLimited(key: K): number {
    const delay = this.limiter.when(key);
    this.addAfter(key, delay);
    return delay;
  }

  /** Clears the failure history of `key` (call after a successful reconcile). */
  forget(key: K): void {
    this.limiter.forget(key);
  }

  numRequeues(key: K): number {
    return this.limiter.numRequeues(key);
  }

  /** Next key to process; waits for one. `undefined` once the queue is shut down. */
  get(): Promise<K | undefined> {
    const key = this.queue.shift();
    if (key !== undefined) {
      this.dirty.delete(key);
      this.processing.add(key);
      this.options.onDepthChange?.(this.queue.length);
      return Promise.resolve(key);
    }
    if (this.shuttingDown) return Promise.resolve(undefined);
    return new Promise((resolve) => this.waiters.push(resolve));
  }

  /** Marks `key` processed; if it was added meanwhile, it is queued again. */
  done(key: K): void {
    this.processing.delete(key);
    if (this.dirty.has(key) && !this.shuttingDown) {
      this.dirty.delete(key);
      this.add(key);
    }
    if (this.processing.size === 0) for (const w of this.drainWaiters.splice(0)) w();
  }

  /** Keys ready to be processed. */
  len(): number {
    return this.queue.length;
  }

  /** Keys with a pending delayed add. */
  delayedKeys(): K[] {
    return [...this.delayed.keys()];
  }

  isProcessing(key: K): boolean {
    return this.processing.has(key);
  }

  get isShuttingDown(): boolean {
    return this.shuttingDown;
  }

  /** Stops handing out keys, drops waiting and delayed ones, and resolves when in-flight keys are `done` (or
   *  after `timeoutMs`, whichever first; returns false on timeout). */
  async shutDown(timeoutMs = 30_000): Promise<boolean> {
    this.shuttingDown = true;
    for (const { timer } of this.delayed.values()) clearTimeout(timer);
    this.delayed.clear();
    this.queue.length = 0;
    this.dirty.clear();
    for (const w of this.waiters.splice(0)) w(undefined);
    if (this.processing.size === 0) return true;
    let timer: NodeJS.Timeout | undefined;
    const drained = new Promise<boolean>((resolve) => this.drainWaiters.push(() => resolve(true)));
    const timedOut = new Promise<boolean>((resolve) => {
      timer = setTimeout(() => resolve(false), timeoutMs);
    });
    const result = await Promise.race([drained, timedOut]);
    clearTimeout(timer);
    return result;
  }
}
