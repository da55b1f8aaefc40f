import { seededRandom } from '../stats/rng.js';
import { activate, type DenseLayer, type PerfModel, standardiseValue } from './network.js';

/*
 * Training is hand-written: the npm candidates do not fit. ml-logistic-regression trains by fixed-step gradient
 * descent without regularisation, standardisation or probability output in its API (only class labels), and
 * TensorFlow.js's Node binding downloads a native library at install time, which cannot happen here. A small
 * network with Adam is a few dozen lines, deterministic from a seed, and exactly mirrored by the ONNX export.
 */

export interface TrainOptions {
  featureNames: readonly string[];
  /** Hidden layer widths; [] trains a logistic regression. */
  hidden?: number[];
  epochs?: number;
  batchSize?: number;
  learningRate?: number;
  /** L2 penalty on weights (not biases), per sample. */
  l2?: number;
  /** Share of the data held back to choose the epoch (early stopping); 0 trains on everything for all epochs. */
  validationFraction?: number;
  /** Epochs without a better validation loss before stopping. */
  patience?: number;
  clip?: number;
  seed?: number;
  /** Weight the classes so both count equally, for data that is far from balanced. */
  balanceClasses?: boolean;
  /** Progress, once per epoch. */
  onEpoch?: (epoch: number, trainLoss: number, validationLoss: number | undefined) => void;
}

export interface TrainResult {
  model: PerfModel;
  epochs: number;
  trainLoss: number;
  validationLoss: number | undefined;
}

