import { appendFileSync, existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Command, InvalidArgumentError, Option } from 'commander';
import { loadNoise } from '../../../analysis/perf/dataset/noise.js';
import { FEATURE_NAMES } from '../../../analysis/perf/features.js';
import {
  defaultMachineClass,
  defaultRunner,
  HistoryStore,
  importFile,
  importFolder,
} from '../../../analysis/perf/history/index.js';
import { ModelBreaker } from '../../../analysis/perf/model/breaker.js';
import { modelCard } from '../../../analysis/perf/model/card.js';
import type { OnnxProbabilityModel } from '../../../analysis/perf/model/onnx-model.js';
import { trainAndEvaluate } from '../../../analysis/perf/model/pipeline.js';
import { noiseFromFolder, noiseFromRuns } from '../../../analysis/perf/model/training-data.js';
import {
  FORMAT_NAMES,
  type FormatName,
  parseResultsFile,
  ResultsFileError,
} from '../../../analysis/perf/parse/index.js';
import { analyzeResults } from '../../../analysis/perf/report/analysis.js';
import { annotations } from '../../../analysis/perf/report/annotations.js';
import { baselineLookup } from '../../../analysis/perf/report/lookup.js';
import { upsertPrComment } from '../../../analysis/perf/report/pr-comment.js';
import { markdownSummary, textReport } from '../../../analysis/perf/report/summary.js';
import type { AnalysisReport } from '../../../analysis/perf/report/types.js';
import { CliError, ExitCode } from '../exit-codes.js';
import { registerPerfAb } from './perf-ab.js';
import { registerPerfChangepoints } from './perf-changepoints.js';

/** The model shipped with ai-ci, beside the package (the same depth from src/ and dist/). */
export const DEFAULT_MODEL_PATH = fileURLToPath(
  new URL('../../../../models/performance-predictor.onnx', import.meta.url),
);

/** Runs of the base branch a new result is compared with. */
const DEFAULT_BASELINE_RUNS = 30;

function probability(value: string): number {
  const v = Number(value);
  if (!(v > 0.5 && v < 1))
    throw new InvalidArgumentError('must be a probability between 0.5 and 1, e.g. 0.95');
  return v;
}

function fraction(value: string): number {
  const v = Number(value);
  if (!(v >= 0 && v < 1)) throw new InvalidArgumentError('must be a fraction such as 0.05 (5%)');
  return v;
}

function positiveInt(value: string): number {
  const v = Number(value);
  if (!Number.isInteger(v) || v < 1) throw new InvalidArgumentError('must be a positive whole number');
  return v;
}

function formatOption(flags = '--format <format>', what = 'results format') {
  return new Option(flags, `${what} (default: detected from the file)`)
    .choices([...FORMAT_NAMES])
    .default('auto');
}

function warn(message: string): void {
  process.stderr.write(`ai-ci: warning: ${message}\n`);
}

/** Runs `fn`, turning unusable input into exit code 3 with the message naming the file and field. */
async function inputErrors<T>(fn: () => Promise<T> | T): Promise<T> {
  try {
    return await fn();
  } catch (err) {
    if (err instanceof ResultsFileError) throw new CliError(err.message, ExitCode.InputError);
    throw err;
  }
}

function openHistory(path: string, mustExist: boolean): HistoryStore {
  if (mustExist && !existsSync(path)) {
    throw new CliError(
      `${path}: history database does not exist (create it with ai-ci perf record or import)`,
    );
  }
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  return HistoryStore.open(path);
}

/** The pull request number from --pr or from the event payload GitHub Actions writes. */
function pullNumber(explicit: number | undefined, env: NodeJS.ProcessEnv): number | undefined {
  if (explicit !== undefined) return explicit;
  const path = env.GITHUB_EVENT_PATH;
  if (!path || !existsSync(path)) return undefined;
  try {
    const event = JSON.parse(readFileSync(path, 'utf8')) as {
      pull_request?: { number?: number };
      number?: number;
    };
    return event.pull_request?.number ?? undefined;
  } catch {
    return undefined;
  }
}

