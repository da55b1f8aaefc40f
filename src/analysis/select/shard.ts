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
 * shard with the least expected time so far; at most 4/3 of the optimum makespan, Graham 1969), then narrows the
 * gap between the heaviest and lightest shard by moves and swaps. Deterministic:
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
  rebalance(shards);
  for (const s of shards) {
    s.tests.sort((a, b) => b.score - a.score || b.expectedS - a.expectedS || (a.path < b.path ? -1 : 1));
  }
  return shards;
}

/**
 * Local search after LPT: move one test, or swap two, between the heaviest and the lightest shard while that
 * narrows their gap (LPT alone leaves up to one test's length of imbalance; this closes most of it).
 */
function rebalance(shards: Shard[]): void {
  for (let round = 0; round < 1_000; round++) {
    let heavy = shards[0]!;
    let light = shards[0]!;
    for (const s of shards) {
      if (s.expectedS > heavy.expectedS) heavy = s;
      if (s.expectedS < light.expectedS) light = s;
    }
    const gap = heavy.expectedS - light.expectedS;
    if (gap <= 0) return;
    // The best exchange moves δ closest to gap/2 with 0 < δ < gap (δ = heavy item − light item, or a move).
    let best: { i: number; j: number; delta: number } | undefined;
    const consider = (i: number, j: number, delta: number) => {
      if (
        delta > 0 &&
        delta < gap &&
        (best === undefined || Math.abs(gap / 2 - delta) < Math.abs(gap / 2 - best.delta))
      ) {
        best = { i, j, delta };
      }
    };
    for (let i = 0; i < heavy.tests.length; i++) {
      const h = heavy.tests[i]!.expectedS;
      consider(i, -1, h);
      for (let j = 0; j < light.tests.length; j++) consider(i, j, h - light.tests[j]!.expectedS);
    }
    // Stop when the exchange would not narrow the gap by a meaningful amount (floating-point crumbs).
    if (best === undefined || gap - Math.abs(gap - 2 * best.delta) < 1e-9 * heavy.expectedS) return;
    const moved = heavy.tests[best.i]!;
    if (best.j < 0) {
      heavy.tests.splice(best.i, 1);
    } else {
      heavy.tests[best.i] = light.tests[best.j]!;
      light.tests.splice(best.j, 1);
    }
    light.tests.push(moved);
    heavy.expectedS -= best.delta;
    light.expectedS += best.delta;
  }
}

/** The largest relative distance of a shard's expected time from the mean shard time. */
export function shardImbalance(shards: readonly Shard[]): number {
  const mean = shards.reduce((s, x) => s + x.expectedS, 0) / shards.length;
  if (mean === 0) return 0;
  return Math.max(...shards.map((s) => Math.abs(s.expectedS - mean) / mean));
}
