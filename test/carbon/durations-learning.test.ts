import { describe, expect, it } from 'vitest';
import { DurationLearner, durationKey } from '../../src/carbon/durations-learning.js';

const M = 60_000;

describe('DurationLearner', () => {
  it('gives the default for a job never seen', () => {
    const l = new DurationLearner({ defaultMs: 30 * M });
    expect(l.expected('a')).toBe(30 * M);
    expect(l.sampleCount('a')).toBe(0);
  });

  it('learns the median per key, not dragged by an outlier', () => {
    const l = new DurationLearner({ defaultMs: 30 * M });
    for (const d of [10, 12, 11, 300, 13]) l.observe('build', d * M);
    l.observe('other', 99 * M);
    expect(l.expected('build')).toBe(12 * M);
    expect(l.expected('other')).toBe(99 * M);
  });

  it.each([
    [0.5, [1, 2, 3, 4], 2.5],
    [0.75, [1, 2, 3, 4], 3.25],
    [0, [5, 1, 9], 1],
    [1, [5, 1, 9], 9],
  ])('quantile %s of %j is %s (linear interpolation)', (quantile, runs, expected) => {
    const l = new DurationLearner({ defaultMs: 0, quantile });
    for (const r of runs) l.observe('k', r);
    expect(l.expected('k')).toBeCloseTo(expected, 12);
  });

  it('keeps only the last `window` runs, so it follows a change in the job', () => {
    const l = new DurationLearner({ defaultMs: 0, window: 3 });
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

  it('round-trips through JSON', () => {
    const l = new DurationLearner({ defaultMs: 30 * M, window: 5, quantile: 0.75 });
    for (const d of [3, 1, 4, 1, 5, 9, 2]) l.observe('k', d * M);
    const copy = DurationLearner.fromJSON(JSON.parse(JSON.stringify(l)));
    expect(copy.expected('k')).toBe(l.expected('k'));
    expect(copy.toJSON()).toEqual(l.toJSON());
  });

  it('rejects bad options and unknown state versions', () => {
    expect(() => new DurationLearner({ defaultMs: -1 })).toThrow(/defaultMs/);
    expect(() => new DurationLearner({ defaultMs: 1, window: 0 })).toThrow(/window/);
    expect(() => new DurationLearner({ defaultMs: 1, quantile: 2 })).toThrow(/quantile/);
    expect(() => DurationLearner.fromJSON({ version: 2 } as never)).toThrow(/version/);
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
