import { describe, expect, it } from 'vitest';
import {
  conbenchZ,
  perfherder,
  plainBinarySegmentation,
  previousRatio,
} from '../../../scripts/perf/baselines.js';
import { confusion, f1, falseAlarmsPer1000, matchChangePoints } from '../../../scripts/perf/metrics.js';
import { noisy } from './helpers.js';

describe('evaluation scoring', () => {
  it.each([
    { truth: [50], detected: [53], tp: 1, fp: 0, fn: 0 },
    { truth: [50], detected: [56], tp: 0, fp: 1, fn: 1 },
    { truth: [50, 60], detected: [55], tp: 1, fp: 0, fn: 1 }, // one detection matches one truth only
    { truth: [50], detected: [48, 52], tp: 1, fp: 1, fn: 0 },
    { truth: [10, 20, 30], detected: [14, 16, 26], tp: 3, fp: 0, fn: 0 }, // in-order matching finds all three
    { truth: [], detected: [], tp: 0, fp: 0, fn: 0 },
  ])('matches $truth with $detected within ±5', ({ truth, detected, tp, fp, fn }) => {
    expect(matchChangePoints(truth, detected, 5)).toEqual({ tp, fp, fn });
  });

  it('F1 and false alarms per 1,000', () => {
    expect(f1(1, 1, 0)).toBeCloseTo(2 / 3, 12);
    expect(f1(0, 0, 0)).toBe(1);
    const c = confusion([true, true, false, false], [true, false, false, false]);
    expect(c).toEqual({ tp: 1, fp: 1, tn: 2, fn: 0 });
    expect(falseAlarmsPer1000(c)).toBeCloseTo(1000 / 3, 9);
  });
});

describe('baselines', () => {
  const base = {
    baseline: [100, 100, 100],
    history: noisy(20, 100, 0.01, 1),
    direction: 'smaller-is-better' as const,
  };
  it('previous-result ratio alerts above its threshold only', () => {
    expect(previousRatio('r', 0.1).flags({ ...base, candidate: [111, 111, 111] })).toBe(true);
    expect(previousRatio('r', 0.1).flags({ ...base, candidate: [109, 109, 109] })).toBe(false);
    expect(previousRatio('r', 1).flags({ ...base, candidate: [201, 201, 201] })).toBe(true);
    // Bigger is better: half the throughput is twice as bad.
    expect(
      previousRatio('r', 0.9).flags({ ...base, direction: 'bigger-is-better', candidate: [50, 50, 50] }),
    ).toBe(true);
  });
  it('Conbench z and Perfherder t alert on a large shift, not on noise', () => {
    expect(conbenchZ().flags({ ...base, candidate: [110] })).toBe(true);
    expect(conbenchZ().flags({ ...base, candidate: [100.5] })).toBe(false);
    expect(perfherder().flags({ ...base, candidate: [110, 110.5, 109.5] })).toBe(true);
    expect(perfherder().flags({ ...base, candidate: [101, 100.5, 100.7] })).toBe(false);
  });
  it('plain binary segmentation finds a clean step', () => {
    const s = [...noisy(50, 100, 0.01, 2), ...noisy(50, 120, 0.01, 3)];
    expect(plainBinarySegmentation(s)).toContain(50);
  });
});
