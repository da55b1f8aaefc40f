/**
 * Validation of RunnerPool and CarbonPolicy objects against the schema that goes into the CRDs: the same
 * structural checks, defaults, list-type rules and CEL rules as the apiserver, plus rejection of unknown fields
 * (which the apiserver would prune silently without `--validate=strict`). Used by `ai-ci validate` and by the
 * controller. Pure: no I/O.
 */
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { evaluateRules, type PathSegment, schemaChildren } from './cel.js';
import { type SchemaNode, validationSchema } from './crd.js';
import type { CarbonPolicy, DefaultedCarbonPolicy } from './v1alpha1/carbonpolicy.js';
import { API_VERSION, DURATION_PATTERN, QUANTITY_PATTERN } from './v1alpha1/common.js';
import { KINDS, type Kind } from './v1alpha1/index.js';
import type { DefaultedRunnerPool, RunnerPool } from './v1alpha1/runnerpool.js';

export type { PathSegment } from './cel.js';

export interface FieldIssue {
  /** Path of the offending field from the object root, e.g. ['spec', 'template', 'tolerations', 0, 'value']. */
  path: PathSegment[];
  /** The same path as text: `spec.template.tolerations[0].value`. */
  field: string;
  message: string;
}

export interface Validation<T> {
  valid: boolean;
  kind?: Kind;
  name?: string;
  issues: FieldIssue[];
  /** The object with schema defaults applied, as the apiserver would store it (meaningful when valid). */
  object: T;
}

export type AiCiResource = RunnerPool | CarbonPolicy;

// ajv-formats is CommonJS: under NodeNext its default import is the module object, whose `default` is the plugin.
const addFormats = ((addFormatsModule as unknown as { default?: typeof addFormatsModule }).default ??
  addFormatsModule) as unknown as (ajv: Ajv) => Ajv;

const KUBERNETES_KEYWORDS = [
  'x-kubernetes-validations',
  'x-kubernetes-list-type',
  'x-kubernetes-list-map-keys',
  'x-kubernetes-int-or-string',
  'x-kubernetes-preserve-unknown-fields',
  'x-kubernetes-embedded-resource',
  'x-kubernetes-map-type',
];

interface Compiled {
  schema: SchemaNode;
  validate: ValidateFunction;
}
const compiled = new Map<Kind, Compiled>();

function compiledFor(kind: Kind): Compiled {
  let c = compiled.get(kind);
  if (!c) {
    // strictTypes off: int-or-string nodes carry `pattern` without `type`, as Kubernetes requires them to.
    const ajv = new Ajv({ allErrors: true, useDefaults: true, strict: true, strictTypes: false });
    addFormats(ajv);
    ajv.addVocabulary(KUBERNETES_KEYWORDS);
    const schema = validationSchema(kind);
    c = { schema, validate: ajv.compile(schema) };
    compiled.set(kind, c);
  }
  return c;
}

/** `['spec', 'labels', 0]` → `spec.labels[0]`. */
export function formatPath(path: readonly PathSegment[]): string {
  let out = '';
  for (const seg of path) {
    if (typeof seg === 'number') out += `[${seg}]`;
    else if (/^[A-Za-z_][A-Za-z0-9_-]*$/.test(seg)) out += out ? `.${seg}` : seg;
    else out += `[${JSON.stringify(seg)}]`;
  }
  return out || '(root)';
}

function issue(path: PathSegment[], message: string): FieldIssue {
  return { path, field: formatPath(path), message };
}

/** Ajv's JSON pointer, with array indices as numbers (decided by the data, not by how the segment looks). */
function pointerToPath(pointer: string, data: unknown): PathSegment[] {
  if (!pointer) return [];
  const out: PathSegment[] = [];
  let cur: unknown = data;
  for (const raw of pointer.slice(1).split('/')) {
    const seg = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (Array.isArray(cur)) {
      out.push(Number(seg));
      cur = cur[Number(seg)];
    } else {
      out.push(seg);
      cur = cur && typeof cur === 'object' ? (cur as Record<string, unknown>)[seg] : undefined;
    }
  }
  return out;
}

function valueAt(data: unknown, path: readonly PathSegment[]): unknown {
  let cur = data;
  for (const seg of path) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<string | number, unknown>)[seg];
  }
  return cur;
}

