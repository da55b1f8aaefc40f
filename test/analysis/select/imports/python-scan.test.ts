import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadPythonParser, type PythonParser } from '../../../../src/analysis/parsers/index.js';
import { buildGraph } from '../../../../src/analysis/select/graph.js';
import { pythonImports } from '../../../../src/analysis/select/imports/python.js';
import { scanPythonImports } from '../../../../src/analysis/select/imports/python-scan.js';
import { filesOf, folderReader, PYPROJ } from '../helpers.js';

const REPO = fileURLToPath(new URL('../../../..', import.meta.url));

let parser: PythonParser;
beforeAll(async () => {
  parser = await loadPythonParser();
});
afterAll(() => parser.delete());

/** Source texts where the scanner must answer exactly as tree-sitter does. */
const SAME = [
  'import os, a.b as ab\nfrom .rel import x, y as z\nfrom ..up.mod import (w,\n    v)\nfrom . import sibling',
  "def f():\n    import inner.mod\nif TYPE_CHECKING:\n    from typing_mod import T\nplug = importlib.import_module('plugins.one')",
  "dyn = __import__('dyn_mod')\ntext = 'import not_an_import'",
  'from __future__ import annotations\nimport a',
  '"""Docstring.\n\n    >>> from pkg import example\n    >>> import other\n"""\nimport real',
  "s = '''\nimport fake\n'''  # import comment\nr = r'\\' import x'\nimport real",
  'if x: import a; import b\nelse: from c import d\nclass A: from x import y',
  'from a import (b,  # why\n    c as d,\n    e,\n)\nfrom . import *\nfrom .x import *',
  'from csv import Error, writer, \\\n    reader\nimport a, \\\n    b',
  'from .import x\nfrom ... import y\nfrom ...pkg.mod import z',
  "x = f\"{d['k']!r:>{width}} import {y}\"\ny = f'{{import}}'\nimport a",
  "x = f\"{y:'>10}\"\nz = f'''\n{a}\n'''\nimport a",
  "x = import_module(  # a comment first: not the first argument\n  'a')\ny = import_module(\n  'b', # c\n)",
  "def import_module(name='x'): pass\nimport_module(b'a.b')\nimport_module(u'c')\nimport_module('a' 'b')",
  "importlib.import_module(name='q')\nx = import_module('.rel', __package__)\nimport_module('a-b')\nlambda: import_module('lam')",
  "@import_module('dec')\ndef f(): pass\nimport_module('pkg.%s' % name)\nimport_module(f'x.{y}')",
  'x = {"import": 1}\nprint(x["import"])\nimport a.b',
  'async def f():\n    yield from g()\n    raise E from e\n    x: int = 1\n    y = lambda: 0\n    import late',
  'x = 0x1F + 1_000 + 1e-5 + 1j\nif (n := 10) > 5:\n    from walrus import ok',
  's = \'a\\\nb\'\nt = "\\N{DASH} {x}"\nu = f"\\N{DASH} {x}"\nimport after_escapes',
  'ü = 1\nfrom paket import größe',
  'from a import b.c',
  '',
];

/** Source texts the scanner leaves to tree-sitter. */
const UNSURE = [
  "x = 'unterminated\nimport a",
  '(import a)',
  'x = (1, 2]\nimport a',
  'print `x`\nimport a',
  'x = f\'{__import__("os")}\'',
  "import_module('a' for a in b)",
  'from a.\\\n  b import c',
  'import a .b',
  '\ufeffimport a',
  'x = (1,\nimport a',
];

describe('scanPythonImports', () => {
  it.each(SAME.map((s) => [s]))('answers as the tree-sitter walk: %j', (source) => {
    const scanned = scanPythonImports(source);
    expect(scanned).toBeDefined();
    expect(scanned).toEqual(pythonImports(parser, source));
  });

  it.each(UNSURE.map((s) => [s]))('leaves what it does not model to tree-sitter: %j', (source) => {
    expect(scanPythonImports(source)).toBeUndefined();
  });

  it('answers as tree-sitter on every Python file this repository holds, and answers for most of them', () => {
    const files = execFileSync('git', ['-C', REPO, 'ls-files', '-z', '*.py'])
      .toString()
      .split('\0')
      .filter((f) => f !== '');
    expect(files.length).toBeGreaterThan(50);
    let answered = 0;
    for (const file of files) {
      const text = readFileSync(join(REPO, file), 'utf8');
      const scanned = scanPythonImports(text);
      if (scanned === undefined) continue;
      answered++;
      expect({ file, imports: scanned }).toEqual({ file, imports: pythonImports(parser, text) });
    }
    expect(answered / files.length).toBeGreaterThan(0.9);
    // (Every Python file of the repository: thousands, the review corpus grows by about a hundred a round, and each
    // is parsed twice; the default 5 s is a limit on the machine, not on the scanner — bench:select measures speed.)
  }, 120_000);
});

describe('buildGraph: the scanner path', () => {
  it('gives the same graph as the full tree-sitter parse, on the pytest fixture and on this repository', async () => {
    const repoFiles = execFileSync('git', ['-C', REPO, 'ls-files', '-z', '*.py'])
      .toString()
      .split('\0')
      .filter((f) => f !== '');
    for (const [root, files] of [
      [PYPROJ, filesOf(PYPROJ)],
      [REPO, repoFiles],
    ] as const) {
      const fast = await buildGraph('python', files, folderReader(root));
      const full = await buildGraph('python', files, folderReader(root), { fullParse: true });
      expect(fast.deps.size).toBe(files.filter((f) => f.endsWith('.py')).length);
      expect(fast.deps).toEqual(full.deps);
      expect(fast.importers).toEqual(full.importers);
    }
    // (The repository's thousands of Python files, parsed twice: see above.)
  }, 120_000);
});
