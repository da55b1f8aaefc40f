import { beforeAll, describe, expect, it } from 'vitest';
import {
  buildGraph,
  type DependencyGraph,
  filesNaming,
  filesNamingFolder,
} from '../../../src/analysis/select/graph.js';
import { DEFAULT_RULES, type DependencyRule, RuleSet } from '../../../src/analysis/select/rules.js';
import { fullRunReason, type SelectInput, selectTests } from '../../../src/analysis/select/select.js';
import type { FileChange } from '../../../src/analysis/select/types.js';
import { filesOf, folderReader, memoryReader, PYPROJ } from './helpers.js';

const TESTS = [
  'tests/sub/test_standalone.py',
  'tests/test_core.py',
  'tests/test_table.py',
  'tests/test_util.py',
];

let graph: DependencyGraph;
beforeAll(async () => {
  graph = await buildGraph('python', filesOf(PYPROJ), folderReader(PYPROJ));
});

function select(changes: FileChange[], extra: Partial<SelectInput> = {}, declared: DependencyRule[] = []) {
  return selectTests({
    tests: TESTS,
    changes,
    graph,
    rules: new RuleSet([...declared, ...DEFAULT_RULES]),
    seed: 'abc',
    sampleRate: 0,
    ...extra,
  });
}
const modified = (path: string): FileChange => ({ path, status: 'modified' });
const paths = (s: { selected: { path: string }[] }) => s.selected.map((t) => t.path).sort();

describe('selectTests: the import graph', { timeout: 20_000 }, () => {
  it('selects the tests that import a changed module, directly or through other modules, with the chain', () => {
    const s = select([modified('pkg/util.py')]);
    expect(s.full).toBe(false);
    expect(paths(s)).toEqual(['tests/test_core.py', 'tests/test_util.py']);
    const core = s.selected.find((t) => t.path === 'tests/test_core.py')!;
    expect(core.reasons).toContainEqual({
      kind: 'import-graph',
      detail: 'tests/test_core.py → pkg/core.py → pkg/util.py',
    });
    expect(s.skipped.sort()).toEqual(['tests/sub/test_standalone.py', 'tests/test_table.py']);
    expect(s.coveredBy).toEqual([{ path: 'pkg/util.py', signal: 'import graph' }]);
  });

  it('treats a package __init__.py as loaded by every import of the package', () => {
    expect(paths(select([modified('pkg/__init__.py')]))).toEqual([
      'tests/test_core.py',
      'tests/test_table.py',
      'tests/test_util.py',
    ]);
  });

  it("selects the tests under a changed conftest.py's directory only (pytest's implicit loading)", () => {
    expect(paths(select([modified('tests/sub/conftest.py')]))).toEqual(['tests/sub/test_standalone.py']);
    expect(paths(select([modified('tests/conftest.py')]))).toEqual(TESTS);
  });

  it('always runs changed and new tests, and says which', () => {
    const s = select([modified('tests/test_util.py'), { path: 'tests/test_new.py', status: 'added' }], {
      tests: [...TESTS, 'tests/test_new.py'],
    });
    expect(paths(s)).toEqual(['tests/test_new.py', 'tests/test_util.py']);
    expect(s.selected.find((t) => t.path === 'tests/test_new.py')!.reasons).toEqual([
      { kind: 'new-test', detail: 'tests/test_new.py' },
    ]);
    expect(s.selected.find((t) => t.path === 'tests/test_util.py')!.reasons[0]!.kind).toBe('changed-test');
  });
});

