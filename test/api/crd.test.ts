import { readFileSync } from 'node:fs';
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { compileRule, parseFieldPath } from '../../src/api/cel.js';
import { FORBIDDEN_CRD_KEYWORDS, type SchemaNode } from '../../src/api/crd.js';
import { crdPath, README_PATH, renderGeneratedFiles } from '../../src/api/generated.js';
import { KINDS, type Kind } from '../../src/api/v1alpha1/index.js';

const repo = new URL('../../', import.meta.url);
const read = (rel: string) => readFileSync(new URL(rel, repo), 'utf8');
const committedCrd = (kind: Kind) => parse(read(crdPath(kind))) as SchemaNode;

interface Visited {
  node: SchemaNode;
  path: string;
  /** true for members of `properties` (what `kubectl explain` lists). */
  isProperty: boolean;
}

function walk(node: SchemaNode, path = '', isProperty = false, out: Visited[] = []): Visited[] {
  out.push({ node, path, isProperty });
  for (const [k, v] of Object.entries((node.properties as Record<string, SchemaNode>) ?? {})) {
    walk(v, `${path}.${k}`, true, out);
  }
  if (node.items) walk(node.items as SchemaNode, `${path}[]`, false, out);
  if (typeof node.additionalProperties === 'object') {
    walk(node.additionalProperties as SchemaNode, `${path}{}`, false, out);
  }
  for (const k of ['anyOf', 'allOf', 'oneOf'] as const) {
    ((node[k] as SchemaNode[] | undefined) ?? []).forEach((s, i) => {
      walk(s, `${path}.${k}[${i}]`, false, out);
    });
  }
  return out;
}

/** Problems that make the apiserver reject a CRD or its CEL rules, or that break our own conventions. */
function lint(openAPIV3Schema: SchemaNode): string[] {
  const problems: string[] = [];
  for (const { node, path, isProperty } of walk(openAPIV3Schema)) {
    const at = path || '(root)';
    const inJunctor = /\.(anyOf|allOf|oneOf)\[\d+\]$/.test(path);
    for (const k of FORBIDDEN_CRD_KEYWORDS) if (k in node) problems.push(`${at}: forbidden keyword ${k}`);
    // Structural: every node has a type, except int-or-string nodes and branches of anyOf/allOf/oneOf.
    if (!inJunctor && node.type === undefined && node['x-kubernetes-int-or-string'] !== true) {
      problems.push(`${at}: no type`);
    }
    if (node['x-kubernetes-int-or-string'] === true && node.type !== undefined) {
      problems.push(`${at}: int-or-string must not have a type`);
    }
    if (node.properties !== undefined && node.additionalProperties !== undefined) {
      problems.push(`${at}: properties and additionalProperties together`);
    }
    if (node.additionalProperties === false) problems.push(`${at}: additionalProperties: false`);
    if (node['x-kubernetes-preserve-unknown-fields'] === true)
      problems.push(`${at}: preserve-unknown-fields`);
    if (isProperty && path !== '.metadata' && !node.description) problems.push(`${at}: no description`);
    if (node.type === 'array') {
      if (node.maxItems === undefined) problems.push(`${at}: array without maxItems`);
      const lt = node['x-kubernetes-list-type'];
      if (!['atomic', 'set', 'map'].includes(String(lt))) problems.push(`${at}: no x-kubernetes-list-type`);
      if (lt === 'map') {
        const items = node.items as SchemaNode;
        const required = (items.required as string[] | undefined) ?? [];
        for (const key of (node['x-kubernetes-list-map-keys'] as string[] | undefined) ?? ['(none)']) {
          if (!required.includes(key)) problems.push(`${at}: list-map key ${key} is not required in items`);
        }
      }
    }
    // Bounded strings keep CEL cost estimates low; apiVersion and kind are the apiserver's own.
    const bounded = node.maxLength !== undefined || node.enum !== undefined;
    const own = path === '.apiVersion' || path === '.kind';
    if (node.type === 'string' && !bounded && !inJunctor && !own)
      problems.push(`${at}: string without maxLength`);
    if (node['x-kubernetes-int-or-string'] === true && !bounded)
      problems.push(`${at}: int-or-string without maxLength`);
    if (node.exclusiveMinimum !== undefined && typeof node.exclusiveMinimum !== 'boolean') {
      problems.push(`${at}: exclusiveMinimum must be a boolean in OpenAPI v3.0`);
    }
    for (const r of (node['x-kubernetes-validations'] as Record<string, string>[] | undefined) ?? []) {
      if (!r.rule) problems.push(`${at}: CEL rule without rule`);
      if (!r.message) problems.push(`${at}: CEL rule without message: ${r.rule}`);
      try {
        compileRule(String(r.rule));
      } catch (err) {
        problems.push(`${at}: CEL rule does not parse: ${r.rule}: ${String(err)}`);
      }
      if (r.fieldPath) {
        let target: SchemaNode | undefined = node;
        for (const seg of parseFieldPath(r.fieldPath)) {
          target = (target?.properties as Record<string, SchemaNode> | undefined)?.[String(seg)];
        }
        if (!target) problems.push(`${at}: fieldPath ${r.fieldPath} names no field`);
      }
    }
    if (node.default !== undefined) {
      // The apiserver rejects a CRD whose defaults do not validate against their own schema.
      const ajv = new Ajv({ strict: false, validateFormats: false });
      const local = JSON.parse(JSON.stringify(node)) as SchemaNode;
      if (!ajv.validate(stripOpenApi(local), node.default)) {
        problems.push(`${at}: default ${JSON.stringify(node.default)} is invalid: ${ajv.errorsText()}`);
      }
    }
  }
  return problems;
}

