/**
 * The fastest round as a second opinion on a regression. A machine that disturbs a run (another job on the
 * core, frequency drops, page cache) slows some of its rounds and leaves its fastest rounds near their usual
 * time; a code change slows every round, the fastest too. On the 30 unchanged pytest-benchmark runs recorded on
 * a shared 2-core machine (test/fixtures/perf/real/pytest), the run nodata-19 read +47–78% in its medians while
 * the fastest round of two of its three benchmarks stayed within 6% of the runs before it.
 *
 * The fastest round is what timeit reports and pyperf warns about: it hides changes that slow only some calls,
 * so it never decides alone. report/analysis.ts asks it only about a regression, and only to turn one the
 * fastest round does not share into 'inconclusive' (with the reason), never into a pass or an improvement.
 */
import type { BenchmarkResult } from './parse/types.js';

/** Fewest rounds whose minimum is read as the run's fastest round. */
export const MIN_FASTEST_ROUNDS = 5;
/**
 * A regression is the machine's, not the code's, when the fastest round moved less than this share of the
 * median's move and is not a regression itself.
 */
export const FASTEST_SHARE = 0.5;

/**
 * The fastest round of a run where smaller is better: the minimum of its rounds (at least MIN_FASTEST_ROUNDS),
 * or the minimum the tool reported with a summary (pytest-benchmark's stats.min, kept in `extra.min`).
 */
export function fastestOf(
  run: Pick<BenchmarkResult, 'samples' | 'samplesKind' | 'extra' | 'direction'>,
): number | undefined {
  if (run.direction !== 'smaller-is-better') return undefined;
  if (run.samplesKind === 'raw') {
    if (run.samples.length < MIN_FASTEST_ROUNDS) return undefined;
    let min = Number.POSITIVE_INFINITY;
    for (const v of run.samples) if (v < min) min = v;
    return min > 0 && Number.isFinite(min) ? min : undefined;
  }
  const min = run.extra.min;
  return typeof min === 'number' && Number.isFinite(min) && min > 0 ? min : undefined;
}
