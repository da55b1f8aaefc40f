/**
 * leak-overlap: training and test data share rows — oversampling or bootstrap resampling before the split (copies
 * or synthetic neighbours of a row land on both sides), or a model trained on rows it is then evaluated on.
 */
import type { RawFinding } from '../../types.js';
import type { ProgramContext, Rule } from '../rule.js';
import { chain, intersects, isHeldOut, lineRef, TIME_COLUMN } from './common.js';
import { aggregatedEntity, ENTITY_AGGREGATE, entityOf, GROUP_ID, NOT_ENTITY, partsOf } from './entities.js';
import { periodOverlaps } from './period-overlap.js';

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
          if (o?.kind === 'oversampled' || o?.kind === 'undersampled') return o;
        }
      }
      return undefined;
    };
    // Splits and cross-validation both divide the rows: oversampled rows before either land on both sides.
    const divisions = [
      // (A cut by position is recorded for the label's horizon only: see SplitFact.position.)
      ...facts.splits
        .filter((s) => !s.position)
        .map((s) => ({
          rows: s.source.rows,
          at: s.at,
          what: 'the train/test split',
          by: `split at ${lineRef(s.at)}`,
          groups: s.groups,
        })),
      ...facts.cvs.map((c) => ({
        rows: c.data.rows,
        at: c.at,
        what: 'cross-validation',
        by: `split into folds by ${c.fn} at ${lineRef(c.at)}`,
        groups: c.groups,
      })),
    ];
    for (const d of divisions) {
      const o = resampledIn(d.rows);
      if (!o) continue;
      // Copies of rows (a frame stacked with a copy of itself, both teams' views of each match; rows drawn with
      // replacement) keep every column, the groups' too: a split by groups puts all copies of a row on one side.
      // Rows made by a resampler (SMOTE's new points) or other rows of another key are not such copies.
      if (d.groups && copiesOfRows(o.how, d.groups)) continue;
      const under = o.kind === 'undersampled';
      push(`r${o.at.line}`, {
        ruleId: rule.id,
        kind: rule.kind,
        confidence: 'high',
        at: o.at,
        message: `${o.how ?? (under ? 'undersampling' : 'oversampling')} before ${d.what}`,
        why: under
          ? `The data is undersampled at ${lineRef(o.at)} and only then ${d.by}, so the held-out rows are resampled too: they no longer have the class balance the model meets, and the score is measured on rows chosen with knowledge of all of them.`
          : `The data is oversampled at ${lineRef(o.at)} and only then ${d.by}, so copies of the same rows are on both sides.`,
        related: [{ at: d.at, message: `${d.what} here` }],
      });
    }
    // Parts of the same oversampled rows on both sides, however they were cut (slices, take/skip, Subset).
    for (const e of facts.evals) {
      for (const r of e.data.rows) {
        const c = chain(facts, r);
        for (const f of e.fitsBefore) {
          const fitChain = new Set([...f.rows].flatMap((x) => [...chain(facts, x)]));
          if (fitChain.has(r)) continue; // a training score
          const o = [...c]
            .map((id) => facts.origins.get(id))
            .find((x) => x?.kind === 'oversampled' && fitChain.has(x.id));
          if (!o) continue;
          const split = [...c].map((id) => facts.origins.get(id)?.split).find((x) => x);
          if (split?.groups && copiesOfRows(o.how, split.groups)) continue;
          push(`r${o.at.line}`, {
            ruleId: rule.id,
            kind: rule.kind,
            confidence: 'high',
            at: o.at,
            message: `${o.how ?? 'oversampling'} before the data is divided`,
            why: o.how?.includes('reshuffle')
              ? `The dataset is shuffled at ${lineRef(o.at)} anew on every pass (tf.data's reshuffle_each_iteration defaults to True), and the parts trained at ${lineRef(f.at)} and evaluated at ${lineRef(e.at)} are cut from it afterwards (take/skip): each epoch draws other rows into the training part, test rows among them. Shuffle with reshuffle_each_iteration=False before cutting, or split first.`
              : `The data is oversampled at ${lineRef(o.at)}; the model trained at ${lineRef(f.at)} and the data evaluated at ${lineRef(e.at)} are both parts of it, so copies of the same rows are on both sides.`,
            related: [{ at: e.at, message: 'evaluated here' }],
          });
        }
      }
    }
    // cross_validate(model, X, y, groups=chicks, cv=StratifiedKFold(…)): the author meant each chick's rows to stay in
    // one fold, but only a Group* splitter reads groups=; the folds are cut row by row.
    for (const c of [...facts.cvs, ...facts.splits]) {
      if (!c.ignoredGroups) continue;
      push(`ig${c.at.line}:${c.at.column}`, {
        ruleId: rule.id,
        kind: rule.kind,
        confidence: 'high',
        at: c.at,
        message: `groups= is given, but ${c.ignoredGroups} ignores it: rows of one group on both sides of each fold`,
        why: `${c.fn} at ${lineRef(c.at)} is given groups=, so the rows come several per group, but its split (${c.ignoredGroups}) cuts the folds row by row and never reads the groups: rows of the same group are in the training and the validation folds. Use a group splitter (GroupKFold, StratifiedGroupKFold, GroupShuffleSplit) as cv=.`,
      });
    }
    // Several rows per patient (subject, speaker, …) split row by row: the same person on both sides. Only when the
    // program groups nowhere (no groups=, no Group* splitter).
    if (!facts.usesGroups) {
      // The label of an entity brought to its several rows by a foreign key (is_fraud of the claim on its lines).
      const labels = new Set(
        [...facts.trainings.map((t) => t.y), ...facts.cvs.map((c) => c.y)].flatMap((y) =>
          y?.column ? [`${y.column.frame}:${y.column.name}`] : [],
        ),
      );
      const foreign = (frame: number) =>
        facts.foreignKeys
          ?.get(frame)
          ?.find((k) =>
            [...(k.names ?? facts.frameColumns.get(k.frame) ?? [])].some(
              (c) => c !== k.key && labels.has(`${frame}:${c}`),
            ),
          )?.key;
      // (A table of parts split in time order, by a date: only the part cut at the boundary is on both sides, and the
      // name is weak evidence — `cycles` counts a laundromat's washes as well as a gait's strides.)
      const grouped = (frame: number, rows: Iterable<number>, shuffled: boolean) =>
        // (Not a person's id the rows are indexed by, active.set_index("donor_id"): one row per donor.)
        [...(facts.frameColumns.get(frame) ?? [])].find(
          (c) => GROUP_ID.test(c) && !facts.indexKeys?.get(frame)?.has(c),
        ) ??
        [...(facts.groupKeys?.get(frame) ?? [])][0] ??
        foreign(frame) ??
        (shuffled ? partsOf(facts, frame, rows) : undefined) ??
        aggregatedEntity(facts, frame);
      const divided = [
        ...facts.splits
          // (Not a split of distinct ids, train_test_split(df["id"].unique()): a split by group.)
          .filter(
            (s) =>
              !/^(load_data|predefined split)$/.test(s.fn) && !s.ignoredGroups && !s.distinct && !s.position,
          )
          .map((s) => ({
            frame: s.source.frame,
            frames: s.frames ?? [],
            rows: s.source.rows,
            at: s.at,
            what: `split by ${s.fn}`,
            shuffled: s.shuffled && !s.by,
            by: s.by,
            ids: s.ids,
          })),
        ...facts.cvs
          .filter((c) => !c.ignoredGroups)
          .map((c) => ({
            frame: c.data.frame,
            frames: [] as number[],
            rows: c.data.rows,
            at: c.at,
            what: `cross-validated by ${c.fn}`,
            shuffled:
              (c.cv?.kind === 'splitter' && c.cv.shuffle) || /shuffle\s*=\s*True/.test(c.cvText ?? ''),
            by: undefined,
            ids: undefined,
          })),
      ];
      // Ids the program counts or groups by (Facts.countedKeys) speak only against a shuffled split: a panel of
      // stores or packs split by date keeps each row's past in training, as it should.
      // And only an id a model is seen not to learn from (its features named without it, or with it dropped, or
      // one other column, or the id dropped from the frame): an id that is itself a feature (`site_id` hashed into the features of a click model,
      // `prop_country_id`) is a category the rows share, counted in an exploration cell, not an entity per row.
      const notFeature = (frame: number, id: string) =>
        !!facts.droppedIds?.get(frame)?.has(id) ||
        [...facts.trainings, ...facts.cvs.map((c) => ({ x: c.data }))].some(({ x }) =>
          x.cols?.frame === frame
            ? (x.cols.mode === 'only' && !x.cols.more && ![...x.cols.names].some((n) => n.includes(id))) ||
              (x.cols.mode === 'drop' && x.cols.names.has(id))
            : !x.cols &&
              ((x.column?.frame === frame && x.column.name !== id) ||
                // pd.concat([frame[GEOPHYS], dummies], axis=1): the columns read, the id not among them.
                (!x.column &&
                  !x.whole &&
                  !!x.deps?.length &&
                  x.deps.some((d) => d.frame === frame) &&
                  !x.deps.some((d) => d.name.includes(id)))),
        );
      const counted = (frame: number) =>
        [...(facts.countedKeys?.get(frame) ?? [])].find(
          (c) => !NOT_ENTITY.test(entityOf(c)) && notFeature(frame, c),
        ) ??
        // (An id treated as a series counts when the label comes with it, merged on it: one label per batch on its
        // daily readings.)
        [...(facts.seriesKeys?.get(frame) ?? [])].find(
          (c) =>
            notFeature(frame, c) &&
            !!facts.merges
              ?.get(frame)
              ?.some(
                (m) =>
                  m.key === c && [...(m.names ?? [])].some((n) => n !== c && labels.has(`${frame}:${n}`)),
              ),
        );
      // An id counted in the table the labels come from, when the features are made elsewhere (an array of windows)
      // and no model reads a column of that name.
      const countedBeside = (frame: number) =>
        [...(facts.countedKeys?.get(frame) ?? [])].find(
          (c) =>
            !NOT_ENTITY.test(entityOf(c)) &&
            (notFeature(frame, c) ||
              facts.trainings.every(
                ({ x }) =>
                  (x.cols?.frame ?? x.frame) !== frame &&
                  !(x.cols?.mode === 'only' && [...x.cols.names].some((n) => n.includes(c))) &&
                  !(x.deps ?? []).some((dep) => dep.name.includes(c)),
              )),
        );
      // rfm = history.groupby("donor_id").agg(…): one row per donor, whatever the columns say
      // (Rows named as parts of a document, `stanzas` made from poems deduplicated by poem_id, are several per poem
      // again: only a reduction, not a deduplication before the parts were cut, makes them one per group.)
      const onePerGroup = (rows: Iterable<number>, g: string, parts: boolean) =>
        [...rows].some((r) =>
          [...chain(facts, r)].some((id) => {
            const o = facts.origins.get(id);
            // by that key alone: groupby(["participant", "session"]) leaves several rows per participant.
            return o?.how === `groupby reduction by ${g}` && !(parts && o.kind === 'subset');
          }),
        );
      for (const d of divided) {
        // (The table the labels come from, beside features made from an array: its ids are the rows' too.)
        const g =
          grouped(d.frame, d.rows, d.shuffled) ??
          (d.shuffled ? counted(d.frame) : undefined) ??
          d.ids ??
          (d.shuffled ? d.frames.map((f) => countedBeside(f)).find((x) => x) : undefined);
        // perf[perf.season.isin(HOLDOUT)]: a split by a period keeps each period's rows together; an entity seen in
        // earlier periods and predicted in later ones (a production revived, a store's next season) is forecasting,
        // not a copy — unless the entity is a person measured again (GROUP_ID).
        if (g && d.by && TIME_COLUMN.test(d.by) && !GROUP_ID.test(g)) continue;
        if (!g || onePerGroup(d.rows, g, partsOf(facts, d.frame, d.rows) !== undefined)) continue;
        push(`g${d.at.line}:${d.at.column}`, {
          ruleId: rule.id,
          kind: rule.kind,
          confidence: 'medium',
          at: d.at,
          message: `rows of the same ${entityOf(g)} on both sides of the split`,
          why: ENTITY_AGGREGATE.test(g)
            ? `${JSON.stringify(g)} summarises each ${entityOf(g)}'s rows, so the data has several rows per ${entityOf(g)}, but it is ${d.what} at ${lineRef(d.at)} row by row: rows of one ${entityOf(g)} (and summaries that include the test rows) are in training and test; split by group (GroupShuffleSplit, GroupKFold with groups= the ${entityOf(g)}'s id).`
            : `The data has a ${JSON.stringify(g)} column (several rows each) but is ${d.what} at ${lineRef(d.at)} row by row, so rows of one ${JSON.stringify(g)} are in training and test; split by group (GroupShuffleSplit, GroupKFold with groups=).`,
        });
      }
    }
    // drop_duplicates() on a part after the split, never before it: duplicates across the parts stay.
    for (const d of facts.dedups) {
      for (const r of d.rows) {
        const split = [...chain(facts, r)].map((id) => facts.origins.get(id)?.split).find((s) => s);
        if (!split) continue;
        const before = new Set([...split.source.rows].flatMap((x) => [...chain(facts, x)]));
        if (facts.dedups.some((x) => intersects(x.rows, before))) continue;
        push(`d${d.at.line}:${d.at.column}`, {
          ruleId: rule.id,
          kind: rule.kind,
          confidence: 'medium',
          at: d.at,
          message: 'duplicates are removed after the split, from one part only',
          why: `The data is split at ${lineRef(split.at)} before drop_duplicates() at ${lineRef(d.at)}, so copies of the same rows can be in the training and the test part.`,
          related: [{ at: split.at, message: 'split here' }],
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
      // df_train = df.sample(frac=0.8), df_test = df.sample(frac=0.2): two independent random draws of the same rows
      // (not a sample and what it leaves out, df.drop(df_train.index)): about frac of the test rows are training rows.
      const drawn = (id: number) =>
        [...chain(facts, id)]
          .map((x) => facts.origins.get(x))
          .find((o) => o?.kind === 'part' && o.how === 'sample()' && !o.split);
      for (const r of e.data.rows) {
        const test = drawn(r);
        if (!test) continue;
        for (const f of e.fitsBefore) {
          const train = [...f.rows].map(drawn).find((o) => o && o.id !== test.id);
          if (!train || train.parents.join() !== test.parents.join()) continue;
          push(`s${f.at.line}:${f.at.column}`, {
            ruleId: rule.id,
            kind: rule.kind,
            confidence: 'medium',
            at: test.at,
            message: 'the test rows are drawn independently of the training rows',
            why: `The training rows (${lineRef(train.at)}) and the evaluated rows (${lineRef(test.at)}) are two separate random samples of the same data, so rows of one are in the other; take the test part as what the training sample leaves out (df.drop(train.index)) or use train_test_split.`,
            related: [
              { at: train.at, message: 'training sample' },
              { at: e.at, message: 'evaluated here' },
            ],
          });
        }
      }
    }
    // for day in days: batch = shots[shots.day == day]; model.partial_fit(Xb, yb); p = model.predict_proba(Xb) …
    // then one score over the collected predictions: each batch predicted right after the model learnt it (the
    // test-then-train order of a stream evaluation reversed).
    for (const e of facts.evals) {
      if (e.pred === undefined || e.how === 'early-stopping') continue;
      const p = facts.predictions?.find((x) => x.pred.id === e.pred)?.pred;
      if (!p?.fits) continue;
      // (A fit before it, the warm start: the model existed before the batch it learns.)
      const last = p.fits >= 2 ? p.model.fits[p.fits - 1] : undefined;
      if (!last) continue;
      const rows = [...p.data.rows];
      if (rows.length === 0 || rows.length !== last.rows.size || !rows.every((r) => last.rows.has(r)))
        continue;
      const loop = rows.map((r) => facts.origins.get(r)?.loop).find((l) => l !== undefined);
      if (loop === undefined || e.loops.includes(loop)) continue;
      push(`q${last.at.line}:${last.at.column}`, {
        ruleId: rule.id,
        kind: rule.kind,
        confidence: 'medium',
        at: last.at,
        message: `${p.model.cls} learns each batch before it predicts that batch`,
        why: `In the loop, the model is updated on a batch at ${lineRef(last.at)} and then predicts the same batch; the predictions gathered over the loop are scored at ${lineRef(e.at)}, so every scored row was trained on first. Predict each batch before the update (test, then train).`,
        related: [{ at: e.at, message: 'scored here' }],
      });
    }
    for (const f of periodOverlaps(facts, rule)) push(`p${f.at.line}:${f.at.column}`, f);
    return out;
  },
};

/** An oversampling that copies whole rows, or adds other rows of the same `groups` key (see the division above). */
function copiesOfRows(how: string | undefined, groups: string): boolean {
  return (
    !!how &&
    (how.includes('a copy of itself') ||
      how.includes('replace=') ||
      // df.explode("language"): one row per item of a booking's list, every other column (booking_id) copied.
      how.includes('.explode()') ||
      how.includes('copies of each row') ||
      how.includes(`other rows of the same ${JSON.stringify(groups)}`))
  );
}
