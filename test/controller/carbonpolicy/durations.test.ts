import type { V1ConfigMap } from '@kubernetes/client-node';
import { describe, expect, it } from 'vitest';
import { DurationLearner, type DurationLearnerState } from '../../../src/carbon/durations-learning.js';
import {
  boundState,
  type ConfigMapClient,
  DURATIONS_DATA_KEY,
  DurationStore,
  durationsConfigMap,
  parseDurationsConfigMap,
  WRITER_ANNOTATION,
} from '../../../src/controller/carbonpolicy/durations.js';

const M = 60_000;
const NS = 'ai-ci';
const NAME = 'ai-ci-job-durations';

function apiError(code: number): Error {
  return Object.assign(new Error(`HTTP ${code}`), { code });
}

/** An apiserver's ConfigMap semantics: resourceVersion checked on replace, 409 on a stale one or a second create. */
class FakeConfigMaps implements ConfigMapClient {
  cm: V1ConfigMap | undefined;
  rv = 0;
  writes = 0;
  /** Throws this on the next write after applying it (the answer is lost), or before (it never landed). */
  failNext: { when: 'before' | 'after' } | undefined;

  async read(_ns: string, _name: string): Promise<V1ConfigMap> {
    if (!this.cm) throw apiError(404);
    return structuredClone(this.cm);
  }
  async create(_ns: string, body: V1ConfigMap): Promise<V1ConfigMap> {
    if (this.cm) throw apiError(409);
    return this.apply(body);
  }
  async replace(_ns: string, _name: string, body: V1ConfigMap): Promise<V1ConfigMap> {
    if (!this.cm) throw apiError(404);
    if (body.metadata?.resourceVersion !== this.cm.metadata?.resourceVersion) throw apiError(409);
    return this.apply(body);
  }
  /** Another writer (an old leader's last flush) replaces the ConfigMap. */
  external(state: DurationLearnerState, writer = 'other/1'): void {
    this.cm = durationsConfigMap({ namespace: NS, name: NAME }, state, writer, String(++this.rv));
  }
  state(): DurationLearnerState {
    return JSON.parse(this.cm!.data![DURATIONS_DATA_KEY]!) as DurationLearnerState;
  }
  private apply(body: V1ConfigMap): V1ConfigMap {
    const fail = this.failNext;
    this.failNext = undefined;
    if (fail?.when === 'before') throw new Error('connection reset');
    this.writes++;
    this.cm = {
      ...structuredClone(body),
      metadata: { ...body.metadata, resourceVersion: String(++this.rv) },
    };
    if (fail?.when === 'after') throw new Error('connection reset');
    return structuredClone(this.cm);
  }
}

function store(fake: FakeConfigMaps, identity = 'ctrl-a') {
  const learner = new DurationLearner({ defaultMs: 0, minSamples: 1, margin: 0, marginMs: 0 });
  const s = new DurationStore({ client: fake, namespace: NS, learner, identity, readyTimeoutMs: 50 });
  return { learner, store: s };
}

const state = (runs: Record<string, number[]>): DurationLearnerState => ({
  version: 2,
  defaultMs: 0,
  window: 50,
  quantile: 1,
  runs,
});

describe('parseDurationsConfigMap', () => {
  const cm = (data: Record<string, string> | undefined, writer?: string): V1ConfigMap => ({
    metadata: { name: NAME, ...(writer ? { annotations: { [WRITER_ANNOTATION]: writer } } : {}) },
    ...(data ? { data } : {}),
  });
  it.each([
    ['no ConfigMap', undefined, {}],
    [
      'a saved state',
      cm({ [DURATIONS_DATA_KEY]: JSON.stringify(state({ k: [60] })) }, 'a/1'),
      {
        state: state({ k: [60] }),
        writer: 'a/1',
      },
    ],
    ['no data key', cm(undefined, 'a/2'), { writer: 'a/2', problem: 'no durations.json key' }],
    ['not JSON', cm({ [DURATIONS_DATA_KEY]: '{' }), { problem: expect.stringMatching(/^durations\.json: /) }],
    [
      'an unknown version',
      cm({ [DURATIONS_DATA_KEY]: '{"version":9,"runs":{}}' }),
      {
        problem: 'durations.json: unsupported duration-learner state version: 9',
      },
    ],
  ])('%s', (_name, input, expected) => {
    expect(parseDurationsConfigMap(input)).toEqual(expected);
  });
});

