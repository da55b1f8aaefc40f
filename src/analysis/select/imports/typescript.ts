import { posix } from 'node:path';
import ts from 'typescript';

/** JS/TS source extensions the import graph reads. */
export const SCRIPT_EXTENSIONS = ['.ts', '.tsx', '.mts', '.cts', '.js', '.jsx', '.mjs', '.cjs'] as const;

export function isScript(path: string): boolean {
  return SCRIPT_EXTENSIONS.some((e) => path.endsWith(e));
}

/**
 * Module specifiers of a JS/TS file as the TypeScript compiler's pre-processor finds them: import and export
 * declarations, `import()` calls, `require()` calls and `/// <reference path>`. (The scanner, not a full parse:
 * the same answer for imports, at a fraction of the cost, which keeps `select` fast on large repositories.)
 * `vi.mock('…')` / `jest.mock('…')` paths are added too: a mocked module's file is part of the test's inputs.
 */
export function scriptImports(source: string): string[] {
  const info = ts.preProcessFile(source, true, true);
  const specs = [...info.importedFiles, ...info.referencedFiles].map((f) => f.fileName);
  for (const m of source.matchAll(
    /\b(?:vi|jest)\.(?:mock|doMock|importActual|requireActual)\(\s*(['"`])([^'"`]+)\1/g,
  )) {
    specs.push(m[2]!);
  }
  return specs;
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
