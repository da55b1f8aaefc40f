import { describe, expect, it } from 'vitest';
import {
  conbenchZ,
  perfherder,
  plainBinarySegmentation,
  previousRatio,
} from '../../../scripts/perf/baselines.js';
import {
  localLevel,
  localLevelScore,
  oracleCommonModeScores,
  previousRunScore,
} from '../../../scripts/perf/ceiling.js';
import {
  bestBalancedAccuracy,
  confusion,
  f1,
  falseAlarmsPer1000,
  matchChangePoints,
  recallAtFalseAlarms,
  rocAuc,
} from '../../../scripts/perf/metrics.js';
import type { LabelledComparison } from '../../../src/analysis/perf/dataset/index.js';
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

describe('ceiling scores and threshold sweeps', () => {
  const labels = [true, true, true, false, false, false, false];
  const scores = [0.9, 0.8, 0.3, 0.7, 0.2, 0.1, 0.3];
  it('ROC AUC counts ties one half', () => {
    // Positives above negatives: 0.9 → 4, 0.8 → 4, 0.3 → 2 (0.2, 0.1) + ½ (the tie) = 10.5 of 12.
    expect(rocAuc(scores, labels)).toBeCloseTo(10.5 / 12, 12);
    expect(rocAuc([1, 2], [false, true])).toBe(1);
    expect(rocAuc([1, 1], [false, true])).toBe(0.5);
  });
  it('recall at a false-alarm budget never spends more than the budget', () => {
    // 250 per 1,000 of 4 negatives = 1 false alarm allowed (0.7): the positive 0.3 ties with a negative, and
    // flagging it would be a second alarm, so only 0.9 and 0.8 are caught.
    expect(recallAtFalseAlarms(scores, labels, 250)).toBeCloseTo(2 / 3, 12);
    // No false alarm allowed: flag above 0.7 only.
    expect(recallAtFalseAlarms(scores, labels, 0)).toBeCloseTo(2 / 3, 12);
    // Everything allowed: all positives.
    expect(recallAtFalseAlarms(scores, labels, 1000)).toBe(1);
    // Two alarms allowed (0.7 and the tied 0.3): every positive.
    expect(recallAtFalseAlarms(scores, labels, 500)).toBe(1);
  });
  it('best balanced accuracy picks the best threshold', () => {
    // Above 0.7: recall 2/3, specificity 1 → 5/6; above 0.2: recall 1, specificity 2/4 → 3/4.
    expect(bestBalancedAccuracy(scores, labels)).toBeCloseTo(5 / 6, 12);
    expect(bestBalancedAccuracy([1, 2, 3, 4], [false, false, true, true])).toBe(1);
  });

  const comparison = (over: Partial<LabelledComparison>): LabelledComparison => ({
    id: 'f/a',
    benchmark: 'a',
    split: 'heldout',
    file: 'f',
    scored: true,
    fileWide: false,
    direction: 'smaller-is-better',
    input: { baseline: [100, 100, 100], candidate: [110, 110, 110], history: [] },
    kind: 'no-change',
    change: 0,
    nuisance: 'none',
    label: 0,
    ...over,
  });
  it('local level follows the recent runs, oriented scores are + when worse', () => {
    expect(localLevel([], 100)).toBe(100);
    // log level: 0.5·ln 200 + 0.5·ln 100 → √(200·100).
    expect(localLevel([100, 200], 1)).toBeCloseTo(Math.sqrt(20000), 9);
    const c = comparison({ input: { baseline: [100], candidate: [110], history: [100, 100] } });
    expect(previousRunScore(c)).toBeCloseTo(Math.log(1.1), 12);
    expect(localLevelScore(c)).toBeCloseTo(Math.log(1.1), 12);
    expect(localLevelScore({ ...c, direction: 'bigger-is-better' })).toBeCloseTo(-Math.log(1.1), 12);
  });
  it('the oracle removes the shift of the truly unchanged benchmarks of the same file only', () => {
    const slow = { baseline: [100], candidate: [110], history: [100, 100] };
    const file = [
      comparison({ id: 'f/a', input: slow }),
      comparison({ id: 'f/b', input: slow }),
      comparison({ id: 'f/c', input: { ...slow, candidate: [121] }, kind: 'regression', label: 1 }),
      comparison({ id: 'g/a', file: 'g', input: slow }),
    ];
    const oracle = oracleCommonModeScores(file);
    expect(oracle.get('f/a')).toBeCloseTo(0, 12);
    // c is measured against a and b's 10%: 21% − 10% in logs.
    expect(oracle.get('f/c')).toBeCloseTo(Math.log(1.21) - Math.log(1.1), 12);
    // Alone in its file: nothing to remove.
    expect(oracle.get('g/a')).toBeCloseTo(Math.log(1.1), 12);
  });
});
