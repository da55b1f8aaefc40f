import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ModelBreaker, ModelUnavailableError } from '../../../../src/analysis/perf/model/breaker.js';
import { predictOne } from '../../../../src/analysis/perf/model/network.js';
import { readOnnxMetadata, toOnnx } from '../../../../src/analysis/perf/model/onnx-export.js';
import { ModelLoadError, OnnxProbabilityModel } from '../../../../src/analysis/perf/model/onnx-model.js';
import { trainModel } from '../../../../src/analysis/perf/model/train.js';
import { seededRandom } from '../../../../src/analysis/perf/stats/rng.js';

const NAMES = ['shift', 'noise', 'unused'];

/** Two Gaussian clouds that a line separates: label 1 when shift − 0.5·noise > 0.3. */
function synthetic(n: number, seed: number) {
  const rand = seededRandom(seed);
  const gauss = () => Math.sqrt(-2 * Math.log(1 - rand())) * Math.cos(2 * Math.PI * rand());
  const x: Float32Array[] = [];
  const y: number[] = [];
  for (let i = 0; i < n; i++) {
    const label = i % 2;
    const shift = label ? 0.8 + 0.2 * gauss() : -0.2 + 0.2 * gauss();
    const noise = 0.1 + 0.05 * Math.abs(gauss());
    x.push(Float32Array.of(shift * 100, noise, gauss() * 1000 + 5000));
    y.push(label);
  }
  return { x, y };
}

const dir = mkdtempSync(join(tmpdir(), 'ai-ci-model-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('training', () => {
  it('learns separable data and generalises to new draws', () => {
    const train = synthetic(400, 1);
    const test = synthetic(200, 2);
    for (const hidden of [[], [4]]) {
      const { model, validationLoss } = trainModel(train.x, train.y, {
        featureNames: NAMES,
        hidden,
        epochs: 150,
        seed: 7,
      });
      expect(validationLoss).toBeLessThan(0.1);
      const correct = test.x.filter((x, i) => (predictOne(model, x) >= 0.5 ? 1 : 0) === test.y[i]).length;
      expect(correct / test.x.length).toBeGreaterThan(0.97);
    }
  });

  it('is deterministic for a seed', () => {
    const { x, y } = synthetic(100, 3);
    const a = trainModel(x, y, { featureNames: NAMES, hidden: [3], epochs: 20, seed: 5 }).model;
    const b = trainModel(x, y, { featureNames: NAMES, hidden: [3], epochs: 20, seed: 5 }).model;
    expect(a.layers).toEqual(b.layers);
  });

  it('refuses data it cannot learn from', () => {
    expect(() => trainModel([Float32Array.of(1, 2, 3)], [1], { featureNames: NAMES })).toThrow(
      /both classes/,
    );
    expect(() => trainModel([Float32Array.of(1, 2)], [1], { featureNames: NAMES })).toThrow(/has 2 features/);
  });
});

