/**
 * Invalid RunnerPools and CarbonPolicies, each with the field that must be named and the message expected from
 * `ai-ci validate`. Shared by test/api and by the e2e tests that check the apiserver rejects the same objects.
 */
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';

// biome-ignore lint/suspicious/noExplicitAny: fixtures are edited at arbitrary depth, as YAML would be
export type Loose = any;

const examplesDir = new URL('../../examples/', import.meta.url);

/** An example manifest from examples/, parsed. */
export const example = (file: string) =>
  parse(readFileSync(new URL(file, examplesDir), 'utf8')) as Record<string, Loose>;

/** A deep copy of an example with `edit` applied. */
export function variant(file: string, edit: (o: Record<string, Loose>) => void): Record<string, Loose> {
  const o = structuredClone(example(file));
  edit(o);
  return o;
}

export interface InvalidCase {
  name: string;
  object: Record<string, Loose>;
  /** The field `ai-ci validate` reports, as `spec.a.b[0]`. */
  field: string;
  message: RegExp;
  /** false: only ai-ci validate rejects it (the apiserver prunes unknown fields or has no such check). */
  apiserverRejects: boolean;
}

const table: [string, Record<string, Loose>, string, RegExp][] = [
  [
    'missing source',
    variant('carbonpolicy-static.yaml', (o) => {
      o.spec.source = {};
    }),
    'spec.source',
    /exactly one of ukCarbonIntensity, electricityMaps, wattTime, file or static/,
  ],
  [
    'two sources',
    variant('carbonpolicy-static.yaml', (o) => {
      o.spec.source.file = { path: '/data/trace.csv' };
    }),
    'spec.source',
    /exactly one of/,
  ],
  [
    'no source at all',
    variant('carbonpolicy-static.yaml', (o) => delete o.spec.source),
    'spec.source',
    /required field is missing/,
  ],
  [
    'minRunners > maxRunners',
    variant('runnerpool-gpu.yaml', (o) => {
      o.spec.minRunners = 9;
    }),
    'spec.minRunners',
    /minRunners must be less than or equal to maxRunners/,
  ],
  [
    'minRunners > default maxRunners',
    variant('runnerpool-cpu.yaml', (o) => {
      o.spec.minRunners = 11;
      delete o.spec.maxRunners;
    }),
    'spec.minRunners',
    /less than or equal to maxRunners/,
  ],
  [
    'negative threshold',
    variant('carbonpolicy-uk.yaml', (o) => {
      o.spec.threshold = -5;
    }),
    'spec.threshold',
    /greater than 0, got -5/,
  ],
  [
    'zero threshold',
    variant('carbonpolicy-uk.yaml', (o) => {
      o.spec.threshold = 0;
    }),
    'spec.threshold',
    /greater than 0, got 0/,
  ],
  [
    'bad duration',
    variant('carbonpolicy-uk.yaml', (o) => {
      o.spec.maxDeferral = '4 hours';
    }),
    'spec.maxDeferral',
    /"4 hours" is not a duration/,
  ],
  [
    'duration over the CEL bound',
    variant('carbonpolicy-uk.yaml', (o) => {
      o.spec.maxDeferral = '200h';
    }),
    'spec.maxDeferral',
    /at most 168h/,
  ],
  [
    'unknown field in spec',
    variant('runnerpool-gpu.yaml', (o) => {
      o.spec.maxRunner = 3;
    }),
    'spec.maxRunner',
    /unknown field/,
  ],
  [
    'unknown field deep in the template',
    variant('runnerpool-gpu.yaml', (o) => {
      o.spec.template.tolerations[0].efect = 'NoSchedule';
    }),
    'spec.template.tolerations[0].efect',
    /unknown field/,
  ],
  [
    'bad repository format',
    variant('runnerpool-cpu.yaml', (o) => {
      o.spec.github.repository = 'example-repo';
    }),
    'spec.github.repository',
    /"example-repo" does not match/,
  ],
  [
    'both organization and repository',
    variant('runnerpool-cpu.yaml', (o) => {
      o.spec.github.organization = 'example-org';
    }),
    'spec.github',
    /exactly one of organization or repository/,
  ],
  [
    'empty labels',
    variant('runnerpool-gpu.yaml', (o) => {
      o.spec.labels = [];
    }),
    'spec.labels',
    /must not be empty/,
  ],
  [
    'label with a comma',
    variant('runnerpool-gpu.yaml', (o) => {
      o.spec.labels = ['gpu,linux'];
    }),
    'spec.labels[0]',
    /does not match/,
  ],
  [
    'duplicate labels',
    variant('runnerpool-gpu.yaml', (o) => {
      o.spec.labels = ['gpu', 'linux', 'gpu'];
    }),
    'spec.labels[2]',
    /duplicate value "gpu" \(also at index 0\)/,
  ],
  [
    'runnerGroup with repository scope',
    variant('runnerpool-cpu.yaml', (o) => {
      o.spec.github.runnerGroup = 'gpu-runners';
    }),
    'spec.github.runnerGroup',
    /only allowed with organization scope/,
  ],
  [
    'bad quantity',
    variant('runnerpool-gpu.yaml', (o) => {
      o.spec.template.resources.limits.memory = '32 GB';
    }),
    'spec.template.resources.limits.memory',
    /"32 GB" is not a Kubernetes quantity/,
  ],
  [
    'fractional number as quantity',
    variant('runnerpool-gpu.yaml', (o) => {
      o.spec.template.resources.requests.cpu = 0.5;
    }),
    'spec.template.resources.requests.cpu',
    /integer or a quantity string/,
  ],
  [
    'wrong apiVersion',
    variant('runnerpool-gpu.yaml', (o) => {
      o.apiVersion = 'ai-ci.dev/v1';
    }),
    'apiVersion',
    /"ai-ci.dev\/v1" is not one of "ai-ci.dev\/v1alpha1"/,
  ],
  [
    'wrong kind',
    variant('runnerpool-gpu.yaml', (o) => {
      o.kind = 'RunnerPools';
    }),
    'kind',
    /"RunnerPools" is not a kind of ai-ci.dev\/v1alpha1/,
  ],
  [
    'missing metadata.name',
    variant('carbonpolicy-static.yaml', (o) => delete o.metadata.name),
    'metadata.name',
    /required field is missing/,
  ],
  [
    'bad metadata.name',
    variant('carbonpolicy-static.yaml', (o) => {
      o.metadata.name = 'Always_Green';
    }),
    'metadata.name',
    /does not match/,
  ],
  [
    'bad enum value',
    variant('carbonpolicy-uk.yaml', (o) => {
      o.spec.failureMode = 'fail';
    }),
    'spec.failureMode',
    /"fail" is not one of "runAnyway", "wait"/,
  ],
  [
    'UK region out of range',
    variant('carbonpolicy-uk.yaml', (o) => {
      o.spec.source.ukCarbonIntensity = { regionId: 18 };
    }),
    'spec.source.ukCarbonIntensity.regionId',
    /must be <= 17/,
  ],
  [
    'UK region and postcode together',
    variant('carbonpolicy-uk.yaml', (o) => {
      o.spec.source.ukCarbonIntensity.regionId = 13;
    }),
    'spec.source.ukCarbonIntensity.postcode',
    /at most one of regionId or postcode/,
  ],
  [
    'toleration value with operator Exists',
    variant('runnerpool-gpu.yaml', (o) => {
      o.spec.template.tolerations[0].value = 'present';
    }),
    'spec.template.tolerations[0].value',
    /value must be empty when operator is Exists/,
  ],
  [
    'runner startup timeout too short',
    variant('runnerpool-gpu.yaml', (o) => {
      o.spec.runnerStartupTimeout = '10s';
    }),
    'spec.runnerStartupTimeout',
    /at least 30s/,
  ],
  [
    'string where a number belongs',
    variant('carbonpolicy-uk.yaml', (o) => {
      o.spec.threshold = '150g';
    }),
    'spec.threshold',
    /must be a number, got "150g"/,
  ],
  [
    'missing credentials Secret',
    variant('runnerpool-gpu.yaml', (o) => delete o.spec.github.credentialsSecretRef),
    'spec.github.credentialsSecretRef',
    /required field is missing/,
  ],
  [
    'duplicate env names',
    variant('runnerpool-gpu.yaml', (o) => {
      o.spec.template.env.push({ name: 'AI_CI_GPU', value: '2' });
    }),
    'spec.template.env[1]',
    /duplicate name "AI_CI_GPU"/,
  ],
];

/** Cases the apiserver accepts: unknown fields are pruned (or refused only with strict field validation),
 *  and ObjectMeta is the apiserver's own. */
const LOCAL_ONLY = new Set([
  'unknown field in spec',
  'unknown field deep in the template',
  'wrong apiVersion',
  'wrong kind',
]);

export const invalidCases: InvalidCase[] = table.map(([name, object, field, message]) => ({
  name,
  object,
  field,
  message,
  apiserverRejects: !LOCAL_ONLY.has(name),
}));