const show = (v: unknown) => (typeof v === 'string' ? JSON.stringify(v) : (JSON.stringify(v) ?? String(v)));

function describeAjvError(e: ErrorObject, value: unknown): string {
  const p = e.params as Record<string, unknown>;
  switch (e.keyword) {
    case 'required':
      return 'required field is missing';
    case 'additionalProperties':
      return 'unknown field (not in the schema; the apiserver would drop it silently)';
    case 'pattern':
      if (p.pattern === DURATION_PATTERN) {
        return `${show(value)} is not a duration: use a number and a unit (ms, s, m, h), e.g. 30s, 5m, 1.5h, 4h30m`;
      }
      if (p.pattern === QUANTITY_PATTERN) {
        return `${show(value)} is not a Kubernetes quantity: e.g. 2, 500m, 16Gi`;
      }
      return `${show(value)} does not match ${String(p.pattern)}`;
    case 'enum':
      return `${show(value)} is not one of ${(p.allowedValues as unknown[]).map((v) => show(v)).join(', ')}`;
    case 'type':
      return `must be ${p.type === 'object' ? 'a mapping' : p.type === 'array' ? 'a list' : `a ${String(p.type)}`}, got ${show(value)}`;
    case 'anyOf':
      return `must be an integer or a quantity string such as "500m" or "16Gi" (quote fractional numbers), got ${show(value)}`;
    case 'format':
      return p.format === 'date-time'
        ? `${show(value)} is not an RFC 3339 date-time`
        : `${show(value)} is not a valid ${String(p.format)}`;
    case 'exclusiveMinimum':
      return `must be greater than ${String(p.limit)}, got ${show(value)}`;
    case 'minimum':
    case 'maximum':
    case 'exclusiveMaximum':
      return `${e.message ?? 'out of range'}, got ${show(value)}`;
    case 'minItems':
      return p.limit === 1 ? 'must not be empty' : (e.message ?? 'too few items');
    case 'minLength':
      return p.limit === 1 ? 'must not be empty' : `${e.message ?? 'too short'}, got ${show(value)}`;
    default:
      return e.message ?? e.keyword;
  }
}

function schemaIssues(errors: readonly ErrorObject[], data: unknown): FieldIssue[] {
  const out: FieldIssue[] = [];
  const anyOfPaths = new Set(errors.filter((e) => e.keyword === 'anyOf').map((e) => e.instancePath));
  for (const e of errors) {
    // The branches of an int-or-string anyOf each complain; the anyOf error itself says it once.
    if (anyOfPaths.has(e.instancePath) && e.schemaPath.includes('/anyOf/')) continue;
    let path = pointerToPath(e.instancePath, data);
    const p = e.params as Record<string, unknown>;
    if (e.keyword === 'required') path = [...path, String(p.missingProperty)];
    if (e.keyword === 'additionalProperties') path = [...path, String(p.additionalProperty)];
    out.push(issue(path, describeAjvError(e, valueAt(data, path))));
  }
  return out;
}

/** Kubernetes list types: a `set` holds no duplicates, a `map` no two items with the same keys. */
function listTypeIssues(schema: SchemaNode, value: unknown, path: PathSegment[] = []): FieldIssue[] {
  const out: FieldIssue[] = [];
  if (Array.isArray(value)) {
    const seen = new Map<string, number>();
    const listType = schema['x-kubernetes-list-type'];
    const keys = (schema['x-kubernetes-list-map-keys'] as string[] | undefined) ?? [];
    value.forEach((item, i) => {
      let id: string | undefined;
      if (listType === 'set') id = JSON.stringify(item);
      else if (listType === 'map' && item && typeof item === 'object') {
        id = JSON.stringify(keys.map((k) => (item as Record<string, unknown>)[k]));
      }
      if (id === undefined) return;
      const first = seen.get(id);
      if (first !== undefined) {
        const what = listType === 'set' ? `value ${show(item)}` : `${keys.join('/')} ${id.slice(1, -1)}`;
        out.push(issue([...path, i], `duplicate ${what} (also at index ${first})`));
      } else seen.set(id, i);
    });
  }
  for (const [child, v, segment] of schemaChildren(schema, value)) {
    out.push(...listTypeIssues(child, v, [...path, segment]));
  }
  return out;
}

const isPrefix = (prefix: readonly PathSegment[], path: readonly PathSegment[]) =>
  prefix.length <= path.length && prefix.every((s, i) => s === path[i]);

