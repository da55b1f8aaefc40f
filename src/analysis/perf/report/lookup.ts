/**
 * Where each benchmark's baseline comes from: an explicit baseline file (`--baseline`), the history database
 * (`--history`), or both — the file gives the rounds, the history the run-to-run noise. When there is none, the
 * reason says what the history holds instead (another machine class or branch, or nothing at all), so that "no
 * earlier run" is never printed for a benchmark the history does have.
 */
import { type Baseline, baselineFromResult, baselineFromRuns } from '../history/baseline.js';
import type { HistoryStore } from '../history/store.js';
import type { BenchmarkResult, ParsedResults } from '../parse/types.js';
import type { BaselineLookup } from './analysis.js';

export interface BaselineSources {
  store?: HistoryStore;
  /** The parsed `--baseline` file and its path. */
  previous?: ParsedResults;
  previousFile?: string;
  machine: string;
  branch?: string;
  /** This run's commit, left out of the history. */
  commit?: string;
  /** Most recent runs taken from the history. */
  baselineRuns: number;
  /** The baseline file was measured in this job: the history's runs of other jobs are not used. */
  sameJob?: boolean;
}

export function baselineLookup(src: BaselineSources): BaselineLookup {
  const previousByName = new Map(src.previous?.results.map((r) => [r.name, r]));
  return (result: BenchmarkResult): Baseline | { missing: string } => {
    const runs =
      src.store && !src.sameJob
        ? src.store.selectBaseline({
            benchmark: result.name,
            machine: src.machine,
            limit: src.baselineRuns,
            ...(src.branch ? { branch: src.branch } : {}),
            ...(src.commit ? { excludeCommit: src.commit } : {}),
          })
        : [];
    const fromHistory = baselineFromRuns(runs, result);
    const prev = previousByName.get(result.name);
    const fromFile = prev ? baselineFromResult(prev, result) : undefined;
    if (fromFile) {
      return fromHistory
        ? {
            ...fromFile,
            history: fromHistory.history,
            runs: fromHistory.runs,
            // Common-mode analysis lines runs up across benchmarks by identity, not by position.
            ...(fromHistory.historyRuns ? { historyRuns: fromHistory.historyRuns } : {}),
          }
        : fromFile;
    }
    if (fromHistory) return fromHistory;
    if (prev)
      return { missing: `${src.previousFile} measures it in ${prev.unit}, this run in ${result.unit}` };
    return { missing: missingReason(src, result) };
  };
}

function missingReason(src: BaselineSources, result: BenchmarkResult): string {
  const where = `${src.branch ? ` on branch ${src.branch}` : ''} on machine class ${src.machine}`;
  const inFile = src.previous ? `not in ${src.previousFile}` : undefined;
  if (!src.store || src.sameJob) return `new benchmark: ${inFile ?? 'nothing to compare with'}`;
  if (src.commit) {
    // Runs of the candidate's own commit are left out (a rerun is no baseline for itself): say so when they are
    // all the history has, instead of calling the benchmark new.
    const own = src.store.selectBaseline({
      benchmark: result.name,
      machine: src.machine,
      ...(src.branch ? { branch: src.branch } : {}),
    }).length;
    if (own > 0) {
      return `the history's ${own} run${own === 1 ? '' : 's'} of this benchmark${where} are of this same commit ${src.commit.slice(0, 12)}, which a run is not compared with: record runs of other commits (the base branch) first`;
    }
  }
  const elsewhere = src.store
    .describeBenchmark(result.name)
    .filter((g) => g.machine !== src.machine || (src.branch !== undefined && g.branch !== src.branch));
  if (elsewhere.length > 0) {
    const list = elsewhere
      .slice(0, 3)
      .map((g) => `${g.runs} on machine class ${g.machine}${g.branch ? `, branch ${g.branch}` : ''}`)
      .join('; ');
    return `no run${where}, but the history has ${list} (--machine / --base-branch choose them)`;
  }
  const others = src.store.count();
  return others > 0
    ? `new benchmark: the history has runs of other benchmarks, none of this one${inFile ? `, and it is ${inFile}` : ''}`
    : `the history is empty${inFile ? ` and it is ${inFile}` : ''}: this is the first run`;
}
