/** Every rule, in the order findings are ranked within a file (selection leakage first, per Roth et al. 2026). */
import { rule as overlap } from './leakage/overlap.js';
import { rule as preprocessing } from './leakage/preprocessing.js';
import { rule as selection } from './leakage/selection.js';
import { rule as target } from './leakage/target.js';
import { rule as timeSplit } from './leakage/time-split.js';
import { rule as applyLambda } from './performance/apply-lambda.js';
import { rule as dataloader } from './performance/dataloader-workers.js';
import { rule as gpuSync } from './performance/gpu-sync-in-loop.js';
import { rule as inferenceGrad } from './performance/inference-grad.js';
import { rule as iterrows } from './performance/iterrows.js';
import { rule as modelLoad } from './performance/model-load-in-loop.js';
import { rule as cuda } from './reproducibility/cuda-determinism.js';
import { rule as dataloaderSeed } from './reproducibility/dataloader-seed.js';
import { rule as randomState } from './reproducibility/random-state.js';
import { UNPINNED } from './reproducibility/unpinned-deps.js';
import { rule as unseeded } from './reproducibility/unseeded-random.js';
import type { Rule, RuleMeta } from './rule.js';

export const PROGRAM_RULES: readonly Rule[] = [
  selection,
  overlap,
  preprocessing,
  timeSplit,
  target,
  unseeded,
  randomState,
  cuda,
  dataloaderSeed,
  gpuSync,
  inferenceGrad,
  modelLoad,
  dataloader,
  iterrows,
  applyLambda,
];

/** All rules' metadata, program rules and file rules (dependency manifests). */
export const RULES: readonly RuleMeta[] = [...PROGRAM_RULES, UNPINNED];

export type { Rule, RuleMeta } from './rule.js';
