import { posix } from 'node:path';
import type { Node } from 'web-tree-sitter';
import type { PythonParser } from '../../parsers/index.js';

/** One import found in a Python file: `import a.b` → {module: 'a.b', names: [], level: 0}. */
export interface PythonImport {
  module: string;
  /** Names after `from … import`: each may be a submodule. */
  names: string[];
  /** Leading dots of a relative import (0 for absolute). */
  level: number;
}

function dotted(node: Node | null): string {
  return node === null ? '' : node.text.replace(/\s+/g, '');
}

/**
 * Every import in the file, wherever it stands (module level, functions, `if TYPE_CHECKING:`, try/except), plus
 * `importlib.import_module('x')` and `__import__('x')` with a literal name.
 */
export function pythonImports(parser: PythonParser, source: string): PythonImport[] {
  const tree = parser.parse(source);
  if (tree === null) return [];
  const found: PythonImport[] = [];
  try {
    const nodes = tree.rootNode.descendantsOfType(['import_statement', 'import_from_statement', 'call']);
    for (const node of nodes) {
      if (node === null) continue;
      if (node.type === 'import_statement') {
        for (const name of node.childrenForFieldName('name')) {
          const target = name?.type === 'aliased_import' ? name.childForFieldName('name') : name;
          found.push({ module: dotted(target ?? null), names: [], level: 0 });
        }
      } else if (node.type === 'import_from_statement') {
        const moduleNode = node.childForFieldName('module_name');
        let level = 0;
        let module = '';
        if (moduleNode?.type === 'relative_import') {
          for (const child of moduleNode.children) {
            if (child?.type === 'import_prefix') level = child.text.length;
            else if (child?.type === 'dotted_name') module = dotted(child);
          }
        } else {
          module = dotted(moduleNode);
        }
        const names = node
          .childrenForFieldName('name')
          .map((n) => dotted(n?.type === 'aliased_import' ? n.childForFieldName('name') : n))
          .filter((n) => n !== '');
        found.push({ module, names, level });
      } else {
        const fn = node.childForFieldName('function');
        const name = fn?.type === 'attribute' ? fn.childForFieldName('attribute')?.text : fn?.text;
        if (name !== 'import_module' && name !== '__import__') continue;
        const first = node.childForFieldName('arguments')?.namedChildren[0];
        if (first?.type !== 'string') continue;
        const literal = first.text.replace(/^[rbuRBU]*(['"]{1,3})(.*)\1$/s, '$2');
        if (/^\.*[\w.]+$/.test(literal)) {
          const level = literal.length - literal.replace(/^\.+/, '').length;
          found.push({ module: literal.slice(level), names: [], level });
        }
      }
    }
  } finally {
    tree.delete();
  }
  return found;
}

/**
 * Maps module names to the repository's Python files. A file is known by its package name (walking up through
 * directories with `__init__.py`), by its dotted path from the repository root and from `src/`, and — for files
 * outside packages, which pytest's rootdir insertion puts on sys.path — by its bare module name.
 */
export class PythonModuleIndex {
  private readonly byName = new Map<string, string[]>();
  private readonly files: Set<string>;

  constructor(paths: readonly string[]) {
    this.files = new Set(paths.filter((p) => p.endsWith('.py')));
    const packages = new Set<string>();
    for (const p of this.files) if (p.endsWith('/__init__.py')) packages.add(posix.dirname(p));
    for (const p of this.files) {
      const names = new Set<string>();
      const parts = p.slice(0, -3).split('/');
      if (parts.at(-1) === '__init__') parts.pop();
      names.add(parts.join('.'));
      if (parts[0] === 'src' && parts.length > 1) names.add(parts.slice(1).join('.'));
      // Package name: climb while the directory is a package.
      let dir = posix.dirname(p);
      let start = dir === '.' ? 0 : dir.split('/').length;
      while (dir !== '.' && packages.has(dir)) {
        start -= 1;
        dir = posix.dirname(dir);
      }
      names.add(parts.slice(start).join('.'));
      for (const name of names) {
        if (name === '') continue;
        const list = this.byName.get(name);
        if (list === undefined) this.byName.set(name, [p]);
        else if (!list.includes(p)) list.push(p);
      }
    }
  }

  private lookup(name: string): string[] {
    return this.byName.get(name) ?? [];
  }

  private relativeFile(base: string, module: string): string[] {
    const dir = module === '' ? base : posix.join(base, ...module.split('.'));
    return [`${dir}.py`, `${dir}/__init__.py`].filter((f) => this.files.has(f));
  }

  /** The repository files an import loads (the module, each parent package's `__init__.py`, imported submodules). */
  resolve(fromFile: string, imp: PythonImport): string[] {
    const out = new Set<string>();
    if (imp.level > 0) {
      let base = posix.dirname(fromFile);
      for (let i = 1; i < imp.level; i++) base = posix.dirname(base);
      const prefix = imp.module === '' ? [] : imp.module.split('.');
      for (let i = 0; i <= prefix.length; i++) {
        for (const f of this.relativeFile(base, prefix.slice(0, i).join('.'))) out.add(f);
      }
      for (const n of imp.names)
        for (const f of this.relativeFile(base, [...prefix, n].join('.'))) out.add(f);
    } else {
      const parts = imp.module.split('.');
      for (let i = 1; i <= parts.length; i++)
        for (const f of this.lookup(parts.slice(0, i).join('.'))) out.add(f);
      for (const n of imp.names) for (const f of this.lookup(`${imp.module}.${n}`)) out.add(f);
    }
    out.delete(fromFile);
    return [...out];
  }
}
