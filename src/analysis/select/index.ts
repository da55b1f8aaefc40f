/**
 * Test selection and sharding: which tests a change needs (import graph, coverage, history, declared rules) and
 * how to split them into duration-balanced shards. Library only; the CLI is `ai-ci select` / `ai-ci shard`.
 */
export {
  type CoverageMap,
  type FunctionCoverage,
  parseCoveragePyJson,
  parseV8Coverage,
  parseV8Functions,
  readV8CoverageDir,
  type SourceFunctions,
  type V8Doc,
} from './coverage.js';
export { SelectInputError } from './errors.js';
export { isTestFile, languageOf, runnerArguments, runnerLine } from './frameworks.js';
export { changedFiles, GitError, listFiles, readBlobs, resolveCommit } from './git.js';
export {
  buildGraph,
  type DependencyGraph,
  filesMentioning,
  filesNaming,
  filesNamingFolder,
  isSourceFile,
  testsReaching,
} from './graph.js';
export { parseJunit, type TestCaseResult } from './junit.js';
export { loadHead, type Plan, type PlanOptions, planSelection } from './plan.js';
export { changeRegions, type Hunk, parseHunks, type Region } from './regions.js';
export { DEFAULT_RULES, type DependencyRule, parseRules, RuleSet } from './rules.js';
export {
  DEFAULT_SAMPLE_RATE,
  expectedDurations,
  fullRunReason,
  type SelectInput,
  type Selection,
  selectTests,
} from './select.js';
export { type ShadowReport, shadowReport, type TestOutcome } from './shadow.js';
export { type Shard, type ShardItem, shardImbalance, shardTests } from './shard.js';
export { type RecordedFunctions, type RunInfo, SelectionStore } from './store.js';
export * from './types.js';
export { v8HookPath } from './v8-hook-path.js';
