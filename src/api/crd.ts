/**
 * Turns the TypeBox schemas of src/api/v1alpha1 into apiextensions.k8s.io/v1 CustomResourceDefinitions, and into
 * the JSON Schema `ai-ci validate` checks manifests with. Both come from the same cleaned schema: the validator's
 * is the CRD's, with the checks the apiserver does outside the CRD schema added (apiVersion/kind/metadata, and
 * strict rejection of unknown fields, which kubectl's default `--validate=strict` asks the apiserver for).
 * Pure: no I/O.
 */
import type { TSchema } from '@sinclair/typebox';
import {
  CARBON_POLICY_KIND,
  CARBON_POLICY_PLURAL,
  CARBON_POLICY_SHORT_NAMES,
  CARBON_POLICY_SINGULAR,
  CarbonPolicy,
} from './v1alpha1/carbonpolicy.js';
import { API_VERSION, CATEGORY, GROUP, ObjectMeta, VERSION } from './v1alpha1/common.js';
import type { Kind } from './v1alpha1/index.js';
import {
  RUNNER_POOL_KIND,
  RUNNER_POOL_PLURAL,
  RUNNER_POOL_SHORT_NAMES,
  RUNNER_POOL_SINGULAR,
  RunnerPool,
} from './v1alpha1/runnerpool.js';

/** A JSON Schema / OpenAPI v3.0 node as plain data. */
export type SchemaNode = { [key: string]: unknown };

/** Keywords a CRD schema may not contain (structural schema rules, and what apiextensions/v1 cannot express). */
export const FORBIDDEN_CRD_KEYWORDS = [
  '$ref',
  '$id',
  '$schema',
  '$defs',
  'definitions',
  'const',
  'patternProperties',
  'dependencies',
  'dependentRequired',
  'dependentSchemas',
  'if',
  'then',
  'else',
  'unevaluatedProperties',
  'propertyNames',
  'contains',
  'prefixItems',
  'additionalItems',
] as const;

export interface PrinterColumn {
  name: string;
  type: 'integer' | 'number' | 'string' | 'boolean' | 'date';
  jsonPath: string;
  description: string;
  priority?: number;
}

interface KindInfo {
  kind: Kind;
  plural: string;
  singular: string;
  shortNames: readonly string[];
  schema: TSchema;
  printerColumns: PrinterColumn[];
}

const AGE: PrinterColumn = {
  name: 'Age',
  type: 'date',
  jsonPath: '.metadata.creationTimestamp',
  description: 'Time since creation.',
};

export const KIND_INFO: Record<Kind, KindInfo> = {
  RunnerPool: {
    kind: RUNNER_POOL_KIND,
    plural: RUNNER_POOL_PLURAL,
    singular: RUNNER_POOL_SINGULAR,
    shortNames: RUNNER_POOL_SHORT_NAMES,
    schema: RunnerPool,
    printerColumns: [
      { name: 'Labels', type: 'string', jsonPath: '.spec.labels', description: 'Runner labels served.' },
      { name: 'Min', type: 'integer', jsonPath: '.spec.minRunners', description: 'Minimum runners.' },
      { name: 'Max', type: 'integer', jsonPath: '.spec.maxRunners', description: 'Maximum runners.' },
      { name: 'Replicas', type: 'integer', jsonPath: '.status.replicas', description: 'Runner Pods.' },
      { name: 'Busy', type: 'integer', jsonPath: '.status.busy', description: 'Runners running a job.' },
      { name: 'Queued', type: 'integer', jsonPath: '.status.queuedJobs', description: 'Queued jobs.' },
      {
        name: 'Deferred',
        type: 'integer',
        jsonPath: '.status.deferredJobs',
        description: 'Carbon-deferred jobs.',
      },
      {
        name: 'Ready',
        type: 'string',
        jsonPath: '.status.conditions[?(@.type=="Ready")].status',
        description: 'Ready condition.',
      },
      AGE,
    ],
  },
  CarbonPolicy: {
    kind: CARBON_POLICY_KIND,
    plural: CARBON_POLICY_PLURAL,
    singular: CARBON_POLICY_SINGULAR,
    shortNames: CARBON_POLICY_SHORT_NAMES,
    schema: CarbonPolicy,
    printerColumns: [
      { name: 'Source', type: 'string', jsonPath: '.status.source.type', description: 'Intensity source.' },
      {
        name: 'Intensity',
        type: 'number',
        jsonPath: '.status.currentIntensity',
        description: 'Current intensity, gCO2eq/kWh.',
      },
      {
        name: 'Threshold',
        type: 'number',
        jsonPath: '.spec.threshold',
        description: 'Low-carbon threshold.',
      },
      {
        name: 'LowCarbon',
        type: 'boolean',
        jsonPath: '.status.lowCarbon',
        description: 'Below threshold now.',
      },
      {
        name: 'Next Window',
        type: 'string',
        jsonPath: '.status.nextWindow.start',
        description: 'Start of the next low-carbon window.',
      },
      AGE,
    ],
  },
};

/** Plain data of a TypeBox schema, ready for a CRD: symbols dropped, `const` written as a one-value enum. */
export function cleanSchema(schema: TSchema | SchemaNode): SchemaNode {
  // JSON round trip drops TypeBox's symbol-keyed Kind/Optional markers.
  const plain = JSON.parse(JSON.stringify(schema)) as SchemaNode;
  return visit(plain, (node) => {
    const out: SchemaNode = { ...node };
    delete out.$id;
    delete out.$schema;
    if ('const' in out) {
      out.enum = [out.const];
      delete out.const;
    }
    return ordered(out);
  });
}

