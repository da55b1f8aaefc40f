/** `ai-ci perf record|import|export`: the benchmark history database (SQLite) in and out. */
import { statSync, writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import {
  defaultMachineClass,
  defaultRunner,
  importFile,
  importFolder,
} from '../../../analysis/perf/history/index.js';
import type { FormatName } from '../../../analysis/perf/parse/index.js';
import { CliError } from '../exit-codes.js';

import { formatOption, inputErrors, openHistory, readResults, warn } from './perf-common.js';

export function registerPerfHistory(perf: Command): void {
  perf
    .command('record')
    .description('add benchmark results to the history')
    .argument('<results>', 'benchmark results file')
    .requiredOption('--history <db>', 'history database (created when missing)')
    .addOption(formatOption())
    .option('--commit <sha>', 'commit measured (default: $GITHUB_SHA, else from the file)')
    .option('--branch <branch>', 'branch measured (default: $GITHUB_REF_NAME, else from the file)')
    .option('--time <iso>', 'when it was measured (default: from the file, else now)')
    .option('--machine <class>', 'machine class', defaultMachineClass())
    .option('--runner <name>', 'runner or host (default: $RUNNER_NAME, else the host name)', defaultRunner())
    .option('--json', 'print what was recorded as JSON')
    .action(
      async (
        resultsPath: string,
        flags: {
          history: string;
          format: FormatName;
          commit?: string;
          branch?: string;
          time?: string;
          machine: string;
          runner: string;
          json?: boolean;
        },
      ) => {
        const parsed = await readResults(resultsPath, flags.format);
        const store = await inputErrors(() => openHistory(flags.history, false));
        try {
          const commit = flags.commit ?? process.env.GITHUB_SHA ?? parsed.context.commit;
          const branch = flags.branch ?? process.env.GITHUB_REF_NAME ?? parsed.context.branch;
          const time = flags.time ?? parsed.context.time ?? new Date().toISOString();
          const added = await inputErrors(() =>
            store.record(parsed.results, {
              time,
              machine: flags.machine,
              runner: flags.runner,
              sourceFile: resultsPath,
              ...(commit ? { commit } : {}),
              ...(branch ? { branch } : {}),
            }),
          );
          for (const w of parsed.warnings) warn(w);
          const info = {
            file: resultsPath,
            history: flags.history,
            benchmarks: parsed.results.length,
            added,
            commit,
            branch,
            time,
            machine: flags.machine,
          };
          if (flags.json) process.stdout.write(`${JSON.stringify(info)}\n`);
          else {
            process.stdout.write(
              `recorded ${added} of ${parsed.results.length} benchmarks from ${resultsPath} into ${flags.history}` +
                `${added < parsed.results.length ? ' (the others were already there)' : ''}\n`,
            );
          }
        } finally {
          store.close();
        }
      },
    );

  perf
    .command('import')
    .description(
      'import past results into the history: a folder of results files (searched recursively), an ' +
        'ai-ci perf export file, or github-action-benchmark data.js',
    )
    .argument('<path>', 'folder or file')
    .requiredOption('--history <db>', 'history database (created when missing)')
    .addOption(formatOption())
    .option('--machine <class>', 'machine class of the imported results', defaultMachineClass())
    .option('--branch <branch>', 'branch for files that do not name one')
    .option('--json', 'print the import summary as JSON')
    .action(
      async (
        path: string,
        flags: { history: string; format: FormatName; machine: string; branch?: string; json?: boolean },
      ) => {
        const store = await inputErrors(() => openHistory(flags.history, false));
        try {
          const opts = {
            machine: flags.machine,
            ...(flags.branch ? { branch: flags.branch } : {}),
            ...(flags.format !== 'auto' ? { format: flags.format } : {}),
            onFile: (done: number, total: number) => {
              if (total >= 50 && (done % 50 === 0 || done === total)) {
                process.stderr.write(`ai-ci: imported ${done}/${total} files\n`);
              }
            },
          };
          let summary: Awaited<ReturnType<typeof importFolder>>;
          let isDir: boolean;
          try {
            isDir = statSync(path).isDirectory();
          } catch {
            throw new CliError(`${path}: does not exist`);
          }
          if (isDir) summary = await inputErrors(() => importFolder(store, path, opts));
          else {
            const one = await inputErrors(() => importFile(store, path, opts));
            summary = {
              files: 1,
              runsInserted: one.inserted,
              runsAlreadyThere: one.total - one.inserted,
              skipped: [],
            };
          }
          for (const s of summary.skipped) warn(`skipped ${s.reason}`);
          if (flags.json) process.stdout.write(`${JSON.stringify(summary)}\n`);
          else {
            process.stdout.write(
              `imported ${summary.runsInserted} runs from ${summary.files - summary.skipped.length} of ` +
                `${summary.files} files into ${flags.history} (${summary.runsAlreadyThere} were already there)\n`,
            );
          }
          if (summary.files > 0 && summary.skipped.length === summary.files) {
            throw new CliError(`${path}: none of the ${summary.files} files could be imported`);
          }
        } finally {
          store.close();
        }
      },
    );

  perf
    .command('export')
    .description(
      'write the whole history as JSON (for a workflow cache or branch; ai-ci perf import reads it)',
    )
    .requiredOption('--history <db>', 'history database')
    .option('--output <file>', 'write here instead of stdout')
    .action(async (flags: { history: string; output?: string }) => {
      const store = await inputErrors(() => openHistory(flags.history, true));
      try {
        const text = `${JSON.stringify(store.exportJson(new Date().toISOString()))}\n`;
        if (flags.output) {
          writeFileSync(flags.output, text);
          process.stderr.write(`ai-ci: exported ${store.count()} runs to ${flags.output}\n`);
        } else process.stdout.write(text);
      } finally {
        store.close();
      }
    });
}
