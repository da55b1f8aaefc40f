/** Text tables and the JSON document of `ai-ci simulate`. */
import type { PolicyMetrics } from './metrics.js';
import type { PolicyKey, SimulationResult } from './simulate.js';
import { POLICY_LABELS } from './simulate.js';

const HOUR = 3_600_000;

/** What was simulated, for the header and the JSON. */
export interface RunDescription {
  trace: {
    label: string;
    /** `file` or `bundled`. */
    origin: 'bundled' | 'file';
    path: string;
    zone?: string;
    emissionFactor: 'lifecycle' | 'direct';
    from: string;
    to: string;
    points: number;
    stepMinutes: number;
  };
  jobs: { count: number; source: string };
  deadline: string;
  maxRunners: number;
  runnerPowerKw: number;
  thresholdG: number;
  checkHoursUtc: readonly number[];
  scheduler: string;
  seed: number;
}

export interface JsonReport {
  simulation: RunDescription;
  forecast: SimulationResult['forecast'];
  oracle: { method: SimulationResult['oracleMethod'] };
  policies: Array<
    Omit<PolicyMetrics, 'delay'> & {
      label: string;
      emissionsKg: number;
      delayHours: { p50: number; p95: number; max: number; mean: number };
    }
  >;
  notes: string[];
}

export function jsonReport(run: RunDescription, result: SimulationResult): JsonReport {
  return {
    simulation: run,
    forecast: result.forecast,
    oracle: { method: result.oracleMethod },
    policies: result.policies.map(({ delay, ...m }) => ({
      ...m,
      label: POLICY_LABELS[m.policy as PolicyKey] ?? m.policy,
      emissionsKg: m.emissionsG / 1000,
      delayHours: {
        p50: delay.p50Ms / HOUR,
        p95: delay.p95Ms / HOUR,
        max: delay.maxMs / HOUR,
        mean: delay.meanMs / HOUR,
      },
    })),
    notes: result.notes,
  };
}

/** A column-aligned table; the first column is left-aligned, the others right-aligned. */
export function formatTable(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!)))
      .join('  ')
      .trimEnd();
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}

export function formatDelay(ms: number): string {
  const minutes = Math.round(ms / 60_000);
  if (minutes < 60) return `${minutes}m`;
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return m === 0 ? `${h}h` : `${h}h${String(m).padStart(2, '0')}m`;
}

export function formatPct(value: number | undefined, digits = 1): string {
  return value === undefined || !Number.isFinite(value) ? 'n/a' : `${value.toFixed(digits)}%`;
}

const KG = new Intl.NumberFormat('en-US', { maximumFractionDigits: 1, minimumFractionDigits: 1 });

export function textReport(run: RunDescription, result: SimulationResult): string {
  const rows = result.policies.map((m) => [
    POLICY_LABELS[m.policy as PolicyKey] ?? m.policy,
    KG.format(m.emissionsG / 1000),
    m.meanIntensity.toFixed(0),
    m.policy === 'run-now' ? '-' : formatPct(m.savedVsRunNowPct),
    m.policy === 'run-now' ? '-' : formatPct(m.oracleSharePct, 0),
    formatPct(100 * m.lowCarbonShare, 0),
    formatPct(100 * m.belowMedianShare, 0),
    formatDelay(m.delay.p50Ms),
    formatDelay(m.delay.p95Ms),
    formatDelay(m.delay.maxMs),
    String(m.deadlineMisses),
    String(m.releasedAtDeadline),
  ]);
  const table = formatTable(
    [
      'policy',
      'kgCO2',
      'g/kWh',
      'saved',
      'of oracle',
      `<${run.thresholdG}g`,
      '<median',
      'delay p50',
      'p95',
      'max',
      'misses',
      'at deadline',
    ],
    rows,
  );
  const t = run.trace;
  return [
    `ai-ci simulate: ${t.label}, ${t.from} to ${t.to} (${t.points} points of ${t.stepMinutes} min, ${t.emissionFactor === 'lifecycle' ? 'life-cycle' : 'direct'} gCO2eq/kWh)`,
    `jobs: ${run.jobs.count} ${run.jobs.source}`,
    `deadline ${run.deadline} after queueing, at most ${run.maxRunners} runners, ${run.runnerPowerKw} kW per busy runner, seed ${run.seed}`,
    `ai-ci: ${run.scheduler}; forecast: ${result.forecast.description}`,
    `design doc: checks at ${run.checkHoursUtc.map((h) => `${String(h).padStart(2, '0')}:00`).join(', ')} UTC, run if intensity < ${run.thresholdG} g; like every policy here it runs a job at its latest start`,
    `oracle: perfect foresight of intensity and durations, ${result.oracleMethod === 'exact' ? 'exact per-job best windows' : 'greedy under the runner limit'}`,
    '',
    table,
    '',
    `saved: vs run now. of oracle: share of the oracle's saving achieved. <${run.thresholdG}g / <median: share of job-hours below the threshold / below the grid's 24 h rolling median.`,
    'delay: time queued before starting. misses: jobs that finished after their deadline. at deadline: jobs the deadline guard started.',
    ...result.notes,
  ].join('\n');
}

export interface SweepRow {
  region: string;
  deadline: string;
  result: SimulationResult;
}

/** One line per region and deadline: the figures the closing report asks for. */
export function sweepReport(rows: readonly SweepRow[], forecastNote: string): string {
  const get = (r: SimulationResult, k: PolicyKey) => r.policies.find((m) => m.policy === k)!;
  const table = formatTable(
    [
      'region',
      'deadline',
      'oracle saved',
      'ai-ci saved',
      'ai-ci of oracle',
      'ai-ci p50/p95/max delay',
      'ai-ci misses',
      'design-doc saved',
      'design-doc p50/p95/max delay',
      'design-doc misses',
      'threshold saved',
      'oracle',
    ],
    rows.map(({ region, deadline, result }) => {
      const oracle = get(result, 'oracle');
      const ai = get(result, 'ai-ci');
      const doc = get(result, 'design-doc');
      const thr = get(result, 'threshold');
      const delays = (m: PolicyMetrics) =>
        `${formatDelay(m.delay.p50Ms)}/${formatDelay(m.delay.p95Ms)}/${formatDelay(m.delay.maxMs)}`;
      return [
        region,
        deadline,
        formatPct(oracle.savedVsRunNowPct),
        formatPct(ai.savedVsRunNowPct),
        formatPct(ai.oracleSharePct, 0),
        delays(ai),
        String(ai.deadlineMisses),
        formatPct(doc.savedVsRunNowPct),
        delays(doc),
        String(doc.deadlineMisses),
        formatPct(thr.savedVsRunNowPct),
        result.oracleMethod,
      ];
    }),
  );
  return [
    table,
    '',
    forecastNote,
    'oracle: exact = per-job best windows fit the runner limit; greedy = they did not, and the oracle is a greedy placement (a policy may then beat it).',
  ].join('\n');
}
