/**
 * Google Benchmark's own probe as a second opinion on a single-value result. Without a fixed iteration count,
 * Google Benchmark times a benchmark with growing iteration counts and, once a probe took at least a tenth of
 * `--benchmark_min_time`, predicts the count for the reported run as `1.4 × min_time / (the probe's time per
 * iteration)` (`BenchmarkRunner::PredictNumItersNeeded`, `kSafetyMultiplier` 1.4 in src/benchmark_runner.cc).
 * The reported run therefore takes about 1.4 × min_time — `iterations × time per iteration` — whatever the code's
 * speed: a code change moves the probe and the reported run alike, and the iteration count with them. Every
 * auto-iterated benchmark of one file shares min_time, so their products agree: in the 18 single-value files
 * recorded on a shared 2-core machine (test/fixtures/perf/real/gbench, min_time 0.1 s), 53 of 54 products lie
 * within 0.92–1.05 of their file's median, the 2× and 100× builds included.
 *
 * The one outside, single-history-06's BM_Fill at 1.21, is a run the machine slowed after its probe: its reported
 * time per iteration is 17% above the runs before it in CPU time as in wall time (a VM's stolen time is CPU time
 * to the guest, so the off-CPU check cannot see it), while its iteration count is the usual one — the probe
 * measured the usual speed a moment earlier. A product well above its file's is that fingerprint: the slowdown
 * happened within the run, which a code change cannot do. report/analysis.ts turns a regression that such a
 * disturbance explains into 'inconclusive' (never a pass); the check stays silent where the products do not
 * agree (fixed iterations, `MinTime` per benchmark, hand-made files).
 *
 * Pure: no I/O.
 */
import type { BenchmarkResult } from './parse/types.js';
import { median } from './stats/robust.js';

/** A product this far above its file's median means the reported run was slower than its own probe (10%). */
export const PROBE_TOLERANCE = 0.1;
/** Fewest auto-iterated single-value benchmarks in a file for their median product to be the reference. */
export const MIN_PROBE_BENCHMARKS = 3;
/** Google Benchmark's kMaxIterations: a count that reached it was not predicted from a probe. */
const MAX_ITERATIONS = 1e9;

/** What the probe check found for one benchmark of a file. */
export interface ProbeDisagreement {
  /** iterations × time per iteration of the reported run over the file's median of the same (1 = agrees). */
  ratio: number;
  iterations: number;
  /** Benchmarks of the file the reference product was taken from. */
  benchmarks: number;
}

const SECONDS: Record<string, number> = { ns: 1e-9, us: 1e-6, ms: 1e-3, s: 1 };

/**
 * The seconds Google Benchmark's stopping rule used for one single-value result: CPU time unless the benchmark
 * measures real or manual time (then its name ends in `/real_time` or `/manual_time`), times iterations.
 */
function productOf(result: BenchmarkResult): { product: number; iterations: number } | undefined {
  if (result.format !== 'google-benchmark' || result.samplesKind !== 'raw' || result.samples.length !== 1) {
    return undefined;
  }
  const threads = result.extra.threads;
  if (typeof threads === 'number' && threads > 1) return undefined;
  const iterations = (result.extra.iterations as unknown[] | undefined)?.[0];
  const cpu = (result.extra.cpuTime as unknown[] | undefined)?.[0];
  const unit = SECONDS[result.unit];
  if (typeof iterations !== 'number' || !(iterations > 1) || iterations >= MAX_ITERATIONS || !unit) {
    return undefined;
  }
  const wallClock = /\/(real|manual)_time(\/|$)/.test(result.name);
  const perIteration = wallClock ? result.samples[0]! : cpu;
  if (typeof perIteration !== 'number' || !(perIteration > 0)) return undefined;
  return { product: iterations * perIteration * unit, iterations };
}

/**
 * Per result of one Google Benchmark file: how far its reported run's duration is from the file's usual one,
 * or undefined where that cannot be read (not a single auto-iterated value, or fewer than MIN_PROBE_BENCHMARKS
 * such benchmarks, or products that do not agree: fewer than two thirds of them within PROBE_TOLERANCE of
 * their median).
 */
export function probeDisagreements(
  results: readonly BenchmarkResult[],
): Map<BenchmarkResult, ProbeDisagreement> {
  const found = new Map<BenchmarkResult, ProbeDisagreement>();
  const products = results
    .map((r) => ({ r, p: productOf(r) }))
    .filter((x): x is { r: BenchmarkResult; p: { product: number; iterations: number } } => !!x.p);
  if (products.length < MIN_PROBE_BENCHMARKS) return found;
  const reference = median(products.map((x) => x.p.product));
  const agreeing = products.filter((x) => Math.abs(x.p.product / reference - 1) <= PROBE_TOLERANCE).length;
  if (3 * agreeing < 2 * products.length) return found;
  for (const { r, p } of products) {
    found.set(r, { ratio: p.product / reference, iterations: p.iterations, benchmarks: products.length });
  }
  return found;
}
