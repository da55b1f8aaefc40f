/**
 * The CarbonPolicy gate: the RunnerPool reconciler asks it, on every reconcile of a pool with a `carbonPolicyRef`,
 * which queued jobs may get a runner now. For each job it gathers the policy's parameters, the source's data, the
 * force-run annotations and the job's expected duration, and applies the pure rules of admission.ts.
 *
 * It remembers each job it has seen (per policy, by job id):
 * - an admitted job stays admitted: a runner may already be starting for it, and taking the admission back on a
 *   forecast wobble would tear that runner down again;
 * - when a deferred job is admitted, how long it was held back (histogram) and the carbon the deferral saved: the
 *   runner's power (from the pool's resources, analysis/energy) × the job's expected duration × (forecast intensity had
 *   it run when first asked − forecast intensity of the run starting now).
 * Jobs not asked about for `forgetAfterMs` (counted from their latest start at the earliest) are forgotten: they
 * started, or were cancelled.
 */

import {
  avoidedGrams,
  DEFAULT_POWER_MODEL,
  type PowerModel,
  type RunnerResources,
  runnerWatts,
} from '../../analysis/energy/index.js';
import type { CarbonPolicy } from '../../api/v1alpha1/index.js';
import { DurationLearner, durationKey } from '../../carbon/durations-learning.js';
import type { CarbonGate, GateDecision, GateJob, PolicyRef } from '../../carbon/gate.js';
import type { Logger } from '../../kube/informer.js';
import { silentLogger } from '../../kube/informer.js';
import type { ControllerMetrics } from '../metrics.js';
import { type Admission, decideAdmission, type PolicyData } from './admission.js';
import { forceRunAnnotated, type PolicyParams } from './params.js';

/** What the gate needs of a RunnerPool (the controller's cache keeps only this). */
export interface GatePool {
  metadata: { name: string; namespace?: string; annotations?: Record<string, string> };
  spec: { carbonPolicyRef?: { name: string }; template?: { resources?: RunnerResources } };
}

export interface GateLookup {
  policy(namespace: string, name: string): CarbonPolicy | undefined;
  pool(namespace: string, name: string): GatePool | undefined;
  /** Pools of `namespace` whose carbonPolicyRef names `policy`. */
  poolsOf(namespace: string, policy: string): GatePool[];
  /** The policy's parameters and data, fetching once if nothing was fetched yet. Params undefined: invalid spec. */
  data(
    namespace: string,
    name: string,
  ): Promise<{ params?: PolicyParams; data: PolicyData; invalid?: string }>;
}

export interface PolicyGateOptions {
  lookup: GateLookup;
  metrics?: ControllerMetrics;
  power?: PowerModel;
  /** Learned durations (shared with whoever feeds completed runs through observeRun). */
  durations?: DurationLearner;
  /**
   * Their persistence (durations.ts): finished runs go through it into `durations`, and decisions wait for its
   * first read of the saved state, so a restarted controller does not plan with nothing learned.
   */
  durationStore?: { observe(key: string, ms: number): void; ready(): Promise<void> };
  logger?: Logger;
  /** Forget a job not asked about for this long (default 2 h; a queued job is re-asked at least every resync). */
  forgetAfterMs?: number;
  /** At most this many jobs remembered (default 50,000); the oldest go first. */
  maxTrackedJobs?: number;
  /** A job of an Observe-mode policy would have been deferred (the controller reconciles the policy's status). */
  onObserved?: (namespace: string, policy: string) => void;
}

/** How long an observed deferral counts in status.observedDeferrals. */
export const OBSERVED_WINDOW_MS = 24 * 3_600_000;
const MAX_OBSERVED_PER_POLICY = 10_000;

interface TrackedJob {
  firstAskedAt: number;
  lastAskedAt: number;
  /** Its latest start: a deferred job may legitimately go unasked until then. */
  latestStart: number;
  /** When the gate first held it back. */
  deferredSince?: number;
  /** Forecast mean over the run had it started at the first ask. */
  runNowIntensity?: number;
  admitted?: { reason: string; at: number };
}

export class PolicyGate implements CarbonGate {
  readonly durations: DurationLearner;
  private readonly lookup: GateLookup;
  private readonly metrics: ControllerMetrics | undefined;
  private readonly power: PowerModel;
  private readonly logger: Logger;
  private readonly forgetAfterMs: number;
  private readonly maxTracked: number;
  private readonly store: PolicyGateOptions['durationStore'];
  /** `namespace/policy#jobId` → memory of that job; insertion order = first seen. */
  private readonly jobs = new Map<string, TrackedJob>();
  /** `namespace/policy` → deferrals Enforce would have made in Observe mode, oldest first. */
  private readonly observed = new Map<string, { at: number; message: string }[]>();
  private readonly onObserved: PolicyGateOptions['onObserved'];
  private lastPruneAt = Number.NEGATIVE_INFINITY;

