/**
 * Validation of manifest text (multi-document YAML or JSON) with every finding mapped back to its line and
 * column. Pure: text in, report out; reading files is the caller's business.
 */
import { isMap, isPair, isScalar, isSeq, LineCounter, type Node, parseAllDocuments } from 'yaml';
import { API_VERSION } from './v1alpha1/common.js';
import { isAiCiApiVersion } from './v1alpha1/index.js';
import { isAiCiKind, type PathSegment, validateResource } from './validate.js';

export interface Position {
  /** 1-based. */
  line: number;
  /** 1-based. */
  column: number;
}

export interface PositionedIssue extends Position {
  field: string;
  path: PathSegment[];
  message: string;
}

export interface DocumentReport extends Position {
  /** 0-based index of the document in the text. */
  index: number;
  /** valid / invalid: an ai-ci resource; skipped: not an ai-ci resource (see `note`). */
  status: 'valid' | 'invalid' | 'skipped';
  kind?: string;
  name?: string;
  note?: string;
  issues: PositionedIssue[];
}

export interface ManifestReport {
  documents: DocumentReport[];
  /** YAML/JSON syntax errors; when present, no document of the text was validated. */
  parseErrors: (Position & { message: string })[];
}

/**
 * Where a path points in a YAML document: the key of the deepest existing map entry on the path (so a missing
 * field is reported at its parent, an unknown field at its own key), or the item of a sequence.
 */
function locate(root: unknown, path: readonly PathSegment[]): number | undefined {
  let node: unknown = root;
  let offset = (root as Node | undefined)?.range?.[0];
  for (const seg of path) {
    if (isMap(node)) {
      const pair = node.items.find(
        (p) => isPair(p) && isScalar(p.key) && String(p.key.value) === String(seg),
      );
      if (!pair) break;
      offset = (pair.key as Node).range?.[0] ?? offset;
      node = pair.value;
    } else if (isSeq(node) && typeof seg === 'number') {
      const item = node.items[seg] as Node | undefined;
      if (!item) break;
      offset = item.range?.[0] ?? offset;
      node = item;
    } else break;
  }
  return offset;
}

function isManifestLike(v: unknown): v is { apiVersion: unknown; kind: unknown } {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && 'apiVersion' in v && 'kind' in v;
}

/** Validates every ai-ci resource in a text; other documents are reported as skipped, with the reason. */
export function validateManifestText(text: string): ManifestReport {
  const lineCounter = new LineCounter();
  const docs = parseAllDocuments(text, { lineCounter, prettyErrors: false });
  const pos = (offset: number | undefined): Position => {
    const p = lineCounter.linePos(offset ?? 0);
    return { line: p.line, column: p.col };
  };
  const parseErrors: ManifestReport['parseErrors'] = [];
  // A single YAML stream that is not a document list comes back as an EmptyStream with errors.
  for (const d of Array.isArray(docs) ? docs : [docs]) {
    for (const e of d.errors)
      parseErrors.push({ ...pos(e.pos[0]), message: e.message.split('\n')[0] ?? e.message });
  }
  if (parseErrors.length > 0 || !Array.isArray(docs)) return { documents: [], parseErrors };

  const documents: DocumentReport[] = [];
  docs.forEach((doc, index) => {
    if (doc.contents === null) return; // an empty document, e.g. after a trailing `---`
    const start = pos(doc.contents.range?.[0]);
    const value: unknown = doc.toJS({ maxAliasCount: 100 });
    if (!isManifestLike(value)) {
      documents.push({ index, ...start, status: 'skipped', note: 'not a Kubernetes manifest', issues: [] });
      return;
    }
    const { apiVersion, kind } = value;
    if (!isAiCiKind(kind) && !isAiCiApiVersion(apiVersion)) {
      documents.push({
        index,
        ...start,
        status: 'skipped',
        kind: String(kind),
        note: `${String(apiVersion)} ${String(kind)} is not an ai-ci resource`,
        issues: [],
      });
      return;
    }
    const v = validateResource(value);
    const issues = v.issues.map((i) => ({ ...i, ...pos(locate(doc.contents, i.path)) }));
    if (isAiCiKind(kind) && apiVersion !== API_VERSION && !issues.some((i) => i.field === 'apiVersion')) {
      issues.unshift({
        field: 'apiVersion',
        path: ['apiVersion'],
        message: `expected ${API_VERSION}`,
        ...pos(locate(doc.contents, ['apiVersion'])),
      });
    }
    documents.push({
      index,
      ...start,
      status: issues.length === 0 ? 'valid' : 'invalid',
      kind: typeof kind === 'string' ? kind : undefined,
      name: v.name,
      issues,
    });
  });
  return { documents, parseErrors };
}
