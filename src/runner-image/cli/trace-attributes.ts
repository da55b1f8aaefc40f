/**
 * What each command puts on its span (tracing.ts): its verdict and figures as flat `ai_ci.<command>.*` attributes.
 * Loaded only when tracing is on, and only types come from the analyses, so `carbon track` loads nothing of theirs
 * (track-program.ts). `ai_ci.verdict` is `pass` or `fail` for a gate: what enforce mode makes of the result.
 */
import { basename } from 'node:path';
import type { TrackReport } from '../../analysis/energy/index.js';
import type { CarbonPrediction } from '../../analysis/energy/predict/index.js';
import type { AbResult } from '../../analysis/perf/ab/index.js';
import type { AnalysisReport } from '../../analysis/perf/report/types.js';
import type { Finding, Severity } from '../../analysis/review/index.js';
import type { Plan, ShadowReport } from '../../analysis/select/index.js';

export type TraceValue = string | number | boolean | string[];
export type TraceAttributes = Record<string, TraceValue | undefined>;

/** Benchmark and test names listed on a span: the first ones; the count attribute says how many there are. */
export const MAX_LISTED = 20;

const rounded = (x: number, digits = 4) => Number(x.toFixed(digits));
/** Energy and carbon of a short step are tiny (1e-9 Wh): significant figures, not decimals. */
const sig = (x: number) => Number(x.toPrecision(4));
const verdict = (failing: boolean) => (failing ? 'fail' : 'pass');

interface Judged {
  name: string;
  direction: 'smaller-is-better' | 'bigger-is-better';
  change: number | undefined;
  probabilityRegressed: number | undefined;
}

/** The benchmark whose change is the largest step the wrong way (+ for smaller-is-better, − for bigger). */
function worst(benchmarks: readonly Judged[]): TraceAttributes {
  let best: Judged | undefined;
  let worse = Number.NEGATIVE_INFINITY;
  for (const b of benchmarks) {
    if (b.change === undefined || !Number.isFinite(b.change)) continue;
    const w = b.direction === 'bigger-is-better' ? -b.change : b.change;
    if (w > worse) {
      worse = w;
      best = b;
    }
  }
  if (!best || best.change === undefined) return {};
  return {
    'ai_ci.perf.worst_benchmark': best.name,
    'ai_ci.perf.worst_change': rounded(best.change),
    'ai_ci.perf.worst_p_regressed':
      best.probabilityRegressed === undefined ? undefined : rounded(best.probabilityRegressed),
  };
}

function counts(prefix: string, values: readonly string[]): TraceAttributes {
  const out: TraceAttributes = {};
  for (const v of values) out[`${prefix}.${v}`] = ((out[`${prefix}.${v}`] as number | undefined) ?? 0) + 1;
  return out;
}

/** `perf analyze`: the report's verdict, regressions, verdict counts and the worst change. */
export function perfAnalyze(report: AnalysisReport): TraceAttributes {
  const failing = report.benchmarks.filter((b) => b.failing).map((b) => b.name);
  return {
    'ai_ci.verdict': verdict(failing.length > 0),
    'ai_ci.perf.verdict': report.verdict,
    'ai_ci.perf.benchmarks': report.benchmarks.length,
    'ai_ci.perf.regressions': failing.length,
    'ai_ci.perf.regressed_benchmarks': failing.length ? failing.slice(0, MAX_LISTED) : undefined,
    ...counts(
      'ai_ci.perf.verdicts',
      report.benchmarks.map((b) => b.verdict),
    ),
    ...worst(
      report.benchmarks.map((b) => ({
        name: b.name,
        direction: b.direction,
        change: b.change?.estimate,
        probabilityRegressed: b.probabilityRegressed,
      })),
    ),
    'ai_ci.perf.threshold': report.threshold,
    'ai_ci.perf.model_used': report.model.used,
  };
}

/** `perf ab`: as perf analyze, per benchmark from the rounds of this job. */
export function perfAb(result: AbResult): TraceAttributes {
  const regressed = result.benchmarks.filter((b) => b.detection.verdict === 'regression').map((b) => b.name);
  return {
    'ai_ci.verdict': verdict(regressed.length > 0),
    'ai_ci.perf.benchmarks': result.benchmarks.length,
    'ai_ci.perf.regressions': regressed.length,
    'ai_ci.perf.regressed_benchmarks': regressed.length ? regressed.slice(0, MAX_LISTED) : undefined,
    ...counts(
      'ai_ci.perf.verdicts',
      result.benchmarks.map((b) => b.detection.verdict),
    ),
    ...worst(
      result.benchmarks.map((b) => ({
        name: b.name,
        direction: b.direction,
        change: b.detection.change.estimate,
        probabilityRegressed: b.detection.probabilityRegressed,
      })),
    ),
    'ai_ci.perf.rounds': result.roundsRun,
  };
}

/** `perf changepoints`: series read and change points found. */
export function perfChangepoints(series: readonly { found: readonly unknown[] }[]): TraceAttributes {
  return {
    'ai_ci.changepoints.series': series.length,
    'ai_ci.changepoints.found': series.reduce((n, s) => n + s.found.length, 0),
  };
}

const SEVERITIES: readonly Severity[] = ['error', 'warning', 'note'];

