/**
 * leak-overlap: training and test data share rows — oversampling or bootstrap resampling before the split (copies
 * or synthetic neighbours of a row land on both sides), or a model trained on rows it is then evaluated on.
 */
import type { RawFinding } from '../../types.js';
import type { ProgramContext, Rule } from '../rule.js';
import { chain, intersects, isHeldOut, lineRef } from './common.js';

export const rule: Rule = {
  id: 'leak-overlap',
  family: 'leakage',
  kind: 'overlap',
  name: 'train/test overlap',
  severity: 'error',
  confidence: 'high',
  summary: 'Rows (or copies of rows) are in both the training and the evaluation data.',
  rationale:
    'Oversampling (SMOTE, RandomOverSampler, resample with replacement) before splitting puts copies or ' +
    'interpolations of the same rows on both sides of the split, and evaluating on rows the model was trained on ' +
    'measures memorisation; both inflate scores heavily (Yang et al., ASE 2022, "overlap leakage"; imbalanced-learn ' +
    'docs, "common pitfalls").',
  fix:
    'Split first; resample only the training part (or use imblearn.pipeline.Pipeline inside cross-validation); ' +
    'never fit the evaluated model on the test rows.',
  check(ctx: ProgramContext): RawFinding[] {
    const { facts } = ctx;
    const out: RawFinding[] = [];
    const seen = new Set<string>();
    const push = (key: string, f: RawFinding) => {
      if (seen.has(key)) return;
      seen.add(key);
      out.push(f);
    };
    const resampledIn = (rows: Iterable<number>) => {
      for (const r of rows) {
        for (const id of chain(facts, r)) {
          const o = facts.origins.get(id);
          if (o?.kind === 'oversampled') return o;
        }
      }
      return undefined;
    };
    for (const s of facts.splits) {
      const o = resampledIn(s.source.rows);
      if (o) {
        push(`r${o.id}`, {
          ruleId: rule.id,
          kind: rule.kind,
          confidence: 'high',
          at: o.at,
          message: `${o.how ?? 'oversampling'} before the train/test split`,
          why: `The data is oversampled at ${lineRef(o.at)} and only then split at ${lineRef(s.at)}, so copies of the same rows are in both training and test data.`,
          related: [{ at: s.at, message: 'split here' }],
        });
      }
    }
    for (const cv of facts.cvs) {
      const o = resampledIn(cv.data.rows);
      if (o) {
        push(`r${o.id}`, {
          ruleId: rule.id,
          kind: rule.kind,
          confidence: 'high',
          at: o.at,
          message: `${o.how ?? 'oversampling'} before cross-validation`,
          why: `The data is oversampled at ${lineRef(o.at)} before ${cv.fn} at ${lineRef(cv.at)} splits it into folds, so copies of a row are in training and validation folds.`,
          related: [{ at: cv.at, message: 'cross-validated here' }],
        });
      }
    }
    for (const e of facts.evals) {
      for (const r of e.data.rows) {
        const c = chain(facts, r);
        const held = [...c].map((id) => facts.origins.get(id)).find((o) => isHeldOut(o));
        if (!held) continue;
        const heldChain = chain(facts, held.id);
        for (const f of e.fitsBefore) {
          if (intersects(f.rows, heldChain)) {
            push(`f${f.at.line}:${f.at.column}`, {
              ruleId: rule.id,
              kind: rule.kind,
              confidence: 'high',
              at: f.at,
              message: `${e.model.cls} is trained on rows it is evaluated on`,
              why: `The model fit at ${lineRef(f.at)} is given data that includes the held-out rows evaluated at ${lineRef(e.at)}.`,
              related: [{ at: e.at, message: 'evaluated here' }],
            });
          }
        }
      }
    }
    return out;
  },
};
