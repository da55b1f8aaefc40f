export {
  type ChangePoint,
  ChangePointDetector,
  type ChangePointOptions,
  detectChangePoints,
  MODEL_HISTORY_CHANGEPOINT_OPTIONS,
  resolveChangePointOptions,
  type SeriesNoise,
} from './detector.js';
export {
  type NamedSeries,
  readSeriesText,
  type SeriesFile,
  SeriesFileError,
  type SeriesFileOptions,
  sniffDelimiter,
} from './series-file.js';
