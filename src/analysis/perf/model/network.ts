/**
 * The performance model: feature standardisation, then dense layers (tanh hidden layers, one sigmoid output).
 * With no hidden layer it is a logistic regression. The same structure is written to ONNX (onnx-export.ts), and
 * this file's forward pass is the reference the ONNX graph must reproduce.
 */

export type Activation = 'tanh' | 'sigmoid';

export interface DenseLayer {
  inputs: number;
  outputs: number;
  /** Row-major [outputs][inputs], as ONNX Gemm takes B with transB = 1. */
  weights: number[];
  bias: number[];
  activation: Activation;
}

export interface PerfModel {
  /** The feature names the model was trained on, in input order; a model only serves the same features. */
  featureNames: string[];
  /** Per-feature mean and standard deviation of the training data: x' = clip((x − mean) / scale). */
  mean: number[];
  scale: number[];
  /** Standardised features are clipped to ±clip, so a wild feature value cannot dominate. */
  clip: number;
  layers: DenseLayer[];
  /** How it was trained and how well it did: written into the ONNX metadata and the model card. */
  info: Record<string, unknown>;
}

/** Standardises and clips one feature vector; NaN becomes the training mean, ±∞ the clip bound (as in ONNX). */
export function standardise(model: PerfModel, x: ArrayLike<number>, out: Float64Array): Float64Array {
  for (let j = 0; j < model.mean.length; j++) {
    out[j] = standardiseValue(x[j]!, model.mean[j]!, model.scale[j]!, model.clip);
  }
  return out;
}

export function standardiseValue(v: number, mean: number, scale: number, clip: number): number {
  if (Number.isNaN(v)) return 0;
  const z = (v - mean) / scale;
  return Math.min(clip, Math.max(-clip, z));
}

export function activate(kind: Activation, v: number): number {
  return kind === 'tanh' ? Math.tanh(v) : 1 / (1 + Math.exp(-v));
}

/** The model's probability for one feature vector, in double precision. */
export function predictOne(model: PerfModel, x: ArrayLike<number>): number {
  let h: Float64Array = standardise(model, x, new Float64Array(model.mean.length));
  for (const layer of model.layers) {
    const next = new Float64Array(layer.outputs);
    for (let o = 0; o < layer.outputs; o++) {
      let s = layer.bias[o]!;
      const row = o * layer.inputs;
      for (let i = 0; i < layer.inputs; i++) s += layer.weights[row + i]! * h[i]!;
      next[o] = activate(layer.activation, s);
    }
    h = next;
  }
  return h[0]!;
}

/** Checks the shapes fit together; throws naming the first mismatch. */
export function validateModel(model: PerfModel): void {
  const f = model.featureNames.length;
  if (model.mean.length !== f || model.scale.length !== f) {
    throw new Error(
      `model has ${f} feature names but ${model.mean.length} means and ${model.scale.length} scales`,
    );
  }
  let width = f;
  model.layers.forEach((layer, k) => {
    if (layer.inputs !== width)
      throw new Error(`layer ${k} takes ${layer.inputs} inputs, previous gives ${width}`);
    if (layer.weights.length !== layer.inputs * layer.outputs || layer.bias.length !== layer.outputs) {
      throw new Error(`layer ${k} has weights or bias of the wrong size`);
    }
    width = layer.outputs;
  });
  if (width !== 1 || model.layers.at(-1)?.activation !== 'sigmoid') {
    throw new Error('the last layer must have one sigmoid output');
  }
}
