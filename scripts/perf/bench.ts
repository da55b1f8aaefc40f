/**
 * `npm run bench:perf`: times `ai-ci perf` on large inputs, parse included, and prints each figure beside its
 * target (issue 14):
 *  1. one pytest-benchmark file of 2,000,000 rounds (--benchmark-save-data, 8 benchmarks) against a baseline file
 *     of the same size, as `ai-ci perf analyze HEAD --baseline BASE --no-model` does it: both files read and
 *     parsed, every benchmark compared. Target: under 5 s.
 *  2. a Google Benchmark file with repetitions of about the same size on disk (200 benchmarks × 1,000
 *     repetitions, ~70 MB) against its baseline. No target of its own; printed so a slow path there shows.
 *  3. 10,000 series × 200 points in one `ai-ci perf changepoints` file, as a JSON object of named series and
 *     as a CSV with one column per series: read, parsed, change points found and the robust location and scale
 *     of each series' current regime computed. Target: under 2 s.
 * The files are written to a temporary folder before any clock starts (bench-files.ts: real tools' outputs
 * grown by resampling their rounds). Each case runs in this process after a warm-up pass; the best and the median
 * of the passes are printed, as wall time and as this process's CPU time (user + system). The machine the
 * figures come from is often shared: the load average is printed with them, and on a loaded machine the CPU time
 * is the figure to compare with the target.
 *
 *   npm run bench:perf [-- --passes 3 --samples 2000000 --series 10000 --length 200 --keep]
 */
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { ChangePointDetector } from '../../src/analysis/perf/changepoints/detector.js';
import { readSeriesText } from '../../src/analysis/perf/changepoints/index.js';
import { ModelBreaker } from '../../src/analysis/perf/model/breaker.js';
import { parseResultsFile, readInputText } from '../../src/analysis/perf/parse/index.js';
import { analyzeResults } from '../../src/analysis/perf/report/analysis.js';
import { baselineLookup } from '../../src/analysis/perf/report/lookup.js';
import type { AnalysisReport } from '../../src/analysis/perf/report/types.js';
import { MAD_TO_SD, medianInPlace } from '../../src/analysis/perf/stats/robust.js';
import { googleBenchmarkFile, pytestBenchmarkFile, seriesFiles } from './bench-files.js';

const { values: args } = parseArgs({
  options: {
    passes: { type: 'string', default: '3' },
    samples: { type: 'string', default: '2000000' },
    series: { type: 'string', default: '10000' },
    length: { type: 'string', default: '200' },
    keep: { type: 'boolean', default: false },
  },
});
const passes = Number(args.passes);
const samples = Number(args.samples);
const seriesCount = Number(args.series);
const seriesLength = Number(args.length);

const dir = mkdtempSync(join(tmpdir(), 'ai-ci-bench-perf-'));
const say = (line: string) => process.stderr.write(`${line}\n`);
const mb = (path: string) => `${(statSync(path).size / 1e6).toFixed(0)} MB`;

// --- the files, before any clock starts
say(`writing the input files to ${dir} …`);
const PYTEST_BENCHMARKS = 8;
const pytestBase = join(dir, 'pytest-base.json');
const pytestHead = join(dir, 'pytest-head.json');
writeFileSync(pytestBase, pytestBenchmarkFile(samples, PYTEST_BENCHMARKS, 1));
// One benchmark 10% slower, one 10% faster: the comparison must still find them.
writeFileSync(pytestHead, pytestBenchmarkFile(samples, PYTEST_BENCHMARKS, 2, [1.1, 0.9]));
const GB_FAMILIES = 200;
const GB_REPETITIONS = 1000;
const gbBase = join(dir, 'gbench-base.json');
const gbHead = join(dir, 'gbench-head.json');
writeFileSync(gbBase, googleBenchmarkFile(GB_FAMILIES, GB_REPETITIONS, 1));
writeFileSync(gbHead, googleBenchmarkFile(GB_FAMILIES, GB_REPETITIONS, 2, [1.1]));
const seriesPath = join(dir, 'series.json');
const seriesCsvPath = join(dir, 'series.csv');
{
  const files = seriesFiles(seriesCount, seriesLength);
  writeFileSync(seriesPath, files.json);
  writeFileSync(seriesCsvPath, files.csv);
}

interface Timing {
  wall: number;
  cpu: number;
  /** Wall time of the part before `mark` (the parse). */
  first: number;
}

async function timed<T>(run: (mark: () => void) => Promise<T>): Promise<{ t: Timing; result: T }> {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  let first = Number.NaN;
  const result = await run(() => {
    first = (performance.now() - t0) / 1000;
  });
  const wall = (performance.now() - t0) / 1000;
  const c = process.cpuUsage(c0);
  return { t: { wall, cpu: (c.user + c.system) / 1e6, first }, result };
}

async function repeat<T>(run: (mark: () => void) => Promise<T>): Promise<{ times: Timing[]; result: T }> {
  let last = await timed(run); // warm-up: lets the JIT compile the hot paths
  const times: Timing[] = [];
  for (let p = 0; p < passes; p++) {
    last = await timed(run);
    times.push(last.t);
  }
  return { times, result: last.result };
}

