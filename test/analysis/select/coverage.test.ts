import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseCoveragePyJson, parseV8Coverage } from '../../../src/analysis/select/coverage.js';
import { SelectInputError } from '../../../src/analysis/select/errors.js';
import { FIXTURES } from './helpers.js';

describe('parseCoveragePyJson', () => {
  it('maps each test file to the sources its tests executed (pytest-cov --cov-context=test)', () => {
    const map = parseCoveragePyJson('c.json', readFileSync(join(FIXTURES, 'coverage-contexts.json'), 'utf8'));
    expect([...map.get('tests/test_util.py')!].sort()).toEqual(['pkg/util.py']);
    expect([...map.get('tests/test_core.py')!].sort()).toEqual(['pkg/core.py', 'pkg/util.py']);
    expect([...map.get('tests/test_table.py')!].sort()).toEqual(['pkg/table.py']);
    // The standalone test executes no line of pkg/: it has no entry.
    expect(map.has('tests/sub/test_standalone.py')).toBe(false);
  });

  it('refuses a report without per-test contexts, saying how to make one', () => {
    expect(() =>
      parseCoveragePyJson('c.json', JSON.stringify({ files: { 'a.py': { executed_lines: [1] } } })),
    ).toThrow(/c\.json: has no per-test contexts \(run pytest with --cov-context=test/);
    expect(() => parseCoveragePyJson('c.json', '{')).toThrow(SelectInputError);
  });
});

describe('parseV8Coverage', () => {
  it('counts the repository files whose code ran, not node_modules nor files outside the repository', () => {
    const root = '/repo';
    const url = (p: string) => pathToFileURL(p).href;
    const doc = {
      result: [
        { url: url('/repo/src/a.ts'), functions: [{ ranges: [{ count: 1 }] }] },
        { url: url('/repo/src/never.ts'), functions: [{ ranges: [{ count: 0 }] }] },
        { url: url('/repo/node_modules/x/index.js'), functions: [{ ranges: [{ count: 3 }] }] },
        { url: url('/elsewhere/b.ts'), functions: [{ ranges: [{ count: 3 }] }] },
        { url: 'node:fs', functions: [{ ranges: [{ count: 3 }] }] },
      ],
    };
    const map = parseV8Coverage('cov', [JSON.stringify(doc)], root, 'test/a.test.ts');
    expect([...map.get('test/a.test.ts')!]).toEqual(['src/a.ts']);
  });
});