  constructor(options: PolicyGateOptions) {
    this.lookup = options.lookup;
    this.metrics = options.metrics;
    this.power = options.power ?? DEFAULT_POWER_MODEL;
    this.logger = options.logger ?? silentLogger;
    // defaultMs 0 is never used: every lookup passes its policy's defaultJobDuration (see expectedDuration).
    this.durations = options.durations ?? new DurationLearner({ defaultMs: 0 });
    this.forgetAfterMs = options.forgetAfterMs ?? 2 * 3_600_000;
    this.maxTracked = options.maxTrackedJobs ?? 50_000;
    this.store = options.durationStore;
    this.onObserved = options.onObserved;
  }

  async decide(ref: PolicyRef, jobs: readonly GateJob[], now: number): Promise<GateDecision[]> {
    this.prune(now);
    const policy = this.lookup.policy(ref.namespace, ref.name);
    if (!policy) {
      return jobs.map(() => ({
        admit: true,
        reason: 'PolicyNotFound',
        message: `CarbonPolicy ${ref.namespace}/${ref.name} does not exist: jobs are not held back`,
      }));
    }
    const { params, data, invalid } = await this.lookup.data(ref.namespace, ref.name);
    if (this.store) await this.store.ready();
    if (!params) {
      return jobs.map(() => ({
        admit: true,
        reason: 'InvalidPolicy',
        message: `CarbonPolicy ${ref.namespace}/${ref.name} cannot be applied (${invalid ?? 'invalid spec'}): jobs are not held back`,
      }));
    }
    const pool = this.poolFor(ref);
    const forcedBy =
      pool && forceRunAnnotated(pool.metadata)
        ? `RunnerPool ${ref.namespace}/${pool.metadata.name}`
        : forceRunAnnotated(policy.metadata)
          ? `CarbonPolicy ${ref.namespace}/${ref.name}`
          : undefined;
    const watts = runnerWatts(pool?.spec.template?.resources, this.power);
    const labels = { namespace: ref.namespace, policy: ref.name };

    return jobs.map((job) => {
      const key = `${ref.namespace}/${ref.name}#${job.jobId}`;
      let tracked = this.jobs.get(key);
      if (tracked?.admitted) {
        tracked.lastAskedAt = now;
        return {
          admit: true,
          reason: tracked.admitted.reason,
          message: `admitted at ${new Date(tracked.admitted.at).toISOString()} (${tracked.admitted.reason})`,
        };
      }
      const expectedDurationMs = this.expectedDuration(job, params);
      const a = decideAdmission({
        job,
        params,
        expectedDurationMs,
        data,
        now,
        ...(forcedBy !== undefined ? { forcedBy } : {}),
      });
      if (!a.admit && params.mode === 'Observe') {
        return this.observe(labels, key, job, a, watts, expectedDurationMs, now);
      }
      if (!tracked) {
        tracked = {
          firstAskedAt: now,
          lastAskedAt: now,
          latestStart: a.latestStart,
          ...(a.expectedIntensityNow !== undefined ? { runNowIntensity: a.expectedIntensityNow } : {}),
        };
        this.jobs.set(key, tracked);
      }
      tracked.lastAskedAt = now;
      tracked.latestStart = a.latestStart;
      if (a.admit) {
        tracked.admitted = { reason: a.reason, at: now };
        this.onAdmitted(labels, tracked, a, watts, expectedDurationMs, now, job);
      } else {
        tracked.deferredSince ??= now;
      }
      return toGateDecision(a);
    });
  }

  /** Feeds a finished run into the duration learning (the manager calls this for every completed job). */
  observeRun(job: { repository?: string; workflowName?: string; jobName?: string }, runMs: number): void {
    if (this.store) this.store.observe(durationKey(job), runMs);
    else this.durations.observe(durationKey(job), runMs);
  }

  /**
   * Observe mode: what Enforce decided (defer) is recorded, counted and explained, and the job starts at once. It is
   * remembered as admitted, so it is counted once and never held back later.
   */
  private observe(
    labels: { namespace: string; policy: string },
    key: string,
    job: GateJob,
    a: Admission,
    watts: number,
    durationMs: number,
    now: number,
  ): GateDecision {
    const message = `Observe mode: Enforce would defer job ${job.jobId} (${a.reason}: ${a.message}); it starts now`;
    this.jobs.set(key, {
      firstAskedAt: now,
      lastAskedAt: now,
      latestStart: a.latestStart,
      admitted: { reason: 'Observed', at: now },
    });
    this.metrics?.carbonObservedDeferrals.inc({ ...labels, reason: a.reason });
    if (a.expectedIntensityNow !== undefined && a.expectedIntensity !== undefined) {
      const grams = avoidedGrams(watts, durationMs, a.expectedIntensityNow, a.expectedIntensity);
      if (grams > 0) this.metrics?.carbonObservedAvoidableGrams.inc(labels, grams);
    }
    const policyKey = `${labels.namespace}/${labels.policy}`;
    let list = this.observed.get(policyKey);
    if (!list) {
      list = [];
      this.observed.set(policyKey, list);
    }
    list.push({ at: now, message });
    while (
      list.length > 0 &&
      (list.length > MAX_OBSERVED_PER_POLICY || now - list[0]!.at > OBSERVED_WINDOW_MS)
    )
      list.shift();
    this.logger.info('observed deferral', { ...labels, job: job.jobId, reason: a.reason });
    this.onObserved?.(labels.namespace, labels.policy);
    const d: GateDecision = { admit: true, reason: 'Observed', message };
    if (a.expectedIntensityNow !== undefined) d.expectedIntensity = a.expectedIntensityNow;
    return d;
  }

