import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SelectInputError } from '../../../src/analysis/select/errors.js';
import { parseJunit } from '../../../src/analysis/select/junit.js';
import { FIXTURES } from './helpers.js';

const read = (f: string) => readFileSync(join(FIXTURES, f), 'utf8');

describe('parseJunit', () => {
  it("attributes pytest's dotted classnames to test files, with failures and durations", () => {
    const known = new Set([
      'tests/test_core.py',
      'tests/test_util.py',
      'tests/test_table.py',
      'tests/sub/test_standalone.py',
    ]);
    const results = parseJunit('pytest-fail.xml', read('pytest-fail.xml'), known);
    expect(results).toHaveLength(6);
    expect(results.filter((r) => r.outcome === 'failed').map((r) => `${r.file}::${r.name}`)).toEqual([
      'tests/test_core.py::test_score_clamped',
      'tests/test_util.py::test_clamp_high',
    ]);
    expect(results.find((r) => r.name === 'test_offset')!.file).toBe('tests/sub/test_standalone.py');
    expect(results.every((r) => r.durationS >= 0)).toBe(true);
  });

  it("reads vitest's report, whose classname is the file path", () => {
    const results = parseJunit(
      'vitest-junit.xml',
      read('vitest-junit.xml'),
      new Set(['test/math.test.ts', 'test/str.test.ts']),
    );
    expect(results.map((r) => [r.file, r.name, r.outcome])).toEqual([
      ['test/math.test.ts', 'adds', 'passed'],
      ['test/math.test.ts', 'fails', 'failed'],
      ['test/str.test.ts', 'upper', 'passed'],
    ]);
    expect(results[1]!.durationS).toBeCloseTo(0.1025, 3);
  });

  it('names the file when it is not a JUnit report', () => {
    expect(() => parseJunit('x.xml', '<html><body/></html>', new Set())).toThrow(SelectInputError);
    expect(() => parseJunit('x.xml', '<html><body/></html>', new Set())).toThrow(
      /^x\.xml: has no <testsuite>/,
    );
  });
});
