import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { validateManifestText } from '../../src/api/manifest.js';
import {
  DEFAULT_RUNNER_IMAGE,
  type DefaultedCarbonPolicySpec,
  type DefaultedRunnerPoolSpec,
} from '../../src/api/v1alpha1/index.js';
import {
  celRules,
  validateCarbonPolicy,
  validateResource,
  validateRunnerPool,
} from '../../src/api/validate.js';
import { example, invalidCases, variant } from './invalid-cases.js';

const examplesDir = new URL('../../examples/', import.meta.url);
const exampleFiles = readdirSync(examplesDir).filter((f) => /\.ya?ml$/.test(f));

describe('the examples', () => {
  it('cover both kinds and every carbon source type', () => {
    const docs = exampleFiles.map(example);
    expect(docs.filter((d) => d.kind === 'RunnerPool').length).toBeGreaterThanOrEqual(2);
    const sources = docs.filter((d) => d.kind === 'CarbonPolicy').flatMap((d) => Object.keys(d.spec.source));
    expect(sources.sort()).toEqual(['electricityMaps', 'file', 'static', 'ukCarbonIntensity', 'wattTime']);
  });

  it.each(exampleFiles)('%s is valid', (file) => {
    const report = validateManifestText(readFileSync(new URL(file, examplesDir), 'utf8'));
    expect(report.parseErrors).toEqual([]);
    expect(report.documents.map((d) => [d.status, d.issues])).toEqual([['valid', []]]);
  });

  it('the GPU pool asks for a GPU, tolerates the GPU taint and names its CarbonPolicy', () => {
    const v = validateRunnerPool(example('runnerpool-gpu.yaml'));
    expect(v.valid).toBe(true);
    expect(v.object.spec.template?.resources?.limits?.['nvidia.com/gpu']).toBe(1);
    expect(v.object.spec.labels).toEqual(['ubuntu-latest-gpu']);
    expect(v.object.spec.carbonPolicyRef?.name).toBe(example('carbonpolicy-uk.yaml').metadata.name);
  });
});

describe('defaults', () => {
  it('are applied to a RunnerPool as the apiserver would', () => {
    const v = validateRunnerPool(variant('runnerpool-cpu.yaml', (o) => delete o.spec.template));
    expect(v.issues).toEqual([]);
    expect(v.object.spec).toMatchObject({
      minRunners: 0,
      maxRunners: 20,
      scaleDownDelay: '5m',
      runnerStartupTimeout: '10m',
      maxRunnerRetries: 3,
      template: { image: DEFAULT_RUNNER_IMAGE },
    });
    // The defaulted type says the same (checked by tsc over test/): no `?` left on what defaults fill in.
    expectTypeOf(v.object.spec).toEqualTypeOf<DefaultedRunnerPoolSpec>();
    expectTypeOf(v.object.spec.maxRunners).toEqualTypeOf<number>();
    expectTypeOf(v.object.spec.template.image).toEqualTypeOf<string>();
  });

  it('are applied to a CarbonPolicy, nested ones included, without changing the input', () => {
    const input = example('carbonpolicy-static.yaml');
    const v = validateCarbonPolicy(input);
    expect(v.valid).toBe(true);
    expect(v.object.spec).toMatchObject({
      maxDeferral: '4h',
      forecastHorizon: '24h',
      tolerancePercent: 2,
      defaultJobDuration: '30m',
      maxJobDuration: '6h',
      failureMode: 'runAnyway',
      refreshInterval: '5m',
      forceRun: {},
      circuitBreaker: { failureThreshold: 3, openDuration: '5m' },
    });
    const spec: DefaultedCarbonPolicySpec = v.object.spec;
    expect(spec.circuitBreaker.failureThreshold).toBe(3);
    expect(input.spec.maxDeferral).toBeUndefined();
  });

  it('fill in the Secret key of an Electricity Maps token', () => {
    const v = validateCarbonPolicy(
      variant(
        'carbonpolicy-electricitymaps.yaml',
        (o) => delete o.spec.source.electricityMaps.tokenSecretRef.key,
      ),
    );
    expect(v.object.spec.source.electricityMaps?.tokenSecretRef.key).toBe('auth-token');
  });
});

