/**
 * `npm run bench:select`: how long `ai-ci select` takes on a large repository — 5,000 source files and 10,000
 * test files (generated into a temporary git repository, each importing a few others), for TypeScript (vitest)
 * and Python (pytest). Prints the time of a cold selection (every file parsed) and a warm one (the history's
 * import cache holds the unchanged files, as in CI with the history restored), for a change of 5 source files.
 * The cold time is taken twice: first on the objects as the generating commits left them (15,000 loose objects,
 * each its own compressed file: git reads them about 20× slower than a pack), then — the headline figure — after
 * `git gc`, as in a CI clone, whose objects arrive in a pack. Git's automatic gc is off while generating, so no
 * detached `git gc --auto` competes with the timed runs.
 * Then a warm one for a big change (a tenth of the source files rewritten and 20 data files added that tests name
 * by file name: the graph walks and the reference search scale with the change). With `--cli` (the bundled CLI,
 * `npx tsx scripts/bundle-cli.ts --out DIR` → DIR/bin/ai-ci.mjs) it also times one whole `ai-ci select` process.
 *
 *   npx tsx scripts/select/bench.ts [--sources 5000] [--tests 10000] [--cli dist/ai-ci-cli/bin/ai-ci.mjs]
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
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
/**
 * CPU seconds of this process and of the child processes it has waited for (git), from /proc (Linux; undefined
 * elsewhere). Beside the wall time: on a shared, loaded machine the wall time of a sequential run stretches with
 * the load, its CPU time hardly does — on an idle machine the two are close.
 */
function cpuSeconds(): number | undefined {
  let stat: string;
  try {
    stat = readFileSync('/proc/self/stat', 'utf8');
  } catch {
    return undefined;
  }
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const ticks = Number(fields[13]) + Number(fields[14]); // cutime + cstime (fields 16 and 17), in 1/100 s
  const own = process.cpuUsage();
  return (own.user + own.system) / 1e6 + ticks / 100;
}
const SOURCES = Number(values.sources);
const TESTS = Number(values.tests);

function write(root: string, path: string, text: string) {
  mkdirSync(dirname(join(root, path)), { recursive: true });
  writeFileSync(join(root, path), text);
}

function git(root: string, ...args: string[]) {
  const config = ['-c', 'user.name=b', '-c', 'user.email=b@example.com', '-c', 'gc.auto=0'];
  execFileSync('git', ['-C', root, ...config, ...args], {
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
      const c0 = cpuSeconds();
      const t0 = performance.now();
      const plan = await planSelection({
        repo: root,
        baseRef: big ? 'HEAD~1' : 'HEAD~2',
        headRef: big ? 'HEAD' : 'HEAD~1',
        framework,
        sampleRate: 0,
        ...(store ? { store } : {}),
      });
      const s = (performance.now() - t0) / 1000;
      const c1 = cpuSeconds();
      return { s, cpu: c0 === undefined || c1 === undefined ? undefined : c1 - c0, plan };
    };
    const loose = await time();
    git(root, 'gc', '-q');
    const cold = await time();
    const store = SelectionStore.open(db);
    await time(store); // fills the import cache (as the run on the base commit would)
    const warm = await time(store);
    const big = await time(store, true);
    store.close();
    const cli = values.cli === undefined ? undefined : timeCli(values.cli, root, framework, db);
    rows.push(
      `| ${framework} | ${cold.plan.files.length} | ${cold.plan.tests.length} | ${cold.plan.selection.selected.length} | ${loose.s.toFixed(2)} | ${cold.s.toFixed(2)} | ${cold.cpu === undefined ? '?' : cold.cpu.toFixed(2)} | ${warm.s.toFixed(2)} | ${big.plan.selection.coveredBy.length} → ${big.plan.selection.selected.length} | ${big.s.toFixed(2)} |${cli === undefined ? '' : ` ${cli.toFixed(2)} |`}`,
    );
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}
process.stdout.write(
  [
    `select on a generated repository (${SOURCES} source files, ${TESTS} test files; a change of 5 source files)`,
    `load average at the end: ${loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')} (${availableParallelism()} cores)`,
    '',
    `| framework | files | test files | selected | cold s, loose objects | cold s (parse all; packed, as a clone) | its CPU s (node + git) | warm s (import cache) | big change: files → selected | big change warm s |${values.cli ? ' CLI process s (warm, --history) |' : ''}`,
    `| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |${values.cli ? ' --- |' : ''}`,
    ...rows,
    '',
  ].join('\n'),
);
