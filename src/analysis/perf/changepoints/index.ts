export {
  type ChangePoint,
  ChangePointDetector,
  type ChangePointOptions,
  detectChangePoints,
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