describe('invalid resources', () => {
  it('has at least ten cases', () => expect(invalidCases.length).toBeGreaterThanOrEqual(10));

  it.each(invalidCases)('$name: fails at the field, saying why', ({ object, field, message }) => {
    const v = validateResource(object);
    expect(v.valid).toBe(false);
    const hit = v.issues.find((i) => i.field === field);
    expect(hit, `issues: ${JSON.stringify(v.issues)}`).toBeDefined();
    expect(hit?.message).toMatch(message);
  });

  it('reports every problem of an object, not only the first', () => {
    const v = validateResource(
      variant('runnerpool-gpu.yaml', (o) => {
        o.spec.minRunners = 9;
        o.spec.scaleDownDelay = 'soon';
        o.spec.extra = true;
      }),
    );
    expect(v.issues.map((i) => i.field).sort()).toEqual([
      'spec.extra',
      'spec.minRunners',
      'spec.scaleDownDelay',
    ]);
  });

  it('does not restate a schema error as a CEL failure', () => {
    const v = validateResource(
      variant('runnerpool-gpu.yaml', (o) => {
        o.spec.runnerStartupTimeout = 'ten minutes';
      }),
    );
    expect(v.issues.map((i) => i.field)).toEqual(['spec.runnerStartupTimeout']);
  });

  it('rejects what is not a mapping', () => {
    expect(validateResource(['a']).issues[0]?.message).toMatch(/must be a mapping/);
  });

  it('validateRunnerPool refuses a valid CarbonPolicy', () => {
    const v = validateRunnerPool(example('carbonpolicy-static.yaml'));
    expect(v.valid).toBe(false);
    expect(v.issues[0]).toMatchObject({ field: 'kind', message: 'expected RunnerPool, got CarbonPolicy' });
  });
});

describe('CEL rules', () => {
  it('are the ones the CRDs carry, each with a message', () => {
    const rules = [...celRules('RunnerPool'), ...celRules('CarbonPolicy')];
    expect(rules.map((r) => r.path)).toEqual(
      expect.arrayContaining(['spec', 'spec.github', 'spec.source', 'spec.template.tolerations[]']),
    );
    for (const r of rules) expect(r.message.length).toBeGreaterThan(5);
  });

  it('compare durations as durations, not as strings', () => {
    const ok = variant('carbonpolicy-uk.yaml', (o) => {
      o.spec.maxDeferral = '167h59m';
    });
    expect(validateResource(ok).issues).toEqual([]);
    const over = variant('carbonpolicy-uk.yaml', (o) => {
      o.spec.maxDeferral = '10080m1s';
    });
    expect(validateResource(over).issues.map((i) => i.field)).toEqual(['spec.maxDeferral']);
  });
});

describe('manifest text', () => {
  it('maps each problem to the line and column of its field', () => {
    const text = [
      'apiVersion: ai-ci.dev/v1alpha1', // 1
      'kind: RunnerPool', // 2
      'metadata:', // 3
      '  name: gpu', // 4
      'spec:', // 5
      '  github:', // 6
      '    repository: a/b', // 7
      '    credentialsSecretRef: {name: gh}', // 8
      '  labels: [gpu]', // 9
      '  minRunners: 5', // 10
      '  maxRunners: 2', // 11
      '  templat: {}', // 12
      '---', // 13
      'apiVersion: v1', // 14
      'kind: ConfigMap', // 15
      'metadata: {name: x}', // 16
      '---', // 17
      'name: CI', // 18
      'on: [push]', // 19
      '---', // 20
      'apiVersion: ai-ci.dev/v1alpha1', // 21
      'kind: CarbonPolicy', // 22
      'metadata: {name: ok}', // 23
      'spec:', // 24
      '  source: {static: {intensity: 1}}', // 25
      '  threshold: 2', // 26
    ].join('\n');
    const r = validateManifestText(text);
    expect(r.parseErrors).toEqual([]);
    expect(r.documents.map((d) => [d.status, d.line, d.kind, d.name])).toEqual([
      ['invalid', 1, 'RunnerPool', 'gpu'],
      ['skipped', 14, 'ConfigMap', undefined],
      ['skipped', 18, undefined, undefined],
      ['valid', 21, 'CarbonPolicy', 'ok'],
    ]);
    expect(r.documents[0]?.issues.map((i) => [i.line, i.column, i.field])).toEqual([
      [12, 3, 'spec.templat'],
      [10, 3, 'spec.minRunners'],
    ]);
    expect(r.documents[1]?.note).toBe('v1 ConfigMap is not an ai-ci resource');
    expect(r.documents[2]?.note).toBe('not a Kubernetes manifest');
  });

  it('reports a missing field at its parent', () => {
    const r = validateManifestText(
      'apiVersion: ai-ci.dev/v1alpha1\nkind: CarbonPolicy\nmetadata:\n  name: x\nspec:\n  threshold: 1\n',
    );
    expect(r.documents[0]?.issues.map((i) => [i.line, i.column, i.field, i.message])).toEqual([
      [5, 1, 'spec.source', 'required field is missing'],
    ]);
  });

  it('reports YAML syntax errors with their position', () => {
    const r = validateManifestText('apiVersion: ai-ci.dev/v1alpha1\nkind: [RunnerPool\n');
    expect(r.documents).toEqual([]);
    expect(r.parseErrors[0]?.line).toBeGreaterThanOrEqual(2);
  });

  it('reads JSON manifests', () => {
    const r = validateManifestText(JSON.stringify(example('carbonpolicy-static.yaml'), null, 2));
    expect(r.documents.map((d) => d.status)).toEqual(['valid']);
  });
});
