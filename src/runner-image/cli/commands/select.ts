import { writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import {
  expectedDurations,
  type Framework,
  loadHead,
  planSelection,
  resolveCommit,
  runnerLine,
  type Selection,
  shardImbalance,
  shardTests,
} from '../../../analysis/select/index.js';
import { CliError, ExitCode } from '../exit-codes.js';
import { gateMode } from '../mode.js';
import { traceResult } from '../tracing.js';
import {
  DEFAULT_RULES_FILE,
  fraction,
  frameworkOption,
  guarded,
  loadRules,
  openStore,
  positiveInt,
  readText,
} from './select-common.js';
import { registerSelectHistory } from './select-history.js';

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
    .option(
      '--shadow',
      'print every test (everything runs) and keep the selection for select-report; also --mode report / AI_CI_MODE=report',
    )
    .option('--output <file>', 'also write the selection as JSON to this file')
    .option('--json', 'print the selection as JSON: each test with its reasons, and the expected time saved')
    .action(async (flags: SelectFlags) => {
      // Report mode (mode.ts) rolls the selection out the way teams adopt it: everything runs, the selection is kept.
      if (gateMode() === 'report') flags.shadow = true;
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
        traceResult((t) => t.select(plan, flags.shadow === true));
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
  registerSelectHistory(program);
}