/** The fields of `self` a rule reads, e.g. `self.minRunners <= self.maxRunners` → minRunners, maxRunners. */
function referencedFields(rule: string): string[] {
  return [...rule.matchAll(/\bself\.([A-Za-z_][A-Za-z0-9_]*)/g)].map((m) => m[1] as string);
}

function metaName(obj: unknown): string | undefined {
  const name = (obj as { metadata?: { name?: unknown } } | undefined)?.metadata?.name;
  return typeof name === 'string' ? name : undefined;
}

/** Whether a manifest's kind is one of ai-ci's (whatever its apiVersion). */
export function isAiCiKind(kind: unknown): kind is Kind {
  return typeof kind === 'string' && (KINDS as readonly string[]).includes(kind);
}

/**
 * Validates one object of either kind, chosen by its `kind`. The input is not modified; `object` is a copy with
 * defaults applied.
 */
export function validateResource(input: unknown): Validation<AiCiResource> {
  const kind = (input as { kind?: unknown } | null)?.kind;
  if (input === null || typeof input !== 'object' || Array.isArray(input)) {
    return {
      valid: false,
      issues: [issue([], 'a manifest must be a mapping')],
      object: input as AiCiResource,
    };
  }
  if (!isAiCiKind(kind)) {
    return {
      valid: false,
      name: metaName(input),
      issues: [
        issue(['kind'], `${show(kind)} is not a kind of ${API_VERSION}: expected ${KINDS.join(' or ')}`),
      ],
      object: input as AiCiResource,
    };
  }
  const { schema, validate } = compiledFor(kind);
  const object = structuredClone(input) as AiCiResource;
  const issues = validate(object) ? [] : schemaIssues(validate.errors ?? [], object);
  issues.push(...listTypeIssues(schema, object));
  const failed = issues.map((i) => i.path);
  // A rule whose node, or a field it reads, already failed would only restate that error or fail to evaluate.
  const skip = (path: PathSegment[], rule: string) =>
    failed.some(
      (f) =>
        (f.length === path.length && isPrefix(path, f)) ||
        referencedFields(rule).some((field) => isPrefix([...path, field], f)),
    );
  for (const v of evaluateRules(schema, object, skip)) issues.push(issue(v.path, v.message));
  return { valid: issues.length === 0, kind, name: metaName(input), issues, object };
}

/** Validates a RunnerPool; when valid, `object` has every schema default filled in. */
export function validateRunnerPool(input: unknown): Validation<DefaultedRunnerPool> {
  const v = validateResource(input);
  if (v.valid && v.kind !== 'RunnerPool') return wrongKind(v, 'RunnerPool');
  return v as Validation<DefaultedRunnerPool>;
}

/** Validates a CarbonPolicy; when valid, `object` has every schema default filled in. */
export function validateCarbonPolicy(input: unknown): Validation<DefaultedCarbonPolicy> {
  const v = validateResource(input);
  if (v.valid && v.kind !== 'CarbonPolicy') return wrongKind(v, 'CarbonPolicy');
  return v as Validation<DefaultedCarbonPolicy>;
}

function wrongKind<T>(v: Validation<AiCiResource>, expected: Kind): Validation<T> {
  return {
    ...v,
    valid: false,
    issues: [issue(['kind'], `expected ${expected}, got ${String(v.kind)}`)],
  } as Validation<T>;
}

/** Every CEL rule of a kind's schema, with the path of the node that carries it (for tests and docs). */
export function celRules(kind: Kind): { path: string; rule: string; message: string }[] {
  const out: { path: string; rule: string; message: string }[] = [];
  const walk = (node: SchemaNode, path: string) => {
    for (const r of (node['x-kubernetes-validations'] as { rule: string; message: string }[] | undefined) ??
      []) {
      out.push({ path, rule: r.rule, message: r.message });
    }
    for (const [k, v] of Object.entries((node.properties as Record<string, SchemaNode> | undefined) ?? {})) {
      walk(v, path ? `${path}.${k}` : k);
    }
    if (node.items) walk(node.items as SchemaNode, `${path}[]`);
    if (typeof node.additionalProperties === 'object')
      walk(node.additionalProperties as SchemaNode, `${path}[*]`);
  };
  walk(compiledFor(kind).schema, '');
  return out;
}
