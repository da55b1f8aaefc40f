/**
 * The demand store: what GitHub jobs are queued, running or done, fed by verified `workflow_job` webhooks and by
 * the periodic REST resync (which repairs missed webhooks). Jobs are routed to pools by exact label match and
 * scope; the store also remembers which runner took which job, and measures job wait and run times.
 */
import type { RunnerPool } from '../api/v1alpha1/index.js';
import { normalizeLabels } from '../github/labels.js';
import type { GitHubScope, QueuedJob, WorkflowJobEvent } from '../github/types.js';

const RANK = { waiting: 0, queued: 0, in_progress: 1, completed: 2 } as const;

/** How long a completed job is remembered, so a late or replayed `queued` cannot resurrect it. */
const COMPLETED_TTL_MS = 6 * 3_600_000;

export interface DemandTimings {
  /** A runner took a job: seconds since it was queued. */
  onJobStarted?(job: QueuedJob, waitSeconds: number): void;
  /** A job ended: seconds it ran. */
  onJobCompleted?(job: QueuedJob, runSeconds: number): void;
}

export function scopeMatchesRepository(scope: GitHubScope, repository: string): boolean {
  const [owner, repo] = repository.toLowerCase().split('/');
  if (scope.kind === 'organization') return owner === scope.organization.toLowerCase();
  return owner === scope.owner.toLowerCase() && repo === scope.repo.toLowerCase();
}

/** The demand source a pool reads jobs of (`DemandStore.queuedFor`): undefined for webhooks and the REST resync,
 *  `scaleSet:<namespace>/<name>` for a pool with `spec.github.demandSource: scaleSet` (its own message queue). */
export function demandSourceKey(pool: RunnerPool): string | undefined {
  if (pool.spec.github.demandSource !== 'scaleSet') return undefined;
  return `scaleSet:${pool.metadata.namespace ?? 'default'}/${pool.metadata.name}`;
}

/** Key of a normalised label set, for indexing pools by the labels they serve. */
export function labelKey(labels: readonly string[]): string {
  return normalizeLabels(labels).join('\u0000');
}

export class DemandStore {
  private readonly jobs = new Map<
    number,
    QueuedJob & { seenAt: number; firstSeenAt: number; missedResyncs?: number }
  >();
  private readonly completed = new Map<number, number>();
  /** runner name → job id, for jobs in progress. */
  private readonly assignments = new Map<string, number>();
  private readonly byLabels = new Map<string, Set<number>>();

  constructor(
    private readonly timings: DemandTimings = {},
    private readonly now: () => number = Date.now,
  ) {}

  /** Applies a webhook event. Returns the job's label key when the store changed (so pools can be woken). */
  applyEvent(event: WorkflowJobEvent): { changed: boolean; job: QueuedJob } {
    return {
      changed: this.upsert(event.job, event.action === 'waiting' ? 'waiting' : event.action),
      job: event.job,
    };
  }

  private upsert(job: QueuedJob, status: QueuedJob['status'] | 'waiting'): boolean {
    const now = this.now();
    this.expire(now);
    if (this.completed.has(job.id)) return false;
    const existing = this.jobs.get(job.id);
    if (existing && RANK[status] < RANK[existing.status]) return false; // out-of-order or replayed delivery
    if (status === 'completed') {
      this.remove(job.id);
      this.completed.set(job.id, now);
      const startedAt = existing?.startedAt ?? job.startedAt;
      const runnerName = job.runnerName ?? existing?.runnerName;
      if (startedAt !== undefined && (runnerName !== undefined || existing?.status === 'in_progress')) {
        const end = job.completedAt ?? now;
        this.timings.onJobCompleted?.({ ...existing, ...job }, Math.max(0, (end - startedAt) / 1000));
      }
      return true;
    }
    const next = {
      ...(existing ?? {}),
      ...job,
      status: status === 'waiting' ? 'queued' : status,
      seenAt: now,
      firstSeenAt: existing?.firstSeenAt ?? now,
    };
    if (status === 'waiting') {
      // Held by an environment protection rule: no runner until it is queued for real.
      this.remove(job.id);
      return existing !== undefined;
    }
    if (!existing) {
      const key = labelKey(job.labels);
      let set = this.byLabels.get(key);
      if (!set) {
        set = new Set();
        this.byLabels.set(key, set);
      }
      set.add(job.id);
    }
    this.jobs.set(job.id, next as QueuedJob & { seenAt: number; firstSeenAt: number });
    if (status === 'in_progress' && existing?.status !== 'in_progress') {
      if (job.runnerName) this.assignments.set(job.runnerName, job.id);
      const started = job.startedAt && job.startedAt >= job.queuedAt ? job.startedAt : now;
      this.timings.onJobStarted?.(next as QueuedJob, Math.max(0, (started - job.queuedAt) / 1000));
    }
    return true;
  }

