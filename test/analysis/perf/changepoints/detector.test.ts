import { describe, expect, it } from 'vitest';
import {
  ChangePointDetector,
  detectChangePoints,
  resolveChangePointOptions,
} from '../../../../src/analysis/perf/changepoints/detector.js';
import { noisy } from '../helpers.js';

const indices = (series: number[], options = {}) => detectChangePoints(series, options).map((c) => c.index);

/** Noise of 1% around 100 with multiplicative steps at the given indices. */
function stepped(length: number, steps: [number, number][], seed: number, rel = 0.01): number[] {
  const values = noisy(length, 100, rel, seed);
  for (const [at, change] of steps) for (let i = at; i < length; i++) values[i]! *= 1 + change;
  return values;
}

describe('change-point detector', () => {
  it.each([
    { name: 'one 10% step', steps: [[60, 0.1]] as [number, number][], length: 120 },
    { name: 'one 5% step near the start', steps: [[12, 0.05]] as [number, number][], length: 100 },
    { name: 'a step down', steps: [[40, -0.2]] as [number, number][], length: 100 },
    {
      name: 'three steps',
      steps: [
        [50, 0.1],
        [100, -0.08],
        [150, 0.3],
      ] as [number, number][],
      length: 200,
    },
  ])('finds $name where it is (±1)', ({ steps, length }) => {
    for (const seed of [1, 2, 3]) {
      const found = indices(stepped(length, steps, seed));
      expect(found).toHaveLength(steps.length);
      found.forEach((f, i) => {
        expect(Math.abs(f - steps[i]![0])).toBeLessThanOrEqual(1);
      });
    }
  });

  it('finds nothing in stationary noise (20 seeds)', () => {
    for (let seed = 1; seed <= 20; seed++) expect(indices(noisy(200, 100, 0.02, seed))).toEqual([]);
  });

  it('is not fooled by isolated outliers', () => {
    const values = noisy(150, 100, 0.01, 9);
    for (const i of [20, 21, 70, 120]) values[i]! *= 3;
    expect(indices(values)).toEqual([]);
  });

  it('requires magnitude as well as significance', () => {
    // 0.3% step in 0.05% noise: significant, but below the 0.5% minimum relative change.
    const values = stepped(200, [[100, 0.003]], 4, 0.0005);
    expect(indices(values)).toEqual([]);
    expect(indices(values, { minRelativeChange: 0.001 })).toEqual([100]);
  });

  it('respects the minimum segment size', () => {
    const values = [...Array(30).fill(1), 2, 2, 2];
    // A regime of 3 points cannot be one of its own with segments of at least 5.
    for (const i of indices(values)) expect(values.length - i).toBeGreaterThanOrEqual(5);
    expect(indices(values, { minSegment: 3 })).toEqual([30]);
  });

  it('returns nothing for series too short or constant', () => {
    expect(indices([1, 2, 3])).toEqual([]);
    expect(indices(Array(50).fill(7))).toEqual([]);
  });

  it('reports the shift and p-value of each change point', () => {
    const [c] = detectChangePoints(stepped(100, [[50, 0.2]], 5));
    expect(c!.index).toBe(50);
    expect(c!.relativeChange).toBeCloseTo(0.2, 1);
    expect(c!.after).toBeGreaterThan(c!.before);
    expect(c!.pValue).toBeLessThan(0.001);
  });

  it('rejects non-finite values, naming the index', () => {
    const values = noisy(20, 1, 0.01, 1);
    values[7] = Number.NaN;
    expect(() => indices(values)).toThrow(/index 7/);
  });

  it('a reused detector gives the same answers as fresh ones, whatever it saw before', () => {
    const detector = new ChangePointDetector();
    const long = stepped(300, [[150, 0.1]], 6);
    const short = stepped(40, [[20, 0.3]], 7);
    detector.detect(long);
    expect(detector.detectIndices(short)).toEqual(indices(short));
    expect(detector.detectIndices(long)).toEqual(indices(long));
  });

  it('validates its options', () => {
    expect(() => resolveChangePointOptions({ alpha: 2 })).toThrow(/alpha/);
    expect(() => resolveChangePointOptions({ minSegment: 0 })).toThrow(/minSegment/);
    expect(resolveChangePointOptions({}).minSegment).toBe(5);
  });
});
