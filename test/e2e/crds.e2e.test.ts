/**
 * The generated CRDs (crds/*.yaml) on a real kube-apiserver: they install, every example of examples/ is
 * accepted, the invalid objects of test/api/invalid-cases.ts are rejected with a message naming the field
 * (OpenAPI schema and CEL rules), the status subresource separates spec from status, optimistic concurrency
 * holds, and the garbage collector deletes the Pods a RunnerPool owns.
 */
import {
  CoreV1Api,
  CustomObjectsApi,
  PatchStrategy,
  setHeaderOptions,
  type V1CustomResourceDefinition,
} from '@kubernetes/client-node';
import { beforeAll, describe, expect, it } from 'vitest';
import { invalidCases, type Loose } from '../api/invalid-cases.js';
import {
  adminKubeConfig,
  installCrds,
  loadManifests,
  rejection,
  statusCode,
  statusMessage,
  useNamespace,
  waitFor,
  waitPodPhase,
} from './setup/kube.js';

const GROUP = 'ai-ci.dev';
const VERSION = 'v1alpha1';
const PLURALS: Record<string, string> = { RunnerPool: 'runnerpools', CarbonPolicy: 'carbonpolicies' };

const ns = useNamespace('crds');
const examples = (await loadManifests('examples')).filter((m) => m.object.kind && m.object.kind in PLURALS);
let crds: V1CustomResourceDefinition[] = [];

beforeAll(async () => {
  crds = await installCrds(adminKubeConfig());
});

type Obj = Record<string, Loose>;

function api() {
  return adminKubeConfig().makeApiClient(CustomObjectsApi);
}

/** The object, moved into this file's namespace (examples name their own, e.g. `ci`). */
function inNamespace(object: Obj, name?: string): Obj {
  const o = structuredClone(object);
  o.metadata = { ...(o.metadata ?? {}), namespace: ns.name, ...(name ? { name } : {}) };
  return o;
}

function create(object: Obj, fieldValidation?: 'Strict' | 'Warn' | 'Ignore'): Promise<Obj> {
  return api().createNamespacedCustomObject({
    group: GROUP,
    version: VERSION,
    namespace: ns.name,
    plural: PLURALS[object.kind] ?? `unknown-kind-${object.kind}`,
    body: object,
    ...(fieldValidation ? { fieldValidation } : {}),
  });
}

function get(kind: string, name: string): Promise<Obj> {
  return api().getNamespacedCustomObject({
    group: GROUP,
    version: VERSION,
    namespace: ns.name,
    plural: PLURALS[kind]!,
    name,
  });
}

function example(file: string): Obj {
  const found = examples.find((e) => e.file === `examples/${file}`);
  if (!found) throw new Error(`examples/${file} is missing`);
  return found.object as Obj;
}

/** Every CEL message of crds/*.yaml: an invalid case whose expected message is one of these comes from a CEL
 *  rule, so the apiserver must report the very same message. */
const celMessages: string[] = [];
for (const { object } of await loadManifests('crds')) {
  const walk = (node: unknown) => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === 'object') {
      for (const [k, v] of Object.entries(node)) {
        if (k === 'x-kubernetes-validations') {
          for (const rule of v as { message?: string }[]) if (rule.message) celMessages.push(rule.message);
        } else walk(v);
      }
    }
  };
  walk(object);
}

describe('CRDs', () => {
  it('install runnerpools and carbonpolicies: namespaced, v1alpha1, with a status subresource and CEL rules', () => {
    expect(crds.map((c) => c.metadata?.name).sort()).toEqual([
      'carbonpolicies.ai-ci.dev',
      'runnerpools.ai-ci.dev',
    ]);
    for (const crd of crds) {
      expect(crd.spec.scope).toBe('Namespaced');
      const version = crd.spec.versions.find((v) => v.name === VERSION);
      expect(version?.served && version.storage).toBe(true);
      expect(version?.subresources?.status).toBeDefined();
    }
    expect(celMessages).toContain('minRunners must be less than or equal to maxRunners');
    expect(celMessages.some((m) => m.startsWith('exactly one of ukCarbonIntensity'))).toBe(true);
  });
});

