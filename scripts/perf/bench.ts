/**
 * `npm run bench:perf`: times the analysis of 10,000 series of 200 points each on one core — change-point
 * detection plus the robust location and scale of each series' current regime — as `ai-ci perf analyze`
 * does over a history store. The series are real recorded noise (data/perf/) with injected steps, built
 * before the clock starts. Prints the best and median of several passes. Target: under 2 s.
 */
import { parseArgs } from 'node:util';
import { ChangePointDetector } from '../../src/analysis/perf/changepoints/detector.js';
import { generateSeries, loadNoise } from '../../src/analysis/perf/dataset/index.js';
import { MAD_TO_SD, medianInPlace } from '../../src/analysis/perf/stats/robust.js';

const { values: args } = parseArgs({
  options: {
    series: { type: 'string', default: '10000' },
    length: { type: 'string', default: '200' },
    passes: { type: 'string', default: '5' },
  },
});
const count = Number(args.series);
const length = Number(args.length);
const passes = Number(args.passes);

// Real noise with injected steps, in one flat Float64Array so the timed loop reads memory
// the way a columnar history store would hand it over.
const noise = loadNoise();
const pool = generateSeries(noise, {
  seriesPerBenchmark: Math.ceil(count / noise.benchmarks.length),
  seriesLength: length,
});
const data = new Float64Array(count * length);
for (let s = 0; s < count; s++) {
  const src = pool[s]!.values;
  data.set(src, s * length);
}

const detector = new ChangePointDetector();
const scratch = new Float64Array(length);

function analyseAll(): { changePoints: number; checksum: number } {
  let changePoints = 0;
  let checksum = 0;
  for (let s = 0; s < count; s++) {
    const series = data.subarray(s * length, (s + 1) * length);
    const cps = detector.detect(series);
    changePoints += cps.length;
    // Robust location and scale of the current regime.
    const start = cps.length ? cps[cps.length - 1]!.index : 0;
    const n = length - start;
    for (let i = 0; i < n; i++) scratch[i] = series[start + i]!;
    const med = medianInPlace(scratch, 0, n);
    for (let i = 0; i < n; i++) scratch[i] = Math.abs(series[start + i]! - med);
    checksum += med + MAD_TO_SD * medianInPlace(scratch, 0, n);
  }
  return { changePoints, checksum };
}

analyseAll(); // warm-up: let the JIT compile the hot paths
const times: number[] = [];
let result = { changePoints: 0, checksum: 0 };
for (let p = 0; p < passes; p++) {
  const t0 = performance.now();
  result = analyseAll();
  times.push((performance.now() - t0) / 1000);
}
times.sort((a, b) => a - b);
const best = times[0]!;
const med = times[Math.floor(times.length / 2)]!;
process.stdout.write(
  `analysed ${count.toLocaleString('en')} series × ${length} points (change points + robust stats), one core: ` +
    `best ${best.toFixed(3)} s, median ${med.toFixed(3)} s over ${passes} passes ` +
    `(${((best / count) * 1e6).toFixed(1)} µs per series; ${result.changePoints} change points found) — target < 2 s\n`,
);
