import { DatabaseSync, type StatementSync } from 'node:sqlite';
import type { CoverageMap, FunctionCoverage, SourceFunctions } from './coverage.js';
import type { ImportCache } from './graph.js';
import type { TestCaseResult } from './junit.js';
import type { TestStats } from './types.js';

const SCHEMA_VERSION = 1;

// Module specifiers hold no newline: one per line is the cheapest encoding to read back.
const decodeImports = (text: string): string[] => (text === '' ? [] : text.split('\n'));

const SCHEMA = `
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS runs (
  id INTEGER PRIMARY KEY,
  commit_sha TEXT NOT NULL,
  branch TEXT NOT NULL DEFAULT '',
  time TEXT NOT NULL,
  full INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS changed_files (run_id INTEGER NOT NULL REFERENCES runs(id), path TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS results (
  run_id INTEGER NOT NULL REFERENCES runs(id),
  test_file TEXT NOT NULL,
  test_name TEXT NOT NULL,
  outcome TEXT NOT NULL,
  duration REAL NOT NULL
);
CREATE INDEX IF NOT EXISTS results_by_file ON results (test_file);
CREATE TABLE IF NOT EXISTS coverage (
  test_file TEXT NOT NULL,
  test_hash TEXT NOT NULL,
  source_file TEXT NOT NULL,
  commit_sha TEXT NOT NULL,
  PRIMARY KEY (test_file, test_hash, source_file)
);
CREATE TABLE IF NOT EXISTS functions (
  test_file TEXT NOT NULL,
  test_hash TEXT NOT NULL,
  source_file TEXT NOT NULL,
  source_hash TEXT NOT NULL,
  ran TEXT NOT NULL,
  idle TEXT NOT NULL,
  commit_sha TEXT NOT NULL,
  PRIMARY KEY (test_file, source_file)
);
CREATE TABLE IF NOT EXISTS imports (
  language TEXT NOT NULL,
  hash TEXT NOT NULL,
  imports TEXT NOT NULL,
  PRIMARY KEY (language, hash)
);
`;

/** A source file's functions as a test's recorded run found them, with the file's content hash then. */
export interface RecordedFunctions extends SourceFunctions {
  hash: string;
}

/** The run a set of results came from. */
export interface RunInfo {
  commit: string;
  branch?: string;
  /** ISO time; the store's own clock is never read. */
  time: string;
  /** Every test ran (a full or shadow run): only those teach which tests a change can break. */
  full: boolean;
  /** Files changed by the commit (against its base). */
  changed: readonly string[];
}

/**
 * The selection history: an SQLite file (node:sqlite, as the perf history) with test outcomes per run, the files
 * each run's change touched, and per-test coverage keyed by the test file's content hash (git blob id), so a
 * test whose file changed since its coverage was recorded is known to have stale coverage.
 */
export class SelectionStore implements ImportCache {
  private readonly importStmt: StatementSync;

  private constructor(private readonly db: DatabaseSync) {
    this.importStmt = db.prepare('SELECT imports FROM imports WHERE language = ? AND hash = ?');
  }

  /** Cached raw imports of a file content (the import graph's cache: unchanged files are not parsed again). */
  get(kind: string, hash: string): readonly string[] | undefined {
    const row = this.importStmt.get(kind, hash) as { imports: string } | undefined;
    return row === undefined ? undefined : decodeImports(row.imports);
  }

  getMany(kind: string, hashes: readonly string[]): Map<string, readonly string[]> {
    const wanted = new Set(hashes);
    const out = new Map<string, readonly string[]>();
    const rows = this.db.prepare('SELECT hash, imports FROM imports WHERE language = ?').all(kind) as {
      hash: string;
      imports: string;
    }[];
    for (const r of rows) if (wanted.has(r.hash)) out.set(r.hash, decodeImports(r.imports));
    return out;
  }

  set(kind: string, entries: readonly { hash: string; imports: readonly string[] }[]): void {
    const ins = this.db.prepare('INSERT OR REPLACE INTO imports VALUES (?, ?, ?)');
    this.db.exec('BEGIN');
    for (const e of entries) ins.run(kind, e.hash, e.imports.join('\n'));
    this.db.exec('COMMIT');
  }

