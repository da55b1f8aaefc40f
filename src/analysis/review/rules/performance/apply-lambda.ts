/** perf-apply-lambda: DataFrame/Series .apply with a lambda that is plain arithmetic or a comparison. */
import type { Node } from 'web-tree-sitter';
import type { RawFinding } from '../../types.js';
import type { ProgramContext, Rule } from '../rule.js';
import { kwarg } from '../syntax.js';

/** A lambda body made only of its parameter(s), subscripts by constant, constants and operators. */
function vectorisable(body: Node, params: Set<string>): boolean {
  switch (body.type) {
    case 'identifier':
      return params.has(body.text);
    case 'integer':
    case 'float':
    case 'string':
    case 'true':
    case 'false':
    case 'none':
      return true;
    case 'binary_operator':
    case 'comparison_operator':
    case 'boolean_operator':
    case 'unary_operator':
    case 'parenthesized_expression':
    case 'not_operator':
      return body.namedChildren.every((c) => !c || vectorisable(c, params));
    case 'subscript': {
      const v = body.childForFieldName('value');
      const s = body.childForFieldName('subscript');
      return !!v && params.has(v.text) && !!s && (s.type === 'string' || s.type === 'integer');
    }
    case 'conditional_expression':
      return body.namedChildren.every((c) => !c || vectorisable(c, params));
    default:
      return false;
  }
}

export const rule: Rule = {
  id: 'perf-apply-lambda',
  family: 'performance',
  kind: 'dataframe',
  name: 'apply with a vectorisable lambda',
  severity: 'note',
  confidence: 'high',
  summary: '.apply() runs a Python lambda per element or row where a vectorised expression does the same.',
  rationale:
    'apply calls the lambda once per element (or builds a Series per row with axis=1); the same arithmetic on ' +
    'whole columns runs in compiled code (pandas "Enhancing performance").',
  fix: 'Write the lambda\'s expression on the columns directly (df["a"] * 2 + df["b"], np.where(cond, x, y)).',
  check(ctx: ProgramContext): RawFinding[] {
    const out: RawFinding[] = [];
    for (const c of ctx.calls) {
      if (!c.name.endsWith('.apply') && !c.name.endsWith('.map')) continue;
      const first = c.node.childForFieldName('arguments')?.namedChildren[0];
      if (first?.type !== 'lambda') continue;
      const params = new Set(
        (first.childForFieldName('parameters')?.namedChildren ?? []).map((p) => p?.text ?? ''),
      );
      const body = first.childForFieldName('body');
      if (!body || !vectorisable(body, params)) continue;
      const rows = kwarg(c.node, 'axis')?.text === '1';
      out.push({
        ruleId: rule.id,
        kind: rule.kind,
        severity: rows ? 'warning' : 'note',
        confidence: rule.confidence,
        at: c.at,
        message: `${rows ? 'row-wise ' : ''}apply with a lambda that vectorises`,
        why: `The lambda at line ${c.at.line} (${body.text.slice(0, 60)}) is plain arithmetic/comparison, run once per ${rows ? 'row' : 'element'} in Python.`,
      });
    }
    return out;
  },
};
