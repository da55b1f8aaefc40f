/** perf-dataloader: a DataLoader feeding a CUDA model with no worker processes or without pinned memory. */
import type { RawFinding } from '../../types.js';
import type { ProgramContext, Rule } from '../rule.js';
import { kwarg, lastName } from '../syntax.js';

export const rule: Rule = {
  id: 'perf-dataloader',
  family: 'performance',
  kind: 'gpu',
  name: 'DataLoader without workers or pinned memory',
  severity: 'note',
  confidence: 'medium',
  summary: 'Batches for a GPU are loaded in the main process (num_workers=0) or into pageable memory.',
  rationale:
    'With num_workers=0 loading and augmentation run between GPU steps, and without pin_memory host→device copies ' +
    'cannot overlap compute (PyTorch performance tuning guide, "enable async data loading").',
  fix: 'DataLoader(..., num_workers=<cores>, pin_memory=True, persistent_workers=True) and .to(device, non_blocking=True).',
  check(ctx: ProgramContext): RawFinding[] {
    const text = ctx.lines.join('\n');
    if (!/\.cuda\(|['"]cuda|device\(/.test(text)) return [];
    const out: RawFinding[] = [];
    for (const c of ctx.calls) {
      if (lastName(c.name) !== 'DataLoader') continue;
      const workers = kwarg(c.node, 'num_workers')?.text;
      const pinned = kwarg(c.node, 'pin_memory')?.text;
      const missing = [
        !workers || workers === '0' ? 'num_workers' : undefined,
        !pinned || pinned === 'False' ? 'pin_memory' : undefined,
      ].filter(Boolean);
      if (missing.length === 0) continue;
      out.push({
        ruleId: rule.id,
        kind: rule.kind,
        confidence: rule.confidence,
        at: c.at,
        message: `DataLoader for a GPU without ${missing.join(' and ')}`,
        why: `The program uses CUDA, and the DataLoader at line ${c.at.line} ${!workers || workers === '0' ? 'loads batches in the main process' : 'copies from pageable memory'}.`,
      });
    }
    return out;
  },
};
