import { describe, expect, it } from 'vitest';
import { resolveScriptImport, scriptImports } from '../../../../src/analysis/select/imports/typescript.js';

describe('scriptImports (TypeScript pre-processor)', () => {
  it('finds static, type-only, re-export, dynamic, require and mocked specifiers but not strings in comments', () => {
    const src = [
      "import { a } from './a.js';",
      "import type { T } from '../types';",
      "export * from './re-export.js';",
      "const lazy = await import('./lazy.js');",
      "const cjs = require('./legacy.cjs');",
      "vi.mock('./mocked.js', () => ({}));",
      "// import { nope } from './commented.js';",
      "import pkg from 'some-package';",
    ].join('\n');
    expect(scriptImports(src).sort()).toEqual(
      [
        '../types',
        './a.js',
        './lazy.js',
        './legacy.cjs',
        './mocked.js',
        './re-export.js',
        'some-package',
      ].sort(),
    );
  });
});

describe('resolveScriptImport', () => {
  const files = new Set(['src/a.ts', 'src/dir/index.ts', 'src/legacy.cjs', 'src/view.tsx', 'src/data.json']);

  it('maps .js specifiers to .ts sources, extensionless names and directories to index files', () => {
    expect(resolveScriptImport(files, 'src/x.ts', './a.js')).toBe('src/a.ts');
    expect(resolveScriptImport(files, 'src/x.ts', './a')).toBe('src/a.ts');
    expect(resolveScriptImport(files, 'src/x.ts', './dir')).toBe('src/dir/index.ts');
    expect(resolveScriptImport(files, 'src/x.ts', './view.js')).toBe('src/view.tsx');
    expect(resolveScriptImport(files, 'test/x.test.ts', '../src/legacy.cjs')).toBe('src/legacy.cjs');
    expect(resolveScriptImport(files, 'src/x.ts', './data.json')).toBe('src/data.json');
  });

  it('leaves packages and missing files unresolved', () => {
    expect(resolveScriptImport(files, 'src/x.ts', 'vitest')).toBeUndefined();
    expect(resolveScriptImport(files, 'src/x.ts', './missing.js')).toBeUndefined();
  });
});
