import { posix } from 'node:path';
import ts from 'typescript';

/** JS/TS source extensions the import graph reads. */
export const SCRIPT_EXTENSIONS = ['.ts', '.tsx', '.mts', '.cts', '.js', '.jsx', '.mjs', '.cjs'] as const;

export function isScript(path: string): boolean {
  return SCRIPT_EXTENSIONS.some((e) => path.endsWith(e));
}

// The text before a specifier when it ends a type-only declaration: `import type { A } from `, `import type A from `,
// `import type * as N from `, `export type { A } from `, `export type * from ` (statement start: line start, `;` or
// `}`). `import { type A }` is not: with `verbatimModuleSyntax` it is kept as `import {} from …`, which loads the module.
const TYPE_ONLY_TAIL =
  /(?:^|[;}\n])[ \t]*(?:import|export)\s+type\s+(?:\*(?:\s+as\s+[\w$]+)?|\{[^{}]*\}|(?!from\s)[\w$]+)\s*from\s*$/;

/** How far before a specifier its declaration may start (a long `import type { … }` list). */
const DECLARATION_WINDOW = 4000;

/**
 * Module specifiers a JS/TS file loads when it runs, as the TypeScript compiler's pre-processor finds them: import
 * and export declarations, `import()` calls, `require()` calls and `/// <reference path>`. (The scanner, not a full
 * parse: the same answer for imports, at a fraction of the cost, which keeps `select` fast on large repositories.)
 * Type-only declarations (`import type …`, `export type … from`) are left out: they are erased before the code
 * runs, so the module they name is not loaded by them and a change to it cannot change what the file does.
 * `vi.mock('…')` / `jest.mock('…')` paths are added too: a mocked module's file is part of the test's inputs.
 */
export function scriptImports(source: string): string[] {
  const info = ts.preProcessFile(source, true, true);
  const mayHaveTypeOnly = /\b(?:import|export)\s+type\b/.test(source);
  const specs = info.importedFiles
    .filter((f) => !(mayHaveTypeOnly && isTypeOnly(source, f.pos)))
    .map((f) => f.fileName);
  for (const f of info.referencedFiles) specs.push(f.fileName);
  for (const m of source.matchAll(
    /\b(?:vi|jest)\.(?:mock|doMock|importActual|requireActual)\(\s*(['"`])([^'"`]+)\1/g,
  )) {
    specs.push(m[2]!);
  }
  return specs;
}

/** Whether the specifier whose text starts at `pos` (after its opening quote) ends a type-only declaration. */
function isTypeOnly(source: string, pos: number): boolean {
  const before = source.slice(Math.max(0, pos - 1 - DECLARATION_WINDOW), pos - 1);
  return TYPE_ONLY_TAIL.test(before);
}

const REWRITE: Record<string, string[]> = {
  '.js': ['.ts', '.tsx', '.js', '.jsx'],
  '.jsx': ['.tsx', '.jsx'],
  '.mjs': ['.mts', '.mjs'],
  '.cjs': ['.cts', '.cjs'],
};

/**
 * Resolves relative specifiers against the repository's file set the way TypeScript's bundler / NodeNext
 * resolution does for sources: `./x.js` may name `./x.ts`, extensionless names try each extension, then
 * `index.*`. Bare specifiers (packages) resolve to nothing: a dependency's change shows as a lockfile change.
 */
export function resolveScriptImport(
  files: ReadonlySet<string>,
  fromFile: string,
  spec: string,
): string | undefined {
  if (!spec.startsWith('.') && !spec.startsWith('/')) return undefined;
  const target = posix.normalize(posix.join(posix.dirname(fromFile), spec.split('?')[0]!));
  if (files.has(target)) return target;
  const ext = posix.extname(target);
  const stem = target.slice(0, target.length - ext.length);
  for (const alt of REWRITE[ext] ?? []) if (files.has(stem + alt)) return stem + alt;
  for (const e of SCRIPT_EXTENSIONS) if (files.has(target + e)) return target + e;
  for (const e of SCRIPT_EXTENSIONS) if (files.has(`${target}/index${e}`)) return `${target}/index${e}`;
  return undefined;
}
