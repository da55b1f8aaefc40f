import { describe, expect, it } from 'vitest';
import { detectRegression } from '../../../src/analysis/perf/detect.js';
import { probeDisagreements } from '../../../src/analysis/perf/gbench-probe.js';
import type { BenchmarkResult } from '../../../src/analysis/perf/parse/types.js';
import { judgeProbe } from '../../../src/analysis/perf/report/disturbance.js';

/** One single-value Google Benchmark result: `perIteration` ns of CPU (and wall) time over `iterations`. */
const gb = (
  name: string,
  iterations: number,
  perIteration: number,
  over: Partial<BenchmarkResult> & { cpu?: number; threads?: number } = {},
): BenchmarkResult => ({
  name,
  unit: 'ns',
  direction: 'smaller-is-better',
  samples: [perIteration],
  samplesKind: 'raw',
  summary: { mean: perIteration, median: perIteration, stddev: 0, n: 1 },
  format: 'google-benchmark',
  extra: {
    iterations: [iterations],
    cpuTime: [over.cpu ?? perIteration],
    ...(over.threads ? { threads: over.threads } : {}),
  },
  ...over,
});

describe('probeDisagreements', () => {
  // min_time 0.1 s: 1.4 × 0.1 s = 0.14 s per reported run.
  const usual = [gb('BM_A', 14_000, 10_000), gb('BM_B', 7_000, 20_000), gb('BM_C', 1_400, 100_000)];

  it('is 1 for runs as long as the file usual, above 1 for one the machine slowed after its probe', () => {
    const slowed = gb('BM_D', 14_000, 12_000);
    const found = probeDisagreements([...usual, slowed]);
    expect(found.get(usual[0]!)!.ratio).toBeCloseTo(1, 6);
    expect(found.get(slowed)!.ratio).toBeCloseTo(1.2, 6);
    expect(found.get(slowed)!.benchmarks).toBe(4);
  });

  it('uses the CPU time, or the wall time for /real_time and /manual_time benchmarks', () => {
    const wallLonger = gb('BM_D', 14_000, 15_000, { cpu: 10_000 });
    const realTime = gb('BM_E/real_time', 14_000, 12_000, { cpu: 10_000 });
    const found = probeDisagreements([...usual, wallLonger, realTime]);
    expect(found.get(wallLonger)!.ratio).toBeCloseTo(1, 6);
    expect(found.get(realTime)!.ratio).toBeCloseTo(1.2, 6);
  });

  it('says nothing when the products do not agree (fixed iterations, hand-made files) or too few can be read', () => {
    const fixed = [gb('BM_A', 1000, 10_000), gb('BM_B', 1000, 20_000), gb('BM_C', 1000, 100_000)];
    expect(probeDisagreements(fixed).size).toBe(0);
    expect(probeDisagreements(usual.slice(0, 2)).size).toBe(0);
    // Several threads, one iteration, repetitions and other tools are not read.
    const unreadable = [
      gb('BM_T/threads:4', 14_000, 10_000, { threads: 4 }),
      gb('BM_Slow', 1, 140_000_000),
      { ...gb('BM_R', 14_000, 10_000), samples: [10_000, 10_100] },
      { ...gb('test_x', 14_000, 10_000), format: 'pytest-benchmark' as const },
    ];
    expect(probeDisagreements([...usual.slice(0, 2), ...unreadable]).size).toBe(0);
  });
});

describe('judgeProbe', () => {
  const regression = (change: number) =>
    detectRegression({ baseline: [100], candidate: [100 * (1 + change)] }, 'smaller-is-better');
  const probe = (ratio: number) => ({ ratio, iterations: 15_958, benchmarks: 3 });
  const result = gb('BM_Fill', 15_958, 10_806);

  it('makes a regression the excess explains inconclusive, and says why', () => {
    const d = judgeProbe(regression(0.6), result, probe(1.4));
    expect(regression(0.6).verdict).toBe('regression');
    expect(d.verdict).toBe('inconclusive');
    expect(d.change).toEqual(regression(0.6).change);
    expect(d.reason).toMatch(
      /probe in this run predicted a 40\.0% shorter run: its 15,958 iterations.*rerun it/,
    );
  });

  it('keeps a regression beyond what the excess explains, one within the tolerance, and anything else', () => {
    expect(judgeProbe(regression(1), result, probe(1.2)).verdict).toBe('regression');
    expect(judgeProbe(regression(0.6), result, probe(1.08)).verdict).toBe('regression');
    const improvement = detectRegression({ baseline: [160], candidate: [100] }, 'smaller-is-better');
    expect(judgeProbe(improvement, result, probe(1.4))).toBe(improvement);
  });
});