/** `review`: findings per severity (suppressed ones apart), files, problems, and the --fail-on that judged them. */
export function review(
  findings: readonly Finding[],
  result: { files: number; problems: readonly unknown[] },
  failOn: string,
  failing: boolean,
): TraceAttributes {
  const active = findings.filter((f) => !f.suppressed);
  const out: TraceAttributes = {
    'ai_ci.verdict': verdict(failing),
    'ai_ci.review.findings': active.length,
    'ai_ci.review.suppressed': findings.length - active.length,
    'ai_ci.review.files': result.files,
    'ai_ci.review.problems': result.problems.length,
    'ai_ci.review.fail_on': failOn,
  };
  for (const s of SEVERITIES)
    out[`ai_ci.review.findings.${s}`] = active.filter((f) => f.severity === s).length;
  return out;
}

/** `select`: tests selected of all, the share, whether everything runs (and why), the expected time saved. */
export function select(plan: Pick<Plan, 'tests' | 'selection'>, shadow: boolean): TraceAttributes {
  const s = plan.selection;
  const total = plan.tests.length;
  return {
    'ai_ci.select.tests': total,
    'ai_ci.select.selected': s.selected.length,
    'ai_ci.select.fraction': total === 0 ? 1 : rounded(s.selected.length / total),
    'ai_ci.select.full': s.full,
    'ai_ci.select.full_reason': s.fullReason,
    'ai_ci.select.expected_seconds': rounded(s.totalS, 1),
    'ai_ci.select.saved_seconds': rounded(s.savedS, 1),
    'ai_ci.select.shadow': shadow,
  };
}

/** `select-report`: what a shadowed selection caught and would have missed. */
export function selectReport(report: ShadowReport, failOnMiss: boolean): TraceAttributes {
  return {
    ...(failOnMiss ? { 'ai_ci.verdict': verdict(report.missed.length > 0) } : {}),
    'ai_ci.select.failed': report.failed.length,
    'ai_ci.select.caught': report.caught.length,
    'ai_ci.select.missed': report.missed.length,
    'ai_ci.select.missed_tests': report.missed.length ? report.missed.slice(0, MAX_LISTED) : undefined,
    'ai_ci.select.flaky_ignored': report.flakyIgnored.length,
    'ai_ci.select.test_share': rounded(report.testShare),
    'ai_ci.select.time_share': rounded(report.timeShare),
  };
}

/** `carbon track`: grams CO2e and Wh with their bands, intensity, method, the wrapped program and the budget. */
export function carbonTrack(report: TrackReport): TraceAttributes {
  const m = report.measurement;
  return {
    ...(report.budget ? { 'ai_ci.verdict': verdict(report.budget.state === 'exceeded') } : {}),
    'ai_ci.carbon.grams': sig(report.carbon.grams),
    'ai_ci.carbon.grams_low': sig(report.carbon.low),
    'ai_ci.carbon.grams_high': sig(report.carbon.high),
    'ai_ci.carbon.energy_wh': sig(report.energy.wh),
    'ai_ci.carbon.energy_wh_low': sig(report.energy.low),
    'ai_ci.carbon.energy_wh_high': sig(report.energy.high),
    'ai_ci.carbon.intensity': report.intensity.value,
    'ai_ci.carbon.intensity_source': report.intensity.source,
    'ai_ci.carbon.method': m.method,
    'ai_ci.carbon.duration_s': rounded(m.durationSeconds, 3),
    // The program alone: a command line may carry tokens, and a trace backend is no masked CI log.
    'ai_ci.carbon.command': basename(report.command[0] ?? ''),
    'ai_ci.carbon.command_exit_code': report.exitCode,
    'ai_ci.carbon.budget_grams': report.budget?.grams,
    'ai_ci.carbon.budget_state': report.budget?.state,
  };
}

/** `carbon now` / `carbon best-window`: the intensity, the threshold and the answer (and the window). */
export function carbonIntensity(result: {
  intensity?: number;
  threshold?: number;
  lowCarbon: boolean;
  forced?: boolean;
  source?: string;
  kind?: string;
  sourceFailed?: boolean;
  start?: string;
  expectedIntensity?: number;
  waitSeconds?: number;
}): TraceAttributes {
  return {
    'ai_ci.carbon.intensity': result.intensity,
    'ai_ci.carbon.threshold': result.threshold,
    'ai_ci.carbon.low_carbon': result.lowCarbon,
    'ai_ci.carbon.forced': result.forced,
    'ai_ci.carbon.source': result.source,
    'ai_ci.carbon.kind': result.kind,
    'ai_ci.carbon.source_failed': result.sourceFailed,
    'ai_ci.carbon.window_start': result.start,
    'ai_ci.carbon.expected_intensity': result.expectedIntensity,
    'ai_ci.carbon.wait_seconds': result.waitSeconds,
  };
}

/** `carbon predict`: the predicted change of the run's Wh and grams CO2e with their intervals. */
export function carbonPredict(p: CarbonPrediction): TraceAttributes {
  return {
    'ai_ci.carbon.base_commit': p.base.commit,
    'ai_ci.carbon.delta_wh': sig(p.deltaWh.value),
    'ai_ci.carbon.delta_wh_low': sig(p.deltaWh.low),
    'ai_ci.carbon.delta_wh_high': sig(p.deltaWh.high),
    'ai_ci.carbon.delta_grams': sig(p.deltaGrams.value),
    'ai_ci.carbon.delta_percent': rounded(p.deltaPercent.value, 2),
    'ai_ci.carbon.intensity': p.intensity.value,
  };
}
