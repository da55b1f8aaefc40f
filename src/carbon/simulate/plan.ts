/**
 * Turns settings (already parsed into numbers and milliseconds by whoever took them from the user) and a loaded
 * trace into one simulation: which jobs, whose working hours, the scheduler's configuration and the description the
 * report prints. The CLI parses flags and renders; everything it used to compute in between lives here.
 */
import { formatDuration } from '../duration.js';
import type { Trace } from '../traces.js';
import { zoneTimeZone } from './data.js';
import type { ForecastKind } from './forecast.js';
import type { ArrivalPattern, SimJob } from './jobs.js';
import { generateJobs } from './jobs.js';
import type { RunDescription } from './report.js';
import { createRandom } from './rng.js';
import type { SimulationConfig } from './simulate.js';

const DAY = 24 * 3_600_000;

/**
 * The simulator's own defaults (`ai-ci simulate` flags; the CarbonPolicy settings default to the CRD's,
 * CARBON_POLICY_DEFAULTS). One place: the CLI, `npm run sim:report` and the README's description of it read them.
 */
export const SIMULATE_DEFAULTS = {
  jobsPerDay: 48,
  durationMin: '2m',
  durationMax: '3h',
  arrivals: 'diurnal',
  maxRunners: 20,
  runnerPowerKw: 0.3,
  thresholdG: 200,
  forecastMae: 24,
  seed: 1,
} as const;

/** A setting the user gave is unusable for this trace; the message names the setting. */
export class PlanError extends Error {
  override name = 'PlanError';
}

export interface PlanTrace {
  trace: Trace;
  /** How the report names the trace, e.g. "GB 2024". */
  label: string;
  origin: 'bundled' | 'file';
  path: string;
  /** The bundled region's IANA time zone; undefined for a user's file. */
  bundledTimeZone?: string;
  /** Which Electricity Maps column was read. */
  emissionFactor: 'lifecycle' | 'direct';
}

export interface PlanSettings {
  /** Explicit IANA time zone for generated working hours (--time-zone). */
  timeZone?: string;
  fromMs?: number;
  toMs?: number;
  maxDeferralMs: number;
  /** Arrivals read from a file; when absent, jobs are generated. */
  fileJobs?: readonly SimJob[];
  /** Where fileJobs came from, for the report. */
  jobsFile?: string;
  jobsPerDay: number;
  durationMinMs: number;
  durationMaxMs: number;
  arrivals: ArrivalPattern;
  maxRunners: number;
  runnerPowerKw: number;
  thresholdG: number;
  checkHoursUtc: number[];
  tolerancePercent: number;
  toleranceG: number;
  policyThresholdG?: number;
  waitPenaltyPerHour: number;
  defaultDurationMs: number;
  /** CarbonPolicy maxJobDuration (unset: jobs with little history are planned with the longest known job). */
  maxJobDurationMs?: number;
  forecast: ForecastKind | 'auto';
  forecastMae: number;
  forecastHorizonMs: number;
  seed: number;
}

export interface ResolvedTimeZone {
  timeZone: string;
  /** Why the time zone is what it is, when that is not obvious (appended to the jobs line). */
  note: string;
}

/**
 * Whose working hours the diurnal generator uses: the explicit setting, else the bundled region's, else the zone the
 * trace names (a country spanning several time zones is an error asking for one), and only for a trace that names no
 * zone at all UTC, with a note saying so.
 */
export function resolveTimeZone(input: PlanTrace, settings: PlanSettings): ResolvedTimeZone {
  if (settings.timeZone !== undefined) return { timeZone: settings.timeZone, note: '' };
  if (input.bundledTimeZone !== undefined) return { timeZone: input.bundledTimeZone, note: '' };
  const generatedDiurnal = settings.fileJobs === undefined && settings.arrivals === 'diurnal';
  if (!generatedDiurnal) return { timeZone: 'UTC', note: '' };
  if (!input.trace.zone) return { timeZone: 'UTC', note: ': the trace names no zone, --time-zone sets one' };
  const found = zoneTimeZone(input.trace.zone);
  if (!found.timeZone)
    throw new PlanError(
      `${input.path}: ${found.reason}: give --time-zone (an IANA name such as America/New_York) for the working hours of the generated jobs`,
    );
  return { timeZone: found.timeZone, note: '' };
}

