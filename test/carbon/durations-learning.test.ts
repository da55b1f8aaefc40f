import { describe, expect, it } from 'vitest';
import { DURATION_DEFAULTS, DurationLearner, durationKey } from '../../src/carbon/durations-learning.js';

const M = 60_000;

describe('DurationLearner', () => {
  it('gives the default for a job never seen', () => {
    const l = new DurationLearner({ defaultMs: 30 * M });
    expect(l.expected('a')).toBe(30 * M);
    expect(l.sampleCount('a')).toBe(0);
  });

  it('learns the median per key when asked to, not dragged by an outlier', () => {
    const l = new DurationLearner({
      defaultMs: 30 * M,
      quantile: 0.5,
      margin: 0,
      marginMs: 0,
      minSamples: 1,
    });
    for (const d of [10, 12, 11, 300, 13]) l.observe('build', d * M);
    l.observe('other', 99 * M);
    expect(l.expected('build')).toBe(12 * M);
    expect(l.expected('other')).toBe(99 * M);
  });

  it('by default plans with the longest of the last 50 runs, + 50%, + 5 minutes', () => {
    const l = new DurationLearner({ defaultMs: 30 * M });
    for (let d = 100; d >= 1; d--) l.observe('k', d * M); // the last 50 runs: 50 … 1 minutes
    expect(l.sampleCount('k')).toBe(50);
    expect(l.expected('k')).toBe(50 * 1.5 * M + 5 * M);
    expect(DURATION_DEFAULTS).toMatchObject({ quantile: 1, margin: 0.5, window: 50, minSamples: 5 });
  });

  it('plans a job with little or no history with the longest job known, never less than the default', () => {
    const l = new DurationLearner({ defaultMs: 30 * M, quantile: 0.5, margin: 0, marginMs: 0 });
    expect(l.expected('new')).toBe(30 * M); // nothing learned at all: the default
    for (let i = 0; i < 5; i++) l.observe('train', 180 * M);
    for (let i = 0; i < 5; i++) l.observe('lint', 2 * M);
    expect(l.expected('lint')).toBe(2 * M); // enough history: its own
    expect(l.expected('new')).toBe(180 * M); // unknown: as long as the longest known job
    l.observe('fresh', 5 * M);
    expect(l.expected('fresh')).toBe(180 * M); // one run is not enough to plan it shorter
    expect(l.expected('new', 240 * M)).toBe(240 * M); // a policy default longer than anything known wins
  });

  it('keeps at most maxKeys keys, dropping the least recently observed', () => {
    const l = new DurationLearner({ defaultMs: 0, maxKeys: 2, minSamples: 1, margin: 0, marginMs: 0 });
    l.observe('a', 1);
    l.observe('b', 2);
    l.observe('a', 3);
    l.observe('c', 4);
    expect(l.size).toBe(2);
    expect(l.sampleCount('b')).toBe(0);
    expect(l.sampleCount('a')).toBe(2);
  });

  it.each([
    [0.5, [1, 2, 3, 4], 2.5],
    [0.75, [1, 2, 3, 4], 3.25],
    [0, [5, 1, 9], 1],
    [1, [5, 1, 9], 9],
  ])('quantile %s of %j is %s (linear interpolation)', (quantile, runs, expected) => {
    const l = new DurationLearner({ defaultMs: 0, quantile, margin: 0, marginMs: 0, minSamples: 1 });
    for (const r of runs) l.observe('k', r);
    expect(l.expected('k')).toBeCloseTo(expected, 12);
  });

  it('keeps only the last `window` runs, so it follows a change in the job', () => {
    const l = new DurationLearner({ defaultMs: 0, window: 3, minSamples: 1, margin: 0, marginMs: 0 });
    for (const d of [100, 100, 100, 5, 5, 5]) l.observe('k', d);
    expect(l.expected('k')).toBe(5);
    expect(l.sampleCount('k')).toBe(3);
  });

  it('ignores durations that cannot be real', () => {
    const l = new DurationLearner({ defaultMs: 7 });
    l.observe('k', Number.NaN);
    l.observe('k', -5);
    l.observe('k', Number.POSITIVE_INFINITY);
    expect(l.expected('k')).toBe(7);
  });

  it('round-trips through compact JSON (whole seconds), and merges a saved state into a new learner', () => {
    const l = new DurationLearner({ defaultMs: 30 * M, window: 5, quantile: 0.75 });
    for (const d of [3, 1, 4, 1, 5, 9, 2]) l.observe('k', d * M);
    const json = JSON.parse(JSON.stringify(l));
    expect(json.runs.k).toEqual([4, 1, 5, 9, 2].map((m) => m * 60));
    const copy = DurationLearner.fromJSON(json);
    expect(copy.expected('k')).toBe(l.expected('k'));
    expect(copy.toJSON()).toEqual(l.toJSON());
    const fresh = new DurationLearner({ defaultMs: 30 * M, window: 5, quantile: 0.75 });
    fresh.merge(json);
    expect(fresh.expected('k')).toBe(l.expected('k'));
  });

  it('reads a version 1 state (ms, median) as it was planned then', () => {
    const v1 = { version: 1 as const, defaultMs: 0, window: 20, quantile: 0.5, runs: { k: [10, 20, 30] } };
    const l = DurationLearner.fromJSON(v1);
    expect(l.sampleCount('k')).toBe(3);
    expect(l.margin).toBe(0);
  });

  it('rejects bad options and unknown state versions', () => {
    expect(() => new DurationLearner({ defaultMs: -1 })).toThrow(/defaultMs/);
    expect(() => new DurationLearner({ defaultMs: 1, window: 0 })).toThrow(/window/);
    expect(() => new DurationLearner({ defaultMs: 1, quantile: 2 })).toThrow(/quantile/);
    expect(() => new DurationLearner({ defaultMs: 1, margin: -1 })).toThrow(/margin/);
    expect(() => new DurationLearner({ defaultMs: 1, maxKeys: 0 })).toThrow(/maxKeys/);
    expect(() => DurationLearner.fromJSON({ version: 2, runs: null } as never)).toThrow(/runs/);
    expect(() => DurationLearner.fromJSON({ version: 3 } as never)).toThrow(/version/);
  });

  it('keys never collide across different part shapes', () => {
    expect(durationKey({ repository: 'o/r', workflowName: 'ci', jobName: 'test' })).not.toBe(
      durationKey({ repository: 'o/r', workflowName: 'ci/test' }),
    );
    expect(durationKey({ workflowName: 'ci', jobName: 'a' })).toBe(
      durationKey({ workflowName: 'ci', jobName: 'a' }),
    );
  });
});

describe('DurationLearner.expected with the longest a job can run (maxJobDuration)', () => {
  const l = new DurationLearner({ defaultMs: 30 * M, margin: 0, marginMs: 0 });
  for (let i = 0; i < 5; i++) l.observe('known', 20 * M);
  l.observe('young', 2 * M);
  it.each([
    ['a key with enough runs: its own plan, whatever the bound', 'known', 360 * M, 20 * M],
    ['a key with too few runs: the bound', 'young', 360 * M, 360 * M],
    ['a key never seen: the bound', 'never', 360 * M, 360 * M],
    ['without a bound: the longest known, at least the default', 'never', 0, 30 * M],
    ['a bound below the longest known job does not shorten the plan', 'never', 10 * M, 30 * M],
  ])('%s', (_name, key, maxJobMs, expected) => {
    expect(l.expected(key, 30 * M, maxJobMs)).toBe(expected);
  });
});
