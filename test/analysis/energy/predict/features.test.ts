/** The change's features on a real git repository made for the test: what it reaches, what it adds. */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { changeFeatures, FEATURE_NAMES } from '../../../../src/analysis/energy/predict/features.js';
import type { RecordedRun } from '../../../../src/analysis/energy/predict/history.js';
import { nearestRecorded } from '../../../../src/analysis/energy/predict/pairs.js';

let repo: string;
let base: string;
let head: string;
const git = (...args: string[]) =>
  execFileSync('git', ['-C', repo, ...args], {
    encoding: 'utf8',
    env: {
      ...process.env,
      GIT_AUTHOR_NAME: 't',
      GIT_AUTHOR_EMAIL: 't@t',
      GIT_COMMITTER_NAME: 't',
      GIT_COMMITTER_EMAIL: 't@t',
    },
  }).trim();
const put = (path: string, text: string) => {
  mkdirSync(dirname(join(repo, path)), { recursive: true });
  writeFileSync(join(repo, path), text);
};

beforeAll(() => {
  repo = mkdtempSync(join(tmpdir(), 'ai-ci-predict-'));
  git('init', '-q', '-b', 'main');
  put('src/a.ts', 'export const a = 1;\n');
  put('src/b.ts', 'export const b = 2;\n');
  put('test/a.test.ts', "import { a } from '../src/a.js';\nit('a', () => expect(a).toBe(1));\n");
  put('test/b.test.ts', "import { b } from '../src/b.js';\nit('b', () => expect(b).toBe(2));\n");
  git('add', '-A');
  git('commit', '-q', '-m', 'base');
  base = git('rev-parse', 'HEAD');
  // The change: src/a.ts grows by 2 lines, test/b.test.ts by 1, a new test file of 3 lines.
  put('src/a.ts', 'export const a = 1;\nexport const a2 = 2;\nexport const a3 = 3;\n');
  put(
    'test/b.test.ts',
    "import { b } from '../src/b.js';\nit('b', () => expect(b).toBe(2));\nit('c', () => {});\n",
  );
  put('test/c.test.ts', "import { a2 } from '../src/a.js';\nit('c', () => expect(a2).toBe(2));\n// end\n");
  git('add', '-A');
  git('commit', '-q', '-m', 'head');
  head = git('rev-parse', 'HEAD');
});
afterAll(() => rmSync(repo, { recursive: true, force: true }));

const baseRun = (): RecordedRun => ({
  commit: base,
  energyWh: 1,
  grams: 0.48,
  intensity: 480,
  seconds: 10,
  testSeconds: new Map([
    ['test/a.test.ts', 3],
    ['test/b.test.ts', 1],
  ]),
  dir: '',
});

describe('changeFeatures', () => {
  it("reaches the tests that import the changed code, and counts the run's test lines and new tests", async () => {
    const { values, facts } = await changeFeatures(repo, baseRun(), head);
    expect(facts.touched.map((t) => [t.file, t.seconds, t.via])).toEqual([
      ['test/a.test.ts', 3, ['src/a.ts', 'test/a.test.ts']],
      ['test/b.test.ts', 1, ['test/b.test.ts']],
    ]);
    expect(facts.suiteSeconds).toBe(4);
    expect(facts.testLinesAdded).toBe(1);
    expect(facts.sourceLinesChanged).toBe(2); // src/a.ts: 2 lines added
    expect(facts.newTests).toEqual([{ file: 'test/c.test.ts', lines: 3 }]);
    const f = Object.fromEntries(FEATURE_NAMES.map((n, i) => [n, values[i]]));
    expect(f.touched_time_share).toBe(1);
    expect(f.touched_files_share).toBe(1);
    expect(f.new_test_files).toBe(1);
    expect(f.log1p_new_test_lines).toBeCloseTo(Math.log1p(3), 6);
    expect(f.deleted_time_share).toBe(0);
  });

  it('reaches nothing when the change touches only code no test of the run loads', async () => {
    put('README.md', 'docs\n');
    git('add', '-A');
    git('commit', '-q', '-m', 'docs');
    const docs = git('rev-parse', 'HEAD');
    const { facts, values } = await changeFeatures(repo, { ...baseRun(), commit: head }, docs);
    expect(facts.touched).toEqual([]);
    expect(facts.changedFiles).toBe(1);
    expect(Array.from(values)).toEqual(FEATURE_NAMES.map(() => 0));
  });

  it('follows Python imports when the run was pytest', async () => {
    put('pkg/__init__.py', '');
    put('pkg/fit.py', 'def fit():\n    return 1\n');
    put('tests/test_fit.py', 'from pkg.fit import fit\n\ndef test_fit():\n    assert fit() == 1\n');
    put('tests/test_other.py', 'def test_other():\n    assert True\n');
    git('add', '-A');
    git('commit', '-q', '-m', 'python');
    const pyBase = git('rev-parse', 'HEAD');
    put('pkg/fit.py', 'def fit():\n    return 1\n\ndef slow():\n    return 2\n');
    git('add', '-A');
    git('commit', '-q', '-m', 'python change');
    const run: RecordedRun = {
      ...baseRun(),
      commit: pyBase,
      testSeconds: new Map([
        ['tests/test_fit.py', 2],
        ['tests/test_other.py', 6],
      ]),
    };
    const { facts, values } = await changeFeatures(repo, run, git('rev-parse', 'HEAD'));
    expect(facts.touched.map((t) => [t.file, t.via])).toEqual([
      ['tests/test_fit.py', ['pkg/fit.py', 'tests/test_fit.py']],
    ]);
    expect(facts.sourceLinesChanged).toBe(3);
    expect(values[FEATURE_NAMES.indexOf('touched_time_share')]).toBeCloseTo(0.25, 6);
  });

  it('finds the nearest recorded ancestor of a commit', () => {
    const history = new Map([[base, baseRun()]]);
    expect(nearestRecorded(repo, history, head)).toEqual({ run: history.get(base), behind: 1 });
    expect(nearestRecorded(repo, new Map(), head)).toBeUndefined();
  });
});