  /** Observe mode: deferrals Enforce would have made in the last 24 hours, and the latest one's explanation. */
  observedDeferrals(namespace: string, policy: string, now: number): { count: number; latest?: string } {
    const list = (this.observed.get(`${namespace}/${policy}`) ?? []).filter(
      (o) => now - o.at <= OBSERVED_WINDOW_MS,
    );
    const latest = list.at(-1)?.message;
    return { count: list.length, ...(latest !== undefined ? { latest } : {}) };
  }

  /** Jobs currently remembered as deferred by a policy (for tests and debugging). */
  deferredCount(namespace: string, policy: string): number {
    let n = 0;
    const prefix = `${namespace}/${policy}#`;
    for (const [k, t] of this.jobs)
      if (k.startsWith(prefix) && !t.admitted && t.deferredSince !== undefined) n++;
    return n;
  }

  /** Drops what the gate remembers about a deleted policy. */
  forgetPolicy(namespace: string, policy: string): void {
    this.observed.delete(`${namespace}/${policy}`);
    const prefix = `${namespace}/${policy}#`;
    for (const k of [...this.jobs.keys()]) if (k.startsWith(prefix)) this.jobs.delete(k);
  }

  /**
   * The longest of the job's recent runs with a margin, or, with too little history, a bound it cannot exceed (the
   * policy's maxJobDuration): durations-learning.ts.
   */
  private expectedDuration(job: GateJob, params: PolicyParams): number {
    return this.durations.expected(durationKey(job), params.defaultJobDurationMs, params.maxJobDurationMs);
  }

  private poolFor(ref: PolicyRef): GatePool | undefined {
    const name = ref.pool;
    if (name !== undefined) return this.lookup.pool(ref.namespace, name);
    // Without the asking pool's name, its annotations and resources are known only when it is the only one.
    const pools = this.lookup.poolsOf(ref.namespace, ref.name);
    return pools.length === 1 ? pools[0] : undefined;
  }

  private onAdmitted(
    labels: { namespace: string; policy: string },
    tracked: TrackedJob,
    a: Admission,
    watts: number,
    durationMs: number,
    now: number,
    job: GateJob,
  ): void {
    const heldMs = tracked.deferredSince !== undefined ? now - tracked.deferredSince : 0;
    this.metrics?.carbonDeferralSeconds.observe({ ...labels, reason: a.reason }, heldMs / 1000);
    if (tracked.deferredSince === undefined) return;
    const actual = a.expectedIntensityNow;
    let grams: number | undefined;
    if (tracked.runNowIntensity !== undefined && actual !== undefined) {
      grams = avoidedGrams(watts, durationMs, tracked.runNowIntensity, actual);
      if (grams >= 0) this.metrics?.carbonAvoidedGrams.inc(labels, grams);
      else this.metrics?.carbonAddedGrams.inc(labels, -grams);
    }
    this.logger.info('deferred job admitted', {
      ...labels,
      job: job.jobId,
      reason: a.reason,
      heldSeconds: Math.round(heldMs / 1000),
      ...(grams !== undefined ? { avoidedGrams: Math.round(grams * 10) / 10 } : {}),
    });
  }

  private prune(now: number): void {
    // A full pass at most once a minute: decide() runs on every pool reconcile.
    if (now - this.lastPruneAt < 60_000 && this.jobs.size <= this.maxTracked) return;
    this.lastPruneAt = now;
    for (const [k, t] of this.jobs) {
      if (now - Math.max(t.lastAskedAt, t.latestStart) > this.forgetAfterMs) this.jobs.delete(k);
    }
    while (this.jobs.size > this.maxTracked) {
      const oldest = this.jobs.keys().next().value;
      if (oldest === undefined) break;
      this.jobs.delete(oldest);
    }
  }
}

function toGateDecision(a: Admission): GateDecision {
  const d: GateDecision = { admit: a.admit, reason: a.reason, message: a.message };
  if (a.notBefore !== undefined) d.notBefore = a.notBefore;
  if (a.deadline !== undefined) d.deadline = a.deadline;
  if (a.expectedIntensity !== undefined) d.expectedIntensity = a.expectedIntensity;
  else if (a.admit && a.expectedIntensityNow !== undefined) d.expectedIntensity = a.expectedIntensityNow;
  return d;
}
