import { describe, expect, it } from 'vitest';
import type { RunnerPool } from '../../../src/api/v1alpha1/index.js';
import {
  buildDisruptionBudget,
  buildEvent,
  buildRunnerPod,
  buildRunnerSecret,
  poolRef,
  specHash,
} from '../../../src/controller/runnerpool/builders.js';
import {
  isPoolRunnerName,
  poolLabelValue,
  runnerNamePrefix,
} from '../../../src/controller/runnerpool/model.js';

const pool: RunnerPool = {
  apiVersion: 'ai-ci.dev/v1alpha1',
  kind: 'RunnerPool',
  metadata: { name: 'gpu', namespace: 'ci', uid: 'pool-uid' } as RunnerPool['metadata'],
  spec: {
    github: { repository: 'acme/app', credentialsSecretRef: { name: 'gh' } },
    labels: ['ubuntu-latest-gpu'],
    template: {
      image: 'ghcr.io/acme/runner:1',
      resources: { limits: { 'nvidia.com/gpu': 1, memory: '16Gi' }, requests: { cpu: '4' } },
      nodeSelector: { 'nvidia.com/gpu.present': 'true' },
      tolerations: [{ key: 'nvidia.com/gpu', operator: 'Exists', effect: 'NoSchedule' }],
      env: [
        { name: 'FOO', value: 'bar' },
        { name: 'ACTIONS_RUNNER_INPUT_JITCONFIG', value: 'hijack' },
      ],
      labels: { team: 'ml', 'ai-ci.dev/pool': 'spoofed' },
    },
  },
};

describe('builders', () => {
  const ref = poolRef(pool);

  it('builds the runner Secret holding only the JIT config, owned by the pool', () => {
    const s = buildRunnerSecret({
      pool: ref,
      runnerName: 'gpu-ab12c',
      jit: { runnerId: 42, runnerName: 'gpu-ab12c', encodedJitConfig: 'SECRETBLOB' },
      specHash: 'h1',
      forJobId: 7,
    });
    expect(s.metadata?.name).toBe('gpu-ab12c');
    expect(s.stringData).toEqual({ jitconfig: 'SECRETBLOB' });
    expect(s.metadata?.labels).toMatchObject({
      'ai-ci.dev/pool': 'gpu',
      'ai-ci.dev/runner-id': '42',
      'ai-ci.dev/spec-hash': 'h1',
    });
    expect(s.metadata?.annotations).toEqual({ 'ai-ci.dev/created-for-job': '7' });
    expect(s.metadata?.ownerReferences).toEqual([
      {
        apiVersion: 'ai-ci.dev/v1alpha1',
        kind: 'RunnerPool',
        name: 'gpu',
        uid: 'pool-uid',
        controller: true,
        blockOwnerDeletion: true,
      },
    ]);
    // The credential is nowhere but in the data.
    expect(JSON.stringify({ ...s, stringData: undefined })).not.toContain('SECRETBLOB');
  });

  it('builds the runner Pod from the template with the JIT config through secretKeyRef', () => {
    const p = buildRunnerPod({
      pool: ref,
      runnerName: 'gpu-ab12c',
      runnerId: 42,
      specHash: 'h1',
      template: pool.spec.template,
    });
    const c = p.spec!.containers[0]!;
    expect(p.spec!.restartPolicy).toBe('Never');
    expect(c.image).toBe('ghcr.io/acme/runner:1');
    expect(c.command).toEqual(['/home/runner/run.sh']);
    expect(c.env![0]).toEqual({
      name: 'ACTIONS_RUNNER_INPUT_JITCONFIG',
      valueFrom: { secretKeyRef: { name: 'gpu-ab12c', key: 'jitconfig' } },
    });
    expect(c.env!.filter((e) => e.name === 'ACTIONS_RUNNER_INPUT_JITCONFIG')).toHaveLength(1);
    expect(c.env).toContainEqual({ name: 'FOO', value: 'bar' });
    expect(c.resources).toEqual({
      limits: { 'nvidia.com/gpu': '1', memory: '16Gi' },
      requests: { cpu: '4' },
    });
    expect(p.spec!.nodeSelector).toEqual({ 'nvidia.com/gpu.present': 'true' });
    expect(p.spec!.tolerations).toHaveLength(1);
    expect(p.spec!.automountServiceAccountToken).toBe(false);
    expect(p.metadata!.labels).toMatchObject({
      team: 'ml',
      'ai-ci.dev/pool': 'gpu',
      'ai-ci.dev/runner-id': '42',
    });
    expect(p.metadata!.ownerReferences![0]!.controller).toBe(true);
    // Pure: same input, same object.
    expect(
      buildRunnerPod({
        pool: ref,
        runnerName: 'gpu-ab12c',
        runnerId: 42,
        specHash: 'h1',
        template: pool.spec.template,
      }),
    ).toEqual(p);
  });

  it('hashes the spec parts that shape runners, independent of key order', () => {
    const h = specHash(pool);
    const reordered: RunnerPool = {
      ...pool,
      spec: { ...pool.spec, template: { ...pool.spec.template, image: 'ghcr.io/acme/runner:1' } },
    };
    expect(specHash(reordered)).toBe(h);
    const changed: RunnerPool = {
      ...pool,
      spec: { ...pool.spec, template: { ...pool.spec.template, image: 'x:2' } },
    };
    expect(specHash(changed)).not.toBe(h);
    expect(specHash({ ...pool, spec: { ...pool.spec, maxRunners: 99 } })).toBe(h);
  });

  it('builds a PodDisruptionBudget that protects busy runners only', () => {
    const pdb = buildDisruptionBudget(ref);
    expect(pdb.spec).toEqual({
      maxUnavailable: 0,
      selector: { matchLabels: { 'ai-ci.dev/pool': 'gpu', 'ai-ci.dev/busy': 'true' } },
    });
  });

  it('builds an Event about the pool', () => {
    const e = buildEvent({
      pool: ref,
      eventType: 'Warning',
      reason: 'RunnerFailed',
      message: 'm',
      now: 1_700_000_000_500,
      nameSuffix: 'abc',
      instance: 'pod-1',
    });
    expect(e.metadata?.name).toBe('gpu.abc');
    expect(e.involvedObject).toMatchObject({ kind: 'RunnerPool', name: 'gpu', uid: 'pool-uid' });
    expect(e.lastTimestamp?.toISOString()).toBe('2023-11-14T22:13:20.000Z');
  });
});

describe('runner names', () => {
  it('claims only names of the exact pool form', () => {
    expect(isPoolRunnerName('gpu', 'gpu-ab12c')).toBe(true);
    expect(isPoolRunnerName('gpu', 'gpu-large-ab12c')).toBe(false);
    expect(isPoolRunnerName('gpu-large', 'gpu-large-ab12c')).toBe(true);
    expect(isPoolRunnerName('gpu', 'gpu-AB12C')).toBe(false);
    expect(isPoolRunnerName('gpu', 'cpu-ab12c')).toBe(false);
  });
  it('keeps names within 63 characters', () => {
    const long = 'a'.repeat(100);
    expect(`${runnerNamePrefix(long)}-abcde`.length).toBeLessThanOrEqual(63);
    expect(poolLabelValue(long).length).toBeLessThanOrEqual(63);
    expect(poolLabelValue(long)).not.toBe(poolLabelValue(`${'a'.repeat(99)}b`));
  });
});
