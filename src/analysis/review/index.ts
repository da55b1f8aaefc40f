/** ML code review (`ai-ci review`): leakage, reproducibility and performance findings for Python and notebooks. */
export { ConfigError, type FailOn, parseConfig, type ReviewConfig } from './config.js';
export { type ChangedLines, changedLines, touchesChange } from './diff.js';
export { joinNotebook, NotebookError } from './parse/notebook.js';
export { toAnnotations } from './render/annotations.js';
export { toMarkdown } from './render/markdown.js';
export { toSarif } from './render/sarif.js';
export {
  type FileProblem,
  isReviewable,
  type ReviewResult,
  reviewSources,
  type Selection,
  type SourceFile,
  selectedRules,
} from './review.js';
export { PROGRAM_RULES, RULES, type Rule, type RuleMeta } from './rules/index.js';
export { parseSuppression } from './suppress.js';
export type { Confidence, Family, Finding, Severity } from './types.js';
export { SEVERITY_RANK } from './types.js';
