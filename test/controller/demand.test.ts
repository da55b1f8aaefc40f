import { describe, expect, it } from 'vitest';
import { DemandStore, scopeMatchesRepository } from '../../src/controller/demand.js';
import type { QueuedJob, WorkflowJobEvent } from '../../src/github/types.js';

const scope = { kind: 'repository', owner: 'octo-org', repo: 'app' } as const;
const org = { kind: 'organization', organization: 'Octo-Org' } as const;

function job(id: number, over: Partial<QueuedJob> = {}): QueuedJob {
  return {
    id,
    runId: 1,
    repository: 'octo-org/app',
    labels: ['self-hosted', 'gpu'],
    queuedAt: 1000,
    status: 'queued',
    ...over,
  };
}
function ev(action: WorkflowJobEvent['action'], j: QueuedJob): WorkflowJobEvent {
  return {
    action,
    deliveryId: `${action}-${j.id}`,
    job: { ...j, status: action === 'waiting' ? 'queued' : action },
  };
}

describe('DemandStore', () => {
  it('routes queued jobs by scope and exact labels', () => {
    const d = new DemandStore({}, () => 5000);
    d.applyEvent(ev('queued', job(1)));
    d.applyEvent(ev('queued', job(2, { labels: ['gpu', 'large'] })));
    d.applyEvent(ev('queued', job(3, { repository: 'other/app' })));
    expect(d.queuedFor(scope, ['gpu']).map((j) => j.id)).toEqual([1]);
    expect(d.queuedFor(scope, ['GPU', 'large']).map((j) => j.id)).toEqual([2]);
    expect(d.queuedFor(org, ['gpu']).map((j) => j.id)).toEqual([1]);
    expect(scopeMatchesRepository(org, 'other/app')).toBe(false);
  });

  it('records the runner that took a job, the wait and the run time, and ignores out-of-order deliveries', () => {
    const waits: number[] = [];
    const runs: number[] = [];
    let now = 5000;
    const d = new DemandStore(
      { onJobStarted: (_j, s) => waits.push(s), onJobCompleted: (_j, s) => runs.push(s) },
      () => now,
    );
    d.applyEvent(ev('queued', job(1)));
    d.applyEvent(ev('in_progress', job(1, { runnerName: 'gpu-abcde', startedAt: 31_000 })));
    expect(d.assignmentOf('gpu-abcde')).toBe(1);
    expect(d.queuedFor(scope, ['gpu'])).toEqual([]);
    expect(waits).toEqual([30]);
    // A late `queued` delivery does not resurrect it.
    expect(d.applyEvent(ev('queued', job(1))).changed).toBe(false);
    now = 100_000;
    d.applyEvent(
      ev('completed', job(1, { runnerName: 'gpu-abcde', startedAt: 31_000, completedAt: 91_000 })),
    );
    expect(runs).toEqual([60]);
    expect(d.assignmentOf('gpu-abcde')).toBeUndefined();
    expect(d.applyEvent(ev('queued', job(1))).changed).toBe(false);
    expect(d.size()).toEqual({ queued: 0, inProgress: 0 });
  });

  it('does not serve a job held by an environment rule (waiting)', () => {
    const d = new DemandStore({}, () => 1);
    d.applyEvent(ev('waiting', job(1)));
    expect(d.queuedFor(scope, ['gpu'])).toEqual([]);
    d.applyEvent(ev('queued', job(1)));
    expect(d.queuedFor(scope, ['gpu']).map((j) => j.id)).toEqual([1]);
  });

  it('resync adds missed jobs and drops jobs two listings no longer show', () => {
    let now = 1000;
    const d = new DemandStore({}, () => now);
    d.applyEvent(ev('queued', job(1)));
    now = 2000;
    const recovered = d.mergeResync(scope, [job(2)], 1500);
    expect(recovered.map((j) => j.id)).toEqual([2]);
    expect(d.queuedFor(scope, ['gpu']).map((j) => j.id)).toEqual([1, 2]); // job 1 missed once: kept
    now = 3000;
    d.mergeResync(scope, [job(2)], 2500);
    expect(d.queuedFor(scope, ['gpu']).map((j) => j.id)).toEqual([2]); // missed twice: dropped
    // A job announced after the listing started is kept.
    now = 4000;
    d.applyEvent(ev('queued', job(3)));
    d.mergeResync(scope, [job(2)], 3500);
    d.mergeResync(scope, [job(2)], 3600);
    expect(d.queuedFor(scope, ['gpu']).map((j) => j.id)).toEqual([2, 3]);
  });
});

describe('DemandStore sources', () => {
  it('serves a source-tagged job only to its source, and the REST resync never drops it', () => {
    const store = new DemandStore();
    const source = 'scaleSet:ns/pool';
    store.applyEvent(ev('queued', job(-7, { source })));
    store.applyEvent(ev('queued', job(8)));
    expect(store.queuedFor(scope, job(0).labels).map((j) => j.id)).toEqual([8]);
    expect(store.queuedFor(scope, job(0).labels, source).map((j) => j.id)).toEqual([-7]);
    // Two resync listings without either job: the webhook job goes, the scale-set job stays.
    store.mergeResync(scope, [], Date.now() + 1);
    store.mergeResync(scope, [], Date.now() + 2);
    expect(store.queuedFor(scope, job(0).labels)).toEqual([]);
    expect(store.queuedFor(scope, job(0).labels, source).map((j) => j.id)).toEqual([-7]);
  });
});
