/**
 * The carbon-aware scheduler: for one queued job, run now or wait for a cleaner window. Pure: the forecast, the
 * job and `now` come in as arguments, so the CarbonPolicy gate (live) and `ai-ci simulate` (replay) call the very
 * same function. Re-deciding after the forecast changed is simply calling it again.
 *
 * Rules, in order:
 * 1. A job matching a force-run label or branch glob runs now (`ForcedRun`).
 * 2. Deadline: the job should finish by queuedAt + maxDeferral, so its latest start is that minus its expected
 *    duration (never before queuedAt). At or after the latest start it runs now (`DeadlineReached`), whatever the
 *    forecast says; a job longer than its whole deferral runs at once.
 * 3. If the forecast mean over [now, now + duration) is at or below the threshold (the CRD's wording), it runs now
 *    (`LowCarbon`).
 * 4. Otherwise the cleanest start in [now, latestStart] is searched over the forecast (time-weighted means, only
 *    over fully forecast runs). No such start (empty, stale or too short forecast): run now (`NoForecast`), as
 *    waiting blind can only add delay.
 * 5. If now is within the tolerance of that best window, run now (`BestWindowNow`); otherwise wait until the
 *    planned start (`Deferred`), and ask again then or when the forecast changes.
 *
 * When the forecast does not cover the run starting now (it starts a little in the future, or has a gap), the
 * earliest forecast run stands in for "now" in rule 5, and `expectedIntensityNow` is left undefined.
 */
import { posix } from 'node:path';
import type { IntensityInput } from './window.js';
import { bestWindow, earliestWindow, indexIntensity, meanIntensity } from './window.js';

/** What the scheduler needs to know about a queued job. */
export interface SchedulerJob {
  /** When the job was queued, epoch ms. */
  queuedAt: number;
  /**
   * Run time to plan with, ms: a conservative bound (durations-learning.ts: the longest recent run with a margin,
   * or the longest a job can run when its history is short), since the job must *finish* by its deadline.
   */
  expectedDurationMs: number;
  /** The job's `runs-on` labels (force-run globs are matched against them). */
  labels?: readonly string[];
  /** The run's branch (force-run branch globs are matched against it). */
  branch?: string;
}

/** The policy parameters the scheduler reads (a CarbonPolicy spec, converted to ms and numbers). */
export interface SchedulerParams {
  /** How long a job may be held back: it should finish by queuedAt + maxDeferralMs. */
  maxDeferralMs: number;
  /** Run now when the expected intensity over the run is at or below this (gCO2eq/kWh). Unset: no threshold. */
  thresholdGPerKWh?: number;
  /** Run now when now is at most this much worse than the best window (gCO2eq/kWh). Default 0. */
  toleranceGPerKWh?: number;
  /** Same, relative to the best window's intensity (0.05 = 5%). The larger of the two tolerances applies. */
  toleranceRatio?: number;
  /**
   * Risk margin against forecast error that grows with lead time: each hour of waiting must buy at least this
   * much (gCO2eq/kWh) lower forecast intensity. Default 0.
   */
  waitPenaltyPerHour?: number;
  /** Globs (`*` within a segment, `**` across `/`) over the job's labels: a match runs the job now. */
  forceRunLabels?: readonly string[];
  /** Globs over the branch (`release/*`, `main`): a match runs the job now. */
  forceRunBranches?: readonly string[];
}

export type DecisionReason =
  | 'ForcedRun'
  | 'DeadlineReached'
  | 'LowCarbon'
  | 'BestWindowNow'
  | 'NoForecast'
  | 'Deferred';

export interface SchedulerDecision {
  /** true: start the job now. false: wait until `plannedStart` (or until the forecast changes). */
  run: boolean;
  reason: DecisionReason;
  /** One line for events and logs. */
  message: string;
  /** `now` when running; the start of the best window when deferred. */
  plannedStart: number;
  /** Forecast mean intensity over the run starting at `plannedStart`; undefined where the forecast is silent. */
  expectedIntensity?: number;
  /** Forecast mean intensity over the run if it started now; undefined where the forecast does not cover it. */
  expectedIntensityNow?: number;
  /** queuedAt + maxDeferral: the job should finish by then. */
  deadline: number;
  /** The latest start that still finishes by the deadline (never before queuedAt). */
  latestStart: number;
}