function figures(times: Timing[], target: number | undefined): string {
  const pick = (key: keyof Timing) => {
    const v = times.map((t) => t[key]).sort((a, b) => a - b);
    return { best: v[0]!, median: v[Math.floor(v.length / 2)]! };
  };
  const wall = pick('wall');
  const cpu = pick('cpu');
  const parse = pick('first');
  const verdict = (v: number) => (target === undefined ? '' : v < target ? ' ✓' : ' ✗');
  return (
    `wall best ${wall.best.toFixed(2)} s (parse ${parse.best.toFixed(2)} s), median ${wall.median.toFixed(2)} s; ` +
    `CPU best ${cpu.best.toFixed(2)} s${verdict(cpu.best)}, median ${cpu.median.toFixed(2)} s` +
    (target === undefined ? ' — no target' : ` — target < ${target} s`)
  );
}

async function compareFiles(head: string, base: string, mark: () => void): Promise<AnalysisReport> {
  const parsed = await parseResultsFile(head);
  const previous = await parseResultsFile(base);
  mark();
  return analyzeResults(
    parsed,
    baselineLookup({ previous, previousFile: base, machine: 'bench', baselineRuns: 30 }),
    { breaker: new ModelBreaker(undefined, () => {}) },
    { threshold: 0.95, failOn: 'regression', baselineSource: base },
  );
}

/** The verdicts, so a fast but wrong analysis shows: e.g. "regression +10.0%, improvement −10.0%, 6 no-change". */
function verdicts(report: AnalysisReport): string {
  const pct = (v: number) => `${v >= 0 ? '+' : '−'}${Math.abs(v * 100).toFixed(1)}%`;
  const changed = report.benchmarks
    .filter((b) => b.verdict === 'regression' || b.verdict === 'improvement')
    .map((b) => `${b.name} ${b.verdict} ${pct(b.change!.estimate)}`);
  const rest = new Map<string, number>();
  for (const b of report.benchmarks) {
    if (b.verdict !== 'regression' && b.verdict !== 'improvement')
      rest.set(b.verdict, (rest.get(b.verdict) ?? 0) + 1);
  }
  return [...changed, ...[...rest].map(([v, n]) => `${n} ${v}`)].join(', ');
}

const detector = new ChangePointDetector();
async function analyseSeries(
  path: string,
  mark: () => void,
): Promise<{ changePoints: number; checksum: number }> {
  const { series } = readSeriesText(await readInputText(path), path);
  mark();
  let changePoints = 0;
  let checksum = 0;
  const scratch = new Float64Array(seriesLength);
  for (const s of series) {
    const cps = detector.detect(s.values);
    changePoints += cps.length;
    // Robust location and scale of the current regime, as a history report shows them.
    const start = cps.length ? cps[cps.length - 1]!.index : 0;
    const n = s.values.length - start;
    for (let i = 0; i < n; i++) scratch[i] = s.values[start + i]!;
    const med = medianInPlace(scratch, 0, n);
    for (let i = 0; i < n; i++) scratch[i] = Math.abs(s.values[start + i]! - med);
    checksum += med + MAD_TO_SD * medianInPlace(scratch, 0, n);
  }
  return { changePoints, checksum };
}

const [load1] = loadavg();
process.stdout.write(
  `bench:perf — ${cpus().length} CPUs, load average ${load1!.toFixed(1)} when it started ` +
    `(${load1! > cpus().length / 2 ? 'loaded: wall times are not final, compare the CPU time' : 'idle'}); ` +
    `best and median of ${passes} passes after a warm-up\n`,
);

say('timing 1/4: pytest-benchmark …');
const py = await repeat((mark) => compareFiles(pytestHead, pytestBase, mark));
process.stdout.write(
  `${samples.toLocaleString('en')} rounds in one pytest-benchmark file (--benchmark-save-data, ` +
    `${PYTEST_BENCHMARKS} benchmarks, ${mb(pytestHead)}) against a baseline file of the same size, both parsed: ` +
    `${figures(py.times, 5)}\n  verdicts: ${verdicts(py.result)}\n`,
);

say('timing 2/4: Google Benchmark …');
const gb = await repeat((mark) => compareFiles(gbHead, gbBase, mark));
process.stdout.write(
  `${(GB_FAMILIES * GB_REPETITIONS).toLocaleString('en')} repetitions in one Google Benchmark file ` +
    `(${GB_FAMILIES} benchmarks × ${GB_REPETITIONS}, ${mb(gbHead)}) against a baseline file of the same size: ` +
    `${figures(gb.times, undefined)}\n  verdicts: ${verdicts(gb.result)}\n`,
);

for (const [i, path, shape] of [
  [3, seriesPath, 'JSON object of named series'],
  [4, seriesCsvPath, 'CSV, one column per series'],
] as const) {
  say(`timing ${i}/4: change points (${shape}) …`);
  const cp = await repeat((mark) => analyseSeries(path, mark));
  process.stdout.write(
    `${seriesCount.toLocaleString('en')} series × ${seriesLength} points in one changepoints file (${shape}, ` +
      `${mb(path)}), parsed, change points and regime statistics: ${figures(cp.times, 2)}\n` +
      `  ${cp.result.changePoints.toLocaleString('en')} change points found\n`,
  );
}

if (args.keep) say(`files kept in ${dir}`);
else rmSync(dir, { recursive: true, force: true });
