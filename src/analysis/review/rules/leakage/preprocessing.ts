/**
 * leak-preprocessing: a scaler, encoder, imputer, feature selector or hand-computed statistic learnt from rows that
 * later reach the test set (fit before the split, fit on the whole data then applied to both parts, or fit on the
 * data cross-validation splits) — the evaluation then sees test information through the training features.
 */
import { SCALERS } from '../../flow/apis.js';
import type { DataVal, EvalFact, Facts, Taint } from '../../flow/facts.js';
import { datesWithinDates, datesWithinYears, withinRange } from '../../flow/range.js';
import type { RawFinding } from '../../types.js';
import type { ProgramContext, Rule } from '../rule.js';
import {
  chain,
  intersects,
  keptWhole,
  lineRef,
  onTrainingPart,
  scoredOnUnseen,
  siblings,
  TIME_COLUMN,
  wasSplit,
} from './common.js';
import { targetWithinGroup } from './group-target.js';
import { madeFromOneColumn, readsTargetRowwise } from './target.js';

/** Rows the divisions in chain `c` were made from: a split's source, the rows a hand-made part was cut from. */
function above(facts: ProgramContext['facts'], c: ReadonlySet<number>): Set<number> {
  const out = new Set<number>();
  for (const id of c) {
    const o = facts.origins.get(id);
    // A split's part, or the aligned part of another array its positions select (spectra[tr]): its own parents too.
    const from = o?.split ? [...o.split.source.rows, ...o.parents] : o?.kind === 'part' ? o.parents : [];
    for (const r of from) for (const x of chain(facts, r)) out.add(x);
  }
  return out;
}

/** A taint written to columns (Taint.assigned) that these features leave out (selected without them, or dropped). */
function leftOut(t: Taint, x: DataVal): boolean {
  const a = t.assigned;
  if (!a || x.cols?.frame !== a.frame) return false;
  if (x.cols.mode === 'only') return !x.cols.more && !a.names.some((n) => x.cols!.names.has(n));
  if (x.cols.mode === 'drop') return a.names.every((n) => x.cols!.names.has(n));
  return false;
}

/**
 * Every evaluation of the model is of rows cut from `fitRows` (a part carved from the rows a transform was learnt
 * on): no score of the program is of rows the transform never saw. (Unless another model given the same transform
 * is scored on such rows: candidates compared on one validation part carved from the transform's rows, the one
 * chosen then scored on the test part, which is untouched. Folds cut in a loop are a cross-validation the transform
 * stands outside of, test part or not.)
 */
function scoredOnlyInside(facts: ProgramContext['facts'], model: number, t: Taint): boolean {
  const inside = (e: EvalFact) =>
    [...e.data.rows].every((r) => [...chain(facts, r)].some((id) => t.fitRows.has(id)));
  const scored = facts.evals.filter((e) => e.how !== 'early-stopping');
  const evals = scored.filter((e) => e.model.id === model);
  if (evals.length === 0 || !evals.every(inside)) return false;
  const folds = evals.some((e) => [...e.data.rows].some((r) => cutInLoop(facts, r, t.fitRows)));
  return (
    folds ||
    !scored.some(
      (e) => e.model.id !== model && e.data.taints.some((x) => x.at === t.at && x.by === t.by) && !inside(e),
    )
  );
}

/** Whether rows `id` were cut from `fitRows` inside a loop (the validation fold of a hand-written K-fold). */
function cutInLoop(facts: ProgramContext['facts'], id: number, fitRows: ReadonlySet<number>): boolean {
  for (let o = facts.origins.get(id), depth = 0; o && !fitRows.has(o.id) && depth < 8; depth++) {
    if (o.loop !== undefined) return true;
    o = o.parents.length === 1 ? facts.origins.get(o.parents[0]!) : undefined;
  }
  return false;
}

