/**
 * Evaluates the CRD's `x-kubernetes-validations` the way the apiserver does: each rule runs with `self` bound to
 * the value of the schema node that carries it, after defaulting. The rule text is read from the same schema that
 * goes into the CRD, so there is one copy of every rule.
 *
 * @marcbachmann/cel-js covers the standard CEL the rules here use (has(), exists_one, duration(), comparisons).
 * It does not have the Kubernetes CEL libraries (quantity(), url(), isSorted(), …): the schema does not use them;
 * `test/api` fails if a rule cannot be parsed, so adding one would be noticed at once.
 */
import { parse } from '@marcbachmann/cel-js';
import type { SchemaNode } from './crd.js';
import type { CelRule } from './v1alpha1/common.js';

export type PathSegment = string | number;

export interface CelViolation {
  /** Where the error is reported: the rule's node, plus its fieldPath when it has one. */
  path: PathSegment[];
  message: string;
  rule: string;
}

type Program = ReturnType<typeof parse>;
const programs = new Map<string, Program>();

/** Parses (once) a CEL rule; throws on a syntax error. */
export function compileRule(rule: string): Program {
  let program = programs.get(rule);
  if (!program) {
    program = parse(rule);
    programs.set(rule, program);
  }
  return program;
}

/** `.a.b['c']` → ['a', 'b', 'c']: the fieldPath forms the apiserver accepts for a rule. */
export function parseFieldPath(fieldPath: string): PathSegment[] {
  const out: PathSegment[] = [];
  const re = /\.([A-Za-z_$][A-Za-z0-9_$-]*)|\['([^']*)'\]|\[(\d+)\]/y;
  let m: RegExpExecArray | null = re.exec(fieldPath);
  let consumed = 0;
  while (m) {
    out.push(m[1] ?? m[2] ?? Number(m[3]));
    consumed = re.lastIndex;
    m = re.exec(fieldPath);
  }
  if (consumed !== fieldPath.length) throw new Error(`unsupported fieldPath ${JSON.stringify(fieldPath)}`);
  return out;
}

/**
 * CEL distinguishes int from double; JSON does not. The apiserver types values by the schema, so integers
 * (and the integer side of int-or-string) become BigInt here, as cel-js represents CEL ints.
 */
export function toCelValue(schema: SchemaNode | undefined, value: unknown): unknown {
  if (value === null || value === undefined || !schema) return value;
  if (typeof value === 'number') {
    const intLike = schema.type === 'integer' || schema['x-kubernetes-int-or-string'] === true;
    return intLike && Number.isInteger(value) ? BigInt(value) : value;
  }
  if (Array.isArray(value)) return value.map((v) => toCelValue(schema.items as SchemaNode | undefined, v));
  if (typeof value === 'object') {
    const props = schema.properties as Record<string, SchemaNode> | undefined;
    const additional =
      typeof schema.additionalProperties === 'object'
        ? (schema.additionalProperties as SchemaNode)
        : undefined;
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>).map(([k, v]) => [
        k,
        toCelValue(props?.[k] ?? additional, v),
      ]),
    );
  }
  return value;
}

/**
 * Runs every rule of the schema tree against `value`. `skip(path, rule)` says the rule would only repeat an error
 * schema validation already found (or fail to evaluate on the bad value).
 */
export function evaluateRules(
  schema: SchemaNode,
  value: unknown,
  skip: (path: PathSegment[], rule: string) => boolean = () => false,
  path: PathSegment[] = [],
): CelViolation[] {
  if (value === undefined || value === null) return [];
  const out: CelViolation[] = [];
  const rules = schema['x-kubernetes-validations'] as CelRule[] | undefined;
  if (rules?.length) {
    const self = toCelValue(schema, value);
    for (const r of rules) {
      if (skip(path, r.rule)) continue;
      const where = r.fieldPath ? [...path, ...parseFieldPath(r.fieldPath)] : path;
      let ok: unknown;
      try {
        ok = compileRule(r.rule)({ self });
      } catch (err) {
        out.push({
          path: where,
          rule: r.rule,
          message: `${r.message} (rule could not be evaluated: ${err instanceof Error ? err.message : String(err)})`,
        });
        continue;
      }
      if (ok !== true) out.push({ path: where, rule: r.rule, message: r.message });
    }
  }
  for (const [child, v, segment] of schemaChildren(schema, value)) {
    out.push(...evaluateRules(child, v, skip, [...path, segment]));
  }
  return out;
}

/** The children of a value with the schema node that describes each: array items, or object properties (falling
 *  back to `additionalProperties`). Children without a schema are left out. */
export function* schemaChildren(
  schema: SchemaNode,
  value: unknown,
): Generator<[schema: SchemaNode, value: unknown, segment: PathSegment]> {
  if (Array.isArray(value)) {
    const items = schema.items as SchemaNode | undefined;
    if (items) for (const [i, v] of value.entries()) yield [items, v, i];
  } else if (value && typeof value === 'object') {
    const props = schema.properties as Record<string, SchemaNode> | undefined;
    const additional =
      typeof schema.additionalProperties === 'object'
        ? (schema.additionalProperties as SchemaNode)
        : undefined;
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
      const child = props?.[k] ?? additional;
      if (child) yield [child, v, k];
    }
  }
}
