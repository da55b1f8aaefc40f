/**
 * Leader election with a coordination.k8s.io/v1 Lease, after client-go's leaderelection package (the client has
 * no helper; the small npm ones are unmaintained). One replica holds the Lease and renews it every retry
 * period; the others poll it and take it over once it has gone unrenewed for the Lease's own
 * `leaseDurationSeconds`, measured on *their* clock from when they last saw it change (so clock skew between
 * replicas does not matter). A leader that cannot renew within `renewDeadline` steps down before the Lease can
 * expire for the others. On shutdown the leader releases the Lease (empty holder, duration 1 s) so a standby takes
 * over at once.
 *
 * Pitfall handled: `acquireTime`/`renewTime` are MicroTime; they must be sent as V1MicroTime (six fractional
 * digits) — a plain Date serialises with milliseconds and the apiserver rejects it with 400.
 */
import { CoordinationV1Api, type KubeConfig, type V1Lease, V1MicroTime } from '@kubernetes/client-node';
import { isConflict, isNotFound, statusCode } from './api.js';
import { type Logger, silentLogger } from './informer.js';

export interface LeaderElectorOptions {
  kubeConfig: KubeConfig;
  namespace: string;
  name: string;
  /** Unique per replica, e.g. the Pod name plus a random suffix. */
  identity: string;
  /** How long a Lease is valid after its last renewal (written into the Lease). Default 15 s. */
  leaseDurationMs?: number;
  /** A leader steps down when it could not renew for this long. Must be < leaseDuration. Default 10 s. */
  renewDeadlineMs?: number;
  /** Interval between acquire/renew attempts. Default 2 s. */
  retryPeriodMs?: number;
  onStartedLeading: () => void;
  onStoppedLeading: () => void;
  onNewLeader?: (identity: string) => void;
  logger?: Logger;
  /** Injectable for tests. */
  api?: Pick<CoordinationV1Api, 'readNamespacedLease' | 'createNamespacedLease' | 'replaceNamespacedLease'>;
  now?: () => number;
}

function toMs(t: unknown): number | undefined {
  if (t === undefined || t === null) return undefined;
  const ms = t instanceof Date ? t.getTime() : Date.parse(String(t));
  return Number.isFinite(ms) ? ms : undefined;
}

export class LeaderElector {
  private readonly api: NonNullable<LeaderElectorOptions['api']>;
  private readonly now: () => number;
  private readonly logger: Logger;
  private readonly leaseDurationMs: number;
  private readonly renewDeadlineMs: number;
  private readonly retryPeriodMs: number;
  private leading = false;
  private stopped = false;
  private timer: NodeJS.Timeout | undefined;
  private loop: Promise<void> | undefined;
  private wake: (() => void) | undefined;
  /** The Lease as last seen, and when (local clock) it last changed. */
  private observed: { holder: string; renewTime: string; resourceVersion: string } | undefined;
  private observedAt = 0;
  private lastRenewAt = 0;
  private knownLeader = '';

  constructor(private readonly options: LeaderElectorOptions) {
    this.api = options.api ?? options.kubeConfig.makeApiClient(CoordinationV1Api);
    this.now = options.now ?? Date.now;
    this.logger = options.logger ?? silentLogger;
    this.leaseDurationMs = options.leaseDurationMs ?? 15_000;
    this.renewDeadlineMs = options.renewDeadlineMs ?? 10_000;
    this.retryPeriodMs = options.retryPeriodMs ?? 2_000;
    if (this.renewDeadlineMs >= this.leaseDurationMs) {
      throw new Error('leader election: renewDeadline must be shorter than leaseDuration');
    }
  }

  get isLeader(): boolean {
    return this.leading;
  }

  /** The holder of the Lease as last observed ('' when none). */
  get leader(): string {
    return this.knownLeader;
  }

  /** Starts the acquire/renew loop in the background. */
  start(): void {
    if (this.loop) return;
    this.stopped = false;
    this.loop = this.run();
  }

  private async run(): Promise<void> {
    while (!this.stopped) {
      await this.tick();
      if (this.stopped) break;
      await new Promise<void>((resolve) => {
        this.wake = resolve;
        this.timer = setTimeout(resolve, this.retryPeriodMs);
      });
    }
  }

  /** One acquire-or-renew attempt, and stepping down when renewals have failed for renewDeadline. */
  async tick(): Promise<void> {
    let ok = false;
    try {
      ok = await this.tryAcquireOrRenew();
    } catch (err) {
      this.logger.warn('leader election: Lease request failed', {
        lease: `${this.options.namespace}/${this.options.name}`,
        status: statusCode(err),
        error: err instanceof Error ? err.message : String(err),
      });
    }
    if (ok) {
      this.lastRenewAt = this.now();
      if (!this.leading && !this.stopped) {
        this.leading = true;
        this.logger.info('leader election: became leader', { identity: this.options.identity });
        this.options.onStartedLeading();
      }
    } else if (this.leading && this.now() - this.lastRenewAt >= this.renewDeadlineMs) {
      this.stepDown('could not renew the Lease within the renew deadline');
    } else if (this.leading && this.knownLeader !== '' && this.knownLeader !== this.options.identity) {
      this.stepDown(`the Lease is held by ${this.knownLeader}`);
    }
  }