/** Reading order for YAML: what a node is first, then its constraints, then its children. */
const KEY_ORDER = ['description', 'type', 'format', 'enum', 'default', 'x-kubernetes-int-or-string', 'anyOf'];
const LAST_KEYS = ['required', 'properties', 'items', 'additionalProperties', 'x-kubernetes-validations'];

function ordered(node: SchemaNode): SchemaNode {
  const rank = (k: string) => {
    const first = KEY_ORDER.indexOf(k);
    if (first >= 0) return first;
    const last = LAST_KEYS.indexOf(k);
    return last >= 0 ? 100 + last : 50;
  };
  return Object.fromEntries(Object.entries(node).sort(([a], [b]) => rank(a) - rank(b)));
}

/** Rebuilds a schema tree bottom-up, applying `fn` to every schema node. */
export function visit(node: SchemaNode, fn: (n: SchemaNode) => SchemaNode): SchemaNode {
  const out: SchemaNode = { ...node };
  if (isNode(out.properties)) {
    out.properties = Object.fromEntries(
      Object.entries(out.properties).map(([k, v]) => [k, visit(v as SchemaNode, fn)]),
    );
  }
  if (isNode(out.items)) out.items = visit(out.items, fn);
  if (isNode(out.additionalProperties)) out.additionalProperties = visit(out.additionalProperties, fn);
  for (const key of ['anyOf', 'allOf', 'oneOf'] as const) {
    if (Array.isArray(out[key])) out[key] = (out[key] as SchemaNode[]).map((s) => visit(s, fn));
  }
  if (isNode(out.not)) out.not = visit(out.not, fn);
  return fn(out);
}

function isNode(v: unknown): v is SchemaNode {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function property(schema: TSchema, name: string): SchemaNode {
  const props = (schema as SchemaNode).properties as Record<string, SchemaNode> | undefined;
  const p = props?.[name];
  if (!p) throw new Error(`schema has no property ${name}`);
  return p;
}

/** The CRD's `openAPIV3Schema` of a kind. */
export function crdSchema(kind: Kind): SchemaNode {
  const info = KIND_INFO[kind];
  const root = info.schema as SchemaNode;
  return {
    type: 'object',
    description: root.description,
    properties: {
      apiVersion: {
        type: 'string',
        description:
          'APIVersion defines the versioned schema of this representation of an object. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#resources',
      },
      kind: {
        type: 'string',
        description:
          'Kind is a string value representing the REST resource this object represents. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#types-kinds',
      },
      metadata: { type: 'object' },
      spec: cleanSchema(property(info.schema, 'spec')),
      status: cleanSchema(property(info.schema, 'status')),
    },
    required: ['spec'],
  };
}

/** The CustomResourceDefinition of a kind, as plain data. */
export function customResourceDefinition(kind: Kind): SchemaNode {
  const info = KIND_INFO[kind];
  return {
    apiVersion: 'apiextensions.k8s.io/v1',
    kind: 'CustomResourceDefinition',
    metadata: {
      name: `${info.plural}.${GROUP}`,
      annotations: { 'ai-ci.dev/generated-from': 'src/api/v1alpha1 (npm run generate)' },
    },
    spec: {
      group: GROUP,
      names: {
        kind: info.kind,
        listKind: `${info.kind}List`,
        plural: info.plural,
        singular: info.singular,
        shortNames: [...info.shortNames],
        categories: [CATEGORY],
      },
      scope: 'Namespaced',
      versions: [
        {
          name: VERSION,
          served: true,
          storage: true,
          subresources: { status: {} },
          additionalPrinterColumns: info.printerColumns,
          schema: { openAPIV3Schema: crdSchema(kind) },
        },
      ],
    },
  };
}

/**
 * The JSON Schema (draft-07, for Ajv) that `ai-ci validate` checks a manifest with: the CRD schema, plus
 * apiVersion/kind/metadata checks, plus `additionalProperties: false` on every object that lists its properties
 * (the apiserver prunes unknown fields silently, so the validator must name them instead).
 */
export function validationSchema(kind: Kind): SchemaNode {
  const base = crdSchema(kind);
  const props = base.properties as Record<string, SchemaNode>;
  const withMeta: SchemaNode = {
    ...base,
    properties: {
      ...props,
      apiVersion: { type: 'string', enum: [API_VERSION], description: props.apiVersion?.description },
      kind: { type: 'string', enum: [kind], description: props.kind?.description },
      metadata: cleanSchema(ObjectMeta),
    },
    required: ['apiVersion', 'kind', 'metadata', 'spec'],
  };
  return visit(withMeta, (node) => {
    const out = { ...node };
    if (isNode(out.properties) && out.additionalProperties === undefined) out.additionalProperties = false;
    // OpenAPI v3.0 writes an exclusive bound as a boolean beside minimum/maximum; draft-07 as the bound itself.
    if (out.exclusiveMinimum === true) {
      out.exclusiveMinimum = out.minimum;
      delete out.minimum;
    }
    if (out.exclusiveMaximum === true) {
      out.exclusiveMaximum = out.maximum;
      delete out.maximum;
    }
    return out;
  });
}
