/**
 * `carbon calibrate`: turns a history of recorded CI runs into the carbon predictor. Each recorded run is paired
 * with the nearest recorded run before it (pairs.ts); the pair's features are computed as `carbon predict` would
 * (features.ts) and its target is ln(head energy / base energy). Pairs whose head is listed in the held-out file
 * are set aside before anything is fitted; the ridge penalty is chosen by leave-one-out error on the training
 * pairs alone; the exported ONNX model is then run by onnxruntime on the held-out pairs, and the card states
 * what it scored there next to the no-change baseline (predict head = base).
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { changeFeatures, FEATURE_NAMES, GraphCache } from './features.js';
import type { RecordedRun } from './history.js';
import {
  fitRidge,
  type LinearModel,
  looResiduals,
  OnnxCarbonPredictor,
  residualInterval,
  toOnnx,
} from './model.js';
import { historyPairs } from './pairs.js';

export const LAMBDAS = [0.3, 1, 3, 10, 30, 100] as const;
export const INTERVAL_COVERAGE = 0.9;

export interface PairResult {
  base: string;
  head: string;
  baseWh: number;
  headWh: number;
  predictedWh: number;
  low: number;
  high: number;
}

export interface CalibrationResult {
  model: LinearModel;
  onnx: Uint8Array;
  trainPairs: number;
  heldOut: PairResult[];
  /** Median absolute percentage error of the predicted head-run energy on the held-out pairs. */
  heldOutMape: number | null;
  /** The same for "no change" (head = base). */
  baselineMape: number | null;
  /** Share of held-out head energies inside the predicted interval. */
  heldOutCoverage: number | null;
  heldOutFile?: { path: string; sha256: string; commits: number };
  lambda: number;
  looRmse: number;
}

/** Head commits of the held-out file: one per line (full or abbreviated), `#` comments. */
export function readHeldOut(path: string): { commits: string[]; sha256: string } {
  const text = readFileSync(path, 'utf8');
  const commits = text
    .split('\n')
    .map((l) => l.replace(/#.*/, '').trim())
    .filter(Boolean);
  return { commits, sha256: createHash('sha256').update(text).digest('hex') };
}

const median = (xs: readonly number[]) => {
  if (xs.length === 0) return null;
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

export async function calibrate(
  repo: string,
  history: ReadonlyMap<string, RecordedRun>,
  options: { heldOutFile?: string; onProgress?: (line: string) => void } = {},
): Promise<CalibrationResult> {
  const held = options.heldOutFile ? readHeldOut(options.heldOutFile) : undefined;
  const isHeld = (c: string) => held?.commits.some((h) => c.startsWith(h)) ?? false;
  const pairs = historyPairs(repo, history);
  const cache = new GraphCache();
  const rows: { x: Float32Array; y: number; base: RecordedRun; head: RecordedRun }[] = [];
  for (const [i, p] of pairs.entries()) {
    const { values } = await changeFeatures(repo, p.base, p.head.commit, cache);
    rows.push({ x: values, y: Math.log(p.head.energyWh / p.base.energyWh), base: p.base, head: p.head });
    options.onProgress?.(`features ${i + 1}/${pairs.length} ${p.head.commit.slice(0, 7)}`);
  }
  const train = rows.filter((r) => !isHeld(r.head.commit));
  const test = rows.filter((r) => isHeld(r.head.commit));
  if (train.length < 5)
    throw new RangeError(`${train.length} training pairs: calibrate needs at least 5 recorded runs in a row`);
  const x = train.map((r) => r.x);
  const y = train.map((r) => r.y);
  let best = { lambda: LAMBDAS[0] as number, mse: Number.POSITIVE_INFINITY, residuals: [] as number[] };
  for (const lambda of LAMBDAS) {
    const residuals = looResiduals(x, y, lambda);
    const mse = residuals.reduce((s, r) => s + r * r, 0) / residuals.length;
    if (mse < best.mse) best = { lambda, mse, residuals };
  }
  const fit = fitRidge(x, y, best.lambda);
  const interval = residualInterval(best.residuals, INTERVAL_COVERAGE);
  const model: LinearModel = {
    featureNames: [...FEATURE_NAMES],
    ...fit,
    interval,
    info: {
      target: 'ln(head run energy / base run energy)',
      lambda: best.lambda,
      trainPairs: train.length,
      heldOutPairs: test.length,
      looRmse: Math.sqrt(best.mse),
      coefficients: { mean: fit.mean, scale: fit.scale, weights: fit.weights, bias: fit.bias },
      ...(held && options.heldOutFile
        ? { heldOutFile: basename(options.heldOutFile), heldOutSha256: held.sha256 }
        : {}),
    },
  };
  const onnx = toOnnx(model);
  // The held-out figures come from the exported model run by onnxruntime, as `carbon predict` runs it.
  const predictor = await OnnxCarbonPredictor.fromBytes(onnx, 'trained model', FEATURE_NAMES);
  const yHat = await predictor.predict(test.map((r) => r.x));
  await predictor.close();
  const heldOut = test.map((r, i) => ({
    base: r.base.commit,
    head: r.head.commit,
    baseWh: r.base.energyWh,
    headWh: r.head.energyWh,
    predictedWh: r.base.energyWh * Math.exp(yHat[i]!),
    low: r.base.energyWh * Math.exp(yHat[i]! + interval.low),
    high: r.base.energyWh * Math.exp(yHat[i]! + interval.high),
  }));
  const ape = (p: number, a: number) => (Math.abs(p - a) / a) * 100;
  return {
    model,
    onnx,
    trainPairs: train.length,
    heldOut,
    heldOutMape: median(heldOut.map((r) => ape(r.predictedWh, r.headWh))),
    baselineMape: median(heldOut.map((r) => ape(r.baseWh, r.headWh))),
    heldOutCoverage:
      heldOut.length === 0
        ? null
        : heldOut.filter((r) => r.headWh >= r.low && r.headWh <= r.high).length / heldOut.length,
    ...(held && options.heldOutFile
      ? { heldOutFile: { path: options.heldOutFile, sha256: held.sha256, commits: held.commits.length } }
      : {}),
    lambda: best.lambda,
    looRmse: Math.sqrt(best.mse),
  };
}
