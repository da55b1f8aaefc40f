import { describe, expect, it } from 'vitest';
import type { RunnerPool } from '../../../src/api/v1alpha1/index.js';
import { poolTrigger, sameTrigger } from '../../../src/controller/runnerpool/trigger.js';

/** A RunnerPool as the informer delivers it; `meta` and `status` override parts of it. */
function pool(meta: Record<string, unknown> = {}, status: Record<string, unknown> = {}): RunnerPool {
  return {
    apiVersion: 'ai-ci.dev/v1alpha1',
    kind: 'RunnerPool',
    metadata: {
      name: 'gpu',
      namespace: 'ci',
      uid: 'u1',
      generation: 3,
      resourceVersion: '100',
      finalizers: ['ai-ci.dev/runner-cleanup'],
      annotations: { team: 'ml' },
      ...meta,
    },
    spec: { github: { repository: 'o/r', credentialsSecretRef: { name: 'gh' } }, labels: ['gpu'] },
    status: { replicas: 1, ...status },
  } as unknown as RunnerPool;
}

describe('which RunnerPool updates wake a reconcile', () => {
  const cases: { name: string; after: RunnerPool; wakes: boolean }[] = [
    {
      name: 'status only (the controller’s own status write)',
      after: pool({ resourceVersion: '101' }, { replicas: 2 }),
      wakes: false,
    },
    {
      name: 'managedFields only',
      after: pool({ resourceVersion: '101', managedFields: [{ manager: 'x' }] }),
      wakes: false,
    },
    { name: 'spec change (generation)', after: pool({ resourceVersion: '101', generation: 4 }), wakes: true },
    {
      name: 'deletion requested',
      after: pool({ resourceVersion: '101', deletionTimestamp: '2026-11-25T10:00:00Z' }),
      wakes: true,
    },
    { name: 'finalizer removed', after: pool({ resourceVersion: '101', finalizers: [] }), wakes: true },
    {
      name: 'finalizer added',
      after: pool({ resourceVersion: '101', finalizers: ['ai-ci.dev/runner-cleanup', 'x'] }),
      wakes: true,
    },
    {
      name: 'annotation added (force-run)',
      after: pool({ resourceVersion: '101', annotations: { team: 'ml', 'ai-ci.dev/force-run': 'true' } }),
      wakes: true,
    },
    {
      name: 'annotation value changed',
      after: pool({ resourceVersion: '101', annotations: { team: 'infra' } }),
      wakes: true,
    },
    {
      name: 'annotations removed',
      after: pool({ resourceVersion: '101', annotations: undefined }),
      wakes: true,
    },
    {
      name: 'recreated under the same name (uid)',
      after: pool({ resourceVersion: '101', uid: 'u2' }),
      wakes: true,
    },
    {
      name: 'no generation (cannot tell): always',
      after: pool({ resourceVersion: '101', generation: undefined }),
      wakes: true,
    },
  ];
  it.each(cases)('$name', ({ after, wakes }) => {
    const noGeneration = (after.metadata as { generation?: number }).generation === undefined;
    const before = poolTrigger(pool(noGeneration ? { generation: undefined } : {}));
    expect(!sameTrigger(before, poolTrigger(after))).toBe(wakes);
  });
});
