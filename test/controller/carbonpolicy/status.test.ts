import { describe, expect, it } from 'vitest';
import type { CarbonPolicyStatus, Condition } from '../../../src/api/v1alpha1/index.js';
import type { CarbonReading } from '../../../src/carbon/source.js';
import { type PolicyParams, resolvePolicyParams } from '../../../src/controller/carbonpolicy/params.js';
import { decideStatus, type StatusInput } from '../../../src/controller/carbonpolicy/status.js';
import { failing, H, halfHours, healthy, M, T0 } from './readings.js';

const params = (over: Partial<PolicyParams> = {}): PolicyParams => ({
  ...resolvePolicyParams({
    source: { ukCarbonIntensity: {} },
    threshold: 200,
    defaultJobDuration: '30m',
    forecastHorizon: '24h',
    circuitBreaker: { failureThreshold: 3, openDuration: '5m' },
  }),
  ...over,
});

const dirtyThenClean = healthy(halfHours([300, 280, 90, 80, 250, 300]), { fetchedAt: T0 + 5 * M });
const input = (over: Partial<StatusInput>): StatusInput => ({
  generation: 4,
  previous: undefined,
  params: params(),
  deferredJobs: 0,
  now: T0 + 5 * M,
  ...over,
});
const cond = (status: CarbonPolicyStatus, type: string) => status.conditions?.find((c) => c.type === type);
const brief = (c: Condition | undefined) => c && { status: c.status, reason: c.reason };

interface Case {
  name: string;
  reading?: CarbonReading;
  over?: Partial<StatusInput>;
  sourceHealthy: { status: string; reason: string };
  ready: { status: string; reason: string };
  expect?: Partial<CarbonPolicyStatus>;
  absent?: (keyof CarbonPolicyStatus)[];
  message?: { type: string; match: RegExp };
  events?: { type: string; reason: string }[];
}

const good = healthy(halfHours([150, 120]), { fetchedAt: T0 });

