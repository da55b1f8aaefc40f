import { posix, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SelectInputError } from './errors.js';

/** test file → the source files its tests executed. */
export type CoverageMap = Map<string, Set<string>>;

function addTo(map: CoverageMap, test: string, source: string): void {
  let set = map.get(test);
  if (set === undefined) {
    set = new Set();
    map.set(test, set);
  }
  set.add(source);
}

/**
 * Reads coverage.py's JSON report with per-test contexts (`pytest --cov --cov-context=test` then
 * `coverage json --show-contexts`): each executed line lists contexts like `tests/test_x.py::test_a|run`.
 */
export function parseCoveragePyJson(file: string, text: string): CoverageMap {
  let doc: { files?: Record<string, { contexts?: Record<string, string[]> }> };
  try {
    doc = JSON.parse(text);
  } catch (err) {
    throw new SelectInputError(file, `not valid JSON (${(err as Error).message})`);
  }
  if (typeof doc?.files !== 'object' || doc.files === null) {
    throw new SelectInputError(file, 'has no "files" object: not a coverage.py JSON report');
  }
  const map: CoverageMap = new Map();
  let contexts = 0;
  for (const [source, entry] of Object.entries(doc.files)) {
    for (const labels of Object.values(entry.contexts ?? {})) {
      for (const label of labels) {
        const test = label.split('::')[0]!.split('|')[0]!;
        if (test === '') continue;
        contexts += 1;
        addTo(map, test.replace(/\\/g, '/'), source.replace(/\\/g, '/'));
      }
    }
  }
  if (contexts === 0) {
    throw new SelectInputError(
      file,
      'has no per-test contexts (run pytest with --cov-context=test, then coverage json --show-contexts)',
    );
  }
  return map;
}

interface V8Script {
  url?: string;
  functions?: { ranges?: { count?: number }[] }[];
}

/**
 * Reads V8 coverage (the JSON files NODE_V8_COVERAGE writes) of one test file's run: every repository file whose
 * code ran (a function with a non-zero count; the module body counts, so a loaded module is covered).
 */
export function parseV8Coverage(
  file: string,
  docs: readonly string[],
  repoRoot: string,
  testFile: string,
  map: CoverageMap = new Map(),
): CoverageMap {
  for (const text of docs) {
    let doc: { result?: V8Script[] };
    try {
      doc = JSON.parse(text);
    } catch (err) {
      throw new SelectInputError(file, `not valid JSON (${(err as Error).message})`);
    }
    if (!Array.isArray(doc.result)) throw new SelectInputError(file, 'has no "result" list: not V8 coverage');
    for (const script of doc.result) {
      if (script.url === undefined || !script.url.startsWith('file:')) continue;
      const rel = relative(repoRoot, fileURLToPath(script.url)).split(sep).join(posix.sep);
      if (rel.startsWith('..') || rel.includes('node_modules/')) continue;
      if ((script.functions ?? []).some((f) => (f.ranges?.[0]?.count ?? 0) > 0)) addTo(map, testFile, rel);
    }
  }
  return map;
}

/** The functions of one source file a test's run compiled, by the names V8 gives them. */
export interface SourceFunctions {
  /** Names of functions that ran at least once. */
  ran: Set<string>;
  /** Names of functions that never ran (and that no function of the same name ran). */
  idle: Set<string>;
}

/** test file → source file it loaded → its functions that ran and did not. */
export type FunctionCoverage = Map<string, Map<string, SourceFunctions>>;

/**
 * Reads V8 function coverage of test processes (the JSON that `NODE_V8_COVERAGE` or ai-ci's hook,
 * `src/analysis/select/v8-hook.mjs`, writes: one document per process) into function coverage per test file. Each
 * document is given to the test files of the repository it loaded (vitest runs each test file in its own worker
 * process by default; a process that ran several gives them all its functions, which only widens the selection).
 * Only repository files count (not `node_modules/`, not files outside `repoRoot`).
 */
export function parseV8Functions(
  file: string,
  docs: readonly string[],
  repoRoot: string,
  isTest: (path: string) => boolean,
  into: FunctionCoverage = new Map(),
): FunctionCoverage {
  for (const text of docs) {
    let doc: { result?: (V8Script & { functions?: { functionName?: string }[] })[] };
    try {
      doc = JSON.parse(text);
    } catch (err) {
      throw new SelectInputError(file, `not valid JSON (${(err as Error).message})`);
    }
    if (!Array.isArray(doc.result)) throw new SelectInputError(file, 'has no "result" list: not V8 coverage');
    const scripts = new Map<string, SourceFunctions>();
    for (const script of doc.result) {
      if (script.url === undefined || !script.url.startsWith('file:')) continue;
      const rel = relative(repoRoot, fileURLToPath(script.url)).split(sep).join(posix.sep);
      if (rel.startsWith('..') || rel.includes('node_modules/')) continue;
      const fns = scripts.get(rel) ?? { ran: new Set<string>(), idle: new Set<string>() };
      scripts.set(rel, fns);
      for (const f of script.functions ?? []) {
        const name = f.functionName ?? '';
        if ((f.ranges?.[0]?.count ?? 0) > 0) fns.ran.add(name);
        else fns.idle.add(name);
      }
    }
    const tests = [...scripts.keys()].filter(isTest);
    for (const test of tests) {
      let map = into.get(test);
      if (map === undefined) {
        map = new Map();
        into.set(test, map);
      }
      for (const [source, fns] of scripts) {
        const prev = map.get(source);
        if (prev === undefined) map.set(source, { ran: new Set(fns.ran), idle: new Set(fns.idle) });
        else {
          for (const n of fns.ran) prev.ran.add(n);
          for (const n of fns.idle) prev.idle.add(n);
        }
      }
    }
  }
  for (const map of into.values())
    for (const fns of map.values()) for (const n of fns.ran) fns.idle.delete(n);
  return into;
}
