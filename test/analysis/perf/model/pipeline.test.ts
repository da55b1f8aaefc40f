import { describe, expect, it } from 'vitest';
import type { NoiseFile } from '../../../../src/analysis/perf/dataset/noise.js';
import { FEATURE_NAMES } from '../../../../src/analysis/perf/features.js';
import type { RunRecord } from '../../../../src/analysis/perf/history/types.js';
import { modelCard } from '../../../../src/analysis/perf/model/card.js';
import { rocAuc, scoreDetector } from '../../../../src/analysis/perf/model/evaluate.js';
import { predictOne } from '../../../../src/analysis/perf/model/network.js';
import { readOnnxMetadata } from '../../../../src/analysis/perf/model/onnx-export.js';
import { OnnxProbabilityModel } from '../../../../src/analysis/perf/model/onnx-model.js';
import { trainAndEvaluate } from '../../../../src/analysis/perf/model/pipeline.js';
import { noiseFromRuns } from '../../../../src/analysis/perf/model/training-data.js';
import { seededRandom } from '../../../../src/analysis/perf/stats/rng.js';

/** Log-normal rounds around a level, per run a small shift: the shape of a quiet benchmark's history. */
function runs(count: number, rounds: number, level: number, noise: number, seed: number): number[][] {
  const rand = seededRandom(seed);
  const gauss = () => Math.sqrt(-2 * Math.log(1 - rand())) * Math.cos(2 * Math.PI * rand());
  return Array.from({ length: count }, () => {
    const runLevel = level * Math.exp(noise * 0.5 * gauss());
    return Array.from({ length: rounds }, () => runLevel * Math.exp(noise * gauss()));
  });
}

describe('scoring', () => {
  it('computes ROC AUC with ties counted half', () => {
    expect(
      rocAuc([
        { label: 1, probability: 0.9 },
        { label: 0, probability: 0.1 },
      ]),
    ).toBe(1);
    expect(
      rocAuc([
        { label: 1, probability: 0.5 },
        { label: 0, probability: 0.5 },
      ]),
    ).toBe(0.5);
    // 3 positives, 2 negatives; pairs ordered right: (0.8>0.3, 0.8>0.6, 0.7>0.3, 0.7>0.6, 0.2<…) = 4 of 6.
    expect(
      rocAuc([
        { label: 1, probability: 0.8 },
        { label: 1, probability: 0.7 },
        { label: 1, probability: 0.2 },
        { label: 0, probability: 0.3 },
        { label: 0, probability: 0.6 },
      ]),
    ).toBeCloseTo(4 / 6, 12);
  });

  it('reports recall by size, balanced accuracy and false alarms per 1,000', () => {
    const q = scoreDetector([
      { label: 1, kind: 'regression', change: 0.3, probability: 0.99, flagged: true },
      { label: 1, kind: 'regression', change: 0.06, probability: 0.6, flagged: false },
      { label: 1, kind: 'regression', change: 0.015, probability: 0.97, flagged: true },
      { label: 0, kind: 'no-change', change: 0, probability: 0.96, flagged: true },
      { label: 0, kind: 'no-change', change: 0, probability: 0.1, flagged: false },
      { label: 0, kind: 'no-change', change: 0, probability: 0.1, flagged: false },
      { label: 0, kind: 'no-change', change: 0, probability: 0.1, flagged: false },
      { label: 0, kind: 'improvement', change: -0.2, probability: 0.01, flagged: false },
    ]);
    expect(q.recall).toBeCloseTo(2 / 3, 12);
    expect(q.recallAtLeast5pct).toBe(0.5);
    expect(q.precision).toBeCloseTo(2 / 3, 12);
    expect(q.falseAlarmsPer1000NoChange).toBe(250);
    expect(q.falseAlarmsPer1000Improvements).toBe(0);
    expect(q.balancedAccuracyAtLeast5pct).toBeCloseTo((0.5 + 0.75) / 2, 12);
    expect(q.recallBySize.find((b) => b.range === '1–2%')).toEqual({ range: '1–2%', n: 1, recall: 1 });
  });
});

describe('noise from history', () => {
  it('cuts each benchmark’s history at its change points and keeps the long stable stretches', () => {
    const quiet = runs(40, 5, 1.0, 0.01, 1);
    // A 30% step after run 20: two stable stretches.
    for (let i = 20; i < 40; i++) quiet[i] = quiet[i]!.map((v) => v * 1.3);
    const record = (benchmark: string, samples: number[], i: number, machine = 'm'): RunRecord => ({
      benchmark,
      commit: `c${i}`,
      branch: 'main',
      time: new Date(Date.UTC(2026, 9, 1) + i * 3600_000).toISOString(),
      machine,
      runner: '',
      unit: 's',
      direction: 'smaller-is-better',
      format: 'pytest-benchmark',
      samplesKind: 'raw',
      samples,
      summary: { mean: 0, median: 0, stddev: 0, n: samples.length },
      sourceFile: '',
      extra: {},
    });
    const records = [
      ...quiet.map((s, i) => record('step', s, i)),
      ...runs(6, 5, 2, 0.01, 2).map((s, i) => record('short', s, i)),
      ...runs(12, 5, 3, 0.01, 3).map((s, i) => record('other-machine', s, i, 'gpu')),
    ];
    const noise = noiseFromRuns(records);
    expect(noise.benchmarks.map((b) => [b.id, b.runs.length])).toEqual([
      ['other-machine@gpu', 12],
      ['step@m#0', 20],
      ['step@m#1', 20],
    ]);
    expect(noise.benchmarks[1]!.runs[0]).toEqual(quiet[0]);
  });
});

