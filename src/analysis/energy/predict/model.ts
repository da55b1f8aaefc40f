/**
 * The carbon predictor: a ridge regression of ln(head run energy / base run energy) on the change's standardised
 * features (features.ts), with a prediction interval from its leave-one-out residuals on the training pairs. It is
 * written as ONNX (standard operators: Sub, Div, Gemm) with its feature names, interval and training facts in the
 * metadata, as the performance model is, and run by onnxruntime-node, imported only when a model is run (the
 * controller imports energy/index.ts, which must not load it, and `carbon track` must start fast).
 */
import { readFile } from 'node:fs/promises';
import onnxProto from 'onnx-proto';
import type * as Ort from 'onnxruntime-node';

const { onnx } = onnxProto;
export const INPUT_NAME = 'features';
export const OUTPUT_NAME = 'log_energy_ratio';
const META_FEATURE_NAMES = 'ai-ci.feature_names';
const META_INFO = 'ai-ci.info';
const FLOAT = onnx.TensorProto.DataType.FLOAT;

export interface LinearModel {
  featureNames: string[];
  mean: number[];
  scale: number[];
  /** Weights on the standardised features and the intercept. */
  weights: number[];
  bias: number;
  /** Quantiles of the leave-one-out residuals (ln ratio): the prediction interval is [ŷ + low, ŷ + high]. */
  interval: { low: number; high: number; coverage: number };
  info: Record<string, unknown>;
}

/** Solves A x = b (A square, symmetric positive definite after the ridge) by Gaussian elimination. */
function solve(a: number[][], b: number[]): number[] {
  const n = b.length;
  const m = a.map((row, i) => [...row, b[i]!]);
  for (let c = 0; c < n; c++) {
    let p = c;
    for (let r = c + 1; r < n; r++) if (Math.abs(m[r]![c]!) > Math.abs(m[p]![c]!)) p = r;
    [m[c], m[p]] = [m[p]!, m[c]!];
    const pivot = m[c]![c]!;
    if (Math.abs(pivot) < 1e-12) throw new RangeError('singular system');
    for (let r = 0; r < n; r++) {
      if (r === c) continue;
      const f = m[r]![c]! / pivot;
      for (let k = c; k <= n; k++) m[r]![k]! -= f * m[c]![k]!;
    }
  }
  return m.map((row, i) => row[n]! / row[i]!);
}

function quantile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return 0;
  const pos = (sorted.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (pos - lo);
}

/** Ridge fit on standardised features; the intercept is not penalised. */
export function fitRidge(
  x: readonly Float32Array[],
  y: readonly number[],
  lambda: number,
): { mean: number[]; scale: number[]; weights: number[]; bias: number } {
  const n = x.length;
  const f = x[0]?.length ?? 0;
  if (n === 0 || f === 0) throw new RangeError('no training data');
  const mean = Array.from({ length: f }, (_, j) => x.reduce((s, r) => s + r[j]!, 0) / n);
  const scale = mean.map((m, j) => {
    const sd = Math.sqrt(x.reduce((s, r) => s + (r[j]! - m) ** 2, 0) / n);
    return sd > 1e-9 ? sd : 1;
  });
  const z = x.map((r) => Array.from(r, (v, j) => (v - mean[j]!) / scale[j]!));
  const ym = y.reduce((s, v) => s + v, 0) / n;
  const a = Array.from({ length: f }, (_, i) =>
    Array.from({ length: f }, (_, j) => z.reduce((s, r) => s + r[i]! * r[j]!, 0) + (i === j ? lambda : 0)),
  );
  const b = Array.from({ length: f }, (_, i) => z.reduce((s, r, k) => s + r[i]! * (y[k]! - ym), 0));
  return { mean, scale, weights: solve(a, b), bias: ym };
}

/** ŷ of a fitted model for one feature vector (the same arithmetic as the ONNX graph). */
export function predictLinear(
  m: { mean: readonly number[]; scale: readonly number[]; weights: readonly number[]; bias: number },
  x: Float32Array,
): number {
  return m.weights.reduce((s, w, j) => s + (w * (x[j]! - m.mean[j]!)) / m.scale[j]!, m.bias);
}

/** Leave-one-out residuals (observed − predicted) of a ridge fit. */
export function looResiduals(x: readonly Float32Array[], y: readonly number[], lambda: number): number[] {
  return x.map((xi, i) => {
    const fit = fitRidge(
      x.filter((_, k) => k !== i),
      y.filter((_, k) => k !== i),
      lambda,
    );
    return y[i]! - predictLinear(fit, xi);
  });
}

/** Interval quantiles for a central `coverage` (e.g. 0.9) from residuals. */
export function residualInterval(residuals: readonly number[], coverage: number) {
  const s = [...residuals].sort((a, b) => a - b);
  return { low: quantile(s, (1 - coverage) / 2), high: quantile(s, 1 - (1 - coverage) / 2), coverage };
}

function tensor(name: string, dims: number[], values: readonly number[]) {
  const data = Float32Array.from(values);
  return {
    name,
    dims,
    dataType: FLOAT,
    rawData: new Uint8Array(data.buffer, data.byteOffset, data.byteLength),
  };
}

