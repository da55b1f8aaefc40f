/**
 * leak-selection: one held-out set used to choose — between models, features or hyper-parameters, or to stop
 * training early — and no other, untouched hold-out evaluated once. The winning score is then a biased estimate.
 * A training loop counts as choosing when the model trained in the loop is scored on the held-out data in the same
 * loop and the score decides something (keep this epoch's weights, stop now).
 */
import type { EvalFact } from '../../flow/facts.js';
import type { RawFinding } from '../../types.js';
import type { ProgramContext, Rule } from '../rule.js';
import { chain, intersects, isHeldOut, lineRef, scoredOnUnseen } from './common.js';

export const rule: Rule = {
  id: 'leak-selection',
  family: 'leakage',
  kind: 'selection',
  name: 'selection on the test set',
  severity: 'error',
  confidence: 'high',
  summary:
    'The same test data chooses among models, features or hyper-parameters (or stops training early), with no untouched hold-out.',
  rationale:
    'Every decision taken by looking at test scores fits the test set; the best of several test scores is biased ' +
    'upwards. Roth et al. (2026) find this selection (multi-test) leakage inflates reported performance far more ' +
    'than preprocessing leakage, so it is ranked highest; Yang et al. (ASE 2022) call it multi-test leakage.',
  fix:
    'Choose with cross-validation on the training data or with a separate validation split, and evaluate the ' +
    'chosen model once on a test set that took part in no decision (early stopping included).',
  check(ctx: ProgramContext): RawFinding[] {
    const { facts } = ctx;
    // Evaluations on data the model was not trained on, by the origin of the evaluated rows.
    const byOrigin = new Map<number, EvalFact[]>();
    for (const e of facts.evals) {
      if (e.written) continue;
      for (const r of e.data.rows) {
        const c = chain(facts, r);
        if (e.fitsBefore.some((f) => intersects(f.rows, c))) continue; // a training score (or overlap, elsewhere)
        if (!byOrigin.has(r)) byOrigin.set(r, []);
        byOrigin.get(r)!.push(e);
      }
    }
    // `compared`: several models scored on it and nothing in the code picks by those scores — whoever reads them
    // chooses on the test set (multi-test, still an error: the comparison is the choice), but the program does not
    // show it: medium confidence, below the choices the code makes (a loop's best setting, early stopping, kept
    // epochs). On real notebooks most such findings are a chapter's demo models sharing one test set.
    const selecting = new Map<
      number,
      { evals: EvalFact[]; reason: string; at: EvalFact; compared?: boolean }
    >();
    for (const [origin, evals] of byOrigin) {
      const o = facts.origins.get(origin);
      const models = new Set(evals.map((e) => e.model.id));
      // Scores taken: a blend of several models scored by one metric call is one score.
      const scores = new Set(evals.map((e, i) => (e.joint !== undefined ? `j${e.joint}` : `e${i}`)));
      const varying = evals.find(
        (e) =>
          e.model.loop !== undefined &&
          e.loops.includes(e.model.loop) &&
          !(o?.loop !== undefined && e.loops.includes(o.loop)),
      );
      // for t in thresholds: f1_score(y_test, proba >= t) … argmax: one model, a setting chosen by its test score.
      // Or a score computed once and compared with each setting in a loop (abs_err <= k * mad for k in a grid) — an
      // interval's width or a multiplier sized on the test errors — and the comparison picks the setting.
      const tried = (l: number) => !facts.batchLoops.has(l) && l !== o?.loop;
      const setting = evals.find(
        (e) =>
          e.decides !== undefined &&
          (e.loops.some((l) => tried(l) && l !== e.model.loop) ||
            (e.perSetting !== undefined && tried(e.perSetting) && e.perSetting !== e.model.loop)),
      );
      // thr[np.argmax(f1)] over precision_recall_curve(y_test, proba), then the model scored there at that threshold.
      const swept = evals.find(
        (e) =>
          e.sweep &&
          e.decides !== undefined &&
          evals.some((f) => f !== e && f.how !== 'early-stopping' && f.at.line > e.decides!.line),
      );
      const early = evals.find((e) => e.how === 'early-stopping');
      const scored = evals.filter((e) => e.how !== 'early-stopping');
      // for epoch in ...: train(model); acc = test(model, test_loader); if acc > best: keep / else: stop.
      const epochs = evals.find(
        (e) =>
          e.decides !== undefined &&
          // data drawn afresh in the loop (a new split each trial) is not one test set reused
          !(o?.loop !== undefined && e.loops.includes(o.loop)) &&
          facts.trainings.some((t) => t.model.id === e.model.id && t.loops.some((l) => e.loops.includes(l))),
      );
      if (varying) {
        selecting.set(origin, {
          evals,
          reason: `models made in a loop are each scored on it at ${lineRef(varying.at)}`,
          at: varying,
        });
      } else if (models.size >= 2 && scores.size >= 2) {
        const second = evals.find((e) => e.model.id !== evals[0]!.model.id)!;
        const chosen = evals.some((e) => e.decides !== undefined);
        selecting.set(origin, {
          evals,
          reason:
            `${models.size} different models are scored on it (${lineRef(evals[0]!.at)}, ${lineRef(second.at)})` +
            (chosen
              ? ''
              : ' — nothing in the code picks by these scores, but comparing them there is choosing'),
          at: second,
          compared: !chosen,
        });
      } else if (epochs) {
        selecting.set(origin, {
          evals,
          reason: `the model trained in the loop is scored on it at ${lineRef(epochs.at)} every iteration, and the score decides at ${lineRef(epochs.decides!)} (which weights to keep, or when to stop)`,
          at: epochs,
        });
      } else if (setting) {
        selecting.set(origin, {
          evals,
          reason: setting.loops.some((l) => tried(l) && l !== setting.model.loop)
            ? `it is scored at ${lineRef(setting.at)} once per setting tried in a loop, and the score picks the setting at ${lineRef(setting.decides!)}`
            : `its errors (${lineRef(setting.at)}) are compared with each setting tried in a loop, and that picks the setting at ${lineRef(setting.decides!)}`,
          at: setting,
        });
      } else if (swept) {
        selecting.set(origin, {
          evals,
          reason: `its scores at every threshold (${lineRef(swept.at)}) pick the threshold at ${lineRef(swept.decides!)}, and it then scores the model at that threshold`,
          at: swept,
        });
      } else if (early && scored.length > 0) {
        selecting.set(origin, {
          evals,
          reason: `it stops training early at ${lineRef(early.at)} and then gives the reported score at ${lineRef(scored[0]!.at)}`,
          at: early,
        });
      }
    }
    // A validation set the code chooses on (a blend's weight, a threshold, kept epochs) and a test set where a blend
    // of the candidates and the candidates are only reported side by side: the test set is the untouched hold-out of
    // that choice, and the report of the parts beside the whole is no second choice.
    for (const [origin, s] of [...selecting]) {
      if (!s.compared || !s.evals.some((e) => e.joint !== undefined)) continue;
      const scope = facts.origins.get(origin)?.scope;
      const c = chain(facts, origin);
      const chose = [...selecting].some(
        ([other, o]) =>
          other !== origin &&
          !o.compared &&
          facts.origins.get(other)?.scope === scope &&
          !c.has(other) &&
          !chain(facts, other).has(origin),
      );
      if (chose) selecting.delete(origin);
    }
    const out: RawFinding[] = [];
    for (const [origin, s] of selecting) {
      const c = chain(facts, origin);
      // An untouched hold-out: another evaluated origin, not used to select, not related to this one.
      // (Not the validation folds of a loop over a splitter's folds, `X_dev.iloc[va]` for each fold, when the test
      // scores themselves pick: those folds were scored before the choice, and leave no hold-out for the result.)
      const scope = facts.origins.get(origin)?.scope;
      const testPicks = s.evals.some((e) => e.decides !== undefined);
      const holdout = [...byOrigin.keys()].some((other) => {
        const o = facts.origins.get(other);
        return (
          other !== origin &&
          o?.scope === scope &&
          !selecting.has(other) &&
          !c.has(other) &&
          !chain(facts, other).has(origin) &&
          !(testPicks && o?.loop !== undefined && o.split !== undefined && /\.split$/.test(o.split.fn))
        );
      });
      if (holdout) continue;
      const names = [...(facts.origins.get(origin)?.names ?? [])];
      const name =
        names.find((n) => isHeldOut({ ...facts.origins.get(origin)!, kind: 'part', names: new Set([n]) })) ??
        names[0];
      out.push({
        ruleId: rule.id,
        kind: rule.kind,
        confidence: s.compared ? 'medium' : 'high',
        at: s.at.at,
        message: `the test data${name ? ` ${name}` : ''} is used to select, and no untouched hold-out is left`,
        why: `The same held-out rows both choose and score: ${s.reason}.`,
        related: s.evals
          .filter((e) => e !== s.at)
          .slice(0, 5)
          .map((e) => ({ at: e.at, message: 'also evaluated here' })),
      });
    }
    out.push(...internalSelection(ctx), ...searchOverTest(ctx));
    return out;
  },
};

