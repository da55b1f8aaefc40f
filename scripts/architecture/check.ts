/**
 * Checks the import rule of scripts/architecture/rules.ts over a source tree: every relative import of every `*.ts`
 * under `src/` (static, `export … from`, `import type` and dynamic `import()`, as TypeScript's own pre-processor
 * finds them), the room cycles, the analyses' folder list, that test folders mirror src/ folders, and that a long
 * file says why it is one.
 * Pure over a root folder, so the test runs it on the real tree and on small temporary trees that break the rule.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { ANALYSES, roomOf, ruleFor } from './rules.js';

export interface Violation {
  /** Path relative to the root, `src/carbon/x.ts`, or the folder the finding is about. */
  readonly file: string;
  /** The import as written, when the finding is about one. */
  readonly import?: string;
  readonly reason: string;
}

export interface Edge {
  readonly from: string;
  readonly to: string;
  readonly specifier: string;
}

function walk(dir: string, out: string[] = []): string[] {
  if (!existsSync(dir)) return out;
  for (const name of readdirSync(dir).sort()) {
    const abs = path.join(dir, name);
    if (statSync(abs).isDirectory()) walk(abs, out);
    else out.push(abs);
  }
  return out;
}

const posix = (p: string) => p.split(path.sep).join('/');

/** Every relative import of every src/**\/*.ts under `root`, resolved to a root-relative `.ts` path. */
export function collectEdges(root: string): Edge[] {
  const edges: Edge[] = [];
  for (const abs of walk(path.join(root, 'src')).filter((f) => f.endsWith('.ts'))) {
    const from = posix(path.relative(root, abs));
    const info = ts.preProcessFile(readFileSync(abs, 'utf8'), true, true);
    for (const { fileName: specifier } of info.importedFiles) {
      if (!specifier.startsWith('.')) continue; // packages and node: builtins are outside the rule
      const target = path.resolve(path.dirname(abs), specifier).replace(/\.js$/, '.ts');
      edges.push({ from, to: posix(path.relative(root, target)), specifier });
    }
  }
  return edges;
}

const base = (room: string) => (room.startsWith('analysis/') ? 'analysis' : room);

/** The rule violations of the edges: each a `file → import` with why. */
export function checkEdges(edges: readonly Edge[]): Violation[] {
  const out: Violation[] = [];
  for (const e of edges) {
    const fromRoom = e.from.startsWith('src/') ? roomOf(e.from.slice(4)) : undefined;
    if (fromRoom === undefined) continue; // checkFolders reports the file or folder that is in no room
    const toRoom = e.to.startsWith('src/') ? roomOf(e.to.slice(4)) : undefined;
    const v = (reason: string) => out.push({ file: e.from, import: e.specifier, reason });
    if (toRoom === undefined) {
      v(`imports ${e.to}, which is in no room of src/`);
      continue;
    }
    if (toRoom === fromRoom) continue;
    if (toRoom === 'controller' || toRoom === 'runner-image') {
      v(`nothing may import ${toRoom}/`);
      continue;
    }
    const rule = ruleFor(fromRoom);
    if (!rule?.mayImport.includes(base(toRoom))) {
      v(
        `${fromRoom}/ may import only ${rule?.mayImport.map((m) => `${m}/`).join(' ') || 'nothing'}, not ${toRoom}/`,
      );
      continue;
    }
    if (
      fromRoom.startsWith('analysis/') &&
      toRoom.startsWith('analysis/') &&
      e.to !== `src/${toRoom}/index.ts`
    ) {
      v(`one analysis imports another only through its index.ts (src/${toRoom}/index.ts)`);
    }
  }
  return out;
}

/** The cycles between rooms (strongly connected components of the room graph with more than one room). */
export function roomCycles(edges: readonly Edge[]): string[][] {
  const graph = new Map<string, Set<string>>();
  for (const e of edges) {
    const a = e.from.startsWith('src/') ? roomOf(e.from.slice(4)) : undefined;
    const b = e.to.startsWith('src/') ? roomOf(e.to.slice(4)) : undefined;
    if (!a || !b || a === b) continue;
    if (!graph.has(a)) graph.set(a, new Set());
    if (!graph.has(b)) graph.set(b, new Set());
    graph.get(a)!.add(b);
  }
  // Tarjan's algorithm; the room graph has a dozen nodes, so recursion depth is no concern.
  let index = 0;
  const idx = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const out: string[][] = [];
  const visit = (v: string) => {
    idx.set(v, index);
    low.set(v, index++);
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!idx.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, idx.get(w)!));
    }
    if (low.get(v) === idx.get(v)) {
      const scc: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        scc.push(w);
      } while (w !== v);
      if (scc.length > 1) out.push(scc.sort());
    }
  };
  for (const v of [...graph.keys()].sort()) if (!idx.has(v)) visit(v);
  return out;
}

