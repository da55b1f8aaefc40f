import { posix } from 'node:path';
import { isTestFile, languageOf } from './frameworks.js';
import { changedFiles, commitCount, diffHunksText, listFiles, readBlobs, resolveCommit } from './git.js';
import { buildGraph, type DependencyGraph, type ImportCache, isSourceFile } from './graph.js';
import { type ManifestChange, packageJsonChange, packageLockChange } from './manifest.js';
import { changeRegions, parseHunks, type Region } from './regions.js';
import { DEFAULT_RULES, type DependencyRule, RuleSet } from './rules.js';
import { fullRunReason, type Selection, selectTests } from './select.js';
import type { SelectionStore } from './store.js';
import type { FileChange, Framework, RepoFile } from './types.js';

/** Source files larger than this are generated or vendored: they are not parsed for imports. */
const MAX_SOURCE_BYTES = 1 << 20;
const IGNORED_DIRS = /(?:^|\/)(?:node_modules|\.git|\.venv|venv|__pycache__|\.tox|\.mypy_cache)\//;

export interface PlanOptions {
  repo: string;
  baseRef: string;
  headRef: string;
  framework: Framework;
  /** History (durations, flakiness, co-failures, coverage); without it the import graph and rules decide. */
  store?: SelectionStore;
  /** Declared rules, checked before the defaults. */
  rules?: readonly DependencyRule[];
  sampleRate?: number;
  branch?: string;
  fullBranches?: readonly string[];
  fullEvery?: number;
}

export interface Plan {
  base: string;
  head: string;
  tests: string[];
  files: RepoFile[];
  graph: DependencyGraph;
  selection: Selection;
}

/** Reads the head commit's files and builds its import graph (git objects only: no checkout is needed). */
export async function loadHead(
  repo: string,
  head: string,
  framework: Framework,
  cache?: ImportCache,
): Promise<{ files: RepoFile[]; tests: string[]; graph: DependencyGraph }> {
  const files = listFiles(repo, head).filter((f) => !IGNORED_DIRS.test(f.path));
  const language = languageOf(framework);
  const hashOf = new Map(files.map((f) => [f.path, f.hash]));
  const graph = await buildGraph(
    language,
    files.map((f) => f.path),
    (paths) => {
      const blobs = readBlobs(
        repo,
        paths.map((p) => hashOf.get(p)!),
      );
      const out = new Map<string, string>();
      for (const p of paths) {
        const text = blobs.get(hashOf.get(p)!);
        if (text !== undefined && text.length <= MAX_SOURCE_BYTES) out.set(p, text);
      }
      return out;
    },
    { hashOf: (p) => hashOf.get(p), ...(cache !== undefined ? { cache } : {}) },
  );
  const tests = files.map((f) => f.path).filter((p) => isTestFile(framework, p));
  return { files, tests, graph };
}

const MANIFESTS: Record<string, (before: string | undefined, after: string | undefined) => ManifestChange> = {
  'package.json': packageJsonChange,
  'package-lock.json': packageLockChange,
  'npm-shrinkwrap.json': packageLockChange,
};

/** The changed `package.json` files and npm lockfiles whose edit is inert (manifest.ts), with what changed. */
function inertManifests(repo: string, changes: readonly FileChange[]): Map<string, string> {
  const manifests = changes.filter(
    (c) => posix.basename(c.path) in MANIFESTS && c.before !== undefined && c.after !== undefined,
  );
  const out = new Map<string, string>();
  if (manifests.length === 0) return out;
  const blobs = readBlobs(
    repo,
    manifests.flatMap((c) => [c.before!, c.after!]),
  );
  for (const c of manifests) {
    const verdict = MANIFESTS[posix.basename(c.path)]!(blobs.get(c.before!), blobs.get(c.after!));
    if (verdict.inert) out.set(c.path, verdict.detail);
  }
  return out;
}

/** Changed JS/TS files at most this many get their hunks placed (regions.ts); a larger change is judged whole. */
const MAX_REGION_FILES = 200;

/** Where each hunk of the modified JS/TS source files falls (regions.ts), from the diff and both sides' texts. */
function scriptRegions(
  repo: string,
  base: string,
  head: string,
  changes: readonly FileChange[],
): Map<string, Region[]> {
  const out = new Map<string, Region[]>();
  const modified = changes.filter(
    (c) =>
      c.status === 'modified' &&
      c.before !== undefined &&
      c.after !== undefined &&
      isSourceFile('typescript', c.path),
  );
  if (modified.length === 0 || modified.length > MAX_REGION_FILES) return out;
  const hunks = parseHunks(
    diffHunksText(
      repo,
      base,
      head,
      modified.map((c) => c.path),
    ),
  );
  const blobs = readBlobs(
    repo,
    modified.flatMap((c) => [c.before!, c.after!]),
  );
  for (const c of modified) {
    const own = hunks.get(c.path);
    const before = blobs.get(c.before!);
    const after = blobs.get(c.after!);
    if (own === undefined || own.length === 0 || before === undefined || after === undefined) continue;
    try {
      out.set(c.path, changeRegions(c.path, before, after, own));
    } catch {
      // Text the parser cannot place: the file counts as changed anywhere.
    }
  }
  return out;
}

/** Computes the selection for a change between two refs of a git repository. */
export async function planSelection(options: PlanOptions): Promise<Plan> {
  const base = resolveCommit(options.repo, options.baseRef);
  const head = resolveCommit(options.repo, options.headRef);
  const { files, tests, graph } = await loadHead(options.repo, head, options.framework, options.store);
  const changes = changedFiles(options.repo, base, head);
  const full = fullRunReason({
    ...(options.branch !== undefined ? { branch: options.branch } : {}),
    ...(options.fullBranches !== undefined ? { fullBranches: options.fullBranches } : {}),
    ...(options.fullEvery !== undefined
      ? { every: options.fullEvery, commitCount: commitCount(options.repo, head) }
      : {}),
  });
  const hashes = new Map(files.map((f) => [f.path, f.hash]));
  const inert = inertManifests(options.repo, changes);
  const script = graph.language === 'typescript';
  const functions = script ? options.store?.functions(hashes) : undefined;
  const regions = script ? scriptRegions(options.repo, base, head, changes) : new Map<string, Region[]>();
  const baseHash = new Map(hashes);
  for (const c of changes) {
    if (c.before === undefined) baseHash.delete(c.path);
    else baseHash.set(c.path, c.before);
  }
  const selection = selectTests({
    tests,
    changes,
    graph,
    rules: new RuleSet([...(options.rules ?? []), ...DEFAULT_RULES]),
    seed: head,
    ...(inert.size > 0 ? { inert } : {}),
    ...(regions.size > 0 ? { regions } : {}),
    ...(functions !== undefined && functions.size > 0
      ? { functions, baseHashOf: (p: string) => baseHash.get(p) }
      : {}),
    ...(full !== undefined ? { fullRun: full } : {}),
    ...(options.sampleRate !== undefined ? { sampleRate: options.sampleRate } : {}),
    ...(options.store !== undefined
      ? {
          coverage: options.store.coverage(hashes),
          cofailures: options.store.cofailures(),
          stats: options.store.testStats(),
        }
      : {}),
  });
  return { base, head, tests, files, graph, selection };
}