/**
 * A search fit on the training and the test rows joined (`GridSearchCV(…, cv=[(train_idx, test_idx)])` over
 * `pd.concat([X_train, X_test])`, or plain folds over both): its folds score the candidates on test rows, and the
 * test rows then give the reported score. (PredefinedSplit is followed where it is made, as candidates scored on
 * the test rows.)
 */
function searchOverTest(ctx: ProgramContext): RawFinding[] {
  const { facts } = ctx;
  const out: RawFinding[] = [];
  for (const c of facts.cvs) {
    if (!/Search\w*\.fit$/.test(c.fn)) continue;
    const held = [...c.data.rows].flatMap((r) =>
      [...chain(facts, r)].filter((id) => isHeldOut(facts.origins.get(id))),
    );
    if (held.length === 0) continue;
    const heldIds = new Set(held);
    const isHeld = (r: number) => [...chain(facts, r)].some((id) => heldIds.has(id));
    // Training rows beside them: the search's data is both parts, not a test set searched on its own.
    if ([...c.data.rows].every(isHeld)) continue;
    const later = facts.evals.find(
      (e) => e.at.line > c.at.line && e.how !== 'early-stopping' && [...e.data.rows].some(isHeld),
    );
    if (!later) continue;
    out.push({
      ruleId: rule.id,
      kind: rule.kind,
      confidence: 'high',
      at: c.at,
      message:
        'the search is fit on the training and the test rows together, and the test rows give the reported score',
      why: `${c.fn} at ${lineRef(c.at)} cross-validates the candidates over data that includes the held-out rows, so they are scored (and chosen) on test rows; the score at ${lineRef(later.at)} is then measured on the same rows. Search on the training rows only (cv= folds of X_train).`,
      related: [{ at: later.at, message: 'evaluated here' }],
    });
  }
  return out;
}

