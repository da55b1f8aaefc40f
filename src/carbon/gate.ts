/**
 * The contract between the RunnerPool controller and carbon-aware scheduling: before a queued job gets a runner,
 * the pool asks its gate. A pool without a CarbonPolicy uses `admitAllGate`.
 */

/** What the gate needs to know about a queued GitHub job. */
export interface GateJob {
  /** GitHub workflow job id. */
  jobId: number;
  /** `owner/repo`. */
  repository: string;
  workflowName?: string;
  jobName?: string;
  /** The job's `runs-on` labels. */
  labels: string[];
  /** Branch of the run, when known (force-run branches). */
  headBranch?: string;
  /** When GitHub queued the job, epoch ms UTC. */
  queuedAt: number;
}

/** The gate's answer for one job at one moment. */
export interface GateDecision {
  /** true: give the job a runner now. false: keep it deferred. */
  admit: boolean;
  /** Short machine-readable reason, e.g. `LowCarbon`, `Deferred`, `DeadlineReached`, `ForcedRun`, `SourceUnavailable`, `NoPolicy`. */
  reason: string;
  /** Human-readable explanation (goes into events and logs; never contains secrets). */
  message: string;
  /** When deferred: the planned start, epoch ms; the controller re-asks no later than this. */
  notBefore?: number;
  /** The latest start: queuedAt + maxDeferral, epoch ms. A job is always admitted at or after it. */
  deadline?: number;
  /** Expected mean intensity over the job's run if started at `notBefore` (or now when admitted). */
  expectedIntensity?: number;
}

/** Reference to the CarbonPolicy a RunnerPool names (same namespace as the pool). */
export interface PolicyRef {
  namespace: string;
  name: string;
  /** The RunnerPool asking (its force-run annotation and resources matter to the gate). */
  pool?: string;
}

export interface CarbonGate {
  /** Decides for each job; must answer for every job given, in the same order. Never throws for a source failure:
   *  a failing source is the policy's failure mode (runAnyway by default). */
  decide(policy: PolicyRef, jobs: readonly GateJob[], now: number): Promise<GateDecision[]>;
  /** A job ended after running `runMs`: expected durations are learned from these. Optional. */
  observeRun?(job: { repository?: string; workflowName?: string; jobName?: string }, runMs: number): void;
}

/** The gate of pools without a CarbonPolicy, and the default until a policy gate is wired in. */
export const admitAllGate: CarbonGate = {
  async decide(_policy, jobs) {
    return jobs.map(() => ({ admit: true, reason: 'NoPolicy', message: 'no CarbonPolicy gate: admitted' }));
  },
};
