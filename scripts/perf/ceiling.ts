/**
 * How far can ANY score of a single candidate run get on the labelled set? `npm run eval:perf` prints this
 * beside the targets, so a missed target can be told apart from a weak detector.
 *
 * Each score is a number per comparison (+ = worse) that is swept over every threshold; the best threshold is
 * chosen on the evaluated set itself, so these figures are optimistic for the scores, never for ai-ci:
 *   - the ratio to the previous run: the score of the fixed-threshold tools (github-action-benchmark,
 *     CodSpeed, asv) at whatever threshold would suit this set best;
 *   - the change against the history's local level (an exponentially weighted average of the earlier runs,
 *     which follows the machine's slow wander that a plain median of the regime does not);
 *   - an oracle: the change against the local level after removing the run-wide shift measured on the
 *     benchmarks of the same file that truly did not change. It reads the labels, so no detector can have it:
 *     it bounds what common-mode rejection could ever gain.
 */
import type { LabelledComparison } from '../../src/analysis/perf/dataset/index.js';
import { median } from '../../src/analysis/perf/stats/robust.js';

/** Weight of the newest run in the local level (0.5: the level mostly follows the last few runs). */
export const LOCAL_LEVEL_WEIGHT = 0.5;

function orient(c: LabelledComparison): 1 | -1 {
  return c.direction === 'smaller-is-better' ? 1 : -1;
}

/** Oriented log ratio of the candidate's median to the baseline run's median. */
export function previousRunScore(c: LabelledComparison): number {
  return orient(c) * Math.log(median(c.input.candidate) / median(c.input.baseline));
}

/**
 * Exponentially weighted level of a series of run medians, oldest first (the history ends with the baseline
 * run). Without history, the baseline run's median.
 */
export function localLevel(
  history: readonly number[],
  baselineMedian: number,
  weight = LOCAL_LEVEL_WEIGHT,
): number {
  if (history.length === 0) return baselineMedian;
  let level = Math.log(history[0]!);
  for (let i = 1; i < history.length; i++) level = weight * Math.log(history[i]!) + (1 - weight) * level;
  return Math.exp(level);
}

/** Oriented log ratio of the candidate's median to the history's local level. */
export function localLevelScore(c: LabelledComparison): number {
  const level = localLevel(c.input.history, median(c.input.baseline));
  return orient(c) * Math.log(median(c.input.candidate) / level);
}

/**
 * localLevelScore minus the run-wide shift: the median local-level score of the file's other benchmarks whose
 * label says they did not change (0 when the file has none). Reads the labels: a bound, not a detector.
 */
export function oracleCommonModeScores(all: readonly LabelledComparison[]): Map<string, number> {
  const byFile = new Map<string, LabelledComparison[]>();
  for (const c of all) byFile.set(c.file, [...(byFile.get(c.file) ?? []), c]);
  const out = new Map<string, number>();
  for (const members of byFile.values()) {
    const own = members.map(localLevelScore);
    members.forEach((c, i) => {
      const unchanged = members.flatMap((m, j) => (j !== i && m.kind === 'no-change' ? [own[j]!] : []));
      out.set(c.id, own[i]! - (unchanged.length > 0 ? median(unchanged) : 0));
    });
  }
  return out;
}
