/**
 * Circuit breaker for one carbon source: closed → (failureThreshold consecutive failures) → open →
 * (openDuration elapsed) → half-open → one probe → closed on success, open again on failure.
 * While open, the source is not called at all (a dead API is not hammered, and every reconcile answers at once);
 * the CarbonPolicy's failure mode decides what jobs do meanwhile.
 *
 * `transition` is the pure state machine (time comes in as an argument); `CircuitBreaker` wraps it with an
 * injected clock for callers that hold state.
 */

export type BreakerState = 'closed' | 'open' | 'half-open';

export interface BreakerConfig {
  /** Consecutive failures that open the breaker (CRD `circuitBreaker.failureThreshold`). */
  failureThreshold: number;
  /** How long it stays open before one probe is let through (CRD `circuitBreaker.openDuration`), ms. */
  openDurationMs: number;
}

export const DEFAULT_BREAKER: BreakerConfig = { failureThreshold: 3, openDurationMs: 5 * 60_000 };

/** The breaker's whole state: plain data, for status and metrics. */
export interface BreakerSnapshot {
  state: BreakerState;
  consecutiveFailures: number;
  /** When the breaker last opened, epoch ms. */
  openedAt?: number;
  /** When a probe may be let through, epoch ms (open state only). */
  retryAt?: number;
  /** A half-open probe is in flight: further calls wait for its outcome. */
  probing: boolean;
  /** Short description of the last failure (no secrets: provider errors never carry them). */
  lastError?: string;
  lastFailureAt?: number;
  lastSuccessAt?: number;
  /** How many times the breaker has opened since start (a counter for metrics). */
  timesOpened: number;
}

export type BreakerEvent =
  | { type: 'request'; now: number }
  | { type: 'success'; now: number }
  | { type: 'failure'; now: number; error: string };

export const initialBreaker = (): BreakerSnapshot => ({
  state: 'closed',
  consecutiveFailures: 0,
  probing: false,
  timesOpened: 0,
});

/**
 * The state machine. For `request`, `allowed` tells whether the call may go ahead (an open breaker past its
 * openDuration turns half-open and lets exactly this one call through as the probe).
 */
export function transition(
  s: BreakerSnapshot,
  event: BreakerEvent,
  config: BreakerConfig,
): { next: BreakerSnapshot; allowed: boolean } {
  switch (event.type) {
    case 'request': {
      if (s.state === 'closed') return { next: s, allowed: true };
      if (s.state === 'open') {
        if (event.now < (s.retryAt ?? 0)) return { next: s, allowed: false };
        const { retryAt: _r, ...rest } = s;
        return { next: { ...rest, state: 'half-open', probing: true }, allowed: true };
      }
      // half-open: one probe at a time.
      if (s.probing) return { next: s, allowed: false };
      return { next: { ...s, probing: true }, allowed: true };
    }
    case 'success': {
      const { openedAt: _o, retryAt: _r, ...rest } = s;
      return {
        next: { ...rest, state: 'closed', consecutiveFailures: 0, probing: false, lastSuccessAt: event.now },
        allowed: true,
      };
    }
    case 'failure': {
      const failures = s.consecutiveFailures + 1;
      const base = {
        ...s,
        consecutiveFailures: failures,
        probing: false,
        lastError: event.error,
        lastFailureAt: event.now,
      };
      const opens = s.state === 'half-open' || (s.state === 'closed' && failures >= config.failureThreshold);
      if (opens) {
        return {
          next: {
            ...base,
            state: 'open',
            openedAt: event.now,
            retryAt: event.now + config.openDurationMs,
            timesOpened: s.timesOpened + 1,
          },
          allowed: true,
        };
      }
      return { next: base, allowed: true };
    }
  }
}

/** A breaker holding its own state, reading time from an injected clock. */
export class CircuitBreaker {
  private s = initialBreaker();

  constructor(
    readonly config: BreakerConfig = DEFAULT_BREAKER,
    private readonly clock: () => number = Date.now,
  ) {
    if (!(config.failureThreshold >= 1))
      throw new Error('circuitBreaker.failureThreshold must be at least 1');
    if (!(config.openDurationMs >= 0)) throw new Error('circuitBreaker.openDuration must not be negative');
  }

  /** Asks to make a call; false means the breaker is open (or a probe is already in flight): don't call. */
  tryAcquire(): boolean {
    const { next, allowed } = transition(this.s, { type: 'request', now: this.clock() }, this.config);
    this.s = next;
    return allowed;
  }

  recordSuccess(): void {
    this.s = transition(this.s, { type: 'success', now: this.clock() }, this.config).next;
  }

  recordFailure(error: string): void {
    this.s = transition(this.s, { type: 'failure', now: this.clock(), error }, this.config).next;
  }

  snapshot(): BreakerSnapshot {
    return { ...this.s };
  }
}