describe('ONNX round trip', () => {
  it('gives the TypeScript model’s probabilities within 1e-5 through onnxruntime-node', async () => {
    const train = synthetic(300, 11);
    const { model } = trainModel(train.x, train.y, { featureNames: NAMES, hidden: [5], epochs: 60, seed: 3 });
    model.info = { data: 'synthetic' };
    const path = join(dir, 'roundtrip.onnx');
    writeFileSync(path, toOnnx(model));
    expect(readOnnxMetadata(toOnnx(model))).toEqual({ featureNames: NAMES, info: { data: 'synthetic' } });

    const onnx = await OnnxProbabilityModel.load(path, { featureNames: NAMES, device: 'cpu' });
    expect(onnx.executionProvider).toBe('cpu');
    // Include values beyond the clip range and a non-finite one, which both paths must treat alike.
    const probe = [
      ...synthetic(50, 12).x,
      Float32Array.of(1e6, -1e6, 0),
      Float32Array.of(Number.NaN, 0.1, 5000),
    ];
    const fromOnnx = await onnx.predict(probe);
    const fromTs = probe.map((x) => predictOne(model, x));
    expect(fromOnnx).toHaveLength(probe.length);
    for (let i = 0; i < probe.length; i++) expect(Math.abs(fromOnnx[i]! - fromTs[i]!)).toBeLessThan(1e-5);
    // Not a constant: the probe spans both classes.
    expect(Math.min(...fromOnnx)).toBeLessThan(0.1);
    expect(Math.max(...fromOnnx)).toBeGreaterThan(0.9);
    await onnx.close();
  });

  it('round-trips a logistic regression (no hidden layer) too', async () => {
    const train = synthetic(200, 21);
    const { model } = trainModel(train.x, train.y, { featureNames: NAMES, epochs: 40, seed: 1 });
    const path = join(dir, 'logistic.onnx');
    writeFileSync(path, toOnnx(model));
    const onnx = await OnnxProbabilityModel.load(path, { featureNames: NAMES, device: 'auto' });
    expect(onnx.executionProvider).toMatch(/^(cpu|cuda)/);
    const probe = synthetic(20, 22).x;
    const got = await onnx.predict(probe);
    probe.forEach((x, i) => {
      expect(Math.abs(got[i]! - predictOne(model, x))).toBeLessThan(1e-5);
    });
    await onnx.close();
  });

  it('refuses a model trained on other features, and files that are not models', async () => {
    const { x, y } = synthetic(40, 4);
    const path = join(dir, 'other-features.onnx');
    writeFileSync(path, toOnnx(trainModel(x, y, { featureNames: NAMES, epochs: 2 }).model));
    await expect(OnnxProbabilityModel.load(path, { featureNames: ['a', 'b', 'c'] })).rejects.toThrow(
      /was trained on other features/,
    );
    const junk = join(dir, 'junk.onnx');
    writeFileSync(junk, 'definitely not protobuf \u0000\u0001\u0002');
    await expect(OnnxProbabilityModel.load(junk, { featureNames: NAMES })).rejects.toThrow(ModelLoadError);
    await expect(
      OnnxProbabilityModel.load(join(dir, 'missing.onnx'), { featureNames: NAMES }),
    ).rejects.toThrow(/missing\.onnx: does not exist/);
  });
});

describe('circuit breaker', () => {
  async function breakerFor(path: string | undefined) {
    const warnings: string[] = [];
    const breaker = await ModelBreaker.load(path, NAMES, (m) => warnings.push(m), 'cpu');
    return { breaker, warnings };
  }

  it('falls back to statistics with one warning when the model file is missing', async () => {
    const { breaker, warnings } = await breakerFor(join(dir, 'nope.onnx'));
    expect(breaker.available).toBe(false);
    for (let i = 0; i < 3; i++) {
      await expect(breaker.predict([Float32Array.of(1, 2, 3)])).rejects.toThrow(ModelUnavailableError);
    }
    expect(warnings).toEqual([`model ${join(dir, 'nope.onnx')}: does not exist; using statistics alone`]);
  });

  it('falls back with one warning when the model file is corrupt', async () => {
    const { x, y } = synthetic(40, 5);
    const bytes = toOnnx(trainModel(x, y, { featureNames: NAMES, epochs: 2 }).model);
    const path = join(dir, 'truncated.onnx');
    writeFileSync(path, bytes.subarray(0, Math.floor(bytes.length / 2)));
    const { breaker, warnings } = await breakerFor(path);
    expect(breaker.available).toBe(false);
    await expect(breaker.predict([Float32Array.of(1, 2, 3)])).rejects.toThrow(ModelUnavailableError);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/truncated\.onnx: .*; using statistics alone$/);
  });

  it('says nothing when no model was asked for', async () => {
    const { breaker, warnings } = await breakerFor(undefined);
    expect(breaker.available).toBe(false);
    expect(warnings).toEqual([]);
  });

  it('opens once when the model fails while predicting', async () => {
    const warnings: string[] = [];
    let calls = 0;
    const flaky = {
      async predict(features: Float32Array[]) {
        calls++;
        if (calls === 2) throw new Error('device lost');
        return features.map(() => 0.5);
      },
    };
    const breaker = new ModelBreaker(flaky, (m) => warnings.push(m));
    expect(await breaker.predict([Float32Array.of(1, 2, 3)])).toEqual([0.5]);
    await expect(breaker.predict([Float32Array.of(1, 2, 3)])).rejects.toThrow(ModelUnavailableError);
    await expect(breaker.predict([Float32Array.of(1, 2, 3)])).rejects.toThrow(ModelUnavailableError);
    expect(calls).toBe(2);
    expect(warnings).toEqual(['the model failed while predicting (device lost); using statistics alone']);
  });
});
