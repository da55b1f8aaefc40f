import { describe, expect, it } from 'vitest';
import {
  type BreakerEvent,
  type BreakerSnapshot,
  CircuitBreaker,
  initialBreaker,
  transition,
} from '../../src/carbon/breaker.js';

const config = { failureThreshold: 3, openDurationMs: 60_000 };

/** Runs events through the pure machine; returns the states and the `allowed` answers of requests. */
function run(events: BreakerEvent[]): { states: string[]; allowed: boolean[]; last: BreakerSnapshot } {
  let s = initialBreaker();
  const states: string[] = [];
  const allowed: boolean[] = [];
  for (const e of events) {
    const r = transition(s, e, config);
    s = r.next;
    states.push(s.state);
    if (e.type === 'request') allowed.push(r.allowed);
  }
  return { states, allowed, last: s };
}

const req = (now: number): BreakerEvent => ({ type: 'request', now });
const ok = (now: number): BreakerEvent => ({ type: 'success', now });
const fail = (now: number, error = 'HTTP 500'): BreakerEvent => ({ type: 'failure', now, error });

describe('breaker state machine', () => {
  it.each<[string, BreakerEvent[], string[], boolean[]]>([
    [
      'stays closed on successes',
      [req(0), ok(1), req(2), ok(3)],
      ['closed', 'closed', 'closed', 'closed'],
      [true, true],
    ],
    [
      'opens after N consecutive failures',
      [req(0), fail(1), req(2), fail(3), req(4), fail(5)],
      ['closed', 'closed', 'closed', 'closed', 'closed', 'open'],
      [true, true, true],
    ],
    [
      'a success resets the count',
      [fail(1), fail(2), ok(3), fail(4), fail(5)],
      ['closed', 'closed', 'closed', 'closed', 'closed'],
      [],
    ],
    [
      'refuses calls while open',
      [fail(0), fail(0), fail(0), req(1), req(59_999)],
      ['closed', 'closed', 'open', 'open', 'open'],
      [false, false],
    ],
    [
      'half-open after openDuration lets exactly one probe through',
      [fail(0), fail(0), fail(0), req(60_000), req(60_001)],
      ['closed', 'closed', 'open', 'half-open', 'half-open'],
      [true, false],
    ],
    [
      'a successful probe closes',
      [fail(0), fail(0), fail(0), req(60_000), ok(60_100), req(60_200)],
      ['closed', 'closed', 'open', 'half-open', 'closed', 'closed'],
      [true, true],
    ],
    [
      'a failed probe opens again for another openDuration',
      [fail(0), fail(0), fail(0), req(60_000), fail(60_100), req(120_099), req(120_100)],
      ['closed', 'closed', 'open', 'half-open', 'open', 'open', 'half-open'],
      [true, false, true],
    ],
  ])('%s', (_name, events, states, allowed) => {
    const r = run(events);
    expect(r.states).toEqual(states);
    expect(r.allowed).toEqual(allowed);
  });

  it('keeps what status and metrics need', () => {
    const { last } = run([ok(5), fail(10, 'timeout after 10s'), fail(20), fail(30, 'HTTP 503'), req(40)]);
    expect(last).toEqual({
      state: 'open',
      consecutiveFailures: 3,
      probing: false,
      openedAt: 30,
      retryAt: 60_030,
      lastError: 'HTTP 503',
      lastFailureAt: 30,
      lastSuccessAt: 5,
      timesOpened: 1,
    });
    const closed = transition(transition(last, req(60_030), config).next, ok(60_031), config).next;
    expect(closed).toMatchObject({
      state: 'closed',
      consecutiveFailures: 0,
      lastSuccessAt: 60_031,
      timesOpened: 1,
    });
    expect(closed.openedAt).toBeUndefined();
    expect(closed.retryAt).toBeUndefined();
  });

  it('with threshold 1, one failure opens', () => {
    const r = transition(initialBreaker(), fail(0), { failureThreshold: 1, openDurationMs: 10 });
    expect(r.next.state).toBe('open');
  });
});

describe('CircuitBreaker', () => {
  it('follows the injected clock', () => {
    let now = 0;
    const b = new CircuitBreaker(config, () => now);
    for (let i = 0; i < 3; i++) {
      expect(b.tryAcquire()).toBe(true);
      b.recordFailure('HTTP 500');
    }
    expect(b.snapshot().state).toBe('open');
    now = 59_999;
    expect(b.tryAcquire()).toBe(false);
    now = 60_000;
    expect(b.tryAcquire()).toBe(true);
    expect(b.snapshot().state).toBe('half-open');
    expect(b.tryAcquire()).toBe(false);
    b.recordSuccess();
    expect(b.snapshot()).toMatchObject({ state: 'closed', consecutiveFailures: 0, lastSuccessAt: 60_000 });
  });

  it('rejects a nonsensical config', () => {
    expect(() => new CircuitBreaker({ failureThreshold: 0, openDurationMs: 1 })).toThrow(/failureThreshold/);
    expect(() => new CircuitBreaker({ failureThreshold: 1, openDurationMs: -1 })).toThrow(/openDuration/);
  });
});
