import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { packageJsonChange, packageLockChange, testScripts } from '../../../src/analysis/select/manifest.js';
import { planSelection } from '../../../src/analysis/select/plan.js';

const pkg = (fields: Record<string, unknown>) =>
  JSON.stringify({ name: 'app', type: 'module', dependencies: { zod: '^4.0.0' }, ...fields }, null, 2);
const scripts = { test: 'vitest run', build: 'tsc', 'bench:x': 'tsx bench.ts' };

describe('packageJsonChange', () => {
  it('is inert when only scripts that no test run executes, or metadata, changed', () => {
    expect(
      packageJsonChange(pkg({ scripts }), pkg({ scripts: { ...scripts, 'eval:y': 'tsx eval.ts' } })),
    ).toEqual({ inert: true, detail: 'only scripts "eval:y" changed' });
    expect(
      packageJsonChange(pkg({ version: '1.0.0' }), pkg({ version: '1.1.0', description: 'an app' })),
    ).toEqual({ inert: true, detail: 'only "version" and "description" changed' });
    expect(packageJsonChange(pkg({}), `${pkg({})}\n`)).toEqual({
      inert: true,
      detail: 'only its layout changed',
    });
  });

  it.each([
    ['a dependency', pkg({ dependencies: { zod: '^4.1.0' } }), '"dependencies" changed'],
    ['the module type', pkg({ type: 'commonjs' }), '"type" changed'],
    ['a runner section', pkg({ jest: { testEnvironment: 'node' } }), '"jest" changed'],
    ['the test script', pkg({ scripts: { ...scripts, test: 'vitest run --pool=forks' } }), 'script "test"'],
    [
      'an install hook',
      pkg({ scripts: { ...scripts, postinstall: 'node fetch.js' } }),
      'script "postinstall"',
    ],
  ])('is not inert when %s changes', (_what, after, detail) => {
    const verdict = packageJsonChange(pkg({ scripts }), after);
    expect(verdict.inert).toBe(false);
    expect(verdict.detail).toContain(detail);
  });

  it('follows the scripts a test script runs', () => {
    const s = {
      test: 'npm run build && vitest run',
      build: 'tsc -p . && npm run gen',
      gen: 'tsx gen.ts',
      lint: 'biome check',
    };
    expect([...testScripts(s)].sort()).toEqual(['build', 'gen', 'test']);
    const verdict = packageJsonChange(pkg({ scripts: s }), pkg({ scripts: { ...s, gen: 'tsx gen2.ts' } }));
    expect(verdict).toEqual({ inert: false, detail: 'script "gen" changed (a test run executes it)' });
    expect(packageJsonChange(pkg({ scripts: s }), pkg({ scripts: { ...s, lint: 'eslint .' } })).inert).toBe(
      true,
    );
  });

  it('is inert when dependencies were only added, not when one was removed or given another range', () => {
    const after = pkg({
      dependencies: { zod: '^4.0.0', smol: '^1.0.0' },
      devDependencies: { chalk: '^5.0.0' },
    });
    expect(packageJsonChange(pkg({}), after)).toEqual({
      inert: true,
      detail: 'only added dependencies "smol", "chalk" changed',
    });
    expect(packageJsonChange(pkg({}), pkg({ dependencies: {} })).detail).toBe('"dependencies" changed');
    expect(packageJsonChange(pkg({}), pkg({ dependencies: { zod: '^4.1.0', x: '1' } })).inert).toBe(false);
  });

  it('is not inert for a manifest added, deleted or not JSON', () => {
    expect(packageJsonChange(undefined, pkg({})).inert).toBe(false);
    expect(packageJsonChange(pkg({}), '{ "name": ').inert).toBe(false);
    expect(packageJsonChange('[]', pkg({})).inert).toBe(false);
  });
});

const lock = (packages: Record<string, unknown>, root: Record<string, unknown> = { zod: '^4.0.0' }) =>
  JSON.stringify(
    {
      name: 'app',
      lockfileVersion: 3,
      requires: true,
      packages: { '': { name: 'app', dependencies: root }, ...packages },
    },
    null,
    2,
  );
const ZOD = { 'node_modules/zod': { version: '4.0.0', resolved: 'https://r/zod-4.0.0.tgz' } };
const SMOL = { 'node_modules/smol': { version: '1.0.0', dependencies: { tiny: '^2.0.0' } } };

