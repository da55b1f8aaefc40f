import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { type Command, InvalidArgumentError, Option } from 'commander';
import {
  changedFiles,
  type DependencyRule,
  expectedDurations,
  FRAMEWORKS,
  type Framework,
  GitError,
  listFiles,
  loadHead,
  parseCoveragePyJson,
  parseJunit,
  parseRules,
  planSelection,
  resolveCommit,
  runnerLine,
  SelectInputError,
  type Selection,
  SelectionStore,
  shadowReport,
  shardImbalance,
  shardTests,
} from '../../../analysis/select/index.js';
import { CliError, ExitCode } from '../exit-codes.js';

/** Where a repository declares its selection rules when --rules is not given. */
const DEFAULT_RULES_FILE = '.ai-ci/select.yaml';

function fraction(value: string): number {
  const v = Number(value);
  if (!(v >= 0 && v <= 1)) throw new InvalidArgumentError('must be a fraction between 0 and 1, e.g. 0.02');
  return v;
}

function positiveInt(value: string): number {
  const v = Number(value);
  if (!Number.isInteger(v) || v < 1) throw new InvalidArgumentError('must be a positive whole number');
  return v;
}

function readText(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new CliError(`${file}: ${code === 'ENOENT' ? 'does not exist' : `cannot be read (${code})`}`);
  }
}

/** Runs analysis code, turning its input errors into one-line CLI errors (exit 3). */
async function guarded<T>(work: () => T | Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (err) {
    if (err instanceof GitError || err instanceof SelectInputError) {
      throw new CliError(err.message, ExitCode.InputError);
    }
    throw err;
  }
}

function openStore(path: string | undefined): SelectionStore | undefined {
  if (path === undefined) return undefined;
  try {
    return SelectionStore.open(path);
  } catch (err) {
    throw new CliError(`${path}: cannot be opened as a selection history (${(err as Error).message})`);
  }
}

function loadRules(repo: string, file: string | undefined): DependencyRule[] {
  const path = file ?? join(repo, DEFAULT_RULES_FILE);
  if (file === undefined && !existsSync(path)) return [];
  return parseRules(path, readText(path));
}

interface SelectFlags {
  baseRef: string;
  headRef: string;
  framework: Framework;
  repo: string;
  history?: string;
  rules?: string;
  sampleRate?: number;
  fullEvery?: number;
  fullBranch: string[];
  branch?: string;
  shadow?: boolean;
  json?: boolean;
  output?: string;
}

/** The JSON document of a selection (also what `shard --selection` and `select-report` read). */
function selectionDocument(flags: SelectFlags, base: string, head: string, s: Selection) {
  return {
    framework: flags.framework,
    base,
    head,
    shadow: flags.shadow === true,
    full: s.full,
    ...(s.fullReason !== undefined ? { fullReason: s.fullReason } : {}),
    tests: s.selected,
    skipped: s.skipped,
    changes: s.coveredBy,
    expected: {
      totalSeconds: round(s.totalS),
      selectedSeconds: round(s.selectedS),
      savedSeconds: round(s.savedS),
      savedShare: s.totalS === 0 ? 0 : round(s.savedS / s.totalS),
    },
  };
}

const round = (x: number) => Math.round(x * 1000) / 1000;

const frameworkOption = () =>
  new Option('--framework <name>', 'the test runner: its test files and arguments')
    .choices(FRAMEWORKS)
    .makeOptionMandatory();