describe('selectTests: files no import names', () => {
  it('follows a data file to the tests whose code names it', () => {
    const s = select([modified('data/table.csv')]);
    expect(paths(s)).toEqual(['tests/test_table.py']);
    expect(s.selected[0]!.reasons[0]).toEqual({
      kind: 'reference',
      detail: 'tests/test_table.py → pkg/table.py names "table.csv"',
    });
  });

  it('follows a data file no string names to the code that names a folder above it (code that lists it)', () => {
    const s = select([modified('data/orphan.txt')]);
    expect(s.full).toBe(false);
    expect(paths(s)).toEqual(['tests/test_table.py']);
    expect(s.selected[0]!.reasons[0]).toEqual({
      kind: 'reference',
      detail: 'tests/test_table.py → pkg/table.py names the folder "data" holding "orphan.txt"',
    });
    expect(s.coveredBy).toEqual([{ path: 'data/orphan.txt', signal: 'reference to its folder' }]);
  });

  it('runs everything for a changed file that no signal covers, and says which file', () => {
    const s = select([modified('assets/orphan.txt')]);
    expect(s.full).toBe(true);
    expect(s.fullReason).toContain('assets/orphan.txt changed and no signal covers it');
    expect(paths(s)).toEqual(TESTS);
  });

  it.each([
    'poetry.lock',
    'requirements-dev.txt',
    'pyproject.toml',
    'tox.ini',
    '.github/workflows/ci.yml',
    'web/vitest.config.ts',
    'package-lock.json',
  ])('runs everything when %s changes (default rule)', (file) => {
    const s = select([modified(file)]);
    expect(s.full).toBe(true);
    expect(s.fullReason).toMatch(/^.+ changed \(rule ".+" runs everything\)$/);
  });

  it('runs nothing extra for documentation', () => {
    const s = select([modified('README.md'), modified('docs/usage.rst')]);
    expect(s.full).toBe(false);
    expect(s.selected).toEqual([]);
  });

  it('runs, for lint configuration and documentation, only the tests whose code names the file', async () => {
    const files = {
      'biome.json': '{}',
      'README.md': '# app',
      'scripts/docs.ts': "export const README = 'README.md';",
      'src/a.ts': 'export const a = 1;',
      'test/a.test.ts': "import { a } from '../src/a.js';",
      'test/docs.test.ts': "import { README } from '../scripts/docs.js';",
    };
    const tsGraph = await buildGraph('typescript', Object.keys(files), memoryReader(files));
    const s = selectTests({
      tests: ['test/a.test.ts', 'test/docs.test.ts'],
      changes: [modified('biome.json'), modified('README.md')],
      graph: tsGraph,
      rules: new RuleSet(DEFAULT_RULES),
      seed: 's',
      sampleRate: 0,
    });
    expect(s.full).toBe(false);
    expect(paths(s)).toEqual(['test/docs.test.ts']);
    expect(s.selected[0]!.reasons).toEqual([
      { kind: 'reference', detail: 'test/docs.test.ts → scripts/docs.ts names "README.md"' },
    ]);
    expect(s.coveredBy).toEqual([
      { path: 'biome.json', signal: 'rule "lint and format configuration"' },
      { path: 'README.md', signal: 'rule "documentation", reference' },
    ]);
  });

  it('takes a file as named by a string that holds its name and a tail of its path, not by comments', async () => {
    const files = {
      'a.ts': "const r = join(ROOT, 'README.md');",
      // biome-ignore lint/suspicious/noTemplateCurlyInString: the text of a source file holding a template literal
      'b.ts': 'const r = `${root}/../README.md`;',
      'c.ts': '// documented in README.md.\nconst d = "data/carbon/README.md";',
      'd.ts': "const x = 'xREADME.md';",
      'e.ts': "const t = 'carbon/README.md';",
    };
    const g = await buildGraph('typescript', Object.keys(files), memoryReader(files));
    expect(filesNaming(g, 'README.md')).toEqual(['a.ts', 'b.ts']);
    expect(filesNaming(g, 'data/carbon/README.md')).toEqual(['a.ts', 'b.ts', 'c.ts', 'e.ts']);
  });

  it('takes a folder as named by a string holding a tail of its path, the nearest named folder first', async () => {
    const files = {
      'a.ts': "const d = join(import.meta.dirname, '../../fixtures/perf/peers/google-benchmark');",
      'b.ts': "const d = readdirSync(join(ROOT, 'fixtures/perf/'));",
      'c.ts': "const d = 'other/peers'; // and a comment about fixtures/perf/peers",
      'd.ts': "const d = 'xperf';",
    };
    const g = await buildGraph('typescript', Object.keys(files), memoryReader(files));
    expect(filesNamingFolder(g, 'test/fixtures/perf/peers/google-benchmark/run0.json')).toEqual({
      folder: 'test/fixtures/perf/peers/google-benchmark',
      files: ['a.ts'],
    });
    expect(filesNamingFolder(g, 'test/fixtures/perf/peers/pytest/run0.json')).toEqual({
      folder: 'test/fixtures/perf',
      files: ['b.ts'],
    });
    expect(filesNamingFolder(g, 'test/other/x.json')).toBeUndefined();
  });

  it('narrows a default run-everything rule for an inert manifest edit, never a declared one', () => {
    const inert = new Map([['package.json', 'only scripts "bench" changed']]);
    const s = select([modified('package.json')], { inert });
    expect(s.full).toBe(false);
    expect(s.coveredBy).toEqual([
      {
        path: 'package.json',
        signal: 'rule "test runner configuration, narrowed: only scripts "bench" changed"',
      },
    ]);
    const declared: DependencyRule[] = [{ name: 'manifest', paths: ['package.json'], run: 'all' }];
    expect(select([modified('package.json')], { inert }, declared).full).toBe(true);
  });

  it('lets a declared rule narrow a file that would run everything, or widen one the graph covers', () => {
    const rules: DependencyRule[] = [
      { name: 'orphan data', paths: ['data/orphan.txt'], run: 'tests', tests: ['tests/sub/**'] },
      { name: 'lock is irrelevant', paths: ['poetry.lock'], run: 'none' },
      { name: 'util is everywhere', paths: ['pkg/util.py'], run: 'directory' },
    ];
    expect(paths(select([modified('data/orphan.txt')], {}, rules))).toEqual(['tests/sub/test_standalone.py']);
    expect(select([modified('poetry.lock')], {}, rules).selected).toEqual([]);
    // directory rule on pkg/ selects no test (none live in pkg/), but the graph still adds its importers.
    expect(paths(select([modified('pkg/util.py')], {}, rules))).toEqual([
      'tests/test_core.py',
      'tests/test_util.py',
    ]);
  });

  it('selects the tests that named a deleted module', () => {
    const s = select([{ path: 'pkg/table.py', status: 'deleted' }]);
    expect(paths(s)).toContain('tests/test_table.py');
  });
});