  private remove(jobId: number): void {
    const existing = this.jobs.get(jobId);
    if (!existing) return;
    this.jobs.delete(jobId);
    if (existing.runnerName && this.assignments.get(existing.runnerName) === jobId) {
      this.assignments.delete(existing.runnerName);
    }
    const key = labelKey(existing.labels);
    const set = this.byLabels.get(key);
    set?.delete(jobId);
    if (set && set.size === 0) this.byLabels.delete(key);
  }

  private expire(now: number): void {
    if (this.completed.size < 1000) return;
    for (const [id, at] of this.completed) {
      if (now - at < COMPLETED_TTL_MS) break; // insertion order = completion order
      this.completed.delete(id);
    }
  }

  /** Queued jobs of a scope whose labels equal `labels` (normalised), oldest first; only those of `source`
   *  (undefined: webhooks and the REST resync). */
  queuedFor(scope: GitHubScope, labels: readonly string[], source?: string): QueuedJob[] {
    const ids = this.byLabels.get(labelKey(labels));
    if (!ids) return [];
    const out: QueuedJob[] = [];
    for (const id of ids) {
      const j = this.jobs.get(id);
      if (j && j.status === 'queued' && j.source === source && scopeMatchesRepository(scope, j.repository))
        out.push(j);
    }
    return out.sort((a, b) => a.queuedAt - b.queuedAt || a.id - b.id);
  }

  /** When the controller first heard of a job (webhook or resync), epoch ms. */
  firstSeenAt(jobId: number): number | undefined {
    return this.jobs.get(jobId)?.firstSeenAt;
  }

  /** The job a runner took, if a webhook said so. */
  assignmentOf(runnerName: string): number | undefined {
    return this.assignments.get(runnerName);
  }

  /**
   * Merges a REST listing of the scope's queued jobs taken at `listedAt`: unknown queued jobs are added (missed
   * webhooks; returned). A job the store believes queued in that scope but that two consecutive listings did not
   * show (missed in_progress/completed webhooks) is dropped, unless a webhook announced it after the listing
   * started: two misses, because the listing is bounded and one short listing must not make a job disappear.
   */
  mergeResync(scope: GitHubScope, queued: readonly QueuedJob[], listedAt: number): QueuedJob[] {
    const recovered: QueuedJob[] = [];
    const listed = new Set<number>();
    for (const job of queued) {
      if (job.status !== 'queued') continue;
      listed.add(job.id);
      const known = this.jobs.get(job.id);
      if (known) known.missedResyncs = 0;
      if (!this.jobs.has(job.id) && !this.completed.has(job.id)) {
        this.upsert(job, 'queued');
        recovered.push(job);
      }
    }
    for (const [id, j] of [...this.jobs]) {
      if (j.status !== 'queued' || j.source !== undefined || listed.has(id) || j.seenAt >= listedAt) continue;
      if (!scopeMatchesRepository(scope, j.repository)) continue;
      j.missedResyncs = (j.missedResyncs ?? 0) + 1;
      if (j.missedResyncs >= 2) this.remove(id);
    }
    return recovered;
  }

  /** Jobs known, by status (for tests and metrics). */
  size(): { queued: number; inProgress: number } {
    let queued = 0;
    let inProgress = 0;
    for (const j of this.jobs.values()) {
      if (j.status === 'queued') queued++;
      else if (j.status === 'in_progress') inProgress++;
    }
    return { queued, inProgress };
  }
}
