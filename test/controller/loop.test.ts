import { describe, expect, it } from 'vitest';
import { ControllerLoop, type ReconcileResult } from '../../src/controller/loop.js';
import { createControllerMetrics } from '../../src/controller/metrics.js';
import { silentLogger } from '../../src/kube/informer.js';

class LostLead extends Error {}

/** A reconciler whose calls the test releases one by one; it records how many run per key at once. */
function gatedReconciler() {
  const calls: { key: string; release: (r: ReconcileResult | Error) => void }[] = [];
  const running = new Map<string, number>();
  let maxConcurrentPerKey = 0;
  const waiters: (() => void)[] = [];
  const reconcile = (key: string) => {
    running.set(key, (running.get(key) ?? 0) + 1);
    maxConcurrentPerKey = Math.max(maxConcurrentPerKey, running.get(key)!);
    return new Promise<ReconcileResult>((resolve, reject) => {
      calls.push({
        key,
        release: (r) => {
          running.set(key, running.get(key)! - 1);
          if (r instanceof Error) reject(r);
          else resolve(r);
        },
      });
      for (const w of waiters.splice(0)) w();
    });
  };
  const nextCall = async (n: number) => {
    while (calls.length < n) await new Promise<void>((r) => waiters.push(r));
    return calls[n - 1]!;
  };
  return { reconcile, calls, nextCall, maxConcurrent: () => maxConcurrentPerKey };
}

const tick = () => new Promise((r) => setTimeout(r, 5));

async function histogramCount(metrics: ReturnType<typeof createControllerMetrics>, controller: string) {
  const m = await metrics.reconcileDurationSeconds.get();
  return (
    m.values.find((v) => v.metricName?.endsWith('_count') && v.labels.controller === controller)?.value ?? 0
  );
}

describe('ControllerLoop', () => {
  it('after a reconcile abandoned for lost leadership, marks the key done once: never two workers on one key', async () => {
    // Before the fix the abandon branch called queue.done(key) and the finally block called it again: the first
    // done handed the key (re-added meanwhile) to a second worker, the second done cleared it from "processing"
    // while that worker still ran, so a third add handed it to a third worker at the same time.
    const metrics = createControllerMetrics();
    const r = gatedReconciler();
    const loop = new ControllerLoop({
      name: 'runnerpool',
      reconcile: r.reconcile,
      workers: 3,
      metrics,
      logger: silentLogger,
      mayReconcile: () => true,
      abandons: (err) => err instanceof LostLead,
    });
    loop.start();
    loop.queue.add('ns/a');
    const first = await r.nextCall(1);
    loop.queue.add('ns/a'); // an event while the first reconcile runs: the key is dirty
    first.release(new LostLead('lost the lease'));
    const second = await r.nextCall(2); // the dirty key is reconciled again, by one worker
    loop.queue.add('ns/a'); // another event while the second reconcile runs
    await tick();
    expect(r.calls).toHaveLength(2); // not handed to a third worker while the second still runs
    expect(r.maxConcurrent()).toBe(1);
    expect(loop.queue.isProcessing('ns/a')).toBe(true);
    second.release({});
    const third = await r.nextCall(3);
    third.release({});
    await tick();
    expect(r.maxConcurrent()).toBe(1);
    // One duration observation per reconcile (the abandoned one included), not two for the abandoned one.
    expect(await histogramCount(metrics, 'runnerpool')).toBe(3);
    await loop.shutDown(1000);
    await loop.workersDone(1000);
  });

  it('retries a failed reconcile with backoff, counts it, and forgets the failures after a success', async () => {
    const metrics = createControllerMetrics();
    let n = 0;
    const loop = new ControllerLoop({
      name: 'carbonpolicy',
      reconcile: async () => {
        n++;
        if (n < 3) throw new Error('apiserver said no');
        return {};
      },
      workers: 1,
      metrics,
      logger: silentLogger,
      mayReconcile: () => true,
      retry: { baseDelayMs: 5, maxDelayMs: 20 },
    });
    loop.start();
    loop.queue.add('ns/p');
    for (let i = 0; i < 100 && n < 3; i++) await tick();
    await tick();
    expect(n).toBe(3);
    const reconciles = await metrics.reconciles.get();
    const count = (result: string) =>
      reconciles.values.find((v) => v.labels.controller === 'carbonpolicy' && v.labels.result === result)
        ?.value;
    expect(count('error')).toBe(2);
    expect(count('success')).toBe(1);
    expect(loop.queue.numRequeues('ns/p')).toBe(0);
    await loop.shutDown(1000);
  });

  it('drops keys while it may not reconcile (a standby), without calling the reconciler', async () => {
    const metrics = createControllerMetrics();
    let calls = 0;
    let leads = false;
    const loop = new ControllerLoop({
      name: 'runnerpool',
      reconcile: async () => {
        calls++;
        return {};
      },
      workers: 1,
      metrics,
      logger: silentLogger,
      mayReconcile: () => leads,
    });
    loop.start();
    loop.queue.add('ns/a');
    await tick();
    expect(calls).toBe(0);
    expect(loop.queue.isProcessing('ns/a')).toBe(false);
    leads = true;
    loop.queue.add('ns/a');
    await tick();
    expect(calls).toBe(1);
    await loop.shutDown(1000);
  });
});
