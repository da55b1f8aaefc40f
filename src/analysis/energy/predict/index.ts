/**
 * Prediction of a change's energy and carbon in CI (`ai-ci carbon predict`, `ai-ci carbon calibrate`). Kept out
 * of energy/index.ts: it runs an ONNX model (onnxruntime, imported on use) and the TypeScript import graph, which
 * the controller, importing energy/index.ts, must not load.
 */
export {
  type CalibrationResult,
  calibrate,
  INTERVAL_COVERAGE,
  type PairResult,
  readHeldOut,
} from './calibrate.js';
export { renderCard } from './card.js';
export { type ChangeFacts, changeFeatures, FEATURE_NAMES, GraphCache } from './features.js';
export { HistoryError, type RecordedRun, readHistory } from './history.js';
export { OnnxCarbonPredictor, PredictorLoadError, toOnnx } from './model.js';
export { historyPairs, nearestRecorded } from './pairs.js';
export { type CarbonPrediction, PredictError, predictChange } from './predict.js';