/**
 * Choosing by cross-validation (a search's best_score_, the best of several models' cross-validated scores) is
 * sound, but the winning score is biased upwards: without nested cross-validation or a test set evaluated once
 * afterwards, it is reported as the estimate.
 */
function internalSelection(ctx: ProgramContext): RawFinding[] {
  const { facts } = ctx;
  const candidates = facts.internalScores.filter((s) => {
    if (s.how === 'search') return true;
    if (s.model?.role === 'search' || s.decides === undefined) return false;
    const others = facts.internalScores.filter(
      (o) => o.how === 'cv' && o.decides !== undefined && o.model && o.model !== s.model,
    );
    return s.loops.length > 0 || others.length > 0;
  });
  // An honest estimate of the same data: a model scored on rows it was not fit on (a test set), or nested
  // cross-validation. (An evaluation of another data set earlier in the program does not count.)
  const honest = (s: (typeof candidates)[number]) => {
    const related = s.rows && s.rows.size > 0 ? s.rows : undefined;
    const relatedChain = related && new Set([...related].flatMap((r) => [...chain(facts, r)]));
    const nested = facts.cvs.some(
      (c) =>
        c.est &&
        (c.est.role === 'search' || c.est.steps.some((x) => x.role === 'search')) &&
        (!relatedChain || [...c.data.rows].some((r) => intersects(chain(facts, r), relatedChain))),
    );
    return nested || scoredOnUnseen(facts, related);
  };
  const s = candidates.find((c) => !honest(c));
  if (!s) return [];
  return [
    {
      ruleId: rule.id,
      kind: rule.kind,
      confidence: 'high',
      at: s.decides && s.how === 'cv' ? s.decides : s.at,
      message:
        s.how === 'search'
          ? "the search's best_score_ is reported, and no untouched hold-out or nested cross-validation estimates the chosen model"
          : 'the best of several cross-validated scores is reported, and no untouched hold-out or nested cross-validation estimates the chosen model',
      why:
        s.how === 'search'
          ? `best_score_ at ${lineRef(s.at)} is the highest of the candidates' cross-validated scores on the same folds that chose them, so it is biased upwards.`
          : `The cross-validated scores at ${lineRef(s.at)} choose at ${lineRef(s.decides!)}, and the winner's score is the maximum over the candidates, biased upwards.`,
    },
  ];
}
