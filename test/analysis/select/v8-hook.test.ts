import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { parseV8Functions, readV8CoverageDir } from '../../../src/analysis/select/coverage.js';

const HOOK = fileURLToPath(new URL('../../../src/analysis/select/v8-hook.mjs', import.meta.url));
const root = mkdtempSync(join(tmpdir(), 'v8-hook-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

function project(name: string, files: Record<string, string>): { dir: string; cov: string } {
  const dir = join(root, name);
  const cov = join(dir, 'cov');
  mkdirSync(cov, { recursive: true });
  for (const [f, text] of Object.entries(files)) writeFileSync(join(dir, f), text);
  return { dir, cov };
}
const env = (cov: string) => ({ ...process.env, NODE_V8_COVERAGE: cov, NODE_OPTIONS: `--import=${HOOK}` });
const isTest = (p: string) => p.endsWith('.test.mjs');

describe('v8-hook.mjs with NODE_V8_COVERAGE', { timeout: 30_000 }, () => {
  it('gives a test the functions its own process and its child process ran, and not the ones they did not', () => {
    const { dir, cov } = project('child', {
      'a.test.mjs': [
        "import { spawnSync } from 'node:child_process';",
        "import { used } from './lib.mjs';",
        'used();',
        "spawnSync(process.execPath, ['cli.mjs'], { cwd: import.meta.dirname });",
      ].join('\n'),
      'lib.mjs': 'export function used() { return 1; }\nexport function unused() { return 2; }',
      'cli.mjs': 'function main() { return 3; }\nmain();',
    });
    spawnSync(process.execPath, ['a.test.mjs'], { cwd: dir, env: env(cov) });
    const map = parseV8Functions(cov, readV8CoverageDir(cov), dir, isTest);
    const a = map.get('a.test.mjs')!;
    expect(a.get('lib.mjs')!.ran.has('used')).toBe(true);
    expect(a.get('lib.mjs')!.idle.has('unused')).toBe(true);
    expect(a.get('cli.mjs')!.ran.has('main')).toBe(true);
  });

  it('writes the coverage of a process stopped with SIGTERM, as vitest stops its workers', async () => {
    const { dir, cov } = project('term', {
      'b.test.mjs':
        "function ran() { return 1; }\nran();\nconsole.log('ready');\nsetInterval(() => {}, 1000);",
    });
    const child = spawn(process.execPath, ['b.test.mjs'], { cwd: dir, env: env(cov) });
    await new Promise<void>((resolve) => child.stdout.once('data', () => resolve()));
    child.kill('SIGTERM');
    await new Promise((resolve) => child.once('exit', resolve));
    const map = parseV8Functions(cov, readV8CoverageDir(cov), dir, isTest);
    expect(map.get('b.test.mjs')!.get('b.test.mjs')!.ran.has('ran')).toBe(true);
  });

  it('gives the hook to a child process started with an environment of its own', () => {
    const { dir, cov } = project('own-env', {
      'c.test.mjs': [
        "import { spawnSync } from 'node:child_process';",
        "spawnSync(process.execPath, ['cli.mjs'], { cwd: import.meta.dirname, env: { PATH: process.env.PATH } });",
      ].join('\n'),
      'cli.mjs': 'function main() { return 3; }\nmain();',
    });
    spawnSync(process.execPath, ['c.test.mjs'], { cwd: dir, env: env(cov) });
    const map = parseV8Functions(cov, readV8CoverageDir(cov), dir, isTest);
    expect(map.get('c.test.mjs')!.get('cli.mjs')!.ran.has('main')).toBe(true);
  });

  it('leaves out a test whose child process was killed before it wrote its coverage', () => {
    const { dir, cov } = project('killed', {
      'd.test.mjs': [
        "import { spawnSync } from 'node:child_process';",
        "spawnSync(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], { timeout: 300, killSignal: 'SIGKILL' });",
      ].join('\n'),
    });
    spawnSync(process.execPath, ['d.test.mjs'], { cwd: dir, env: env(cov) });
    expect(parseV8Functions(cov, readV8CoverageDir(cov), dir, isTest).has('d.test.mjs')).toBe(false);
  });
});
