/**
 * Whom several rows of a table belong to, by the names the program gives (leak-overlap's entity checks): id columns
 * of people, tables of parts of a recording or a document, per-entity aggregates of other rows.
 */
import type { ProgramContext } from '../rule.js';
import { chain } from './common.js';

/** Columns naming whom several rows belong to (images per patient, recordings per speaker); a bare plural is a count. */
export const GROUP_ID =
  /^((patient|participant|speaker|donor|mouse)(s?_?(id|no|num|number|code|key|name))?|(subject|animal|individual)_?(id|no|num|number|code|key))$/i;

/**
 * Names of tables whose rows are parts of a longer recording or document (heartbeats, windows, epochs of a signal,
 * sentences of a text): with the id of what they are parts of (`record_id`), several rows per id.
 */
const PART_ROWS =
  /^(beat|heartbeat|window|segment|epoch|clip|chunk|snippet|patch|tile|crop|sentence|utterance|cycle|stanza|paragraph|passage|frame)s$/i;
/** An id column (`record_id`) and what it names; not the label's own codes (`class_id`, `label_code`). */
const ID_COLUMN = /^(.*[a-z])_?(id|no|num|number|code|key)$/i;

export const NOT_ENTITY =
  /^(class|label|target|type|category|symbol|cluster|fold|split|set|batch|row|index|part)$/i;

/** Whom a per-entity aggregate of other rows describes: `avg_session_len_user`, `customer_total_orders`. */
const ENTITY = '(user|customer|client|player|member|account|visitor|subscriber|driver|rider|shopper|buyer)';
const STAT = '(avg|mean|median|total|sum|count|n|num|max|min|std)';
export const ENTITY_AGGREGATE = new RegExp(
  `^(${STAT}_.+_${ENTITY}|${ENTITY}_${STAT}_.+|${STAT}_.+_per_${ENTITY})$`,
  'i',
);

/**
 * A column summarising an entity's rows (`avg_session_len_user`) among a table's columns: the table has several rows
 * per user, and the summary is taken over all of them. Returns the entity's name.
 */
export function aggregatedEntity(facts: ProgramContext['facts'], frame: number): string | undefined {
  for (const c of facts.frameColumns.get(frame) ?? []) {
    const m = ENTITY_AGGREGATE.exec(c);
    if (m) return c;
  }
  return undefined;
}

/** What a group column names: `patient` of `patient_id`, `user` of `avg_session_len_user`. */
export function entityOf(column: string): string {
  const m = ENTITY_AGGREGATE.exec(column);
  if (m) return (m[3] ?? m[4] ?? m[7] ?? column).toLowerCase();
  return column.replace(/_?(id|no|num|number|code|key|name)$/i, '');
}

/** The id column of what a table of parts (by the names its rows were bound to) is made of. */
export function partsOf(
  facts: ProgramContext['facts'],
  frame: number,
  rows: Iterable<number>,
): string | undefined {
  const names = [...rows].flatMap((r) =>
    [...chain(facts, r)].flatMap((id) => [...(facts.origins.get(id)?.names ?? [])]),
  );
  const part = names.flatMap((n) => n.split('_')).find((w) => PART_ROWS.test(w));
  if (!part) return undefined;
  // (With the keys it was merged on: frames.merge(reviews[["clip_id", "event_label"]], on="clip_id").)
  const columns = [
    ...new Set([
      ...(facts.frameColumns.get(frame) ?? []),
      ...(facts.merges?.get(frame) ?? []).map((m) => m.key),
    ]),
  ];
  return (
    columns.find((c) => {
      const entity = ID_COLUMN.exec(c)?.[1]?.replace(/_$/, '');
      // (Not the part itself, frame_no of frames; a larger part they are cut from is their entity, the clip_id
      // of a clip's frames.)
      return (
        !!entity &&
        entity.length >= 3 &&
        !NOT_ENTITY.test(entity) &&
        `${entity}s`.toLowerCase() !== part.toLowerCase()
      );
    }) ??
    // Tiles or windows of a genome by their coordinates (chrom, start, end): neighbouring tiles overlap or lie close
    // on the same chromosome, what they are parts of.
    (columns.some((c) => /^(start|begin|pos|position)$/i.test(c))
      ? columns.find((c) => /^(chrom|chromosome|chr|seqnames|contig)$/i.test(c))
      : undefined)
  );
}