const cases: Case[] = [
  {
    name: 'before the first fetch: Pending',
    sourceHealthy: { status: 'Unknown', reason: 'Pending' },
    ready: { status: 'Unknown', reason: 'Pending' },
    absent: ['currentIntensity', 'lowCarbon', 'nextWindow'],
  },
  {
    name: 'healthy and dirty: values, not low-carbon, the best window ahead',
    reading: dirtyThenClean,
    over: { deferredJobs: 2 },
    sourceHealthy: { status: 'True', reason: 'FetchSucceeded' },
    ready: { status: 'True', reason: 'DataCurrent' },
    expect: {
      observedGeneration: 4,
      currentIntensity: 300,
      intensityUnit: 'gCO2eq/kWh',
      intensityKind: 'average',
      lowCarbon: false,
      lastUpdateTime: '2026-11-25T12:00:00Z',
      forecastOrigin: 'provider-forecast',
      deferredJobs: 2,
      nextWindow: { start: '2026-11-25T13:30:00Z', end: '2026-11-25T14:00:00Z', expectedIntensity: 80 },
      source: {
        type: 'ukCarbonIntensity',
        healthy: true,
        breakerState: 'closed',
        consecutiveFailures: 0,
        lastSuccessTime: '2026-11-25T12:05:00Z',
      },
    },
  },
  {
    name: 'at the threshold counts as low-carbon',
    reading: healthy(halfHours([200, 300])),
    sourceHealthy: { status: 'True', reason: 'FetchSucceeded' },
    ready: { status: 'True', reason: 'DataCurrent' },
    expect: { lowCarbon: true, currentIntensity: 200 },
  },
  {
    name: 'history forecast is said so',
    reading: healthy(halfHours([200, 300]), { forecastOrigin: 'history-forecast' }),
    sourceHealthy: { status: 'True', reason: 'FetchSucceeded' },
    ready: { status: 'True', reason: 'DataCurrent' },
    expect: { forecastOrigin: 'history-forecast' },
    message: { type: 'SourceHealthy', match: /forecast is made from recent history/ },
  },
  {
    name: 'one failure with good data before: LastGoodData, reason from the error kind',
    reading: failing(
      { consecutiveFailures: 1 },
      'electricityMaps: GET /v3/carbon-intensity/latest: HTTP 401: the API token was refused',
      good,
    ),
    over: { lastErrorKind: 'auth' },
    sourceHealthy: { status: 'False', reason: 'Unauthorized' },
    ready: { status: 'True', reason: 'LastGoodData' },
    expect: { currentIntensity: 150, lowCarbon: true },
    message: {
      type: 'SourceHealthy',
      match: /HTTP 401: the API token was refused \(1 of 3 failures before the circuit breaker opens\)/,
    },
  },
  {
    name: 'rate limited',
    reading: failing(
      { consecutiveFailures: 2 },
      'wattTime: GET /v3/forecast: HTTP 429: Retry-After 3600 s exceeds 60 s',
      good,
    ),
    over: { lastErrorKind: 'rate-limited' },
    sourceHealthy: { status: 'False', reason: 'RateLimited' },
    ready: { status: 'True', reason: 'LastGoodData' },
  },
  {
    name: 'a first failure with no data: FetchFailed, Ready False with the failure mode',
    reading: failing({ consecutiveFailures: 1 }, 'ukCarbonIntensity: GET /intensity: HTTP 500'),
    over: { lastErrorKind: 'http' },
    sourceHealthy: { status: 'False', reason: 'FetchFailed' },
    ready: { status: 'False', reason: 'SourceUnavailable' },
    absent: ['currentIntensity', 'lowCarbon', 'nextWindow'],
    message: { type: 'Ready', match: /failureMode runAnyway: queued jobs start at once/ },
  },
  {
    name: 'breaker opens: BreakerOpen, last values kept but no lowCarbon claim, an event',
    reading: failing(
      { state: 'open', consecutiveFailures: 3, retryAt: T0 + 10 * M, openedAt: T0 + 5 * M },
      'ukCarbonIntensity: GET /intensity: HTTP 500',
      good,
    ),
    over: { previous: { source: { breakerState: 'closed' } }, params: params({ failureMode: 'wait' }) },
    sourceHealthy: { status: 'False', reason: 'BreakerOpen' },
    ready: { status: 'False', reason: 'SourceUnavailable' },
    expect: {
      currentIntensity: 150,
      source: {
        type: 'ukCarbonIntensity',
        healthy: false,
        breakerState: 'open',
        consecutiveFailures: 3,
        lastError: 'ukCarbonIntensity: GET /intensity: HTTP 500',
      },
    },
    absent: ['lowCarbon', 'nextWindow', 'forecastOrigin'],
    message: {
      type: 'SourceHealthy',
      match:
        /^circuit breaker open after 3 consecutive failed fetches; next trial fetch at 2026-11-25T12:10:00Z; last error: ukCarbonIntensity: GET \/intensity: HTTP 500$/,
    },
    events: [{ type: 'Warning', reason: 'BreakerOpened' }],
  },
  {
    name: 'breaker still open: no second event',
    reading: failing({ state: 'open', consecutiveFailures: 4, retryAt: T0 + 15 * M }, 'x: HTTP 500'),
    over: { previous: { source: { breakerState: 'open' } } },
    sourceHealthy: { status: 'False', reason: 'BreakerOpen' },
    ready: { status: 'False', reason: 'SourceUnavailable' },
    events: [],
  },
  {
    name: 'half-open trial after open: no event, reported as halfOpen',
    reading: failing({ state: 'half-open', consecutiveFailures: 3, probing: true }, 'x: HTTP 500'),
    over: { previous: { source: { breakerState: 'open' } } },
    sourceHealthy: { status: 'False', reason: 'BreakerOpen' },
    ready: { status: 'False', reason: 'SourceUnavailable' },
    expect: {
      source: {
        type: 'ukCarbonIntensity',
        healthy: false,
        breakerState: 'halfOpen',
        consecutiveFailures: 3,
        lastError: 'x: HTTP 500',
      },
    },
    events: [],
  },
  {
    name: 'recovery closes the breaker: an event',
    reading: healthy(halfHours([100, 100])),
    over: { previous: { source: { breakerState: 'halfOpen' } } },
    sourceHealthy: { status: 'True', reason: 'FetchSucceeded' },
    ready: { status: 'True', reason: 'DataCurrent' },
    events: [{ type: 'Normal', reason: 'BreakerClosed' }],
  },
  {
    name: 'Secret missing: blocked, with an event',
    over: {
      params: params(),
      blocked: {
        reason: 'SecretNotFound',
        message: 'spec.source.electricityMaps.tokenSecretRef: Secret ci/em not found',
      },
    },
    sourceHealthy: { status: 'False', reason: 'SecretNotFound' },
    ready: { status: 'False', reason: 'SourceUnavailable' },
    expect: {
      source: {
        healthy: false,
        lastError: 'spec.source.electricityMaps.tokenSecretRef: Secret ci/em not found',
      },
    },
    events: [{ type: 'Warning', reason: 'SecretNotFound' }],
  },
  {
    name: 'invalid spec',
    over: {
      params: undefined,
      blocked: { reason: 'InvalidSpec', message: 'spec.maxDeferral: "4 hours" is not a duration' },
    },
    sourceHealthy: { status: 'False', reason: 'InvalidConfiguration' },
    ready: { status: 'False', reason: 'InvalidSpec' },
    events: [{ type: 'Warning', reason: 'InvalidSpec' }],
  },
];

