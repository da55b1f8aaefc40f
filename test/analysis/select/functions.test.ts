import { pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseV8Functions } from '../../../src/analysis/select/coverage.js';
import { buildGraph, type DependencyGraph } from '../../../src/analysis/select/graph.js';
import type { Region } from '../../../src/analysis/select/regions.js';
import { DEFAULT_RULES, RuleSet } from '../../../src/analysis/select/rules.js';
import { type SelectInput, selectTests } from '../../../src/analysis/select/select.js';
import { type RecordedFunctions, SelectionStore } from '../../../src/analysis/select/store.js';
import type { FileChange } from '../../../src/analysis/select/types.js';
import { memoryReader } from './helpers.js';

// Two tests import the same barrel; one runs `parse`, the other `format`.
const FILES: Record<string, string> = {
  'src/index.ts': "export * from './parse.js';\nexport * from './format.js';\nexport * from './data.js';",
  'src/parse.ts': 'export function parse(s: string) { return s.trim(); }',
  'src/format.ts':
    "import table from './table.json';\nexport function format(s: string) { return s + table; }",
  'src/data.ts': 'export const X = 1;',
  'src/table.json': '{}',
  'test/parse.test.ts': "import { parse } from '../src/index.js';",
  'test/format.test.ts': "import { format } from '../src/index.js';",
};
const TESTS = ['test/format.test.ts', 'test/parse.test.ts'];
const HASH: Record<string, string> = Object.fromEntries(Object.keys(FILES).map((p) => [p, `h-${p}`]));

const fns = (hash: string, ran: string[], idle: string[]): RecordedFunctions => ({
  hash,
  ran: new Set(ran),
  idle: new Set(idle),
});
// What each test ran at the base, as V8 saw it (a loaded module's body always runs: '').
const FUNCTIONS = new Map([
  [
    'test/parse.test.ts',
    new Map([
      ['test/parse.test.ts', fns(HASH['test/parse.test.ts']!, [''], [])],
      ['src/index.ts', fns(HASH['src/index.ts']!, [''], [])],
      ['src/parse.ts', fns(HASH['src/parse.ts']!, ['', 'parse'], [])],
      ['src/format.ts', fns(HASH['src/format.ts']!, [''], ['format'])],
      ['src/data.ts', fns(HASH['src/data.ts']!, [''], [])],
    ]),
  ],
  [
    'test/format.test.ts',
    new Map([
      ['test/format.test.ts', fns(HASH['test/format.test.ts']!, [''], [])],
      ['src/index.ts', fns(HASH['src/index.ts']!, [''], [])],
      ['src/parse.ts', fns(HASH['src/parse.ts']!, [''], ['parse'])],
      ['src/format.ts', fns(HASH['src/format.ts']!, ['', 'format'], [])],
      ['src/data.ts', fns(HASH['src/data.ts']!, [''], [])],
    ]),
  ],
]);

let graph: DependencyGraph;
beforeAll(async () => {
  graph = await buildGraph('typescript', Object.keys(FILES), memoryReader(FILES));
});

const modified = (path: string): FileChange => ({
  path,
  status: 'modified',
  before: HASH[path]!,
  after: 'new',
});
function select(changes: FileChange[], regions: Record<string, Region[]>, extra: Partial<SelectInput> = {}) {
  const before = new Map(changes.map((c) => [c.path, c.before]));
  return selectTests({
    tests: TESTS,
    changes,
    graph,
    rules: new RuleSet(DEFAULT_RULES),
    seed: 'abc',
    sampleRate: 0,
    functions: FUNCTIONS,
    baseHashOf: (p) => (before.has(p) ? before.get(p) : HASH[p]),
    regions: new Map(Object.entries(regions)),
    ...extra,
  });
}
const paths = (s: { selected: { path: string }[] }) => s.selected.map((t) => t.path).sort();

