import { describe, expect, it } from 'vitest';
import {
  generateComparisons,
  generateSameJobComparisons,
  generateSeries,
  loadLabelledFeatures,
  loadNoise,
  type NoiseFile,
  splitBenchmarks,
} from '../../../../src/analysis/perf/dataset/index.js';
import { FEATURE_COUNT } from '../../../../src/analysis/perf/features.js';
import { noisy } from '../helpers.js';

function fakeNoise(): NoiseFile {
  const tools = ['hyperfine', 'pytest-benchmark', 'google-benchmark'] as const;
  let seed = 1;
  return {
    description: 'test',
    benchmarks: tools.flatMap((tool) =>
      [0, 1, 2, 3].map((i) => ({
        id: `${tool}/b${i}`,
        tool,
        unit: 's',
        runs: Array.from({ length: 20 }, () => noisy(8, 1 + i, 0.02, seed++)),
      })),
    ),
  };
}

describe('labelled dataset', () => {
  const noise = fakeNoise();

  it('splits by benchmark, holding out a third of each tool', () => {
    const split = splitBenchmarks(noise);
    for (const tool of ['hyperfine', 'pytest-benchmark', 'google-benchmark']) {
      const ids = noise.benchmarks.filter((b) => b.tool === tool).map((b) => b.id);
      expect(ids.filter((id) => split.get(id) === 'heldout')).toHaveLength(1);
    }
    const comparisons = generateComparisons(noise, { comparisonsPerBenchmark: 20 });
    const heldout = new Set(
      comparisons.filter((c) => c.split === 'heldout' && c.scored).map((c) => c.benchmark),
    );
    // Training files hold train benchmarks only: nothing of a held-out benchmark reaches training.
    const train = new Set(comparisons.filter((c) => c.split === 'train').map((c) => c.benchmark));
    expect(heldout.size).toBe(3);
    for (const b of heldout) expect(train.has(b)).toBe(false);
    for (const c of comparisons) expect(c.scored).toBe(split.get(c.benchmark) === c.split);
  });

  it('groups comparisons into results files that share their runs', () => {
    const comparisons = generateComparisons(noise, { comparisonsPerBenchmark: 30 });
    const files = new Map<string, typeof comparisons>();
    for (const c of comparisons) files.set(c.file, [...(files.get(c.file) ?? []), c]);
    // 3 tools × 2 splits × 30 files; a held-out file holds all 4 benchmarks of its tool, a train file the 3 train ones.
    expect(files.size).toBe(180);
    for (const [, cs] of files) {
      const tool = cs[0]!.benchmark.split('/')[0];
      expect(cs.every((c) => c.benchmark.startsWith(`${tool}/`))).toBe(true);
      expect(cs).toHaveLength(cs[0]!.split === 'heldout' ? 4 : 3);
      expect(new Set(cs.map((c) => c.input.history.length)).size).toBe(1);
      expect(new Set(cs.map((c) => c.direction)).size).toBe(1);
      if (cs[0]!.fileWide) expect(new Set(cs.map((c) => c.kind)).size).toBe(1);
    }
    expect(comparisons.some((c) => c.fileWide)).toBe(true);
    expect(comparisons.some((c) => !c.fileWide && c.kind !== 'no-change')).toBe(true);
  });

  it('is deterministic for a seed and differs for another', () => {
    const a = generateComparisons(noise, { comparisonsPerBenchmark: 10 });
    const b = generateComparisons(noise, { comparisonsPerBenchmark: 10 });
    const c = generateComparisons(noise, { comparisonsPerBenchmark: 10, seed: 99 });
    expect(b).toEqual(a);
    expect(c).not.toEqual(a);
  });

  it('labels comparisons consistently with what was injected', () => {
    const cs = generateComparisons(noise, { comparisonsPerBenchmark: 200 });
    for (const c of cs) {
      expect(c.label).toBe(c.kind === 'regression' ? 1 : 0);
      if (c.kind === 'no-change') expect(c.change).toBe(0);
      if (c.kind === 'regression') expect(c.change).toBeGreaterThanOrEqual(0.01);
      if (c.kind === 'regression') expect(c.change).toBeLessThanOrEqual(0.5);
      if (c.kind === 'improvement') expect(c.change).toBeLessThan(0);
      expect(c.input.baseline.length).toBeGreaterThan(0);
      expect(c.input.candidate.length).toBeGreaterThan(0);
    }
    const kinds = new Set(cs.map((c) => c.kind));
    expect(kinds).toEqual(new Set(['no-change', 'regression', 'improvement']));
    // Regressions are really there: the candidate's median moved the worse way by about the injected change
    // relative to the baseline, on average over many comparisons without nuisance.
    const clean = cs.filter(
      (c) => c.kind === 'regression' && c.nuisance === 'none' && c.direction === 'smaller-is-better',
    );
    const med = (a: number[]) => [...a].sort((x, y) => x - y)[Math.floor(a.length / 2)]!;
    const ratio = clean.map((c) => med(c.input.candidate) / med(c.input.baseline) / (1 + c.change));
    const avg = ratio.reduce((s, v) => s + v, 0) / ratio.length;
    expect(avg).toBeGreaterThan(0.97);
    expect(avg).toBeLessThan(1.03);
  });

  it('builds same-job A/B comparisons from the interleaved rounds of one run', () => {
    const cs = generateSameJobComparisons(noise);
    const split = splitBenchmarks(noise);
    // One per recorded run of each benchmark (8 rounds → 4 baseline, 4 candidate).
    expect(cs).toHaveLength(noise.benchmarks.length * 20);
    for (const c of cs) {
      expect(c.split).toBe(split.get(c.benchmark));
      expect(c.input.history).toEqual([]);
      expect(c.input.baseline).toHaveLength(4);
      expect(c.input.candidate).toHaveLength(4);
      expect(c.label).toBe(c.kind === 'regression' ? 1 : 0);
    }
    // Without a change or outliers, the baseline and the candidate are the run's own even and odd rounds.
    const untouched = cs.filter((c) => c.kind === 'no-change' && c.nuisance === 'none');
    expect(untouched.length).toBeGreaterThan(10);
    for (const c of untouched) {
      const bench = noise.benchmarks.find((b) => b.id === c.benchmark)!;
      const run = bench.runs[Number(c.id.split('#')[1])]!;
      const orient = (v: number) => (c.direction === 'bigger-is-better' ? 1 / v : v);
      expect(c.input.baseline).toEqual(run.filter((_, i) => i % 2 === 0).map(orient));
      expect(c.input.candidate).toEqual(run.filter((_, i) => i % 2 === 1).map(orient));
    }
    const clean = cs.filter(
      (c) => c.kind === 'regression' && c.nuisance === 'none' && c.direction === 'smaller-is-better',
    );
    expect(clean.length).toBeGreaterThan(10);
    const med = (a: number[]) => [...a].sort((x, y) => x - y)[Math.floor(a.length / 2)]!;
    for (const c of clean) {
      // Rounds of one run scatter by 2% here: the injected change shows within that.
      expect(med(c.input.candidate) / med(c.input.baseline) / (1 + c.change)).toBeCloseTo(1, 1);
    }
    expect(generateSameJobComparisons(noise)).toEqual(cs);
  });

  it('places true change points where the series steps', () => {
    const series = generateSeries(noise, { seriesPerBenchmark: 10, seriesLength: 120 });
    for (const s of series) {
      expect(s.values).toHaveLength(120);
      expect(s.steps).toHaveLength(s.changePoints.length);
      for (let i = 1; i < s.changePoints.length; i++) {
        expect(s.changePoints[i]! - s.changePoints[i - 1]!).toBeGreaterThanOrEqual(10);
      }
    }
  });

  it('loads the recorded real noise and builds feature rows for training', () => {
    const real = loadNoise();
    expect(real.benchmarks.length).toBeGreaterThanOrEqual(20);
    const rows = loadLabelledFeatures('heldout', { comparisonsPerBenchmark: 5 });
    expect(rows.features.length).toBe(rows.labels.length);
    expect(rows.features.length).toBeGreaterThan(0);
    for (const f of rows.features) expect(f).toHaveLength(FEATURE_COUNT);
    expect(new Set(rows.comparisons.map((c) => c.split))).toEqual(new Set(['heldout']));
    expect(rows.comparisons.every((c) => c.scored)).toBe(true);
  });

  it('names the file when the noise cannot be read', () => {
    expect(() => loadNoise('/nonexistent/noise.json.gz')).toThrow(/\/nonexistent\/noise\.json\.gz/);
  });
});