describe('decideStatus', () => {
  it.each(cases)('$name', (c) => {
    const { status, events } = decideStatus(
      input({ ...(c.reading ? { reading: c.reading } : {}), ...c.over }),
    );
    expect(brief(cond(status, 'SourceHealthy'))).toEqual(c.sourceHealthy);
    expect(brief(cond(status, 'Ready'))).toEqual(c.ready);
    for (const cnd of status.conditions ?? []) expect(cnd.observedGeneration).toBe(4);
    if (c.expect) expect(status).toMatchObject(c.expect);
    if (c.expect?.source) expect(status.source).toEqual(c.expect.source);
    for (const key of c.absent ?? []) expect(status[key], key).toBeUndefined();
    if (c.message) expect(cond(status, c.message.type)?.message).toMatch(c.message.match);
    if (c.events) expect(events.map((e) => ({ type: e.type, reason: e.reason }))).toEqual(c.events);
  });

  it('keeps lastTransitionTime while the status holds, moves it on a change', () => {
    const first = decideStatus(input({ reading: dirtyThenClean, now: T0 }));
    const again = decideStatus(input({ reading: dirtyThenClean, previous: first.status, now: T0 + H }));
    expect(cond(again.status, 'Ready')?.lastTransitionTime).toBe('2026-11-25T12:00:00Z');
    expect(again.status).toEqual(first.status);
    const down = decideStatus(
      input({
        reading: failing({ consecutiveFailures: 1 }, 'x: HTTP 500'),
        previous: again.status,
        now: T0 + 2 * H,
      }),
    );
    expect(cond(down.status, 'Ready')?.lastTransitionTime).toBe('2026-11-25T14:00:00Z');
  });

  it('an unchanged situation gives an identical status later (the window is searched from the fetch time)', () => {
    const a = decideStatus(input({ reading: dirtyThenClean, now: T0 + 6 * M }));
    const b = decideStatus(input({ reading: dirtyThenClean, previous: a.status, now: T0 + 9 * M }));
    expect(b.status).toEqual(a.status);
  });

  it('redacts secrets from messages and lastError', () => {
    const token = 'em-super-secret-token';
    const { status, events } = decideStatus(
      input({
        reading: failing({ state: 'open', consecutiveFailures: 3 }, `electricityMaps: refused ${token}`),
        redact: (t) => t.split(token).join('***'),
      }),
    );
    const text = JSON.stringify({ status, events });
    expect(text).not.toContain(token);
    expect(status.source?.lastError).toBe('electricityMaps: refused ***');
  });
});

describe('decideStatus: mode Observe', () => {
  const observe = params({ mode: 'Observe' });
  it.each([
    ['Enforce, nothing observed: no field, no event', params(), undefined, undefined, undefined, []],
    ['Observe, nothing observed yet: 0', observe, { count: 0 }, undefined, 0, []],
    [
      'Observe, a new observed deferral: the count and a WouldDefer event with the latest explanation',
      observe,
      { count: 2, latest: 'Observe mode: Enforce would defer job 9 (Deferred: …); it starts now' },
      1,
      2,
      [
        'WouldDefer: 2 jobs in the last 24 h would have been deferred by Enforce; latest: Observe mode: Enforce would defer job 9 (Deferred: …); it starts now',
      ],
    ],
    ['Observe, the same count again: no new event', observe, { count: 2, latest: 'x' }, 2, 2, []],
    [
      'Observe, older deferrals aging out: a lower count, no event',
      observe,
      { count: 1, latest: 'x' },
      2,
      1,
      [],
    ],
    [
      'back to Enforce with deferrals still in the window: the count stays visible',
      params(),
      { count: 1, latest: 'x' },
      1,
      1,
      [],
    ],
  ] as const)('%s', (_name, p, observed, before, expected, events) => {
    const d = decideStatus(
      input({
        params: p,
        reading: dirtyThenClean,
        ...(observed ? { observed } : {}),
        ...(before !== undefined ? { previous: { observedDeferrals: before } } : {}),
      }),
    );
    expect(d.status.observedDeferrals).toBe(expected);
    expect(d.events.filter((e) => e.reason === 'WouldDefer').map((e) => `${e.reason}: ${e.message}`)).toEqual(
      events,
    );
  });
});
