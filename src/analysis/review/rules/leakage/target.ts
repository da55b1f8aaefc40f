/**
 * leak-target: the target is among the features (not dropped from the frame the features come from), or a feature's
 * name says it is derived from the target or only known after the outcome (low confidence: names only).
 */
import { LEAKY_NAME } from '../../flow/apis.js';
import type { RawFinding } from '../../types.js';
import type { ProgramContext, Rule } from '../rule.js';
import { lineRef } from './common.js';

export const rule: Rule = {
  id: 'leak-target',
  family: 'leakage',
  kind: 'target',
  name: 'target among the features',
  severity: 'warning',
  confidence: 'medium',
  summary:
    'The training features contain the target column, or columns whose names suggest they derive from it.',
  rationale:
    'A feature that is the target, or is computed from it or from what happens after it, gives a near-perfect ' +
    'score in evaluation and none in production (Kaufman et al. 2012, "Leakage in data mining").',
  fix: 'Drop the target (and anything computed from it or recorded after the outcome) from the feature frame before training.',
  check(ctx: ProgramContext): RawFinding[] {
    const out: RawFinding[] = [];
    const seen = new Set<string>();
    for (const t of ctx.facts.trainings) {
      const target = t.y?.column;
      if (!target) continue;
      const x = t.x;
      const key = `${t.at.line}`;
      if (seen.has(key)) continue;
      let included: string | undefined;
      if (x.whole && x.frame === target.frame) included = 'the features are the whole frame';
      else if (x.cols?.frame === target.frame && x.cols.mode === 'drop' && !x.cols.names.has(target.name))
        included = `only ${[...x.cols.names].map((n) => JSON.stringify(n)).join(', ')} are dropped`;
      else if (x.cols?.mode === 'only' && x.cols.names.has(target.name))
        included = 'it is in the selected columns';
      if (included) {
        seen.add(key);
        out.push({
          ruleId: rule.id,
          kind: rule.kind,
          confidence: 'medium',
          at: t.at,
          message: `the target column ${JSON.stringify(target.name)} is also a feature`,
          why: `The model at ${lineRef(t.at)} is trained on features that still contain the target: ${included}.`,
        });
        continue;
      }
      if (x.cols?.mode === 'only') {
        const suspicious = [...x.cols.names].filter(
          (n) =>
            n !== target.name && (n.toLowerCase().includes(target.name.toLowerCase()) || LEAKY_NAME.test(n)),
        );
        if (suspicious.length > 0) {
          seen.add(key);
          out.push({
            ruleId: rule.id,
            kind: rule.kind,
            severity: 'note',
            confidence: 'low',
            at: t.at,
            message: `feature ${JSON.stringify(suspicious[0])} may be derived from the target ${JSON.stringify(target.name)}`,
            why: `By its name only, ${suspicious.map((s) => JSON.stringify(s)).join(', ')} looks computed from the target or recorded after the outcome; check that it is known at prediction time.`,
          });
        }
      }
    }
    return out;
  },
};
