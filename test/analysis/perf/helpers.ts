import { HistoryStore } from '../../../src/analysis/perf/history/index.js';
import { ModelBreaker } from '../../../src/analysis/perf/model/breaker.js';
import type { ParsedResults } from '../../../src/analysis/perf/parse/index.js';
import { analyzeResults } from '../../../src/analysis/perf/report/analysis.js';
import { baselineLookup } from '../../../src/analysis/perf/report/lookup.js';
import type { AnalysisReport } from '../../../src/analysis/perf/report/types.js';
import { seededRandom } from '../../../src/analysis/perf/stats/rng.js';

/** Seeded normal noise (Box-Muller) around `level` with relative sd `rel`. */
export function noisy(length: number, level: number, rel: number, seed: number): number[] {
  const random = seededRandom(seed);
  return Array.from({ length }, () => {
    const u = Math.max(random(), 1e-12);
    const v = random();
    return level * (1 + rel * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v));
  });
}

/**
 * ai-ci's default decision (statistics alone, P ≥ 0.95, fail on regression) for `candidate` against a baseline file
 * and/or a history of runs kept in an in-memory store, as `ai-ci perf analyze` makes it. History runs are recorded
 * a minute apart from 2026-01-01 (or at the time their file says, with `fileTimes`), each as its own commit.
 */
export async function analyseAgainst(
  candidate: ParsedResults,
  opts: { baseline?: ParsedResults; history?: ParsedResults[]; fileTimes?: boolean; source?: string },
): Promise<AnalysisReport> {
  const store = HistoryStore.open(':memory:');
  try {
    opts.history?.forEach((h, i) => {
      const synthetic = new Date(Date.UTC(2026, 0, 1, 0, i)).toISOString();
      store.record(h.results, {
        time: opts.fileTimes ? (h.context.time ?? synthetic) : synthetic,
        machine: 'ci',
        commit: `c${i}`,
      });
    });
    return await analyzeResults(
      candidate,
      baselineLookup({
        ...(opts.history ? { store } : {}),
        ...(opts.baseline ? { previous: opts.baseline, previousFile: 'base.json' } : {}),
        machine: 'ci',
        baselineRuns: 30,
      }),
      { breaker: new ModelBreaker(undefined, () => {}) },
      { threshold: 0.95, failOn: 'regression', baselineSource: opts.source ?? 'test' },
    );
  } finally {
    store.close();
  }
}

/** The run with every time of the benchmarks `which` picks multiplied by `factor` (summaries and quartiles too). */
export function scaled(
  run: ParsedResults,
  factor: number,
  which: (i: number) => boolean = () => true,
): ParsedResults {
  return {
    ...run,
    results: run.results.map((b, i) => {
      if (!which(i)) return b;
      const extra = { ...b.extra };
      for (const key of ['min', 'max', 'iqr', 'q1', 'q3', 'cpuTime'] as const) {
        if (typeof extra[key] === 'number') extra[key] = (extra[key] as number) * factor;
      }
      // A code change moves the CPU time with the wall time (Google Benchmark's cpu_time of each run).
      if (Array.isArray(extra.cpuTime)) extra.cpuTime = extra.cpuTime.map((v) => (v as number) * factor);
      // Google Benchmark chooses the iteration count for its minimum time from a probe of the same code, so a
      // change that makes each iteration `factor` times slower makes it run about `factor` times fewer of them.
      if (Array.isArray(extra.iterations)) {
        extra.iterations = extra.iterations.map((v) => Math.max(1, Math.round((v as number) / factor)));
      }
      return {
        ...b,
        samples: b.samples.map((v) => v * factor),
        summary: {
          ...b.summary,
          mean: b.summary.mean * factor,
          median: b.summary.median * factor,
          stddev: b.summary.stddev * factor,
        },
        extra,
      };
    }),
  };
}
