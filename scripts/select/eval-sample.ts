/**
 * The held-out sample of `npm run eval:select`: which commits of each project are replayed and which mutant goes
 * into each. It is drawn once (seeded) from the git objects alone — no checkout, no test run, no selection — and
 * committed with its SHA-256 (scripts/select/eval-heldout.json, .sha256) before anything is tuned; the
 * evaluation refuses a list whose hash differs.
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
  /** Per project: the commits, mutants per commit and window the sample was drawn with. */
  projects: { name: string; source: string; commits: number; mutants: number; window: number }[];
  mutants: HeldOutMutant[];
}

export const HELDOUT_FILE = join(import.meta.dirname, 'eval-heldout.json');
export const HELDOUT_HASH_FILE = join(import.meta.dirname, 'eval-heldout.sha256');

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
 * Draws `project.commits` commits (no merges, among the newest `window` of `head`, changing a mutable file) and
 * `project.mutants` mutants in each: a changed mutable file, then one operator site on a line the commit changed
 * (any site of the file when no changed line has one), all seeded.
 */
export async function drawProject(project: Project, head: string, seed: number): Promise<HeldOutMutant[]> {
  const random = seededRandom(seed);
  const candidates: string[] = [];
  let current = '';
  for (const line of git(
    project.source,
    'log',
    '--no-merges',
    '--format=@%H',
    '--name-status',
    '-n',
    String(project.window),
    head,
  ).split('\n')) {
    if (line.startsWith('@')) current = line.slice(1);
    else if (/^M\t/.test(line) && project.mutable.test(line.slice(2)) && candidates.at(-1) !== current)
      candidates.push(current);
  }
  candidates.reverse(); // oldest first: history grows as the replay moves forward
  const picked = new Set<string>();
  while (picked.size < Math.min(project.commits, candidates.length))
    picked.add(candidates[Math.floor(random() * candidates.length)]!);
  const out: HeldOutMutant[] = [];
  for (const commit of candidates.filter((c) => picked.has(c))) {
    const changed = git(project.source, 'show', '--format=', '--name-status', '--no-renames', commit)
      .split('\n')
      .filter((l) => /^[AM]\t/.test(l) && project.mutable.test(l.slice(2)))
      .map((l) => l.slice(2));
    const seen = new Set<string>();
    for (let k = 0, tries = 0; k < project.mutants && tries < 20 * project.mutants; tries++) {
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

/** The committed held-out list, checked against its committed hash. */
export function loadHeldOut(): { heldOut: HeldOut; hash: string } {
  const text = readFileSync(HELDOUT_FILE, 'utf8');
  const hash = sha256(text);
  const expected = readFileSync(HELDOUT_HASH_FILE, 'utf8').split(/\s/)[0];
  if (hash !== expected)
    throw new Error(
      `${HELDOUT_FILE}: SHA-256 ${hash} differs from the frozen ${expected} (${HELDOUT_HASH_FILE}); the held-out sample was changed`,
    );
  return { heldOut: JSON.parse(text) as HeldOut, hash };
}
