/**
 * The local control plane itself behaves like a real cluster in the ways later tests rely on: GPU scheduling
 * onto simulated nodes, Pods reaching Running and finishing on request, owner-reference garbage collection,
 * ServiceAccount tokens under RBAC.
 */
import { CoreV1Api, RbacAuthorizationV1Api, type V1Pod } from '@kubernetes/client-node';
import { describe, expect, it } from 'vitest';
import {
  adminKubeConfig,
  finishPod,
  GPU_RESOURCE,
  NODE_POOL_LABEL,
  rejection,
  serviceAccountKubeConfig,
  statusCode,
  statusMessage,
  useNamespace,
  waitFor,
  waitPodPhase,
} from './setup/kube.js';

const ns = useNamespace('cluster');

function pod(
  name: string,
  extra: { gpus?: number; pool?: 'cpu' | 'gpu'; owner?: V1Pod['metadata'] } = {},
): V1Pod {
  const resources = extra.gpus ? { limits: { [GPU_RESOURCE]: String(extra.gpus) } } : undefined;
  return {
    metadata: { name, ...(extra.owner ?? {}) },
    spec: {
      restartPolicy: 'Never',
      ...(extra.pool ? { nodeSelector: { [NODE_POOL_LABEL]: extra.pool } } : {}),
      containers: [
        { name: 'runner', image: 'ghcr.io/example/runner:latest', ...(resources ? { resources } : {}) },
      ],
    },
  };
}

describe('scheduling on simulated nodes', () => {
  it('schedules a Pod asking for nvidia.com/gpu onto the GPU node, where it reaches Running', async () => {
    const kc = adminKubeConfig();
    const core = kc.makeApiClient(CoreV1Api);
    await core.createNamespacedPod({ namespace: ns.name, body: pod('gpu-job', { gpus: 1 }) });
    const running = await waitPodPhase(kc, ns.name, 'gpu-job', 'Running');
    const node = await core.readNode({ name: running.spec?.nodeName ?? '' });
    expect(node.metadata?.labels?.[NODE_POOL_LABEL]).toBe('gpu');
    expect(node.status?.allocatable?.[GPU_RESOURCE]).toBe('8');
    expect(running.status?.containerStatuses?.[0]?.state?.running).toBeDefined();
  });

  it('leaves a GPU Pod Pending when only the CPU pool may take it, with the scheduler saying why', async () => {
    const kc = adminKubeConfig();
    const core = kc.makeApiClient(CoreV1Api);
    await core.createNamespacedPod({
      namespace: ns.name,
      body: pod('gpu-on-cpu-pool', { gpus: 1, pool: 'cpu' }),
    });
    const condition = await waitFor('PodScheduled=False', async () => {
      const p = await core.readNamespacedPod({ name: 'gpu-on-cpu-pool', namespace: ns.name });
      return p.status?.conditions?.find((c) => c.type === 'PodScheduled' && c.status === 'False');
    });
    expect(condition.reason).toBe('Unschedulable');
    expect(condition.message).toContain(`Insufficient ${GPU_RESOURCE}`);
    const p = await core.readNamespacedPod({ name: 'gpu-on-cpu-pool', namespace: ns.name });
    expect(p.spec?.nodeName).toBeUndefined();
    expect(p.status?.phase).toBe('Pending');
  });

  it('schedules a CPU-only Pod onto the CPU pool and makes it Succeed, then another one Fail, on request', async () => {
    const kc = adminKubeConfig();
    const core = kc.makeApiClient(CoreV1Api);
    await core.createNamespacedPod({ namespace: ns.name, body: pod('ok', { pool: 'cpu' }) });
    await core.createNamespacedPod({ namespace: ns.name, body: pod('ko', { pool: 'cpu' }) });
    const running = await waitPodPhase(kc, ns.name, 'ok', 'Running');
    expect(running.spec?.nodeName).toMatch(/^e2e-cpu-/);

    const succeeded = await finishPod(kc, ns.name, 'ok');
    expect(succeeded.status?.containerStatuses?.[0]?.state?.terminated?.exitCode).toBe(0);

    await waitPodPhase(kc, ns.name, 'ko', 'Running');
    const failed = await finishPod(kc, ns.name, 'ko', 'Failed');
    expect(failed.status?.containerStatuses?.[0]?.state?.terminated?.exitCode).toBe(1);
  });
});

describe('kube-controller-manager', () => {
  it('garbage-collects the Pods owned by a deleted owner', async () => {
    const kc = adminKubeConfig();
    const core = kc.makeApiClient(CoreV1Api);
    const owner = await core.createNamespacedConfigMap({
      namespace: ns.name,
      body: { metadata: { name: 'owner' } },
    });
    const ownerReferences = [
      {
        apiVersion: 'v1',
        kind: 'ConfigMap',
        name: 'owner',
        uid: owner.metadata?.uid ?? '',
        blockOwnerDeletion: true,
      },
    ];
    const labels = { app: 'owned' };
    for (const name of ['owned-0', 'owned-1']) {
      await core.createNamespacedPod({
        namespace: ns.name,
        body: pod(name, { owner: { name, labels, ownerReferences } }),
      });
    }
    await core.createNamespacedPod({
      namespace: ns.name,
      body: pod('bystander', { owner: { name: 'bystander', labels } }),
    });
    await waitPodPhase(kc, ns.name, 'owned-0', 'Running');

    await core.deleteNamespacedConfigMap({
      name: 'owner',
      namespace: ns.name,
      propagationPolicy: 'Background',
    });
    const left = await waitFor(
      'owned Pods to be collected',
      async () => {
        const pods = await core.listNamespacedPod({ namespace: ns.name, labelSelector: 'app=owned' });
        const names = pods.items.map((p) => p.metadata?.name);
        return names.includes('owned-0') || names.includes('owned-1') ? undefined : names;
      },
      { timeoutMs: 45_000 },
    );
    expect(left).toEqual(['bystander']);
  });

  it('issues ServiceAccount tokens that RBAC governs', async () => {
    const kc = adminKubeConfig();
    const sa = await serviceAccountKubeConfig(kc, ns.name, 'reader');
    const asSa = sa.makeApiClient(CoreV1Api);

    const denied = await rejection(asSa.listNamespacedPod({ namespace: ns.name }));
    expect(statusCode(denied)).toBe(403);
    expect(statusMessage(denied)).toContain(`system:serviceaccount:${ns.name}:reader`);

    const rbac = kc.makeApiClient(RbacAuthorizationV1Api);
    await rbac.createNamespacedRole({
      namespace: ns.name,
      body: {
        metadata: { name: 'pod-reader' },
        rules: [{ apiGroups: [''], resources: ['pods'], verbs: ['get', 'list', 'watch'] }],
      },
    });
    await rbac.createNamespacedRoleBinding({
      namespace: ns.name,
      body: {
        metadata: { name: 'reader-reads-pods' },
        roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'Role', name: 'pod-reader' },
        subjects: [{ kind: 'ServiceAccount', name: 'reader', namespace: ns.name }],
      },
    });
    const pods = await waitFor('RBAC to allow listing pods', () =>
      asSa.listNamespacedPod({ namespace: ns.name }),
    );
    expect(Array.isArray(pods.items)).toBe(true);
    // Still nothing beyond what the Role grants.
    expect(statusCode(await rejection(asSa.listNamespacedSecret({ namespace: ns.name })))).toBe(403);
  });
});
