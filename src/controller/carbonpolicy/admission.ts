/**
 * The CarbonPolicy gate's decision for one queued job. Pure: the policy, the job, what the source knows and `now`
 * come in as arguments; the gate (gate.ts) gathers them and keeps per-job memory.
 *
 * Rules, in order:
 * 1. `ai-ci.dev/force-run: "true"` on the RunnerPool or the CarbonPolicy: admit (`ForcedRun`).
 * 2. Usable intensity data: the scheduler decides (force-run labels/branches, deadline, threshold, best window;
 *    see src/carbon/scheduler.ts): admit, or defer until its planned start (`Deferred`).
 * 3. No usable data (breaker open, or failing with nothing fetched yet): force-run labels/branches and the
 *    deadline still apply (the scheduler over an empty forecast); otherwise the failure mode: `runAnyway` admits
 *    (`SourceUnavailable`), `wait` defers until the latest start, when the deadline admits it.
 */
import type { GateDecision, GateJob } from '../../carbon/gate.js';
import { decide as schedule } from '../../carbon/scheduler.js';
import type { IntensityPoint } from '../../carbon/types.js';
import { type PolicyParams, schedulerParams } from './params.js';

/** What the gate knows about the policy's intensity data at a moment. */
export type PolicyData =
  | {
      usable: true;
      /** Forecast from (about) now over the horizon; may be empty (the scheduler then runs jobs now). */
      forecast: readonly IntensityPoint[];
    }
  | {
      usable: false;
      /** Why there is no data, for the decision message (no secrets: provider errors never carry them). */
      why: string;
    };

export interface AdmissionInput {
  job: GateJob;
  params: PolicyParams;
  /** Expected run time of this job (learned, or the policy's defaultJobDuration). */
  expectedDurationMs: number;
  /** Set when a force-run annotation admits every job, e.g. `RunnerPool ci/gpu`. */
  forcedBy?: string;
  data: PolicyData;
  now: number;
}

/** The gate's decision plus what the metrics need. */
export interface Admission extends GateDecision {
  /** Forecast mean over the run if it started now (undefined where the forecast is silent). */
  expectedIntensityNow?: number;
  /** The latest start that keeps the deadline. */
  latestStart: number;
}

export function decideAdmission(input: AdmissionInput): Admission {
  const { job, params, now } = input;
  const deadline = job.queuedAt + params.maxDeferralMs;
  if (input.forcedBy !== undefined) {
    return {
      admit: true,
      reason: 'ForcedRun',
      message: `annotation ai-ci.dev/force-run on ${input.forcedBy}`,
      deadline,
      latestStart: Math.max(job.queuedAt, deadline - Math.max(0, input.expectedDurationMs)),
    };
  }
  const schedulerJob = {
    queuedAt: job.queuedAt,
    expectedDurationMs: input.expectedDurationMs,
    labels: job.labels,
    ...(job.headBranch !== undefined ? { branch: job.headBranch } : {}),
  };
  const forecast = input.data.usable ? input.data.forecast : [];
  const d = schedule(schedulerJob, schedulerParams(params), forecast, now);
  const common = {
    deadline: d.deadline,
    latestStart: d.latestStart,
    ...(d.expectedIntensityNow !== undefined ? { expectedIntensityNow: d.expectedIntensityNow } : {}),
  };
  if (!input.data.usable && d.reason === 'NoForecast') {
    if (params.failureMode === 'runAnyway') {
      return {
        admit: true,
        reason: 'SourceUnavailable',
        message: `no usable intensity data (${input.data.why}); failureMode runAnyway admits the job`,
        ...common,
      };
    }
    return {
      admit: false,
      reason: 'SourceUnavailable',
      message: `no usable intensity data (${input.data.why}); failureMode wait holds the job until ${iso(d.latestStart)}`,
      notBefore: d.latestStart,
      ...common,
    };
  }
  if (d.run) {
    return {
      admit: true,
      reason: d.reason,
      message: d.message,
      ...(d.expectedIntensity !== undefined ? { expectedIntensity: d.expectedIntensity } : {}),
      ...common,
    };
  }
  return {
    admit: false,
    reason: d.reason,
    message: d.message,
    notBefore: d.plannedStart,
    ...(d.expectedIntensity !== undefined ? { expectedIntensity: d.expectedIntensity } : {}),
    ...common,
  };
}

function iso(t: number): string {
  return new Date(t).toISOString();
}