describe('selectTests: V8 function coverage narrows the import graph', () => {
  it('runs only the tests that ran the changed function at the base', () => {
    const s = select([modified('src/parse.ts')], {
      'src/parse.ts': [{ kind: 'functions', names: ['parse'] }],
    });
    expect(paths(s)).toEqual(['test/parse.test.ts']);
    expect(s.full).toBe(false);
    expect(s.coveredBy[0]!.signal).toContain('function coverage (1 importing test never ran the change)');
  });

  it('runs every test that loaded the file for a top-level change, an unknown name or unknown hunks', () => {
    const all = ['test/format.test.ts', 'test/parse.test.ts'];
    expect(paths(select([modified('src/parse.ts')], { 'src/parse.ts': [{ kind: 'top' }] }))).toEqual(all);
    const unknown = select([modified('src/parse.ts')], {
      'src/parse.ts': [{ kind: 'functions', names: ['', 'x'] }],
    });
    expect(paths(unknown)).toEqual(all);
    expect(paths(select([modified('src/parse.ts')], {}))).toEqual(all);
    // The innermost known name decides: an anonymous callback inside `parse` follows `parse`.
    const inner = select([modified('src/parse.ts')], {
      'src/parse.ts': [{ kind: 'functions', names: ['', 'parse'] }],
    });
    expect(paths(inner)).toEqual(['test/parse.test.ts']);
  });

  it('does not use a test run that no longer holds: a file it loaded changed since', () => {
    const s = select(
      [modified('src/parse.ts')],
      { 'src/parse.ts': [{ kind: 'functions', names: ['parse'] }] },
      {
        baseHashOf: (p) => (p === 'src/data.ts' ? 'changed-since' : p === 'src/parse.ts' ? HASH[p] : HASH[p]),
      },
    );
    expect(paths(s)).toEqual(['test/format.test.ts', 'test/parse.test.ts']);
  });

  it('keeps a test dropped at its nearest changed file for a farther one it reaches (a JSON module)', () => {
    const s = select([modified('src/format.ts'), modified('src/table.json')], {
      'src/format.ts': [{ kind: 'functions', names: ['format'] }],
    });
    // parse.test.ts never ran `format`, but it loads format.ts, which loads the changed table.json.
    expect(paths(s)).toEqual(['test/format.test.ts', 'test/parse.test.ts']);
  });

  it('selects nothing through the graph for comments and types only', () => {
    const s = select(
      [modified('src/parse.ts')],
      { 'src/parse.ts': [{ kind: 'inert' }] },
      { functions: new Map() },
    );
    expect(paths(s)).toEqual([]);
    expect(s.full).toBe(false);
    expect(s.coveredBy[0]!.signal).toBe('import graph (comments and types only changed)');
  });
});

describe('parseV8Functions', () => {
  it("gives each test file its process's repository files, with the functions that ran and did not", () => {
    const root = '/repo';
    const url = (p: string) => pathToFileURL(`${root}/${p}`).href;
    const doc = JSON.stringify({
      result: [
        { url: url('test/a.test.ts'), functions: [{ functionName: '', ranges: [{ count: 1 }] }] },
        {
          url: url('src/a.ts'),
          functions: [
            { functionName: '', ranges: [{ count: 1 }] },
            { functionName: 'used', ranges: [{ count: 3 }] },
            { functionName: 'unused', ranges: [{ count: 0 }] },
            { functionName: 'twice', ranges: [{ count: 0 }] },
            { functionName: 'twice', ranges: [{ count: 2 }] },
          ],
        },
        { url: url('node_modules/x/index.js'), functions: [{ functionName: 'x', ranges: [{ count: 1 }] }] },
        { url: 'node:fs', functions: [] },
      ],
    });
    const map = parseV8Functions('cov', [doc], root, (p) => p.endsWith('.test.ts'));
    expect([...map.keys()]).toEqual(['test/a.test.ts']);
    const a = map.get('test/a.test.ts')!.get('src/a.ts')!;
    expect([...a.ran].sort()).toEqual(['', 'twice', 'used']);
    expect([...a.idle]).toEqual(['unused']);
    expect(map.get('test/a.test.ts')!.has('node_modules/x/index.js')).toBe(false);
  });
});

describe('parseV8Functions: child processes', () => {
  const root = '/repo';
  const url = (p: string) => pathToFileURL(`${root}/${p}`).href;
  const script = (p: string, name: string) => ({
    url: url(p),
    functions: [{ functionName: name, ranges: [{ count: 1 }] }],
  });
  const isTest = (p: string) => p.endsWith('.test.ts');

  it("gives a child's functions to the test process above it", () => {
    const test = {
      pid: 10,
      ancestors: [5, 1],
      children: [
        { command: 'node', pid: 11, hooked: true },
        { command: 'git', pid: 12, hooked: true },
      ],
      result: [script('test/cli.test.ts', '')],
    };
    const child = { pid: 11, ancestors: [10, 5, 1], children: [], result: [script('src/cli.ts', 'main')] };
    const map = parseV8Functions('cov', [JSON.stringify(test), JSON.stringify(child)], root, isTest);
    expect([...map.get('test/cli.test.ts')!.keys()].sort()).toEqual(['src/cli.ts', 'test/cli.test.ts']);
    expect([...map.get('test/cli.test.ts')!.get('src/cli.ts')!.ran]).toEqual(['main']);
  });

  it('leaves out a test whose child ran without the hook or wrote no coverage', () => {
    const unhooked = {
      pid: 10,
      ancestors: [1],
      children: [{ command: 'node', pid: 11, hooked: false }],
      result: [script('test/a.test.ts', '')],
    };
    const lost = {
      pid: 20,
      ancestors: [1],
      children: [{ command: 'tsx', pid: 21, hooked: true }],
      result: [script('test/b.test.ts', '')],
    };
    const python = {
      pid: 30,
      ancestors: [1],
      children: [{ command: 'python3', pid: 31, hooked: false }],
      result: [script('test/c.test.ts', '')],
    };
    const map = parseV8Functions(
      'cov',
      [unhooked, lost, python].map((d) => JSON.stringify(d)),
      root,
      isTest,
    );
    expect([...map.keys()]).toEqual(['test/c.test.ts']);
  });
});

