/**
 * The RunnerPool decision, pure: an Observation in, actions and the desired status out. No I/O, no clock (`now`
 * comes in the observation), no randomness (`act` names new runners).
 *
 * Rules (README → RunnerPool → How it works):
 * - desired = min(minRunners + admitted queued jobs + busy runners, maxRunners): busy runners hold their jobs,
 *   and minRunners more stay idle as a warm pool.
 * - A runner is removed only when it is not busy; removal deregisters it from GitHub first (GitHub refuses to
 *   deregister a runner that took a job, which closes the race with a job arriving meanwhile), then deletes its
 *   Secret, then its Pod.
 * - Scale-down waits `scaleDownDelay` from when a runner started idling (or was created, while starting).
 * - A finished Pod (Succeeded/Failed) is cleaned up with its Secret. A Pod that failed before its runner took a
 *   job is recreated from the same Secret after a backoff, at most maxRunnerRetries times, then replaced.
 * - A runner not online within runnerStartupTimeout is replaced.
 * - Orphans are repaired: a GitHub runner of the pool without Secret or Pod is deregistered; a Pod or Secret whose
 *   GitHub runner is gone is deleted; a Secret without its Pod (a crash between the two creates) gets its Pod.
 * - Without GitHub (unreachable API), nothing that needs GitHub's view is decided: no creation, no scale-down, no
 *   orphan repair; finished Pods are still cleaned up (their registrations are repaired as orphans later).
 *
 * Size: one function, kept whole so the rules above read top to bottom in the order they apply; its table tests
 * (test/controller/runnerpool/decide.test.ts) follow the same order.
 */
import type { RunnerPoolStatus, RunnerSummary } from '../../api/v1alpha1/index.js';
import { findCondition, removeCondition, setCondition, toKubeTime } from './conditions.js';
import {
  type Action,
  Condition,
  type Decision,
  type Observation,
  type ObservedRunner,
  type RemovalReason,
  type RunnerState,
} from './model.js';

/** A GitHub listing proves a runner gone only if taken this long after the runner's Secret/Pod was created
 *  (creation timestamps have one-second resolution, and clocks of apiserver and controller differ a little). */
export const LISTING_SKEW_MS = 5_000;
/** While runners are starting, look at GitHub again this often to see them come online. */
export const PENDING_POLL_MS = 15_000;
/** Retry interval while GitHub is unreachable or the pool waits for busy runners to finish before deletion. */
export const RETRY_MS = 30_000;
/** Backoff before recreating the Pod of a runner that failed `failures` times: 10 s, 20 s, 40 s, … ≤ 5 min. */
export function restartBackoffMs(failures: number): number {
  return Math.min(10_000 * 2 ** Math.max(0, failures - 1), 300_000);
}

interface Candidate {
  runner: ObservedRunner;
  state: 'pending' | 'idle';
  /** Idle since (idle) or created (pending), epoch ms. */
  since: number;
  outdated: boolean;
}

function isTerminal(r: ObservedRunner): boolean {
  return r.pod?.phase === 'Succeeded' || r.pod?.phase === 'Failed';
}

