/**
 * The CarbonPolicy reconciler's decide step: from what was observed (the spec's parameters or why they are
 * unusable, the source's latest reading and health, the jobs deferred over the pools) to the status to write and
 * the Events to record. Pure: no I/O, no clock; `now` comes in.
 *
 * Conditions (kubebuilder conventions: one per type, `lastTransitionTime` moves only on a status change, messages
 * without timestamps so an unchanged situation writes nothing):
 * - `SourceHealthy`: True `FetchSucceeded`; False `BreakerOpen` (the source is not called until the next trial),
 *   `Unauthorized` (401/403: token or account refused), `RateLimited` (429 beyond what we wait for),
 *   `InvalidResponse` (not the documented format), `DataUnavailable` (no data for the region/zone/time),
 *   `InvalidConfiguration`, `SecretNotFound`, `FetchFailed` (timeouts, network, 5xx); Unknown `Pending`.
 * - `Ready` (intensity data is current enough to decide with): True `DataCurrent`, or `LastGoodData` while a
 *   failing source's breaker is still closed; False `SourceUnavailable` (the failure mode applies, and the message
 *   says what it does to jobs) or `InvalidSpec`; Unknown `Pending`.
 * Events: `BreakerOpened` (Warning) and `BreakerClosed` (Normal) on breaker transitions, judged against the
 * previous status so that a restarted controller does not repeat them; `InvalidSpec` (Warning) when the spec
 * becomes unusable.
 */
import {
  type CarbonPolicyStatus,
  type CarbonSourceType,
  CarbonPolicyConditionType as Cond,
  type Condition,
  type IntensityWindow,
} from '../../api/v1alpha1/index.js';
import type { BreakerState } from '../../carbon/breaker.js';
import type { ProviderErrorKind } from '../../carbon/providers/errors.js';
import type { CarbonReading, SourceHealth } from '../../carbon/source.js';
import { bestWindow } from '../../carbon/window.js';
import { findCondition, setCondition, toKubeTime } from '../runnerpool/conditions.js';
import { policyData, usableReading } from './data.js';
import type { PolicyParams } from './params.js';

export type StatusBreakerState = 'closed' | 'open' | 'halfOpen';

export interface PolicyEvent {
  type: 'Normal' | 'Warning';
  reason: string;
  message: string;
}

/** Why the controller cannot fetch for this spec at all (bad spec, missing Secret). */
export interface Blocked {
  /** `InvalidSpec`, `SecretNotFound` or `InvalidConfiguration`. */
  reason: string;
  message: string;
}

export interface StatusInput {
  generation: number;
  previous: CarbonPolicyStatus | undefined;
  /** Undefined when the spec cannot be resolved (see `blocked`). */
  params?: PolicyParams;
  sourceType?: CarbonSourceType;
  /** Set when nothing can be fetched for this spec. */
  blocked?: Blocked;
  /** The latest reading (undefined before the first fetch). */
  reading?: CarbonReading;
  /** The source's health now (the breaker may have moved since the reading, e.g. open → trial allowed). */
  health?: SourceHealth;
  /** Kind of the last fetch failure, for the SourceHealthy reason. */
  lastErrorKind?: ProviderErrorKind;
  /** Jobs deferred by this policy over all its pools. */
  deferredJobs: number;
  /** mode Observe: deferrals Enforce would have made in the last 24 h, and the latest one's explanation. */
  observed?: { count: number; latest?: string };
  now: number;
  /** Removes secret values from messages (defence in depth: provider errors never carry them). */
  redact?: (text: string) => string;
}

export interface StatusDecision {
  status: CarbonPolicyStatus;
  events: PolicyEvent[];
}

const REASON_BY_KIND: Record<ProviderErrorKind, string> = {
  auth: 'Unauthorized',
  'rate-limited': 'RateLimited',
  parse: 'InvalidResponse',
  unavailable: 'DataUnavailable',
  config: 'InvalidConfiguration',
  timeout: 'FetchFailed',
  network: 'FetchFailed',
  http: 'FetchFailed',
};

