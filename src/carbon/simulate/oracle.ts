/**
 * The oracle: perfect foresight of the actual intensity and of every job's real duration, under the same deadline
 * rule (finish by queuedAt + maxDeferral; a job longer than that starts at once) and the same runner limit.
 *
 * - When the per-job best windows never need more than `maxRunners` runners at once, that placement is the exact
 *   optimum (each job at `bestWindow` on the actuals: the same code the scheduler uses).
 * - Otherwise a greedy placement: jobs in arrival order each take their cleanest window that still has a free
 *   runner for the whole run; when all of them are full, the earliest free slot from its queue time (a deadline
 *   miss if that is after its latest start). Greedy is not an exact optimum under a tight limit, so a policy can beat it there; the
 *   report says which oracle was used.
 */
import type { IntensityIndex } from '../window.js';
import { bestWindow, candidateWindows } from '../window.js';
import type { Placement } from './engine.js';
import type { SimJob } from './jobs.js';

const MINUTE = 60_000;

export interface OracleResult {
  placements: Placement[];
  /** `exact`: unconstrained per-job optimum fits the limit; `greedy`: capacity forced the greedy placement. */
  method: 'exact' | 'greedy';
}

export function oraclePlacements(
  jobs: readonly SimJob[],
  actual: IntensityIndex,
  maxDeferralMs: number,
  maxRunners: number,
): OracleResult {
  const latestStartOf = (j: SimJob) => Math.max(j.queuedAt, j.queuedAt + maxDeferralMs - j.durationMs);
  const unconstrained: Placement[] = jobs.map((j) => {
    const latest = latestStartOf(j);
    const w =
      latest > j.queuedAt ? bestWindow(actual, j.queuedAt, latest + j.durationMs, j.durationMs) : undefined;
    const start = w?.start ?? j.queuedAt;
    return { jobId: j.id, start, end: start + j.durationMs, reason: w ? 'BestWindow' : 'NoChoice' };
  });
  if (maxConcurrency(unconstrained) <= maxRunners) {
    return { placements: unconstrained.sort((a, b) => a.jobId - b.jobId), method: 'exact' };
  }
  return { placements: greedy(jobs, actual, maxRunners, latestStartOf), method: 'greedy' };
}

/** Most runs in progress at any instant (an end and a start at the same instant do not overlap). */
export function maxConcurrency(placements: readonly Placement[]): number {
  const events: Array<[number, number]> = [];
  for (const p of placements) {
    events.push([p.start, 1], [p.end, -1]);
  }
  events.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  let now = 0;
  let max = 0;
  for (const [, delta] of events) {
    now += delta;
    if (now > max) max = now;
  }
  return max;
}

function greedy(
  jobs: readonly SimJob[],
  actual: IntensityIndex,
  maxRunners: number,
  latestStartOf: (j: SimJob) => number,
): Placement[] {
  const ordered = [...jobs].sort((a, b) => a.queuedAt - b.queuedAt || a.id - b.id);
  if (ordered.length === 0) return [];
  const base = Math.floor(ordered[0]!.queuedAt / MINUTE) * MINUTE;
  let span = 0;
  let work = 0;
  for (const j of ordered) {
    span = Math.max(span, latestStartOf(j) + j.durationMs - base);
    work += j.durationMs;
  }
  // Runners in use per minute. Room for the worst backlog: all work queued behind the last deadline.
  const occupancy = new Uint16Array(Math.ceil((span + work / maxRunners) / MINUTE) + 2);
  const firstMinute = (t: number) => Math.floor((t - base) / MINUTE);
  const lastMinute = (t: number) => Math.ceil((t - base) / MINUTE);
  /** The last full minute in [start, end), or -1 when a runner is free throughout. */
  const blockedAt = (start: number, end: number): number => {
    for (let m = lastMinute(end) - 1; m >= firstMinute(start); m--) if (occupancy[m]! >= maxRunners) return m;
    return -1;
  };
  const placements: Placement[] = [];
  for (const j of ordered) {
    const latest = latestStartOf(j);
    const ranked = candidateWindows(actual, j.queuedAt, latest + j.durationMs, j.durationMs).sort(
      (a, b) => a.meanIntensity - b.meanIntensity || a.start - b.start,
    );
    let start: number | undefined;
    let reason = latest > j.queuedAt ? 'BestWindow' : 'NoChoice';
    for (const w of ranked) {
      if (blockedAt(w.start, w.end) < 0) {
        start = w.start;
        break;
      }
    }
    if (start === undefined) {
      // Every candidate window is full: the earliest free slot from the queue time (a miss if after the latest start).
      let s = j.queuedAt;
      for (
        let blocked = blockedAt(s, s + j.durationMs);
        blocked >= 0;
        blocked = blockedAt(s, s + j.durationMs)
      ) {
        s = base + (blocked + 1) * MINUTE;
      }
      start = s;
      reason = s <= latest ? 'CapacityFit' : 'CapacityLate';
    }
    for (let m = firstMinute(start); m < lastMinute(start + j.durationMs); m++) occupancy[m]!++;
    placements.push({ jobId: j.id, start, end: start + j.durationMs, reason });
  }
  return placements.sort((a, b) => a.jobId - b.jobId);
}
