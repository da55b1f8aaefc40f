import { describe, expect, it } from 'vitest';
import { baselineFromResult, baselineFromRuns } from '../../../../src/analysis/perf/history/baseline.js';
import { defaultMachineClass } from '../../../../src/analysis/perf/history/machine.js';
import type { RunRecord } from '../../../../src/analysis/perf/history/types.js';
import type { BenchmarkResult } from '../../../../src/analysis/perf/parse/types.js';

const current: BenchmarkResult = {
  name: 'BM_x',
  unit: 'ns',
  direction: 'smaller-is-better',
  samples: [1000, 1010, 990],
  samplesKind: 'raw',
  summary: { mean: 1000, median: 1000, stddev: 10, n: 3 },
  format: 'google-benchmark',
  extra: {},
};

function run(
  commit: string,
  unit: string,
  samples: number[],
  kind: 'raw' | 'summary' = 'raw',
  median = 0,
): RunRecord {
  return {
    benchmark: 'BM_x',
    commit,
    branch: 'main',
    time: '2026-11-01T00:00:00.000Z',
    machine: 'm',
    runner: '',
    unit,
    direction: 'smaller-is-better',
    format: 'google-benchmark',
    samplesKind: kind,
    samples,
    summary: { mean: median, median, stddev: 0, n: samples.length },
    sourceFile: '',
    extra: {},
  };
}

describe('baselineFromRuns', () => {
  it('takes the latest run’s rounds and every run’s median, converted to the new unit', () => {
    const b = baselineFromRuns(
      [
        run('a', 'us', [0.9, 1.0, 1.1]),
        run('b', 'ms', [0.002]),
        run('c', 'ns', [950, 1000, 1050]),
        run('d', 'ns', [990, 1000]),
      ],
      current,
    )!;
    expect(b.samples).toEqual([990, 1000]);
    expect(b.history).toEqual([1000, 2000, 1000, 995]);
    expect(b.runs).toBe(4);
    expect(b.commit).toBe('d');
    expect(b.skippedRuns).toBe(0);
  });

  it('uses the tool’s median for summary-only runs and leaves out runs in other units', () => {
    const b = baselineFromRuns(
      [
        run('a', 'ns', [1200], 'summary', 1100),
        run('b', 'MiB/s', [5]),
        run('c', 'ns', [1000], 'summary', 1000),
      ],
      current,
    )!;
    expect(b.history).toEqual([1100, 1000]);
    expect(b.skippedRuns).toBe(1);
  });

  it('gives nothing without usable runs', () => {
    expect(baselineFromRuns([], current)).toBeUndefined();
    expect(baselineFromRuns([run('a', 'ops', [1])], current)).toBeUndefined();
  });

  it('converts a baseline file’s samples', () => {
    expect(baselineFromResult({ ...current, unit: 'us', samples: [1, 2] }, current)?.samples).toEqual([
      1000, 2000,
    ]);
    expect(baselineFromResult({ ...current, unit: 'iter/s' }, current)).toBeUndefined();
  });
});

describe('defaultMachineClass', () => {
  it('prefers the class the workflow names', () => {
    expect(defaultMachineClass({ AI_CI_MACHINE_CLASS: ' ubuntu-latest-gpu ' })).toBe('ubuntu-latest-gpu');
    expect(defaultMachineClass({})).toMatch(new RegExp(`^${process.platform}-${process.arch} `));
  });
});