function floatInfo(name: string, dims: (number | string)[]) {
  return {
    name,
    type: {
      tensorType: {
        elemType: FLOAT,
        shape: { dim: dims.map((d) => (typeof d === 'number' ? { dimValue: d } : { dimParam: d })) },
      },
    },
  };
}

/** features [batch, F] → (x − mean) / scale → Gemm → log_energy_ratio [batch, 1]. */
export function toOnnx(m: LinearModel): Uint8Array {
  const f = m.featureNames.length;
  if (m.mean.length !== f || m.scale.length !== f || m.weights.length !== f)
    throw new RangeError('model arrays do not match its feature names');
  const proto = onnx.ModelProto.create({
    irVersion: 7,
    opsetImport: [{ domain: '', version: 13 }],
    producerName: 'ai-ci',
    producerVersion: '1',
    modelVersion: 1,
    docString: 'ln(energy of the CI run at the head / at the base) from the change (ai-ci carbon predict).',
    graph: {
      name: 'carbon_predictor',
      node: [
        { opType: 'Sub', input: [INPUT_NAME, 'mean'], output: ['centred'], name: 'centre' },
        { opType: 'Div', input: ['centred', 'scale'], output: ['standardised'], name: 'scale' },
        {
          opType: 'Gemm',
          input: ['standardised', 'weight', 'bias'],
          output: [OUTPUT_NAME],
          name: 'linear',
          attribute: [{ name: 'transB', type: onnx.AttributeProto.AttributeType.INT, i: 1 }],
        },
      ],
      initializer: [
        tensor('mean', [f], m.mean),
        tensor('scale', [f], m.scale),
        tensor('weight', [1, f], m.weights),
        tensor('bias', [1], [m.bias]),
      ],
      input: [floatInfo(INPUT_NAME, ['batch', f])],
      output: [floatInfo(OUTPUT_NAME, ['batch', 1])],
    },
    metadataProps: [
      { key: META_FEATURE_NAMES, value: JSON.stringify(m.featureNames) },
      { key: META_INFO, value: JSON.stringify({ ...m.info, interval: m.interval }) },
    ],
  });
  return onnx.ModelProto.encode(proto).finish();
}

export class PredictorLoadError extends Error {
  constructor(path: string, problem: string) {
    super(`${path}: ${problem}`);
    this.name = 'PredictorLoadError';
  }
}

/** The ONNX carbon predictor run by onnxruntime-node. */
export class OnnxCarbonPredictor {
  private constructor(
    private readonly ort: typeof Ort,
    private readonly session: Ort.InferenceSession,
    readonly featureNames: readonly string[],
    readonly interval: { low: number; high: number; coverage: number },
    readonly info: Record<string, unknown>,
  ) {}

  static async load(path: string, featureNames: readonly string[]): Promise<OnnxCarbonPredictor> {
    let bytes: Uint8Array;
    try {
      bytes = await readFile(path);
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      throw new PredictorLoadError(
        path,
        code === 'ENOENT'
          ? 'does not exist; train one with ai-ci carbon calibrate'
          : `cannot be read (${code})`,
      );
    }
    return OnnxCarbonPredictor.fromBytes(bytes, path, featureNames);
  }

  static async fromBytes(bytes: Uint8Array, path: string, featureNames: readonly string[]) {
    let meta: Map<string, string>;
    try {
      meta = new Map(onnx.ModelProto.decode(bytes).metadataProps.map((p) => [p.key ?? '', p.value ?? '']));
    } catch (err) {
      throw new PredictorLoadError(path, `is not an ONNX model (${(err as Error).message})`);
    }
    const names = JSON.parse(meta.get(META_FEATURE_NAMES) ?? 'null') as string[] | null;
    if (names?.join(',') !== featureNames.join(','))
      throw new PredictorLoadError(
        path,
        names
          ? 'was trained on other features than this ai-ci computes; retrain it with ai-ci carbon calibrate'
          : 'has no ai-ci.feature_names metadata: it was not written by ai-ci carbon calibrate',
      );
    const info = JSON.parse(meta.get(META_INFO) ?? '{}') as Record<string, unknown>;
    const interval = info.interval as OnnxCarbonPredictor['interval'] | undefined;
    if (!interval) throw new PredictorLoadError(path, 'has no prediction interval in its metadata');
    const ort = await import('onnxruntime-node');
    let session: Ort.InferenceSession;
    try {
      session = await ort.InferenceSession.create(bytes, { executionProviders: ['cpu'] });
    } catch (err) {
      throw new PredictorLoadError(
        path,
        `onnxruntime cannot load it (${(err as Error).message.split('\n')[0]})`,
      );
    }
    return new OnnxCarbonPredictor(ort, session, names, interval, info);
  }

  /** ln(head energy / base energy) for each feature vector. */
  async predict(features: readonly Float32Array[]): Promise<number[]> {
    if (features.length === 0) return [];
    const f = this.featureNames.length;
    const data = new Float32Array(features.length * f);
    for (const [i, x] of features.entries()) data.set(x, i * f);
    const out = await this.session.run({
      [INPUT_NAME]: new this.ort.Tensor('float32', data, [features.length, f]),
    });
    return Array.from(out[OUTPUT_NAME]!.data as Float32Array);
  }

  async close(): Promise<void> {
    await this.session.release();
  }
}
