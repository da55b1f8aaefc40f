import { createHash } from 'node:crypto';
import { DEFAULT_SEED, generateComparisons, type LabelledComparison } from '../dataset/index.js';
import type { NoiseFile } from '../dataset/noise.js';
import { type Comparison, detectRegressions } from '../detect.js';
import { computeFeatures, FEATURE_NAMES } from '../features.js';
import { type DetectorQuality, type ScoredComparison, scoreDetector } from './evaluate.js';
import type { PerfModel } from './network.js';
import { toOnnx } from './onnx-export.js';
import { OnnxProbabilityModel, type ProbabilityModel } from './onnx-model.js';
import { trainModel } from './train.js';

export interface PipelineOptions {
  /** Hidden layer widths; [] is a logistic regression. */
  hidden: number[];
  epochs: number;
  seed: number;
  /** Probability at which a regression is called (the action's `threshold`). */
  threshold: number;
  /** Labelled comparisons generated per benchmark (dataset default 400). */
  comparisonsPerBenchmark?: number;
  /** Where the noise came from, for the model card. */
  dataDescription: string;
  progress?: (message: string) => void;
}

export interface HeldOutQuality {
  benchmarks: number;
  /** The model's probability alone, called at the threshold. */
  model: DetectorQuality;
  /** The full detector (statistics + model), as `ai-ci perf analyze` decides. */
  detectorWithModel: DetectorQuality;
  /** The detector without the model (the circuit breaker's fallback). */
  statisticsAlone: DetectorQuality;
  /** The model alone at other thresholds: its operating curve. */
  curve: { threshold: number; quality: DetectorQuality }[];
}

const CURVE_THRESHOLDS = [0.5, 0.6, 0.7, 0.8, 0.9, 0.95, 0.99];

/** Labelled comparisons generated per benchmark for the shipped model (`perf train`'s default). */
export const SHIPPED_COMPARISONS_PER_BENCHMARK = 1500;

/** Every this-many-th training comparison enters the training fingerprint (about 500 of the shipped 22,500). */
const FINGERPRINT_STRIDE = 45;

/**
 * A fingerprint of what the model was trained on: SHA-256 over the feature names and, for every
 * FINGERPRINT_STRIDE-th training comparison, its label and feature vector (6 significant digits, so that a last-bit
 * difference of a platform's Math does not count). Stored in the model's metadata by `perf train`; a test recomputes
 * it from the shipped noise recording and the current feature code, so a change to either that would change the
 * features the model sees fails until the model is retrained (`npm run perf:train`) — a model silently trained on
 * yesterday's features is what this guards against.
 */
export function trainingFingerprint(train: readonly LabelledComparison[]): string {
  const hash = createHash('sha256');
  hash.update(JSON.stringify(FEATURE_NAMES));
  hash.update(`|${train.length}`);
  for (let i = 0; i < train.length; i += FINGERPRINT_STRIDE) {
    const c = train[i]!;
    const x = computeFeatures(c.input, c.direction);
    hash.update(
      `|${c.label}:${Array.from(x, (v) => (Number.isFinite(v) ? v.toPrecision(6) : String(v))).join(',')}`,
    );
  }
  return hash.digest('hex');
}

/** The training comparisons of the shipped kind of model, as `trainAndEvaluate` draws them. */
export function trainingComparisons(
  noise: NoiseFile,
  comparisonsPerBenchmark?: number,
): { train: LabelledComparison[]; heldout: LabelledComparison[] } {
  const all = generateComparisons(noise, {
    seed: DEFAULT_SEED,
    ...(comparisonsPerBenchmark ? { comparisonsPerBenchmark } : {}),
  });
  return {
    train: all.filter((c) => c.split === 'train'),
    // Held-out files: their held-out benchmarks are scored, the train benchmarks in them are context only.
    heldout: all.filter((c) => c.split === 'heldout'),
  };
}

export interface PipelineResult {
  model: PerfModel;
  onnx: Uint8Array;
  trainComparisons: number;
  trainBenchmarks: number;
  epochs: number;
  validationLoss: number | undefined;
  heldout: HeldOutQuality;
}

/**
 * Trains the shipped kind of model end to end: labelled comparisons from real noise (regressions of known size
 * injected by dataset/generate.ts), the detector's features, training on the train split only, export to ONNX,
 * and the quality of the exported model — run by onnxruntime, as in production — on the held-out benchmarks.
 */
