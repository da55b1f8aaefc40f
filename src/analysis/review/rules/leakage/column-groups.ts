/**
 * leak-target's check of the program's own grouping of columns: lists of column names bound at the top of a program
 * (`RADAR = [...]`, `ENVIRONMENT = [...]`, `SURVEY = ["ef_rating", "path_length_km", "path_width_m", "injuries"]`)
 * say which columns belong together. A group that holds the label's source is the outcome's record (the damage
 * survey a rating comes from); when the features leave out most of that group but keep a member of it, the member
 * kept is part of the same record, known only once the outcome is (low confidence: the grouping is the author's).
 */
import type { Node } from 'web-tree-sitter';
import type { DataVal, Facts } from '../../flow/facts.js';

/** Lists of at least three string literals bound to a plain name at the top level of a program, by name. */
export function columnLists(root: Node): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const stmt of root.namedChildren) {
    const a = stmt?.type === 'expression_statement' ? stmt.namedChildren[0] : undefined;
    if (a?.type !== 'assignment') continue;
    const left = a.childForFieldName('left');
    const right = a.childForFieldName('right');
    if (left?.type !== 'identifier' || right?.type !== 'list') continue;
    const items = right.namedChildren.filter((c) => c && c.type !== 'comment');
    if (items.length < 3 || !items.every((c) => c?.type === 'string')) continue;
    const names = items.map((c) => c!.text.replace(/^[rRbBuU]*(['"]{1,3})([\s\S]*)\1$/, '$2'));
    if (names.every((n) => /^\w+$/.test(n))) out.set(left.text, names);
  }
  return out;
}

/**
 * A member of the label's group of columns kept among the features while at least two others of that group (besides
 * the label and its sources) are left out, and fewer are kept than left out, in a program with another group of
 * columns, disjoint from it, among the features (the lists are groups by topic, not one list of every column).
 */
export function keptFromOutcomeGroup(
  facts: Facts,
  lists: Map<string, string[]>,
  x: DataVal,
  target: { frame: number; name: string },
  labelSources: ReadonlySet<string>,
): { feature: string; group: string; source: string; left: string[] } | undefined {
  const cols = x.cols?.frame === target.frame ? x.cols : undefined;
  if (!cols || (cols.mode !== 'drop' && cols.mode !== 'only')) return undefined;
  const inFeatures = (c: string) => (cols.mode === 'drop' ? !cols.names.has(c) : cols.names.has(c));
  const defs = facts.columnDefs.get(target.frame);
  for (const [group, names] of lists) {
    const source = names.find((n) => labelSources.has(n));
    if (source === undefined) continue;
    const members = names.filter((n) => !labelSources.has(n) && !defs?.has(n));
    const kept = members.filter(inFeatures);
    const left = members.filter((n) => !inFeatures(n));
    if (kept.length === 0 || left.length < 2 || kept.length >= left.length) continue;
    const grouped = new Set(names);
    const other = [...lists.values()].some(
      (o) => o !== names && o.every((n) => !grouped.has(n)) && o.filter(inFeatures).length >= 2,
    );
    if (other) return { feature: kept[0]!, group, source, left };
  }
  return undefined;
}