describe('examples/', () => {
  it('has RunnerPool and CarbonPolicy examples', () => {
    const kinds = new Set(examples.map((e) => e.object.kind));
    expect([...kinds].sort()).toEqual(['CarbonPolicy', 'RunnerPool']);
  });

  it.each(examples.map((e) => [e.file, e.object as Obj] as const))(
    '%s is accepted as written',
    async (_file, object) => {
      const created = await create(inNamespace(object));
      expect(created.metadata.uid).toBeTruthy();
      // What was sent comes back (the apiserver may add defaults, never change or drop a field).
      expect(created.spec).toMatchObject(object.spec);
      const read = await get(object.kind, object.metadata.name);
      expect(read.spec).toEqual(created.spec);
    },
  );
});

describe('invalid objects are rejected by the apiserver', () => {
  it.each(invalidCases.filter((c) => c.apiserverRejects).map((c, i) => [c.name, c, i] as const))(
    '%s',
    async (_name, c, i) => {
      // A name of its own (unless the name is what is wrong), so that no AlreadyExists can hide the answer.
      const object = c.field.startsWith('metadata.')
        ? inNamespace(c.object)
        : inNamespace(c.object, `invalid-${i}`);
      const err = await rejection(create(object));
      expect(statusCode(err)).toBe(422);
      const message = statusMessage(err);
      // The apiserver names the field, e.g. `spec.minRunners: Invalid value: ...`.
      expect(message).toContain(`${c.field}:`);
      if (celMessages.some((m) => c.message.test(m))) expect(message).toMatch(c.message);
    },
  );

  it.each(
    invalidCases
      .filter((c) => !c.apiserverRejects && /unknown field/.test(c.message.source))
      .map((c) => [c.name, c] as const),
  )('%s: pruned by default, refused with strict field validation', async (_name, c) => {
    const name = `unknown-${Math.random().toString(36).slice(2, 8)}`;
    const strict = await rejection(create(inNamespace(c.object, name), 'Strict'));
    expect(statusCode(strict)).toBe(400);
    expect(statusMessage(strict)).toContain(`unknown field "${c.field}"`);
    const unknownLeaf = c.field.split('.').pop()!;

    const created = await create(inNamespace(c.object, name));
    expect(JSON.stringify(created.spec)).not.toContain(`"${unknownLeaf}"`);
  });
});