/** Trains the probability that a comparison is a real regression from feature vectors and 0/1 labels. */
export function trainModel(
  features: readonly ArrayLike<number>[],
  labels: readonly number[],
  opts: TrainOptions,
): TrainResult {
  const n = features.length;
  const f = opts.featureNames.length;
  if (n === 0) throw new Error('no training examples');
  if (labels.length !== n) throw new Error(`${n} feature vectors but ${labels.length} labels`);
  features.forEach((x, i) => {
    if (x.length !== f) throw new Error(`example ${i} has ${x.length} features, expected ${f}`);
  });
  const positives = labels.filter((l) => l === 1).length;
  if (positives === 0 || positives === n) throw new Error('training needs examples of both classes');

  const hidden = opts.hidden ?? [];
  const epochs = opts.epochs ?? 200;
  const batchSize = opts.batchSize ?? 128;
  const lr = opts.learningRate ?? 0.01;
  const l2 = opts.l2 ?? 1e-4;
  const clip = opts.clip ?? 8;
  const patience = opts.patience ?? 20;
  const rand = seededRandom(opts.seed ?? 1);

  // Standardisation from all examples (finite values only).
  const mean = new Array<number>(f).fill(0);
  const scale = new Array<number>(f).fill(1);
  for (let j = 0; j < f; j++) {
    let s = 0;
    let c = 0;
    for (const x of features) {
      if (Number.isFinite(x[j]!)) {
        s += x[j]!;
        c++;
      }
    }
    const m = c > 0 ? s / c : 0;
    let v = 0;
    for (const x of features) if (Number.isFinite(x[j]!)) v += (x[j]! - m) ** 2;
    const sd = c > 1 ? Math.sqrt(v / (c - 1)) : 0;
    mean[j] = m;
    scale[j] = sd > 1e-12 ? sd : 1;
  }
  const z = new Float64Array(n * f);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < f; j++) {
      z[i * f + j] = standardiseValue(features[i]![j]!, mean[j]!, scale[j]!, clip);
    }
  }

  const weightOf = (label: number) =>
    opts.balanceClasses ? (label === 1 ? n / (2 * positives) : n / (2 * (n - positives))) : 1;

  // Seeded split into training and validation examples.
  const order = shuffled(n, rand);
  const nValidation = Math.floor(n * (opts.validationFraction ?? 0.15));
  const validation = order.slice(0, nValidation);
  const train = order.slice(nValidation);

  const sizes = [f, ...hidden, 1];
  const layers: DenseLayer[] = [];
  for (let k = 0; k + 1 < sizes.length; k++) {
    const inputs = sizes[k]!;
    const outputs = sizes[k + 1]!;
    const limit = Math.sqrt(6 / (inputs + outputs)); // Glorot uniform
    layers.push({
      inputs,
      outputs,
      weights: Array.from({ length: inputs * outputs }, () => (rand() * 2 - 1) * limit),
      bias: new Array<number>(outputs).fill(0),
      activation: k + 2 === sizes.length ? 'sigmoid' : 'tanh',
    });
  }
  const adam = layers.map((l) => ({
    mw: new Float64Array(l.weights.length),
    vw: new Float64Array(l.weights.length),
    mb: new Float64Array(l.bias.length),
    vb: new Float64Array(l.bias.length),
  }));
  const grads = layers.map((l) => ({
    w: new Float64Array(l.weights.length),
    b: new Float64Array(l.bias.length),
  }));
  const acts = sizes.map((s) => new Float64Array(s));
  const deltas = sizes.map((s) => new Float64Array(s));
  let step = 0;

  const forward = (i: number): number => {
    const a0 = acts[0]!;
    for (let j = 0; j < f; j++) a0[j] = z[i * f + j]!;
    layers.forEach((layer, k) => {
      const input = acts[k]!;
      const out = acts[k + 1]!;
      for (let o = 0; o < layer.outputs; o++) {
        let s = layer.bias[o]!;
        const row = o * layer.inputs;
        for (let j = 0; j < layer.inputs; j++) s += layer.weights[row + j]! * input[j]!;
        out[o] = activate(layer.activation, s);
      }
    });
    return acts[sizes.length - 1]![0]!;
  };

  const lossOf = (idx: readonly number[]): number => {
    if (idx.length === 0) return Number.NaN;
    let loss = 0;
    let weight = 0;
    for (const i of idx) {
      const p = Math.min(1 - 1e-12, Math.max(1e-12, forward(i)));
      const w = weightOf(labels[i]!);
      loss -= w * (labels[i] === 1 ? Math.log(p) : Math.log(1 - p));
      weight += w;
    }
    return loss / weight;
  };

  const snapshot = () => layers.map((l) => ({ ...l, weights: [...l.weights], bias: [...l.bias] }));
  let best = { loss: Number.POSITIVE_INFINITY, layers: snapshot(), epoch: 0 };
  let sinceBest = 0;
  let epoch = 0;
  let trainLoss = Number.NaN;
  for (epoch = 1; epoch <= epochs; epoch++) {
    const epochOrder = shuffledOf(train, rand);
    for (let start = 0; start < epochOrder.length; start += batchSize) {
      const batch = epochOrder.slice(start, start + batchSize);
      for (const g of grads) {
        g.w.fill(0);
        g.b.fill(0);
      }
      let batchWeight = 0;
      for (const i of batch) {
        const p = forward(i);
        const w = weightOf(labels[i]!);
        batchWeight += w;
        // Cross-entropy through a sigmoid output: the gradient at the pre-activation is p − y.
        deltas[sizes.length - 1]![0] = w * (p - labels[i]!);
        for (let k = layers.length - 1; k >= 0; k--) {
          const layer = layers[k]!;
          const input = acts[k]!;
          const delta = deltas[k + 1]!;
          const g = grads[k]!;
          const below = deltas[k]!;
          below.fill(0);
          for (let o = 0; o < layer.outputs; o++) {
            const d = delta[o]!;
            if (d === 0) continue;
            g.b[o]! += d;
            const row = o * layer.inputs;
            for (let j = 0; j < layer.inputs; j++) {
              g.w[row + j]! += d * input[j]!;
              below[j]! += d * layer.weights[row + j]!;
            }
          }
          if (k > 0) {
            // tanh' = 1 − a²
            for (let j = 0; j < layer.inputs; j++) below[j]! *= 1 - input[j]! * input[j]!;
          }
        }
      }
      step++;
      const b1 = 0.9;
      const b2 = 0.999;
      const correction1 = 1 - b1 ** step;
      const correction2 = 1 - b2 ** step;
      layers.forEach((layer, k) => {
        const g = grads[k]!;
        const s = adam[k]!;
        for (let j = 0; j < layer.weights.length; j++) {
          const grad = g.w[j]! / batchWeight + l2 * layer.weights[j]!;
          s.mw[j] = b1 * s.mw[j]! + (1 - b1) * grad;
          s.vw[j] = b2 * s.vw[j]! + (1 - b2) * grad * grad;
          layer.weights[j]! -= (lr * (s.mw[j]! / correction1)) / (Math.sqrt(s.vw[j]! / correction2) + 1e-8);
        }
        for (let j = 0; j < layer.bias.length; j++) {
          const grad = g.b[j]! / batchWeight;
          s.mb[j] = b1 * s.mb[j]! + (1 - b1) * grad;
          s.vb[j] = b2 * s.vb[j]! + (1 - b2) * grad * grad;
          layer.bias[j]! -= (lr * (s.mb[j]! / correction1)) / (Math.sqrt(s.vb[j]! / correction2) + 1e-8);
        }
      });
    }
    trainLoss = lossOf(train);
    const validationLoss = validation.length > 0 ? lossOf(validation) : undefined;
    opts.onEpoch?.(epoch, trainLoss, validationLoss);
    const monitored = validationLoss ?? trainLoss;
    if (monitored < best.loss - 1e-6) {
      best = { loss: monitored, layers: snapshot(), epoch };
      sinceBest = 0;
    } else if (validation.length > 0 && ++sinceBest >= patience) {
      break;
    }
  }
  const model: PerfModel = {
    featureNames: [...opts.featureNames],
    mean,
    scale,
    clip,
    layers: best.layers,
    info: {},
  };
  return {
    model,
    epochs: best.epoch,
    trainLoss: lossOfModel(model, z, labels, train, f, weightOf),
    validationLoss: validation.length > 0 ? best.loss : undefined,
  };
}

function lossOfModel(
  model: PerfModel,
  z: Float64Array,
  labels: readonly number[],
  idx: readonly number[],
  f: number,
  weightOf: (label: number) => number,
): number {
  let loss = 0;
  let weight = 0;
  for (const i of idx) {
    let h = z.subarray(i * f, (i + 1) * f) as Float64Array;
    for (const layer of model.layers) {
      const next = new Float64Array(layer.outputs);
      for (let o = 0; o < layer.outputs; o++) {
        let s = layer.bias[o]!;
        for (let j = 0; j < layer.inputs; j++) s += layer.weights[o * layer.inputs + j]! * h[j]!;
        next[o] = activate(layer.activation, s);
      }
      h = next;
    }
    const p = Math.min(1 - 1e-12, Math.max(1e-12, h[0]!));
    const w = weightOf(labels[i]!);
    loss -= w * (labels[i] === 1 ? Math.log(p) : Math.log(1 - p));
    weight += w;
  }
  return loss / weight;
}

function shuffled(n: number, rand: () => number): number[] {
  return shuffledOf(
    Array.from({ length: n }, (_, i) => i),
    rand,
  );
}

function shuffledOf(items: readonly number[], rand: () => number): number[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}
