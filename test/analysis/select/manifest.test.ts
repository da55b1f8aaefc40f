import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { packageJsonChange, testScripts } from '../../../src/analysis/select/manifest.js';
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

  it('is not inert for a manifest added, deleted or not JSON', () => {
    expect(packageJsonChange(undefined, pkg({})).inert).toBe(false);
    expect(packageJsonChange(pkg({}), '{ "name": ').inert).toBe(false);
    expect(packageJsonChange('[]', pkg({})).inert).toBe(false);
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
});
