/** repro-dataloader-seed: a shuffling multi-worker DataLoader with neither a seeded generator nor worker_init_fn. */
import type { RawFinding } from '../../types.js';
import type { ProgramContext, Rule } from '../rule.js';
import { kwarg, lastName } from '../syntax.js';

export const rule: Rule = {
  id: 'repro-dataloader-seed',
  family: 'reproducibility',
  kind: 'seed',
  name: 'DataLoader workers unseeded',
  severity: 'note',
  confidence: 'medium',
  summary: 'A shuffling DataLoader with worker processes has no seeded generator and no worker_init_fn.',
  rationale:
    "Each worker re-seeds NumPy and Python random from the base seed, and shuffling uses the loader's own generator; " +
    'without generator= and worker_init_fn the order and augmentations differ between runs (PyTorch ' +
    '"Reproducibility: DataLoader").',
  fix: 'Pass generator=torch.Generator().manual_seed(seed) and a worker_init_fn that seeds numpy and random from torch.initial_seed().',
  check(ctx: ProgramContext): RawFinding[] {
    const out: RawFinding[] = [];
    for (const c of ctx.calls) {
      if (lastName(c.name) !== 'DataLoader') continue;
      const workers = kwarg(c.node, 'num_workers')?.text;
      if (!workers || workers === '0') continue;
      if (kwarg(c.node, 'shuffle')?.text !== 'True') continue;
      if (kwarg(c.node, 'generator') || kwarg(c.node, 'worker_init_fn')) continue;
      out.push({
        ruleId: rule.id,
        kind: rule.kind,
        confidence: rule.confidence,
        at: c.at,
        message: 'shuffling DataLoader with workers and no seeded generator',
        why: `The DataLoader at line ${c.at.line} shuffles with num_workers=${workers} but has neither generator= nor worker_init_fn.`,
      });
    }
    return out;
  },
};
