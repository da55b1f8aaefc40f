import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCoveragePyJson } from '../../../src/analysis/select/coverage.js';
import { parseJunit } from '../../../src/analysis/select/junit.js';
import { SelectionStore } from '../../../src/analysis/select/store.js';
import { FIXTURES } from './helpers.js';

const KNOWN = new Set([
  'tests/test_core.py',
  'tests/test_util.py',
  'tests/test_table.py',
  'tests/sub/test_standalone.py',
]);
const junit = (f: string) => parseJunit(f, readFileSync(join(FIXTURES, f), 'utf8'), KNOWN);

describe('SelectionStore', () => {
  it('links failed tests to the files their change touched, and learns durations and failure rates', () => {
    const store = SelectionStore.open(':memory:');
    store.recordRun(
      { commit: 'c1', time: '2026-01-01T00:00:00Z', full: true, changed: ['pkg/util.py'] },
      junit('pytest-fail.xml'),
    );
    store.recordRun(
      { commit: 'c2', time: '2026-01-02T00:00:00Z', full: true, changed: ['README.md'] },
      junit('pytest-pass.xml'),
    );
    const co = store.cofailures();
    expect([...co.get('pkg/util.py')!.entries()].sort()).toEqual([
      ['tests/test_core.py', 1],
      ['tests/test_util.py', 1],
    ]);
    expect(co.has('README.md')).toBe(false);
    const stats = store.testStats();
    expect(stats.get('tests/test_util.py')!.failureRate).toBe(0.5);
    expect(stats.get('tests/test_table.py')!.failureRate).toBe(0);
    expect(stats.get('tests/test_core.py')!.durationS).toBeGreaterThan(0);
    store.close();
  });

  it('marks a test that failed and passed on the same commit as flaky: never linked to the change, rate 0', () => {
    const store = SelectionStore.open(':memory:');
    store.recordRun(
      { commit: 'c1', time: '2026-01-01T00:00:00Z', full: true, changed: ['pkg/util.py'] },
      junit('pytest-fail.xml'),
    );
    store.recordRun(
      { commit: 'c1', time: '2026-01-01T01:00:00Z', full: true, changed: ['pkg/util.py'] },
      junit('pytest-pass.xml'),
    );
    expect([...store.flakyTests()].sort()).toEqual(['tests/test_core.py', 'tests/test_util.py']);
    expect(store.cofailures().get('pkg/util.py')).toBeUndefined();
    expect(store.testStats().get('tests/test_util.py')).toMatchObject({ flaky: true, failureRate: 0 });
    store.close();
  });

  it('returns coverage recorded for the current content of a test, else the latest recorded', () => {
    const store = SelectionStore.open(':memory:');
    const map = parseCoveragePyJson('c', readFileSync(join(FIXTURES, 'coverage-contexts.json'), 'utf8'));
    store.recordCoverage(
      'c1',
      map,
      new Map([
        ['tests/test_core.py', 'h1'],
        ['tests/test_util.py', 'h2'],
      ]),
    );
    store.recordCoverage(
      'c2',
      new Map([['tests/test_core.py', new Set(['pkg/table.py'])]]),
      new Map([['tests/test_core.py', 'h9']]),
    );
    expect(
      [...store.coverage(new Map([['tests/test_core.py', 'h1']])).get('tests/test_core.py')!].sort(),
    ).toEqual(['pkg/core.py', 'pkg/util.py']);
    expect([...store.coverage(new Map([['tests/test_core.py', 'h9']])).get('tests/test_core.py')!]).toEqual([
      'pkg/table.py',
    ]);
    store.close();
  });

  it('caches raw imports by content hash', () => {
    const store = SelectionStore.open(':memory:');
    expect(store.get('python', 'abc')).toBeUndefined();
    store.set('python', [{ hash: 'abc', imports: ['0|os|'] }]);
    expect(store.get('python', 'abc')).toEqual(['0|os|']);
    expect(store.get('typescript', 'abc')).toBeUndefined();
    store.set('python', [{ hash: 'def', imports: [] }]);
    expect([...store.getMany('python', ['abc', 'def', 'zzz'])]).toEqual([
      ['abc', ['0|os|']],
      ['def', []],
    ]);
    store.close();
  });
});
