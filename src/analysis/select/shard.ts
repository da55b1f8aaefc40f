/** A test to place on a shard: its expected seconds and its likelihood-of-failure score. */
export interface ShardItem {
  path: string;
  expectedS: number;
  score: number;
}

export interface Shard {
  index: number;
  /** In run order: most likely failures first, then longest first. */
  tests: ShardItem[];
  expectedS: number;
}

/**
 * Splits tests into `total` shards by longest-processing-time-first (each test, longest first, goes to the
 * shard with the least expected time so far; at most 4/3 of the optimum makespan, Graham 1969). Deterministic:
 * ties break on path, so every shard's job computes the same split. Inside a shard, likely failures run first so
 * a failing change fails fast.
 */
export function shardTests(items: readonly ShardItem[], total: number): Shard[] {
  if (!Number.isInteger(total) || total < 1)
    throw new RangeError(`total shards must be a positive integer, got ${total}`);
  const shards: Shard[] = Array.from({ length: total }, (_, index) => ({ index, tests: [], expectedS: 0 }));
  const ordered = [...items].sort((a, b) => b.expectedS - a.expectedS || (a.path < b.path ? -1 : 1));
  for (const item of ordered) {
    let best = shards[0]!;
    for (const s of shards) if (s.expectedS < best.expectedS) best = s;
    best.tests.push(item);
    best.expectedS += item.expectedS;
  }
  for (const s of shards) {
    s.tests.sort((a, b) => b.score - a.score || b.expectedS - a.expectedS || (a.path < b.path ? -1 : 1));
  }
  return shards;
}

/** The largest relative distance of a shard's expected time from the mean shard time. */
export function shardImbalance(shards: readonly Shard[]): number {
  const mean = shards.reduce((s, x) => s + x.expectedS, 0) / shards.length;
  if (mean === 0) return 0;
  return Math.max(...shards.map((s) => Math.abs(s.expectedS - mean) / mean));
}
