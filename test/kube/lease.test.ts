import { type V1Lease, V1MicroTime } from '@kubernetes/client-node';
import { describe, expect, it } from 'vitest';
import { LeaderElector } from '../../src/kube/lease.js';

/** The Lease semantics the elector relies on: 404 when absent, 409 on create-if-exists and on a stale
 *  resourceVersion. (The real apiserver is exercised in test/e2e/runnerpool-leader.e2e.test.ts.) */
class LeaseStore {
  lease: V1Lease | undefined;
  rv = 0;
  failing = false;
  readonly bodies: V1Lease[] = [];
  private err(code: number) {
    return Object.assign(new Error(`HTTP ${code}`), { code });
  }
  api = {
    readNamespacedLease: async () => {
      if (this.failing) throw this.err(500);
      if (!this.lease) throw this.err(404);
      return structuredClone(this.lease);
    },
    createNamespacedLease: async ({ body }: { body: V1Lease }) => {
      if (this.failing) throw this.err(500);
      if (this.lease) throw this.err(409);
      this.bodies.push(body);
      this.lease = {
        ...structuredClone(body),
        metadata: { ...body.metadata, resourceVersion: String(++this.rv) },
      };
      return this.lease;
    },
    replaceNamespacedLease: async ({ body }: { body: V1Lease }) => {
      if (this.failing) throw this.err(500);
      if (body.metadata?.resourceVersion !== String(this.rv)) throw this.err(409);
      this.bodies.push(body);
      this.lease = {
        ...structuredClone(body),
        metadata: { ...body.metadata, resourceVersion: String(++this.rv) },
      };
      return this.lease;
    },
  };
}

function elector(store: LeaseStore, identity: string, clock: { now: number }, log: string[]) {
  return new LeaderElector({
    kubeConfig: undefined as never,
    api: store.api as never,
    namespace: 'ns',
    name: 'lease',
    identity,
    leaseDurationMs: 15_000,
    renewDeadlineMs: 10_000,
    retryPeriodMs: 2_000,
    now: () => clock.now,
    onStartedLeading: () => log.push(`${identity} start`),
    onStoppedLeading: () => log.push(`${identity} stop`),
  });
}

describe('LeaderElector', () => {
  it('acquires a free Lease with MicroTime timestamps and keeps others out until it expires', async () => {
    const store = new LeaseStore();
    const clock = { now: 1_000_000 };
    const log: string[] = [];
    const a = elector(store, 'a', clock, log);
    const b = elector(store, 'b', clock, log);
    await a.tick();
    expect(a.isLeader).toBe(true);
    expect(store.bodies[0]!.spec!.renewTime).toBeInstanceOf(V1MicroTime);
    expect(JSON.stringify(store.bodies[0]!.spec!.renewTime)).toMatch(/\.\d{6}Z"$/);
    expect(store.lease!.spec!.leaseDurationSeconds).toBe(15);

    await b.tick();
    expect(b.isLeader).toBe(false);
    // a stops renewing (crashed). b judges expiry by the Lease's duration from when b saw it last change.
    clock.now += 14_000;
    await b.tick();
    expect(b.isLeader).toBe(false);
    clock.now += 1_000;
    await b.tick();
    expect(b.isLeader).toBe(true);
    expect(store.lease!.spec!.holderIdentity).toBe('b');
    expect(store.lease!.spec!.leaseTransitions).toBe(1);
    expect(log).toEqual(['a start', 'b start']);
  });

  it('steps down when it cannot renew within the renew deadline, and when another holds the Lease', async () => {
    const store = new LeaseStore();
    const clock = { now: 0 };
    const log: string[] = [];
    const a = elector(store, 'a', clock, log);
    await a.tick();
    store.failing = true;
    clock.now += 9_000;
    await a.tick();
    expect(a.isLeader).toBe(true);
    clock.now += 1_000;
    await a.tick();
    expect(a.isLeader).toBe(false);
    expect(log).toEqual(['a start', 'a stop']);
  });

  it('releases the Lease on stop so a standby takes it at once', async () => {
    const store = new LeaseStore();
    const clock = { now: 0 };
    const log: string[] = [];
    const a = elector(store, 'a', clock, log);
    const b = elector(store, 'b', clock, log);
    a.start();
    await new Promise((r) => setTimeout(r, 20));
    expect(a.isLeader).toBe(true);
    await a.stop();
    expect(store.lease!.spec!.holderIdentity).toBe('');
    await b.tick();
    expect(b.isLeader).toBe(true);
  });
});
