/**
 * What each command logs to MLflow: its figures as metrics, its settings as params, its verdict as tags and its
 * JSON report as the artifact. Only types come from the analyses, so loading this costs `carbon track` nothing
 * of theirs (track-program.ts).
 */
import type { TrackReport } from '../../analysis/energy/index.js';
import type { AnalysisReport } from '../../analysis/perf/report/types.js';
import type { Finding, Severity } from '../../analysis/review/index.js';
import { cut, keyMaker, LIMITS } from './batches.js';
import type { KeyValue } from './client.js';

export interface RunRecord {
  /** `perf analyze`, `carbon track`, `review`: the run's name (with the commit) and a tag. */
  command: string;
  /** The experiment when neither the flag nor MLFLOW_EXPERIMENT_NAME names one. */
  experiment: string;
  metrics: { key: string; value: number; step?: number }[];
  params: KeyValue[];
  tags: KeyValue[];
  artifact?: { name: string; content: string; contentType: string };
  /** The command's own exit code (logged as the tag `ai-ci.exit_code`). */
  exitCode: number;
  /**
   * Whether the run ends FAILED rather than FINISHED: the work it records did not complete (a results file that
   * could not be read, a tracked command that failed). A finding — a confident regression, a review finding, a
   * carbon budget exceeded — is a finished run whose verdict is in its tags, not a failed one, so an MLflow view
   * filtered on FAILED shows broken runs only.
   */
  failed: boolean;
  /** When the measured work started (ms since the epoch), when the command knows it. */
  startTime?: number;
}

type Value = string | number | boolean | undefined;

/** A record with valid keys and values: finite metrics only, params and tags cut to MLflow's limits. */
function record(
  base: Omit<RunRecord, 'metrics' | 'params' | 'tags'>,
  metrics: [string, number | undefined][],
  params: Record<string, Value>,
  tags: Record<string, Value>,
): RunRecord {
  const metricKey = keyMaker();
  const paramKey = keyMaker();
  const tagKey = keyMaker();
  const kv = (o: Record<string, Value>, key: (k: string) => string, max: number) =>
    Object.entries(o)
      .filter((e): e is [string, string | number | boolean] => e[1] !== undefined && e[1] !== '')
      .map(([k, v]) => ({ key: key(k), value: cut(String(v), max) }));
  return {
    ...base,
    metrics: metrics
      .filter((m): m is [string, number] => m[1] !== undefined && Number.isFinite(m[1]))
      .map(([k, value]) => ({ key: metricKey(k), value })),
    params: kv(params, paramKey, LIMITS.paramValue),
    tags: kv(tags, tagKey, LIMITS.tagValue),
  };
}

/**
 * The CLI's exit code for "ran and found a problem it is meant to report" (ExitCode.Finding in
 * src/runner-image/cli/exit-codes.ts, which this room may not import; README "CLI exit codes").
 */
const FINDING_EXIT = 1;

/** An analysis run failed when it exited with neither success nor a finding (bad usage, unreadable input). */
const analysisFailed = (exitCode: number) => exitCode !== 0 && exitCode !== FINDING_EXIT;

const json = (x: unknown) => `${JSON.stringify(x, null, 2)}\n`;

/** `perf analyze`: verdict counts, and per benchmark its change in % and P(regression). */
export function perfRun(report: AnalysisReport, exitCode: number): RunRecord {
  const metrics: [string, number | undefined][] = [
    ['benchmarks', report.benchmarks.length],
    ['failing', report.benchmarks.filter((b) => b.failing).length],
    ...Object.entries(report.counts).map(([verdict, n]): [string, number] => [`verdicts/${verdict}`, n]),
  ];
  for (const b of report.benchmarks) {
    metrics.push(
      [`change_pct/${b.name}`, b.change === undefined ? undefined : b.change.estimate * 100],
      [`p_regression/${b.name}`, b.probabilityRegressed],
      [`median/${b.name}`, b.candidate.median],
    );
  }
  return record(
    {
      command: 'perf analyze',
      experiment: 'ai-ci-perf',
      exitCode,
      failed: analysisFailed(exitCode),
      artifact: { name: 'perf-report.json', content: json(report), contentType: 'application/json' },
    },
    metrics,
    {
      results_file: report.file,
      format: report.format,
      threshold: report.threshold,
      baseline_source: report.baselineSource,
      model_used: report.model.used,
      model_path: report.model.path,
      execution_provider: report.model.executionProvider,
    },
    {
      'ai-ci.verdict': report.verdict,
      'ai-ci.regressed': report.benchmarks
        .filter((b) => b.failing)
        .map((b) => b.name)
        .join(', '),
    },
  );
}

