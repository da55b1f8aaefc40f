/**
 * `npm run eval:select`: test selection replayed on real histories with injected faults.
 *
 * The sample is frozen first (`--freeze`, scripts/select/eval-sample.ts; v1 was reported, v2 is the current one): per project, commits that changed
 * source files and one operator mutant (scripts/select/mutate.ts) per draw, on a line the commit changed. At each
 * commit C the universe of test files runs once (baseline: which pass, how long each takes); then for each mutant
 * the change C^ → C+mutant is committed, the strategies choose tests for it, and every test file that passed at C
 * runs: the files that fail now (twice: a rerun confirms, so a flaky failure is no kill) kill the mutant. A
 * strategy catches a killed mutant when it chose at least one killing file.
 *
 * Strategies, side by side: `ai-ci select` (import graph, rules, references, 2% sample; history = durations of
 * the earlier replayed commits' baseline runs and, for projects marked `v8Coverage` (ai-ci), the V8 function
 * coverage of one run of the universe at the change's base C^ with ai-ci's hook, as a CI that records every full
 * run of main would hold), `--changed` (import graph only: the changed test files and the tests that import a
 * changed file, as `vitest --changed` / `jest --onlyChanged`), random files of the same number as `ai-ci select`
 * chose (its expected catch rate, exact), and run-all.
 *
 * Bounded: the frozen list fixes the number of commits and mutants per project; every run has a time limit;
 * progress goes to stderr; each baseline and mutant result is appended to .cache/eval-select/<hash>-<project>.jsonl
 * and reused, so an interrupted evaluation (or one stopped by --max-minutes) resumes where it stopped.
 *
 *   npx tsx scripts/select/eval.ts --freeze                     # draw and write held-out v2 (once)
 *   npx tsx scripts/select/eval.ts [--heldout v1|v2] [--project ai-ci|boltons] [--max-minutes M]
 */
