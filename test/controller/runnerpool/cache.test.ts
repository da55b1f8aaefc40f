import type { KubernetesObject } from '@kubernetes/client-node';
import { describe, expect, it } from 'vitest';
import { controllerOwner, slimPod, slimSecret } from '../../../src/controller/runnerpool/cache.js';

const owner = {
  apiVersion: 'ai-ci.dev/v1alpha1',
  kind: 'RunnerPool',
  name: 'gpu',
  uid: 'pool-uid',
  controller: true,
  blockOwnerDeletion: true,
};

/** A runner Pod as a watch delivers it (timestamps as strings). */
const pod = {
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: {
    name: 'gpu-abcde',
    namespace: 'ci',
    uid: 'pod-uid',
    resourceVersion: '42',
    creationTimestamp: '2026-11-25T10:00:00Z',
    labels: {
      'ai-ci.dev/pool': 'gpu',
      'ai-ci.dev/runner-id': '7',
      'ai-ci.dev/spec-hash': 'h1',
      'ai-ci.dev/busy': 'true',
      'app.kubernetes.io/managed-by': 'ai-ci',
    },
    annotations: { 'ai-ci.dev/job-id': '99', 'kubectl.kubernetes.io/restartedAt': 'x' },
    ownerReferences: [{ ...owner, controller: false, kind: 'Other' }, owner],
    managedFields: [{ manager: 'ai-ci-controller' }],
  },
  spec: { containers: [{ name: 'runner', image: 'i' }] },
  status: {
    phase: 'Running',
    startTime: '2026-11-25T10:00:01Z',
    containerStatuses: [{ name: 'runner', state: { running: { startedAt: '2026-11-25T10:00:05Z' } } }],
  },
};

const secret = {
  apiVersion: 'v1',
  kind: 'Secret',
  metadata: {
    name: 'gpu-abcde',
    namespace: 'ci',
    uid: 'secret-uid',
    resourceVersion: '41',
    // A list delivers Dates (client-node's deserializer), a watch strings: both end up as epoch ms.
    creationTimestamp: new Date('2026-11-25T09:59:59Z'),
    deletionTimestamp: '2026-11-25T11:00:00Z',
    labels: { 'ai-ci.dev/pool': 'gpu', 'ai-ci.dev/runner-id': '7', 'ai-ci.dev/spec-hash': 'h1' },
    annotations: {
      'ai-ci.dev/created-for-job': '99',
      'ai-ci.dev/failures': '1',
      'ai-ci.dev/last-failure': '2026-11-25T10:30:00Z',
      'ai-ci.dev/failed-pod-uid': 'old-pod',
    },
    finalizers: ['f'],
    ownerReferences: [owner],
  },
  data: { jitconfig: 'c2VjcmV0' },
};

describe('informer cache transforms', () => {
  it('keeps of a Pod what observe() reads, timestamps as epoch ms', () => {
    expect(slimPod(pod as unknown as KubernetesObject)).toEqual({
      metadata: {
        name: 'gpu-abcde',
        namespace: 'ci',
        uid: 'pod-uid',
        resourceVersion: '42',
        createdAt: Date.parse('2026-11-25T10:00:00Z'),
        labels: { 'ai-ci.dev/spec-hash': 'h1', 'ai-ci.dev/busy': 'true' },
        annotations: { 'ai-ci.dev/job-id': '99' },
        controllerRef: { kind: 'RunnerPool', name: 'gpu' },
      },
      status: { phase: 'Running', runningSince: Date.parse('2026-11-25T10:00:05Z') },
    });
  });

  it('falls back to startTime for a Running Pod without container state, and to nothing otherwise', () => {
    const running = { ...pod, status: { phase: 'Running', startTime: '2026-11-25T10:00:01Z' } };
    expect(slimPod(running as unknown as KubernetesObject).status).toEqual({
      phase: 'Running',
      runningSince: Date.parse('2026-11-25T10:00:01Z'),
    });
    expect(slimPod({ ...pod, status: { phase: 'Pending' } } as unknown as KubernetesObject).status).toEqual({
      phase: 'Pending',
    });
    const bare = slimPod({ metadata: { name: 'p', namespace: 'ci' } });
    expect(bare.metadata.labels).toBeUndefined();
    expect(bare.metadata.annotations).toBeUndefined();
    expect(bare.metadata.controllerRef).toBeUndefined();
  });

  it('keeps a Secret without its data, uid or unread labels', () => {
    const slim = slimSecret(secret as unknown as KubernetesObject);
    expect(slim).toEqual({
      metadata: {
        name: 'gpu-abcde',
        namespace: 'ci',
        resourceVersion: '41',
        createdAt: Date.parse('2026-11-25T09:59:59Z'),
        deletingSince: Date.parse('2026-11-25T11:00:00Z'),
        labels: { 'ai-ci.dev/runner-id': '7', 'ai-ci.dev/spec-hash': 'h1' },
        annotations: secret.metadata.annotations,
        finalizers: ['f'],
        controllerRef: { kind: 'RunnerPool', name: 'gpu' },
      },
    });
    expect(JSON.stringify(slim)).not.toContain('c2VjcmV0');
    expect(controllerOwner(slim.metadata, 'RunnerPool')).toBe('gpu');
    expect(controllerOwner(slim.metadata, 'Other')).toBeUndefined();
  });
});
