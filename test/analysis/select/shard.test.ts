import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type ShardItem, shardImbalance, shardTests } from '../../../src/analysis/select/shard.js';
import { FIXTURES } from './helpers.js';

describe('shardTests (longest processing time first)', () => {
  it('keeps every shard within 10% of the mean when durations are known (log-uniform 0.1–100 s, 2..8 shards)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -1, max: 2, noNaN: true }), { minLength: 300, maxLength: 600 }),
        fc.integer({ min: 2, max: 8 }),
        (logs, total) => {
          const items: ShardItem[] = logs.map((l, i) => ({ path: `t${i}`, expectedS: 10 ** l, score: 0 }));
          const mean = items.reduce((a, t) => a + t.expectedS, 0) / total;
          // Balance needs many tests per shard: no test longer than a quarter of the mean shard.
          fc.pre(Math.max(...items.map((t) => t.expectedS)) <= mean / 4);
          const shards = shardTests(items, total);
          expect(shards.flatMap((s) => s.tests).length).toBe(items.length);
          expect(shardImbalance(shards)).toBeLessThanOrEqual(0.1);
        },
      ),
      { numRuns: 50, seed: 17 },
    );
  });

  it('puts every test on exactly one shard, deterministically, and orders each shard by failure score', () => {
    const items: ShardItem[] = [
      { path: 'a', expectedS: 5, score: 0 },
      { path: 'b', expectedS: 4, score: 0 },
      { path: 'c', expectedS: 3, score: 2 },
      { path: 'd', expectedS: 3, score: 0 },
      { path: 'e', expectedS: 1, score: 0.5 },
    ];
    const shards = shardTests(items, 2);
    expect(shards.map((s) => s.tests.map((t) => t.path))).toEqual([
      ['a', 'd'],
      ['c', 'e', 'b'],
    ]);
    expect(shards.map((s) => s.expectedS)).toEqual([8, 8]);
    expect(shardTests([...items].reverse(), 2)).toEqual(shards);
  });

  it('balances the real test durations of a vitest report', () => {
    const xml = readFileSync(join(FIXTURES, 'vitest-junit.xml'), 'utf8');
    const times = [...xml.matchAll(/<testsuite name="([^"]+)"[^>]* time="([\d.]+)"/g)].map((m) => ({
      path: m[1]!,
      expectedS: Number(m[2]),
      score: 0,
    }));
    const shards = shardTests(times, 2);
    expect(shards.map((s) => s.tests.length)).toEqual([1, 1]);
  });

  it("keeps 2 shards of ai-ci's own 55 test files within 10% of the mean, on their recorded durations", () => {
    const xml = readFileSync(join(FIXTURES, 'vitest-junit-ai-ci.xml'), 'utf8');
    const times = [...xml.matchAll(/<testsuite name="([^"]+)"[^>]* time="([\d.]+)"/g)].map((m) => ({
      path: m[1]!,
      expectedS: Number(m[2]),
      score: 0,
    }));
    expect(times).toHaveLength(55);
    const shards = shardTests(times, 2);
    expect(shards.flatMap((s) => s.tests).length).toBe(55);
    expect(shardImbalance(shards)).toBeLessThanOrEqual(0.1);
    // Round-robin in file order, the split a runner's own --shard makes without durations, is far off.
    const roundRobin = [0, 1].map((i) => ({
      index: i,
      tests: times.filter((_, j) => j % 2 === i),
      expectedS: times.filter((_, j) => j % 2 === i).reduce((a, t) => a + t.expectedS, 0),
    }));
    expect(shardImbalance(roundRobin)).toBeGreaterThan(0.1);
  });

  it('rejects a shard count below one', () => {
    expect(() => shardTests([], 0)).toThrow(RangeError);
  });
});
