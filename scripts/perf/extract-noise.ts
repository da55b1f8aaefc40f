/**
 * Turns the raw files written by scripts/perf/record-noise.sh into data/perf/noise.json.gz: for every
 * benchmark, the samples of each recorded run in time order. Only the fields needed are picked from each
 * format (hyperfine `results[].times`, pytest-benchmark `benchmarks[].stats.data`, Google Benchmark
 * `benchmarks[]` iterations' `cpu_time`); the full parsers live in src/analysis/perf/parse/.
 *   NOISE_MACHINE='a 2-core cloud VM …' scripts/node-env.sh npx tsx scripts/perf/extract-noise.ts RAW_DIR [OUT_FILE]
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { NoiseBenchmark, NoiseFile } from '../../src/analysis/perf/dataset/noise.js';

/** pytest-benchmark runs thousands of rounds for fast functions; the first ones in time order are kept. */
const MAX_ROUNDS = 60;

const raw = process.argv[2];
const outFile = process.argv[3] ?? 'data/perf/noise.json.gz';
if (!raw) {
  process.stderr.write('usage: extract-noise.ts RAW_DIR [OUT_FILE]\n');
  process.exit(2);
}

/** Six significant digits: far below the noise, and a third of the size. */
function round(v: number): number {
  return Number(v.toPrecision(6));
}

function runFiles(dir: string): string[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => join(dir, f));
}

const benchmarks = new Map<string, NoiseBenchmark>();
function add(id: string, tool: NoiseBenchmark['tool'], unit: string, run: number, samples: number[]): void {
  let b = benchmarks.get(id);
  if (!b) {
    b = { id, tool, unit, runs: [] };
    benchmarks.set(id, b);
  }
  while (b.runs.length < run) b.runs.push([]);
  b.runs[run] = samples.slice(0, MAX_ROUNDS).map(round);
}

function readJson(file: string): Record<string, unknown> {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
  } catch (err) {
    throw new Error(`${file}: not valid JSON (${(err as Error).message})`);
  }
}

runFiles(join(raw, 'hyperfine')).forEach((file, run) => {
  const doc = readJson(file) as { results: { command: string; times: number[] }[] };
  for (const r of doc.results) add(`hyperfine/${r.command}`, 'hyperfine', 's', run, r.times);
});
runFiles(join(raw, 'pytest')).forEach((file, run) => {
  const doc = readJson(file) as { benchmarks: { name: string; stats: { data: number[] } }[] };
  for (const b of doc.benchmarks)
    add(`pytest-benchmark/${b.name}`, 'pytest-benchmark', 's', run, b.stats.data);
});
runFiles(join(raw, 'gbench')).forEach((file, run) => {
  const doc = readJson(file) as {
    benchmarks: { run_name: string; run_type: string; cpu_time: number; time_unit: string }[];
  };
  const byName = new Map<string, { unit: string; values: number[] }>();
  for (const b of doc.benchmarks) {
    if (b.run_type !== 'iteration') continue;
    const entry = byName.get(b.run_name) ?? { unit: b.time_unit, values: [] };
    // CPU time, not wall time: on a shared runner wall time mostly measures the neighbours (here ±40% from run to
    // run against ±3% for CPU time), and Google Benchmark users compare CPU time for that reason.
    entry.values.push(b.cpu_time);
    byName.set(b.run_name, entry);
  }
  for (const [name, e] of byName) add(`google-benchmark/${name}`, 'google-benchmark', e.unit, run, e.values);
});

/** Where and how the recording was made, e.g. "a 2-core cloud VM with no other work running". */
const machine = process.env.NOISE_MACHINE ?? 'this machine';
const file: NoiseFile = {
  description:
    'Real benchmark noise: the same workloads (scripts/perf/workloads) run again and again by ' +
    `scripts/perf/record-noise.sh on ${machine}. runs[i] = samples of run i, in time order.`,
  benchmarks: [...benchmarks.values()].filter((b) => b.runs.every((r) => r.length > 0)),
};
writeFileSync(outFile, gzipSync(JSON.stringify(file), { level: 9 }));
process.stderr.write(
  `wrote ${outFile}: ${file.benchmarks.length} benchmarks, ${file.benchmarks[0]?.runs.length ?? 0} runs each\n`,
);