/** Folders of src/ that are no room, analyses without a line in ANALYSES, and lines without a folder. */
export function checkFolders(
  root: string,
  analyses: Readonly<Record<string, string>> = ANALYSES,
): Violation[] {
  const out: Violation[] = [];
  const src = path.join(root, 'src');
  for (const name of existsSync(src) ? readdirSync(src).sort() : []) {
    const isDir = statSync(path.join(src, name)).isDirectory();
    if (!isDir) out.push({ file: `src/${name}`, reason: 'is in no room of src/' });
    else if (name !== 'analysis' && roomOf(`${name}/x.ts`) === undefined) {
      out.push({ file: `src/${name}/`, reason: 'is no room of scripts/architecture/rules.ts (ROOMS)' });
    }
  }
  const dir = path.join(src, 'analysis');
  const folders = existsSync(dir)
    ? readdirSync(dir).filter((n) => statSync(path.join(dir, n)).isDirectory())
    : [];
  for (const name of folders) {
    if (!(name in analyses)) {
      out.push({
        file: `src/analysis/${name}/`,
        reason:
          'has no line in ANALYSES of scripts/architecture/rules.ts (the README folder table comes from it)',
      });
    }
  }
  for (const name of Object.keys(analyses)) {
    if (!folders.includes(name)) {
      out.push({ file: `src/analysis/${name}/`, reason: 'is listed in ANALYSES but does not exist' });
    }
  }
  return out;
}

/** Folders outside these hold shared test code, not mirrors of src/. */
const TEST_SHARED = new Set(['e2e', 'delivery', 'fakes', 'fixtures', 'support']);

/** Test folders that mirror no src/ folder (a `support/` or `fixtures/` folder inside a mirror is allowed). */
export function checkTestMirror(root: string): Violation[] {
  const out: Violation[] = [];
  const test = path.join(root, 'test');
  const dirs = new Set(
    walk(test)
      .map((f) => posix(path.relative(test, path.dirname(f))))
      .filter((d) => d !== ''),
  );
  for (const d of [...dirs].sort()) {
    const parts = d.split('/');
    if (TEST_SHARED.has(parts[0]!)) continue;
    const i = parts.findIndex((p) => p === 'support' || p === 'fixtures');
    const mirrored = i < 0 ? d : parts.slice(0, i).join('/');
    if (!existsSync(path.join(root, 'src', mirrored))) {
      out.push({ file: `test/${d}/`, reason: `mirrors no folder of src/ (no src/${mirrored}/)` });
    }
  }
  return out;
}

/** Lines above which a src/ file must say at its top why it is one file (a line starting `Size:` in its first comment). */
export const SIZE_LIMIT_LINES = 400;

/** Files over SIZE_LIMIT_LINES whose leading comment gives no `Size:` reason. */
export function checkFileSizes(root: string, limit = SIZE_LIMIT_LINES): Violation[] {
  const out: Violation[] = [];
  for (const abs of walk(path.join(root, 'src'))) {
    if (!abs.endsWith('.ts')) continue;
    const text = readFileSync(abs, 'utf8');
    const lines = text.split('\n').length - (text.endsWith('\n') ? 1 : 0);
    if (lines <= limit) continue;
    const head = /^\s*\/\*\*?([\s\S]*?)\*\//.exec(text)?.[1] ?? '';
    if (!/^\s*\*?\s*Size:/m.test(head)) {
      out.push({
        file: posix(path.relative(root, abs)),
        reason: `${lines} lines (over ${limit}) and no "Size:" reason in its leading comment: split it, or say why it is one file`,
      });
    }
  }
  return out;
}

/** Every finding under `root`, imports first. */
export function checkArchitecture(
  root: string,
  analyses: Readonly<Record<string, string>> = ANALYSES,
): Violation[] {
  const edges = collectEdges(root);
  return [
    ...checkEdges(edges),
    ...roomCycles(edges).map((c) => ({
      file: c.map((r) => `src/${r}/`).join(' '),
      reason: `import each other around a cycle (${c.join(', ')})`,
    })),
    ...checkFolders(root, analyses),
    ...checkTestMirror(root),
    ...checkFileSizes(root),
  ];
}

export function formatViolation(v: Violation): string {
  return v.import === undefined ? `${v.file}: ${v.reason}` : `${v.file} → ${v.import}: ${v.reason}`;
}
