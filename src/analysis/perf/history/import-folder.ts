import { readdir, stat } from 'node:fs/promises';
import { basename, join, relative } from 'node:path';
import { Type } from '@sinclair/typebox';
import { ResultsFileError } from '../parse/errors.js';
import { guessDirectionFromUnit } from '../parse/github-action-benchmark.js';
import { type FormatName, parseResultsText, readInputText } from '../parse/index.js';
import { checkShape } from '../parse/shape.js';
import type { Direction } from '../parse/types.js';
import { type HistoryStore, normaliseTime } from './store.js';
import type { RunRecord } from './types.js';

export interface ImportOptions {
  /** Machine class for files that do not name one (only the history export does). */
  machine: string;
  /** Branch for files that do not name one. */
  branch?: string;
  /** Force a results format instead of detecting it per file. */
  format?: FormatName;
  /** Called after each file, for progress on long imports. */
  onFile?: (done: number, total: number, file: string) => void;
}

export interface ImportSummary {
  files: number;
  runsInserted: number;
  runsAlreadyThere: number;
  /** Files that were left out, with why. */
  skipped: { file: string; reason: string }[];
}

const SHA_IN_NAME = /(?:^|[^0-9a-f])([0-9a-f]{40}|[0-9a-f]{7,12})(?:[^0-9a-f]|$)/i;

/**
 * Imports a folder of past results (the design document's `--historical-data=benchmarks/`), recursively:
 * results files of any supported format, `ai-ci perf export` files, and github-action-benchmark's gh-pages
 * `data.js`. A results file's commit, branch and time come from the file when it records them (pytest-benchmark's
 * commit_info, Google Benchmark's context.date), else the commit from a SHA in the file name and the time from
 * the file's modification time. A file that cannot be read is skipped and reported, not fatal.
 */
export async function importFolder(
  store: HistoryStore,
  dir: string,
  opts: ImportOptions,
): Promise<ImportSummary> {
  const files = (await listFiles(dir)).filter((f) => /\.(json|js)(\.gz)?$/i.test(f)).sort();
  const summary: ImportSummary = { files: files.length, runsInserted: 0, runsAlreadyThere: 0, skipped: [] };
  let done = 0;
  for (const file of files) {
    try {
      const { inserted, total } = await importFile(store, file, opts);
      summary.runsInserted += inserted;
      summary.runsAlreadyThere += total - inserted;
    } catch (err) {
      if (!(err instanceof ResultsFileError)) throw err;
      summary.skipped.push({ file: relative(dir, file) || file, reason: err.message });
    }
    opts.onFile?.(++done, files.length, file);
  }
  return summary;
}

