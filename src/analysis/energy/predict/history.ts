/**
 * The history `carbon predict` and `carbon calibrate` read: a folder with one sub-folder per commit,
 *
 *   carbon_reports/<commit>/track.json   `ai-ci carbon track --json` of the CI run at that commit
 *   carbon_reports/<commit>/junit.xml    the JUnit report of the same run (each test's duration), optional
 *
 * as a workflow writes it with `ai-ci carbon track --json carbon_reports/$GITHUB_SHA/track.json -- … --reporter
 * junit --outputFile carbon_reports/$GITHUB_SHA/junit.xml`; or, without track.json, the pytest plugin's reports
 * (`pytest --carbon-tracking --carbon-json=carbon_reports/$GITHUB_SHA/pytest-3.12.json`, one per job of a
 * matrix): the run is then all of them together, their energy and their tests' seconds summed. Sub-folders named
 * otherwise are ignored.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
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
 * Reads every `<commit>/` run under `dir` (track.json with junit.xml, or the pytest plugin's reports); throws
 * HistoryError when none is usable.
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
    const folder = join(dir, name);
    if (!COMMIT.test(name) || !statSync(folder).isDirectory()) continue;
    const track = join(folder, 'track.json');
    const plugin = pluginReports(folder);
    const junit = join(folder, 'junit.xml');
    const testSeconds = existsSync(junit) ? secondsPerFile(junit, filesAt(repo, name)) : plugin.testSeconds;
    if (existsSync(track)) {
      const report = readJson(track) as TrackReport;
      if (!(report.energy?.wh > 0) || typeof report.carbon?.grams !== 'number')
        throw new HistoryError(
          `${track}: not an ai-ci carbon track report with energy (energy.wh, carbon.grams)`,
        );
      runs.set(name, {
        commit: name,
        energyWh: report.energy.wh,
        grams: report.carbon.grams,
        intensity: report.intensity.value,
        seconds: report.measurement.durationSeconds,
        testSeconds,
        dir: folder,
      });
    } else if (plugin.reports > 0 && plugin.energyWh > 0) {
      runs.set(name, {
        commit: name,
        energyWh: plugin.energyWh,
        grams: plugin.grams,
        intensity: (plugin.grams / plugin.energyWh) * 1000,
        seconds: [...plugin.testSeconds.values()].reduce((a, b) => a + b, 0),
        testSeconds,
        dir: folder,
      });
    }
  }
  if (runs.size === 0)
    throw new HistoryError(
      `${dir}: no <commit>/track.json reports (ai-ci carbon track --json) nor pytest --carbon-json reports in it`,
    );
  return runs;
}

function readJson(path: string): unknown {
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch (err) {
    throw new HistoryError(`${path}: not JSON (${(err as Error).message})`);
  }
}

interface PluginReport {
  energy: { wh: number };
  carbon: { grams: number };
  tests: { nodeid: string; seconds: number }[];
}

const isPluginReport = (x: unknown): x is PluginReport => {
  const r = x as Partial<PluginReport> | null;
  return typeof r?.energy?.wh === 'number' && typeof r.carbon?.grams === 'number' && Array.isArray(r.tests);
};

/** The pytest plugin's reports in a commit's folder (every *.json but track.json), summed. */
function pluginReports(folder: string) {
  let reports = 0;
  let energyWh = 0;
  let grams = 0;
  const testSeconds = new Map<string, number>();
  for (const f of readdirSync(folder).sort()) {
    if (!f.endsWith('.json') || f === 'track.json') continue;
    const r = readJson(join(folder, f));
    if (!isPluginReport(r)) continue;
    reports++;
    energyWh += r.energy.wh;
    grams += r.carbon.grams;
    for (const t of r.tests) {
      const file = t.nodeid.split('::')[0]!;
      testSeconds.set(file, (testSeconds.get(file) ?? 0) + t.seconds);
    }
  }
  return { reports, energyWh, grams, testSeconds };
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