export async function trainAndEvaluate(noise: NoiseFile, opts: PipelineOptions): Promise<PipelineResult> {
  const say = opts.progress ?? (() => {});
  const { train, heldout } = trainingComparisons(noise, opts.comparisonsPerBenchmark);
  if (train.length === 0 || heldout.length === 0) {
    throw new Error(
      `the data gives ${train.length} training and ${heldout.length} held-out comparisons; ` +
        'it needs benchmarks in both splits (at least two benchmarks per tool)',
    );
  }
  say(`computing features of ${train.length} training comparisons from ${countBenchmarks(train)} benchmarks`);
  // As the detector sees them: the raw inputs (the run-wide shift only explains a change, common-mode.ts).
  const features = train.map((c) => computeFeatures(c.input, c.direction));
  const labels = train.map((c) => c.label);
  say(
    `training (hidden layers: ${opts.hidden.length ? opts.hidden.join('×') : 'none, logistic regression'})`,
  );
  const trained = trainModel(features, labels, {
    featureNames: FEATURE_NAMES,
    hidden: opts.hidden,
    epochs: opts.epochs,
    seed: opts.seed,
    onEpoch: (epoch, loss, validation) => {
      if (epoch % 25 === 0) {
        say(
          `epoch ${epoch}: loss ${loss.toFixed(4)}${validation !== undefined ? `, validation ${validation.toFixed(4)}` : ''}`,
        );
      }
    },
  });
  const model = trained.model;

  say(
    `scoring ${heldout.filter((c) => c.scored).length} held-out comparisons from ${countBenchmarks(heldout.filter((c) => c.scored))} benchmarks`,
  );
  const onnxModel = await OnnxProbabilityModel.fromBytes(toOnnx(model), 'trained model', {
    featureNames: FEATURE_NAMES,
    device: 'cpu',
  });
  const heldoutQuality = await evaluateOn(heldout, onnxModel, opts.threshold);
  await onnxModel.close();

  model.info = {
    data: opts.dataDescription,
    featureSet: 'FEATURE_NAMES of src/analysis/perf/features.ts',
    trainingFingerprint: trainingFingerprint(train),
    trainComparisons: train.length,
    trainBenchmarks: countBenchmarks(train),
    heldoutComparisons: heldout.filter((c) => c.scored).length,
    heldoutBenchmarks: countBenchmarks(heldout.filter((c) => c.scored)),
    hidden: opts.hidden,
    epochs: trained.epochs,
    seed: opts.seed,
    threshold: opts.threshold,
    heldout: {
      rocAuc: round(heldoutQuality.model.rocAuc),
      balancedAccuracyAtLeast5pct: round(heldoutQuality.detectorWithModel.balancedAccuracyAtLeast5pct),
      falseAlarmsPer1000NoChange: round(heldoutQuality.detectorWithModel.falseAlarmsPer1000NoChange),
      recall: round(heldoutQuality.detectorWithModel.recall),
    },
  };
  return {
    model,
    onnx: toOnnx(model),
    trainComparisons: train.length,
    trainBenchmarks: countBenchmarks(train),
    epochs: trained.epochs,
    validationLoss: trained.validationLoss,
    heldout: heldoutQuality,
  };
}

/**
 * Scores a model, the detector with it, and the detector without it on labelled comparisons. Comparisons are
 * analysed file by file (common-mode rejection sees the whole file); only `scored` ones are counted.
 */
export async function evaluateOn(
  all: readonly LabelledComparison[],
  model: ProbabilityModel,
  threshold: number,
): Promise<HeldOutQuality> {
  const inputs: Comparison[] = all.map((c) => ({ input: c.input, direction: c.direction, file: c.file }));
  const keep = all.map((c, i) => (c.scored ? i : -1)).filter((i) => i >= 0);
  const comparisons = keep.map((i) => all[i]!);
  const probabilities = await model.predict(
    keep.map((i) => computeFeatures(all[i]!.input, all[i]!.direction)),
  );
  const withModel = (await detectRegressions(inputs, { confidence: threshold }, model)).filter(
    (_, i) => all[i]!.scored,
  );
  const alone = (await detectRegressions(inputs, { confidence: threshold })).filter((_, i) => all[i]!.scored);
  const rows = (flagged: (i: number) => boolean, probability: (i: number) => number): ScoredComparison[] =>
    comparisons.map((c, i) => ({
      label: c.label,
      kind: c.kind,
      change: c.change,
      probability: probability(i),
      flagged: flagged(i),
    }));
  return {
    benchmarks: countBenchmarks(comparisons),
    model: scoreDetector(
      rows(
        (i) => probabilities[i]! >= threshold,
        (i) => probabilities[i]!,
      ),
    ),
    detectorWithModel: scoreDetector(
      rows(
        (i) => withModel[i]!.verdict === 'regression',
        (i) => withModel[i]!.probabilityRegressed,
      ),
    ),
    statisticsAlone: scoreDetector(
      rows(
        (i) => alone[i]!.verdict === 'regression',
        (i) => alone[i]!.probabilityRegressed,
      ),
    ),
    curve: CURVE_THRESHOLDS.map((t) => ({
      threshold: t,
      quality: scoreDetector(
        rows(
          (i) => probabilities[i]! >= t,
          (i) => probabilities[i]!,
        ),
      ),
    })),
  };
}

function countBenchmarks(cs: readonly LabelledComparison[]): number {
  return new Set(cs.map((c) => c.benchmark)).size;
}

function round(v: number): number {
  return Number(v.toFixed(4));
}