/** The simulation to run and its description. Throws PlanError on settings this trace cannot honour. */
export function planSimulation(
  input: PlanTrace,
  settings: PlanSettings,
): { config: SimulationConfig; run: RunDescription } {
  const points = input.trace.actual.points;
  if (points.length === 0) throw new PlanError(`${input.path}: the trace has no points`);
  const traceStart = points[0]!.start;
  const traceEnd = points[points.length - 1]!.end;
  const from = settings.fromMs ?? traceStart;
  if (settings.durationMaxMs < settings.durationMinMs)
    throw new PlanError('--duration-max is shorter than --duration-min');
  if (settings.forecast === 'provider' && !input.trace.forecast)
    throw new PlanError(`--forecast provider: ${input.path} has no published forecast`);

  let jobs: SimJob[];
  let jobSource: string;
  if (settings.fileJobs) {
    const end = settings.toMs ?? traceEnd;
    const inRange = settings.fileJobs.filter(
      (j) => j.queuedAt >= Math.max(from, traceStart) && j.queuedAt < end,
    );
    const left = settings.fileJobs.length - inRange.length;
    jobSource = `from ${settings.jobsFile ?? 'the jobs file'}${left > 0 ? ` (${left} queued outside the trace or --from/--to left out)` : ''}`;
    jobs = inRange.map((j, i) => ({ ...j, id: i }));
  } else {
    const zone = resolveTimeZone(input, settings);
    const lastArrival = Math.min(
      settings.toMs ?? traceEnd,
      traceEnd - Math.max(settings.maxDeferralMs, settings.durationMaxMs),
    );
    try {
      jobs = generateJobs(
        {
          from: Math.max(from, traceStart),
          to: lastArrival,
          jobsPerDay: settings.jobsPerDay,
          durationMinMs: settings.durationMinMs,
          durationMaxMs: settings.durationMaxMs,
          arrivals: settings.arrivals,
          timeZone: zone.timeZone,
        },
        createRandom(settings.seed).fork('jobs'),
      );
    } catch (err) {
      throw new PlanError((err as Error).message);
    }
    const where = settings.arrivals === 'diurnal' ? ` in ${zone.timeZone}${zone.note}` : '';
    jobSource = `generated (${settings.arrivals}${where}, ${settings.jobsPerDay}/day, ${formatDuration(settings.durationMinMs)}–${formatDuration(settings.durationMaxMs)})`;
  }
  if (jobs.length === 0) throw new PlanError('no jobs to simulate in the chosen period');

  const config: SimulationConfig = {
    actual: input.trace.actual,
    ...(input.trace.forecast ? { providerForecast: input.trace.forecast } : {}),
    jobs,
    maxDeferralMs: settings.maxDeferralMs,
    maxRunners: settings.maxRunners,
    runnerPowerKw: settings.runnerPowerKw,
    thresholdG: settings.thresholdG,
    checkHoursUtc: settings.checkHoursUtc,
    defaultDurationMs: settings.defaultDurationMs,
    ...(settings.maxJobDurationMs !== undefined ? { maxJobDurationMs: settings.maxJobDurationMs } : {}),
    forecast: {
      kind: settings.forecast,
      meanAbsoluteError: settings.forecastMae,
      horizonMs: settings.forecastHorizonMs,
    },
    scheduler: {
      toleranceRatio: settings.tolerancePercent / 100,
      toleranceGPerKWh: settings.toleranceG,
      waitPenaltyPerHour: settings.waitPenaltyPerHour,
      ...(settings.policyThresholdG !== undefined ? { thresholdGPerKWh: settings.policyThresholdG } : {}),
    },
    seed: settings.seed,
  };
  const step = points.length > 1 ? points[1]!.start - points[0]!.start : points[0]!.end - points[0]!.start;
  const run: RunDescription = {
    trace: {
      label: input.label,
      origin: input.origin,
      path: input.path,
      ...(input.trace.zone ? { zone: input.trace.zone } : {}),
      emissionFactor: input.emissionFactor,
      from: new Date(traceStart).toISOString(),
      to: new Date(traceEnd).toISOString(),
      points: points.length,
      stepMinutes: Math.round(step / 60_000),
    },
    jobs: { count: jobs.length, source: jobSource },
    deadline: formatDuration(settings.maxDeferralMs),
    maxRunners: settings.maxRunners,
    runnerPowerKw: settings.runnerPowerKw,
    thresholdG: settings.thresholdG,
    checkHoursUtc: settings.checkHoursUtc,
    scheduler: [
      `tolerance ${settings.tolerancePercent}%${settings.toleranceG > 0 ? ` or ${settings.toleranceG} g` : ''}`,
      settings.policyThresholdG === undefined ? 'no threshold' : `threshold ${settings.policyThresholdG} g`,
      settings.waitPenaltyPerHour > 0 ? `wait penalty ${settings.waitPenaltyPerHour} g/h` : '',
      `forecast horizon ${formatDuration(settings.forecastHorizonMs)}`,
      're-decided every trace step',
    ]
      .filter(Boolean)
      .join(', '),
    seed: settings.seed,
  };
  return { config, run };
}

/**
 * The Monday (UTC) starting the week whose intensity varies most (90th minus 10th percentile): the week where
 * shifting work matters, so the picture shows the policies apart. Falls back to the first job's day.
 */
export function liveliestWeek(points: readonly { start: number; value: number }[], firstJob: number): number {
  const firstMonday = Math.ceil(firstJob / DAY) * DAY;
  let best = Math.floor(firstJob / DAY) * DAY;
  let bestSpread = -1;
  const last = points[points.length - 1]?.start ?? firstMonday;
  const start = firstMonday + ((8 - new Date(firstMonday).getUTCDay()) % 7) * DAY;
  for (let week = start; week + 7 * DAY <= last; week += 7 * DAY) {
    const values = points
      .filter((p) => p.start >= week && p.start < week + 7 * DAY)
      .map((p) => p.value)
      .sort((a, b) => a - b);
    if (values.length === 0) continue;
    const spread = values[Math.floor(values.length * 0.9)]! - values[Math.floor(values.length * 0.1)]!;
    if (spread > bestSpread) {
      bestSpread = spread;
      best = week;
    }
  }
  return best;
}
