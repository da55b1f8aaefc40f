import { resolve } from 'node:path';
import type { Command } from 'commander';
import {
  changedFiles,
  type Framework,
  isTestFile,
  listFiles,
  parseCoveragePyJson,
  parseJunit,
  parseV8Functions,
  readV8CoverageDir,
  resolveCommit,
  shadowReport,
  v8HookPath,
} from '../../../analysis/select/index.js';
import { CliError, ExitCode } from '../exit-codes.js';
import { traceResult } from '../tracing.js';

import { frameworkOption, guarded, openStore, readText } from './select-common.js';

export function registerSelectHistory(program: Command): void {
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
    .option(
      '--coverage-v8 <dir>',
      'V8 function coverage of the run: the NODE_V8_COVERAGE folder of a run with NODE_OPTIONS=--import=$(ai-ci select-v8-hook)',
    )
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
        coverageV8?: string;
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
          if (flags.coverageV8 !== undefined) {
            const dir = flags.coverageV8;
            const docs = await guarded(() => readV8CoverageDir(dir));
            const map = await guarded(() =>
              parseV8Functions(
                dir,
                docs,
                resolve(flags.repo),
                (p) => known.has(p) && isTestFile(flags.framework, p),
              ),
            );
            covered += store.recordFunctions(commit, map, new Map(files.map((f) => [f.path, f.hash])));
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
    .command('select-v8-hook')
    .description(
      "print the path of ai-ci's V8 coverage hook, for NODE_V8_COVERAGE=DIR NODE_OPTIONS=--import=PATH in the run that select-record --coverage-v8 DIR reads",
    )
    .action(() => {
      process.stdout.write(`${v8HookPath()}\n`);
    });

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
        traceResult((t) => t.selectReport(report, flags.failOnMiss === true));
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
