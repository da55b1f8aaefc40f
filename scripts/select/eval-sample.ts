/**
 * The held-out samples of `npm run eval:select`: which commits of each project are replayed and which mutant goes
 * into each. Each is drawn once (seeded) from the git objects alone — no checkout, no test run, no selection — and
 * committed with its SHA-256 before anything is tuned; the evaluation refuses a list whose hash differs.
 *
 * - v1 (scripts/select/eval-heldout.json): the newest `window` commits of each project at its freeze; judged and
 *   reported once (README), so it can no longer judge new tuning.
 * - v2 (scripts/select/eval-heldout-v2.json): commits v1 neither held out nor offered for tuning — for ai-ci the
 *   commits made after v1's freeze head, for boltons the 250 commits before v1's window. Its tuning split is
 *   scripts/select/tune.ts's (v1's windows and ai-ci's other post-freeze commits).
 */

import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { seededRandom } from '../../src/analysis/perf/stats/rng.js';
import type { Project } from './eval-projects.js';
import { type Mutation, pythonMutations, scriptMutations } from './mutate.js';

export interface HeldOutMutant {
  project: string;
  commit: string;
  file: string;
  mutation: Mutation;
}

export interface HeldOut {
  seed: number;
  /**
   * Per project: the commits, mutants per commit and the git log range the sample was drawn from (v1: the newest
   * `window` commits of `source`'s head; v2: `range`, git log arguments).
   */
  projects: {
    name: string;
    source: string;
    commits: number;
    mutants: number;
    window?: number;
    range?: string[];
  }[];
  mutants: HeldOutMutant[];
}

export const HELDOUT_VERSIONS = ['v1', 'v2'] as const;
export type HeldOutVersion = (typeof HELDOUT_VERSIONS)[number];
/** The held-out sample the evaluation uses unless told otherwise (v1 was reported). */
export const CURRENT_HELDOUT: HeldOutVersion = 'v2';

export function heldOutFiles(version: HeldOutVersion): { file: string; hashFile: string } {
  const stem = version === 'v1' ? 'eval-heldout' : `eval-heldout-${version}`;
  return {
    file: join(import.meta.dirname, `${stem}.json`),
    hashFile: join(import.meta.dirname, `${stem}.sha256`),
  };
}

export const HELDOUT_FILE = heldOutFiles('v1').file;
export const HELDOUT_HASH_FILE = heldOutFiles('v1').hashFile;

const git = (dir: string, ...args: string[]) =>
  execFileSync('git', ['--git-dir', dir, ...args], { maxBuffer: 1 << 28 }).toString();

/** Lines of `file` that the commit added or changed (from the zero-context diff's hunk headers). */
function changedLines(gitDir: string, commit: string, file: string): Set<number> {
  const out = new Set<number>();
  for (const m of git(gitDir, 'diff', '-U0', `${commit}^`, commit, '--', file).matchAll(
    /^@@ -\S+ \+(\d+)(?:,(\d+))? @@/gm,
  )) {
    const start = Number(m[1]);
    const n = m[2] === undefined ? 1 : Number(m[2]);
    for (let i = 0; i < n; i++) out.add(start + i);
  }
  return out;
}

/**
 * Draws `counts.commits` commits (no merges, in the git log `range`, v1: the newest `window` of the head; changing
 * a mutable file) and `counts.mutants` mutants in each: a changed mutable file, then one operator site on a line the
 * commit changed (any site of the file when no changed line has one), all seeded.
 */
export async function drawProject(
  project: Project,
  range: readonly string[],
  seed: number,
  counts: { commits: number; mutants: number } = project,
): Promise<HeldOutMutant[]> {
  const random = seededRandom(seed);
  const candidates: string[] = [];
  let current = '';
  for (const line of git(
    project.source,
    'log',
    '--no-merges',
    '--format=@%H',
    '--name-status',
    ...range,
  ).split('\n')) {
    if (line.startsWith('@')) current = line.slice(1);
    else if (/^M\t/.test(line) && project.mutable.test(line.slice(2)) && candidates.at(-1) !== current)
      candidates.push(current);
  }
  candidates.reverse(); // oldest first: history grows as the replay moves forward
  const picked = new Set<string>();
  while (picked.size < Math.min(counts.commits, candidates.length))
    picked.add(candidates[Math.floor(random() * candidates.length)]!);
  const out: HeldOutMutant[] = [];
  for (const commit of candidates.filter((c) => picked.has(c))) {
    const changed = git(project.source, 'show', '--format=', '--name-status', '--no-renames', commit)
      .split('\n')
      .filter((l) => /^[AM]\t/.test(l) && project.mutable.test(l.slice(2)))
      .map((l) => l.slice(2));
    const seen = new Set<string>();
    for (let k = 0, tries = 0; k < counts.mutants && tries < 20 * counts.mutants; tries++) {
      const file = changed[Math.floor(random() * changed.length)]!;
      const text = git(project.source, 'show', `${commit}:${file}`);
      const sites =
        project.framework === 'pytest' ? await pythonMutations(text) : scriptMutations(file, text);
      const lines = changedLines(project.source, commit, file);
      const onChanged = sites.filter((s) => lines.has(s.line));
      const pool = onChanged.length > 0 ? onChanged : sites;
      if (pool.length === 0) continue;
      const mutation = pool[Math.floor(random() * pool.length)]!;
      const key = `${file}:${mutation.start}`;
      if (seen.has(key)) continue;
      seen.add(key);
      out.push({ project: project.name, commit, file, mutation });
      k++;
    }
  }
  return out;
}

export const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/** A committed held-out list, checked against its committed hash. */
export function loadHeldOut(version: HeldOutVersion = 'v1'): {
  heldOut: HeldOut;
  hash: string;
  file: string;
} {
  const { file, hashFile } = heldOutFiles(version);
  const text = readFileSync(file, 'utf8');
  const hash = sha256(text);
  const expected = readFileSync(hashFile, 'utf8').split(/\s/)[0];
  if (hash !== expected)
    throw new Error(
      `${file}: SHA-256 ${hash} differs from the frozen ${expected} (${hashFile}); the held-out sample was changed`,
    );
  return { heldOut: JSON.parse(text) as HeldOut, hash, file };
}
