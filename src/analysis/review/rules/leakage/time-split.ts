/** leak-time-split: a time series split at random (shuffled), so the model trains on the future of its test rows. */
import type { RawFinding } from '../../types.js';
import type { ProgramContext, Rule } from '../rule.js';
import { chain, intersects, lineRef } from './common.js';
import { forwardWindows } from './event-window.js';

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
      // Whole entities to each side (GroupShuffleSplit by turbine, GroupKFold by store): each entity's series stays
      // in one part, the usual way to evaluate on unseen entities.
      if (/Group/.test(s.fn)) continue;
      out.push({
        ruleId: rule.id,
        kind: rule.kind,
        confidence: rule.confidence,
        at: s.at,
        message: `time series split at random by ${s.fn}`,
        why: `The data is a time series (${time.evidence} at ${lineRef(time.at)}) but ${s.fn} at ${lineRef(s.at)} shuffles it, so training rows lie after test rows.`,
      });
    }
    // Rows shuffled, then cut into parts by position: a random split. Reported when a model is trained on one part
    // and scored on another.
    for (const sh of ctx.facts.shuffles) {
      const time = sh.time;
      if (!time || time.weak) continue;
      const below = (rows: Iterable<number>) => [...rows].some((r) => chain(ctx.facts, r).has(sh.origin));
      const e = ctx.facts.evals.find(
        (e) =>
          e.how !== 'early-stopping' &&
          below(e.data.rows) &&
          e.fitsBefore.some((f) => below(f.rows)) &&
          [...e.data.rows].some((r) => !e.fitsBefore.some((f) => intersects(f.rows, chain(ctx.facts, r)))),
      );
      if (!e) continue;
      out.push({
        ruleId: rule.id,
        kind: rule.kind,
        confidence: rule.confidence,
        at: sh.at,
        message: `time series shuffled by ${sh.how} before it is divided`,
        why: `The data is a time series (${time.evidence} at ${lineRef(time.at)}) but ${sh.how} at ${lineRef(sh.at)} puts its rows in random order before the parts are cut, so the model evaluated at ${lineRef(e.at)} is trained on rows after its test rows.`,
        related: [{ at: e.at, message: 'evaluated here' }],
      });
    }
    // A label read from later rows (y = passages.shift(-14), the next 7 days' orders summed) and the training part
    // cut where the test part starts: the labels of the last training rows are values of the test period, which the
    // test rows' own features (today's count, its lags) also read. (Two rows ahead at least: a next-day label at one
    // cutoff shares a single day.)
    for (const s of ctx.facts.splits) {
      if (!s.sameCut) continue;
      for (const t of ctx.facts.trainings) {
        const y = t.y?.column;
        if (!y || ![...t.x.rows].some((r) => chain(ctx.facts, r).has(s.train))) continue;
        const deps = [...(t.y?.deps ?? []), ...(ctx.facts.columnDefs.get(y.frame)?.get(y.name)?.deps ?? [])];
        const ahead = Math.max(0, ...deps.filter((d) => d.frame === y.frame).map((d) => -d.lag));
        if (ahead < 2 || ahead <= (s.gap ?? 0)) continue;
        out.push({
          ruleId: rule.id,
          kind: rule.kind,
          confidence: rule.confidence,
          at: s.at,
          message: `the label looks ${ahead} rows ahead, but the training part ends where the test part begins`,
          why: `The label ${JSON.stringify(y.name)} of the model trained at ${lineRef(t.at)} is read ${ahead} rows into the future, and ${s.fn === 'mask/~mask' ? 'the split' : s.fn} at ${lineRef(s.at)} cuts training and test at one point: the labels of the last ${ahead} training rows are values from the test period, which the test rows' features also read. Leave a gap of the horizon: end the training part ${ahead} rows (the label's horizon) before the test part starts (TimeSeriesSplit(gap=${ahead})), or cut on the date the label is taken at.`,
          related: [{ at: t.at, message: 'trained here' }],
        });
        break;
      }
    }
    // The label a window after each row's date (churn_90d: a deactivation up to snapshot_date + 90 days) and the
    // rows split at one date of that column: the last training rows' labels are outcomes of the test period.
    const windows = forwardWindows(ctx.root);
    for (const s of ctx.facts.splits) {
      const w = s.sameCut && !s.gap && s.by ? windows.find((x) => x.anchor === s.by) : undefined;
      if (!w) continue;
      const t = ctx.facts.trainings.find((t) => [...t.x.rows].some((r) => chain(ctx.facts, r).has(s.train)));
      if (!t) continue;
      out.push({
        ruleId: rule.id,
        kind: rule.kind,
        confidence: 'low',
        severity: 'note',
        at: s.at,
        message: `an outcome window reaches ${w.span} past ${JSON.stringify(w.anchor)}, but the training part ends where the test part begins`,
        why: `Records up to ${w.span} after each row's ${JSON.stringify(w.anchor)} are read at ${lineRef(w.at)} (an outcome window, as a label such as a churn within that span is), and the split at ${lineRef(s.at)} cuts training and test at one ${JSON.stringify(w.anchor)}: the last training rows' outcomes happen in the test period, so the model at ${lineRef(t.at)} trains on what the test period is meant to measure. End the training part that span before the test part starts.`,
        related: [{ at: t.at, message: 'trained here' }],
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
