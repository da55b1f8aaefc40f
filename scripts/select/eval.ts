/**
 * `npm run eval:select`: test selection replayed on real histories with injected faults.
 *
 * For each project, commits that changed source files are sampled (seeded) from its git history. At each
 * commit C the project's tests run once (baseline: which pass, how long each file takes); then for each mutant —
 * one operator mutation (scripts/select/mutate.ts) in a source file C changed, on a line C changed when it has
 * a site there — the change C^ → C+mutant is committed, the strategies choose tests for it, and the whole test
 * universe runs: the test files that passed at C and fail now kill the mutant. A strategy catches a killed
 * mutant when it chose at least one killing test file.
 *
 * Strategies, side by side: `ai-ci select` (import graph, rules, references, 2% sample; history = durations of
 * the earlier replayed commits' baseline runs), `--changed` (import graph only: the changed test files and the
 * tests that import a changed file, as `vitest --changed` / `jest --onlyChanged`), random files of the same
 * number as `ai-ci select` chose (its expected catch rate, exact), and run-all.
 *
 * Projects: ai-ci's own history (vitest; universe: the unit tests of test/analysis/ and test/carbon/, which the
 * sampled mutants' files — src/analysis/** and src/carbon/** — are tested by) and boltons (mahmoud/boltons,
 * pytest; tests/ under Debian's python3-pytest). No parameter of the selection was tuned on these projects.
 *
 *   npx tsx scripts/select/eval.ts [--project ai-ci|boltons] [--commits N] [--mutants M] [--seed S]
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { seededRandom } from '../../src/analysis/perf/stats/rng.js';
import {
  type Framework,
  parseJunit,
  planSelection,
  SelectionStore,
  testsReaching,
} from '../../src/analysis/select/index.js';
import { applyMutation, type Mutation, pythonMutations, scriptMutations } from './mutate.js';

const { values } = parseArgs({
  options: {
    project: { type: 'string', multiple: true },
    commits: { type: 'string' },
    mutants: { type: 'string', default: '2' },
    seed: { type: 'string', default: '17' },
  },
});

interface Project {
  name: string;
  /** Where the history is read from (a git directory). */
  source: string;
  framework: Framework;
  commits: number;
  /** How many of the newest commits to sample from (old ones may not run under today's tools). */
  window: number;
  /** Source files mutants go into. */
  mutable: RegExp;
  /** Test files of the universe. */
  universe: (path: string) => boolean;
  /** Runs the given test files in `dir`, writing JUnit XML to `junit`. */
  run: (dir: string, tests: readonly string[], junit: string) => void;
  prepare?: (dir: string) => void;
}

const ROOT = join(import.meta.dirname, '..', '..');

const PROJECTS: Project[] = [
  {
    name: 'boltons',
    source: '/work/.mirror/mahmoud+boltons/repo',
    framework: 'pytest',
    commits: 8,
    window: 250,
    mutable: /^boltons\/[^/]+\.py$/,
    universe: (p) => /^tests\/test_[^/]+\.py$/.test(p),
    run: (dir, tests, junit) => {
      spawnSync(
        '/usr/bin/python3',
        [
          '-m',
          'pytest',
          '-q',
          '-p',
          'no:cacheprovider',
          '-o',
          'addopts=',
          '--continue-on-collection-errors',
          `--junitxml=${junit}`,
          ...tests,
        ],
        {
          cwd: dir,
          timeout: 300_000,
          stdio: 'ignore',
        },
      );
    },
  },
  {
    name: 'ai-ci',
    source: join(ROOT, '.git'),
    framework: 'vitest',
    commits: 3,
    window: 150,
    mutable: /^src\/(?:analysis|carbon)\/.+\.ts$/,
    universe: (p) => /^test\/(?:analysis|carbon)\/.+\.test\.ts$/.test(p),
    prepare: (dir) => {
      if (!existsSync(join(dir, 'node_modules')))
        symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'));
    },
    run: (dir, tests, junit) => {
      spawnSync(
        join(ROOT, 'node_modules/.bin/vitest'),
        ['run', '--project', 'unit', '--reporter=junit', `--outputFile=${junit}`, ...tests],
        {
          cwd: dir,
          timeout: 600_000,
          stdio: 'ignore',
        },
      );
    },
  },
];

const git = (dir: string, ...args: string[]) =>
  execFileSync('git', ['-C', dir, '-c', 'user.name=eval', '-c', 'user.email=eval@example.com', ...args], {
    maxBuffer: 1 << 28,
  }).toString();

