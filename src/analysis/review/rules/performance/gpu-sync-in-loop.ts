/** perf-gpu-sync: .item()/.cpu()/.numpy()/.tolist() inside a training loop (a GPU→CPU sync per step). */
import type { RawFinding } from '../../types.js';
import type { ProgramContext, Rule } from '../rule.js';

export const rule: Rule = {
  id: 'perf-gpu-sync',
  family: 'performance',
  kind: 'gpu',
  name: 'GPU→CPU sync in the training loop',
  severity: 'warning',
  confidence: 'medium',
  summary: 'A tensor is copied to the host inside the loop that runs backward() and optimizer steps.',
  rationale:
    '.item(), .cpu(), .numpy() and .tolist() wait for every queued kernel and copy to the host, so the GPU idles each ' +
    'step (PyTorch performance tuning guide, "avoid unnecessary CPU-GPU synchronization").',
  fix: 'Accumulate on the device (running_loss += loss.detach()) and copy once per epoch or every N steps.',
  check(ctx: ProgramContext): RawFinding[] {
    const trainingLoops = new Set(
      ctx.calls
        .filter((c) => /\.(backward|step)$/.test(c.name) && c.loops.length > 0)
        .map((c) => c.loops.at(-1)!.id),
    );
    const out: RawFinding[] = [];
    const seen = new Set<number>();
    for (const c of ctx.calls) {
      const m = /\.(item|cpu|numpy|tolist)$/.exec(c.name);
      if (!m || c.loops.length === 0) continue;
      const loop = c.loops.find((l) => trainingLoops.has(l.id));
      if (!loop || seen.has(c.at.line)) continue;
      seen.add(c.at.line);
      out.push({
        ruleId: rule.id,
        kind: rule.kind,
        confidence: rule.confidence,
        at: c.at,
        message: `.${m[1]}() inside the training loop`,
        why: `${c.node.text.slice(0, 60)} at line ${c.at.line} runs every step of the loop at line ${loop.startPosition.row + 1}, which calls backward()/step(), and blocks until the GPU has finished.`,
      });
    }
    return out;
  },
};
