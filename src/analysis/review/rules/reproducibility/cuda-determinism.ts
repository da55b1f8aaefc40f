/** repro-cuda-determinism: PyTorch on CUDA without the deterministic switches (or with cudnn.benchmark on). */
import type { RawFinding } from '../../types.js';
import type { ProgramContext, Rule } from '../rule.js';

export const rule: Rule = {
  id: 'repro-cuda-determinism',
  family: 'reproducibility',
  kind: 'gpu-determinism',
  name: 'non-deterministic GPU algorithms',
  severity: 'note',
  confidence: 'medium',
  summary: 'The model runs on CUDA and the program does not ask PyTorch for deterministic algorithms.',
  rationale:
    'cuDNN picks convolution algorithms by benchmark and several CUDA kernels use atomics, so two runs with the same ' +
    'seed still differ (PyTorch "Reproducibility": torch.use_deterministic_algorithms, cudnn.deterministic).',
  fix:
    'torch.use_deterministic_algorithms(True) and torch.backends.cudnn.benchmark = False (set ' +
    'CUBLAS_WORKSPACE_CONFIG=:4096:8), or document that results vary within a tolerance.',
  check(ctx: ProgramContext): RawFinding[] {
    const text = ctx.lines.join('\n');
    const cuda = ctx.calls.find(
      (c) =>
        /\.(cuda)$/.test(c.name) ||
        (/\.to$/.test(c.name) && /['"]cuda/.test(c.node.text)) ||
        (/torch\.device$/.test(c.name) && /cuda/.test(c.node.text)),
    );
    if (!cuda || !/\btorch\b/.test(text)) return [];
    const benchmark = /cudnn\.benchmark\s*=\s*True/.exec(text);
    const deterministic = /use_deterministic_algorithms\(\s*True|cudnn\.deterministic\s*=\s*True/.test(text);
    if (deterministic && !benchmark) return [];
    const line = benchmark ? text.slice(0, benchmark.index).split('\n').length : cuda.at.line;
    return [
      {
        ruleId: rule.id,
        kind: rule.kind,
        confidence: rule.confidence,
        at: benchmark ? { line, column: 1, endLine: line, endColumn: 1 } : cuda.at,
        message: benchmark
          ? 'cudnn.benchmark = True picks algorithms non-deterministically'
          : 'CUDA used without deterministic algorithms',
        why: benchmark
          ? `Line ${line} turns on cuDNN benchmarking, which may choose a different convolution algorithm on each run.`
          : `The program moves work to CUDA at line ${cuda.at.line} and never calls torch.use_deterministic_algorithms(True) or sets cudnn.deterministic.`,
      },
    ];
  },
};
