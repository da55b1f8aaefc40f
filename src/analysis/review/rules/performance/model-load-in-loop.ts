/** perf-model-load-in-loop: a model or checkpoint loaded inside a loop. */
import type { RawFinding } from '../../types.js';
import type { ProgramContext, Rule } from '../rule.js';

const LOADERS =
  /(^|\.)(from_pretrained|load_model|load_learner)$|^(torch\.load|joblib\.load|pickle\.load|tensorflow\.keras\.models\.load_model|keras\.models\.load_model|torch\.jit\.load|onnxruntime\.InferenceSession|xgboost\.Booster|lightgbm\.Booster|mlflow\.\w+\.load_model|pipeline)$/;

export const rule: Rule = {
  id: 'perf-model-load-in-loop',
  family: 'performance',
  kind: 'io',
  name: 'model loaded in a loop',
  severity: 'warning',
  confidence: 'high',
  summary: 'A model, checkpoint or inference session is loaded on every iteration of a loop.',
  rationale:
    'Loading reads and deserialises the weights (and may copy them to the GPU) each time; loaded once before the ' +
    'loop, the same work is paid once (transformers and PyTorch serialization docs).',
  fix: 'Load the model once before the loop (or cache it, e.g. functools.lru_cache) and reuse it.',
  check(ctx: ProgramContext): RawFinding[] {
    return ctx.calls
      .filter((c) => c.loops.length > 0 && LOADERS.test(c.name))
      .map((c) => ({
        ruleId: rule.id,
        kind: rule.kind,
        confidence: rule.confidence,
        at: c.at,
        message: `${c.name.slice(c.name.lastIndexOf('.') + 1)}() inside a loop`,
        why: `${c.node.text.slice(0, 60)} at line ${c.at.line} is inside the loop at line ${c.loops.at(-1)!.startPosition.row + 1}, so the model is read again on every iteration.`,
      }));
  },
};