  private stepDown(why: string): void {
    if (!this.leading) return;
    this.leading = false;
    this.logger.warn(`leader election: stepping down: ${why}`, { identity: this.options.identity });
    this.options.onStoppedLeading();
  }

  private leaseBody(existing: V1Lease | undefined, now: number): V1Lease {
    const holder = existing?.spec?.holderIdentity ?? '';
    const transitions = existing?.spec?.leaseTransitions ?? 0;
    const takingOver = holder !== this.options.identity;
    const nowMicro = new V1MicroTime(now);
    const acquireTime = takingOver ? nowMicro : existing?.spec?.acquireTime;
    return {
      apiVersion: 'coordination.k8s.io/v1',
      kind: 'Lease',
      metadata: {
        name: this.options.name,
        namespace: this.options.namespace,
        ...(existing?.metadata?.resourceVersion
          ? { resourceVersion: existing.metadata.resourceVersion }
          : {}),
      },
      spec: {
        holderIdentity: this.options.identity,
        leaseDurationSeconds: Math.ceil(this.leaseDurationMs / 1000),
        acquireTime: acquireTime ? new V1MicroTime(toMs(acquireTime) ?? now) : nowMicro,
        renewTime: nowMicro,
        leaseTransitions: existing && takingOver && holder !== '' ? transitions + 1 : transitions,
      },
    };
  }

  private async tryAcquireOrRenew(): Promise<boolean> {
    const { namespace, name, identity } = this.options;
    const now = this.now();
    let lease: V1Lease | undefined;
    try {
      lease = await this.api.readNamespacedLease({ name, namespace });
    } catch (err) {
      if (!isNotFound(err)) throw err;
    }
    if (!lease) {
      try {
        await this.api.createNamespacedLease({ namespace, body: this.leaseBody(undefined, now) });
      } catch (err) {
        if (isConflict(err)) return false; // another replica created it first
        throw err;
      }
      this.observe(identity, String(now), '');
      return true;
    }
    const spec = lease.spec ?? {};
    const holder = spec.holderIdentity ?? '';
    const renewTime = String(toMs(spec.renewTime) ?? '');
    const rv = lease.metadata?.resourceVersion ?? '';
    if (!this.observed || this.observed.holder !== holder || this.observed.renewTime !== renewTime) {
      this.observe(holder, renewTime, rv);
    }
    const durationMs = (spec.leaseDurationSeconds ?? Math.ceil(this.leaseDurationMs / 1000)) * 1000;
    const expired = now >= this.observedAt + durationMs;
    if (holder !== '' && holder !== identity && !expired) return false;
    try {
      const updated = await this.api.replaceNamespacedLease({
        name,
        namespace,
        body: this.leaseBody(lease, now),
      });
      this.observe(
        identity,
        String(toMs(updated.spec?.renewTime) ?? now),
        updated.metadata?.resourceVersion ?? '',
      );
      return true;
    } catch (err) {
      if (isConflict(err)) return false; // someone else wrote it since we read it
      throw err;
    }
  }

  private observe(holder: string, renewTime: string, resourceVersion: string): void {
    this.observed = { holder, renewTime, resourceVersion };
    this.observedAt = this.now();
    if (holder !== this.knownLeader) {
      this.knownLeader = holder;
      if (holder !== '') this.options.onNewLeader?.(holder);
    }
  }

  /** Stops the loop without releasing the Lease (a crash, for tests): others wait for it to expire. */
  abandon(): void {
    this.stopped = true;
    this.leading = false;
    if (this.timer) clearTimeout(this.timer);
    this.wake?.();
  }

  /** Stops the loop; a leader releases the Lease so a standby can take over without waiting for expiry. */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.wake?.();
    await this.loop;
    this.loop = undefined;
    if (!this.leading) return;
    this.leading = false;
    try {
      const { namespace, name } = this.options;
      const lease = await this.api.readNamespacedLease({ name, namespace });
      if (lease.spec?.holderIdentity === this.options.identity) {
        const now = new V1MicroTime(this.now());
        await this.api.replaceNamespacedLease({
          name,
          namespace,
          body: {
            ...lease,
            spec: {
              ...lease.spec,
              holderIdentity: '',
              leaseDurationSeconds: 1,
              renewTime: now,
              acquireTime: now,
            },
          },
        });
      }
      this.logger.info('leader election: released the Lease', { identity: this.options.identity });
    } catch (err) {
      this.logger.warn('leader election: could not release the Lease', {
        error: err instanceof Error ? err.message : String(err),
      });
    }
    this.options.onStoppedLeading();
  }
}
