/** leak-time-split: a time series split at random (shuffled), so the model trains on the future of its test rows. */
import type { RawFinding } from '../../types.js';
import type { ProgramContext, Rule } from '../rule.js';
import { lineRef } from './common.js';

export const rule: Rule = {
  id: 'leak-time-split',
  family: 'leakage',
  kind: 'overlap',
  name: 'time series split at random',
  severity: 'warning',
  confidence: 'medium',
  summary:
    'Data with a time order (lag features, a datetime index) is split or cross-validated with shuffling.',
  rationale:
    'With a random split, training rows come from after the test rows and lag features copy test targets into ' +
    'training; scores are far above what the model achieves going forward (scikit-learn docs, TimeSeriesSplit; ' +
    'Kapoor & Narayanan 2023, "temporal leakage").',
  fix: 'Split by time: train_test_split(..., shuffle=False) after sorting by time, or TimeSeriesSplit for cross-validation.',
  check(ctx: ProgramContext): RawFinding[] {
    const out: RawFinding[] = [];
    for (const s of ctx.facts.splits) {
      const time = s.source.time;
      // A parsed date column alone does not make the rows a series to forecast (see DataVal.time).
      if (!s.shuffled || !time || time.weak || s.fn === 'load_data') continue;
      out.push({
        ruleId: rule.id,
        kind: rule.kind,
        confidence: rule.confidence,
        at: s.at,
        message: `time series split at random by ${s.fn}`,
        why: `The data is a time series (${time.evidence} at ${lineRef(time.at)}) but ${s.fn} at ${lineRef(s.at)} shuffles it, so training rows lie after test rows.`,
      });
    }
    for (const cv of ctx.facts.cvs) {
      const time = cv.data.time;
      const shuffled =
        (cv.cv?.kind === 'splitter' && cv.cv.shuffle) ||
        /shuffle\s*=\s*True|ShuffleSplit/.test(cv.cvText ?? '');
      if (!time || time.weak || !shuffled) continue;
      out.push({
        ruleId: rule.id,
        kind: rule.kind,
        confidence: rule.confidence,
        at: cv.at,
        message: `time series cross-validated with shuffled folds`,
        why: `The data is a time series (${time.evidence} at ${lineRef(time.at)}) but the folds of ${cv.fn} at ${lineRef(cv.at)} are shuffled.`,
      });
    }
    return out;
  },
};
