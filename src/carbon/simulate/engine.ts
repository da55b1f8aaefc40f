/**
 * Discrete-event replay of an online policy: jobs arrive, the policy decides run-or-wait for each queued job, and
 * admitted jobs start as soon as one of `maxRunners` runners is free (earliest latest-start first).
 *
 * A queued job is re-decided when it arrives, at every step of the trace (a new intensity value, a new forecast),
 * and when the time it asked to be woken at comes (its planned start, the next check); never later than its latest
 * start. Each run's real duration is learned per job name (src/carbon/durations-learning.ts) when it finishes, and
 * the policies plan with what was learned so far (the longest recent run with a margin; for a job with little
 * history the longest any job can run, `maxJobDurationMs`), as the controller does.
 */
import { DurationLearner, type DurationLearnerOptions } from '../durations-learning.js';
import type { SimJob } from './jobs.js';

/** A job waiting in the queue, as a policy sees it. */
export interface QueuedJob {
  job: SimJob;
  /** Learned expected duration when it was queued, ms. */
  expectedDurationMs: number;
  /** queuedAt + maxDeferral: it should finish by then. */
  deadline: number;
  /** The latest start that finishes by the deadline on the expected duration (never before queuedAt). */
  latestStart: number;
}

export type PolicyAnswer =
  | { run: true; reason: string }
  | {
      run: false;
      /** When to ask again at the latest (besides every trace step); undefined: at the next step. */
      wakeAt?: number;
    };

export interface OnlinePolicy {
  /** Short key: `run-now`, `design-doc`, `threshold`, `ai-ci`. */
  key: string;
  decide(queued: QueuedJob, now: number): PolicyAnswer;
}

/** Where and why a job ran. */
export interface Placement {
  jobId: number;
  start: number;
  end: number;
  /** The policy's reason for admitting it (`DeadlineReached`, `LowCarbon`, …). */
  reason: string;
}

export interface EngineOptions {
  maxRunners: number;
  maxDeferralMs: number;
  /** Times at which the trace steps (interval starts), ascending. */
  stepTimes: readonly number[];
  /** Expected duration when nothing is learned yet (the CarbonPolicy's defaultJobDuration). */
  defaultDurationMs: number;
  /** The longest a job can run (CarbonPolicy maxJobDuration): the plan of a job with too little history. */
  maxJobDurationMs?: number;
  /** The learner's other settings (quantile, margin, …); its defaults otherwise. */
  durations?: Omit<DurationLearnerOptions, 'defaultMs'>;
  /** Called now and then with the share of arrivals processed (0..1). */
  onProgress?: (fraction: number) => void;
}

interface Pending {
  queued: QueuedJob;
  wakeAt: number;
}

interface Ready {
  queued: QueuedJob;
  reason: string;
}

export function runOnline(
  jobs: readonly SimJob[],
  policy: OnlinePolicy,
  options: EngineOptions,
): Placement[] {
  if (!(options.maxRunners >= 1)) throw new RangeError(`max runners must be >= 1, got ${options.maxRunners}`);
  const sorted = [...jobs].sort((a, b) => a.queuedAt - b.queuedAt || a.id - b.id);
  const learner = new DurationLearner({ ...options.durations, defaultMs: options.defaultDurationMs });
  const steps = options.stepTimes;
  const placements: Placement[] = [];
  let pending: Pending[] = [];
  const ready: Ready[] = [];
  const running: Array<{ end: number; job: SimJob }> = [];
  let nextArrival = 0;
  let nextStep = 0;
  let lastT = Number.NEGATIVE_INFINITY;
  const progressEvery = Math.max(1, Math.floor(sorted.length / 50));

  for (;;) {
    // The next event: an arrival, a completion, a wake-up, or (while jobs wait) a trace step.
    let t = Number.POSITIVE_INFINITY;
    if (nextArrival < sorted.length) t = sorted[nextArrival]!.queuedAt;
    for (const r of running) if (r.end < t) t = r.end;
    for (const p of pending) if (p.wakeAt < t) t = p.wakeAt;
    // Steps only matter while jobs wait; steps passed while none did are skipped below.
    if (pending.length > 0 && nextStep < steps.length && steps[nextStep]! < t) t = steps[nextStep]!;
    if (t === Number.POSITIVE_INFINITY) {
      if (pending.length === 0 && ready.length === 0) break;
      // Nothing left to wake a waiting job (past the trace, a policy without a deadline guard): start them now.
      t = lastT;
      for (const p of pending) ready.push({ queued: p.queued, reason: 'EndOfTrace' });
      pending = [];
    }
    lastT = t;

    // Finished runs free their runners and teach the learner.
    for (let i = running.length - 1; i >= 0; i--) {
      const r = running[i]!;
      if (r.end <= t) {
        learner.observe(r.job.name, r.job.durationMs);
        running.splice(i, 1);
      }
    }
    let isStep = false;
    while (nextStep < steps.length && steps[nextStep]! <= t) {
      isStep = true;
      nextStep++;
    }
    const fresh: Pending[] = [];
    while (nextArrival < sorted.length && sorted[nextArrival]!.queuedAt <= t) {
      const job = sorted[nextArrival++]!;
      const expectedDurationMs = learner.expected(
        job.name,
        options.defaultDurationMs,
        options.maxJobDurationMs ?? 0,
      );
      const deadline = job.queuedAt + options.maxDeferralMs;
      const latestStart = Math.max(job.queuedAt, deadline - expectedDurationMs);
      fresh.push({
        queued: { job, expectedDurationMs, deadline, latestStart },
        wakeAt: Number.NEGATIVE_INFINITY,
      });
      if (options.onProgress && nextArrival % progressEvery === 0)
        options.onProgress(nextArrival / sorted.length);
    }
    pending.push(...fresh);

    const stillPending: Pending[] = [];
    for (const p of pending) {
      if (!isStep && p.wakeAt > t) {
        stillPending.push(p);
        continue;
      }
      const answer = policy.decide(p.queued, t);
      if (answer.run) {
        ready.push({ queued: p.queued, reason: answer.reason });
      } else {
        // Never later than the latest start; never at or before now (that would spin).
        const latest = p.queued.latestStart > t ? p.queued.latestStart : Number.POSITIVE_INFINITY;
        const wake =
          answer.wakeAt !== undefined && answer.wakeAt > t ? answer.wakeAt : Number.POSITIVE_INFINITY;
        stillPending.push({ queued: p.queued, wakeAt: Math.min(wake, latest) });
      }
    }
    pending = stillPending;

    if (ready.length > 0 && running.length < options.maxRunners) {
      ready.sort(
        (a, b) =>
          a.queued.latestStart - b.queued.latestStart ||
          a.queued.job.queuedAt - b.queued.job.queuedAt ||
          a.queued.job.id - b.queued.job.id,
      );
      while (ready.length > 0 && running.length < options.maxRunners) {
        const { queued, reason } = ready.shift()!;
        const end = t + queued.job.durationMs;
        running.push({ end, job: queued.job });
        placements.push({ jobId: queued.job.id, start: t, end, reason });
      }
    }
    if (nextArrival >= sorted.length && pending.length === 0 && ready.length === 0 && running.length === 0) {
      break;
    }
  }
  options.onProgress?.(1);
  placements.sort((a, b) => a.jobId - b.jobId);
  return placements;
}