interface AnalyzeFlags {
  format: FormatName;
  history?: string;
  baseline?: string;
  baselineFormat: FormatName;
  model: string | false;
  device: 'auto' | 'cpu' | 'cuda';
  threshold: number;
  minChange?: number;
  targetChange?: number;
  priorNoise?: number;
  baseBranch?: string;
  machine: string;
  baselineRuns: number;
  commit?: string;
  failOn: 'regression' | 'none';
  json?: boolean;
  annotations?: boolean;
  summary?: string;
  prComment?: boolean;
  pr?: number;
  reportJson?: string;
  githubOutput?: string;
  record?: boolean;
  sameJob?: boolean;
}

async function analyze(resultsPath: string, flags: AnalyzeFlags): Promise<void> {
  const env = process.env;
  if (flags.sameJob && !flags.baseline) {
    throw new CliError(
      '--same-job needs --baseline FILE (the base commit measured in this job)',
      ExitCode.Usage,
    );
  }
  if (!flags.history && !flags.baseline) {
    throw new CliError('nothing to compare with: give --history DB or --baseline FILE', ExitCode.Usage);
  }
  if (flags.record && !flags.history) throw new CliError('--record needs --history DB', ExitCode.Usage);
  if (flags.sameJob && !flags.baseline) {
    throw new CliError(
      '--same-job needs --baseline FILE (the base commit measured in this job)',
      ExitCode.Usage,
    );
  }
  const parsed = await inputErrors(() => parseResultsFile(resultsPath, flags.format));
  const previous = flags.baseline
    ? await inputErrors(() => parseResultsFile(flags.baseline!, flags.baselineFormat))
    : undefined;
  // A workflow's first run has no history yet: every benchmark is then reported without a baseline.
  let store: HistoryStore | undefined;
  if (flags.history && !flags.record && !existsSync(flags.history)) {
    warn(`history ${flags.history} does not exist yet; nothing to compare with there`);
    store = HistoryStore.open(':memory:');
  } else if (flags.history) {
    store = await inputErrors(() => openHistory(flags.history!, false));
  }
  const commit = flags.commit ?? env.GITHUB_SHA ?? parsed.context.commit;
  const branch = flags.baseBranch;
  try {
    const sources: string[] = [];
    if (previous) sources.push(`the results in ${flags.baseline}`);
    if (store) {
      sources.push(
        `${flags.history} (last ${flags.baselineRuns} runs${branch ? ` on ${branch}` : ''}, machine ${flags.machine})`,
      );
    }
    const lookup = baselineLookup({
      ...(store ? { store } : {}),
      ...(previous ? { previous, previousFile: flags.baseline! } : {}),
      machine: flags.machine,
      ...(branch ? { branch } : {}),
      ...(commit ? { commit } : {}),
      baselineRuns: flags.baselineRuns,
      ...(flags.sameJob ? { sameJob: true } : {}),
    });

    const modelPath = flags.model === false ? undefined : flags.model;
    const breaker = await ModelBreaker.load(modelPath, FEATURE_NAMES, warn, flags.device);
    const inner = breaker.model as OnnxProbabilityModel | undefined;
    const report = await analyzeResults(
      parsed,
      lookup,
      {
        breaker,
        ...(modelPath ? { path: modelPath } : {}),
        ...(inner ? { executionProvider: inner.executionProvider } : {}),
        ...(modelPath && !breaker.available ? { problem: breakerProblem(modelPath) } : {}),
      },
      {
        threshold: flags.threshold,
        failOn: flags.failOn,
        baselineSource: flags.sameJob
          ? `the results in ${flags.baseline}, measured in this job (same-job comparison)`
          : sources.join(' and '),
        ...(flags.sameJob ? { sameJob: true } : {}),
        ...(flags.minChange !== undefined ? { minRelativeChange: flags.minChange } : {}),
        ...(flags.targetChange !== undefined ? { targetChange: flags.targetChange } : {}),
        ...(flags.priorNoise !== undefined ? { priorNoise: flags.priorNoise } : {}),
      },
    );
    await inner?.close();
    for (const w of parsed.warnings) warn(w);

    let exitCode: ExitCode = report.benchmarks.some((b) => b.failing) ? ExitCode.Finding : ExitCode.Ok;
    emit(report, flags, resultsPath);
    if (flags.prComment) {
      const ok = await postComment(report, flags, env);
      if (!ok && exitCode === ExitCode.Ok) exitCode = ExitCode.InputError;
    }
    if (flags.record && store) {
      const added = await inputErrors(() =>
        store.record(parsed.results, {
          time: parsed.context.time ?? new Date().toISOString(),
          machine: flags.machine,
          runner: defaultRunner(env),
          sourceFile: resultsPath,
          ...(commit ? { commit } : {}),
          ...((env.GITHUB_REF_NAME ?? parsed.context.branch)
            ? { branch: env.GITHUB_REF_NAME ?? parsed.context.branch }
            : {}),
        }),
      );
      process.stderr.write(`ai-ci: recorded ${added} results into ${flags.history}\n`);
    }
    process.exitCode = exitCode;
  } finally {
    store?.close();
  }
}

