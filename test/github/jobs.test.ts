import { describe, expect, it } from 'vitest';
import { jobStatus, toQueuedJob } from '../../src/github/jobs.js';

describe('toQueuedJob', () => {
  const base = {
    id: 7,
    run_id: 3,
    name: 'build',
    workflow_name: 'CI',
    labels: ['self-hosted', 'gpu'],
    head_branch: 'main',
    created_at: '2026-11-25T10:00:00Z',
    started_at: '2026-11-25T10:00:00Z',
    completed_at: null,
    conclusion: null,
    runner_id: null,
    runner_name: null,
  };

  it('maps a queued job: queuedAt from created_at, no runner, no startedAt', () => {
    expect(toQueuedJob({ ...base, status: 'queued' }, 'o/r')).toEqual({
      id: 7,
      runId: 3,
      repository: 'o/r',
      workflowName: 'CI',
      jobName: 'build',
      labels: ['self-hosted', 'gpu'],
      headBranch: 'main',
      queuedAt: Date.parse('2026-11-25T10:00:00Z'),
      status: 'queued',
    });
  });

  it('maps a completed job with its runner and times', () => {
    const job = toQueuedJob(
      {
        ...base,
        status: 'completed',
        conclusion: 'success',
        runner_id: 42,
        runner_name: 'pool-abc',
        started_at: '2026-11-25T10:01:00Z',
        completed_at: '2026-11-25T10:05:00Z',
      },
      'o/r',
    );
    expect(job).toMatchObject({
      status: 'completed',
      conclusion: 'success',
      runnerId: 42,
      runnerName: 'pool-abc',
      startedAt: Date.parse('2026-11-25T10:01:00Z'),
      completedAt: Date.parse('2026-11-25T10:05:00Z'),
    });
  });

  it.each([
    ['queued', 'queued'],
    ['in_progress', 'in_progress'],
    ['completed', 'completed'],
    ['waiting', 'waiting'],
    ['pending', 'waiting'],
    ['requested', 'waiting'],
  ])('status %s → %s', (github, ours) => {
    expect(jobStatus(github)).toBe(ours);
  });
});
