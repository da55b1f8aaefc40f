import { type Comparison, type Detection, type DetectOptions, detectRegressions } from '../detect.js';
import { fastestOf } from '../disturbed.js';
import { probeDisagreements } from '../gbench-probe.js';
import type { Baseline } from '../history/baseline.js';
import { type ModelBreaker, ModelUnavailableError } from '../model/breaker.js';
import { correctOffCpu, type OffCpuCorrection, offCpuSharesOf } from '../off-cpu.js';
import { locationOf, summaryQuartiles, summaryRelativeError } from '../parse/summary.js';
import type { BenchmarkResult, ParsedResults } from '../parse/types.js';
import { median } from '../stats/robust.js';
import { type DisturbanceWitness, judgeDisturbedRun, judgeFastest, judgeProbe } from './disturbance.js';
import { pct } from './format.js';
import type { AnalysisReport, BenchmarkAnalysis, BenchmarkVerdict, OffCpuReport } from './types.js';

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
  // Results that report CPU time: the comparison again with the values measured off the CPU more than usual
  // corrected (off-cpu.ts); same-job rounds are left to the rank test, which disturbed rounds do not fool.
  const corrections: (OffCpuCorrection | undefined)[] = compared.map(({ result, baseline }, i) => {
    if (opts.sameJob) return undefined;
    const candidate = offCpuSharesOf(result);
    return candidate
      ? correctOffCpu(comparisons[i]!.input, {
          candidate,
          ...(baseline.offCpu?.baseline ? { baseline: baseline.offCpu.baseline } : {}),
          ...(baseline.offCpu?.history ? { history: baseline.offCpu.history } : {}),
        })
      : undefined;
  });

  const detectOptions: DetectOptions = {
    confidence: opts.threshold,
    ...(opts.minRelativeChange !== undefined ? { minRelativeChange: opts.minRelativeChange } : {}),
    ...(opts.targetChange !== undefined ? { targetChange: opts.targetChange } : {}),
    ...(opts.sameJob ? { sameJob: true } : {}),
    ...(opts.priorNoise !== undefined ? { priorNoise: opts.priorNoise } : {}),
  };
  // The model learned comparisons across jobs; a same-job comparison is decided by its rounds.
  let modelUsed = model.breaker.available && comparisons.length > 0 && !opts.sameJob;
  const detect = async (batch: Comparison[]): Promise<Detection[]> => {
    try {
      return await detectRegressions(batch, detectOptions, modelUsed ? model.breaker : undefined);
    } catch (err) {
      if (!(err instanceof ModelUnavailableError)) throw err;
      modelUsed = false;
      return detectRegressions(batch, detectOptions);
    }
  };
  const raw = await detect(comparisons);
  // One batch for the whole file, so common-mode analysis sees every benchmark.
  const corrected = corrections.some((c) => c)
    ? await detect(comparisons.map((c, i) => (corrections[i] ? { ...c, input: corrections[i].input } : c)))
    : undefined;
  const judged: { detection: Detection; offCpu?: OffCpuReport }[] = compared.map((_, i) => {
    const correction = corrections[i];
    return correction && corrected ? judgeOffCpu(raw[i]!, corrected[i]!, correction) : { detection: raw[i]! };
  });
  // The fastest rounds' second opinion on each regression (disturbed.ts), statistics alone.
  const asked: number[] = [];
  const witnesses: DisturbanceWitness[] = [];
  const fastComparisons: Comparison[] = [];
  compared.forEach(({ result, baseline }, i) => {
    if (judged[i]!.detection.verdict !== 'regression' || !baseline.fastest || opts.sameJob) return;
    const candidate = fastestOf(result);
    if (candidate === undefined) return;
    const history = baseline.fastest.history;
    const complete = history.length === baseline.history.length && history.every((v) => v !== undefined);
    asked.push(i);
    fastComparisons.push({
      input: {
        candidate: [candidate],
        baseline: [baseline.fastest.baseline],
        ...(complete && history.length > 0 ? { history: history as number[] } : {}),
        ...(complete && baseline.historyRuns ? { historyRuns: baseline.historyRuns } : {}),
      },
      direction: result.direction,
      file: 'fastest',
    });
  });
  if (fastComparisons.length > 0) {
    const fast = await detectRegressions(fastComparisons, { ...detectOptions, commonMode: false });
    asked.forEach((i, k) => {
      const before = judged[i]!.detection;
      const after = judgeFastest(before, fast[k]!);
      judged[i] = { ...judged[i]!, detection: after };
      if (after !== before)
        witnesses.push({ name: compared[i]!.result.name, detection: before, fastest: fast[k]! });
    });
  }
  // Google Benchmark's own probe as a second opinion on a single-value regression (gbench-probe.ts).
  const probes = probeDisagreements(compared.map((c) => c.result));
  compared.forEach(({ result }, i) => {
    const probe = probes.get(result);
    if (probe) judged[i] = { ...judged[i]!, detection: judgeProbe(judged[i]!.detection, result, probe) };
  });
  // A run the machine disturbed is disturbed for all its benchmarks (disturbed.ts, judgeDisturbedRun).
  if (witnesses.length > 0) {
    compared.forEach(({ result }, i) => {
      judged[i] = {
        ...judged[i]!,
        detection: judgeDisturbedRun(judged[i]!.detection, result.direction, witnesses),
      };
    });
  }
  compared.forEach(({ result, baseline }, i) => {
    const { detection: d, offCpu } = judged[i]!;
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
      ...(offCpu ? { offCpu } : {}),
      reason: d.reason,
    });
  });

  const unusualShift = raw.find((d) => d.commonMode?.unusual);
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