describe('SelectionStore: function coverage', () => {
  it("keeps each test's latest run and gives it back only while the test is unchanged", () => {
    const store = SelectionStore.open(':memory:');
    const cov = new Map([
      ['t.test.ts', new Map([['src/a.ts', { ran: new Set(['f']), idle: new Set(['g']) }]])],
    ]);
    store.recordFunctions(
      'c1',
      cov,
      new Map([
        ['t.test.ts', 'T1'],
        ['src/a.ts', 'A1'],
      ]),
    );
    const cov2 = new Map([
      ['t.test.ts', new Map([['src/b.ts', { ran: new Set(['h']), idle: new Set<string>() }]])],
    ]);
    store.recordFunctions(
      'c2',
      cov2,
      new Map([
        ['t.test.ts', 'T1'],
        ['src/b.ts', 'B1'],
      ]),
    );
    const got = store.functions(new Map([['t.test.ts', 'T1']]));
    expect([...got.get('t.test.ts')!.keys()]).toEqual(['src/b.ts']);
    expect(got.get('t.test.ts')!.get('src/b.ts')).toEqual({
      hash: 'B1',
      ran: new Set(['h']),
      idle: new Set(),
    });
    expect(store.functions(new Map([['t.test.ts', 'T2']])).size).toBe(0);
    store.close();
  });
});

describe('planSelection with V8 function coverage in the history', { timeout: 30_000 }, () => {
  it('places the hunks of a real commit and narrows to the test that ran the changed function', async () => {
    const { execFileSync } = await import('node:child_process');
    const { mkdtempSync, mkdirSync, rmSync, writeFileSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const { planSelection } = await import('../../../src/analysis/select/plan.js');
    const { listFiles } = await import('../../../src/analysis/select/git.js');
    const repo = mkdtempSync(join(tmpdir(), 'select-fn-'));
    try {
      const git = (...args: string[]) =>
        execFileSync('git', ['-C', repo, '-c', 'user.name=t', '-c', 'user.email=t@t', ...args]).toString();
      const write = (p: string, text: string) => {
        mkdirSync(join(repo, p, '..'), { recursive: true });
        writeFileSync(join(repo, p), text);
      };
      const lib = (a: string, b: string) =>
        `/** Library. */\nexport function parse(s: string) {\n  return s.trim()${a};\n}\n\nexport function format(s: string) {\n  return s${b};\n}\n`;
      write('src/lib.ts', lib('', ''));
      write('test/parse.test.ts', "import { parse } from '../src/lib.js';\nparse(' x ');\n");
      write('test/format.test.ts', "import { format } from '../src/lib.js';\nformat('x');\n");
      git('init', '-q');
      git('add', '.');
      git('commit', '-qm', 'base');
      const base = git('rev-parse', 'HEAD').trim();
      const store = SelectionStore.open(':memory:');
      const ran = (names: string[], idle: string[]) => ({
        ran: new Set(['', ...names]),
        idle: new Set(idle),
      });
      store.recordFunctions(
        base,
        new Map([
          [
            'test/parse.test.ts',
            new Map([
              ['src/lib.ts', ran(['parse'], ['format'])],
              ['test/parse.test.ts', ran([], [])],
            ]),
          ],
          [
            'test/format.test.ts',
            new Map([
              ['src/lib.ts', ran(['format'], ['parse'])],
              ['test/format.test.ts', ran([], [])],
            ]),
          ],
        ]),
        new Map(listFiles(repo, base).map((f) => [f.path, f.hash])),
      );
      const plan = async (a: string, b: string, doc = '/** Library. */') => {
        write('src/lib.ts', lib(a, b).replace('/** Library. */', doc));
        git('commit', '-qam', 'change');
        const p = await planSelection({
          repo,
          baseRef: base,
          headRef: 'HEAD',
          framework: 'vitest',
          sampleRate: 0,
          store,
        });
        git('reset', '-q', '--hard', base);
        return p.selection.selected.map((t) => t.path).sort();
      };
      expect(await plan('.toUpperCase()', '')).toEqual(['test/parse.test.ts']);
      expect(await plan('', ' + "!"')).toEqual(['test/format.test.ts']);
      expect(await plan('', '', '/** The library. */')).toEqual([]);
      // Without the history, both tests import the file.
      write('src/lib.ts', lib('.toUpperCase()', ''));
      git('commit', '-qam', 'change');
      const bare = await planSelection({
        repo,
        baseRef: base,
        headRef: 'HEAD',
        framework: 'vitest',
        sampleRate: 0,
      });
      expect(bare.selection.selected.map((t) => t.path).sort()).toEqual([
        'test/format.test.ts',
        'test/parse.test.ts',
      ]);
      store.close();
    } finally {
      rmSync(repo, { recursive: true, force: true });
    }
  });
});
