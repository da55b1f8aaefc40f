/** MLflow export of a command's result (README → "Export to MLflow"): the records each command logs and the export. */
export type { Credentials, KeyValue, Metric, RunInfo, RunStatus } from './client.js';
export { MlflowClient, MlflowError } from './client.js';
export { type ExportOptions, type ExportResult, exportRun } from './export.js';
export { carbonRun, perfRun, type RunRecord, reviewRun } from './records.js';
