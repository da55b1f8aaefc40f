import { posix } from 'node:path';
import { loadPythonParser } from '../parsers/index.js';
import { type PythonImport, PythonModuleIndex, pythonImports } from './imports/python.js';
import { scanPythonImports } from './imports/python-scan.js';
import { isScript, resolveScriptImport, scriptImports } from './imports/typescript.js';

export type Language = 'python' | 'typescript';

/** The static import graph of one commit: for each source file, the repository files it loads. */
export interface DependencyGraph {
  language: Language;
  /** file → files it imports (repository files only; packages are left out). */
  deps: ReadonlyMap<string, readonly string[]>;
  /** file → files that import it. */
  importers: ReadonlyMap<string, readonly string[]>;
  /** The source files (read on demand for references to data files). */
  sources: readonly string[];
  read: (paths: readonly string[]) => ReadonlyMap<string, string>;
}

/** Raw imports per file content hash: a file whose content did not change is not parsed again. */
export interface ImportCache {
  /** The cached imports of each content hash asked for that the cache holds (one query for all). */
  getMany(kind: string, hashes: readonly string[]): ReadonlyMap<string, readonly string[]>;
  set(kind: string, entries: readonly { hash: string; imports: readonly string[] }[]): void;
}

/**
 * The import cache's key per language: it names what was extracted, so that entries written by an ai-ci that
 * extracted something else are not read back ('typescript/runtime': type-only imports left out).
 */
export const IMPORT_CACHE_KIND: Record<Language, string> = {
  python: 'python',
  typescript: 'typescript/runtime',
};

export function isSourceFile(language: Language, path: string): boolean {
  return language === 'python' ? path.endsWith('.py') : isScript(path) && !path.endsWith('.d.ts');
}

function invert(deps: Map<string, string[]>): Map<string, string[]> {
  const importers = new Map<string, string[]>();
  for (const [from, tos] of deps) {
    for (const to of tos) {
      const list = importers.get(to);
      if (list === undefined) importers.set(to, [from]);
      else list.push(from);
    }
  }
  return importers;
}

// Python imports are cached as "level|module|name,name".
const encodePy = (i: PythonImport) => `${i.level}|${i.module}|${i.names.join(',')}`;
function decodePy(s: string): PythonImport {
  const [level, module, names] = s.split('|');
  return { level: Number(level), module: module ?? '', names: names ? names.split(',') : [] };
}

export interface BuildGraphOptions {
  /** Each file's content hash; with `cache`, unchanged files are not read nor parsed. */
  hashOf?: (path: string) => string | undefined;
  cache?: ImportCache;
  /**
   * Python: parse every file with tree-sitter instead of scanning it first (the reference the scanner is checked
   * against; the graph is the same).
   */
  fullParse?: boolean;
}

/**
 * Builds the import graph of the files given. `read` returns the texts of the files asked for (unreadable ones
 * left out: they then have no edges). For Python, pytest's implicit loading is an edge too: every file depends on
 * the `conftest.py` of its directory and of each directory above it.
 */
export async function buildGraph(
  language: Language,
  paths: readonly string[],
  read: (paths: readonly string[]) => ReadonlyMap<string, string>,
  options: BuildGraphOptions = {},
): Promise<DependencyGraph> {
  const fileSet = new Set(paths);
  const sources = paths.filter((p) => isSourceFile(language, p));
  const raw = new Map<string, readonly string[]>();
  const toParse: string[] = [];
  const hashes = options.hashOf === undefined ? [] : sources.map((f) => options.hashOf!(f) ?? '');
  const hits =
    options.cache?.getMany(IMPORT_CACHE_KIND[language], hashes) ?? new Map<string, readonly string[]>();
  for (const file of sources) {
    const hash = options.hashOf?.(file);
    const cached = hash === undefined ? undefined : hits.get(hash);
    if (cached !== undefined) raw.set(file, cached);
    else toParse.push(file);
  }
  const texts = read(toParse);
  const fresh: { hash: string; imports: readonly string[] }[] = [];
  const remember = (file: string, imports: string[]) => {
    raw.set(file, imports);
    const hash = options.hashOf?.(file);
    if (hash !== undefined) fresh.push({ hash, imports });
  };
  if (language === 'python') {
    // Every import form (`import`, `from … import`, `__import__`, `import_module`) spells "import": a file
    // without the word has none and is not parsed (empty `__init__.py` files, data modules). The others go through
    // the scanner; tree-sitter parses what it leaves (or every file, with `fullParse`).
    const withImports: [string, string][] = [];
    for (const [file, text] of texts) {
      if (!text.includes('import')) {
        remember(file, []);
        continue;
      }
      const scanned = options.fullParse ? undefined : scanPythonImports(text);
      if (scanned === undefined) withImports.push([file, text]);
      else remember(file, scanned.map(encodePy));
    }
    if (withImports.length > 0) {
      const parser = await loadPythonParser();
      try {
        for (const [file, text] of withImports) remember(file, pythonImports(parser, text).map(encodePy));
      } finally {
        parser.delete();
      }
    }
  } else {
    for (const [file, text] of texts) remember(file, scriptImports(text));
  }
  if (fresh.length > 0) options.cache?.set(IMPORT_CACHE_KIND[language], fresh);

  // Edges in the order of `sources`, whichever way each file's imports were found (cache, scanner, parser): the
  // importer lists, and so the chain reported among equally short ones, do not depend on the cache's state.
  const deps = new Map<string, string[]>();
  if (language === 'python') {
    const index = new PythonModuleIndex(paths);
    const conftests = new Set(paths.filter((p) => posix.basename(p) === 'conftest.py'));
    for (const file of sources) {
      const imports = raw.get(file);
      if (imports === undefined) continue;
      const out = new Set<string>();
      for (const imp of imports) for (const f of index.resolve(file, decodePy(imp))) out.add(f);
      for (let dir = posix.dirname(file); ; dir = posix.dirname(dir)) {
        const c = dir === '.' ? 'conftest.py' : `${dir}/conftest.py`;
        if (c !== file && conftests.has(c)) out.add(c);
        if (dir === '.') break;
      }
      deps.set(file, [...out]);
    }
  } else {
    // A specifier resolves the same from every file of a directory (tests import the same helpers).
    const resolved = new Map<string, string | undefined>();
    for (const file of sources) {
      const specs = raw.get(file);
      if (specs === undefined) continue;
      const dir = posix.dirname(file);
      const out = new Set<string>();
      for (const spec of specs) {
        const key = `${dir}\0${spec}`;
        let target = resolved.get(key);
        if (target === undefined && !resolved.has(key)) {
          target = resolveScriptImport(fileSet, file, spec);
          resolved.set(key, target);
        }
        if (target !== undefined && target !== file) out.add(target);
      }
      deps.set(file, [...out]);
    }
  }
  let all: ReadonlyMap<string, string> | undefined;
  return {
    language,
    deps,
    importers: invert(deps),
    sources,
    read: (wanted) => {
      all ??= read(sources);
      return new Map(wanted.filter((p) => all!.has(p)).map((p) => [p, all!.get(p)!]));
    },
  };
}

