/** perf-inference-grad: an evaluation loop over a model with autograd on (no torch.no_grad/inference_mode). */
import type { Node } from 'web-tree-sitter';
import type { RawFinding } from '../../types.js';
import type { ProgramContext, Rule } from '../rule.js';

export const rule: Rule = {
  id: 'perf-inference-grad',
  family: 'performance',
  kind: 'gpu',
  name: 'inference without no_grad',
  severity: 'warning',
  confidence: 'medium',
  summary:
    'A loop runs the model for evaluation or prediction with autograd recording (no no_grad/inference_mode).',
  rationale:
    'With autograd on, every forward pass keeps activations for a backward pass that never comes: more memory and ' +
    'slower inference (PyTorch docs, torch.no_grad and torch.inference_mode).',
  fix: 'Wrap evaluation in `with torch.inference_mode():` (or no_grad) and call model.eval() first.',
  check(ctx: ProgramContext): RawFinding[] {
    const text = ctx.lines.join('\n');
    if (!/\btorch\b/.test(text)) return [];
    const backwardLoops = new Set(
      ctx.calls.filter((c) => c.name.endsWith('.backward')).flatMap((c) => c.loops.map((l) => l.id)),
    );
    const decorated = (fn: Node | undefined) =>
      !!fn &&
      fn.parent?.type === 'decorated_definition' &&
      /no_grad|inference_mode/.test(fn.parent.text.split('def ')[0] ?? '');
    const out: RawFinding[] = [];
    const seenLoops = new Set<number>();
    for (const c of ctx.calls) {
      if (c.loops.length === 0) continue;
      const loop = c.loops.at(-1)!;
      if (backwardLoops.has(loop.id) || seenLoops.has(loop.id)) continue;
      // model(x) or model.forward(x) on a name that looks like a network.
      const callee = c.node.childForFieldName('function')?.text ?? '';
      if (!/^(self\.)?(model|net|network|encoder|decoder|classifier)\w*(\.forward)?$/i.test(callee)) continue;
      if (c.withs.some((w) => /no_grad|inference_mode|enable_grad\(\s*False/.test(w)) || decorated(c.fn))
        continue;
      const loopText = loop.text;
      if (
        !/(test|val|eval|predict|infer)/i.test(loopText) &&
        !/(eval|predict|infer|test)/i.test(c.fn?.childForFieldName('name')?.text ?? '')
      )
        continue;
      seenLoops.add(loop.id);
      out.push({
        ruleId: rule.id,
        kind: rule.kind,
        confidence: rule.confidence,
        at: c.at,
        message: 'model run for evaluation with autograd on',
        why: `${callee}(…) at line ${c.at.line} runs in an evaluation loop (line ${loop.startPosition.row + 1}) with no backward() and outside torch.no_grad()/inference_mode().`,
      });
    }
    return out;
  },
};
