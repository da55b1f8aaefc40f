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