describe('training pipeline', () => {
  it('trains on the train split, exports ONNX and scores the held-out benchmarks through onnxruntime', async () => {
    const tools = ['hyperfine', 'pytest-benchmark', 'google-benchmark'] as const;
    const noise: NoiseFile = {
      description: 'synthetic test noise',
      benchmarks: tools.flatMap((tool, t) =>
        [0, 1, 2].map((k) => ({
          id: `${tool}/b${k}`,
          tool,
          unit: 's',
          runs: runs(25, 8, 0.01 * (k + 1), 0.01 + 0.02 * k, 10 * t + k),
        })),
      ),
    };
    const progress: string[] = [];
    const result = await trainAndEvaluate(noise, {
      hidden: [4],
      epochs: 15,
      seed: 3,
      threshold: 0.95,
      comparisonsPerBenchmark: 60,
      dataDescription: 'synthetic',
      progress: (m) => progress.push(m),
    });
    expect(result.trainBenchmarks + result.heldout.benchmarks).toBe(9);
    expect(result.heldout.benchmarks).toBe(3); // a third per tool
    expect(result.heldout.model.comparisons).toBe(180);
    // Injected regressions of up to 50% in quiet benchmarks: far better than chance.
    expect(result.heldout.model.rocAuc).toBeGreaterThan(0.75);
    // The three detectors are scored on the same 180 held-out comparisons.
    const { model, detectorWithModel, statisticsAlone } = result.heldout;
    for (const q of [detectorWithModel, statisticsAlone]) {
      expect([q.comparisons, q.regressions, q.noChanges, q.improvements]).toEqual([
        model.comparisons,
        model.regressions,
        model.noChanges,
        model.improvements,
      ]);
    }
    expect(model.regressions + model.noChanges + model.improvements).toBe(180);
    expect(progress.some((m) => m.startsWith('scoring 180 held-out comparisons'))).toBe(true);

    const meta = readOnnxMetadata(result.onnx);
    expect(meta.featureNames).toEqual([...FEATURE_NAMES]);
    expect(meta.info).toMatchObject({
      data: 'synthetic',
      hidden: [4],
      seed: 3,
      trainComparisons: result.trainComparisons,
    });
    const loaded = await OnnxProbabilityModel.fromBytes(result.onnx, 'pipeline', {
      featureNames: FEATURE_NAMES,
      device: 'cpu',
    });
    // The exported graph computes the trained network's probabilities (float32 against float64).
    const rand = seededRandom(7);
    const inputs = Array.from({ length: 5 }, () =>
      Float32Array.from(FEATURE_NAMES, () => (rand() - 0.5) * 4),
    );
    const fromOnnx = await loaded.predict(inputs);
    const inMemory = inputs.map((x) => predictOne(result.model, x));
    expect(new Set(inMemory.map((p) => p.toFixed(3))).size).toBeGreaterThan(1); // inputs that tell apart
    for (const [i, p] of inMemory.entries()) expect(fromOnnx[i]).toBeCloseTo(p, 5);
    await loaded.close();

    const card = modelCard(result, 'ai-ci perf train --output-model m.onnx', 'Synthetic noise.');
    expect(card).toContain(`- Held out: 180 comparisons from 3 benchmarks`);
    expect(card).toContain(
      `| ai-ci perf analyze (statistics + this model) | ${(result.heldout.detectorWithModel.balancedAccuracyAtLeast5pct * 100).toFixed(1)}% |`,
    );
    expect(card).toContain('ai-ci perf train --output-model m.onnx');
  }, 60_000);

  it('refuses data without held-out benchmarks', async () => {
    const noise: NoiseFile = {
      description: 'one benchmark',
      benchmarks: [{ id: 'hyperfine/only', tool: 'hyperfine', unit: 's', runs: runs(10, 5, 1, 0.01, 1) }],
    };
    await expect(
      trainAndEvaluate(noise, {
        hidden: [],
        epochs: 2,
        seed: 1,
        threshold: 0.95,
        comparisonsPerBenchmark: 10,
        dataDescription: '',
      }),
    ).rejects.toThrow(/needs benchmarks in both splits/);
  });
});