export function statusBreakerState(state: BreakerState): StatusBreakerState {
  return state === 'half-open' ? 'halfOpen' : state;
}

const MAX_ERROR = 1024;

export function decideStatus(input: StatusInput): StatusDecision {
  const redact = input.redact ?? ((s: string) => s);
  const clip = (s: string) => (s.length > MAX_ERROR ? `${s.slice(0, MAX_ERROR - 1)}…` : s);
  const { generation, now, params } = input;
  const prev = input.previous ?? {};
  let conditions: Condition[] = [...(prev.conditions ?? [])];
  const set = (type: string, status: Condition['status'], reason: string, message: string) => {
    conditions = setCondition(
      conditions,
      { type, status, reason, message: clip(redact(message)) },
      generation,
      now,
    );
  };
  const status: CarbonPolicyStatus = { observedGeneration: generation, deferredJobs: input.deferredJobs };
  const events: PolicyEvent[] = [];
  // Observe mode (or deferrals observed before a switch back to Enforce, until they age out of the 24 h window).
  if (params?.mode === 'Observe' || (input.observed?.count ?? 0) > 0) {
    const count = input.observed?.count ?? 0;
    status.observedDeferrals = count;
    if (count > (prev.observedDeferrals ?? 0) && input.observed?.latest) {
      events.push({
        type: 'Normal',
        reason: 'WouldDefer',
        message: clip(
          `${count} job${count === 1 ? '' : 's'} in the last 24 h would have been deferred by Enforce; latest: ${input.observed.latest}`,
        ),
      });
    }
  }

  if (input.blocked || !params) {
    const b = input.blocked ?? { reason: 'InvalidSpec', message: 'the spec cannot be resolved' };
    const sourceReason = b.reason === 'InvalidSpec' ? 'InvalidConfiguration' : b.reason;
    set(Cond.SourceHealthy, 'False', sourceReason, b.message);
    set(Cond.Ready, 'False', b.reason === 'InvalidSpec' ? 'InvalidSpec' : 'SourceUnavailable', b.message);
    status.source = {
      ...(input.sourceType ? { type: input.sourceType } : {}),
      healthy: false,
      lastError: clip(redact(b.message)),
    };
    const before = findCondition(prev.conditions, Cond.SourceHealthy);
    const after = findCondition(conditions, Cond.SourceHealthy)!;
    if (before?.reason !== after.reason || before?.message !== after.message) {
      events.push({ type: 'Warning', reason: b.reason, message: after.message });
    }
    status.conditions = conditions;
    return { status, events };
  }

  const reading = input.reading;
  const health = input.health ?? reading?.health;
  const breaker = health?.breaker;
  const state = breaker ? statusBreakerState(breaker.state) : undefined;
  status.source = {
    type: params.sourceType,
    ...(health ? { healthy: health.healthy } : {}),
    ...(state ? { breakerState: state } : {}),
    ...(breaker ? { consecutiveFailures: breaker.consecutiveFailures } : {}),
    ...(health?.lastSuccessAt !== undefined ? { lastSuccessTime: toKubeTime(health.lastSuccessAt) } : {}),
    ...(health && !health.healthy && (health.lastError ?? breaker?.lastError)
      ? { lastError: clip(redact((health.lastError ?? breaker?.lastError)!)) }
      : {}),
  };

  // Values: from the data the gate decides with; the last measured intensity stays visible (with its time) while
  // the source is down, but lowCarbon and the window are only claimed from usable data.
  const good = usableReading(reading);
  const shown = good ?? reading?.lastGood;
  if (shown?.current) {
    status.currentIntensity = round(shown.current.value);
    status.intensityUnit = 'gCO2eq/kWh';
    status.intensityKind = shown.kind;
    status.lastUpdateTime = toKubeTime(shown.current.start);
  }
  if (good?.current) status.lowCarbon = good.current.value <= params.thresholdGPerKWh;
  if (good) {
    if (good.forecastOrigin) status.forecastOrigin = good.forecastOrigin;
    const data = policyData(reading);
    if (data.usable) {
      // Searched from the fetch time, not from now: the window then changes only when the data does, and an
      // unchanged situation writes no status (a status write wakes every pool of the policy).
      const from = good.fetchedAt ?? now;
      const w = bestWindow(data.forecast, from, from + params.forecastHorizonMs, params.defaultJobDurationMs);
      if (w) status.nextWindow = window(w);
    }
  }

  // SourceHealthy
  if (!reading || !health) {
    set(Cond.SourceHealthy, 'Unknown', 'Pending', `no fetch from ${params.sourceType} yet`);
  } else if (health.healthy) {
    set(
      Cond.SourceHealthy,
      'True',
      'FetchSucceeded',
      `${params.sourceType} answers${good?.forecastOrigin === 'history-forecast' ? '; it publishes no forecast here, so the forecast is made from recent history' : ''}`,
    );
  } else if (breaker && breaker.state !== 'closed') {
    const last = health.lastError ?? breaker.lastError;
    set(
      Cond.SourceHealthy,
      'False',
      'BreakerOpen',
      `circuit breaker ${state} after ${breaker.consecutiveFailures} consecutive failed fetch${breaker.consecutiveFailures === 1 ? '' : 'es'}${breaker.retryAt !== undefined ? `; next trial fetch at ${toKubeTime(breaker.retryAt)}` : ''}${last ? `; last error: ${last}` : ''}`,
    );
  } else {
    const reason = input.lastErrorKind ? REASON_BY_KIND[input.lastErrorKind] : 'FetchFailed';
    const threshold = params.breaker.failureThreshold;
    set(
      Cond.SourceHealthy,
      'False',
      reason,
      `${health.lastError ?? breaker?.lastError ?? 'fetch failed'} (${breaker?.consecutiveFailures ?? 1} of ${threshold} failures before the circuit breaker opens)`,
    );
  }

  // Ready
  if (!reading) {
    set(Cond.Ready, 'Unknown', 'Pending', 'waiting for the first fetch');
  } else if (reading.healthy) {
    set(Cond.Ready, 'True', 'DataCurrent', 'intensity data is current; queued jobs follow the forecast');
  } else if (good) {
    set(
      Cond.Ready,
      'True',
      'LastGoodData',
      `the source is failing; deciding with the data fetched at ${toKubeTime(good.fetchedAt ?? now)} until the circuit breaker opens`,
    );
  } else {
    const data = policyData(reading);
    const why = data.usable ? '' : data.why;
    const effect =
      params.failureMode === 'runAnyway'
        ? 'failureMode runAnyway: queued jobs start at once'
        : 'failureMode wait: queued jobs wait, at most until their deadline';
    set(Cond.Ready, 'False', 'SourceUnavailable', `no usable intensity data (${why}); ${effect}`);
  }

  // Breaker transitions, against what the previous status recorded.
  const before = prev.source?.breakerState;
  if (state === 'open' && before !== 'open' && before !== 'halfOpen') {
    const effect =
      params.failureMode === 'runAnyway'
        ? 'queued jobs start at once (failureMode runAnyway)'
        : 'queued jobs wait until their deadline (failureMode wait)';
    const last = health?.lastError ?? breaker?.lastError;
    events.push({
      type: 'Warning',
      reason: 'BreakerOpened',
      message: clip(
        redact(
          `${params.sourceType}: circuit breaker opened after ${breaker?.consecutiveFailures ?? 0} consecutive failed fetches${last ? ` (last error: ${last})` : ''}; ${effect}`,
        ),
      ),
    });
  } else if (state === 'closed' && (before === 'open' || before === 'halfOpen')) {
    events.push({
      type: 'Normal',
      reason: 'BreakerClosed',
      message: `${params.sourceType} answers again: circuit breaker closed; queued jobs follow the forecast`,
    });
  }

  status.conditions = conditions;
  return { status, events };
}

function round(n: number): number {
  return Math.round(n * 100) / 100;
}

function window(w: { start: number; end: number; meanIntensity: number }): IntensityWindow {
  return { start: toKubeTime(w.start), end: toKubeTime(w.end), expectedIntensity: round(w.meanIntensity) };
}
