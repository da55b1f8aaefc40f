import { DatabaseSync, type StatementSync } from 'node:sqlite';
import { Type } from '@sinclair/typebox';
import { ResultsFileError } from '../parse/errors.js';
import { checkShape } from '../parse/shape.js';
import type { BenchmarkResult } from '../parse/types.js';
import type { BaselineQuery, HistoryExport, RunMeta, RunRecord } from './types.js';

const SCHEMA_VERSION = 1;

// Absent commit/branch/runner are stored as '' rather than NULL so the UNIQUE key de-duplicates re-imports.
const SCHEMA = `
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS runs (
  id INTEGER PRIMARY KEY,
  benchmark TEXT NOT NULL,
  commit_sha TEXT NOT NULL DEFAULT '',
  branch TEXT NOT NULL DEFAULT '',
  time TEXT NOT NULL,
  machine TEXT NOT NULL,
  runner TEXT NOT NULL DEFAULT '',
  unit TEXT NOT NULL,
  direction TEXT NOT NULL,
  format TEXT NOT NULL,
  samples_kind TEXT NOT NULL,
  samples TEXT NOT NULL,
  mean REAL NOT NULL,
  median REAL NOT NULL,
  stddev REAL NOT NULL,
  n INTEGER NOT NULL,
  source_file TEXT NOT NULL DEFAULT '',
  extra TEXT NOT NULL DEFAULT '{}',
  UNIQUE (benchmark, commit_sha, machine, runner, time)
);
CREATE INDEX IF NOT EXISTS runs_by_benchmark ON runs (benchmark, machine, branch, time);
`;

interface Row {
  benchmark: string;
  commit_sha: string;
  branch: string;
  time: string;
  machine: string;
  runner: string;
  unit: string;
  direction: string;
  format: string;
  samples_kind: string;
  samples: string;
  mean: number;
  median: number;
  stddev: number;
  n: number;
  source_file: string;
  extra: string;
}

/**
 * The benchmark history: an SQLite file (node:sqlite, built into Node 24, so no native addon to download) with
 * one row per benchmark per run.
 */
export class HistoryStore {
  private readonly insertStmt: StatementSync;
  private readonly sameKeyStmt: StatementSync;

