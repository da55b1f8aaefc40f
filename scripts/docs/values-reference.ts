/**
 * The README's "Configuration reference" of the Helm chart, from the helm-docs style comments of
 * charts/ai-ci/values.yaml: a `# -- description` comment (continued on the following `#` lines) documents the key
 * below it. A documented key whose value is a map is one row (its default shown as JSON); an undocumented map is
 * descended into. Hand-written rather than helm-docs because helm-docs is a Go binary outside our registries and
 * the table must be checked by `npm run generate:check` like the other generated files.
 */
import { isMap, isScalar, isSeq, type Node, type Pair, parseDocument } from 'yaml';

export interface ValueDoc {
  key: string;
  type: string;
  default: unknown;
  description: string;
}

/** The description of a `# --` comment block (the text after the last `--` marker), or undefined. */
function describe(comment: string | null | undefined): string | undefined {
  if (!comment) return undefined;
  const lines = comment.split('\n').map((l) => l.replace(/^ ?/, ''));
  const start = lines.findLastIndex((l) => l.startsWith('-- '));
  if (start < 0) return undefined;
  return [lines[start]!.slice(3), ...lines.slice(start + 1)]
    .map((l) => l.trim())
    .filter((l) => l !== '')
    .join(' ');
}

function typeOf(node: Node | null, value: unknown): string {
  if (isMap(node)) return 'object';
  if (isSeq(node)) return 'list';
  if (value === null) return 'null';
  if (typeof value === 'number') return Number.isInteger(value) ? 'int' : 'float';
  return typeof value;
}

/** Every documented value, in file order. Throws naming the key when a leaf has no `# --` description. */
export function collectValueDocs(valuesYaml: string, file = 'charts/ai-ci/values.yaml'): ValueDoc[] {
  const doc = parseDocument(valuesYaml);
  if (doc.errors.length > 0) throw new Error(`${file}: ${doc.errors[0]!.message}`);
  const out: ValueDoc[] = [];
  const walk = (node: unknown, prefix: string, firstComment: string | null | undefined) => {
    if (!isMap(node)) return;
    node.items.forEach((pair: Pair, i) => {
      const key = `${prefix}${String(isScalar(pair.key) ? pair.key.value : pair.key)}`;
      const keyNode = pair.key as Node | null;
      // The comment above a map's first key is attached to the map (or the document), not to the key.
      const comment = keyNode?.commentBefore ?? (i === 0 ? firstComment : undefined);
      const description = describe(comment);
      const value = pair.value as Node | null;
      const js = value && 'toJSON' in value ? value.toJSON() : value;
      if (description !== undefined) {
        out.push({ key, type: typeOf(value, js), default: js, description });
      } else if (isMap(value) && value.items.length > 0) {
        walk(value, `${key}.`, value.commentBefore);
      } else {
        throw new Error(`${file}: key ${key} has no "# -- description" comment`);
      }
    });
  };
  walk(doc.contents, '', doc.contents && isMap(doc.contents) ? doc.contents.commentBefore : undefined);
  return out;
}

function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}

function defaultCell(value: unknown): string {
  const json = JSON.stringify(value) ?? 'null';
  return `\`${cell(json)}\``;
}

export function renderValuesReference(valuesYaml: string): string {
  const rows = collectValueDocs(valuesYaml).map(
    (d) => `| \`${d.key}\` | ${d.type} | ${defaultCell(d.default)} | ${cell(d.description)} |`,
  );
  return ['| key | type | default | description |', '| --- | --- | --- | --- |', ...rows].join('\n');
}
