/**
 * The online policies compared by `ai-ci simulate`. All of them keep the same deadline rule as ai-ci (run at the
 * latest start that still finishes by queuedAt + maxDeferral on the expected duration), so they are compared on
 * carbon and delay under one promise; without it the design document's policy can hold a job for days on a dirty
 * grid, and `releasedAtDeadline` in the report shows how often the guard was what started a job.
 *
 * - `run-now`: every job starts when queued (today's behaviour).
 * - `design-doc`: the design document's "carbon-optimized CI": a check at fixed hours (00, 06, 12, 18 UTC) starts
 *   everything queued when the current intensity is below the threshold (200 g), otherwise the jobs wait for the
 *   next check, plus the deadline guard.
 * - `threshold`: starts a job as soon as the current intensity is below the threshold, else at its latest start.
 * - `ai-ci`: the real scheduler (src/carbon/scheduler.ts) with the forecast issued at the current step.
 */
import type { SchedulerParams } from '../scheduler.js';
import { decide } from '../scheduler.js';
import type { IntensityPoint } from '../types.js';
import type { IntensityIndex } from '../window.js';
import { valueAt } from '../window.js';
import type { OnlinePolicy, PolicyAnswer } from './engine.js';

const HOUR = 3_600_000;

export const runNowPolicy: OnlinePolicy = {
  key: 'run-now',
  decide: () => ({ run: true, reason: 'RunNow' }),
};

function deadlineGuard(latestStart: number, now: number): PolicyAnswer | undefined {
  return now >= latestStart ? { run: true, reason: 'DeadlineReached' } : undefined;
}

export function designDocPolicy(
  actual: IntensityIndex,
  thresholdG: number,
  checkHoursUtc: readonly number[],
): OnlinePolicy {
  const hours = [...new Set(checkHoursUtc)].sort((a, b) => a - b);
  if (hours.length === 0 || hours.some((h) => !Number.isInteger(h) || h < 0 || h > 23)) {
    throw new RangeError(`check hours must be whole hours 0..23, got ${checkHoursUtc.join(',')}`);
  }
  const isCheck = (t: number) => t % HOUR === 0 && hours.includes(new Date(t).getUTCHours());
  const nextCheck = (t: number) => {
    const dayStart = Math.floor(t / (24 * HOUR)) * 24 * HOUR;
    for (let d = 0; d < 2; d++) {
      for (const h of hours) {
        const c = dayStart + d * 24 * HOUR + h * HOUR;
        if (c > t) return c;
      }
    }
    return Number.POSITIVE_INFINITY;
  };
  return {
    key: 'design-doc',
    decide(q, now) {
      const guard = deadlineGuard(q.latestStart, now);
      if (guard) return guard;
      if (isCheck(now)) {
        const v = valueAt(actual, now);
        if (v !== undefined && v < thresholdG) return { run: true, reason: 'LowCarbon' };
      }
      return { run: false, wakeAt: nextCheck(now) };
    },
  };
}

export function thresholdPolicy(actual: IntensityIndex, thresholdG: number): OnlinePolicy {
  return {
    key: 'threshold',
    decide(q, now) {
      const guard = deadlineGuard(q.latestStart, now);
      if (guard) return guard;
      const v = valueAt(actual, now);
      if (v !== undefined && v < thresholdG) return { run: true, reason: 'LowCarbon' };
      return { run: false };
    },
  };
}

/**
 * ai-ci: `decide` from src/carbon/scheduler.ts, fed the forecast issued at the last trace step at or before now.
 * The scheduler gets the learned expected duration, exactly as the controller's gate would.
 */
export function aiCiPolicy(
  params: Omit<SchedulerParams, 'maxDeferralMs'> & { maxDeferralMs: number },
  forecastAt: (now: number) => readonly IntensityPoint[],
): OnlinePolicy {
  return {
    key: 'ai-ci',
    decide(q, now) {
      const d = decide(
        {
          queuedAt: q.job.queuedAt,
          expectedDurationMs: q.expectedDurationMs,
          ...(q.job.labels ? { labels: q.job.labels } : {}),
          ...(q.job.branch !== undefined ? { branch: q.job.branch } : {}),
        },
        params,
        forecastAt(now),
        now,
      );
      return d.run ? { run: true, reason: d.reason } : { run: false, wakeAt: d.plannedStart };
    },
  };
}