describe('selectTests: coverage and history signals', () => {
  it('adds tests whose recorded coverage touched the changed file even when no import links them', () => {
    const coverage = new Map([['tests/sub/test_standalone.py', new Set(['pkg/util.py'])]]);
    const s = select([modified('pkg/util.py')], { coverage });
    expect(paths(s)).toContain('tests/sub/test_standalone.py');
    expect(s.selected.find((t) => t.path === 'tests/sub/test_standalone.py')!.reasons[0]!.kind).toBe(
      'coverage',
    );
  });

  it('adds tests that failed before when the file changed, and runs them first', () => {
    const cofailures = new Map([['pkg/util.py', new Map([['tests/test_table.py', 3]])]]);
    const s = select([modified('pkg/util.py')], { cofailures });
    expect(s.selected[0]!.path).toBe('tests/test_table.py');
    expect(s.selected[0]!.reasons).toEqual([
      { kind: 'history', detail: 'failed 3× when pkg/util.py changed' },
    ]);
  });

  it('uses recorded durations for the expected saving; a flaky failure rate does not raise a test', () => {
    const stats = new Map([
      ['tests/test_core.py', { durationS: 10, failureRate: 0 }],
      ['tests/test_util.py', { durationS: 2, failureRate: 0.5, flaky: true }],
      ['tests/test_table.py', { durationS: 30, failureRate: 0 }],
      ['tests/sub/test_standalone.py', { durationS: 8, failureRate: 0 }],
    ]);
    const s = select([modified('pkg/util.py')], { stats });
    expect(s.totalS).toBe(50);
    expect(s.selectedS).toBe(12);
    expect(s.savedS).toBe(38);
    expect(s.selected.find((t) => t.path === 'tests/test_util.py')!.score).toBeCloseTo(0.1);
  });
});

