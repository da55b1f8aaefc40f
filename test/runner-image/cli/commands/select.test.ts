import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURES, PYPROJ } from '../../../analysis/select/helpers.js';
import { runCliCaptured } from '../../../support/cli.js';

let repo: string;
// GITHUB_REF_NAME=main in a CI environment would make every selection a full run.
const cli = (argv: string[]) => runCliCaptured(argv, { GITHUB_REF_NAME: undefined });
const git = (...args: string[]) =>
  execFileSync('git', ['-C', repo, '-c', 'user.name=t', '-c', 'user.email=t@example.com', ...args])
    .toString()
    .trim();

beforeAll(() => {
  repo = mkdtempSync(join(tmpdir(), 'ai-ci-select-'));
  cpSync(PYPROJ, repo, { recursive: true });
  git('init', '-q', '-b', 'main');
  git('add', '.');
  git('commit', '-qm', 'base');
  git('checkout', '-qb', 'feature');
  writeFileSync(join(repo, 'pkg/util.py'), 'def clamp(x, lo, hi):\n    return max(lo, min(hi + 1, x))\n');
  git('commit', '-qam', 'break clamp');
});
afterAll(() => rmSync(repo, { recursive: true, force: true }));

const args = (...rest: string[]) => ['--repo', repo, ...rest];

describe('ai-ci select', { timeout: 30_000 }, () => {
  it('prints the tests that import the changed module as pytest arguments', async () => {
    const r = await cli([
      'select',
      ...args('--base-ref', 'main', '--framework', 'pytest', '--sample-rate', '0'),
    ]);
    expect(r.code).toBe(0);
    expect(r.out).toBe('tests/test_core.py tests/test_util.py\n');
    expect(r.err).toContain('2 of 4 test files');
  });

  it('prints JSON with the reason for each test and the expected time saved', async () => {
    const r = await cli([
      'select',
      ...args('--base-ref', 'main', '--framework', 'pytest', '--sample-rate', '0', '--json'),
    ]);
    const doc = JSON.parse(r.out);
    expect(doc.full).toBe(false);
    expect(doc.tests.map((t: { path: string }) => t.path).sort()).toEqual([
      'tests/test_core.py',
      'tests/test_util.py',
    ]);
    expect(doc.tests.find((t: { path: string }) => t.path === 'tests/test_core.py').reasons[0]).toEqual({
      kind: 'import-graph',
      detail: 'tests/test_core.py → pkg/core.py → pkg/util.py',
    });
    expect(doc.expected).toEqual({ totalSeconds: 4, selectedSeconds: 2, savedSeconds: 2, savedShare: 0.5 });
  });

  it('runs everything on main', async () => {
    const r = await cli([
      'select',
      ...args('--base-ref', 'main~0', '--head-ref', 'feature', '--framework', 'pytest', '--branch', 'main'),
    ]);
    expect(r.out.trim().split(' ')).toHaveLength(4);
    expect(r.err).toContain('full run on branch main');
  });

  it('names an unknown ref (exit 3) and reports usage errors (exit 2)', async () => {
    const bad = await cli(['select', ...args('--base-ref', 'nope', '--framework', 'pytest')]);
    expect(bad.code).toBe(3);
    expect(bad.err).toMatch(/^ai-ci: nope: not a commit in /);
    expect((await cli(['select', '--framework', 'pytest'])).code).toBe(2);
    expect((await cli(['select', '--base-ref', 'main', '--framework', 'mocha'])).code).toBe(2);
  });

  it('shadow mode runs everything and select-report lists what the selection would have missed', async () => {
    // A declared rule that (wrongly) says nothing depends on pkg/util.py: the shadow run shows the miss.
    const rules = join(repo, 'rules.yaml');
    writeFileSync(rules, 'rules:\n  - name: util is dead\n    paths: ["pkg/util.py"]\n    run: none\n');
    const out = join(repo, 'selection.json');
    const s = await cli([
      'select',
      ...args(
        '--base-ref',
        'main',
        '--framework',
        'pytest',
        '--sample-rate',
        '0',
        '--shadow',
        '--output',
        out,
        '--rules',
        rules,
      ),
    ]);
    expect(s.out.trim().split(' ').sort()).toEqual([
      'tests/sub/test_standalone.py',
      'tests/test_core.py',
      'tests/test_table.py',
      'tests/test_util.py',
    ]);
    // The import graph still covers util.py, so the selection holds its importers: nothing is missed.
    const ok = await cli([
      'select-report',
      '--selection',
      out,
      '--junit',
      join(FIXTURES, 'pytest-fail.xml'),
      ...args('--json'),
    ]);
    expect(JSON.parse(ok.out)).toMatchObject({
      missed: [],
      caught: ['tests/test_core.py', 'tests/test_util.py'],
    });
    // A selection that left test_util.py out: the report names it, and --fail-on-miss exits 1.
    const doc = JSON.parse(readFileSync(out, 'utf8'));
    doc.tests = doc.tests.filter((t: { path: string }) => t.path !== 'tests/test_util.py');
    writeFileSync(out, JSON.stringify(doc));
    const miss = await cli([
      'select-report',
      '--selection',
      out,
      '--junit',
      join(FIXTURES, 'pytest-fail.xml'),
      '--fail-on-miss',
      ...args(),
    ]);
    expect(miss.code).toBe(1);
    expect(miss.out).toContain('failed test files: 2; caught 1; missed 1');
    expect(miss.out).toContain('missed: tests/test_util.py');
  });
});

