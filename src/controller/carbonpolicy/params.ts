/**
 * A CarbonPolicy spec turned into numbers: durations in ms, defaults filled in, the tolerance as a ratio. Pure.
 *
 * The apiserver stores specs with their schema defaults, but the controller does not rely on that (a policy
 * written before a default was added, unit tests, a replay): the defaults are read from the same TypeBox schema the
 * CRD is generated from, so there is one place that says "4h".
 */
import {
  type CarbonPolicySpec,
  CarbonPolicySpec as CarbonPolicySpecSchema,
  type CarbonSourceType,
  CircuitBreaker as CircuitBreakerSchema,
  FORCE_RUN_ANNOTATION,
} from '../../api/v1alpha1/index.js';
import type { BreakerConfig } from '../../carbon/breaker.js';
import { parseDuration } from '../../carbon/duration.js';
import { sourceType } from '../../carbon/providers/index.js';
import type { SchedulerParams } from '../../carbon/scheduler.js';

export interface PolicyParams {
  sourceType: CarbonSourceType;
  thresholdGPerKWh: number;
  maxDeferralMs: number;
  forecastHorizonMs: number;
  /** tolerancePercent / 100. */
  toleranceRatio: number;
  defaultJobDurationMs: number;
  /** The longest a job can run: the bound for jobs with too little history (durations-learning.ts). */
  maxJobDurationMs: number;
  forceRunLabels: string[];
  forceRunBranches: string[];
  failureMode: 'runAnyway' | 'wait';
  breaker: BreakerConfig;
  refreshIntervalMs: number;
  /** Observe: decide as Enforce would, but never defer (gate.ts). */
  mode: 'Enforce' | 'Observe';
}

/** A spec the controller cannot act on; `field` is the JSON path of the bad value. */
export class InvalidPolicyError extends Error {
  override readonly name = 'InvalidPolicyError';
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(`${field}: ${message}`);
  }
}

type SchemaWithDefaults = { properties: Record<string, { default?: unknown }> };

function schemaDefault<T>(schema: unknown, property: string): T {
  const value = (schema as SchemaWithDefaults).properties[property]?.default;
  if (value === undefined) throw new Error(`schema has no default for ${property}`);
  return value as T;
}

const DEFAULTS = {
  maxDeferral: schemaDefault<string>(CarbonPolicySpecSchema, 'maxDeferral'),
  forecastHorizon: schemaDefault<string>(CarbonPolicySpecSchema, 'forecastHorizon'),
  tolerancePercent: schemaDefault<number>(CarbonPolicySpecSchema, 'tolerancePercent'),
  defaultJobDuration: schemaDefault<string>(CarbonPolicySpecSchema, 'defaultJobDuration'),
  maxJobDuration: schemaDefault<string>(CarbonPolicySpecSchema, 'maxJobDuration'),
  failureMode: schemaDefault<'runAnyway' | 'wait'>(CarbonPolicySpecSchema, 'failureMode'),
  refreshInterval: schemaDefault<string>(CarbonPolicySpecSchema, 'refreshInterval'),
  mode: schemaDefault<'Enforce' | 'Observe'>(CarbonPolicySpecSchema, 'mode'),
  failureThreshold: schemaDefault<number>(CircuitBreakerSchema, 'failureThreshold'),
  openDuration: schemaDefault<string>(CircuitBreakerSchema, 'openDuration'),
};

function duration(value: string | undefined, fallback: string, field: string): number {
  try {
    return parseDuration(value ?? fallback, field);
  } catch (err) {
    throw new InvalidPolicyError(field, (err as Error).message.replace(`${field}: `, ''));
  }
}

/** Resolves a spec; throws InvalidPolicyError naming the field for what the CRD would not have let through. */
export function resolvePolicyParams(spec: CarbonPolicySpec): PolicyParams {
  if (!spec || typeof spec !== 'object') throw new InvalidPolicyError('spec', 'missing');
  let type: CarbonSourceType;
  try {
    type = sourceType(spec.source ?? {});
  } catch (err) {
    throw new InvalidPolicyError('spec.source', (err as Error).message.replace(/^source: /, ''));
  }
  if (!(typeof spec.threshold === 'number' && spec.threshold > 0)) {
    throw new InvalidPolicyError('spec.threshold', `must be a number > 0, got ${String(spec.threshold)}`);
  }
  const tolerancePercent = spec.tolerancePercent ?? DEFAULTS.tolerancePercent;
  if (!(tolerancePercent >= 0 && tolerancePercent <= 100)) {
    throw new InvalidPolicyError('spec.tolerancePercent', `must be 0–100, got ${tolerancePercent}`);
  }
  const failureThreshold = spec.circuitBreaker?.failureThreshold ?? DEFAULTS.failureThreshold;
  if (!(Number.isInteger(failureThreshold) && failureThreshold >= 1)) {
    throw new InvalidPolicyError(
      'spec.circuitBreaker.failureThreshold',
      `must be an integer ≥ 1, got ${failureThreshold}`,
    );
  }
  return {
    sourceType: type,
    thresholdGPerKWh: spec.threshold,
    maxDeferralMs: duration(spec.maxDeferral, DEFAULTS.maxDeferral, 'spec.maxDeferral'),
    forecastHorizonMs: duration(spec.forecastHorizon, DEFAULTS.forecastHorizon, 'spec.forecastHorizon'),
    toleranceRatio: tolerancePercent / 100,
    defaultJobDurationMs: duration(
      spec.defaultJobDuration,
      DEFAULTS.defaultJobDuration,
      'spec.defaultJobDuration',
    ),
    maxJobDurationMs: duration(spec.maxJobDuration, DEFAULTS.maxJobDuration, 'spec.maxJobDuration'),
    forceRunLabels: [...(spec.forceRun?.labels ?? [])],
    forceRunBranches: [...(spec.forceRun?.branches ?? [])],
    failureMode: spec.failureMode ?? DEFAULTS.failureMode,
    breaker: {
      failureThreshold,
      openDurationMs: duration(
        spec.circuitBreaker?.openDuration,
        DEFAULTS.openDuration,
        'spec.circuitBreaker.openDuration',
      ),
    },
    refreshIntervalMs: duration(spec.refreshInterval, DEFAULTS.refreshInterval, 'spec.refreshInterval'),
    mode: spec.mode ?? DEFAULTS.mode,
  };
}

/** The scheduler's view of a policy. */
export function schedulerParams(p: PolicyParams): SchedulerParams {
  return {
    maxDeferralMs: p.maxDeferralMs,
    thresholdGPerKWh: p.thresholdGPerKWh,
    toleranceRatio: p.toleranceRatio,
    forceRunLabels: p.forceRunLabels,
    forceRunBranches: p.forceRunBranches,
  };
}

/** Whether an object carries `ai-ci.dev/force-run: "true"` (case-insensitive value, as kubectl users type it). */
export function forceRunAnnotated(metadata: { annotations?: Record<string, string> } | undefined): boolean {
  return metadata?.annotations?.[FORCE_RUN_ANNOTATION]?.trim().toLowerCase() === 'true';
}