describe('selectTests: sample and full runs', () => {
  it('runs a seeded random sample of the rest: at least one test, the same for the same seed', () => {
    const many = Array.from({ length: 200 }, (_, i) => `tests/test_gen${i}.py`);
    const run = (seed: string) =>
      select([modified('pkg/util.py')], {
        tests: [...TESTS, ...many],
        sampleRate: 0.05,
        seed,
      }).selected.filter((t) => t.reasons[0]!.kind === 'sample');
    const a = run('commit-1');
    expect(a).toHaveLength(Math.ceil(0.05 * 202));
    expect(run('commit-1').map((t) => t.path)).toEqual(a.map((t) => t.path));
    expect(run('commit-2').map((t) => t.path)).not.toEqual(a.map((t) => t.path));
    expect(select([modified('pkg/util.py')], { sampleRate: 0.001 }).selected).toHaveLength(3);
  });

  it('runs everything when the policy asks for a full run, with the reason', () => {
    const reason = fullRunReason({ branch: 'main', fullBranches: ['main'] });
    expect(reason).toBe('full run on branch main');
    const s = select([modified('pkg/util.py')], { fullRun: reason! });
    expect(s.full).toBe(true);
    expect(paths(s)).toEqual(TESTS);
    expect(fullRunReason({ branch: 'feature', fullBranches: ['main'], every: 10, commitCount: 40 })).toBe(
      'full run every 10 commits (commit #40)',
    );
    expect(
      fullRunReason({ branch: 'feature', fullBranches: ['main'], every: 10, commitCount: 41 }),
    ).toBeUndefined();
  });
});

describe('selectTests on a TypeScript graph', () => {
  it('follows .js specifiers to .ts sources and ignores packages', async () => {
    const files = {
      'src/a.ts': "import { b } from './b.js';\nexport const a = b;",
      'src/b.ts': "import { z } from 'zod';\nexport const b = 1;",
      'src/c.ts': 'export const c = 2;',
      'test/a.test.ts': "import { a } from '../src/a.js';",
      'test/c.test.ts': "import { c } from '../src/c';",
    };
    const tsGraph = await buildGraph('typescript', Object.keys(files), memoryReader(files));
    const s = selectTests({
      tests: ['test/a.test.ts', 'test/c.test.ts'],
      changes: [modified('src/b.ts')],
      graph: tsGraph,
      rules: new RuleSet(DEFAULT_RULES),
      seed: 's',
      sampleRate: 0,
    });
    expect(s.selected.map((t) => t.path)).toEqual(['test/a.test.ts']);
    expect(s.selected[0]!.reasons[0]!.detail).toBe('test/a.test.ts → src/a.ts → src/b.ts');
  });
});

describe('selectTests: many changed files at once', () => {
  it('selects every test any changed file reaches, each explained by the chain to its nearest changed file', async () => {
    const files = {
      'src/a.ts': "import { b } from './b.js';\nexport const a = b;",
      'src/b.ts': "import { c } from './c.js';\nexport const b = c;",
      'src/c.ts': 'export const c = 2;',
      'src/d.ts': 'export const d = 3;',
      'test/a.test.ts': "import { a } from '../src/a.js';",
      'test/c.test.ts': "import { c } from '../src/c.js';",
      'test/d.test.ts': "import { d } from '../src/d.js';",
      'test/other.test.ts': 'export {};',
    };
    const tsGraph = await buildGraph('typescript', Object.keys(files), memoryReader(files));
    const tests = Object.keys(files).filter((p) => p.startsWith('test/'));
    const s = selectTests({
      tests,
      changes: [modified('src/c.ts'), modified('src/b.ts'), modified('src/d.ts')],
      graph: tsGraph,
      rules: new RuleSet(DEFAULT_RULES),
      seed: 's',
      sampleRate: 0,
    });
    expect(paths(s)).toEqual(['test/a.test.ts', 'test/c.test.ts', 'test/d.test.ts']);
    const detail = (t: string) => s.selected.find((x) => x.path === t)!.reasons.map((r) => r.detail);
    // test/a reaches both src/b and src/c; it is explained by the nearer one.
    expect(detail('test/a.test.ts')).toEqual(['test/a.test.ts → src/a.ts → src/b.ts']);
    expect(detail('test/c.test.ts')).toEqual(['test/c.test.ts → src/c.ts']);
    expect(s.coveredBy.map((c) => c.signal)).toEqual(['import graph', 'import graph', 'import graph']);
  });
});
