/** Markdown reference of the API fields, generated from the schema descriptions. Pure. */
import { crdSchema, KIND_INFO, type SchemaNode } from './crd.js';
import { KINDS } from './v1alpha1/index.js';

interface Row {
  path: string;
  type: string;
  required: boolean;
  default?: unknown;
  description: string;
}

function typeOf(node: SchemaNode): string {
  if (node['x-kubernetes-int-or-string']) return 'quantity';
  if (node.type === 'array') {
    const items = node.items as SchemaNode;
    return `${typeOf(items)}[]`;
  }
  if (node.type === 'object' && node.additionalProperties && typeof node.additionalProperties === 'object') {
    return `map[string]${typeOf(node.additionalProperties as SchemaNode)}`;
  }
  if (Array.isArray(node.enum)) return (node.enum as unknown[]).map((v) => `\`${String(v)}\``).join(' | ');
  return String(node.type);
}

function constraints(node: SchemaNode): string {
  const parts: string[] = [];
  const bound = (k: string, sym: string) => {
    if (node[k] !== undefined) parts.push(`${sym} ${String(node[k])}`);
  };
  if (node.exclusiveMinimum === true) parts.push(`> ${String(node.minimum)}`);
  else bound('minimum', '≥');
  bound('maximum', '≤');
  bound('minItems', 'min items');
  bound('maxItems', 'max items');
  return parts.length ? ` (${parts.join(', ')})` : '';
}

function rows(node: SchemaNode, path: string, required: boolean, out: Row[]): void {
  out.push({
    path,
    type: typeOf(node),
    required,
    default: node.default,
    description: `${String(node.description ?? '')}${constraints(node)}`,
  });
  const props = node.properties as Record<string, SchemaNode> | undefined;
  const req = new Set((node.required as string[] | undefined) ?? []);
  if (props) for (const [k, v] of Object.entries(props)) rows(v, `${path}.${k}`, req.has(k), out);
  if (node.type === 'array' && (node.items as SchemaNode).properties) {
    const items = node.items as SchemaNode;
    const ireq = new Set((items.required as string[] | undefined) ?? []);
    for (const [k, v] of Object.entries(items.properties as Record<string, SchemaNode>)) {
      rows(v, `${path}[].${k}`, ireq.has(k), out);
    }
  }
}

function celRulesOf(node: SchemaNode, path = '', out: { path: string; message: string }[] = []) {
  for (const r of (node['x-kubernetes-validations'] as
    | { message: string; fieldPath?: string }[]
    | undefined) ?? []) {
    out.push({ path: `${path}${r.fieldPath ?? ''}`.replace(/^\./, ''), message: r.message });
  }
  for (const [k, v] of Object.entries((node.properties as Record<string, SchemaNode> | undefined) ?? {})) {
    celRulesOf(v, `${path}.${k}`, out);
  }
  if (node.items) celRulesOf(node.items as SchemaNode, `${path}[]`, out);
  return out;
}

const escapeCell = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');

/** The reference tables of every kind, as Markdown. */
export function renderApiReference(): string {
  const parts: string[] = [];
  for (const kind of KINDS) {
    const schema = crdSchema(kind);
    const props = schema.properties as Record<string, SchemaNode>;
    const out: Row[] = [];
    for (const top of ['spec', 'status'] as const) {
      const node = props[top];
      if (node) rows(node, top, top === 'spec', out);
    }
    const info = KIND_INFO[kind];
    parts.push(
      `#### ${kind} fields (\`kubectl explain ${info.plural}\`)`,
      '',
      '| field | type | default | description |',
      '| --- | --- | --- | --- |',
      ...out
        .filter((r) => r.path !== 'spec' && r.path !== 'status')
        .map(
          (r) =>
            `| \`${r.path}\`${r.required ? ' (required)' : ''} | ${escapeCell(r.type)} | ${
              r.default === undefined ? '' : `\`${escapeCell(JSON.stringify(r.default))}\``
            } | ${escapeCell(r.description)} |`,
        ),
      '',
      'Cross-field rules (CEL; the apiserver and `ai-ci validate` enforce both):',
      '',
      ...celRulesOf(schema).map((r) => `- \`${r.path}\`: ${r.message}`),
      '',
    );
  }
  return parts.join('\n').trimEnd();
}