/** Decides for one job at `now`. See the module comment for the rules. */
export function decide(
  job: SchedulerJob,
  params: SchedulerParams,
  forecast: IntensityInput,
  now: number,
): SchedulerDecision {
  if (!Number.isFinite(now)) throw new RangeError(`scheduler: now must be a finite time, got ${now}`);
  if (!Number.isFinite(job.queuedAt)) {
    throw new RangeError(`scheduler: job.queuedAt must be a finite time, got ${job.queuedAt}`);
  }
  if (!(params.maxDeferralMs >= 0)) {
    throw new RangeError(`scheduler: maxDeferralMs must be >= 0, got ${params.maxDeferralMs}`);
  }
  const duration = Number.isFinite(job.expectedDurationMs) ? Math.max(0, job.expectedDurationMs) : 0;
  const deadline = job.queuedAt + params.maxDeferralMs;
  const latestStart = Math.max(job.queuedAt, deadline - duration);
  const base = { deadline, latestStart };
  const runNow = (reason: DecisionReason, message: string, expectedNow?: number): SchedulerDecision => ({
    run: true,
    reason,
    message,
    plannedStart: now,
    ...(expectedNow !== undefined
      ? { expectedIntensity: expectedNow, expectedIntensityNow: expectedNow }
      : {}),
    ...base,
  });

  const forced = forcedBy(job, params);
  const index = indexIntensity(forecast);
  const expectedNow = meanIntensity(index, now, now + duration);
  if (forced) return runNow('ForcedRun', `force-run ${forced}`, expectedNow);
  if (now >= latestStart) {
    return runNow(
      'DeadlineReached',
      `latest start ${iso(latestStart)} reached (deadline ${iso(deadline)})`,
      expectedNow,
    );
  }
  const threshold = params.thresholdGPerKWh;
  if (threshold !== undefined && expectedNow !== undefined && expectedNow <= threshold) {
    return runNow(
      'LowCarbon',
      `expected ${fmt(expectedNow)} g/kWh is at or below the threshold ${fmt(threshold)}`,
      expectedNow,
    );
  }

  const best = bestWindow(index, now, latestStart + duration, duration, {
    waitPenaltyPerHour: params.waitPenaltyPerHour ?? 0,
  });
  if (!best) {
    return runNow('NoForecast', 'the forecast does not cover any run before the deadline', expectedNow);
  }
  // Without a forecast for "now", the earliest forecast run is the best stand-in for starting now.
  const referenceMean =
    expectedNow ??
    earliestWindow(index, now, latestStart + duration, duration)?.meanIntensity ??
    best.meanIntensity;
  const tolerance = Math.max(
    params.toleranceGPerKWh ?? 0,
    (params.toleranceRatio ?? 0) * Math.abs(best.meanIntensity),
  );
  // Any wait penalty has already been charged to later windows; the comparison with now is on plain means.
  if (best.start <= now || referenceMean <= best.meanIntensity + tolerance) {
    return runNow(
      'BestWindowNow',
      `now (${fmtOpt(expectedNow)} g/kWh) is within ${fmt(tolerance)} of the best window before the deadline (${fmt(best.meanIntensity)})`,
      expectedNow,
    );
  }
  return {
    run: false,
    reason: 'Deferred',
    message: `waiting for ${iso(best.start)} (${fmt(best.meanIntensity)} g/kWh vs ${fmtOpt(expectedNow)} now)`,
    plannedStart: best.start,
    expectedIntensity: best.meanIntensity,
    ...(expectedNow !== undefined ? { expectedIntensityNow: expectedNow } : {}),
    ...base,
  };
}

/** Which force-run glob matched the job (`label gpu-*`, `branch release/*`), or undefined. */
function forcedBy(job: SchedulerJob, params: SchedulerParams): string | undefined {
  for (const glob of params.forceRunLabels ?? []) {
    if ((job.labels ?? []).some((label) => posix.matchesGlob(label, glob))) return `label ${glob}`;
  }
  if (job.branch !== undefined) {
    for (const glob of params.forceRunBranches ?? []) {
      if (posix.matchesGlob(job.branch, glob)) return `branch ${glob}`;
    }
  }
  return undefined;
}

function iso(t: number): string {
  return new Date(t).toISOString();
}

function fmt(n: number): string {
  return String(Math.round(n * 10) / 10);
}

function fmtOpt(n: number | undefined): string {
  return n === undefined ? 'unknown' : fmt(n);
}