/** Lines of `file` that the commit added or changed (from the zero-context diff's hunk headers). */
function changedLines(dir: string, commit: string, file: string): Set<number> {
  const out = new Set<number>();
  for (const m of git(dir, 'diff', '-U0', `${commit}^`, commit, '--', file).matchAll(
    /^@@ -\S+ \+(\d+)(?:,(\d+))? @@/gm,
  )) {
    const start = Number(m[1]);
    const n = m[2] === undefined ? 1 : Number(m[2]);
    for (let i = 0; i < n; i++) out.add(start + i);
  }
  return out;
}

/** Per test file of a JUnit report: failed or not, seconds. */
function outcomes(junit: string, known: ReadonlySet<string>): Map<string, { failed: boolean; s: number }> {
  const map = new Map<string, { failed: boolean; s: number }>();
  if (!existsSync(junit)) return map;
  for (const r of parseJunit(junit, readFileSync(junit, 'utf8'), known)) {
    if (r.file === undefined || r.outcome === 'skipped') continue;
    const prev = map.get(r.file) ?? { failed: false, s: 0 };
    map.set(r.file, { failed: prev.failed || r.outcome === 'failed', s: prev.s + r.durationS });
  }
  return map;
}

interface MutantResult {
  commit: string;
  file: string;
  mutation: Mutation;
  killers: string[];
  universe: number;
  /** Per strategy: files chosen, seconds chosen, caught (probability for random). */
  select: { n: number; s: number; caught: boolean; full: boolean };
  changed: { n: number; s: number; caught: boolean };
  random: { n: number; s: number; caught: number };
  totalS: number;
}

/** P(a random choice of k of n files holds at least one of the m killers) = 1 − C(n−m, k) / C(n, k). */
function randomCatch(n: number, m: number, k: number): number {
  if (m === 0) return 0;
  let miss = 1;
  for (let i = 0; i < k; i++) miss *= Math.max(0, n - m - i) / (n - i);
  return 1 - miss;
}

async function evaluate(
  project: Project,
  commitsWanted: number,
  mutantsPerCommit: number,
  seed: number,
): Promise<MutantResult[]> {
  const random = seededRandom(seed);
  const dir = mkdtempSync(join(tmpdir(), `eval-select-${project.name}-`));
  const results: MutantResult[] = [];
  const store = SelectionStore.open(':memory:');
  try {
    git(tmpdir(), 'clone', '-q', '--no-checkout', project.source, dir);
    // One log call: each commit's hash line, then its name-status lines.
    const candidates: string[] = [];
    let current = '';
    for (const line of git(
      dir,
      'log',
      '--no-merges',
      '--format=@%H',
      '--name-status',
      '-n',
      String(project.window),
    ).split('\n')) {
      if (line.startsWith('@')) current = line.slice(1);
      else if (/^M\t/.test(line) && project.mutable.test(line.slice(2)) && candidates.at(-1) !== current)
        candidates.push(current);
    }
    candidates.reverse(); // oldest first: history grows as the replay moves forward
    const picked = new Set<string>();
    while (picked.size < Math.min(commitsWanted, candidates.length))
      picked.add(candidates[Math.floor(random() * candidates.length)]!);
    const commits = candidates.filter((c) => picked.has(c));
    for (const commit of commits) {
      git(dir, 'checkout', '-qf', '--detach', commit);
      git(dir, 'clean', '-qfdx', '-e', 'node_modules');
      project.prepare?.(dir);
      const files = git(dir, 'ls-files')
        .split('\n')
        .filter((p) => p !== '');
      const known = new Set(files);
      const universe = files.filter(project.universe);
      const junit = join(dir, '..', `${project.name}-${commit.slice(0, 8)}-base.xml`);
      project.run(dir, universe, junit);
      const base = outcomes(junit, known);
      const passing = universe.filter((t) => base.has(t) && !base.get(t)!.failed);
      if (passing.length === 0) {
        process.stderr.write(
          `${project.name} ${commit.slice(0, 8)}: no test passes at this commit; skipped\n`,
        );
        continue;
      }
      const changed = git(dir, 'show', '--format=', '--name-status', commit)
        .split('\n')
        .filter((l) => /^[AM]\t/.test(l) && project.mutable.test(l.slice(2)))
        .map((l) => l.slice(2));
      for (let k = 0; k < mutantsPerCommit; k++) {
        const file = changed[Math.floor(random() * changed.length)]!;
        const text = readFileSync(join(dir, file), 'utf8');
        const sites =
          project.framework === 'pytest' ? await pythonMutations(text) : scriptMutations(file, text);
        const lines = changedLines(dir, commit, file);
        const onChanged = sites.filter((s) => lines.has(s.line));
        const pool = onChanged.length > 0 ? onChanged : sites;
        if (pool.length === 0) continue;
        const mutation = pool[Math.floor(random() * pool.length)]!;
        writeFileSync(join(dir, file), applyMutation(text, mutation));
        git(dir, 'commit', '-qam', 'mutant');
        const plan = await planSelection({
          repo: dir,
          baseRef: `${commit}^`,
          headRef: 'HEAD',
          framework: project.framework,
          store,
        });
        const inUniverse = new Set(passing);
        const chosen = plan.selection.selected.map((t) => t.path).filter((t) => inUniverse.has(t));
        const changedPaths = git(dir, 'diff', '--name-only', `${commit}^`, 'HEAD')
          .split('\n')
          .filter((p) => p !== '');
        const byGraph = new Set([
          ...changedPaths.filter((p) => inUniverse.has(p)),
          ...[...testsReaching(plan.graph, changedPaths, (p) => inUniverse.has(p)).keys()],
        ]);
        const mjunit = join(dir, '..', `${project.name}-${commit.slice(0, 8)}-m${k}.xml`);
        project.run(dir, passing, mjunit);
        const after = outcomes(mjunit, known);
        // A file that passed at C and now fails or no longer reports (crashed on import) killed the mutant.
        const killers = passing.filter((t) => after.get(t)?.failed ?? true);
        const secs = (ts: Iterable<string>) => [...ts].reduce((s, t) => s + (base.get(t)?.s ?? 0), 0);
        const totalS = secs(passing);
        const hit = (set: Iterable<string>) => {
          const s = new Set(set);
          return killers.some((t) => s.has(t));
        };
        results.push({
          commit,
          file,
          mutation,
          killers,
          universe: passing.length,
          select: { n: chosen.length, s: secs(chosen), caught: hit(chosen), full: plan.selection.full },
          changed: { n: byGraph.size, s: secs(byGraph), caught: hit(byGraph) },
          random: {
            n: chosen.length,
            s: (totalS * chosen.length) / passing.length,
            caught: randomCatch(passing.length, killers.length, chosen.length),
          },
          totalS,
        });
        const r = results.at(-1)!;
        process.stderr.write(
          `${project.name} ${commit.slice(0, 8)} ${file}:${mutation.line} ${mutation.from}→${mutation.to}: ` +
            `killed by ${killers.length}, select ${r.select.n}/${r.universe} ${r.select.caught ? 'caught' : killers.length ? 'MISSED' : '-'}` +
            `${r.select.full ? ' (full)' : ''}, changed ${r.changed.n} ${r.changed.caught ? 'caught' : killers.length ? 'missed' : '-'}\n`,
        );
        git(dir, 'checkout', '-qf', '--detach', commit);
      }
      // The baseline run becomes history (durations) for the later commits.
      store.recordRun(
        { commit, time: new Date(0).toISOString(), full: true, changed },
        [...base].map(([file, o]) => ({
          file,
          name: file,
          outcome: o.failed ? 'failed' : 'passed',
          durationS: o.s,
        })),
      );
    }
  } finally {
    store.close();
    rmSync(dir, { recursive: true, force: true });
  }
  return results;
}

