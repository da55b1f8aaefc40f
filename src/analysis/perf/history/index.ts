export { type Baseline, baselineFromResult, baselineFromRuns } from './baseline.js';
export { type ImportOptions, type ImportSummary, importFile, importFolder } from './import-folder.js';
export { defaultMachineClass, defaultRunner } from './machine.js';
export { HistoryConflictError, HistoryStore, normaliseTime } from './store.js';
export type { BaselineQuery, HistoryExport, RunMeta, RunRecord } from './types.js';