describe('packageLockChange', () => {
  it('is inert when packages were only added (and the root only gained dependencies)', () => {
    const after = lock(
      { ...ZOD, ...SMOL, 'node_modules/tiny': { version: '2.0.0' } },
      { zod: '^4.0.0', smol: '^1.0.0' },
    );
    expect(packageLockChange(lock(ZOD), after)).toEqual({
      inert: true,
      detail: 'only packages added (smol, tiny)',
    });
  });

  it.each([
    ['a version changed', lock({ 'node_modules/zod': { version: '4.0.1' } }), 'node_modules/zod changed'],
    ['a package removed', lock({}), 'node_modules/zod removed'],
    ['a root range changed', lock(ZOD, { zod: '^4.1.0' }), 'a dependency of the root'],
    [
      'a package newly nested under an existing one',
      lock({ ...ZOD, 'node_modules/zod/node_modules/tiny': { version: '1.0.0' } }),
      'newly nested',
    ],
  ])('is not inert when %s', (_what, after, detail) => {
    const verdict = packageLockChange(lock(ZOD), after);
    expect(verdict.inert).toBe(false);
    expect(verdict.detail).toContain(detail);
  });

  it('is not inert for a version 1 lockfile (no packages map) or one not JSON', () => {
    const v1 = JSON.stringify({ lockfileVersion: 1, dependencies: {} });
    expect(packageLockChange(v1, v1).inert).toBe(false);
    expect(packageLockChange(lock(ZOD), '{').inert).toBe(false);
  });
});

describe('planSelection: package.json edits', { timeout: 30_000 }, () => {
  let repo: string;
  const git = (...args: string[]) =>
    execFileSync('git', ['-C', repo, '-c', 'user.name=t', '-c', 'user.email=t@example.com', ...args])
      .toString()
      .trim();
  const write = (path: string, text: string) => writeFileSync(join(repo, path), text);
  const plan = () =>
    planSelection({ repo, baseRef: 'HEAD~1', headRef: 'HEAD', framework: 'vitest', sampleRate: 0 });

  beforeAll(() => {
    repo = mkdtempSync(join(tmpdir(), 'ai-ci-select-manifest-'));
    git('init', '-q', '-b', 'main');
    write('package.json', pkg({ scripts }));
    write('a.ts', 'export const a = 1;\n');
    write('a.test.ts', "import { a } from './a.js';\n");
    write(
      'version.ts',
      "import { readFileSync } from 'node:fs';\nexport const v = readFileSync('package.json');\n",
    );
    write('version.test.ts', "import { v } from './version.js';\n");
    git('add', '.');
    git('commit', '-qm', 'base');
  });
  afterAll(() => rmSync(repo, { recursive: true, force: true }));

  it('runs only the tests that read package.json when a script no test runs was added', async () => {
    write('package.json', pkg({ scripts: { ...scripts, 'eval:y': 'tsx eval.ts' } }));
    git('commit', '-qam', 'add a script');
    const p = await plan();
    expect(p.selection.full).toBe(false);
    expect(p.selection.selected.map((t) => t.path)).toEqual(['version.test.ts']);
    expect(p.selection.coveredBy).toEqual([
      {
        path: 'package.json',
        signal: 'rule "test runner configuration, narrowed: only scripts "eval:y" changed", reference',
      },
    ]);
  });

  it('runs everything when a dependency changed, or when a declared rule says so', async () => {
    write('package.json', pkg({ scripts, dependencies: { zod: '^4.1.0' } }));
    git('commit', '-qam', 'bump zod');
    expect((await plan()).selection.full).toBe(true);
    write('package.json', pkg({ scripts, dependencies: { zod: '^4.1.0' }, description: 'x' }));
    git('commit', '-qam', 'describe');
    expect((await plan()).selection.full).toBe(false);
    const declared = await planSelection({
      repo,
      baseRef: 'HEAD~1',
      headRef: 'HEAD',
      framework: 'vitest',
      sampleRate: 0,
      rules: [{ name: 'manifest', paths: ['package.json'], run: 'all' }],
    });
    expect(declared.selection.full).toBe(true);
  });

  it('runs only the tests that reach the code importing a newly added package (manifest and lockfile)', async () => {
    write('package-lock.json', lock(ZOD));
    git('add', '.');
    git('commit', '-qm', 'lockfile');
    write(
      'package.json',
      pkg({ scripts, dependencies: { zod: '^4.1.0', smol: '^1.0.0' }, description: 'x' }),
    );
    write('package-lock.json', lock({ ...ZOD, ...SMOL }, { zod: '^4.0.0', smol: '^1.0.0' }));
    write('a.ts', "import 'smol';\nexport const a = 1;\n");
    git('commit', '-qam', 'add smol');
    const p = await plan();
    expect(p.selection.full).toBe(false);
    expect(p.selection.selected.map((t) => t.path).sort()).toEqual(['a.test.ts', 'version.test.ts']);
    write('package-lock.json', lock({ 'node_modules/zod': { version: '4.1.0' }, ...SMOL }));
    git('commit', '-qam', 'bump zod in the lockfile');
    expect((await plan()).selection.full).toBe(true);
  });
});
