/**
 * The history `carbon predict` and `carbon calibrate` read: a folder with one sub-folder per commit,
 *
 *   carbon_reports/<commit>/track.json   `ai-ci carbon track --json` of the CI run at that commit
 *   carbon_reports/<commit>/junit.xml    the JUnit report of the same run (each test's duration), optional
 *
 * as a workflow writes it with `ai-ci carbon track --json carbon_reports/$GITHUB_SHA/track.json -- … --reporter
 * junit --outputFile carbon_reports/$GITHUB_SHA/junit.xml`. Sub-folders named otherwise are ignored.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { listFiles, parseJunit } from '../../select/index.js';
import type { TrackReport } from '../track.js';

/** One recorded CI run. */
export interface RecordedRun {
  commit: string;
  /** Energy of the run, Wh (the report's central figure). */
  energyWh: number;
  /** Carbon of the run, grams CO2e, and the intensity it was computed at (grams CO2e per kWh). */
  grams: number;
  intensity: number;
  /** Wall time of the run, s. */
  seconds: number;
  /** Seconds per test file (sum of its test cases) from junit.xml; empty without one. */
  testSeconds: ReadonlyMap<string, number>;
  /** The folder it was read from. */
  dir: string;
}

export class HistoryError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'HistoryError';
  }
}

const COMMIT = /^[0-9a-f]{7,64}$/;

/**
 * Reads every `<commit>/track.json` (and its junit.xml) under `dir`; throws HistoryError when none is usable.
 * The JUnit reports' test cases are matched to the files of `repo` at that commit (as `ai-ci select` does).
 */
export function readHistory(dir: string, repo: string): Map<string, RecordedRun> {
  let entries: string[];
  try {
    entries = readdirSync(dir);
  } catch (err) {
    throw new HistoryError(`${dir}: cannot read the history folder (${(err as NodeJS.ErrnoException).code})`);
  }
  const runs = new Map<string, RecordedRun>();
  for (const name of entries.sort()) {
    const track = join(dir, name, 'track.json');
    if (!COMMIT.test(name) || !existsSync(track)) continue;
    let report: TrackReport;
    try {
      report = JSON.parse(readFileSync(track, 'utf8')) as TrackReport;
    } catch (err) {
      throw new HistoryError(`${track}: not JSON (${(err as Error).message})`);
    }
    if (!(report.energy?.wh > 0) || typeof report.carbon?.grams !== 'number')
      throw new HistoryError(
        `${track}: not an ai-ci carbon track report with energy (energy.wh, carbon.grams)`,
      );
    const junit = join(dir, name, 'junit.xml');
    runs.set(name, {
      commit: name,
      energyWh: report.energy.wh,
      grams: report.carbon.grams,
      intensity: report.intensity.value,
      seconds: report.measurement.durationSeconds,
      testSeconds: existsSync(junit) ? secondsPerFile(junit, filesAt(repo, name)) : new Map(),
      dir: join(dir, name),
    });
  }
  if (runs.size === 0)
    throw new HistoryError(`${dir}: no <commit>/track.json reports (ai-ci carbon track --json) in it`);
  return runs;
}

function filesAt(repo: string, commit: string): Set<string> {
  try {
    return new Set(listFiles(repo, commit).map((f) => f.path));
  } catch {
    return new Set(); // a commit the repository does not have: only reports naming their files are matched
  }
}

function secondsPerFile(path: string, known: ReadonlySet<string>): Map<string, number> {
  const out = new Map<string, number>();
  for (const t of parseJunit(path, readFileSync(path, 'utf8'), known)) {
    if (t.file === undefined) continue;
    out.set(t.file, (out.get(t.file) ?? 0) + t.durationS);
  }
  return out;
}
