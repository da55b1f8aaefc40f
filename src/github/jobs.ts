import type { JobStatus, QueuedJob } from './types.js';

/**
 * The fields of a workflow job that the REST `job` schema and the `workflow_job` webhook payload share
 * (GitHub's names). Both sources map through `toQueuedJob`, so resync and webhooks describe a job identically.
 */
export interface GitHubJobFields {
  id: number;
  run_id: number;
  name?: string | null;
  workflow_name?: string | null;
  labels?: string[] | null;
  head_branch?: string | null;
  created_at?: string | null;
  started_at?: string | null;
  completed_at?: string | null;
  status?: string | null;
  conclusion?: string | null;
  runner_id?: number | null;
  runner_name?: string | null;
}

/** GitHub job statuses → ours. `requested` and `pending` jobs wait like `waiting` ones: no runner yet. */
export function jobStatus(status: string | null | undefined): JobStatus {
  switch (status) {
    case 'queued':
    case 'in_progress':
    case 'completed':
    case 'waiting':
      return status;
    case 'requested':
    case 'pending':
      return 'waiting';
    default:
      return 'queued';
  }
}

function epochMs(iso: string | null | undefined): number | undefined {
  if (!iso) return undefined;
  const ms = Date.parse(iso);
  return Number.isFinite(ms) ? ms : undefined;
}

/** Maps a REST or webhook job. `repository` is `owner/repo`; `fallbackQueuedAt` when `created_at` is missing. */
export function toQueuedJob(job: GitHubJobFields, repository: string, fallbackQueuedAt = 0): QueuedJob {
  const out: QueuedJob = {
    id: job.id,
    runId: job.run_id,
    repository,
    labels: [...(job.labels ?? [])],
    queuedAt: epochMs(job.created_at) ?? epochMs(job.started_at) ?? fallbackQueuedAt,
    status: jobStatus(job.status),
  };
  if (job.workflow_name) out.workflowName = job.workflow_name;
  if (job.name) out.jobName = job.name;
  if (job.head_branch) out.headBranch = job.head_branch;
  if (typeof job.runner_id === 'number' && job.runner_id > 0) out.runnerId = job.runner_id;
  if (job.runner_name) out.runnerName = job.runner_name;
  if (job.conclusion) out.conclusion = job.conclusion;
  // GitHub sets started_at when the job is created; it means "running" only once a runner has it.
  const startedAt = epochMs(job.started_at);
  if (startedAt !== undefined && out.status !== 'queued' && out.status !== 'waiting')
    out.startedAt = startedAt;
  const completedAt = epochMs(job.completed_at);
  if (completedAt !== undefined) out.completedAt = completedAt;
  return out;
}