  static open(path: string): SelectionStore {
    const db = new DatabaseSync(path);
    db.exec(SCHEMA);
    const row = db.prepare("SELECT value FROM meta WHERE key = 'schema_version'").get() as
      | { value: string }
      | undefined;
    if (row === undefined)
      db.prepare("INSERT INTO meta VALUES ('schema_version', ?)").run(String(SCHEMA_VERSION));
    else if (Number(row.value) > SCHEMA_VERSION) {
      db.close();
      throw new Error(
        `${path}: schema version ${row.value} is newer than this ai-ci understands (${SCHEMA_VERSION})`,
      );
    }
    return new SelectionStore(db);
  }

  close(): void {
    this.db.close();
  }

  /** Stores one run's results; returns the run id. Results without a test file are skipped. */
  recordRun(run: RunInfo, results: readonly TestCaseResult[]): number {
    this.db.exec('BEGIN');
    try {
      const { lastInsertRowid } = this.db
        .prepare('INSERT INTO runs (commit_sha, branch, time, full) VALUES (?, ?, ?, ?)')
        .run(run.commit, run.branch ?? '', run.time, run.full ? 1 : 0);
      const id = Number(lastInsertRowid);
      const ch = this.db.prepare('INSERT INTO changed_files VALUES (?, ?)');
      for (const p of new Set(run.changed)) ch.run(id, p);
      const res = this.db.prepare('INSERT INTO results VALUES (?, ?, ?, ?, ?)');
      for (const r of results) if (r.file !== undefined) res.run(id, r.file, r.name, r.outcome, r.durationS);
      this.db.exec('COMMIT');
      return id;
    } catch (err) {
      this.db.exec('ROLLBACK');
      throw err;
    }
  }

  /** Stores per-test coverage; `hashes` gives each test file's content hash at the recorded commit. */
  recordCoverage(commit: string, coverage: CoverageMap, hashes: ReadonlyMap<string, string>): number {
    const ins = this.db.prepare('INSERT OR REPLACE INTO coverage VALUES (?, ?, ?, ?)');
    let n = 0;
    this.db.exec('BEGIN');
    for (const [test, sources] of coverage) {
      const hash = hashes.get(test) ?? '';
      for (const s of sources) {
        ins.run(test, hash, s, commit);
        n += 1;
      }
    }
    this.db.exec('COMMIT');
    return n;
  }

  /**
   * Coverage for the tests at their current content: a test whose recorded hash differs has changed since, and
   * a changed test runs anyway; its last recorded coverage is still used for the other files it touched.
   */
  coverage(hashes: ReadonlyMap<string, string>): CoverageMap {
    const rows = this.db.prepare('SELECT test_file, test_hash, source_file FROM coverage').all() as {
      test_file: string;
      test_hash: string;
      source_file: string;
    }[];
    const exact = new Map<string, Set<string>>();
    const any = new Map<string, Set<string>>();
    for (const r of rows) {
      const target = r.test_hash === hashes.get(r.test_file) ? exact : any;
      let set = target.get(r.test_file);
      if (set === undefined) {
        set = new Set();
        target.set(r.test_file, set);
      }
      set.add(r.source_file);
    }
    for (const [t, s] of any) if (!exact.has(t)) exact.set(t, s);
    return exact;
  }

  /**
   * Stores function coverage (V8) of a run at `commit`; `hashes` gives every file's content hash there. Each test's
   * earlier record is replaced: only its latest run is kept.
   */
  recordFunctions(commit: string, coverage: FunctionCoverage, hashes: ReadonlyMap<string, string>): number {
    const del = this.db.prepare('DELETE FROM functions WHERE test_file = ?');
    const ins = this.db.prepare('INSERT OR REPLACE INTO functions VALUES (?, ?, ?, ?, ?, ?, ?)');
    let n = 0;
    this.db.exec('BEGIN');
    try {
      for (const [test, sources] of coverage) {
        const testHash = hashes.get(test);
        if (testHash === undefined) continue;
        del.run(test);
        for (const [source, fns] of sources) {
          const hash = hashes.get(source);
          if (hash === undefined) continue;
          ins.run(test, testHash, source, hash, [...fns.ran].join('\n'), [...fns.idle].join('\n'), commit);
          n += 1;
        }
      }
      this.db.exec('COMMIT');
    } catch (err) {
      this.db.exec('ROLLBACK');
      throw err;
    }
    return n;
  }

