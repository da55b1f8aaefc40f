import type { Framework } from './types.js';

const JS_EXT = String.raw`\.(?:[cm]?[jt]sx?)$`;
const JS_TEST = new RegExp(`(?:^|/)(?:[^/]*[._-](?:test|spec)|__tests__/[^/]*)${JS_EXT}`);
// node --test's own default patterns: **/*.test.*, **/*-test.*, **/*_test.*, **/test-*.*, **/test.*, test/**/*.*
const NODE_TEST = new RegExp(
  `(?:^|/)(?:[^/]*[._-]test${JS_EXT}|test-[^/]*${JS_EXT}|test${JS_EXT})|^test/(?:.*/)?[^/]*${JS_EXT}`,
);
// pytest's defaults: python_files = test_*.py *_test.py
const PY_TEST = /(?:^|\/)(?:test_[^/]*|[^/]*_test)\.py$/;

/** Files the framework's default discovery takes as test files (directories like node_modules are excluded). */
export function isTestFile(framework: Framework, path: string): boolean {
  if (/(?:^|\/)(?:node_modules|\.git|\.venv|venv|dist|build|__pycache__)\//.test(path)) return false;
  if (path.endsWith('.d.ts')) return false;
  switch (framework) {
    case 'pytest':
      return PY_TEST.test(path);
    case 'vitest':
    case 'jest':
      return JS_TEST.test(path);
    case 'node':
      return NODE_TEST.test(path) || JS_TEST.test(path);
  }
}

/** The language whose import graph the framework's tests need. */
export function languageOf(framework: Framework): 'python' | 'typescript' {
  return framework === 'pytest' ? 'python' : 'typescript';
}

function shellQuote(arg: string): string {
  return /^[\w@%+=:,./-]+$/.test(arg) ? arg : `'${arg.replaceAll("'", String.raw`'\''`)}'`;
}

/**
 * The selected tests as the arguments the runner takes: pytest and node --test take file paths; vitest takes
 * path filters (a relative path matches exactly that file); jest takes paths with --runTestsByPath.
 */
export function runnerArguments(framework: Framework, tests: readonly string[]): string[] {
  if (framework === 'jest' && tests.length > 0) return ['--runTestsByPath', ...tests];
  return [...tests];
}

/** One shell line of runner arguments (quoted where needed). */
export function runnerLine(framework: Framework, tests: readonly string[]): string {
  return runnerArguments(framework, tests).map(shellQuote).join(' ');
}
