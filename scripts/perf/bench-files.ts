/**
 * Input files for `npm run bench:perf`, in the shapes the real tools write: each is grown from one of the real
 * outputs in test/fixtures/perf/real/ (pytest-benchmark 3.2.2 with --benchmark-save-data, Google Benchmark 1.7.1
 * with --benchmark_repetitions), keeping the tool's own document (machine_info, context, field order) and
 * resampling its measured rounds, so that the timings' ties, skew and outliers are those of a real timer. The
 * series file for `ai-ci perf changepoints` holds real recorded noise (data/perf/) with injected steps.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { generateSeries, loadNoise } from '../../src/analysis/perf/dataset/index.js';
import { seededRandom } from '../../src/analysis/perf/stats/rng.js';
import { quantileSorted } from '../../src/analysis/perf/stats/robust.js';

const REAL = join(import.meta.dirname, '../../test/fixtures/perf/real');

function readFixture(path: string): Record<string, unknown> {
  return JSON.parse(gunzipSync(readFileSync(join(REAL, path))).toString('utf8')) as Record<string, unknown>;
}

/** `count` values drawn with replacement from the measured ones, times `factor`. */
function resample(measured: readonly number[], count: number, factor: number, seed: number): number[] {
  const random = seededRandom(seed);
  const out = new Array<number>(count);
  for (let i = 0; i < count; i++) out[i] = measured[Math.floor(random() * measured.length)]! * factor;
  return out;
}

/** pytest-benchmark's stats block (its own fields and order) of one benchmark's rounds. */
function pytestStats(data: number[]): Record<string, unknown> {
  const sorted = Float64Array.from(data).sort();
  const n = data.length;
  let sum = 0;
  for (const v of data) sum += v;
  const mean = sum / n;
  let ss = 0;
  for (const v of data) ss += (v - mean) ** 2;
  const stddev = Math.sqrt(ss / (n - 1));
  const q1 = quantileSorted(sorted, 0.25);
  const q3 = quantileSorted(sorted, 0.75);
  const iqr = q3 - q1;
  let iqrOutliers = 0;
  let sdOutliers = 0;
  for (const v of data) {
    if (v < q1 - 1.5 * iqr || v > q3 + 1.5 * iqr) iqrOutliers++;
    if (Math.abs(v - mean) > stddev) sdOutliers++;
  }
  return {
    min: sorted[0],
    max: sorted[n - 1],
    mean,
    stddev,
    rounds: n,
    median: quantileSorted(sorted, 0.5),
    iqr,
    q1,
    q3,
    iqr_outliers: iqrOutliers,
    stddev_outliers: sdOutliers,
    outliers: `${sdOutliers};${iqrOutliers}`,
    ld15iqr: sorted.find((v) => v >= q1 - 1.5 * iqr),
    hd15iqr: [...sorted].reverse().find((v) => v <= q3 + 1.5 * iqr),
    ops: 1 / mean,
    total: sum,
    data,
    iterations: 1,
  };
}

/**
 * A pytest-benchmark JSON file (`--benchmark-json --benchmark-save-data`, Python's json.dump with indent 4) of
 * `benchmarks` benchmarks sharing `samples` rounds; benchmark i runs at factors[i] (default 1) times the speed
 * of the recorded test_sort.
 */
export function pytestBenchmarkFile(
  samples: number,
  benchmarks: number,
  seed: number,
  factors: readonly number[] = [],
): string {
  const doc = readFixture('pytest/rounds-base.json.gz');
  const [template] = doc.benchmarks as Record<string, unknown>[];
  const measured = (template!.stats as { data: number[] }).data;
  const per = Math.floor(samples / benchmarks);
  doc.benchmarks = Array.from({ length: benchmarks }, (_, b) => ({
    ...template,
    name: `test_sort[${b}]`,
    fullname: `test_workload.py::test_sort[${b}]`,
    param: String(b),
    params: { case: b },
    stats: pytestStats(resample(measured, per, (1 + b / 4) * (factors[b] ?? 1), seed * 1000 + b)),
  }));
  return JSON.stringify(doc, null, 4);
}

/**
 * A Google Benchmark JSON file (`--benchmark_format=json --benchmark_repetitions=N`, indent 2) of `families`
 * benchmarks with `repetitions` runs each and the mean/median/stddev/cv aggregates after each, as the library
 * writes them; benchmark i runs at factors[i] (default 1) times the recorded BM_Scan.
 */
export function googleBenchmarkFile(
  families: number,
  repetitions: number,
  seed: number,
  factors: readonly number[] = [],
): string {
  const doc = readFixture('gbench/reps-base.json.gz');
  const entries = doc.benchmarks as Record<string, unknown>[];
  const runs = entries.filter((e) => e.run_name === 'BM_Scan' && e.run_type === 'iteration');
  const real = runs.map((e) => e.real_time as number);
  const cpu = runs.map((e) => (e.cpu_time as number) / (e.real_time as number));
  const out: Record<string, unknown>[] = [];
  for (let f = 0; f < families; f++) {
    const name = `BM_Scan/${64 << (f % 8)}/${f}`;
    const times = resample(real, repetitions, (1 + (f % 8)) * (factors[f] ?? 1), seed * 1000 + f);
    const base = {
      name,
      family_index: f,
      per_family_instance_index: 0,
      run_name: name,
      run_type: 'iteration',
      repetitions,
      repetition_index: 0,
      threads: 1,
      iterations: runs[0]!.iterations,
    };
    times.forEach((t, i) => {
      out.push({
        ...base,
        repetition_index: i,
        real_time: t,
        cpu_time: t * cpu[i % cpu.length]!,
        time_unit: 'ns',
      });
    });
    const sorted = Float64Array.from(times).sort();
    const mean = times.reduce((a, b) => a + b, 0) / repetitions;
    const sd = Math.sqrt(times.reduce((a, v) => a + (v - mean) ** 2, 0) / (repetitions - 1));
    for (const [agg, value, unit] of [
      ['mean', mean, 'time'],
      ['median', quantileSorted(sorted, 0.5), 'time'],
      ['stddev', sd, 'time'],
      ['cv', sd / mean, 'percentage'],
    ] as const) {
      out.push({
        name: `${name}_${agg}`,
        family_index: f,
        per_family_instance_index: 0,
        run_name: name,
        run_type: 'aggregate',
        repetitions,
        threads: 1,
        aggregate_name: agg,
        aggregate_unit: unit,
        iterations: repetitions,
        real_time: value,
        cpu_time: value,
        time_unit: 'ns',
      });
    }
  }
  doc.benchmarks = out;
  return JSON.stringify(doc, null, 2);
}

/**
 * Series files for `ai-ci perf changepoints`: `count` named series of `length` points, real recorded run-to-run
 * noise with injected steps (src/analysis/perf/dataset), as a JSON object of named arrays and as a CSV with one
 * column per series.
 */
export function seriesFiles(count: number, length: number): { json: string; csv: string } {
  const noise = loadNoise();
  const pool = generateSeries(noise, {
    seriesPerBenchmark: Math.ceil(count / noise.benchmarks.length),
    seriesLength: length,
  });
  const doc: Record<string, number[]> = {};
  for (let s = 0; s < count; s++) doc[`series-${s}`] = Array.from(pool[s]!.values);
  const names = Object.keys(doc);
  const rows = [names.join(',')];
  for (let r = 0; r < length; r++) rows.push(names.map((n) => doc[n]![r]).join(','));
  return { json: JSON.stringify(doc), csv: `${rows.join('\n')}\n` };
}
