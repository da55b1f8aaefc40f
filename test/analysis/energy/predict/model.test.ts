import { describe, expect, it } from 'vitest';
import {
  fitRidge,
  type LinearModel,
  looResiduals,
  OnnxCarbonPredictor,
  PredictorLoadError,
  predictLinear,
  residualInterval,
  toOnnx,
} from '../../../../src/analysis/energy/predict/model.js';

const NAMES = ['a', 'b', 'c'];

/** y = 0.5 + 2 a − 1 b + 0 c, exactly, on a spread of points. */
function linearData(n: number) {
  const x: Float32Array[] = [];
  const y: number[] = [];
  for (let i = 0; i < n; i++) {
    const row = Float32Array.from([Math.sin(i), (i % 7) / 3, Math.cos(i * 1.3)]);
    x.push(row);
    y.push(0.5 + 2 * row[0]! - row[1]!);
  }
  return { x, y };
}

describe('ridge fit', () => {
  it('recovers the coefficients of exactly linear data with a tiny penalty', () => {
    const { x, y } = linearData(40);
    const fit = fitRidge(x, y, 1e-9);
    for (const [i, row] of x.entries()) expect(predictLinear(fit, row)).toBeCloseTo(y[i]!, 6);
    // Weights are per standard deviation: back on the raw scale they are 2, −1 and 0.
    expect(fit.weights[0]! / fit.scale[0]!).toBeCloseTo(2, 6);
    expect(fit.weights[1]! / fit.scale[1]!).toBeCloseTo(-1, 6);
    expect(fit.weights[2]! / fit.scale[2]!).toBeCloseTo(0, 6);
  });

  it('shrinks towards the mean as the penalty grows, and a constant feature gets no weight', () => {
    const { x, y } = linearData(40);
    const withConstant = x.map((r) => Float32Array.from([r[0]!, r[1]!, 3]));
    const small = fitRidge(withConstant, y, 0.1);
    const big = fitRidge(withConstant, y, 1e6);
    expect(Math.abs(big.weights[0]!)).toBeLessThan(Math.abs(small.weights[0]!) / 100);
    expect(big.bias).toBeCloseTo(y.reduce((s, v) => s + v, 0) / y.length, 9);
    expect(small.weights[2]).toBe(0);
  });

  it('leave-one-out residuals of exact data are ~0, and the interval covers the central share of residuals', () => {
    const { x, y } = linearData(20);
    for (const r of looResiduals(x, y, 1e-9)) expect(Math.abs(r)).toBeLessThan(1e-6);
    const residuals = Array.from({ length: 101 }, (_, i) => (i - 50) / 100);
    const iv = residualInterval(residuals, 0.9);
    expect(iv.low).toBeCloseTo(-0.45, 9);
    expect(iv.high).toBeCloseTo(0.45, 9);
  });
});

describe('ONNX carbon predictor', () => {
  const { x, y } = linearData(30);
  const fit = fitRidge(x, y, 0.5);
  const model: LinearModel = {
    featureNames: NAMES,
    ...fit,
    interval: { low: -0.1, high: 0.2, coverage: 0.9 },
    info: { coefficients: fit },
  };

  it('gives the TypeScript prediction through onnxruntime-node, with its metadata', async () => {
    const p = await OnnxCarbonPredictor.fromBytes(toOnnx(model), 'm.onnx', NAMES);
    const out = await p.predict(x.slice(0, 5));
    for (let i = 0; i < 5; i++) expect(out[i]).toBeCloseTo(predictLinear(fit, x[i]!), 5);
    expect(p.interval).toEqual({ low: -0.1, high: 0.2, coverage: 0.9 });
    expect(await p.predict([])).toEqual([]);
    await p.close();
  });

  it('refuses a model of other features, a file that is not ONNX and a missing file', async () => {
    await expect(OnnxCarbonPredictor.fromBytes(toOnnx(model), 'm.onnx', ['a', 'b', 'd'])).rejects.toThrow(
      /other features/,
    );
    await expect(
      OnnxCarbonPredictor.fromBytes(new TextEncoder().encode('not a model'), 'x.onnx', NAMES),
    ).rejects.toBeInstanceOf(PredictorLoadError);
    await expect(OnnxCarbonPredictor.load('/nonexistent/m.onnx', NAMES)).rejects.toThrow(
      /does not exist; train one with ai-ci carbon calibrate/,
    );
  });
});
