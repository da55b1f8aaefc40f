import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadNoise } from '../../../../src/analysis/perf/dataset/noise.js';
import { FEATURE_NAMES } from '../../../../src/analysis/perf/features.js';
import { readOnnxMetadata } from '../../../../src/analysis/perf/model/onnx-export.js';
import {
  SHIPPED_COMPARISONS_PER_BENCHMARK,
  trainingComparisons,
  trainingFingerprint,
} from '../../../../src/analysis/perf/model/pipeline.js';

const SHIPPED = fileURLToPath(new URL('../../../../models/performance-predictor.onnx', import.meta.url));

describe('the shipped performance model', () => {
  const meta = readOnnxMetadata(readFileSync(SHIPPED));

  it('takes the features the detector computes, in order', () => {
    expect(meta.featureNames).toEqual([...FEATURE_NAMES]);
  });

  it('was trained on the features the current code computes from the shipped noise recording', () => {
    const { train } = trainingComparisons(loadNoise(), SHIPPED_COMPARISONS_PER_BENCHMARK);
    const now = trainingFingerprint(train);
    const stored = meta.info?.trainingFingerprint;
    expect(
      stored,
      'models/performance-predictor.onnx is stale: the feature code or data/perf changed since it was trained — ' +
        'run `npm run perf:train` and commit the model and models/MODEL_CARD.md',
    ).toBe(now);
  }, 60_000);
});

describe('trainingFingerprint', () => {
  it('changes when a label or a feature input changes, and not otherwise', () => {
    const { train } = trainingComparisons(loadNoise(), 20);
    const first = train.slice(0, 50);
    expect(trainingFingerprint(first)).toBe(trainingFingerprint(first.map((c) => ({ ...c }))));
    const relabelled = first.map((c, i) => (i === 0 ? { ...c, label: (1 - c.label) as 0 | 1 } : c));
    expect(trainingFingerprint(relabelled)).not.toBe(trainingFingerprint(first));
    const slower = first.map((c, i) =>
      i === 0 ? { ...c, input: { ...c.input, candidate: c.input.candidate.map((v) => v * 1.5) } } : c,
    );
    expect(trainingFingerprint(slower)).not.toBe(trainingFingerprint(first));
  });
});
