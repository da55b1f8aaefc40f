/**
 * What a change does to a CI run, as numbers a model can weigh: which test files of the base run it reaches
 * through the import graph (src/analysis/select's, the same one `ai-ci select` uses) and how long they took
 * there, how many lines of tests and of the code they load it adds or removes, which test files it adds or
 * deletes. Each feature comes with the facts behind it, which `carbon predict` prints as its reasons.
 */
import { spawnSync } from 'node:child_process';
import { dirname } from 'node:path';
import {
  buildGraph,
  changedFiles,
  type DependencyGraph,
  GitError,
  isTestFile,
  listFiles,
  readBlobs,
  testsReaching,
} from '../../select/index.js';
import type { RecordedRun } from './history.js';

/** The model's inputs, in this order (stored in the ONNX file's metadata; a model of other features is refused). */
export const FEATURE_NAMES = [
  'touched_time_share',
  'touched_files_share',
  'log1p_test_lines_added',
  'log1p_test_lines_deleted',
  'log1p_source_lines_changed',
  'new_test_files',
  'log1p_new_test_lines',
  'deleted_time_share',
] as const;

export interface TouchedTest {
  file: string;
  /** Its seconds in the base run. */
  seconds: number;
  /** How the change reaches it: changed file → … → the test (select's shortest import chain, reversed). */
  via: readonly string[];
}

export interface ChangeFacts {
  base: string;
  head: string;
  changedFiles: number;
  /** Test files of the base run and their total seconds. */
  suiteFiles: number;
  suiteSeconds: number;
  touched: TouchedTest[];
  testLinesAdded: number;
  testLinesDeleted: number;
  sourceLinesChanged: number;
  newTests: { file: string; lines: number }[];
  deletedTests: { file: string; seconds: number }[];
}

export interface ChangeFeatures {
  values: Float32Array;
  facts: ChangeFacts;
}

/** Imports per blob hash, kept across calls: calibrate builds the graph of many commits that share most files. */
export class GraphCache {
  private readonly entries = new Map<string, readonly string[]>();
  getMany(language: string, hashes: readonly string[]): Map<string, readonly string[]> {
    const out = new Map<string, readonly string[]>();
    for (const h of hashes) {
      const v = this.entries.get(`${language}:${h}`);
      if (v !== undefined) out.set(h, v);
    }
    return out;
  }
  set(language: string, entries: readonly { hash: string; imports: readonly string[] }[]): void {
    for (const e of entries) this.entries.set(`${language}:${e.hash}`, e.imports);
  }
}

function numstat(repo: string, base: string, head: string): Map<string, { added: number; deleted: number }> {
  const r = spawnSync('git', ['-C', repo, 'diff', '--numstat', '--no-renames', '-z', base, head], {
    encoding: 'utf8',
    maxBuffer: 1 << 28,
  });
  if (r.status !== 0) throw new GitError(`git diff ${base} ${head}: ${r.stderr.trim()}`);
  const out = new Map<string, { added: number; deleted: number }>();
  for (const rec of r.stdout.split('\0')) {
    const [a, d, path] = rec.split('\t');
    if (path === undefined) continue;
    // Binary files show '-': they count as no lines.
    out.set(path, { added: Number(a) || 0, deleted: Number(d) || 0 });
  }
  return out;
}

/** The features of the change base → head, against the base run's test durations. */
export async function changeFeatures(
  repo: string,
  base: RecordedRun,
  head: string,
  cache = new GraphCache(),
): Promise<ChangeFeatures> {
  const suite = base.testSeconds;
  const suiteFiles = [...suite.keys()];
  const language = suiteFiles.some((f) => f.endsWith('.py')) ? 'python' : 'typescript';
  const framework = language === 'python' ? 'pytest' : 'vitest';
  const isTest = (p: string) => isTestFile(framework, p);
  const suiteDirs = new Set(suiteFiles.map((f) => dirname(f)));
  const inSuite = (p: string) => suite.has(p) || (isTest(p) && suiteDirs.has(dirname(p)));
  const changes = changedFiles(repo, base.commit, head);
  const lines = numstat(repo, base.commit, head);
  const files = listFiles(repo, head);
  const hashOf = new Map(files.map((f) => [f.path, f.hash]));
  const graph: DependencyGraph = await buildGraph(
    language,
    files.map((f) => f.path),
    (paths) => {
      const blobs = readBlobs(repo, paths.map((p) => hashOf.get(p)!).filter(Boolean));
      return new Map(
        paths.flatMap((p) => (blobs.has(hashOf.get(p)!) ? [[p, blobs.get(hashOf.get(p)!)!]] : [])),
      );
    },
    { hashOf: (p) => hashOf.get(p), cache },
  );
  const present = changes.filter((c) => c.status !== 'deleted').map((c) => c.path);
  const reached = testsReaching(graph, present, isTest);
  const touched: TouchedTest[] = [];
  for (const [file, via] of reached)
    if (suite.has(file)) touched.push({ file, seconds: suite.get(file)!, via: [...via].reverse() });
  touched.sort((a, b) => b.seconds - a.seconds || a.file.localeCompare(b.file));

  let testLinesAdded = 0;
  let testLinesDeleted = 0;
  let sourceLinesChanged = 0;
  const newTests: { file: string; lines: number }[] = [];
  const deletedTests: { file: string; seconds: number }[] = [];
  const reachesSuite = new Set<string>();
  for (const t of touched) for (const f of t.via) reachesSuite.add(f);
  for (const c of changes) {
    const n = lines.get(c.path) ?? { added: 0, deleted: 0 };
    if (c.status === 'added' && inSuite(c.path)) newTests.push({ file: c.path, lines: n.added });
    else if (c.status === 'deleted' && suite.has(c.path))
      deletedTests.push({ file: c.path, seconds: suite.get(c.path)! });
    else if (suite.has(c.path)) {
      testLinesAdded += n.added;
      testLinesDeleted += n.deleted;
    } else if (reachesSuite.has(c.path)) sourceLinesChanged += n.added + n.deleted;
  }
  const suiteSeconds = suiteFiles.reduce((s, f) => s + suite.get(f)!, 0);
  const share = (s: number) => (suiteSeconds > 0 ? s / suiteSeconds : 0);
  const facts: ChangeFacts = {
    base: base.commit,
    head,
    changedFiles: changes.length,
    suiteFiles: suiteFiles.length,
    suiteSeconds,
    touched,
    testLinesAdded,
    testLinesDeleted,
    sourceLinesChanged,
    newTests,
    deletedTests,
  };
  const values = Float32Array.from([
    share(touched.reduce((s, t) => s + t.seconds, 0)),
    suiteFiles.length > 0 ? touched.length / suiteFiles.length : 0,
    Math.log1p(testLinesAdded),
    Math.log1p(testLinesDeleted),
    Math.log1p(sourceLinesChanged),
    newTests.length,
    Math.log1p(newTests.reduce((s, t) => s + t.lines, 0)),
    share(deletedTests.reduce((s, t) => s + t.seconds, 0)),
  ]);
  return { values, facts };
}
