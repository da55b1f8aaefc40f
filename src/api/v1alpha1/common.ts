/**
 * Building blocks shared by the ai-ci.dev/v1alpha1 kinds. Every schema here is written so that, after the
 * generator strips TypeBox's symbols, it is a valid Kubernetes *structural* schema: each node has a `type`
 * (except int-or-string nodes), maps use `additionalProperties` only, lists and strings are bounded so the
 * apiserver's CEL cost estimator accepts the rules that reach them.
 */
import { type Static, type TSchema, type TUnsafe, Type } from '@sinclair/typebox';

export const GROUP = 'ai-ci.dev';
export const VERSION = 'v1alpha1';
export const API_VERSION = `${GROUP}/${VERSION}` as const;
/** The category shared by all ai-ci resources: `kubectl get ai-ci` lists them. */
export const CATEGORY = 'ai-ci';

/**
 * Go `time.ParseDuration` syntax restricted to the units that make sense here (ms, s, m, h), e.g. `30s`, `5m`,
 * `1.5h`, `4h30m`. Both the apiserver's CEL `duration()` and cel-js accept every string this pattern accepts.
 */
export const DURATION_PATTERN = '^([0-9]+(\\.[0-9]+)?(ms|s|m|h))+$';
/** The Kubernetes resource.Quantity grammar (the pattern controller-gen emits for resource.Quantity). */
export const QUANTITY_PATTERN =
  '^(\\+|-)?(([0-9]+(\\.[0-9]*)?)|(\\.[0-9]+))(([KMGTPE]i)|[numkMGTPE]|([eE](\\+|-)?(([0-9]+(\\.[0-9]*)?)|(\\.[0-9]+))))?$';
/** RFC 1123 DNS subdomain: names of Secrets, ConfigMaps, ServiceAccounts, and of ai-ci objects themselves. */
export const DNS_SUBDOMAIN_PATTERN = '^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$';
/** RFC 1123 DNS label: namespaces. */
export const DNS_LABEL_PATTERN = '^[a-z0-9]([-a-z0-9]*[a-z0-9])?$';
/** A key of a Secret or ConfigMap. */
export const CONFIG_KEY_PATTERN = '^[-._a-zA-Z0-9]+$';
/** An http(s) URL; the controller parses it fully, the schema only keeps out obvious mistakes. */
export const HTTP_URL_PATTERN = '^https?://[^\\s/$.?#][^\\s]*$';

/** A CEL rule in the shape of `x-kubernetes-validations` (apiextensions.k8s.io/v1 ValidationRule). */
export interface CelRule {
  rule: string;
  message: string;
  /** JSONPath-like path relative to the node carrying the rule, e.g. `.minRunners`; where the error is reported. */
  fieldPath?: string;
  reason?: 'FieldValueInvalid' | 'FieldValueForbidden' | 'FieldValueRequired' | 'FieldValueDuplicate';
}

/** Options every ai-ci schema helper takes: a description is mandatory (it feeds `kubectl explain`). */
export interface Described {
  description: string;
}

/** A duration string (see DURATION_PATTERN). */
export function Duration(description: string, defaultValue?: string) {
  return Type.String({
    description: `${description} A duration such as \`30s\`, \`5m\`, \`1.5h\` or \`4h30m\` (units ms, s, m, h).`,
    pattern: DURATION_PATTERN,
    maxLength: 32,
    ...(defaultValue === undefined ? {} : { default: defaultValue }),
  });
}

/** A Kubernetes quantity, as YAML writes it: `1`, `500m`, `16Gi`. */
export function Quantity(description: string): TUnsafe<number | string> {
  return Type.Unsafe<number | string>({
    description,
    'x-kubernetes-int-or-string': true,
    anyOf: [{ type: 'integer' }, { type: 'string' }],
    pattern: QUANTITY_PATTERN,
    maxLength: 64,
  });
}

/** A string enum, emitted as `type: string` + `enum` (TypeBox's Union of Literals would become `anyOf`). */
export function StringEnum<const T extends readonly string[]>(
  values: T,
  options: Described & { default?: T[number] },
): TUnsafe<T[number]> {
  return Type.Unsafe<T[number]>({ type: 'string', enum: [...values], ...options });
}

/** A string-to-value map, emitted as `additionalProperties` (TypeBox's Record would emit `patternProperties`,
 *  which structural schemas forbid). */