  private constructor(
    private readonly db: DatabaseSync,
    readonly path: string,
  ) {
    this.insertStmt = db.prepare(`INSERT OR IGNORE INTO runs
      (benchmark, commit_sha, branch, time, machine, runner, unit, direction, format, samples_kind, samples,
       mean, median, stddev, n, source_file, extra)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
    this.sameKeyStmt = db.prepare(`SELECT unit, samples_kind, samples, mean, median, stddev, n FROM runs
      WHERE benchmark = ? AND commit_sha = ? AND machine = ? AND runner = ? AND time = ?`);
  }

  /** Opens (creating when needed) the history at `path`; ':memory:' gives a throwaway store. */
  static open(path: string): HistoryStore {
    let db: DatabaseSync;
    try {
      db = new DatabaseSync(path);
      db.exec(SCHEMA);
    } catch (err) {
      throw new ResultsFileError(
        path,
        undefined,
        `cannot be opened as a history database (${(err as Error).message})`,
      );
    }
    const version = db.prepare("SELECT value FROM meta WHERE key = 'schema_version'").get() as
      | { value: string }
      | undefined;
    if (version === undefined) {
      db.prepare("INSERT INTO meta (key, value) VALUES ('schema_version', ?)").run(String(SCHEMA_VERSION));
    } else if (Number(version.value) > SCHEMA_VERSION) {
      db.close();
      throw new ResultsFileError(
        path,
        'meta.schema_version',
        `is ${version.value}, newer than this ai-ci understands (${SCHEMA_VERSION})`,
      );
    }
    return new HistoryStore(db, path);
  }

  close(): void {
    this.db.close();
  }

  /**
   * Adds the results of one run; returns how many were new. Recording the same result twice is idempotent; a
   * result that differs from the stored one of the same benchmark, commit, machine, runner and time is refused
   * (HistoryConflictError), never dropped in silence, and nothing of the run is stored.
   */
  record(results: readonly BenchmarkResult[], meta: RunMeta): number {
    const time = normaliseTime(meta.time, meta.sourceFile ?? this.path, 'time');
    return this.insertRuns(
      results.map((r) => ({
        benchmark: r.name,
        commit: meta.commit ?? '',
        branch: meta.branch ?? '',
        time,
        machine: meta.machine,
        runner: meta.runner ?? '',
        unit: r.unit,
        direction: r.direction,
        format: r.format,
        samplesKind: r.samplesKind,
        samples: r.samples,
        summary: r.summary,
        sourceFile: meta.sourceFile ?? '',
        extra: r.extra,
      })),
      meta.sourceFile ?? this.path,
    );
  }

  /**
   * Inserts complete records in one transaction; returns how many were new. Identical records already stored
   * are skipped; any record that differs from a stored one with the same key rolls the whole batch back with
   * a HistoryConflictError naming the first conflicts.
   */
  insertRuns(runs: readonly RunRecord[], source = this.path): number {
    let inserted = 0;
    const conflicts: RunRecord[] = [];
    this.db.exec('BEGIN');
    try {
      for (const r of runs) {
        const res = this.insertStmt.run(
          r.benchmark,
          r.commit,
          r.branch,
          r.time,
          r.machine,
          r.runner,
          r.unit,
          r.direction,
          r.format,
          r.samplesKind,
          JSON.stringify(r.samples),
          r.summary.mean,
          r.summary.median,
          r.summary.stddev,
          r.summary.n,
          r.sourceFile,
          JSON.stringify(r.extra ?? {}),
        );
        if (Number(res.changes) > 0) inserted++;
        else if (!this.sameAsStored(r)) conflicts.push(r);
      }
      if (conflicts.length > 0) throw new HistoryConflictError(source, conflicts);
      this.db.exec('COMMIT');
    } catch (err) {
      this.db.exec('ROLLBACK');
      throw err;
    }
    return inserted;
  }

  /** Whether the stored record with r's key holds the same result (unit, kind, samples and summary). */
  private sameAsStored(r: RunRecord): boolean {
    const row = this.sameKeyStmt.get(r.benchmark, r.commit, r.machine, r.runner, r.time) as
      | Pick<Row, 'unit' | 'samples_kind' | 'samples' | 'mean' | 'median' | 'stddev' | 'n'>
      | undefined;
    if (!row) return false;
    return (
      row.unit === r.unit &&
      row.samples_kind === r.samplesKind &&
      row.samples === JSON.stringify(r.samples) &&
      row.mean === r.summary.mean &&
      row.median === r.summary.median &&
      row.stddev === r.summary.stddev &&
      Number(row.n) === r.summary.n
    );
  }

  /** Names of all benchmarks with at least one run, sorted. */
  benchmarks(): string[] {
    return (
      this.db.prepare('SELECT DISTINCT benchmark FROM runs ORDER BY benchmark').all() as {
        benchmark: string;
      }[]
    ).map((r) => r.benchmark);
  }

  /** Where a benchmark's runs are: runs per machine class and branch, most runs first. */
  describeBenchmark(benchmark: string): { machine: string; branch: string; runs: number }[] {
    return (
      this.db
        .prepare(
          'SELECT machine, branch, COUNT(*) AS runs FROM runs WHERE benchmark = ? GROUP BY machine, branch ORDER BY runs DESC',
        )
        .all(benchmark) as { machine: string; branch: string; runs: number }[]
    ).map((r) => ({ machine: r.machine, branch: r.branch, runs: Number(r.runs) }));
  }

  count(): number {
    return Number((this.db.prepare('SELECT COUNT(*) AS n FROM runs').get() as { n: number }).n);
  }

  /**
   * The runs a new result is compared with, oldest first: the most recent `limit` runs of the benchmark that
   * match the branch and machine class (the base branch, the same kind of machine), before `before`.
   */
  selectBaseline(q: BaselineQuery): RunRecord[] {
    const where = ['benchmark = ?'];
    const args: (string | number)[] = [q.benchmark];
    if (q.branch !== undefined) {
      where.push('branch = ?');
      args.push(q.branch);
    }
    if (q.machine !== undefined) {
      where.push('machine = ?');
      args.push(q.machine);
    }
    if (q.before !== undefined) {
      where.push('time < ?');
      args.push(normaliseTime(q.before, this.path, 'before'));
    }
    if (q.excludeCommit) {
      where.push('commit_sha <> ?');
      args.push(q.excludeCommit);
    }
    const limit = q.limit ?? -1; // SQLite: a negative LIMIT means no limit
    const rows = this.db
      .prepare(`SELECT * FROM runs WHERE ${where.join(' AND ')} ORDER BY time DESC, id DESC LIMIT ?`)
      .all(...args, limit) as unknown as Row[];
    return rows.reverse().map(fromRow);
  }

  /** Every run, oldest first (the export). */
  allRuns(): RunRecord[] {
    return (this.db.prepare('SELECT * FROM runs ORDER BY time, benchmark, id').all() as unknown as Row[]).map(
      fromRow,
    );
  }

  exportJson(now: string): HistoryExport {
    return { kind: 'ai-ci-perf-history', version: 1, exportedAt: now, runs: this.allRuns() };
  }

  /** Imports an export file's document; returns how many runs were new. */
  importJson(doc: unknown, file: string): { inserted: number; total: number } {
    const parsed = checkShape(HistoryExportSchema, doc, file);
    const runs = parsed.runs.map((r, i) => ({
      ...r,
      time: normaliseTime(r.time, file, `runs[${i}].time`),
    })) as RunRecord[];
    return { inserted: this.insertRuns(runs, file), total: runs.length };
  }
}

/**
 * Results that differ from stored ones with the same benchmark, commit, machine, runner and time: one of the two
 * would be lost, so nothing is stored. An input error (CLI exit 3), naming the first conflicts and the way out.
 */
export class HistoryConflictError extends ResultsFileError {
  constructor(
    file: string,
    readonly conflicts: readonly RunRecord[],
  ) {
    const first = conflicts
      .slice(0, 3)
      .map((c) => `${c.benchmark} at ${c.time}${c.commit ? ` (commit ${c.commit.slice(0, 12)})` : ''}`)
      .join(', ');
    super(
      file,
      undefined,
      `${conflicts.length} result${conflicts.length === 1 ? ' differs from the stored one' : 's differ from the stored ones'} ` +
        `with the same benchmark, commit, machine, runner and time (${first}${conflicts.length > 3 ? ', …' : ''}); ` +
        'nothing was recorded, so that neither is lost: give this run its own --time or --runner',
    );
    this.name = 'HistoryConflictError';
  }
}

const Summary = Type.Object({
  mean: Type.Number(),
  median: Type.Number(),
  stddev: Type.Number(),
  n: Type.Integer(),
});

export const HistoryExportSchema = Type.Object({
  kind: Type.Literal('ai-ci-perf-history'),
  version: Type.Literal(1),
  exportedAt: Type.Optional(Type.String()),
  runs: Type.Array(
    Type.Object({
      benchmark: Type.String({ minLength: 1 }),
      commit: Type.String(),
      branch: Type.String(),
      time: Type.String(),
      machine: Type.String(),
      runner: Type.String(),
      unit: Type.String(),
      direction: Type.Union([Type.Literal('smaller-is-better'), Type.Literal('bigger-is-better')]),
      format: Type.Union([
        Type.Literal('pytest-benchmark'),
        Type.Literal('google-benchmark'),
        Type.Literal('hyperfine'),
        Type.Literal('github-action-benchmark'),
      ]),
      samplesKind: Type.Union([Type.Literal('raw'), Type.Literal('summary')]),
      samples: Type.Array(Type.Number(), { minItems: 1 }),
      summary: Summary,
      sourceFile: Type.String(),
      extra: Type.Record(Type.String(), Type.Unknown()),
    }),
  ),
});

/** ISO 8601 in UTC, so times sort as strings; throws naming the field when the text is not a time. */
export function normaliseTime(value: string, file: string, field: string): string {
  const ms = Date.parse(value);
  if (Number.isNaN(ms)) throw new ResultsFileError(file, field, `"${value}" is not a date and time`);
  return new Date(ms).toISOString();
}

function fromRow(r: Row): RunRecord {
  return {
    benchmark: r.benchmark,
    commit: r.commit_sha,
    branch: r.branch,
    time: r.time,
    machine: r.machine,
    runner: r.runner,
    unit: r.unit,
    direction: r.direction as RunRecord['direction'],
    format: r.format as RunRecord['format'],
    samplesKind: r.samples_kind as RunRecord['samplesKind'],
    samples: JSON.parse(r.samples) as number[],
    summary: { mean: r.mean, median: r.median, stddev: r.stddev, n: Number(r.n) },
    sourceFile: r.source_file,
    extra: JSON.parse(r.extra) as Record<string, unknown>,
  };
}
