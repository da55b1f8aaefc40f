/** perf-iterrows: row-by-row loops over a data frame. */
import type { RawFinding } from '../../types.js';
import type { ProgramContext, Rule } from '../rule.js';

export const rule: Rule = {
  id: 'perf-iterrows',
  family: 'performance',
  kind: 'dataframe',
  name: 'row-wise loop over a DataFrame',
  severity: 'note',
  confidence: 'high',
  summary: 'DataFrame.iterrows() loops over rows in Python.',
  rationale:
    'iterrows builds a Series per row; vectorised column operations are typically 100–1000× faster on the same ' +
    'frame (pandas "Enhancing performance"; "Iteration" in the pandas user guide).',
  fix: 'Express the loop as column operations (arithmetic, np.where, merge/map); if a loop is unavoidable, itertuples() is much faster.',
  check(ctx: ProgramContext): RawFinding[] {
    return ctx.calls
      .filter((c) => c.name.endsWith('.iterrows'))
      .map((c) => ({
        ruleId: rule.id,
        kind: rule.kind,
        confidence: rule.confidence,
        at: c.at,
        message: 'row-wise loop with iterrows()',
        why: `${c.node.text} at line ${c.at.line} creates one Series per row and runs the body in Python for each.`,
      }));
  },
};
