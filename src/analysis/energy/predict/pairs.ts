/** Which recorded run each commit is compared with: its nearest first-parent ancestor that has a report. */
import { spawnSync } from 'node:child_process';
import { GitError } from '../../select/index.js';
import type { RecordedRun } from './history.js';

function revList(repo: string, commit: string, max: number): string[] {
  const r = spawnSync('git', ['-C', repo, 'rev-list', '--first-parent', `--max-count=${max}`, commit], {
    encoding: 'utf8',
  });
  if (r.status !== 0) throw new GitError(`${commit}: not a commit in ${repo} (${r.stderr.trim()})`);
  return r.stdout.split('\n').filter(Boolean);
}

/**
 * The nearest run at or before `commit` on its first-parent line (at most `max` commits back), with how many
 * commits back it is; undefined when none is recorded.
 */
export function nearestRecorded(
  repo: string,
  history: ReadonlyMap<string, RecordedRun>,
  commit: string,
  max = 500,
): { run: RecordedRun; behind: number } | undefined {
  const line = revList(repo, commit, max);
  for (const [i, c] of line.entries()) {
    const run = history.get(c);
    if (run) return { run, behind: i };
  }
  return undefined;
}

export interface RunPair {
  base: RecordedRun;
  head: RecordedRun;
}

/** Every recorded run paired with the nearest recorded run before it; in first-parent order, oldest first. */
export function historyPairs(repo: string, history: ReadonlyMap<string, RecordedRun>): RunPair[] {
  const pairs: RunPair[] = [];
  for (const head of history.values()) {
    const parent = revList(repo, head.commit, 2)[1];
    const base = parent === undefined ? undefined : nearestRecorded(repo, history, parent)?.run;
    if (base) pairs.push({ base, head });
  }
  // Oldest first: a head's depth on its first-parent line.
  const depth = new Map(pairs.map((p) => [p.head.commit, revList(repo, p.head.commit, 100_000).length]));
  return pairs.sort((a, b) => depth.get(a.head.commit)! - depth.get(b.head.commit)!);
}
