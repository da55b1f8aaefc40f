/** Keys MLflow accepts (mlflow/utils/validation.py) and values within its limits, made from real benchmark names. */
import { describe, expect, it } from 'vitest';
import { cut, keyMaker, LIMITS, splitBatches } from '../../../src/export/mlflow/batches.js';

describe('keyMaker', () => {
  it('turns pytest and Google Benchmark names into valid, distinct keys', () => {
    const key = keyMaker();
    expect(key('change_pct/test_sort[1000-random]')).toBe('change_pct/test_sort_1000-random_');
    expect(key('change_pct/BM_Sort<int>/1024/real_time')).toBe('change_pct/BM_Sort_int_/1024/real_time');
    // Same cleaned key as the first: kept apart.
    expect(key('change_pct/test_sort(1000-random)')).toBe('change_pct/test_sort_1000-random__2');
    expect(key('/../etc//passwd')).toBe('_/etc/passwd');
    expect(key('')).toBe('_');
    expect(key('x'.repeat(300))).toHaveLength(LIMITS.key);
    expect(key('x'.repeat(300))).toBe(`${'x'.repeat(LIMITS.key - 2)}_2`);
  });
});

describe('cut', () => {
  it('keeps short values and cuts long ones to the limit, marked', () => {
    expect(cut('abc', 6000)).toBe('abc');
    const long = cut('y'.repeat(7000), 6000);
    expect(long).toHaveLength(6000);
    expect(long.endsWith('…')).toBe(true);
  });
});

describe('splitBatches', () => {
  it('puts params and tags in the first request and fills the rest with metrics', () => {
    const metrics = Array.from({ length: 1500 }, (_, i) => ({
      key: `m${i}`,
      value: i,
      timestamp: 1,
      step: 0,
    }));
    const params = [{ key: 'p', value: 'v' }];
    const tags = [{ key: 't', value: 'v' }];
    const batches = splitBatches({ metrics, params, tags });
    expect(batches.map((b) => [b.params.length, b.tags.length, b.metrics.length])).toEqual([
      [1, 1, 998],
      [0, 0, 502],
    ]);
    expect(splitBatches({ metrics: [], params: [], tags: [] })).toEqual([]);
  });
});
