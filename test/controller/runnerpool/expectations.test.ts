import { describe, expect, it } from 'vitest';
import { CreatedNotSeen } from '../../../src/controller/runnerpool/expectations.js';

const names = (e: [string, unknown][]) => e.map(([n]) => n);

describe('CreatedNotSeen', () => {
  it.each([
    {
      name: 'awaited while the cache does not show it',
      at: 1_000,
      now: 5_000,
      settled: false,
      awaited: ['r1'],
    },
    { name: 'dropped once the cache shows it', at: 1_000, now: 5_000, settled: true, awaited: [] },
    {
      name: 'dropped after the TTL (the watch event never came)',
      at: 1_000,
      now: 61_001,
      settled: false,
      awaited: [],
    },
    { name: 'still awaited at exactly the TTL', at: 1_000, now: 61_000, settled: false, awaited: ['r1'] },
  ])('$name', ({ at, now, settled, awaited }) => {
    const c = new CreatedNotSeen<{ runnerId: number }>(60_000);
    c.add('ci/gpu', 'r1', at, { runnerId: 7 });
    expect(names(c.awaited('ci/gpu', now, () => settled))).toEqual(awaited);
    // A dropped entry stays dropped.
    expect(names(c.awaited('ci/gpu', now, () => false))).toEqual(awaited);
  });

  it('keeps what the reconcile needs, and the creation time', () => {
    const c = new CreatedNotSeen<{ runnerId: number }>(60_000);
    c.add('ci/gpu', 'r1', 1_000, { runnerId: 7 });
    expect(c.awaited('ci/gpu', 2_000, () => false)).toEqual([['r1', { runnerId: 7, at: 1_000 }]]);
  });

  it('forgets one runner when seen, and a whole pool when forgotten, without touching other pools', () => {
    const c = new CreatedNotSeen(60_000);
    c.add('ci/gpu', 'r1', 0, {});
    c.add('ci/gpu', 'r2', 0, {});
    c.add('ci/cpu', 'r3', 0, {});
    c.seen('ci/gpu', 'r1');
    c.seen('ci/gpu', 'unknown');
    expect(names(c.awaited('ci/gpu', 1, () => false))).toEqual(['r2']);
    c.forget('ci/gpu');
    expect(c.awaited('ci/gpu', 1, () => false)).toEqual([]);
    expect(names(c.awaited('ci/cpu', 1, () => false))).toEqual(['r3']);
  });
});