/** Imports one file of any kind `importFolder` accepts. */
export async function importFile(
  store: HistoryStore,
  file: string,
  opts: ImportOptions,
): Promise<{ inserted: number; total: number }> {
  const text = await readInputText(file);
  const dataJs = /^\s*window\.BENCHMARK_DATA\s*=\s*/.exec(text);
  if (dataJs) {
    const json = text.slice(dataJs[0].length).replace(/;\s*$/, '');
    return importGithubActionBenchmarkData(store, parseJson(json, file, 'window.BENCHMARK_DATA'), file, opts);
  }
  if (/\.js(\.gz)?$/i.test(file))
    throw new ResultsFileError(file, undefined, 'is not a github-action-benchmark data.js');
  // Cheap look at the top of the document before deciding who parses it.
  const head = text.slice(0, 300);
  if (/"kind"\s*:\s*"ai-ci-perf-history"/.test(head)) return store.importJson(parseJson(text, file), file);
  if (/^\s*\{\s*"(lastUpdate|repoUrl|entries)"/.test(head)) {
    return importGithubActionBenchmarkData(store, parseJson(text, file), file, opts);
  }
  const parsed = parseResultsText(text, file, opts.format);
  const shaInName = SHA_IN_NAME.exec(basename(file));
  const time = parsed.context.time ?? (await stat(file)).mtime.toISOString();
  const total = parsed.results.length;
  const inserted = store.record(parsed.results, {
    commit: parsed.context.commit ?? shaInName?.[1] ?? '',
    branch: parsed.context.branch ?? opts.branch ?? '',
    time,
    machine: opts.machine,
    sourceFile: file,
  });
  return { inserted, total };
}

const BenchmarkData = Type.Object({
  entries: Type.Record(
    Type.String(),
    Type.Array(
      Type.Object({
        commit: Type.Object({ id: Type.String(), timestamp: Type.Optional(Type.String()) }),
        date: Type.Number(),
        tool: Type.String(),
        benches: Type.Array(
          Type.Object({
            name: Type.String(),
            value: Type.Number(),
            unit: Type.String(),
            range: Type.Optional(Type.String()),
            extra: Type.Optional(Type.String()),
          }),
        ),
      }),
    ),
  ),
});

// Tools whose stored value is a rate; everything else in github-action-benchmark is a time or a custom unit.
const RATE_TOOLS = new Set(['customBiggerIsBetter', 'benchmarkjs', 'pytest']);

/**
 * github-action-benchmark's history (`window.BENCHMARK_DATA = {...}` in data.js on its gh-pages branch, or the same
 * object as JSON with `external-data-json-path`). Its pytest entries
 * hold operations per second and its googlecpp entries "ns/iter": both are turned into the time units that the
 * pytest-benchmark and Google Benchmark parsers give, so imported history compares with new results.
 */
function importGithubActionBenchmarkData(
  store: HistoryStore,
  doc: unknown,
  file: string,
  opts: ImportOptions,
): { inserted: number; total: number } {
  const data = checkShape(BenchmarkData, doc, file);
  const runs: RunRecord[] = [];
  for (const [suite, entries] of Object.entries(data.entries)) {
    entries.forEach((entry, i) => {
      const time = normaliseTime(new Date(entry.date).toISOString(), file, `entries.${suite}[${i}].date`);
      for (const bench of entry.benches) {
        let { value, unit } = bench;
        let direction: Direction = RATE_TOOLS.has(entry.tool)
          ? 'bigger-is-better'
          : guessDirectionFromUnit(unit);
        if (entry.tool === 'pytest' && unit === 'iter/sec' && value > 0) {
          value = 1 / value;
          unit = 's';
          direction = 'smaller-is-better';
        } else if (entry.tool === 'googlecpp') {
          unit = unit.replace(/\/iter$/, '');
          direction = 'smaller-is-better';
        }
        runs.push({
          benchmark: bench.name,
          commit: entry.commit.id,
          branch: '',
          time,
          machine: opts.machine,
          runner: '',
          unit,
          direction,
          format: 'github-action-benchmark',
          samplesKind: 'summary',
          samples: [value],
          summary: { mean: value, median: value, stddev: 0, n: 1 },
          sourceFile: file,
          extra: { tool: entry.tool, suite, ...(bench.range ? { range: bench.range } : {}) },
        });
      }
    });
  }
  return { inserted: store.insertRuns(runs, file), total: runs.length };
}

function parseJson(text: string, file: string, field?: string): unknown {
  try {
    return JSON.parse(text);
  } catch (err) {
    throw new ResultsFileError(file, field, `is not valid JSON (${(err as Error).message})`);
  }
}

async function listFiles(dir: string): Promise<string[]> {
  let entries: import('node:fs').Dirent[];
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch (err) {
    throw new ResultsFileError(dir, undefined, `cannot be listed (${(err as NodeJS.ErrnoException).code})`);
  }
  const out: string[] = [];
  for (const e of entries) {
    const path = join(dir, e.name);
    if (e.isDirectory()) out.push(...(await listFiles(path)));
    else if (e.isFile()) out.push(path);
  }
  return out;
}