export function registerSelect(program: Command): void {
  program
    .command('select')
    .description(
      'choose the tests a change needs (import graph, declared rules, coverage and failure history) and print ' +
        'them as arguments for the test runner',
    )
    .requiredOption('--base-ref <ref>', 'the base of the change (e.g. origin/main); the merge base is used')
    .option('--head-ref <ref>', 'the head of the change', 'HEAD')
    .addOption(frameworkOption())
    .option('--repo <dir>', 'the git repository', '.')
    .option(
      '--history <db>',
      'selection history (SQLite, written by select-record): durations, flakiness, coverage',
    )
    .option('--rules <file>', `declared dependency rules (YAML; default ${DEFAULT_RULES_FILE} when present)`)
    .option('--sample-rate <fraction>', 'share of the other tests that run anyway (default 0.02)', fraction)
    .option(
      '--full-every <n>',
      'run everything when the head is the n-th commit (by commit count)',
      positiveInt,
    )
    .option('--full-branch <name...>', 'branches on which everything runs', ['main', 'master'])
    .option('--branch <name>', 'the branch being tested (default $GITHUB_REF_NAME)')
    .option('--shadow', 'print every test (everything runs) and keep the selection for select-report')
    .option('--output <file>', 'also write the selection as JSON to this file')
    .option('--json', 'print the selection as JSON: each test with its reasons, and the expected time saved')
    .action(async (flags: SelectFlags) => {
      const store = openStore(flags.history);
      try {
        const rules = await guarded(() => loadRules(flags.repo, flags.rules));
        const branch = flags.branch ?? process.env.GITHUB_REF_NAME;
        const plan = await guarded(() =>
          planSelection({
            repo: flags.repo,
            baseRef: flags.baseRef,
            headRef: flags.headRef,
            framework: flags.framework,
            rules,
            fullBranches: flags.fullBranch,
            ...(store !== undefined ? { store } : {}),
            ...(branch !== undefined && branch !== '' ? { branch } : {}),
            ...(flags.sampleRate !== undefined ? { sampleRate: flags.sampleRate } : {}),
            ...(flags.fullEvery !== undefined ? { fullEvery: flags.fullEvery } : {}),
          }),
        );
        const doc = selectionDocument(flags, plan.base, plan.head, plan.selection);
        if (flags.output !== undefined) writeFileSync(flags.output, `${JSON.stringify(doc, null, 2)}\n`);
        if (flags.json) {
          process.stdout.write(`${JSON.stringify(doc, null, 2)}\n`);
          return;
        }
        const run = flags.shadow ? plan.tests : plan.selection.selected.map((t) => t.path);
        process.stdout.write(`${runnerLine(flags.framework, run)}\n`);
        const s = plan.selection;
        process.stderr.write(
          `ai-ci select: ${s.selected.length} of ${plan.tests.length} test files` +
            (s.full ? ` (full run: ${s.fullReason})` : `, about ${Math.round(s.savedS)} s saved`) +
            (flags.shadow ? '; shadow mode: everything runs' : '') +
            '\n',
        );
      } finally {
        store?.close();
      }
    });

  program
    .command('shard')
    .description(
      'split the tests into duration-balanced shards (longest first onto the least-loaded shard) and print ' +
        'shard INDEX as runner arguments, likely failures first',
    )
    .requiredOption('--total <n>', 'number of shards', positiveInt)
    .requiredOption('--index <i>', 'this shard, 1..total', positiveInt)
    .addOption(frameworkOption())
    .option(
      '--selection <file>',
      'a selection written by `select --output` (default: every test at --head-ref)',
    )
    .option('--head-ref <ref>', 'the commit whose tests are sharded when no selection is given', 'HEAD')
    .option('--repo <dir>', 'the git repository', '.')
    .option('--history <db>', 'selection history: durations and failure rates')
    .option('--json', 'print every shard with its tests and expected seconds')
    .action(
      async (flags: {
        total: number;
        index: number;
        framework: Framework;
        selection?: string;
        headRef: string;
        repo: string;
        history?: string;
        json?: boolean;
      }) => {
        if (flags.index > flags.total) {
          throw new CliError(`--index ${flags.index} is larger than --total ${flags.total}`, ExitCode.Usage);
        }
        const store = openStore(flags.history);
        try {
          const stats = store?.testStats();
          let tests: { path: string; score: number }[];
          if (flags.selection !== undefined) {
            let doc: { tests?: { path?: unknown; score?: unknown }[] };
            try {
              doc = JSON.parse(readText(flags.selection));
            } catch (err) {
              if (err instanceof CliError) throw err;
              throw new CliError(`${flags.selection}: not valid JSON (${(err as Error).message})`);
            }
            if (!Array.isArray(doc.tests) || doc.tests.some((t) => typeof t.path !== 'string')) {
              throw new CliError(
                `${flags.selection}: "tests" must be a list of {path, …} (the output of select --output)`,
              );
            }
            tests = doc.tests.map((t) => ({
              path: t.path as string,
              score: typeof t.score === 'number' ? t.score : 0,
            }));
          } else {
            const head = await guarded(() => resolveCommit(flags.repo, flags.headRef));
            const { tests: all } = await guarded(() => loadHead(flags.repo, head, flags.framework, store));
            tests = all.map((path) => ({ path, score: 0 }));
          }
          const durations = expectedDurations(
            tests.map((t) => t.path),
            stats,
          );
          const shards = shardTests(
            tests.map((t) => ({
              path: t.path,
              expectedS: durations.get(t.path)!,
              score: t.score + (stats?.get(t.path)?.flaky ? 0 : (stats?.get(t.path)?.failureRate ?? 0)),
            })),
            flags.total,
          );
          if (flags.json) {
            const doc = {
              total: flags.total,
              imbalance: round(shardImbalance(shards)),
              shards: shards.map((s) => ({
                index: s.index + 1,
                expectedSeconds: round(s.expectedS),
                tests: s.tests.map((t) => t.path),
              })),
            };
            process.stdout.write(`${JSON.stringify(doc, null, 2)}\n`);
            return;
          }
          const mine = shards[flags.index - 1]!;
          process.stdout.write(
            `${runnerLine(
              flags.framework,
              mine.tests.map((t) => t.path),
            )}\n`,
          );
        } finally {
          store?.close();
        }
      },
    );

  program
    .command('select-record')
    .description('record a test run (JUnit XML) and optionally per-test coverage into the selection history')
    .requiredOption('--history <db>', 'selection history (SQLite; created when missing)')
    .requiredOption(
      '--junit <file...>',
      'JUnit XML reports of the run (pytest --junitxml, vitest --reporter=junit, …)',
    )
    .addOption(frameworkOption())
    .option('--commit <ref>', 'the commit that was tested', 'HEAD')
    .option('--base-ref <ref>', "the change's base: the files it changed are linked to the tests that failed")
    .option('--repo <dir>', 'the git repository', '.')
    .option('--branch <name>', 'the branch that was tested (default $GITHUB_REF_NAME)')
    .option('--full', 'every test ran (a full or shadow run)')
    .option('--coverage-py <file>', 'coverage.py JSON with per-test contexts (coverage json --show-contexts)')
    .action(
      async (flags: {
        history: string;
        junit: string[];
        framework: Framework;
        commit: string;
        baseRef?: string;
        repo: string;
        branch?: string;
        full?: boolean;
        coveragePy?: string;
      }) => {
        const store = openStore(flags.history)!;
        try {
          const commit = await guarded(() => resolveCommit(flags.repo, flags.commit));
          const files = await guarded(() => listFiles(flags.repo, commit));
          const known = new Set(files.map((f) => f.path));
          const results = await guarded(() => flags.junit.flatMap((f) => parseJunit(f, readText(f), known)));
          const changed =
            flags.baseRef === undefined
              ? []
              : (await guarded(() => changedFiles(flags.repo, flags.baseRef!, commit))).map((c) => c.path);
          const branch = flags.branch ?? process.env.GITHUB_REF_NAME ?? '';
          store.recordRun(
            { commit, branch, time: new Date().toISOString(), full: flags.full === true, changed },
            results,
          );
          let covered = 0;
          if (flags.coveragePy !== undefined) {
            const map = await guarded(() =>
              parseCoveragePyJson(flags.coveragePy!, readText(flags.coveragePy!)),
            );
            covered = store.recordCoverage(commit, map, new Map(files.map((f) => [f.path, f.hash])));
          }
          const unattributed = results.filter((r) => r.file === undefined).length;
          process.stdout.write(
            `recorded ${results.length - unattributed} test results of ${commit.slice(0, 12)}` +
              (unattributed > 0 ? ` (${unattributed} without a known test file skipped)` : '') +
              (covered > 0 ? `, ${covered} coverage links` : '') +
              '\n',
          );
        } finally {
          store.close();
        }
      },
    );

  program
    .command('select-report')
    .description(
      'shadow mode: compare a selection with the full run it shadowed and list the failures it would have missed',
    )
    .requiredOption('--selection <file>', 'the selection written by `select --shadow --output FILE`')
    .requiredOption('--junit <file...>', 'JUnit XML reports of the full run')
    .option('--repo <dir>', 'the git repository', '.')
    .option('--history <db>', 'selection history: known flaky tests are neither caught nor missed')
    .option('--fail-on-miss', 'exit 1 when the selection would have missed a failure')
    .option('--json', 'print the report as JSON')
    .action(
      async (flags: {
        selection: string;
        junit: string[];
        repo: string;
        history?: string;
        failOnMiss?: boolean;
        json?: boolean;
      }) => {
        let doc: { head?: string; tests?: { path: string }[] };
        try {
          doc = JSON.parse(readText(flags.selection));
        } catch (err) {
          if (err instanceof CliError) throw err;
          throw new CliError(`${flags.selection}: not valid JSON (${(err as Error).message})`);
        }
        if (!Array.isArray(doc.tests))
          throw new CliError(`${flags.selection}: has no "tests" list (the output of select --output)`);
        const known = new Set(
          doc.head !== undefined
            ? (await guarded(() => listFiles(flags.repo, doc.head!))).map((f) => f.path)
            : doc.tests.map((t) => t.path),
        );
        const results = await guarded(() => flags.junit.flatMap((f) => parseJunit(f, readText(f), known)));
        const store = openStore(flags.history);
        const flaky = store?.flakyTests() ?? new Set<string>();
        store?.close();
        const report = shadowReport(
          { selected: doc.tests.map((t) => ({ path: t.path, reasons: [], expectedS: 0, score: 0 })) },
          results
            .filter((r) => r.file !== undefined && r.outcome !== 'skipped')
            .map((r) => ({ test: r.file!, failed: r.outcome === 'failed', durationS: r.durationS })),
          flaky,
        );
        if (flags.json) process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
        else {
          process.stdout.write(
            `selection would have run ${(report.testShare * 100).toFixed(1)}% of test files, ${(report.timeShare * 100).toFixed(1)}% of test time\n` +
              `failed test files: ${report.failed.length}; caught ${report.caught.length}; missed ${report.missed.length}` +
              (report.flakyIgnored.length > 0 ? `; flaky, ignored: ${report.flakyIgnored.join(' ')}` : '') +
              '\n' +
              report.missed.map((m) => `missed: ${m}\n`).join(''),
          );
        }
        if (flags.failOnMiss && report.missed.length > 0) process.exitCode = ExitCode.Finding;
      },
    );
}
