import { describe, expect, it } from 'vitest';
import { type CarbonPolicySpec, CarbonPolicySpec as Schema } from '../../../src/api/v1alpha1/index.js';
import {
  forceRunAnnotated,
  InvalidPolicyError,
  resolvePolicyParams,
  schedulerParams,
} from '../../../src/controller/carbonpolicy/params.js';

const base: CarbonPolicySpec = { source: { static: { intensity: 100 } }, threshold: 150 };

describe('resolvePolicyParams', () => {
  it('fills in the schema defaults', () => {
    // The tolerance default is tuned with the simulator; what matters here is that it comes from the schema.
    const tolerancePercent = (Schema.properties.tolerancePercent as { default?: number }).default;
    expect(tolerancePercent).toBeTypeOf('number');
    expect(resolvePolicyParams(base)).toEqual({
      sourceType: 'static',
      thresholdGPerKWh: 150,
      maxDeferralMs: 4 * 3_600_000,
      forecastHorizonMs: 24 * 3_600_000,
      toleranceRatio: 0.02,
      defaultJobDurationMs: 30 * 60_000,
      maxJobDurationMs: 6 * 3_600_000,
      forceRunLabels: [],
      forceRunBranches: [],
      failureMode: 'runAnyway',
      breaker: { failureThreshold: 3, openDurationMs: 5 * 60_000 },
      refreshIntervalMs: 5 * 60_000,
      mode: 'Enforce',
    });
  });

  it('reads every field', () => {
    const p = resolvePolicyParams({
      source: { ukCarbonIntensity: { regionId: 13 } },
      threshold: 200,
      maxDeferral: '1m20s',
      forecastHorizon: '2h',
      tolerancePercent: 0,
      defaultJobDuration: '1m',
      forceRun: { labels: ['urgent'], branches: ['release/**'] },
      failureMode: 'wait',
      circuitBreaker: { failureThreshold: 1, openDuration: '10m' },
      refreshInterval: '30s',
      mode: 'Observe',
    });
    expect(p).toMatchObject({
      sourceType: 'ukCarbonIntensity',
      maxDeferralMs: 80_000,
      forecastHorizonMs: 2 * 3_600_000,
      toleranceRatio: 0,
      defaultJobDurationMs: 60_000,
      forceRunLabels: ['urgent'],
      forceRunBranches: ['release/**'],
      failureMode: 'wait',
      breaker: { failureThreshold: 1, openDurationMs: 600_000 },
      refreshIntervalMs: 30_000,
      mode: 'Observe',
    });
    expect(schedulerParams(p)).toEqual({
      maxDeferralMs: 80_000,
      thresholdGPerKWh: 200,
      toleranceRatio: 0,
      forceRunLabels: ['urgent'],
      forceRunBranches: ['release/**'],
    });
  });

  it.each([
    ['no source member', { ...base, source: {} }, 'spec.source'],
    [
      'two source members',
      { ...base, source: { static: { intensity: 1 }, file: { path: '/a.csv' } } },
      'spec.source',
    ],
    ['a bad duration', { ...base, maxDeferral: '4 hours' }, 'spec.maxDeferral'],
    [
      'a bad breaker duration',
      { ...base, circuitBreaker: { openDuration: '5' } },
      'spec.circuitBreaker.openDuration',
    ],
    ['a zero threshold', { ...base, threshold: 0 }, 'spec.threshold'],
    ['a tolerance over 100', { ...base, tolerancePercent: 150 }, 'spec.tolerancePercent'],
  ] as [string, CarbonPolicySpec, string][])('names the field for %s', (_name, spec, field) => {
    let error: unknown;
    try {
      resolvePolicyParams(spec);
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(InvalidPolicyError);
    expect((error as InvalidPolicyError).field).toBe(field);
    expect((error as Error).message.startsWith(`${field}: `)).toBe(true);
  });
});

describe('forceRunAnnotated', () => {
  it.each([
    [{ 'ai-ci.dev/force-run': 'true' }, true],
    [{ 'ai-ci.dev/force-run': 'True ' }, true],
    [{ 'ai-ci.dev/force-run': 'false' }, false],
    [{ 'ai-ci.dev/force-run': 'yes' }, false],
    [{ other: 'true' }, false],
    [undefined, false],
  ])('%j → %s', (annotations, expected) => {
    expect(forceRunAnnotated(annotations ? { annotations } : {})).toBe(expected);
  });
});