describe('ai-ci select-record and shard', { timeout: 30_000 }, () => {
  it('records a run, then shards by the recorded durations and puts the tests that failed first', async () => {
    const db = join(repo, 'history.db');
    const rec = await cli([
      'select-record',
      '--history',
      db,
      '--junit',
      join(FIXTURES, 'pytest-fail.xml'),
      '--framework',
      'pytest',
      '--coverage-py',
      join(FIXTURES, 'coverage-contexts.json'),
      '--base-ref',
      'main',
      '--commit',
      'feature',
      ...args(),
    ]);
    expect(rec.code).toBe(0);
    expect(rec.out).toMatch(/^recorded 6 test results of [0-9a-f]{12}, \d+ coverage links\n$/);
    const one = await cli([
      'shard',
      '--total',
      '1',
      '--index',
      '1',
      '--framework',
      'pytest',
      '--history',
      db,
      ...args(),
    ]);
    expect(one.out.trim().split(' ').slice(0, 2).sort()).toEqual([
      'tests/test_core.py',
      'tests/test_util.py',
    ]);
    const json = await cli([
      'shard',
      '--total',
      '2',
      '--index',
      '2',
      '--framework',
      'pytest',
      '--json',
      ...args(),
    ]);
    const doc = JSON.parse(json.out);
    expect(doc.shards.map((s: { tests: string[] }) => s.tests.length)).toEqual([2, 2]);
    expect(doc.imbalance).toBe(0);
    const bad = await cli(['shard', '--total', '2', '--index', '3', '--framework', 'pytest', ...args()]);
    expect(bad.code).toBe(2);
    // With history, the co-failure and the coverage reach the selection.
    const sel = await cli([
      'select',
      ...args('--base-ref', 'main', '--framework', 'pytest', '--history', db, '--json'),
    ]);
    const reasons = JSON.parse(sel.out).tests.flatMap((t: { reasons: { kind: string }[] }) =>
      t.reasons.map((r) => r.kind),
    );
    expect(reasons).toEqual(expect.arrayContaining(['import-graph', 'coverage', 'history']));
  });
});

describe('ai-ci select-v8-hook', () => {
  it("prints the path of the V8 coverage hook, a file that exists (the CLI bundle carries it too: delivery's images test)", async () => {
    const r = await cli(['select-v8-hook']);
    expect(r.code).toBe(0);
    const path = r.out.trim();
    expect(path).toMatch(/[\\/]src[\\/]analysis[\\/]select[\\/]v8-hook\.mjs$/);
    expect(readFileSync(path, 'utf8')).toContain('NODE_V8_COVERAGE');
  });
});