const pct = (x: number) => `${(100 * x).toFixed(1)}%`;
const mean = (xs: number[]) => (xs.length === 0 ? Number.NaN : xs.reduce((a, b) => a + b, 0) / xs.length);

const wanted = values.project ?? PROJECTS.map((p) => p.name);
const lines: string[] = [];
for (const project of PROJECTS.filter((p) => wanted.includes(p.name))) {
  const commits = values.commits === undefined ? project.commits : Number(values.commits);
  const rs = await evaluate(project, commits, Number(values.mutants), Number(values.seed));
  const killed = rs.filter((r) => r.killers.length > 0);
  const row = (name: string, caught: number[], n: number[], s: number[]) =>
    `| ${project.name} | ${name} | ${killed.length}/${rs.length} | ${pct(mean(caught))} | ${pct(mean(n))} | ${pct(mean(s))} |`;
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
      'random, same size',
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
  const missed = killed.filter((r) => !r.select.caught);
  for (const m of missed) {
    lines.push(
      `<!-- missed: ${project.name} ${m.commit.slice(0, 8)} ${m.file}:${m.mutation.line} ${m.mutation.from}→${m.mutation.to} killed by ${m.killers.join(' ')} -->`,
    );
  }
  const full = rs.filter((r) => r.select.full).length;
  lines.push(
    `<!-- ${project.name}: ${rs.length} mutants in ${new Set(rs.map((r) => r.commit)).size} commits; ${full} selections ran everything -->`,
  );
}
process.stdout.write(
  [
    `eval:select (seed ${values.seed}; mutants per commit ${values.mutants}; shares are means over all mutants, catch over killed ones)`,
    '',
    '| project | strategy | killed/mutants | killed mutants caught | test files run | test time run |',
    '| --- | --- | --- | --- | --- | --- |',
    ...lines,
    '',
  ].join('\n'),
);