function isBusy(r: ObservedRunner): boolean {
  return r.github?.busy === true || r.assignedJobId !== undefined || r.pod?.busyMarked === true;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

export function decide(o: Observation): Decision {
  const { now, pool } = o;
  const gh = o.github;
  const actions: Action[] = [];
  const counts: Record<RunnerState, number> = { pending: 0, idle: 0, busy: 0, finished: 0 };
  let requeueAt: number | undefined;
  const wakeAt = (t: number) => {
    const at = Math.max(t, now + 1000);
    requeueAt = requeueAt === undefined ? at : Math.min(requeueAt, at);
  };
  const event = (eventType: 'Normal' | 'Warning', reason: string, message: string) =>
    actions.push({ type: 'emitEvent', eventType, reason, message });

  /** Deregister (when GitHub knows it) → delete Secret → delete Pod. Returns false when nothing was left to do. */
  const remove = (r: ObservedRunner, reason: RemovalReason, ignoreBusy = false): boolean => {
    const before = actions.length;
    const runnerId = gh.reachable ? r.github?.id : r.secret?.runnerId;
    if (gh.reachable && runnerId !== undefined) {
      actions.push({
        type: 'deregisterRunner',
        runner: r.name,
        runnerId,
        reason,
        ...(ignoreBusy ? { ignoreBusy } : {}),
      });
    }
    if (r.secret && !r.secret.deleting) actions.push({ type: 'deleteSecret', runner: r.name, reason });
    if (r.pod && !r.pod.deleting) actions.push({ type: 'deleteRunnerPod', runner: r.name, reason });
    return actions.length > before;
  };

  // ---- Pool deletion: deregister and remove every runner that is not busy, then release the finalizer. ----
  if (pool.deleting) {
    if (!pool.hasFinalizer) return { actions, status: undefined, counts, desired: 0 };
    let remaining = 0;
    let waitingBusy = 0;
    for (const r of o.runners) {
      if (r.creating) {
        remaining++;
        continue;
      }
      if (isBusy(r) && !isTerminal(r)) {
        remaining++;
        waitingBusy++;
        counts.busy++;
        continue;
      }
      const registered = r.github !== undefined || (!gh.reachable && r.secret?.runnerId !== undefined);
      // Without GitHub we cannot deregister; wait, unless the credentials are gone for good (then GitHub drops
      // never-connected ephemeral registrations by itself).
      if (registered && !gh.reachable && gh.reason !== 'CredentialsMissing') {
        remaining++;
        continue;
      }
      if (remove(r, 'pool_deleted', isTerminal(r)) || r.pod || r.secret) remaining++;
      counts.finished++;
    }
    if (remaining === 0) {
      actions.push({ type: 'removeFinalizer' });
    } else {
      if (
        waitingBusy > 0 &&
        !actions.some((a) => a.type === 'deregisterRunner' || a.type === 'deleteRunnerPod')
      ) {
        event(
          'Normal',
          'WaitingForBusyRunners',
          `pool is being deleted; waiting for ${plural(waitingBusy, 'busy runner')} to finish their jobs`,
        );
      }
      wakeAt(now + (gh.reachable ? 5_000 : RETRY_MS));
    }
    return { actions, status: undefined, counts, desired: 0, requeueAfterMs: (requeueAt ?? now) - now };
  }

  if (!pool.hasFinalizer) actions.push({ type: 'addFinalizer' });
  if (!o.disruptionBudgetEnsured) actions.push({ type: 'ensureDisruptionBudget' });

  const listedAt = gh.reachable ? gh.listedAt : Number.NEGATIVE_INFINITY;
  const available: Candidate[] = [];
  const summaries: RunnerSummary[] = [];
  const summary = (r: ObservedRunner, phase: RunnerSummary['phase'], since?: number, jobId?: number) => {
    const s: RunnerSummary = { name: r.name, phase };
    if (jobId !== undefined) s.jobId = jobId;
    if (since !== undefined) s.since = toKubeTime(since);
    summaries.push(s);
  };

  for (const r of o.runners) {
    const { pod, secret } = r;
    const busy = isBusy(r);
    const jobId = r.assignedJobId ?? pod?.jobId;

    if (r.creating) {
      counts.pending++;
      summary(r, 'Pending');
      continue;
    }

    // Objects already on their way out.
    if (pod?.deleting && (!secret || secret.deleting)) {
      counts.finished++;
      summary(r, 'Terminating');
      continue;
    }
    if (!pod && secret?.deleting) {
      counts.finished++;
      summary(r, 'Terminating');
      continue;
    }

    // A GitHub runner of the pool with no Secret and no Pod: registered before a crash, never started.
    if (!pod && !secret) {
      if (gh.reachable && r.github && !r.github.busy) {
        remove(r, 'orphan');
        event(
          'Normal',
          'OrphanRemoved',
          `deregistering GitHub runner ${r.name} (id ${r.github.id}): it has no Pod or Secret`,
        );
      }
      continue;
    }

    // A finished Pod.
    if (pod && isTerminal(r)) {
      const tookJob = busy || pod.jobId !== undefined;
      if (
        pod.phase === 'Failed' &&
        !tookJob &&
        secret &&
        !secret.deleting &&
        gh.reachable &&
        r.github &&
        secret.failures < pool.maxRunnerRetries
      ) {
        if (secret.failedPodUid !== pod.uid) {
          actions.push({
            type: 'recordFailure',
            runner: r.name,
            failures: secret.failures + 1,
            failedPodUid: pod.uid,
            at: now,
          });
          event(
            'Warning',
            'RunnerRestarting',
            `runner ${r.name} failed before taking a job (failure ${secret.failures + 1} of ${pool.maxRunnerRetries}); its Pod is recreated after ${restartBackoffMs(secret.failures + 1) / 1000}s`,
          );
        }
        if (!pod.deleting) actions.push({ type: 'deleteRunnerPod', runner: r.name, reason: 'restart' });
        counts.pending++;
        summary(r, 'Pending', secret.createdAt);
        continue;
      }
      if (pod.phase === 'Failed') {
        const why = tookJob
          ? `while running job ${jobId ?? '(unknown)'}`
          : secret && secret.failures >= pool.maxRunnerRetries
            ? `after ${plural(secret.failures + 1, 'failure')}; replacing it`
            : 'before taking a job; replacing it';
        event('Warning', 'RunnerFailed', `runner ${r.name} failed ${why}`);
      }
      remove(r, pod.phase === 'Succeeded' ? 'finished' : 'failed', true);
      counts.finished++;
      summary(r, pod.phase === 'Failed' ? 'Failed' : 'Terminating', undefined, jobId);
      continue;
    }

    // A Secret without a live Pod: resume (crash between the creates, or a restart after failure/eviction).
    if (secret && (!pod || pod.deleting)) {
      if (pod?.deleting || !gh.reachable) {
        counts.pending++;
        summary(r, 'Pending', secret.createdAt);
        continue;
      }
      if (!r.github) {
        if (listedAt >= secret.createdAt + LISTING_SKEW_MS) {
          remove(r, 'finished');
          counts.finished++;
          summary(r, 'Terminating');
        } else {
          wakeAt(secret.createdAt + LISTING_SKEW_MS);
          counts.pending++;
          summary(r, 'Pending', secret.createdAt);
        }
        continue;
      }
      if (r.github.busy) {
        counts.busy++;
        summary(r, 'Busy', undefined, jobId);
        continue;
      }
      const backoffEnd =
        secret.failures > 0 && secret.lastFailureAt !== undefined
          ? secret.lastFailureAt + restartBackoffMs(secret.failures)
          : now;
      if (now < backoffEnd) {
        wakeAt(backoffEnd);
        available.push({
          runner: r,
          state: 'pending',
          since: secret.createdAt,
          outdated: secret.specHash !== pool.specHash,
        });
      } else {
        actions.push({ type: 'createPod', runner: r.name });
      }
      counts.pending++;
      summary(r, 'Pending', secret.createdAt);
      continue;
    }

    if (!pod) continue; // unreachable: every branch above handled a missing Pod
    const createdAt = Math.max(pod.createdAt, secret?.createdAt ?? 0);

    // A Pod that cannot start: its Secret is gone (a crash between deleting the Secret and the Pod).
    if (!secret && pod.phase === 'Pending' && !busy) {
      remove(r, 'orphan');
      counts.finished++;
      summary(r, 'Terminating');
      continue;
    }

    // GitHub no longer knows the runner.
    if (gh.reachable && !r.github && listedAt >= createdAt + LISTING_SKEW_MS) {
      if (busy) {
        // An ephemeral runner deregisters itself after its job; the Pod ends in a moment.
        counts.busy++;
        summary(r, 'Busy', undefined, jobId);
        continue;
      }
      remove(r, 'orphan');
      event(
        'Normal',
        'OrphanRemoved',
        `removing runner Pod ${r.name}: its GitHub runner is no longer registered`,
      );
      counts.finished++;
      summary(r, 'Terminating');
      continue;
    }

    if (busy) {
      if (!pod.busyMarked)
        actions.push({ type: 'markBusy', runner: r.name, ...(jobId !== undefined ? { jobId } : {}) });
      counts.busy++;
      summary(r, 'Busy', pod.startedAt, jobId);
      continue;
    }

    const outdated = pod.specHash !== pool.specHash;
    if (r.github?.status === 'online' && pod.phase === 'Running') {
      const since = pod.startedAt ?? pod.createdAt;
      counts.idle++;
      available.push({ runner: r, state: 'idle', since, outdated });
      summary(r, 'Idle', since);
      continue;
    }

    // Starting: not online yet.
    if (gh.reachable && now - createdAt >= pool.runnerStartupTimeoutMs) {
      remove(r, 'startup_timeout');
      event(
        'Warning',
        'RunnerStartupTimeout',
        `runner ${r.name} did not come online within ${pool.runnerStartupTimeoutMs / 1000}s; replacing it`,
      );
      counts.finished++;
      summary(r, 'Failed');
      continue;
    }
    wakeAt(Math.min(createdAt + pool.runnerStartupTimeoutMs, now + PENDING_POLL_MS));
    counts.pending++;
    available.push({ runner: r, state: 'pending', since: createdAt, outdated });
    summary(r, 'Pending', createdAt);
  }

  // ---- Scale. ----
  const queued = o.admittedJobs.length;
  const desired = Math.min(pool.minRunners + queued + counts.busy, pool.maxRunners);
  const desiredAvailable = Math.max(0, desired - counts.busy);
  const availableCount = counts.pending + counts.idle;
  let created = 0;
  let removed = 0;
  if (gh.reachable && availableCount < desiredAvailable) {
    const claimed = new Set<number>();
    for (const r of o.runners) {
      const forJob = r.secret?.createdForJob ?? r.creatingForJob;
      if (forJob !== undefined) claimed.add(forJob);
    }
    const unclaimed = o.admittedJobs.filter((j) => !claimed.has(j.id));
    created = desiredAvailable - availableCount;
    for (let i = 0; i < created; i++) {
      const job = unclaimed[i];
      actions.push(job ? { type: 'createRunner', forJobId: job.id } : { type: 'createRunner' });
    }
    event(
      'Normal',
      'ScalingUp',
      `creating ${plural(created, 'runner')}: ${plural(queued, 'queued job')}, ${counts.busy} busy, ${availableCount} starting or idle, desired ${desired}`,
    );
  } else if (gh.reachable && availableCount > desiredAvailable && o.demandSynced === false) {
    // Right after a restart or failover the demand store has not seen GitHub's queue yet: keep every runner.
    wakeAt(now + 5_000);
  } else if (gh.reachable && availableCount > desiredAvailable) {
    const excess = availableCount - desiredAvailable;
    const order = (c: Candidate) => (c.outdated ? 0 : 1) * 2 + (c.state === 'pending' ? 0 : 1);
    const candidates = [...available].sort((a, b) => order(a) - order(b) || a.since - b.since);
    for (const c of candidates) {
      if (removed >= excess) break;
      const eligibleAt = c.since + pool.scaleDownDelayMs;
      if (now < eligibleAt) {
        wakeAt(eligibleAt);
        continue;
      }
      if (remove(c.runner, 'scale_down')) removed++;
    }
    if (removed > 0) {
      event(
        'Normal',
        'ScalingDown',
        `removing ${plural(removed, 'idle runner')}: desired ${desired}, ${counts.busy} busy`,
      );
    }
  } else if (gh.reachable) {
    // At the desired count: replace idle runners built from an older spec, one at a time.
    const outdated = available.find((c) => c.outdated && c.state === 'idle');
    if (outdated && remove(outdated.runner, 'outdated')) {
      event(
        'Normal',
        'RunnerOutdated',
        `replacing idle runner ${outdated.runner.name}: the pool spec changed`,
      );
    }
  }

  for (const d of o.deferredJobs) if (d.notBefore !== undefined) wakeAt(d.notBefore);
  if (!gh.reachable) wakeAt(now + RETRY_MS);

  // ---- Status. ----
  const prev = o.previousStatus;
  const gen = pool.generation;
  let conditions = prev?.conditions ?? [];
  const prevGitHub = findCondition(prev?.conditions, Condition.GitHubReachable);
  if (gh.reachable) {
    conditions = setCondition(
      conditions,
      {
        type: Condition.GitHubReachable,
        status: 'True',
        reason: 'Reachable',
        message: 'GitHub API answered',
      },
      gen,
      now,
    );
  } else {
    conditions = setCondition(
      conditions,
      { type: Condition.GitHubReachable, status: 'False', reason: gh.reason, message: gh.message },
      gen,
      now,
    );
    if (prevGitHub?.status !== 'False' || prevGitHub.reason !== gh.reason) {
      event('Warning', 'GitHubUnreachable', gh.message);
    }
  }
  const scalingMessage = `desired ${desired} (${plural(queued, 'queued job')}, ${counts.busy} busy, min ${pool.minRunners}, max ${pool.maxRunners}); ${counts.pending} starting, ${counts.idle} idle`;
  conditions = setCondition(
    conditions,
    created > 0
      ? { type: Condition.Scaling, status: 'True', reason: 'ScalingUp', message: scalingMessage }
      : removed > 0
        ? { type: Condition.Scaling, status: 'True', reason: 'ScalingDown', message: scalingMessage }
        : availableCount !== desiredAvailable
          ? {
              type: Condition.Scaling,
              status: 'True',
              reason: 'WaitingForScaleDown',
              message: scalingMessage,
            }
          : { type: Condition.Scaling, status: 'False', reason: 'AtDesired', message: scalingMessage },
    gen,
    now,
  );
  const warm = Math.min(pool.minRunners, desired);
  conditions = setCondition(
    conditions,
    !gh.reachable
      ? { type: Condition.Ready, status: 'False', reason: 'GitHubUnreachable', message: gh.message }
      : counts.idle + counts.busy >= warm
        ? {
            type: Condition.Ready,
            status: 'True',
            reason: 'RunnersAvailable',
            message: `${counts.idle} idle, ${counts.busy} busy`,
          }
        : {
            type: Condition.Ready,
            status: 'False',
            reason: 'RunnersStarting',
            message: `${counts.idle + counts.busy} of ${warm} warm runners online`,
          },
    gen,
    now,
  );
  if (pool.carbonPolicy !== undefined) {
    conditions = setCondition(
      conditions,
      o.carbonPolicyFound
        ? {
            type: Condition.CarbonPolicyResolved,
            status: 'True',
            reason: 'Found',
            message: `CarbonPolicy ${pool.carbonPolicy} gates queued jobs`,
          }
        : {
            type: Condition.CarbonPolicyResolved,
            status: 'False',
            reason: 'NotFound',
            message: `CarbonPolicy ${pool.carbonPolicy} does not exist in namespace ${pool.namespace}`,
          },
      gen,
      now,
    );
  } else {
    conditions = removeCondition(conditions, Condition.CarbonPolicyResolved);
  }

  summaries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const status: RunnerPoolStatus = {
    observedGeneration: gen,
    replicas: counts.pending + counts.idle + counts.busy + counts.finished,
    busy: counts.busy,
    idle: counts.idle,
    pending: counts.pending,
    queuedJobs: queued + o.deferredJobs.length,
    deferredJobs: o.deferredJobs.length,
    runners: summaries.slice(0, 1000),
    conditions,
  };
  const lastScaleTime = created > 0 || removed > 0 ? toKubeTime(now) : prev?.lastScaleTime;
  if (lastScaleTime !== undefined) status.lastScaleTime = lastScaleTime;
  if (!statusEqual(prev, status)) actions.push({ type: 'updateStatus', status });

  const decision: Decision = { actions, status, counts, desired };
  if (requeueAt !== undefined) decision.requeueAfterMs = requeueAt - now;
  return decision;
}

/** Deep equality of two JSON values (key order ignored). */
export function statusEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a) && Array.isArray(b)) {
    return a.length === b.length && a.every((x, i) => statusEqual(x, b[i]));
  }
  const ak = Object.keys(a).filter((k) => (a as Record<string, unknown>)[k] !== undefined);
  const bk = Object.keys(b).filter((k) => (b as Record<string, unknown>)[k] !== undefined);
  if (ak.length !== bk.length) return false;
  return ak.every((k) => statusEqual((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}