  /**
   * Function coverage of the tests whose content is `hashes`' (a test that changed since runs anyway): test →
   * source file it loaded → the source's content hash then and its functions that ran and did not.
   */
  functions(hashes: ReadonlyMap<string, string>): Map<string, Map<string, RecordedFunctions>> {
    const rows = this.db
      .prepare('SELECT test_file, test_hash, source_file, source_hash, ran, idle FROM functions')
      .all() as {
      test_file: string;
      test_hash: string;
      source_file: string;
      source_hash: string;
      ran: string;
      idle: string;
    }[];
    const out = new Map<string, Map<string, RecordedFunctions>>();
    const names = (t: string) => new Set(t === '' ? [] : t.split('\n'));
    for (const r of rows) {
      if (hashes.get(r.test_file) !== r.test_hash) continue;
      let m = out.get(r.test_file);
      if (m === undefined) {
        m = new Map();
        out.set(r.test_file, m);
      }
      m.set(r.source_file, { hash: r.source_hash, ran: names(r.ran), idle: names(r.idle) });
    }
    return out;
  }

  /** Test files that failed and passed on the same commit (flaky: their failures never count as caught). */
  flakyTests(): Set<string> {
    const rows = this.db
      .prepare(
        `SELECT r.test_file, r.test_name FROM results r JOIN runs u ON u.id = r.run_id
         WHERE r.outcome IN ('passed', 'failed')
         GROUP BY u.commit_sha, r.test_file, r.test_name
         HAVING SUM(r.outcome = 'failed') > 0 AND SUM(r.outcome = 'passed') > 0`,
      )
      .all() as { test_file: string }[];
    return new Set(rows.map((r) => r.test_file));
  }

  /** Per test file: mean seconds per run, share of runs with a (non-flaky) failure, flakiness. */
  testStats(): Map<string, TestStats> {
    const flaky = this.flakyTests();
    const rows = this.db
      .prepare(
        `SELECT test_file, COUNT(*) AS runs, AVG(total) AS mean, SUM(failed) AS fails FROM (
           SELECT run_id, test_file, SUM(duration) AS total, MAX(outcome = 'failed') AS failed
           FROM results GROUP BY run_id, test_file)
         GROUP BY test_file`,
      )
      .all() as { test_file: string; runs: number; mean: number; fails: number }[];
    return new Map(
      rows.map((r) => [
        r.test_file,
        {
          durationS: r.mean,
          failureRate: flaky.has(r.test_file) ? 0 : r.fails / r.runs,
          ...(flaky.has(r.test_file) ? { flaky: true } : {}),
        },
      ]),
    );
  }

  /** changed file → test file → failures of that (non-flaky) test in runs that changed the file. */
  cofailures(): Map<string, Map<string, number>> {
    const flaky = this.flakyTests();
    const rows = this.db
      .prepare(
        `SELECT c.path, f.test_file, COUNT(*) AS n FROM changed_files c
         JOIN (SELECT DISTINCT run_id, test_file FROM results WHERE outcome = 'failed') f ON f.run_id = c.run_id
         GROUP BY c.path, f.test_file`,
      )
      .all() as { path: string; test_file: string; n: number }[];
    const out = new Map<string, Map<string, number>>();
    for (const r of rows) {
      if (flaky.has(r.test_file)) continue;
      let m = out.get(r.path);
      if (m === undefined) {
        m = new Map();
        out.set(r.path, m);
      }
      m.set(r.test_file, r.n);
    }
    return out;
  }
}