/** How a test reaches a changed file: the chain test → … → changed file. */
export type Chain = readonly string[];

/**
 * The tests that load any of `changed`, directly or through other files, each with one shortest chain (breadth
 * first over the importers).
 */
export function testsReaching(
  graph: DependencyGraph,
  changed: readonly string[],
  isTest: (path: string) => boolean,
): Map<string, Chain> {
  const found = new Map<string, Chain>();
  const parent = new Map<string, string | null>();
  const queue: string[] = [];
  for (const c of changed) {
    if (!parent.has(c)) {
      parent.set(c, null);
      queue.push(c);
    }
  }
  for (let i = 0; i < queue.length; i++) {
    const file = queue[i]!;
    if (isTest(file) && !found.has(file)) {
      const chain: string[] = [];
      for (let f: string | null | undefined = file; f != null; f = parent.get(f)) chain.push(f);
      found.set(file, chain);
    }
    for (const up of graph.importers.get(file) ?? []) {
      if (!parent.has(up)) {
        parent.set(up, file);
        queue.push(up);
      }
    }
  }
  return found;
}

/**
 * Source files whose string literals name the repository file `path`: its base name followed by a closing quote,
 * with whatever path stands before the name in the same literal (`'data/table.csv'`, `"../README.md"`,
 * `` `${root}/README.md` ``) being a tail of `path` (leading `./`, `../` and `/` ignored). A name built from parts
 * (`join(dir, 'table.csv')`) matches every file of that name; a comment ("see README.md."), a longer name
 * (`xtable.csv`) or another directory's file (`'data/carbon/README.md'` for the root README.md) does not.
 */
export function filesNaming(graph: DependencyGraph, path: string): string[] {
  const name = posix.basename(path);
  if (name.length < 3) return [];
  const out: string[] = [];
  for (const [file, text] of graph.read(graph.sources)) {
    for (let i = text.indexOf(name); i !== -1; i = text.indexOf(name, i + 1)) {
      if (namesPath(text, i, name, path)) {
        out.push(file);
        break;
      }
    }
  }
  return out;
}

const PATH_CHAR = /[\w.@/-]/;
const isQuote = (c: string | undefined) => c === "'" || c === '"' || c === '`';

function namesPath(text: string, at: number, name: string, path: string, folder = false): boolean {
  let end = at + name.length;
  // A folder may be named with a trailing slash ('fixtures/peers/').
  if (folder && text[end] === '/') end++;
  if (!isQuote(text[end])) return false;
  let start = at;
  while (start > 0 && PATH_CHAR.test(text[start - 1]!)) start--;
  const mention = text.slice(start, at + name.length).replace(/^(?:\.{1,2}\/|\/)+/, '');
  return mention === path || path.endsWith(`/${mention}`);
}

/**
 * For a data file that no string names (`filesNaming` finds nothing), the nearest folder above it that source
 * strings name, as `filesNaming` matches a file (`'fixtures/peers/google-benchmark'`, `join(dir, 'fixtures')`,
 * `'../../fixtures/perf'`), with the files naming it: code that lists a folder reads every file in it. None when
 * no folder up to (not including) the repository root is named.
 */
export function filesNamingFolder(
  graph: DependencyGraph,
  path: string,
): { folder: string; files: string[] } | undefined {
  const texts = graph.read(graph.sources);
  for (let dir = posix.dirname(path); dir !== '.' && dir !== '/'; dir = posix.dirname(dir)) {
    const name = posix.basename(dir);
    if (name.length < 3) continue;
    const files: string[] = [];
    for (const [file, text] of texts) {
      for (let i = text.indexOf(name); i !== -1; i = text.indexOf(name, i + 1)) {
        if (namesPath(text, i, name, dir, true)) {
          files.push(file);
          break;
        }
      }
    }
    if (files.length > 0) return { folder: dir, files };
  }
  return undefined;
}

/** Source files whose text names `name` anywhere (a deleted module's stem). */
export function filesMentioning(graph: DependencyGraph, name: string): string[] {
  if (name.length < 3) return [];
  const out: string[] = [];
  for (const [file, text] of graph.read(graph.sources)) if (text.includes(name)) out.push(file);
  return out;
}