/** The breaker already warned on stderr; the report repeats the reason for the summary and annotations. */
function breakerProblem(modelPath: string): string {
  return existsSync(modelPath)
    ? `model ${modelPath} could not be used; statistics alone decided`
    : `model ${modelPath} does not exist; statistics alone decided`;
}

function emit(report: AnalysisReport, flags: AnalyzeFlags, resultsPath: string): void {
  const env = process.env;
  if (flags.json) process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
  else process.stdout.write(textReport(report));
  if (flags.reportJson) writeFileSync(flags.reportJson, `${JSON.stringify(report, null, 2)}\n`);
  // Workflow commands share stdout with --json, which must stay parseable: annotate only without it.
  const annotate = flags.annotations ?? (env.GITHUB_ACTIONS === 'true' && !flags.json);
  if (annotate) {
    let text: string | undefined;
    try {
      text = readFileSync(resultsPath, 'utf8');
    } catch {
      text = undefined;
    }
    for (const line of annotations(report, text)) process.stdout.write(`${line}\n`);
  }
  const summaryFile = flags.summary ?? env.GITHUB_STEP_SUMMARY;
  if (summaryFile) appendFileSync(summaryFile, markdownSummary(report));
  if (flags.githubOutput) {
    const failing = report.benchmarks.filter((b) => b.failing).map((b) => b.name);
    appendFileSync(
      flags.githubOutput,
      `verdict=${report.verdict}\nregressions=${failing.length}\nregressed-benchmarks=${JSON.stringify(failing)}\n`,
    );
  }
}

async function postComment(
  report: AnalysisReport,
  flags: AnalyzeFlags,
  env: NodeJS.ProcessEnv,
): Promise<boolean> {
  const token = env.GITHUB_TOKEN || env.GH_TOKEN;
  const repository = env.GITHUB_REPOSITORY;
  const number = pullNumber(flags.pr, env);
  if (!token || !repository || number === undefined) {
    const missing = [
      !token && 'GITHUB_TOKEN',
      !repository && 'GITHUB_REPOSITORY',
      number === undefined && '--pr',
    ]
      .filter(Boolean)
      .join(', ');
    warn(`--pr-comment: no PR comment without ${missing}`);
    return true;
  }
  try {
    const res = await upsertPrComment(
      {
        token,
        repository,
        pullNumber: number,
        ...(env.GITHUB_API_URL ? { apiUrl: env.GITHUB_API_URL } : {}),
      },
      markdownSummary(report),
    );
    process.stderr.write(`ai-ci: ${res.action} PR comment ${res.url}\n`);
    return true;
  } catch (err) {
    // A pull request from a fork gets a read-only token: GitHub answers 403, which is no reason to fail a check.
    if ((err as { status?: number }).status === 403) {
      warn(`no PR comment: the token may not write comments here (${(err as Error).message})`);
      return true;
    }
    process.stderr.write(`ai-ci: the PR comment failed: ${(err as Error).message}\n`);
    return false;
  }
}