export function StringMap<V extends TSchema>(
  value: V,
  options: Described & { maxProperties?: number },
): TUnsafe<Record<string, Static<V>>> {
  return Type.Unsafe<Record<string, Static<V>>>({ type: 'object', additionalProperties: value, ...options });
}

/** A date-time string (RFC 3339), as metav1.Time serialises. */
export function DateTime(description: string) {
  return Type.String({ description, format: 'date-time', maxLength: 64 });
}

export const LocalObjectReference = (description: string) =>
  Type.Object(
    {
      name: Type.String({
        description: 'Name of the object, in the namespace of the referring object.',
        minLength: 1,
        maxLength: 253,
        pattern: DNS_SUBDOMAIN_PATTERN,
      }),
    },
    { description },
  );
export type LocalObjectReference = Static<ReturnType<typeof LocalObjectReference>>;

export const SecretKeySelector = (description: string, defaultKey: string) =>
  Type.Object(
    {
      name: Type.String({
        description: 'Name of the Secret, in the namespace of the referring object.',
        minLength: 1,
        maxLength: 253,
        pattern: DNS_SUBDOMAIN_PATTERN,
      }),
      key: Type.Optional(
        Type.String({
          description: `Key within the Secret. Default: \`${defaultKey}\`.`,
          minLength: 1,
          maxLength: 253,
          pattern: CONFIG_KEY_PATTERN,
          default: defaultKey,
        }),
      ),
    },
    { description },
  );
export type SecretKeySelector = Static<ReturnType<typeof SecretKeySelector>>;

/** The standard metav1.Condition shape. */
export const Condition = Type.Object(
  {
    type: Type.String({
      description: 'Type of the condition in CamelCase, e.g. `Ready`.',
      minLength: 1,
      maxLength: 316,
      pattern:
        '^([a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*/)?(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])$',
    }),
    status: StringEnum(['True', 'False', 'Unknown'] as const, {
      description: 'Status of the condition: True, False or Unknown.',
    }),
    observedGeneration: Type.Optional(
      Type.Integer({
        description: 'The .metadata.generation the condition was set from.',
        minimum: 0,
        format: 'int64',
      }),
    ),
    lastTransitionTime: DateTime('When the condition last changed from one status to another.'),
    reason: Type.String({
      description: 'Programmatic identifier in CamelCase of the reason for the last transition.',
      minLength: 1,
      maxLength: 1024,
      pattern: '^[A-Za-z]([A-Za-z0-9_,:]*[A-Za-z0-9_])?$',
    }),
    message: Type.String({
      description: 'Human-readable message about the transition; never contains secrets.',
      maxLength: 32768,
    }),
  },
  { description: 'One aspect of the current state of the object (metav1.Condition).' },
);
export type Condition = Static<typeof Condition>;

/** `status.conditions`: a list-map keyed by type, as kubebuilder's `+listType=map +listMapKey=type` emits. */
export const Conditions = Type.Array(Condition, {
  description: 'Latest observations of the object state, one per condition type.',
  maxItems: 16,
  'x-kubernetes-list-type': 'map',
  'x-kubernetes-list-map-keys': ['type'],
});

/**
 * The part of ObjectMeta that `ai-ci validate` checks in a manifest. The CRD itself carries only
 * `metadata: {type: object}`: the apiserver validates ObjectMeta on its own and forbids CRDs to constrain it
 * beyond name/generateName. Other fields (uid, resourceVersion, …) pass unchecked.
 */
export const ObjectMeta = Type.Object(
  {
    name: Type.String({
      description: 'Name of the object, unique in its namespace (RFC 1123 DNS subdomain).',
      minLength: 1,
      maxLength: 253,
      pattern: DNS_SUBDOMAIN_PATTERN,
    }),
    namespace: Type.Optional(
      Type.String({
        description: 'Namespace of the object.',
        minLength: 1,
        maxLength: 63,
        pattern: DNS_LABEL_PATTERN,
      }),
    ),
    labels: Type.Optional(
      StringMap(Type.String({ maxLength: 63 }), { description: 'Labels of the object.' }),
    ),
    annotations: Type.Optional(StringMap(Type.String(), { description: 'Annotations of the object.' })),
  },
  { description: 'Standard object metadata.', additionalProperties: true },
);
export type ObjectMeta = Static<typeof ObjectMeta>;
