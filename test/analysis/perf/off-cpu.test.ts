import { describe, expect, it } from 'vitest';
import { correctOffCpu, OFF_CPU_TOLERANCE, offCpuSharesOf } from '../../../src/analysis/perf/off-cpu.js';
import type { BenchmarkResult } from '../../../src/analysis/perf/parse/types.js';

function gbench(
  real: number[],
  cpu: number[] | number,
  extra: Record<string, unknown> = {},
): BenchmarkResult {
  const mean = real.reduce((a, b) => a + b, 0) / real.length;
  return {
    name: 'BM_X',
    unit: 'ns',
    direction: 'smaller-is-better',
    samples: real,
    samplesKind: Array.isArray(cpu) ? 'raw' : 'summary',
    summary: { mean, median: mean, stddev: 0, n: real.length },
    format: 'google-benchmark',
    extra: { cpuTime: cpu, ...extra },
  };
}

describe('offCpuSharesOf', () => {
  it('gives real/cpu − 1 per round and of the rounds’ medians', () => {
    const s = offCpuSharesOf(gbench([100, 130, 100], [100, 100, 100]))!;
    expect(s.samples[0]).toBeCloseTo(0);
    expect(s.samples[1]).toBeCloseTo(0.3);
    expect(s.location).toBeCloseTo(0);
  });

  it('reads a summary from its mean’s real and CPU time', () => {
    const s = offCpuSharesOf(gbench([125], 100))!;
    expect(s.location).toBeCloseTo(0.25);
    expect(s.samples).toEqual([s.location]);
  });

  it('leaves multi-threaded results, results without CPU time and non-positive values alone', () => {
    expect(offCpuSharesOf(gbench([100], [50], { threads: 4 }))).toBeUndefined();
    expect(offCpuSharesOf({ ...gbench([100], [100]), extra: {} })).toBeUndefined();
    expect(offCpuSharesOf(gbench([100, 0], [100, 100]))).toBeUndefined();
    expect(offCpuSharesOf(gbench([100], [0]))).toBeUndefined();
    // More CPU than wall time: other threads at work (Google Benchmark's test1 BM_NotBadTimeUnit, 0.04 s vs 0.6 s).
    expect(offCpuSharesOf(gbench([0.04], 0.6))).toBeUndefined();
    expect(offCpuSharesOf(gbench([10, 10, 10], [20, 20, 20]))).toBeUndefined();
    expect(offCpuSharesOf(gbench([10, 20, 10], [10, 10, 12]))!.samples).toEqual([0, 1, undefined]);
  });
});

describe('correctOffCpu', () => {
  const one = (share: number) => ({ samples: [share], location: share });

  it('corrects nothing when every value is off the CPU as usual', () => {
    expect(
      correctOffCpu(
        { baseline: [100], candidate: [101], history: [99, 100, 100] },
        { candidate: one(0.01), baseline: one(0), history: [0, 0.01, 0] },
      ),
    ).toBeUndefined();
    // Within the tolerance of the usual share: left as measured.
    expect(
      correctOffCpu(
        { baseline: [100], candidate: [102] },
        { candidate: one(OFF_CPU_TOLERANCE - 0.001), baseline: one(0) },
      ),
    ).toBeUndefined();
  });

  it('takes the usual share from the history and brings a descheduled candidate back to it', () => {
    const c = correctOffCpu(
      { baseline: [100], candidate: [136], history: [100, 101, 99, 100] },
      { candidate: one(0.36), baseline: one(0.01), history: [0.01, 0.01, 0, 0.01] },
    )!;
    expect(c.usualFrom).toBe('history');
    expect(c.usualShare).toBeCloseTo(0.01);
    expect(c.input.candidate[0]).toBeCloseTo((136 * 1.01) / 1.36);
    expect(c.candidateCorrected).toBe(1);
    expect(c.baselineCorrected).toBe(0);
    expect(c.input.baseline).toEqual([100]);
  });

  it('corrects disturbed history runs and baseline rounds, keeping the rest', () => {
    const c = correctOffCpu(
      { baseline: [100, 140, 100], candidate: [100, 100, 100], history: [100, 130, 100, 100] },
      {
        candidate: { samples: [0, 0, 0], location: 0 },
        baseline: { samples: [0, 0.4, 0], location: 0 },
        history: [0, 0.3, 0, 0],
      },
    )!;
    expect(c.input.baseline.map((v) => Math.round(v))).toEqual([100, 100, 100]);
    expect(c.input.history!.map((v) => Math.round(v))).toEqual([100, 100, 100, 100]);
    expect(c.baselineCorrected).toBe(1);
    expect(c.historyCorrected).toBe(1);
    expect(c.candidateCorrected).toBe(0);
  });

  it('without history, the usual share is the smaller of the two runs’ (a benchmark that waits by design keeps its share)', () => {
    const c = correctOffCpu(
      { baseline: [150], candidate: [200] },
      { candidate: one(1.0), baseline: one(0.5) },
    )!;
    expect(c.usualFrom).toBe('the two runs');
    expect(c.usualShare).toBeCloseTo(0.5);
    expect(c.input.candidate[0]).toBeCloseTo(150);
  });

  it('leaves an excess beyond OFF_CPU_MAX_EXCESS as measured: a benchmark that waits 10× its CPU time waits by design', () => {
    expect(
      correctOffCpu({ baseline: [100], candidate: [1000] }, { candidate: one(9), baseline: one(0) }),
    ).toBeUndefined();
    expect(
      correctOffCpu({ baseline: [100], candidate: [190] }, { candidate: one(0.9), baseline: one(0) }),
    ).toBeDefined();
  });

  it('needs the candidate’s CPU time', () => {
    expect(correctOffCpu({ baseline: [100], candidate: [100] }, { baseline: one(0.5) })).toBeUndefined();
  });
});