describe('boundState', () => {
  it('keeps a state that fits, and drops the least recently observed keys of one that does not', () => {
    const s = state({ old: [1, 2, 3], mid: [4, 5], new: [6] });
    expect(boundState(s, 10_000)).toBe(s);
    const size = (x: DurationLearnerState) => Buffer.byteLength(JSON.stringify(x));
    const bounded = boundState(s, size(s) - 5);
    expect(Object.keys(bounded.runs)).toEqual(['mid', 'new']);
    expect(size(bounded)).toBeLessThanOrEqual(size(s) - 5);
    expect(Object.keys(boundState(s, size(state({ new: [6] }))).runs)).toEqual(['new']);
  });
});

describe('DurationStore', () => {
  it('creates the ConfigMap, then writes only when something changed, and a new process reads it back', async () => {
    const fake = new FakeConfigMaps();
    const a = store(fake);
    expect(await a.store.sync()).toBe('unchanged'); // nothing learned, no ConfigMap: nothing to write
    expect(fake.cm).toBeUndefined();
    a.store.observe('build', 10 * M);
    a.store.observe('build', 12 * M);
    expect(await a.store.sync()).toBe('written');
    expect(fake.state().runs).toEqual({ build: [600, 720] });
    expect(await a.store.sync()).toBe('unchanged');
    expect(fake.writes).toBe(1);
    expect(a.store.unsaved).toBe(0);

    const b = store(fake, 'ctrl-b');
    expect(b.learner.expected('build')).toBe(0);
    b.store.start();
    await b.store.ready();
    await b.store.stop(false);
    expect(b.learner.expected('build')).toBe(12 * M);
    expect(b.learner.sampleCount('build')).toBe(2);
  });

  it('on a conflict re-reads, keeps the other writer’s runs and its own unsaved ones, and counts none twice', async () => {
    const fake = new FakeConfigMaps();
    const a = store(fake);
    a.store.observe('k', 1 * M);
    await a.store.sync();
    fake.external(state({ k: [60, 120], other: [300] })); // an old leader flushed after our read
    a.store.observe('k', 3 * M);
    expect(await a.store.sync()).toBe('written');
    expect(fake.state().runs).toEqual({ other: [300], k: [60, 120, 180] });
    expect(a.learner.sampleCount('k')).toBe(3);
  });

  it.each([
    ['failed before it landed', 'before' as const],
    ['landed but its answer was lost', 'after' as const],
  ])('converges when a write %s: each run saved exactly once', async (_name, when) => {
    const fake = new FakeConfigMaps();
    const a = store(fake);
    a.store.observe('k', 1 * M);
    await a.store.sync();
    a.store.observe('k', 2 * M);
    fake.failNext = { when };
    expect(await a.store.sync()).toBe('failed');
    a.store.observe('k', 3 * M);
    expect(await a.store.sync()).toBe('written');
    expect(fake.state().runs).toEqual({ k: [60, 120, 180] });
    expect(a.learner.sampleCount('k')).toBe(3);
    expect(await a.store.sync()).toBe('unchanged');
  });

  it('a crash (a new process) after a write keeps what that write saved and nothing twice', async () => {
    const fake = new FakeConfigMaps();
    const a = store(fake);
    for (const d of [1, 2]) a.store.observe('k', d * M);
    fake.failNext = { when: 'after' };
    await a.store.sync(); // landed, answer lost, then the process died
    const b = store(fake, 'ctrl-a'); // same Pod name after a container restart: its tokens still differ
    b.store.observe('k', 5 * M); // a run reported before the first read
    expect(await b.store.sync()).toBe('written');
    expect(fake.state().runs).toEqual({ k: [60, 120, 300] });
  });

  it('overwrites an unreadable ConfigMap instead of failing forever', async () => {
    const fake = new FakeConfigMaps();
    fake.cm = { metadata: { name: NAME, resourceVersion: '7' }, data: { [DURATIONS_DATA_KEY]: 'garbage' } };
    fake.rv = 7;
    const a = store(fake);
    a.store.observe('k', 1 * M);
    expect(await a.store.sync()).toBe('written');
    expect(fake.state().runs).toEqual({ k: [60] });
  });

  it('lets the gate decide after the first read, or after readyTimeoutMs when the apiserver does not answer', async () => {
    const hung: ConfigMapClient = {
      read: () => new Promise(() => undefined),
      create: () => new Promise(() => undefined),
      replace: () => new Promise(() => undefined),
    };
    const learner = new DurationLearner({ defaultMs: 0 });
    const s = new DurationStore({ client: hung, namespace: NS, learner, identity: 'x', readyTimeoutMs: 30 });
    s.start();
    const t0 = Date.now();
    await s.ready();
    expect(Date.now() - t0).toBeGreaterThanOrEqual(25);
    void s.stop(false);
  });
});