describe('status subresource and concurrency', () => {
  it('writes status only through /status, and spec only through the main endpoint', async () => {
    const policy = await create(inNamespace(example('carbonpolicy-static.yaml'), 'status-split'));
    expect(policy.metadata.generation).toBe(1);
    const status = {
      observedGeneration: 1,
      conditions: [
        {
          type: 'Ready',
          status: 'True',
          reason: 'IntensityKnown',
          message: 'static intensity',
          lastTransitionTime: new Date().toISOString().replace(/\.\d+Z$/, 'Z'),
          observedGeneration: 1,
        },
      ],
    };
    const objects = api();
    const base = {
      group: GROUP,
      version: VERSION,
      namespace: ns.name,
      plural: 'carbonpolicies',
      name: 'status-split',
    };

    // A status write through /status that also tries to change the spec: status is kept, the spec change dropped.
    const withStatus = await objects.replaceNamespacedCustomObjectStatus({
      ...base,
      body: { ...policy, spec: { ...policy.spec, threshold: 999 }, status },
    });
    expect(withStatus.status.conditions[0].reason).toBe('IntensityKnown');
    expect(withStatus.spec.threshold).toBe(policy.spec.threshold);
    expect(withStatus.metadata.generation).toBe(1);

    // A spec write through the main endpoint that also tries to change the status: spec changes, status is kept.
    const specChanged = await objects.patchNamespacedCustomObject(
      { ...base, body: { spec: { threshold: 180 }, status: { observedGeneration: 42, conditions: [] } } },
      setHeaderOptions('Content-Type', PatchStrategy.MergePatch),
    );
    expect(specChanged.spec.threshold).toBe(180);
    expect(specChanged.metadata.generation).toBe(2);
    expect(specChanged.status).toEqual(withStatus.status);

    // A merge patch of /status alone (what a controller sends) updates status without touching generation.
    const patched = await objects.patchNamespacedCustomObjectStatus(
      { ...base, body: { status: { observedGeneration: 2 } } },
      setHeaderOptions('Content-Type', PatchStrategy.MergePatch),
    );
    expect(patched.status.observedGeneration).toBe(2);
    expect(patched.status.conditions).toHaveLength(1);
    expect(patched.metadata.generation).toBe(2);
    expect(patched.spec.threshold).toBe(180);
  });

  it('answers 409 Conflict to an update carrying a stale resourceVersion', async () => {
    const created = await create(inNamespace(example('carbonpolicy-static.yaml'), 'stale'));
    const objects = api();
    const base = {
      group: GROUP,
      version: VERSION,
      namespace: ns.name,
      plural: 'carbonpolicies',
      name: 'stale',
    };
    const first = await objects.replaceNamespacedCustomObject({
      ...base,
      body: { ...created, spec: { ...created.spec, threshold: 150 } },
    });
    expect(first.metadata.resourceVersion).not.toBe(created.metadata.resourceVersion);

    const stale = await rejection(
      objects.replaceNamespacedCustomObject({
        ...base,
        body: { ...created, spec: { ...created.spec, threshold: 120 } },
      }),
    );
    expect(statusCode(stale)).toBe(409);
    expect(statusMessage(stale)).toMatch(/the object has been modified/);
    expect((await get('CarbonPolicy', 'stale')).spec.threshold).toBe(150);

    const staleStatus = await rejection(
      objects.replaceNamespacedCustomObjectStatus({
        ...base,
        body: { ...created, status: { observedGeneration: 1 } },
      }),
    );
    expect(statusCode(staleStatus)).toBe(409);
  });
});

describe('garbage collection', () => {
  it('deletes the Pods a RunnerPool owns when the RunnerPool is deleted', async () => {
    const kc = adminKubeConfig();
    const core = kc.makeApiClient(CoreV1Api);
    const pool = await create(inNamespace(example('runnerpool-cpu.yaml'), 'gc-pool'));
    const ownerReferences = [
      {
        apiVersion: `${GROUP}/${VERSION}`,
        kind: 'RunnerPool',
        name: 'gc-pool',
        uid: pool.metadata.uid,
        controller: true,
        blockOwnerDeletion: true,
      },
    ];
    for (const name of ['gc-pool-a', 'gc-pool-b']) {
      await core.createNamespacedPod({
        namespace: ns.name,
        body: {
          metadata: { name, labels: { pool: 'gc-pool' }, ownerReferences },
          spec: {
            restartPolicy: 'Never',
            containers: [{ name: 'runner', image: 'ghcr.io/actions/actions-runner:2.336.0' }],
          },
        },
      });
    }
    await waitPodPhase(kc, ns.name, 'gc-pool-a', 'Running');

    await api().deleteNamespacedCustomObject({
      group: GROUP,
      version: VERSION,
      namespace: ns.name,
      plural: 'runnerpools',
      name: 'gc-pool',
      propagationPolicy: 'Foreground',
    });
    // Foreground deletion: the RunnerPool itself goes only after the garbage collector removed its Pods.
    await waitFor(
      'RunnerPool and its Pods to be gone',
      async () => {
        const pods = await core.listNamespacedPod({ namespace: ns.name, labelSelector: 'pool=gc-pool' });
        if (pods.items.length > 0) return undefined;
        const gone = await get('RunnerPool', 'gc-pool').then(
          () => false,
          (err: unknown) => statusCode(err) === 404,
        );
        return gone || undefined;
      },
      { timeoutMs: 45_000 },
    );
  });
});