import { execFileSync } from 'node:child_process';
import {
  appendFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import {
  type FunctionCoverage,
  listFiles,
  planSelection,
  SelectionStore,
  testsReaching,
} from '../../src/analysis/select/index.js';
import {
  type FileOutcome,
  killersOf,
  PROJECTS,
  type Project,
  ROOT,
  recordV8Coverage,
  runTests,
} from './eval-projects.js';
import {
  CURRENT_HELDOUT,
  drawProject,
  HELDOUT_VERSIONS,
  type HeldOut,
  type HeldOutMutant,
  type HeldOutVersion,
  heldOutFiles,
  loadHeldOut,
  sha256,
} from './eval-sample.js';
import { type MutantResult, randomCatch, table } from './eval-table.js';
import { applyMutation } from './mutate.js';

const { values } = parseArgs({
  options: {
    freeze: { type: 'boolean', default: false },
    project: { type: 'string', multiple: true },
    'max-minutes': { type: 'string' },
    seed: { type: 'string', default: '17' },
    heldout: { type: 'string', default: CURRENT_HELDOUT },
  },
});
const version = values.heldout as HeldOutVersion;
if (!HELDOUT_VERSIONS.includes(version))
  throw new Error(`--heldout must be one of ${HELDOUT_VERSIONS.join(', ')}`);

/**
 * Held-out v2, drawn from commits that neither v1 nor v1's tuning split used: ai-ci's commits made after v1's
 * freeze head, and the 250 boltons commits before v1's window of 250 (boltons' history did not go on).
 */
const V2_DRAW: Record<
  string,
  { commits: number; mutants: number; range: (v1Head: string, head: string) => string[] }
> = {
  boltons: { commits: 10, mutants: 4, range: (v1Head) => ['--skip', '250', '-n', '250', v1Head] },
  'ai-ci': { commits: 6, mutants: 3, range: (v1Head, head) => [`${v1Head}..${head}`] },
};

// Mutant commits get a fixed date: the same mutant makes the same commit, so the selection's sample (seeded by the
// head commit) is the same on every run.
const git = (dir: string, ...args: string[]) =>
  execFileSync('git', ['-C', dir, '-c', 'user.name=eval', '-c', 'user.email=eval@example.com', ...args], {
    maxBuffer: 1 << 28,
    env: {
      ...process.env,
      GIT_AUTHOR_DATE: '2000-01-01T00:00:00Z',
      GIT_COMMITTER_DATE: '2000-01-01T00:00:00Z',
    },
  }).toString();

const started = performance.now();
const elapsedS = () => (performance.now() - started) / 1000;
const deadlineS = values['max-minutes'] === undefined ? Infinity : 60 * Number(values['max-minutes']);

interface BaseRecord {
  kind: 'base';
  commit: string;
  outcomes: [string, FileOutcome][];
  wallS: number;
  changed: string[];
}
/** V8 function coverage of a full run at a change's base: test → [source, functions that ran, that did not][]. */
interface CoverageRecord {
  kind: 'coverage';
  commit: string;
  tests: [string, [string, string[], string[]][]][] | null;
  wallS: number;
}
type CacheRecord = BaseRecord | CoverageRecord | { kind: 'mutant'; id: string; result: MutantResult };

const keyOf = (r: CacheRecord) =>
  r.kind === 'base' ? `base:${r.commit}` : r.kind === 'coverage' ? `coverage:${r.commit}` : r.id;

const mutantId = (m: HeldOutMutant) => `${m.commit}:${m.file}:${m.mutation.start}:${m.mutation.to}`;

async function evaluate(
  project: Project,
  mutants: readonly HeldOutMutant[],
  cacheFile: string,
): Promise<{ results: MutantResult[]; skipped: number; pending: number }> {
  const cached = new Map<string, CacheRecord>();
  if (existsSync(cacheFile))
    for (const line of readFileSync(cacheFile, 'utf8').split('\n'))
      if (line !== '') {
        const r = JSON.parse(line) as CacheRecord;
        cached.set(keyOf(r), r);
      }
  const remember = (key: string, r: CacheRecord) => {
    cached.set(key, r);
    appendFileSync(cacheFile, `${JSON.stringify(r)}\n`);
  };
  const dir = mkdtempSync(join(tmpdir(), `eval-select-${project.name}-`));
  const results: MutantResult[] = [];
  let skipped = 0;
  let pending = 0;
  let done = 0;
  const store = SelectionStore.open(':memory:');
  try {
    git(tmpdir(), 'clone', '-q', '--no-checkout', project.source, dir);
    const checkout = (commit: string) => {
      git(dir, 'checkout', '-qf', '--detach', commit);
      git(dir, 'clean', '-qfdx', '-e', 'node_modules');
      project.prepare?.(dir);
    };
    const commits = [...new Set(mutants.map((m) => m.commit))];
    for (const commit of commits) {
      const own = mutants.filter((m) => m.commit === commit);
      if (own.every((m) => !cached.has(mutantId(m))) && elapsedS() > deadlineS) {
        pending += own.length;
        continue;
      }
      let checkedOut = false;
      const files = git(dir, 'ls-tree', '-r', '--name-only', commit)
        .split('\n')
        .filter((p) => p !== '');
      const known = new Set(files);
      const universe = files.filter(project.universe);
      let base = cached.get(`base:${commit}`) as BaseRecord | undefined;
      if (base === undefined) {
        checkout(commit);
        checkedOut = true;
        const run = runTests(
          project,
          dir,
          universe,
          join(dir, '..', `${project.name}-base.xml`),
          known,
          project.baseTimeoutS,
        );
        const changed = git(dir, 'show', '--format=', '--name-only', '--no-renames', commit)
          .split('\n')
          .filter((p) => p !== '');
        base = { kind: 'base', commit, outcomes: [...(run.files ?? [])], wallS: run.wallS, changed };
        remember(`base:${commit}`, base);
        process.stderr.write(
          `${project.name} ${commit.slice(0, 8)} baseline: ${base.outcomes.length}/${universe.length} files reported in ${run.wallS.toFixed(0)} s${run.timedOut ? ' (timed out)' : ''}\n`,
        );
      }
      const outcomesAtC = new Map(base.outcomes);
      const passing = universe.filter((t) => outcomesAtC.get(t)?.failed === false);
      if (passing.length === 0) {
        process.stderr.write(
          `${project.name} ${commit.slice(0, 8)}: no test passes at this commit; skipped\n`,
        );
        skipped += own.length;
        continue;
      }
      if (project.v8Coverage === true && own.some((m) => !cached.has(mutantId(m)))) {
        // The history of a CI that records V8 function coverage on every full run of main: a run at the base.
        const parent = git(dir, 'rev-parse', `${commit}^`).trim();
        let cov = cached.get(`coverage:${parent}`) as CoverageRecord | undefined;
        const parentFiles = listFiles(dir, parent);
        if (cov === undefined) {
          checkout(parent);
          checkedOut = true;
          const parentKnown = new Set(parentFiles.map((f) => f.path));
          const run = recordV8Coverage(
            project,
            dir,
            parentFiles.map((f) => f.path).filter(project.universe),
            join(dir, '..', `${project.name}-cov.xml`),
            parentKnown,
            project.baseTimeoutS,
          );
          cov = {
            kind: 'coverage',
            commit: parent,
            tests:
              run.coverage === undefined
                ? null
                : [...run.coverage].map(([t, sources]) => [
                    t,
                    [...sources].map(([s, f]): [string, string[], string[]] => [s, [...f.ran], [...f.idle]]),
                  ]),
            wallS: run.wallS,
          };
          remember(`coverage:${parent}`, cov);
          process.stderr.write(
            `${project.name} ${parent.slice(0, 8)} (base of ${commit.slice(0, 8)}) V8 coverage: ${cov.tests?.length ?? 0} test files in ${run.wallS.toFixed(0)} s\n`,
          );
        }
        if (cov.tests !== null) {
          const functions: FunctionCoverage = new Map(
            cov.tests.map(([t, sources]) => [
              t,
              new Map(sources.map(([s, ran, idle]) => [s, { ran: new Set(ran), idle: new Set(idle) }])),
            ]),
          );
          store.recordFunctions(parent, functions, new Map(parentFiles.map((f) => [f.path, f.hash])));
        }
      }
      for (const m of own) {
        const hit = cached.get(mutantId(m));
        if (hit?.kind === 'mutant') {
          results.push(hit.result);
          done++;
          continue;
        }
        if (elapsedS() > deadlineS) {
          pending++;
          continue;
        }
        checkout(commit);
        checkedOut = true;
        const text = readFileSync(join(dir, m.file), 'utf8');
        if (text.slice(m.mutation.start, m.mutation.end) !== m.mutation.from)
          throw new Error(
            `${m.file} at ${commit}: the frozen mutation site no longer holds ${m.mutation.from}`,
          );
        writeFileSync(join(dir, m.file), applyMutation(text, m.mutation));
        git(dir, 'commit', '-qam', 'mutant');
        const t0 = performance.now();
        const plan = await planSelection({
          repo: dir,
          baseRef: `${commit}^`,
          headRef: 'HEAD',
          framework: project.framework,
          store,
        });
        const selectS = (performance.now() - t0) / 1000;
        const inUniverse = new Set(passing);
        const chosen = plan.selection.selected.map((t) => t.path).filter((t) => inUniverse.has(t));
        const changedPaths = git(dir, 'diff', '--name-only', `${commit}^`, 'HEAD')
          .split('\n')
          .filter((p) => p !== '');
        const byGraph = new Set([
          ...changedPaths.filter((p) => inUniverse.has(p)),
          ...[...testsReaching(plan.graph, changedPaths, (p) => inUniverse.has(p)).keys()],
        ]);
        const junit = join(dir, '..', `${project.name}-mutant.xml`);
        const k = killersOf(project, dir, passing, junit, known, outcomesAtC, base.wallS);
        let killers = k.killers;
        if (killers.length > 0) {
          // Confirm: a killer that passes on a second run was flaky, not killed by the mutant.
          const again = runTests(project, dir, killers, junit, known, Math.max(60, 4 * base.wallS));
          if (again.files !== undefined)
            killers = killers.filter((t) => k.timedOut.includes(t) || (again.files!.get(t)?.failed ?? true));
        }
        const secs = (ts: Iterable<string>) => [...ts].reduce((s, t) => s + (outcomesAtC.get(t)?.s ?? 0), 0);
        const totalS = secs(passing);
        const caught = (set: Iterable<string>) => {
          const s = new Set(set);
          return killers.some((t) => s.has(t));
        };
        const r: MutantResult = {
          commit,
          file: m.file,
          mutation: m.mutation,
          killers,
          unknown: k.unknown,
          universe: passing.length,
          select: {
            n: chosen.length,
            s: secs(chosen),
            caught: caught(chosen),
            full: plan.selection.full,
            seconds: selectS,
          },
          changed: { n: byGraph.size, s: secs(byGraph), caught: caught(byGraph) },
          random: {
            n: chosen.length,
            s: (totalS * chosen.length) / passing.length,
            caught: randomCatch(passing.length, killers.length, chosen.length),
          },
          totalS,
        };
        remember(mutantId(m), { kind: 'mutant', id: mutantId(m), result: r });
        results.push(r);
        done++;
        process.stderr.write(
          `[${done}/${mutants.length} ${elapsedS().toFixed(0)} s] ${project.name} ${commit.slice(0, 8)} ${m.file}:${m.mutation.line} ${m.mutation.from}→${m.mutation.to}: ` +
            `killed by ${killers.length}, select ${r.select.n}/${r.universe} ${r.select.caught ? 'caught' : killers.length ? 'MISSED' : '-'}` +
            `${r.select.full ? ' (full)' : ''}, changed ${r.changed.n} ${r.changed.caught ? 'caught' : killers.length ? 'missed' : '-'}\n`,
        );
      }
      if (checkedOut) git(dir, 'checkout', '-qf', '--detach', commit);
      // The baseline run becomes history (durations) for the later commits.
      store.recordRun(
        { commit, time: new Date(0).toISOString(), full: true, changed: base.changed },
        base.outcomes.map(([file, o]) => ({
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
  return { results, skipped, pending };
}

if (values.freeze) {
  if (version !== 'v2') throw new Error('--freeze draws held-out v2 (v1 is frozen and reported)');
  const { file, hashFile } = heldOutFiles(version);
  if (existsSync(hashFile)) throw new Error(`${hashFile} exists: held-out ${version} is frozen already`);
  const seed = Number(values.seed);
  const v1 = loadHeldOut('v1').heldOut;
  const heldOut: HeldOut = { seed, projects: [], mutants: [] };
  for (const p of PROJECTS) {
    const head = execFileSync('git', ['--git-dir', p.source, 'rev-parse', 'HEAD']).toString().trim();
    const v1Head = v1.projects
      .find((q) => q.name === p.name)!
      .source.split('@')
      .at(-1)!;
    const draw = V2_DRAW[p.name]!;
    const range = draw.range(v1Head, head);
    heldOut.projects.push({
      name: p.name,
      source: `${p.source.replace(ROOT, '.')}@${head}`,
      commits: draw.commits,
      mutants: draw.mutants,
      range,
    });
    heldOut.mutants.push(...(await drawProject(p, range, seed, draw)));
  }
  const text = `${JSON.stringify(heldOut, null, 2)}\n`;
  writeFileSync(file, text);
  writeFileSync(hashFile, `${sha256(text)}  ${file.split('/').at(-1)}\n`);
  process.stdout.write(`${heldOut.mutants.length} mutants frozen; SHA-256 ${sha256(text)}\n`);
} else {
  const { heldOut, hash, file } = loadHeldOut(version);
  const cacheDir = join(ROOT, '.cache', 'eval-select');
  mkdirSync(cacheDir, { recursive: true });
  const wanted = values.project ?? PROJECTS.map((p) => p.name);
  const sections = [];
  for (const project of PROJECTS.filter((p) => wanted.includes(p.name))) {
    const mutants = heldOut.mutants.filter((m) => m.project === project.name);
    const out = await evaluate(
      project,
      mutants,
      join(cacheDir, `${hash.slice(0, 12)}-${project.name}.jsonl`),
    );
    sections.push({ project: project.name, frozen: mutants.length, ...out });
  }
  process.stdout.write(table(hash, sections, elapsedS(), file.split('/').at(-1)));
}
