import { describe, expect, it } from 'vitest';
import type { Detection } from '../../../src/analysis/perf/detect.js';
import { detectRegression } from '../../../src/analysis/perf/detect.js';
import { fastestOf, MIN_FASTEST_ROUNDS } from '../../../src/analysis/perf/disturbed.js';
import { judgeDisturbedRun, judgeFastest } from '../../../src/analysis/perf/report/disturbance.js';

const run = (samples: number[], extra: Record<string, unknown> = {}, kind: 'raw' | 'summary' = 'raw') => ({
  samples,
  samplesKind: kind,
  extra,
  direction: 'smaller-is-better' as const,
});

describe('fastestOf', () => {
  it('is the smallest round, from MIN_FASTEST_ROUNDS rounds on', () => {
    expect(fastestOf(run([5, 3, 4, 6, 7]))).toBe(3);
    expect(fastestOf(run([5, 3, 4, 6].slice(0, MIN_FASTEST_ROUNDS - 1)))).toBeUndefined();
  });

  it('is the tool’s reported minimum for a summary, and nothing where bigger is better', () => {
    expect(fastestOf(run([10], { min: 8 }, 'summary'))).toBe(8);
    expect(fastestOf(run([10], {}, 'summary'))).toBeUndefined();
    expect(fastestOf({ ...run([5, 3, 4, 6, 7]), direction: 'bigger-is-better' })).toBeUndefined();
  });
});

describe('judgeFastest', () => {
  const regression = detectRegression({ baseline: [100], candidate: [160] }, 'smaller-is-better');
  const judge = (fastBaseline: number, fastCandidate: number): Detection =>
    judgeFastest(
      regression,
      detectRegression({ baseline: [fastBaseline], candidate: [fastCandidate] }, 'smaller-is-better'),
    );

  it('keeps a regression the fastest round shares', () => {
    expect(regression.verdict).toBe('regression');
    expect(judge(90, 150).verdict).toBe('regression');
  });

  it('makes one the fastest round does not share inconclusive, and says why', () => {
    const d = judge(90, 91);
    expect(d.verdict).toBe('inconclusive');
    expect(d.change).toEqual(regression.change);
    expect(d.reason).toMatch(/median 60\.0% worse, but the fastest round changed 1\.1% .*rerun it/);
  });

  it('keeps it when the fastest round moved at least half as far, even if not confidently', () => {
    // +35% of the fastest round against a +60% median, inconclusive for a noisy minimum: the code, not the machine.
    const noisyMinimum: Detection = {
      ...regression,
      verdict: 'inconclusive',
      change: { ...regression.change, estimate: 0.35 },
    };
    expect(judgeFastest(regression, noisyMinimum).verdict).toBe('regression');
    expect(
      judgeFastest(regression, { ...noisyMinimum, change: { ...regression.change, estimate: 0.25 } }).verdict,
    ).toBe('inconclusive');
  });
});

describe('judgeDisturbedRun: one benchmark proves the machine slowed the run', () => {
  const at = (change: number) =>
    detectRegression({ baseline: [100], candidate: [100 * (1 + change)] }, 'smaller-is-better');
  // test_join of the recorded run nodata-12: median +63%, fastest round +1%.
  const witness = { name: 'test_join', detection: at(0.63), fastest: at(0.01) };

  it('makes a regression of the same run within the witness’s slowdown inconclusive, naming the witness', () => {
    const d = judgeDisturbedRun(at(0.75), 'smaller-is-better', [witness]);
    expect(d.verdict).toBe('inconclusive');
    expect(d.change.estimate).toBeCloseTo(0.75);
    expect(d.reason).toMatch(
      /75\.0% worse, but the machine slowed this run: its test_join moved 63\.0% .* fastest round changed 1\.0%.*rerun it/,
    );
  });

  it('keeps a regression far beyond the disturbance, and every other verdict', () => {
    // A code change that doubles one benchmark during a 10% disturbance stands out.
    const small = { ...witness, detection: at(0.1) };
    expect(judgeDisturbedRun(at(1), 'smaller-is-better', [small]).verdict).toBe('regression');
    expect(judgeDisturbedRun(at(0.12), 'smaller-is-better', [small]).verdict).toBe('inconclusive');
    const improvement = detectRegression({ baseline: [100], candidate: [50] }, 'smaller-is-better');
    expect(judgeDisturbedRun(improvement, 'smaller-is-better', [witness])).toBe(improvement);
  });

  it('reads a throughput’s drop as a slowdown', () => {
    const drop = detectRegression({ baseline: [100], candidate: [60] }, 'bigger-is-better');
    expect(drop.verdict).toBe('regression');
    expect(judgeDisturbedRun(drop, 'bigger-is-better', [witness]).verdict).toBe('inconclusive');
    const crash = detectRegression({ baseline: [100], candidate: [20] }, 'bigger-is-better');
    expect(judgeDisturbedRun(crash, 'bigger-is-better', [witness]).verdict).toBe('regression');
  });
});
