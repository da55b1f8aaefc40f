import { describe, expect, it } from 'vitest';
import { resolveScriptImport, scriptImports } from '../../../../src/analysis/select/imports/typescript.js';

describe('scriptImports (TypeScript pre-processor)', () => {
  it('finds static, re-export, dynamic, require and mocked specifiers but not strings in comments', () => {
    const src = [
      "import { a } from './a.js';",
      "import { type T } from '../types';",
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

  it('leaves out type-only declarations, which are erased before the code runs', () => {
    const src = [
      "import type { A } from './types-a.js';",
      "import type B from './types-b.js';",
      "import type * as C from './types-c.js';",
      'import type {',
      '  D,',
      '  E,',
      "} from './types-de.js';",
      "export type { F } from './types-f.js';",
      "export type * from './types-g.js';",
      "import { h } from './h.js'; import type { H } from './h-types.js';",
      // Loaded: an inline `type` modifier keeps `import {} from` under verbatimModuleSyntax; a default import named
      // `type`; a module imported for its types and for a value.
      "import { type I } from './inline.js';",
      "import type from './default-named-type.js';",
      "import type { J } from './both.js';",
      "import { j } from './both.js';",
      "const t = 'import type { K } from';",
    ].join('\n');
    expect(scriptImports(src).sort()).toEqual([
      './both.js',
      './default-named-type.js',
      './h.js',
      './inline.js',
    ]);
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
