import { readdirSync, readFileSync } from 'node:fs';
import { join, posix, relative, sep } from 'node:path';
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

/** Commands a test may start without the hook and still be fully covered: they run no JS/TS of the repository. */
const NO_SCRIPT_COMMANDS = /^(?:git|python[\d.]*|pytest)$/;

/** One process's V8 coverage (NODE_V8_COVERAGE's JSON), with what ai-ci's hook adds (its meta-<pid>.json). */
export interface V8Doc {
  pid?: number;
  ancestors?: number[];
  children?: { command?: string; pid?: number | null; hooked?: boolean }[];
  result?: (V8Script & { functions?: { functionName?: string }[] })[];
}

/**
 * Reads V8 function coverage of test processes (one JSON document per process: ai-ci's hook,
 * `src/analysis/select/v8-hook.mjs`, or `NODE_V8_COVERAGE`) into function coverage per test file. A process that
 * loaded test files of the repository gives its functions to them (vitest runs each test file in its own worker
 * by default; a process that ran several gives them all its functions, which only widens the selection); a
 * process without test files gives its functions to the test process above it (a CLI a test started), known from
 * the hook's list of ancestors. A test that started a child process that wrote no coverage (its environment
 * dropped the hook, or it was killed before writing) is left out: its coverage is not complete, and no coverage
 * means the import graph decides. Only repository files count (not `node_modules/`, not files outside `repoRoot`).
 */
export function parseV8Functions(
  file: string,
  docs: readonly (string | V8Doc)[],
  repoRoot: string,
  isTest: (path: string) => boolean,
  into: FunctionCoverage = new Map(),
): FunctionCoverage {
  const procs: { doc: V8Doc; scripts: Map<string, SourceFunctions>; tests: string[] }[] = [];
  for (const text of docs) {
    let doc: V8Doc;
    try {
      doc = typeof text === 'string' ? JSON.parse(text) : text;
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
    procs.push({ doc, scripts, tests: [...scripts.keys()].filter(isTest) });
  }
  const byPid = new Map(procs.filter((p) => p.doc.pid !== undefined).map((p) => [p.doc.pid!, p]));
  const testProcs = new Map(
    procs.filter((p) => p.tests.length > 0 && p.doc.pid !== undefined).map((p) => [p.doc.pid!, p]),
  );
  const ownerOf = (p: (typeof procs)[number]) =>
    p.tests.length > 0
      ? p
      : (p.doc.ancestors ?? []).map((a) => testProcs.get(a)).find((q) => q !== undefined);
  const owned = new Map<(typeof procs)[number], (typeof procs)[number][]>();
  for (const p of procs) {
    const owner = ownerOf(p);
    if (owner === undefined) continue;
    const list = owned.get(owner) ?? [];
    list.push(p);
    owned.set(owner, list);
  }
  const incomplete = new Set<string>();
  for (const [owner, members] of owned) {
    const complete = members.every((m) =>
      (m.doc.children ?? []).every(
        (c) =>
          NO_SCRIPT_COMMANDS.test(c.command ?? '') ||
          (c.hooked === true && (c.pid == null || byPid.has(c.pid))),
      ),
    );
    if (!complete) {
      for (const t of owner.tests) incomplete.add(t);
      continue;
    }
    for (const test of owner.tests) {
      let map = into.get(test);
      if (map === undefined) {
        map = new Map();
        into.set(test, map);
      }
      for (const m of members)
        for (const [source, fns] of m.scripts) {
          const prev = map.get(source);
          if (prev === undefined) map.set(source, { ran: new Set(fns.ran), idle: new Set(fns.idle) });
          else {
            for (const n of fns.ran) prev.ran.add(n);
            for (const n of fns.idle) prev.idle.add(n);
          }
        }
    }
  }
  for (const t of incomplete) into.delete(t);
  for (const map of into.values())
    for (const fns of map.values()) for (const n of fns.ran) fns.idle.delete(n);
  return into;
}

/**
 * The processes' coverage in a NODE_V8_COVERAGE folder (`coverage-<pid>-<time>-<thread>.json`), each joined with
 * the hook's `meta-<pid>.json`. A file cut short (its process killed while Node.js wrote it) is left out: its
 * process then counts as not recorded.
 */
export function readV8CoverageDir(dir: string): V8Doc[] {
  const names = readdirSync(dir);
  const metas = new Map<number, V8Doc>();
  for (const n of names) {
    const m = /^meta-(\d+)\.json$/.exec(n);
    if (m === null) continue;
    try {
      metas.set(Number(m[1]), JSON.parse(readFileSync(join(dir, n), 'utf8')));
    } catch {
      // Unreadable: the process's children are unknown, and so is its coverage's completeness.
    }
  }
  const out: V8Doc[] = [];
  for (const n of names) {
    const m = /^coverage-(\d+)-/.exec(n);
    if (m === null || !n.endsWith('.json')) continue;
    let doc: V8Doc;
    try {
      doc = JSON.parse(readFileSync(join(dir, n), 'utf8'));
    } catch {
      continue;
    }
    if (!Array.isArray(doc.result)) continue;
    const pid = Number(m[1]);
    const meta = metas.get(pid);
    out.push({
      pid,
      ...(meta?.ancestors !== undefined ? { ancestors: meta.ancestors } : {}),
      // Without the hook's note, the children are unknown: one unknown child makes the coverage incomplete.
      children: meta?.children ?? [{ command: '?', pid: null, hooked: false }],
      result: doc.result.filter((s) => s.url?.startsWith('file:') && !s.url.includes('/node_modules/')),
    });
  }
  return out;
}
