import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { RateLimiter, WorkQueue } from '../../src/kube/workqueue.js';

describe('WorkQueue', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('queues a key once however often it is added', async () => {
    const q = new WorkQueue<string>();
    q.add('a');
    q.add('b');
    q.add('a');
    expect(q.len()).toBe(2);
    expect(await q.get()).toBe('a');
    expect(await q.get()).toBe('b');
    expect(q.len()).toBe(0);
  });

  it('never hands a key in processing to a second worker; an add meanwhile re-queues it on done', async () => {
    const q = new WorkQueue<string>();
    q.add('a');
    const key = await q.get();
    expect(key).toBe('a');
    q.add('a');
    q.add('a');
    expect(q.len()).toBe(0); // not handed out while processing
    q.done('a');
    expect(q.len()).toBe(1);
    expect(await q.get()).toBe('a');
    q.done('a');
    expect(q.len()).toBe(0);
  });

  it('wakes a waiting worker on add', async () => {
    const q = new WorkQueue<string>();
    const pending = q.get();
    q.add('x');
    expect(await pending).toBe('x');
    expect(q.isProcessing('x')).toBe(true);
  });

  it('addAfter delays the add and keeps only the earliest due time of a key', async () => {
    const q = new WorkQueue<string>();
    q.addAfter('a', 1000);
    q.addAfter('a', 5000);
    q.addAfter('b', 2000);
    q.addAfter('b', 500);
    expect(q.len()).toBe(0);
    vi.advanceTimersByTime(500);
    expect(q.len()).toBe(1);
    expect(await q.get()).toBe('b');
    vi.advanceTimersByTime(500);
    expect(await q.get()).toBe('a');
    vi.advanceTimersByTime(10_000);
    expect(q.len()).toBe(0); // the later 5 s add of `a` was dropped
  });

  it('retries failures with per-key exponential backoff until forgotten', () => {
    let now = 0;
    const q = new WorkQueue<string>({ baseDelayMs: 100, maxDelayMs: 1000, now: () => now });
    expect(q.addRateLimited('a')).toBe(100);
    expect(q.addRateLimited('a')).toBe(200);
    expect(q.addRateLimited('a')).toBe(400);
    expect(q.addRateLimited('a')).toBe(800);
    expect(q.addRateLimited('a')).toBe(1000);
    expect(q.numRequeues('a')).toBe(5);
    expect(q.addRateLimited('b')).toBe(100); // per key
    q.forget('a');
    expect(q.addRateLimited('a')).toBe(100);
    now += 1;
    expect(q.delayedKeys().sort()).toEqual(['a', 'b']);
  });

  it('shutDown returns undefined to waiting workers and waits for in-flight keys', async () => {
    const q = new WorkQueue<string>();
    q.add('a');
    await q.get();
    const waiter = q.get();
    const shut = q.shutDown(10_000);
    expect(await waiter).toBeUndefined();
    q.add('b'); // ignored after shutdown
    expect(q.len()).toBe(0);
    let drained: boolean | undefined;
    void shut.then((r) => {
      drained = r;
    });
    await Promise.resolve();
    expect(drained).toBeUndefined();
    q.done('a');
    expect(await shut).toBe(true);
  });

  it('shutDown gives up after its timeout when a key is never done', async () => {
    const q = new WorkQueue<string>();
    q.add('a');
    await q.get();
    const shut = q.shutDown(1000);
    vi.advanceTimersByTime(1000);
    expect(await shut).toBe(false);
  });
});

describe('RateLimiter', () => {
  it('holds back a burst of failures to the overall rate', () => {
    let now = 0;
    const rl = new RateLimiter<number>({ baseDelayMs: 1, qps: 10, burst: 2 }, () => now);
    expect(rl.when(1)).toBe(1);
    expect(rl.when(2)).toBe(1);
    // Bucket empty: the third key waits for a token (100 ms at 10 qps).
    expect(rl.when(3)).toBe(100);
    expect(rl.when(4)).toBe(200);
    now = 1000; // refilled
    expect(rl.when(5)).toBe(1);
  });
});