function stripOpenApi(node: SchemaNode): SchemaNode {
  if (node.exclusiveMinimum === true) {
    node.exclusiveMinimum = node.minimum;
    delete node.minimum;
  }
  return node;
}

describe.each(KINDS)('the %s CRD', (kind) => {
  const crd = committedCrd(kind);
  const spec = crd.spec as Record<string, unknown>;
  const version = (spec.versions as SchemaNode[])[0] as SchemaNode;
  const schema = (version.schema as { openAPIV3Schema: SchemaNode }).openAPIV3Schema;

  it('is an apiextensions.k8s.io/v1 CRD of ai-ci.dev/v1alpha1, namespaced, with a status subresource', () => {
    expect(crd.apiVersion).toBe('apiextensions.k8s.io/v1');
    expect(crd.kind).toBe('CustomResourceDefinition');
    expect(spec.group).toBe('ai-ci.dev');
    expect(spec.scope).toBe('Namespaced');
    expect((crd.metadata as { name: string }).name).toBe(
      `${(spec.names as { plural: string }).plural}.ai-ci.dev`,
    );
    expect(version.name).toBe('v1alpha1');
    expect(version.served && version.storage).toBe(true);
    expect(version.subresources).toEqual({ status: {} });
    expect((spec.names as { categories: string[] }).categories).toEqual(['ai-ci']);
  });

  it('has a structural schema that passes the lint', () => {
    expect(lint(schema)).toEqual([]);
  });

  it('has printer columns that point at fields of the schema', () => {
    const columns = version.additionalPrinterColumns as { jsonPath: string; name: string }[];
    expect(columns.length).toBeGreaterThanOrEqual(6);
    for (const c of columns) {
      if (c.jsonPath === '.metadata.creationTimestamp') continue;
      let node: SchemaNode | undefined = schema;
      for (const seg of c.jsonPath
        .replace(/\[\?.*\]/, '')
        .split('.')
        .slice(1)) {
        node = (node?.properties as Record<string, SchemaNode> | undefined)?.[seg];
        if (node?.type === 'array' && !c.jsonPath.endsWith(seg)) node = node.items as SchemaNode;
      }
      expect(node, `${c.name}: ${c.jsonPath}`).toBeDefined();
    }
  });
});

describe('the lint', () => {
  it('finds the mistakes it is there to find', () => {
    const bad: SchemaNode = {
      type: 'object',
      properties: {
        a: { description: 'no type' },
        b: { type: 'object', description: 'both', properties: {}, additionalProperties: { type: 'string' } },
        c: { type: 'array', description: 'unbounded', items: { type: 'string', maxLength: 1 } },
        d: { type: 'string', description: 'ref', maxLength: 1, $ref: '#/x' },
        e: { type: 'object', description: 'cel', 'x-kubernetes-validations': [{ rule: 'self.x >' }] },
        f: { type: 'integer', description: 'default', minimum: 1, default: 0 },
      },
    };
    const problems = lint(bad).join('\n');
    expect(problems).toMatch(/\.a: no type/);
    expect(problems).toMatch(/\.b: properties and additionalProperties together/);
    expect(problems).toMatch(/\.c: array without maxItems/);
    expect(problems).toMatch(/\.c: no x-kubernetes-list-type/);
    expect(problems).toMatch(/\.d: forbidden keyword \$ref/);
    expect(problems).toMatch(/\.e: CEL rule without message/);
    expect(problems).toMatch(/\.e: CEL rule does not parse/);
    expect(problems).toMatch(/\.f: default 0 is invalid/);
  });
});

describe('generated files', () => {
  it('are up to date with the schema (run `npm run generate` when this fails)', () => {
    const expected = renderGeneratedFiles(read(README_PATH));
    for (const [rel, content] of expected) expect(read(rel), rel).toBe(content);
  });

  it('include the field reference in the README', () => {
    const readme = read(README_PATH);
    expect(readme).toContain('| `spec.github.repository` |');
    expect(readme).toContain('| `spec.source.ukCarbonIntensity.postcode` |');
  });
});