export const rule: Rule = {
  id: 'leak-preprocessing',
  family: 'leakage',
  kind: 'preprocessing',
  name: 'preprocessing fit on test rows',
  severity: 'warning',
  confidence: 'high',
  summary: 'A transformer or statistic is learnt from rows that also end up in the test or validation data.',
  rationale:
    'Fitting a scaler, imputer, encoder or feature selector on data that includes test rows lets test statistics ' +
    'shape the training features, so the score is optimistic (scikit-learn "Common pitfalls: data leakage"; Yang ' +
    'et al., ASE 2022, found it in many public notebooks). Roth et al. (2026) measure a smaller inflation than for ' +
    'selection leakage, hence warning rather than error.',
  fix:
    'Split first and fit on the training part only, or put the step in a Pipeline so that each split and each ' +
    'cross-validation fold fits it on its own training rows.',
  check(ctx: ProgramContext): RawFinding[] {
    const { facts } = ctx;
    const out = new Map<Taint, RawFinding>();
    const report = (t: Taint, where: string, at: RawFinding['at'], message: string) => {
      if (out.has(t)) return;
      out.set(t, {
        ruleId: rule.id,
        kind: rule.kind,
        confidence: rule.confidence,
        at: t.at,
        message: `${t.by} is fit on rows that reach the ${where}`,
        why: `${t.by} at ${lineRef(t.at)} learns from data that ${message}, so test statistics leak into training.`,
        related: [{ at, message: `${where} used here` }],
      });
    };
    for (const tr of facts.trainings) {
      // sales / groupby(week)["sales"].transform("sum"): a feature that is the target itself, rescaled; leak-target
      // reports it (a group statistic of the target alone, a target encoding, stays preprocessing).
      const rowwise = readsTargetRowwise(facts, tr);
      // A statistic of the target within each row's own group (a site's give-up rate over all its plots, the row's
      // own included): leak-target reports that the feature holds the row's label; not a second finding here.
      const target = tr.y?.column ?? madeFromOneColumn(tr.y);
      const ownFacts = tr.columnDefs ? { ...facts, columnDefs: tr.columnDefs } : facts;
      // (And a scaler of the labels, y_scaler.fit_transform(log[[TARGET]]) on every row before the split: the training
      // targets are centred and scaled by the test labels' statistics too.)
      const labelScalers = (tr.y?.taints ?? []).filter((t) => SCALERS.has(t.by));
      for (const t of [...tr.x.taints, ...labelScalers]) {
        if (rowwise && t.col && t.col.frame === tr.y?.column?.frame && t.col.name === tr.y.column.name)
          continue;
        if (target && targetWithinGroup(ownFacts, tr, target, t)) continue;
        // census["income_decile"] = pd.qcut(census["household_income"], 10) beside high_income = household_income >
        // 75_000: the bins of the label's own column are the label in disguise (leak-target's), not a statistic's leak.
        if (
          t.by === 'quantile bins (pd.qcut)' &&
          t.col &&
          tr.y?.column &&
          (facts.columnDefs.get(tr.y.column.frame)?.get(tr.y.column.name)?.deps ?? []).some(
            (d) => d.name === t.col!.name,
          )
        )
          continue;
        // Bags per booking: an attribute of each entity, nothing learnt across them (see Taint.entityCount); a
        // booking's own swipes summarised onto it (see Taint.ownGroup).
        if (t.entityCount || t.ownGroup) continue;
        if (!labelScalers.includes(t) && leftOut(t, tr.x)) continue;
        for (const o of tr.x.rows) {
          const c = chain(facts, o);
          if (!wasSplit(facts, c)) continue;
          // Learnt on the training part of an earlier split, then a validation part carved from it (Keras'
          // validation_split does the same): the test set stays unseen — when the program has one. A predefined
          // training part (load_dataset(..., split="train")) transformed whole, then cut into the parts the model is
          // trained and scored on, has its statistics in the part scored.
          if (onTrainingPart(facts, t.fitRows) && !scoredOnlyInside(facts, tr.model.id, t)) continue;
          // The rows above the division (what was split), not filters applied after it: an outlier detector fit on
          // the training part and used to filter it learnt from training rows only.
          const anc = above(facts, c);
          // Other parts of the same division that are themselves trained on (pd.concat([fit_df, val_df]) refit
          // after the validation year was used) are training rows, not the test set.
          const trained = new Set([...tr.x.rows].flatMap((r) => [...chain(facts, r)]));
          const sib = new Set([...siblings(facts, c)].filter((s) => !trained.has(s)));
          // Fit on a slice of the rows before they are split (`reference.loc[reference.make == key]` of the whole
          // table, then the table split at random): the slice's rows are on both sides too.
          // (Not a slice of the training part's own values, `df[df.date < CUTOFF]` beside a training part
          // `feat[feat.date < CUTOFF]` of a frame made from it.)
          const trainRanges = [...c].flatMap((id) => {
            const r = facts.origins.get(id)?.range;
            return r?.range ? [{ column: r.column, range: r.range }] : [];
          });
          const slice = [...t.fitRows].some((r) => {
            // (Slices of slices: ref[~np.isnan(ref)] of reference.loc[reference.make == key].)
            for (let o = facts.origins.get(r), depth = 0; o && depth < 8; depth++) {
              if (o.kind !== 'subset' || o.split) return false;
              const own = o.range?.range;
              // (Or dates of another column within the training years: a climatology of `time <= "2012-09-30"`
              // beside a training part `wy < 2013`.)
              if (
                own &&
                trainRanges.some(
                  (x) =>
                    (x.column === o!.range!.column && withinRange(own, x.range)) ||
                    datesWithinYears(own, x.range) ||
                    // (A training part cut from the time index at a date: its range on `index`; or on another
                    // date of the row, a climatology of `time <= "2021-06-30"` beside `next_day < "2021-07-01"`.)
                    ((x.column === 'index' || TIME_COLUMN.test(x.column)) && datesWithinDates(own, x.range)),
                )
              )
                return false;
              if (o.parents.some((p) => anc.has(p))) return true;
              o = o.parents.length === 1 ? facts.origins.get(o.parents[0]!) : undefined;
            }
            return false;
          });
          // Learnt from a dated table joined onto these rows by date (see Taint.joinedOnto): the test part's dates
          // have their values from statistics of every date — unless those were of the training part's dates only
          // (a climatology of `sst.sel(time=slice(None, TRAIN_END))` beside a training part `date <= TRAIN_END`).
          const joined =
            !!t.joinedOnto &&
            intersects(t.joinedOnto, anc) &&
            ![...t.fitRows].some((r) => {
              for (let o = facts.origins.get(r), depth = 0; o && depth < 8; depth++) {
                const own = o.range?.range;
                // (Or years as numbers of the same column, water_year <= 2015 on both sides.)
                const column = o.range?.column;
                if (
                  own &&
                  trainRanges.some(
                    (x) =>
                      datesWithinDates(own, x.range) ||
                      datesWithinYears(own, x.range) ||
                      (x.column === column && withinRange(own, x.range)),
                  )
                )
                  return true;
                o = o.parents.length === 1 ? facts.origins.get(o.parents[0]!) : undefined;
              }
              return false;
            });
          if (intersects(t.fitRows, anc) || intersects(t.fitRows, sib) || slice || joined) {
            const split = [...c].map((id) => facts.origins.get(id)?.split).find((s) => s);
            // Statistics within groups of the column the rows are split by: every group is on one side.
            const by = split?.by ?? split?.groups;
            if (by && keptWhole(facts, t.groupBy, by)) continue;
            report(
              t,
              'test set',
              split?.at ?? tr.at,
              `is split into training and test parts at ${lineRef(split?.at ?? tr.at)} before the model is trained at ${lineRef(tr.at)}`,
            );
          }
        }
        // Fit on the very rows the model is then evaluated on, however they were made (a test file loaded on its
        // own, then stacked with the training rows for the scaler: StandardScaler().fit(np.vstack([X_train, X_test]))).
        // Rows the model was fit on in minibatches (`model(X_train[idx])` in a loop) are seen, not held out.
        for (const e of facts.evals) {
          if (e.model.id !== tr.model.id || e.how === 'early-stopping') continue;
          const unseen = [...e.data.rows].find((r) => {
            const c = chain(facts, r);
            return (
              !e.fitsBefore.some(
                (f) => intersects(f.rows, c) || [...f.rows].some((b) => batchOf(facts, b, r)),
              ) && t.fitRows.has(r)
            );
          });
          if (unseen !== undefined)
            report(
              t,
              'test set',
              e.at,
              `includes the held-out rows the model trained at ${lineRef(tr.at)} is evaluated on at ${lineRef(e.at)}`,
            );
        }
      }
    }
    // The same transform fit again on the evaluated rows (`prep.fit_transform(test_df)` after
    // `prep.fit_transform(train_df)`, a helper that makes a new scaler for whatever part it is given): the test set is
    // scaled by its own statistics, not the training part's the model learnt with.
    for (const e of facts.evals) {
      if (e.how === 'early-stopping') continue;
      const trained = facts.trainings.filter((tr) => tr.model.id === e.model.id).flatMap((tr) => tr.x.taints);
      const fitRows = new Set(e.fitsBefore.flatMap((f) => [...f.rows].flatMap((r) => [...chain(facts, r)])));
      for (const t of e.data.taints) {
        if (trained.includes(t) || !intersects(t.fitRows, e.data.rows)) continue;
        if ([...t.fitRows].some((r) => fitRows.has(r))) continue;
        const twin = trained.find(
          (x) => x.by === t.by && x.at.line === t.at.line && x.at.column === t.at.column,
        );
        if (!twin) continue;
        // A fit call given those rows: a transformer's (`StandardScaler().fit_transform(frame)`) or the program's own
        // class's (`prep.fit_transform(test_df)`).
        const fits = [
          ...facts.transformerFits.map((f) => ({ rows: f.data.rows, at: f.at })),
          ...(facts.userFits ?? []),
        ];
        const refit = fits.find(
          (f) => intersects(f.rows, t.fitRows) && ![...f.rows].some((r) => fitRows.has(r)),
        );
        if (!refit || out.has(t) || [...out.values()].some((f) => f.at === refit.at)) continue;
        out.set(t, {
          ruleId: rule.id,
          kind: rule.kind,
          confidence: rule.confidence,
          at: refit.at,
          message: `${t.by} is fit again on the test rows`,
          why: `The rows evaluated at ${lineRef(e.at)} are transformed by a fit on those rows themselves (${lineRef(refit.at)}; ${t.by} at ${lineRef(t.at)}), while the model was trained on the training part's own fit (${lineRef(twin.at)}): the test set is scaled by its own statistics, which the model never saw and a deployed model cannot have. Fit on the training part once and only transform the test part.`,
          related: [{ at: e.at, message: 'test set used here' }],
        });
      }
    }
    // DataLoader(trainset) of a training part made with a transform learnt from rows of the whole split (channel
    // statistics of the training and test images, Normalize(mean, std)): the batches to train on carry test
    // statistics, whether or not the training loop itself is in the program.
    for (const l of facts.loaders ?? []) {
      if (!onTrainingPart(facts, l.data.rows)) continue;
      for (const t of l.data.taints) {
        if (onTrainingPart(facts, t.fitRows)) continue;
        for (const o of l.data.rows) {
          const c = chain(facts, o);
          if (!wasSplit(facts, c)) continue;
          if (!intersects(t.fitRows, above(facts, c)) && !intersects(t.fitRows, siblings(facts, c))) continue;
          const split = [...c].map((id) => facts.origins.get(id)?.split).find((s) => s);
          const by = split?.by ?? split?.groups;
          if (by && t.groupBy?.includes(by)) continue;
          report(
            t,
            'test set',
            split?.at ?? l.at,
            `is split into training and test parts at ${lineRef(split?.at ?? l.at)}, and whose training part is batched at ${lineRef(l.at)}`,
          );
        }
      }
    }
    // A search's inner folds only choose hyper-parameters; when a held-out set is then scored, that score is honest.
    for (const cv of facts.cvs) {
      if (/(SearchCV|BayesSearchCV)\.fit$/.test(cv.fn) && scoredOnUnseen(facts, cv.data.rows)) continue;
      for (const t of cv.data.taints) {
        if (leftOut(t, cv.data) || t.entityCount) continue;
        for (const o of cv.data.rows) {
          if (intersects(t.fitRows, chain(facts, o))) {
            report(
              t,
              'cross-validation folds',
              cv.at,
              `${cv.fn} at ${lineRef(cv.at)} splits into folds after the fit`,
            );
          }
        }
      }
    }
    return [...out.values()];
  },
};

/** Whether `id` is rows picked from `of` (`X_train[idx]`, a minibatch), through subsets only. */
function batchOf(facts: Facts, id: number, of: number): boolean {
  for (let o = facts.origins.get(id), depth = 0; o && depth < 8; depth++) {
    if (o.id === of) return true;
    if (o.kind !== 'subset' || o.parents.length !== 1) return false;
    o = facts.origins.get(o.parents[0]!);
  }
  return false;
}
