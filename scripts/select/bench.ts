/**
 * `npm run bench:select`: how long `ai-ci select` takes on a large repository — 5,000 source files and 10,000
 * test files (generated into a temporary git repository, each importing a few others), for TypeScript (vitest)
 * and Python (pytest). Prints the time of a cold selection (every file parsed) and a warm one (the history's
 * import cache holds the unchanged files, as in CI with the history restored), for a change of 5 source files.
 *
 *   npx tsx scripts/select/bench.ts [--sources 5000] [--tests 10000]
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { parseArgs } from 'node:util';
import { seededRandom } from '../../src/analysis/perf/stats/rng.js';
import { planSelection, SelectionStore } from '../../src/analysis/select/index.js';

const { values } = parseArgs({
  options: { sources: { type: 'string', default: '5000' }, tests: { type: 'string', default: '10000' } },
});
const SOURCES = Number(values.sources);
const TESTS = Number(values.tests);

function write(root: string, path: string, text: string) {
  mkdirSync(dirname(join(root, path)), { recursive: true });
  writeFileSync(join(root, path), text);
}

function git(root: string, ...args: string[]) {
  execFileSync('git', ['-C', root, '-c', 'user.name=b', '-c', 'user.email=b@example.com', ...args], {
    stdio: 'pipe',
  });
}

function generate(language: 'typescript' | 'python'): string {
  const root = mkdtempSync(join(tmpdir(), `select-bench-${language}-`));
  const r = seededRandom(17);
  const pick = (n: number) => Math.floor(r() * n);
  const body = 'x = 1\n'.repeat(30);
  for (let i = 0; i < SOURCES; i++) {
    const deps = i === 0 ? [] : Array.from({ length: 3 }, () => pick(i));
    const pkg = `m${Math.floor(i / 100)}`;
    if (language === 'typescript') {
      const imports = deps
        .map((d) => `import { f${d} } from '../m${Math.floor(d / 100)}/mod${d}.js';`)
        .join('\n');
      write(
        root,
        `src/${pkg}/mod${i}.ts`,
        `${imports}\nexport function f${i}(): number {\n  return ${i};\n}\n${'// filler\n'.repeat(30)}`,
      );
    } else {
      if (i % 100 === 0) write(root, `pkg/${pkg}/__init__.py`, '');
      const imports = deps.map((d) => `from pkg.m${Math.floor(d / 100)} import mod${d}`).join('\n');
      write(root, `pkg/${pkg}/mod${i}.py`, `${imports}\n\ndef f${i}():\n    return ${i}\n${body}`);
    }
  }
  if (language === 'python') write(root, 'pkg/__init__.py', '');
  for (let t = 0; t < TESTS; t++) {
    const deps = [pick(SOURCES), pick(SOURCES)];
    if (language === 'typescript') {
      const imports = deps
        .map((d) => `import { f${d} } from '../src/m${Math.floor(d / 100)}/mod${d}.js';`)
        .join('\n');
      write(
        root,
        `test/t${Math.floor(t / 500)}/case${t}.test.ts`,
        `${imports.replaceAll("'../src", "'../../src")}\nit('works', () => {});\n`,
      );
    } else {
      const imports = deps.map((d) => `from pkg.m${Math.floor(d / 100)} import mod${d}`).join('\n');
      write(
        root,
        `tests/t${Math.floor(t / 500)}/test_case${t}.py`,
        `${imports}\n\ndef test_works():\n    assert True\n`,
      );
    }
  }
  git(root, 'init', '-q', '-b', 'main');
  git(root, 'add', '.');
  git(root, 'commit', '-qm', 'base');
  for (let k = 0; k < 5; k++) {
    const i = pick(SOURCES);
    const pkg = `m${Math.floor(i / 100)}`;
    const path = language === 'typescript' ? `src/${pkg}/mod${i}.ts` : `pkg/${pkg}/mod${i}.py`;
    write(
      root,
      path,
      language === 'typescript'
        ? `export function f${i}(): number {\n  return -1;\n}\n`
        : `def f${i}():\n    return -1\n`,
    );
  }
  git(root, 'commit', '-qam', 'change');
  return root;
}

const rows: string[] = [];
for (const language of ['typescript', 'python'] as const) {
  const root = generate(language);
  const framework = language === 'typescript' ? 'vitest' : 'pytest';
  const db = join(root, '.select.db');
  try {
    const time = async (store?: SelectionStore) => {
      const t0 = performance.now();
      const plan = await planSelection({
        repo: root,
        baseRef: 'HEAD~1',
        headRef: 'HEAD',
        framework,
        sampleRate: 0,
        ...(store ? { store } : {}),
      });
      return { s: (performance.now() - t0) / 1000, plan };
    };
    const cold = await time();
    const store = SelectionStore.open(db);
    await time(store); // fills the import cache (as the run on the base commit would)
    const warm = await time(store);
    store.close();
    rows.push(
      `| ${framework} | ${cold.plan.files.length} | ${cold.plan.tests.length} | ${cold.plan.selection.selected.length} | ${cold.s.toFixed(2)} | ${warm.s.toFixed(2)} |`,
    );
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}
process.stdout.write(
  [
    `select on a generated repository (${SOURCES} source files, ${TESTS} test files; a change of 5 source files)`,
    '',
    '| framework | files | test files | selected | cold s (parse all) | warm s (import cache) |',
    '| --- | --- | --- | --- | --- | --- |',
    ...rows,
    '',
  ].join('\n'),
);
