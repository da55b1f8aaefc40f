/**
 * Labelled comparisons and series for evaluation and for training the model, regenerated deterministically
 * from the committed real-noise recording (data/perf/noise.json.gz).
 *
 *   const rows = loadLabelledFeatures('train');   // { features: Float32Array[], labels: Uint8Array, ... }
 */
import { computeFeatures, FEATURE_NAMES } from '../features.js';
import {
  DEFAULT_SEED,
  type GenerateOptions,
  generateComparisons,
  generateSameJobComparisons,
  generateSeries,
  type LabelledComparison,
  type LabelledSeries,
  type Split,
} from './generate.js';
import { loadNoise } from './noise.js';

export type { ComparisonKind, LabelledComparison, LabelledSeries, Nuisance, Split } from './generate.js';
export {
  DEFAULT_SEED,
  generateComparisons,
  generateSameJobComparisons,
  generateSeries,
  splitBenchmarks,
} from './generate.js';
export { DEFAULT_NOISE_FILE, loadNoise, type NoiseBenchmark, type NoiseFile } from './noise.js';

export interface LoadOptions extends GenerateOptions {
  /** The recorded noise file; default data/perf/noise.json.gz. */
  noiseFile?: string;
}

/**
 * Labelled comparisons of the files of one split (train: benchmarks the model may learn from; heldout: never
 * seen). Held-out files also hold train benchmarks as context (`scored: false`); score only `scored` ones.
 */
export function loadLabelledComparisons(split: Split, options: LoadOptions = {}): LabelledComparison[] {
  const noise = loadNoise(options.noiseFile);
  return generateComparisons(noise, { seed: DEFAULT_SEED, ...options }).filter((c) => c.split === split);
}

/** Same-job A/B comparisons of one split (generateSameJobComparisons): baseline rounds beside the candidate's. */
export function loadSameJobComparisons(split: Split, options: LoadOptions = {}): LabelledComparison[] {
  const noise = loadNoise(options.noiseFile);
  return generateSameJobComparisons(noise, { seed: DEFAULT_SEED, ...options }).filter(
    (c) => c.split === split,
  );
}

/** Labelled series of one split for change-point evaluation. */
export function loadLabelledSeries(split: Split, options: LoadOptions = {}): LabelledSeries[] {
  const noise = loadNoise(options.noiseFile);
  return generateSeries(noise, { seed: DEFAULT_SEED, ...options }).filter((s) => s.split === split);
}

/** Training rows for the model: the detector's features of every comparison and its label (1 = regression). */
export interface LabelledFeatures {
  featureNames: readonly string[];
  features: Float32Array[];
  labels: Uint8Array;
  /** The comparison each row comes from (benchmark, kind, injected change), for stratified reporting. */
  comparisons: LabelledComparison[];
}

export function loadLabelledFeatures(split: Split, options: LoadOptions = {}): LabelledFeatures {
  const all = loadLabelledComparisons(split, options);
  // Features are computed as the detector computes them: on the raw inputs (the run-wide shift only explains).
  const rows = all.map((c) => ({ c, f: computeFeatures(c.input, c.direction) })).filter((r) => r.c.scored);
  const comparisons = rows.map((r) => r.c);
  return {
    featureNames: FEATURE_NAMES,
    features: rows.map((r) => r.f),
    labels: Uint8Array.from(comparisons, (c) => c.label),
    comparisons,
  };
}
