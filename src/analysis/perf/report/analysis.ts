import { type Comparison, type Detection, type DetectOptions, detectRegressions } from '../detect.js';
import type { Baseline } from '../history/baseline.js';
import { type ModelBreaker, ModelUnavailableError } from '../model/breaker.js';
import { locationOf, summaryQuartiles, summaryRelativeError } from '../parse/summary.js';
import type { BenchmarkResult, ParsedResults } from '../parse/types.js';
import { median } from '../stats/robust.js';
import type { AnalysisReport, BenchmarkAnalysis, BenchmarkVerdict } from './types.js';

export interface AnalyzeOptions {
  /** P(regressed) at and above which a regression fails the step. */
  threshold: number;
  /** Smallest relative change called a regression or improvement. */
  minRelativeChange?: number;
  /** The change a 'no-change' verdict must rule out. */
  targetChange?: number;
  /** Whether a confident regression fails the step. */
  failOn: 'regression' | 'none';
  /** Says where the baselines came from, for the report. */
  baselineSource: string;
  /** The baseline was measured in the same job as the results (DetectOptions.sameJob). */
  sameJob?: boolean;
  /** Run-to-run noise assumed without history (DetectOptions.priorNoise). */
  priorNoise?: number;
}

/** The baseline of each benchmark, or why there is none. */
export type BaselineLookup = (result: BenchmarkResult) => Baseline | { missing: string };

export interface ModelUse {
  breaker: ModelBreaker;
  path?: string;
  executionProvider?: string;
  /** Why the model is not used, when it is not. */
  problem?: string;
}

/**
 * Compares every benchmark of a results file with its baseline and builds the report. The model, when there
 * is one, is asked once for all benchmarks; if it fails, its breaker opens and the verdicts come from
 * statistics alone.
 */
export async function analyzeResults(
  parsed: ParsedResults,
  lookup: BaselineLookup,
  model: ModelUse,
  opts: AnalyzeOptions,
): Promise<AnalysisReport> {
  const warnings = [...parsed.warnings];
  const comparisons: Comparison[] = [];
  const compared: { result: BenchmarkResult; baseline: Baseline }[] = [];
  const analyses = new Map<BenchmarkResult, BenchmarkAnalysis>();
  for (const result of parsed.results) {
    const baseline = lookup(result);
    if ('missing' in baseline) {
      analyses.set(result, {
        name: result.name,
        unit: result.unit,
        direction: result.direction,
        verdict: 'no-baseline',
        failing: false,
        candidate: { median: locationOf(result), samples: result.samples.length },
        reason: baseline.missing,
      });
      continue;
    }
    if (baseline.skippedRuns > 0) {
      warnings.push(
        `${result.name}: ${baseline.skippedRuns} earlier runs in another unit than ${result.unit} were left out`,
      );
    }
    const candidateError = summaryRelativeError(result);
    const candidateQuartiles = summaryQuartiles(result);
    comparisons.push({
      input: {
        baseline: baseline.samples,
        candidate: result.samples,
        history: baseline.history,
        ...(baseline.historyRuns ? { historyRuns: baseline.historyRuns } : {}),
        ...(baseline.relativeError !== undefined ? { baselineRelativeError: baseline.relativeError } : {}),
        ...(candidateError !== undefined ? { candidateRelativeError: candidateError } : {}),
        ...(baseline.quartiles ? { baselineQuartiles: baseline.quartiles } : {}),
        ...(candidateQuartiles ? { candidateQuartiles } : {}),
      },
      direction: result.direction,
    });
    compared.push({ result, baseline });
  }

  const detectOptions: DetectOptions = {
    confidence: opts.threshold,
    ...(opts.minRelativeChange !== undefined ? { minRelativeChange: opts.minRelativeChange } : {}),
    ...(opts.targetChange !== undefined ? { targetChange: opts.targetChange } : {}),
    ...(opts.sameJob ? { sameJob: true } : {}),
    ...(opts.priorNoise !== undefined ? { priorNoise: opts.priorNoise } : {}),
  };
  let detections: Detection[];
  // The model learned comparisons across jobs; a same-job comparison is decided by its rounds.
  let modelUsed = model.breaker.available && comparisons.length > 0 && !opts.sameJob;
  try {
    detections = await detectRegressions(comparisons, detectOptions, modelUsed ? model.breaker : undefined);
  } catch (err) {
    if (!(err instanceof ModelUnavailableError)) throw err;
    modelUsed = false;
    detections = await detectRegressions(comparisons, detectOptions);
  }
  compared.forEach(({ result, baseline }, i) => {
    const d = detections[i]!;
    analyses.set(result, {
      name: result.name,
      unit: result.unit,
      direction: result.direction,
      verdict: d.verdict,
      failing:
        opts.failOn === 'regression' &&
        d.verdict === 'regression' &&
        d.probabilityRegressed >= opts.threshold,
      probabilityRegressed: d.probabilityRegressed,
      probabilityImproved: d.probabilityImproved,
      source: d.source,
      change: d.change,
      candidate: { median: locationOf(result), samples: result.samples.length },
      noise: d.noise,
      baseline: {
        median: median(baseline.samples),
        samples: baseline.samples.length,
        runs: baseline.runs,
        ...(baseline.commit ? { commit: baseline.commit } : {}),
      },
      ...(d.roundsNeeded !== undefined ? { roundsNeeded: d.roundsNeeded } : {}),
      ...(d.commonMode ? { commonMode: d.commonMode } : {}),
      reason: d.reason,
    });
  });

  const unusualShift = detections.find((d) => d.commonMode?.unusual);
  if (unusualShift?.commonMode) {
    warnings.push(
      `the whole run moved by about ${(100 * unusualShift.commonMode.candidateShift).toFixed(1)}% across its benchmarks, ` +
        "more than the history's run-wide shifts: a slower (or faster) machine, or a change every benchmark shares " +
        '(a compiler flag, an allocator); the verdicts judge the raw changes — rerun on another machine to tell',
    );
  }
  const benchmarks = parsed.results.map((r) => analyses.get(r)!);
  const counts: Record<BenchmarkVerdict, number> = {
    regression: 0,
    improvement: 0,
    'no-change': 0,
    inconclusive: 0,
    'no-baseline': 0,
  };
  for (const b of benchmarks) counts[b.verdict]++;
  const problem =
    model.problem ??
    (!modelUsed && model.path && comparisons.length > 0 && !model.breaker.available
      ? 'the model failed; statistics alone decided'
      : undefined);
  return {
    file: parsed.file,
    format: parsed.format,
    threshold: opts.threshold,
    verdict: benchmarks.some((b) => b.failing)
      ? 'regression'
      : benchmarks.some((b) => b.verdict === 'inconclusive')
        ? 'inconclusive'
        : 'pass',
    counts,
    model: {
      ...(model.path ? { path: model.path } : {}),
      used: modelUsed,
      ...(modelUsed && model.executionProvider ? { executionProvider: model.executionProvider } : {}),
      ...(problem ? { problem } : {}),
    },
    baselineSource: opts.baselineSource,
    benchmarks,
    warnings,
  };
}