/** "this run (by 27.8%)" for one value, "3 of 10 rounds of this run" for rounds. */
function values(corrected: number, of: number, run: string, share: number | undefined): string | undefined {
  if (corrected === 0) return undefined;
  return of > 1 || share === undefined
    ? `${corrected} of ${of} rounds of ${run}`
    : `${run} (by ${pct(share)})`;
}

/**
 * The verdict of a comparison whose values were partly measured off the CPU (off-cpu.ts): the corrected
 * comparison's, with the raw change kept beside it — except that when the raw comparison of a disturbed
 * candidate is a regression (or inconclusive) and its time on the CPU shows neither a regression nor an
 * improvement, the verdict is 'inconclusive' (the machine descheduled the run, or the code now waits: one
 * rerun tells), never a pass.
 */
export function judgeOffCpu(
  raw: Detection,
  corrected: Detection,
  c: OffCpuCorrection,
): { detection: Detection; offCpu: OffCpuReport } {
  const offCpu: OffCpuReport = {
    usualShare: c.usualShare,
    usualFrom: c.usualFrom,
    candidateShare: c.candidateShare,
    ...(c.baselineShare !== undefined ? { baselineShare: c.baselineShare } : {}),
    corrected: [
      ...(c.candidateCorrected > 0 ? ['candidate' as const] : []),
      ...(c.baselineCorrected > 0 ? ['baseline' as const] : []),
      ...(c.historyCorrected > 0 ? ['history' as const] : []),
    ],
    rawVerdict: raw.verdict,
    rawChange: raw.change,
  };
  const which = [
    values(c.candidateCorrected, c.input.candidate.length, 'this run', c.candidateShare),
    values(c.baselineCorrected, c.input.baseline.length, 'the baseline run', c.baselineShare),
    c.historyCorrected > 0
      ? `${c.historyCorrected} earlier run${c.historyCorrected > 1 ? 's' : ''}`
      : undefined,
  ]
    .filter(Boolean)
    .join(', ');
  const usual = `usually ${pct(c.usualShare)}, from ${c.usualFrom}`;
  const note =
    `wall time ${pct(raw.change.estimate)} as measured (${raw.verdict}); the wall time of ${which} exceeded the ` +
    `CPU time more than usual (${usual}): judged by their time on the CPU (the machine descheduled them)`;
  // A disturbed candidate whose wall time reads worse (or cannot be told) is judged by its time on the CPU only
  // where that confirms a regression or, against a wall time not confidently worse, shows an improvement;
  // otherwise the raw reading stays visible as 'inconclusive': a code change that makes a single-threaded
  // benchmark wait (I/O, locks, sleeps) moves its time off the CPU too.
  const rawWorse = raw.verdict === 'regression' || raw.verdict === 'inconclusive';
  const confirmed =
    corrected.verdict === 'regression' ||
    (corrected.verdict === 'improvement' && raw.verdict !== 'regression');
  if (rawWorse && !confirmed && c.candidateCorrected > 0) {
    return {
      detection: {
        ...corrected,
        verdict: 'inconclusive',
        reason:
          `wall time ${pct(raw.change.estimate)} (${raw.verdict}), but the wall time of ${which} exceeded the CPU time more ` +
          `than usual (${usual}), and the time on the CPU changed ${pct(corrected.change.estimate)}: ` +
          'the machine descheduled it, or the code now waits (I/O, locks, sleeps) — rerun it, or compare both ' +
          'commits in one job (ai-ci perf ab)',
      },
      offCpu,
    };
  }
  return { detection: { ...corrected, reason: `${corrected.reason}; ${note}` }, offCpu };
}

/** A benchmark of the run whose fastest round showed that the machine slowed it (judgeFastest). */