/** `carbon track`: Wh and grams CO2e with their bands, duration, intensity, per-device Wh, the budget. */
export function carbonRun(report: TrackReport, exitCode: number): RunRecord {
  const m = report.measurement;
  const metrics: [string, number | undefined][] = [
    ['energy_wh', report.energy.wh],
    ['energy_wh_low', report.energy.low],
    ['energy_wh_high', report.energy.high],
    ['carbon_gco2e', report.carbon.grams],
    ['carbon_gco2e_low', report.carbon.low],
    ['carbon_gco2e_high', report.carbon.high],
    ['intensity_gco2e_per_kwh', report.intensity.value],
    ['duration_s', m.durationSeconds],
    ['cpu_s', m.attribution.cpuSeconds],
    ['command_exit_code', report.exitCode],
    ['tracker_overhead_pct', report.overhead.percentOfWall],
    ['budget_gco2e', report.budget?.grams],
    ['budget_used', report.budget ? report.carbon.grams / report.budget.grams : undefined],
    ...m.devices.map((d): [string, number] => [`energy_wh/${d.device}`, d.joules / 3600]),
  ];
  return record(
    {
      command: 'carbon track',
      experiment: 'ai-ci-carbon',
      exitCode,
      // The tracked command's own failure fails the run; a budget exceeded (exit 4) is a finding on a finished run.
      failed: report.exitCode !== 0,
      startTime: m.startedAt,
      artifact: { name: 'carbon-report.json', content: json(report), contentType: 'application/json' },
    },
    metrics,
    {
      command: report.command.join(' '),
      method: m.method,
      intensity_source: report.intensity.source,
      cpu_model: m.cpuModel,
      attribution: m.attribution.scope,
      pue: m.pue,
      budget_warn_at: report.budget?.warnAt,
    },
    { 'ai-ci.budget_state': report.budget?.state, 'ai-ci.signal': report.signal ?? undefined },
  );
}

const SEVERITIES: readonly Severity[] = ['error', 'warning', 'note'];

/** `review`: findings in all, per severity and per rule (every rule that ran, zeros included). */
export function reviewRun(
  result: {
    findings: readonly Finding[];
    rules: readonly { id: string }[];
    files: number;
    problems: readonly unknown[];
  },
  reportJson: string,
  exitCode: number,
): RunRecord {
  const active = result.findings.filter((f) => !f.suppressed);
  const metrics: [string, number][] = [
    ['findings', active.length],
    ['suppressed', result.findings.length - active.length],
    ['files', result.files],
    ['problems', result.problems.length],
    ...SEVERITIES.map((s): [string, number] => [
      `findings/severity/${s}`,
      active.filter((f) => f.severity === s).length,
    ]),
    ...result.rules.map((r): [string, number] => [
      `findings/rule/${r.id}`,
      active.filter((f) => f.ruleId === r.id).length,
    ]),
  ];
  return record(
    {
      command: 'review',
      experiment: 'ai-ci-review',
      exitCode,
      failed: analysisFailed(exitCode),
      artifact: { name: 'review.json', content: reportJson, contentType: 'application/json' },
    },
    metrics,
    { rules: result.rules.map((r) => r.id).join(',') },
    {},
  );
}
