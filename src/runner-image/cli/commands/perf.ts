import { appendFileSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { type Command, Option } from 'commander';
import { FEATURE_NAMES } from '../../../analysis/perf/features.js';
import { defaultMachineClass, defaultRunner, HistoryStore } from '../../../analysis/perf/history/index.js';
import { ModelBreaker } from '../../../analysis/perf/model/breaker.js';
import type { OnnxProbabilityModel } from '../../../analysis/perf/model/onnx-model.js';
import type { FormatName } from '../../../analysis/perf/parse/index.js';
import { analyzeResults } from '../../../analysis/perf/report/analysis.js';
import { annotations } from '../../../analysis/perf/report/annotations.js';
import { baselineLookup } from '../../../analysis/perf/report/lookup.js';
import { upsertPrComment } from '../../../analysis/perf/report/pr-comment.js';
import { markdownSummary, textReport } from '../../../analysis/perf/report/summary.js';
import type { AnalysisReport } from '../../../analysis/perf/report/types.js';
import { CliError, ExitCode } from '../exit-codes.js';
import { type MlflowFlags, mlflowExport, mlflowOptions } from '../mlflow.js';
import { traceResult } from '../tracing.js';
import { registerPerfAb } from './perf-ab.js';
import { registerPerfChangepoints } from './perf-changepoints.js';
import {
  formatOption,
  fraction,
  inputErrors,
  openHistory,
  positiveInt,
  probability,
  readResults,
  warn,
} from './perf-common.js';
import { registerPerfHistory } from './perf-history.js';
import { registerPerfTrain } from './perf-train.js';

/** The model shipped with ai-ci, beside the package (the same depth from src/ and dist/). */
export const DEFAULT_MODEL_PATH = fileURLToPath(
  new URL('../../../../models/performance-predictor.onnx', import.meta.url),
);

/** Runs of the base branch a new result is compared with. */
const DEFAULT_BASELINE_RUNS = 30;

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

interface AnalyzeFlags extends MlflowFlags {
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
  const parsed = await readResults(resultsPath, flags.format);
  const previous = flags.baseline ? await readResults(flags.baseline, flags.baselineFormat) : undefined;
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
    traceResult((t) => t.perfAnalyze(report));
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
    await mlflowExport(flags, (m) => m.perfRun(report, exitCode));
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

  const analyzeCommand = perf
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
    .option('--record', 'after analysing, record these results into --history');
  mlflowOptions(analyzeCommand).action((results: string, flags: AnalyzeFlags) => analyze(results, flags));

  registerPerfHistory(perf);
  registerPerfTrain(perf);
  // `perf changepoints` lives in its own file (perf-changepoints.ts, the statistics side of perf).
  registerPerfChangepoints(perf);
  registerPerfAb(perf);
  return perf;
}
