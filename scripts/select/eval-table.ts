/** The results of `npm run eval:select` and the table they print (one row per project and strategy). */
import type { Mutation } from './mutate.js';

export interface MutantResult {
  commit: string;
  file: string;
  mutation: Mutation;
  /** Test files that passed at the commit and fail (confirmed by a rerun) with the mutant. */
  killers: string[];
  /** Test files whose run on the mutant left no readable report (neither killer nor survivor). */
  unknown: string[];
  universe: number;
  /** Per strategy: files chosen, seconds chosen (baseline durations), caught (a probability for random). */
  select: { n: number; s: number; caught: boolean; full: boolean; seconds: number };
  changed: { n: number; s: number; caught: boolean };
  random: { n: number; s: number; caught: number };
  totalS: number;
}

/** P(a random choice of k of n files holds at least one of the m killers) = 1 − C(n−m, k) / C(n, k). */
export function randomCatch(n: number, m: number, k: number): number {
  if (m === 0) return 0;
  let miss = 1;
  for (let i = 0; i < k; i++) miss *= Math.max(0, n - m - i) / (n - i);
  return 1 - miss;
}

const pct = (x: number) => (Number.isNaN(x) ? '–' : `${(100 * x).toFixed(1)}%`);
const mean = (xs: number[]) => (xs.length === 0 ? Number.NaN : xs.reduce((a, b) => a + b, 0) / xs.length);
const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

export interface Section {
  project: string;
  frozen: number;
  results: MutantResult[];
  /** Mutants of commits where no test passed (nothing to kill), and mutants not reached (--max-minutes). */
  skipped: number;
  pending: number;
}

/**
 * Shares per strategy: caught = caught killed mutants / killed mutants (for random, the expected number); tests
 * and time = mean over all evaluated mutants of chosen files / universe and chosen seconds / universe seconds
 * (seconds from the commit's baseline run).
 */
export function table(
  hash: string,
  sections: readonly Section[],
  wallS: number,
  file = 'eval-heldout.json',
): string {
  const lines: string[] = [];
  const notes: string[] = [];
  for (const { project, frozen, results: rs, skipped, pending } of sections) {
    const killed = rs.filter((r) => r.killers.length > 0);
    const row = (name: string, caught: number[], n: number[], s: number[]) =>
      `| ${project} | ${name} | ${killed.length}/${rs.length} | ${sum(caught).toFixed(name.startsWith('random') ? 1 : 0)}/${killed.length} = ${pct(mean(caught))} | ${pct(mean(n))} | ${pct(mean(s))} |`;
    lines.push(
      row(
        'ai-ci select',
        killed.map((r) => Number(r.select.caught)),
        rs.map((r) => r.select.n / r.universe),
        rs.map((r) => r.select.s / r.totalS),
      ),
      row(
        '--changed (import graph only)',
        killed.map((r) => Number(r.changed.caught)),
        rs.map((r) => r.changed.n / r.universe),
        rs.map((r) => r.changed.s / r.totalS),
      ),
      row(
        'random, same size as select',
        killed.map((r) => r.random.caught),
        rs.map((r) => r.random.n / r.universe),
        rs.map((r) => r.random.s / r.totalS),
      ),
      row(
        'run all',
        killed.map(() => 1),
        rs.map(() => 1),
        rs.map(() => 1),
      ),
    );
    for (const m of killed.filter((r) => !r.select.caught))
      notes.push(
        `missed: ${project} ${m.commit.slice(0, 8)} ${m.file}:${m.mutation.line} ${m.mutation.from}→${m.mutation.to} killed by ${m.killers.join(' ')}`,
      );
    const full = rs.filter((r) => r.select.full).length;
    const unknown = rs.filter((r) => r.unknown.length > 0).length;
    const secs = rs.map((r) => r.select.seconds);
    notes.push(
      `${project}: ${rs.length} of ${frozen} frozen mutants evaluated in ${new Set(rs.map((r) => r.commit)).size} commits` +
        `${skipped > 0 ? `; ${skipped} in commits where no test passed` : ''}${pending > 0 ? `; ${pending} NOT YET RUN (--max-minutes; rerun to resume)` : ''}` +
        `; ${full} selections ran everything; ${unknown} with a test file that left no report; ` +
        `universe ${Math.min(...rs.map((r) => r.universe))}–${Math.max(...rs.map((r) => r.universe))} test files, ` +
        `${mean(rs.map((r) => r.totalS)).toFixed(1)} s of test time on average; select took ${mean(secs).toFixed(2)} s on average (max ${Math.max(...secs).toFixed(2)} s, loaded)`,
    );
  }
  return [
    `eval:select on the frozen held-out sample (scripts/select/${file}, SHA-256 ${hash}); ${wallS.toFixed(0)} s wall (loaded)`,
    '',
    '| project | strategy | killed/mutants | killed mutants caught | test files run | test time run |',
    '| --- | --- | --- | --- | --- | --- |',
    ...lines,
    '',
    ...notes.map((n) => `- ${n}`),
    '',
  ].join('\n');
}
