/**
 * leak-overlap's check of training and test parts cut from the same rows by ranges of one column that intersect:
 * `train = df[df.season.between(2016, 2023)]`, `test = df[df.season == 2023]` (bounds often in a config dict, where
 * one edit moves a period into the other). The rows of the shared values are in both parts.
 */
import type { Facts, Origin, Range } from '../../flow/facts.js';
import { emptyRange, intersectRanges } from '../../flow/range.js';
import type { RawFinding } from '../../types.js';
import type { Rule } from '../rule.js';
import { chain, lineRef } from './common.js';

/**
 * The values of `column` rows keep after every mask on it above them (`season_slice(history, a, b)` of
 * `history = runs[runs.season < T]`: both bounds), with the masking origins; undefined when a mask on the column has
 * bounds the analysis does not know, or when the rows are not cut by a mask on it.
 */
function kept(facts: Facts, rows: Iterable<number>, column: string) {
  let range: Range | undefined;
  const by: Origin[] = [];
  for (const r of rows) {
    // The part itself cut by a mask on the column (not a later filter of some other kind: which rows that kept is
    // not known).
    if (facts.origins.get(r)?.range?.column !== column) return undefined;
    for (const id of chain(facts, r)) {
      const o = facts.origins.get(id);
      if (o?.range?.column !== column) continue;
      if (!o.range.range) return undefined;
      range = range ? intersectRanges(range, o.range.range) : o.range.range;
      by.push(o);
    }
  }
  return range ? { range, by } : undefined;
}

export function periodOverlaps(facts: Facts, rule: Pick<Rule, 'id' | 'kind'>): RawFinding[] {
  const out: RawFinding[] = [];
  const seen = new Set<string>();
  // Evaluations, and predictions of a part (`test.assign(pred=model.predict(test))`, scored by hand later).
  const scored = [
    ...facts.evals.filter((e) => e.how !== 'early-stopping'),
    ...(facts.predictions ?? []).map(({ pred, at }) => ({
      data: pred.data,
      at,
      fitsBefore: pred.model.fits.slice(0, pred.fits ?? pred.model.fits.length),
    })),
  ];
  for (const e of scored) {
    const columns = new Set(
      [...e.data.rows].flatMap((r) =>
        [...chain(facts, r)].flatMap((id) => {
          const c = facts.origins.get(id)?.range?.column;
          return c ? [c] : [];
        }),
      ),
    );
    for (const column of columns) {
      const test = kept(facts, e.data.rows, column);
      if (!test) continue;
      for (const f of e.fitsBefore) {
        const train = kept(facts, f.rows, column);
        if (!train) continue;
        // The same part (a training score) is not two parts.
        if (train.by.every((o) => test.by.includes(o))) continue;
        const both = intersectRanges(train.range, test.range);
        if (emptyRange(both)) continue;
        const trainAt = train.by.at(-1)!.at;
        const testAt = test.by.at(-1)!.at;
        const key = `${trainAt.line}:${testAt.line}:${column}`;
        if (seen.has(key)) continue;
        seen.add(key);
        const name = JSON.stringify(column);
        out.push({
          ruleId: rule.id,
          kind: rule.kind,
          confidence: 'high',
          at: testAt,
          message: `the training and test parts overlap on ${name}`,
          why: `The training part (${lineRef(trainAt)}) keeps ${name} ${show(train.range)} and the evaluated part (${lineRef(testAt)}) keeps ${name} ${show(test.range)}: the rows with ${name} ${show(both)} are in both, so the model is scored on rows it was trained on. Make the periods disjoint (the test part starting after the training part ends).`,
          related: [
            { at: trainAt, message: 'training part' },
            { at: e.at, message: 'evaluated here' },
          ],
        });
      }
    }
  }
  out.push(...crossCuts(facts, rule, scored));
  return out;
}

/**
 * Parts cut at one value on two time columns of each row (see SplitFact.crossCut), training kept by the column that
 * comes first (`booked_at < CUTOFF`) and test by the one that comes later (`starts_at >= CUTOFF`, the program having
 * taken one from the other: Facts.timeOrder): a row booked before the cut and held after it is in both parts.
 */
function crossCuts(
  facts: Facts,
  rule: Pick<Rule, 'id' | 'kind'>,
  scored: { data: { rows: Set<number> }; at: RawFinding['at']; fitsBefore: { rows: Set<number> }[] }[],
): RawFinding[] {
  const out: RawFinding[] = [];
  for (const split of facts.splits) {
    if (split.position) continue;
    const cut = split.crossCut;
    if (!cut || !facts.timeOrder?.some((t) => t.earlier === cut.train && t.later === cut.test)) continue;
    const reaches = (rows: Iterable<number>, part: number) =>
      [...rows].some((r) => chain(facts, r).has(part));
    const e = scored.find(
      (x) => reaches(x.data.rows, split.test) && x.fitsBefore.some((f) => reaches(f.rows, split.train)),
    );
    if (!e) continue;
    const train = facts.origins.get(split.train)!;
    const test = facts.origins.get(split.test)!;
    const [a, b] = [JSON.stringify(cut.train), JSON.stringify(cut.test)];
    out.push({
      ruleId: rule.id,
      kind: rule.kind,
      confidence: 'high',
      at: test.at,
      message: `the training part is cut on ${a} and the test part on ${b}: rows can be in both`,
      why: `The training part (${lineRef(train.at)}) keeps the rows whose ${a} is before the cut and the evaluated part (${lineRef(test.at)}) those whose ${b} is at or after it; ${a} comes before ${b} in each row, so a row with ${a} before the cut and ${b} after it is in both parts and the model is scored on rows it was trained on. Cut both parts on the same column.`,
      related: [
        { at: train.at, message: 'training part' },
        { at: e.at, message: 'evaluated here' },
      ],
    });
  }
  return out;
}

/** A range in words: `≥ 2023-10-01 and ≤ 2023-12-31`, `≥ 2016 and ≤ 2023`, `= 2023`. */
function show(r: Range): string {
  // Dates are kept as milliseconds since 1970 (any later than 1980 is above 3.2e11; a year or a count is not).
  const v = (x: number) => (x > 3.2e11 ? new Date(x).toISOString().slice(0, 10) : String(x));
  if (r.lo !== undefined && r.lo === r.hi) return `= ${v(r.lo)}`;
  const lo = r.lo === undefined ? '' : `${r.loIn ? '≥' : '>'} ${v(r.lo)}`;
  const hi = r.hi === undefined ? '' : `${r.hiIn ? '≤' : '<'} ${v(r.hi)}`;
  return [lo, hi].filter(Boolean).join(' and ');
}
