/**
 * The tuning split of `npm run eval:select` for held-out v2: commits that are NOT in held-out v2, on which the
 * selection's defaults may be studied and tuned. Per project: v1's draw window at v1's freeze head (v1's held-out
 * commits included: v1 was reported, it judges nothing any more) and, for ai-ci, the commits between v1's and v2's
 * freeze heads, less held-out v2's commits; each changing a mutable source file, as the draws require. Commits made
 * after v2's freeze are in neither (kept for a later held-out).
 * No test runs here: for each commit it prints what `ai-ci select` chooses of the evaluation's test universe
 * (share of files), whether it runs everything and why, so that the causes of wide selections can be read.
 *
 * With `--durations FILE` (JUnit XML of one run of the universe) it also prints the share of test time, each test
 * file weighted by its duration there, and, per commit, the changed file whose tests take the most time.
 *
 * With `--coverage` (projects whose eval history holds V8 function coverage: ai-ci) the universe runs once at
 * each commit's parent with ai-ci's V8 hook, as the evaluation does, and the selection uses that history; the
 * coverage is kept in .cache/select-tune/ (one file per parent commit) for later runs. Slow: one run of the
 * universe per commit (about 90 s for ai-ci on the 2-core VM); bound it with `--limit` / `--skip`.
 *
 *   npx tsx scripts/select/tune.ts [--project ai-ci|boltons] [--limit 200] [--skip 0] [--durations junit.xml] [--coverage]
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import {
  type FunctionCoverage,
  listFiles,
  planSelection,
  SelectionStore,
} from '../../src/analysis/select/index.js';
import { outcomes, PROJECTS, ROOT, recordV8Coverage } from './eval-projects.js';
import { loadHeldOut } from './eval-sample.js';

const { values } = parseArgs({
  options: {
    project: { type: 'string', multiple: true },
    limit: { type: 'string', default: '200' },
    skip: { type: 'string', default: '0' },
    durations: { type: 'string' },
    coverage: { type: 'boolean', default: false },
  },
});

const v1 = loadHeldOut('v1').heldOut;
const v2 = loadHeldOut('v2').heldOut;
const heldCommits = new Set(v2.mutants.map((m) => m.commit));

for (const project of PROJECTS.filter((p) => (values.project ?? ['ai-ci', 'boltons']).includes(p.name))) {
  const git = (...args: string[]) =>
    execFileSync('git', ['--git-dir', project.source, ...args], { maxBuffer: 1 << 28 }).toString();
  const frozen = v1.projects.find((p) => p.name === project.name)!;
  const freezeHead = frozen.source.split('@').at(-1)!;
  const v2Head = v2.projects
    .find((p) => p.name === project.name)!
    .source.split('@')
    .at(-1)!;
  const ranges = [['-n', String(frozen.window), freezeHead]];
  if (v2Head !== freezeHead) ranges.push([`${freezeHead}..${v2Head}`]);
  const commits: string[] = [];
  for (const range of ranges) {
    let current = '';
    for (const line of git('log', '--no-merges', '--format=@%H', '--name-status', ...range).split('\n')) {
      if (line.startsWith('@')) current = line.slice(1);
      else if (/^M\t/.test(line) && project.mutable.test(line.slice(2)) && commits.at(-1) !== current)
        commits.push(current);
    }
  }
  const split = commits
    .filter((c) => !heldCommits.has(c))
    .slice(Number(values.skip), Number(values.skip) + Number(values.limit));
  const withCoverage = values.coverage && project.v8Coverage === true;
  const checkout = withCoverage ? mkdtempSync(join(tmpdir(), `tune-${project.name}-`)) : undefined;
  if (checkout !== undefined) {
    execFileSync('git', ['clone', '-q', '--no-checkout', project.source, checkout]);
    project.prepare?.(checkout);
  }
  const cacheDir = join(ROOT, '.cache', 'select-tune');
  mkdirSync(cacheDir, { recursive: true });
  /** V8 function coverage of the universe run at `parent`, from the cache or run now. */
  const coverageAt = (parent: string): FunctionCoverage | undefined => {
    const file = join(cacheDir, `${project.name}-${parent}.json`);
    let tests: [string, [string, string[], string[]][]][] | null;
    if (existsSync(file)) tests = JSON.parse(readFileSync(file, 'utf8'));
    else {
      execFileSync('git', ['-C', checkout!, 'checkout', '-qf', '--detach', parent]);
      execFileSync('git', ['-C', checkout!, 'clean', '-qfdx', '-e', 'node_modules']);
      const files = listFiles(checkout!, parent).map((f) => f.path);
      const run = recordV8Coverage(
        project,
        checkout!,
        files.filter(project.universe),
        join(checkout!, '..', `tune-${project.name}.xml`),
        new Set(files),
        project.baseTimeoutS,
      );
      tests =
        run.coverage === undefined
          ? null
          : [...run.coverage].map(([t, m]) => [t, [...m].map(([src, f]) => [src, [...f.ran], [...f.idle]])]);
      writeFileSync(file, JSON.stringify(tests));
      process.stderr.write(
        `${parent.slice(0, 8)}: coverage of ${tests?.length ?? 0} test files in ${run.wallS.toFixed(0)} s\n`,
      );
    }
    if (tests === null) return undefined;
    return new Map(
      tests.map(([t, m]) => [
        t,
        new Map(m.map(([src, ran, idle]) => [src, { ran: new Set(ran), idle: new Set(idle) }])),
      ]),
    );
  };
  const repo = git('rev-parse', '--absolute-git-dir').trim();
  const shares: number[] = [];
  const timeShares: number[] = [];
  const known = new Set(git('ls-tree', '-r', '--name-only', v2Head).split('\n').filter(project.universe));
  const durations = values.durations === undefined ? undefined : outcomes(values.durations, known);
  const secs = (t: string) => durations?.get(t)?.s;
  const fullReasons = new Map<string, number>();
  process.stdout.write(
    `\n${project.name}: tuning split of ${split.length} commits (${ranges.map((r) => r.join(' ')).join(' and ')}; held-out commits left out)\n`,
  );
  for (const commit of split) {
    const universe = git('ls-tree', '-r', '--name-only', commit).split('\n').filter(project.universe);
    let store: SelectionStore | undefined;
    if (withCoverage) {
      const parent = git('rev-parse', `${commit}^`).trim();
      const functions = coverageAt(parent);
      store = SelectionStore.open(':memory:');
      if (functions !== undefined)
        store.recordFunctions(
          parent,
          functions,
          new Map(listFiles(repo, parent).map((f) => [f.path, f.hash])),
        );
    }
    const plan = await planSelection({
      repo,
      baseRef: `${commit}^`,
      headRef: commit,
      framework: project.framework,
      sampleRate: 0,
      ...(store !== undefined ? { store } : {}),
    });
    store?.close();
    const inUniverse = new Set(universe);
    const chosen = plan.selection.selected.filter((t) => inUniverse.has(t.path)).length;
    const share = universe.length === 0 ? 0 : chosen / universe.length;
    shares.push(share);
    const why = plan.selection.fullReason ?? '';
    if (plan.selection.full) {
      const key = why.replace(/^\S+ changed/, (m) => m.replace(/[^/ ]+\//g, '…/'));
      fullReasons.set(key, (fullReasons.get(key) ?? 0) + 1);
    }
    const subject = git('log', '-1', '--format=%s', commit).trim().slice(0, 70);
    let time = '';
    if (durations !== undefined) {
      // Tests not in the durations run (removed since) count the mean known time.
      const known = universe.map(secs).filter((x): x is number => x !== undefined);
      const fallback = known.reduce((a, b) => a + b, 0) / Math.max(1, known.length);
      const s = (t: string) => secs(t) ?? fallback;
      const total = universe.reduce((a, t) => a + s(t), 0);
      const chosenS = plan.selection.selected
        .filter((t) => inUniverse.has(t.path))
        .reduce((a, t) => a + s(t.path), 0);
      timeShares.push(total === 0 ? 0 : chosenS / total);
      // The changed file whose tests cost the most (the first reason's detail ends at the changed file).
      const byOrigin = new Map<string, number>();
      for (const t of plan.selection.selected.filter((t) => inUniverse.has(t.path)))
        for (const origin of new Set(
          t.reasons.map((r) => `${r.kind}:${r.detail.split(' → ').at(-1)!.split(' names ')[0]}`),
        ))
          byOrigin.set(origin, (byOrigin.get(origin) ?? 0) + s(t.path));
      const top = [...byOrigin].sort((a, b) => b[1] - a[1])[0];
      time = ` time ${(100 * timeShares.at(-1)!).toFixed(0)}%${top !== undefined && !plan.selection.full ? ` [top ${top[0]} ${((100 * top[1]) / total).toFixed(0)}%]` : ''}`;
    }
    process.stdout.write(
      `${commit.slice(0, 8)} ${plan.selection.coveredBy.length} files → ${chosen}/${universe.length} tests (${(100 * share).toFixed(0)}%)${time}${plan.selection.full ? ` FULL: ${why}` : ''}  ${subject}\n`,
    );
  }
  const mean = shares.reduce((a, b) => a + b, 0) / Math.max(1, shares.length);
  const meanTime = timeShares.reduce((a, b) => a + b, 0) / Math.max(1, timeShares.length);
  process.stdout.write(
    `${project.name}: mean share of test files ${(100 * mean).toFixed(1)}%${durations !== undefined ? `, of test time ${(100 * meanTime).toFixed(1)}%` : ''}; full runs by reason:\n`,
  );
  for (const [k, n] of [...fullReasons].sort((a, b) => b[1] - a[1])) process.stdout.write(`  ${n}× ${k}\n`);
  if (checkout !== undefined) rmSync(checkout, { recursive: true, force: true });
}