export function registerPerf(program: Command): Command {
  const perf = program
    .command('perf')
    .description('performance-regression detection: analyse benchmark results against their history');

  perf
    .command('analyze')
    .description(
      'compare benchmark results with their baseline and history; exit 1 on a confident regression ' +
        '(P ≥ threshold), 0 otherwise (inconclusive does not fail), 3 on unusable input',
    )
    .argument('<results>', 'benchmark results: pytest-benchmark, Google Benchmark, hyperfine or custom JSON')
    .addOption(formatOption())
    .option('--history <db>', 'history database (SQLite) to take the baseline and run-to-run noise from')
    .option('--baseline <file>', 'an earlier results file to compare with')
    .option(
      '--same-job',
      '--baseline was measured in this job (the base commit benchmarked beside the head, rounds interleaved): decide by the rank test of the rounds, without history or model',
    )
    .addOption(formatOption('--baseline-format <format>', 'format of --baseline'))
    .option('--model <path>', 'ONNX performance model', DEFAULT_MODEL_PATH)
    .option('--no-model', 'decide by statistics alone')
    .addOption(
      new Option('--device <device>', 'where to run the model')
        .choices(['auto', 'cpu', 'cuda'])
        .default('auto'),
    )
    .option('--threshold <p>', 'P(regression) at which a regression fails the step', probability, 0.95)
    .option(
      '--min-change <fraction>',
      'smallest change called a regression or improvement (default 0.01)',
      fraction,
    )
    .option(
      '--target-change <fraction>',
      'change a "no change" verdict must rule out (default 0.05)',
      fraction,
    )
    .option(
      '--prior-noise <fraction>',
      'run-to-run noise assumed for a benchmark without history, relative SD of one run (default 0.03)',
      fraction,
    )
    .option(
      '--base-branch <branch>',
      'compare with runs of this branch (default: $GITHUB_BASE_REF, else all branches)',
      process.env.GITHUB_BASE_REF || undefined,
    )
    .option('--machine <class>', 'machine class to compare within', defaultMachineClass())
    .option(
      '--baseline-runs <n>',
      'most recent runs to use from the history',
      positiveInt,
      DEFAULT_BASELINE_RUNS,
    )
    .option('--commit <sha>', "this run's commit, left out of the baseline (default: $GITHUB_SHA)")
    .addOption(
      new Option('--fail-on <what>', 'what fails the step')
        .choices(['regression', 'none'])
        .default('regression'),
    )
    .option('--json', 'print the report as JSON (no annotations on stdout then)')
    .option('--annotations', 'print GitHub workflow annotations (default: on GitHub Actions without --json)')
    .option('--no-annotations', 'never print workflow annotations')
    .option('--summary <file>', 'append the Markdown summary here (default: $GITHUB_STEP_SUMMARY)')
    .option('--pr-comment', 'post or update the summary as a PR comment (needs GITHUB_TOKEN)')
    .option('--pr <number>', 'pull request number (default: from $GITHUB_EVENT_PATH)', positiveInt)
    .option('--report-json <file>', 'also write the JSON report to this file')
    .option('--github-output <file>', 'write verdict, regressions and regressed-benchmarks step outputs here')
    .option('--record', 'after analysing, record these results into --history')
    .action((results: string, flags: AnalyzeFlags) => analyze(results, flags));

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
        const parsed = await inputErrors(() => parseResultsFile(resultsPath, flags.format));
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

  perf
    .command('train')
    .description(
      'train the performance model on real benchmark noise with injected regressions of known size, export it ' +
        'as ONNX and report its quality on held-out benchmarks',
    )
    .option('--historical-data <dir>', 'folder of past results files to learn the noise from')
    .option('--history <db>', 'history database to learn the noise from')
    .option('--noise-file <file>', 'recorded noise (default: the data/perf/noise.json.gz shipped with ai-ci)')
    .requiredOption('--output-model <path>', 'where to write the ONNX model')
    .option('--model-card <file>', 'also write the model card (Markdown) with the measured figures')
    .option('--hidden <widths>', 'hidden layer widths, e.g. 8 or 32,16; 0 for a logistic regression', '32,16')
    .option('--epochs <n>', 'most training epochs (early stopping may end sooner)', positiveInt, 300)
    .option('--seed <n>', 'training seed', positiveInt, 1)
    .option('--threshold <p>', 'probability at which regressions are called when scoring', probability, 0.95)
    .option(
      '--comparisons-per-benchmark <n>',
      'labelled comparisons generated per benchmark',
      positiveInt,
      1500,
    )
    .option('--machine <class>', 'machine class of --historical-data results', defaultMachineClass())
    .option('--json', 'print the training summary as JSON')
    .action(
      async (flags: {
        historicalData?: string;
        history?: string;
        noiseFile?: string;
        outputModel: string;
        modelCard?: string;
        hidden: string;
        epochs: number;
        seed: number;
        threshold: number;
        comparisonsPerBenchmark: number;
        machine: string;
        json?: boolean;
      }) => {
        const sources = [flags.historicalData, flags.history, flags.noiseFile].filter(Boolean);
        if (sources.length > 1) {
          throw new CliError('give one of --historical-data, --history and --noise-file', ExitCode.Usage);
        }
        const hidden = flags.hidden === '0' ? [] : flags.hidden.split(',').map((w) => Number(w.trim()));
        if (hidden.some((w) => !Number.isInteger(w) || w < 1)) {
          throw new CliError(
            `--hidden: "${flags.hidden}" is not a list of widths such as 8 or 16,8`,
            ExitCode.Usage,
          );
        }
        const progress = (m: string) => process.stderr.write(`ai-ci: ${m}\n`);
        const { noise, description } = await inputErrors(async () => {
          if (flags.historicalData) {
            progress(`importing ${flags.historicalData}`);
            return noiseFromFolder(flags.historicalData, flags.machine, warn);
          }
          if (flags.history) {
            const store = openHistory(flags.history, true);
            try {
              const n = noiseFromRuns(store.allRuns());
              return { noise: n, description: `Real history from ${flags.history}: ${n.description}.` };
            } finally {
              store.close();
            }
          }
          try {
            const n = loadNoise(flags.noiseFile);
            return { noise: n, description: `${n.description} (${n.benchmarks.length} benchmarks).` };
          } catch (err) {
            throw new CliError((err as Error).message);
          }
        });
        if (noise.benchmarks.length < 2) {
          throw new CliError(
            `the data has ${noise.benchmarks.length} benchmark stretches with enough runs; training needs several ` +
              '(each benchmark with at least 8 runs on one machine)',
          );
        }
        let result: Awaited<ReturnType<typeof trainAndEvaluate>>;
        try {
          result = await trainAndEvaluate(noise, {
            hidden,
            epochs: flags.epochs,
            seed: flags.seed,
            threshold: flags.threshold,
            dataDescription: description,
            progress,
            ...(flags.comparisonsPerBenchmark
              ? { comparisonsPerBenchmark: flags.comparisonsPerBenchmark }
              : {}),
          });
        } catch (err) {
          throw new CliError(`training failed: ${(err as Error).message}`);
        }
        mkdirSync(dirname(flags.outputModel), { recursive: true });
        writeFileSync(flags.outputModel, result.onnx);
        if (flags.modelCard) {
          const command = ['ai-ci perf train', ...process.argv.slice(process.argv.indexOf('train') + 1)].join(
            ' ',
          );
          writeFileSync(flags.modelCard, modelCard(result, command, description));
        }
        const h = result.heldout;
        const summary = {
          model: flags.outputModel,
          trainComparisons: result.trainComparisons,
          trainBenchmarks: result.trainBenchmarks,
          epochs: result.epochs,
          heldout: h,
        };
        if (flags.json) process.stdout.write(`${JSON.stringify(summary, null, 2)}\n`);
        else {
          const d = h.detectorWithModel;
          process.stdout.write(
            `wrote ${flags.outputModel} (${result.onnx.length} bytes), trained on ${result.trainComparisons} ` +
              `comparisons from ${result.trainBenchmarks} benchmarks\n` +
              `held out (${h.model.comparisons} comparisons, ${h.benchmarks} benchmarks), at P ≥ ${flags.threshold}:\n` +
              `  balanced accuracy (≥5%): ${(d.balancedAccuracyAtLeast5pct * 100).toFixed(1)}%  ` +
              `recall: ${(d.recall * 100).toFixed(1)}%  precision: ${(d.precision * 100).toFixed(1)}%  ` +
              `false alarms per 1,000 no-change: ${d.falseAlarmsPer1000NoChange.toFixed(1)}  ` +
              `model ROC AUC: ${h.model.rocAuc.toFixed(3)}\n`,
          );
        }
      },
    );
  // `perf changepoints` lives in its own file (perf-changepoints.ts, the statistics side of perf).
  registerPerfChangepoints(perf);
  registerPerfAb(perf);
  return perf;
}
