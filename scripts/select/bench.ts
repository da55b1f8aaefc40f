/**
 * `npm run bench:select`: how long `ai-ci select` takes on a large repository — 5,000 source files and 10,000
 * test files (generated into a temporary git repository, each importing a few others), for TypeScript (vitest)
 * and Python (pytest). Prints the time of a cold selection (every file parsed) and a warm one (the history's
 * import cache holds the unchanged files, as in CI with the history restored), for a change of 5 source files;
 * then a warm one for a big change (a tenth of the source files rewritten and 20 data files added that tests name
 * by file name: the graph walks and the reference search scale with the change). With `--cli` (the bundled CLI,
 * `npx tsx scripts/bundle-cli.ts --out DIR` → DIR/bin/ai-ci.mjs) it also times one whole `ai-ci select` process.
 *
 *   npx tsx scripts/select/bench.ts [--sources 5000] [--tests 10000] [--cli dist/ai-ci-cli/bin/ai-ci.mjs]
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { parseArgs } from 'node:util';
import { seededRandom } from '../../src/analysis/perf/stats/rng.js';
import { planSelection, SelectionStore } from '../../src/analysis/select/index.js';

const { values } = parseArgs({
  options: {
    sources: { type: 'string', default: '5000' },
    tests: { type: 'string', default: '10000' },
    cli: { type: 'string' },
  },
});

/** Seconds of one `ai-ci select` process (the bundled CLI, node startup included) on the small change. */
function timeCli(cli: string, root: string, framework: string, db: string): number {
  const args = [cli, 'select', '--repo', root, '--base-ref', 'HEAD~2', '--head-ref', 'HEAD~1'];
  const t0 = performance.now();
  execFileSync('node', [...args, '--framework', framework, '--history', db, '--sample-rate', '0'], {
    stdio: 'ignore',
  });
  return (performance.now() - t0) / 1000;
}
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
    // Every 500th test reads a data file by name (the big change adds those files).
    const data = t % 500 === 0 ? `fixtures/table${t / 500}.csv` : undefined;
    if (language === 'typescript') {
      const imports = deps
        .map((d) => `import { f${d} } from '../src/m${Math.floor(d / 100)}/mod${d}.js';`)
        .join('\n');
      write(
        root,
        `test/t${Math.floor(t / 500)}/case${t}.test.ts`,
        `${imports.replaceAll("'../src", "'../../src")}\n${data ? `const DATA = '${data}';\n` : ''}it('works', () => {});\n`,
      );
    } else {
      const imports = deps.map((d) => `from pkg.m${Math.floor(d / 100)} import mod${d}`).join('\n');
      write(
        root,
        `tests/t${Math.floor(t / 500)}/test_case${t}.py`,
        `${imports}\n${data ? `DATA = '${data}'\n` : ''}\ndef test_works():\n    assert True\n`,
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
  // A large change on top: a tenth of the source files rewritten, and data files the tests name.
  for (let k = 0; k < SOURCES / 10; k++) {
    const i = (k * 10 + 3) % SOURCES;
    const pkg = `m${Math.floor(i / 100)}`;
    const path = language === 'typescript' ? `src/${pkg}/mod${i}.ts` : `pkg/${pkg}/mod${i}.py`;
    write(
      root,
      path,
      language === 'typescript'
        ? `export function f${i}(): number {\n  return -2;\n}\n`
        : `def f${i}():\n    return -2\n`,
    );
  }
  for (let d = 0; d < 20; d++) write(root, `fixtures/table${d}.csv`, `a,b\n${d},${d}\n`);
  git(root, 'add', '.');
  git(root, 'commit', '-qm', 'big change');
  return root;
}

const rows: string[] = [];
for (const language of ['typescript', 'python'] as const) {
  const root = generate(language);
  const framework = language === 'typescript' ? 'vitest' : 'pytest';
  const db = join(root, '.select.db');
  try {
    const time = async (store?: SelectionStore, big = false) => {
      const t0 = performance.now();
      const plan = await planSelection({
        repo: root,
        baseRef: big ? 'HEAD~1' : 'HEAD~2',
        headRef: big ? 'HEAD' : 'HEAD~1',
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
    const big = await time(store, true);
    store.close();
    const cli = values.cli === undefined ? undefined : timeCli(values.cli, root, framework, db);
    rows.push(
      `| ${framework} | ${cold.plan.files.length} | ${cold.plan.tests.length} | ${cold.plan.selection.selected.length} | ${cold.s.toFixed(2)} | ${warm.s.toFixed(2)} | ${big.plan.selection.coveredBy.length} → ${big.plan.selection.selected.length} | ${big.s.toFixed(2)} |${cli === undefined ? '' : ` ${cli.toFixed(2)} |`}`,
    );
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}
process.stdout.write(
  [
    `select on a generated repository (${SOURCES} source files, ${TESTS} test files; a change of 5 source files)`,
    '',
    `| framework | files | test files | selected | cold s (parse all) | warm s (import cache) | big change: files → selected | big change warm s |${values.cli ? ' CLI process s (warm, --history) |' : ''}`,
    `| --- | --- | --- | --- | --- | --- | --- | --- |${values.cli ? ' --- |' : ''}`,
    ...rows,
    '',
  ].join('\n'),
);
