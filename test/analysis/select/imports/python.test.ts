import { describe, expect, it } from 'vitest';
import { loadPythonParser } from '../../../../src/analysis/parsers/index.js';
import { PythonModuleIndex, pythonImports } from '../../../../src/analysis/select/imports/python.js';

describe('pythonImports (tree-sitter)', () => {
  it('finds every import form, nested ones and literal importlib calls', async () => {
    const parser = await loadPythonParser();
    const src = [
      'import os, a.b as ab',
      'from .rel import x, y as z',
      'from ..up.mod import (w,',
      '    v)',
      'from . import sibling',
      'def f():',
      '    import inner.mod',
      'if TYPE_CHECKING:',
      '    from typing_mod import T',
      "plug = importlib.import_module('plugins.one')",
      "dyn = __import__('dyn_mod')",
      "text = 'import not_an_import'",
    ].join('\n');
    expect(pythonImports(parser, src)).toEqual([
      { module: 'os', names: [], level: 0 },
      { module: 'a.b', names: [], level: 0 },
      { module: 'rel', names: ['x', 'y'], level: 1 },
      { module: 'up.mod', names: ['w', 'v'], level: 2 },
      { module: '', names: ['sibling'], level: 1 },
      { module: 'inner.mod', names: [], level: 0 },
      { module: 'typing_mod', names: ['T'], level: 0 },
      { module: 'plugins.one', names: [], level: 0 },
      { module: 'dyn_mod', names: [], level: 0 },
    ]);
    parser.delete();
  });
});

describe('PythonModuleIndex', () => {
  const files = [
    'src/pkg/__init__.py',
    'src/pkg/core.py',
    'src/pkg/sub/__init__.py',
    'src/pkg/sub/deep.py',
    'tests/helpers.py',
    'tests/test_core.py',
    'README.md',
  ];
  const index = new PythonModuleIndex(files);

  it('resolves absolute imports in a src/ layout, with each parent package __init__', () => {
    expect(
      index.resolve('tests/test_core.py', { module: 'pkg.sub.deep', names: [], level: 0 }).sort(),
    ).toEqual(['src/pkg/__init__.py', 'src/pkg/sub/__init__.py', 'src/pkg/sub/deep.py']);
  });

  it('resolves `from pkg import core` to the submodule and bare modules beside tests', () => {
    expect(index.resolve('tests/test_core.py', { module: 'pkg', names: ['core'], level: 0 }).sort()).toEqual([
      'src/pkg/__init__.py',
      'src/pkg/core.py',
    ]);
    expect(index.resolve('tests/test_core.py', { module: 'helpers', names: [], level: 0 })).toEqual([
      'tests/helpers.py',
    ]);
  });

  it('resolves relative imports against the importing file', () => {
    expect(index.resolve('src/pkg/sub/deep.py', { module: 'core', names: [], level: 2 }).sort()).toEqual([
      'src/pkg/__init__.py',
      'src/pkg/core.py',
    ]);
    expect(index.resolve('src/pkg/core.py', { module: '', names: ['sub'], level: 1 }).sort()).toEqual([
      'src/pkg/__init__.py',
      'src/pkg/sub/__init__.py',
    ]);
  });

  it('leaves packages outside the repository unresolved', () => {
    expect(index.resolve('src/pkg/core.py', { module: 'numpy.linalg', names: ['norm'], level: 0 })).toEqual(
      [],
    );
  });
});
