/**
 * The CarbonPolicy reconciler: observe (the policy from the cache, its Secret, a fetch from its source when one is
 * due, the jobs deferred over its pools) → decide (status.ts, pure) → act (merge-patch /status when it changed,
 * record Events, set metrics, wake the policy's pools when the data the gate decides with changed). Requeues at the
 * next refresh, or at the breaker's next trial when that is sooner.
 *
 * It also serves the gate (gate.ts): `data()` gives the parameters and the data of a policy, fetching once when
 * the gate asks before the first reconcile did. Only reconciles poll the source; the gate never does, so a failing
 * source is not hammered by pool reconciles.
 *
 * Size: one class; observe, act and the gate's `data()` share the per-policy fetch state (last fetch, breaker,
 * in-flight fetch), which must not be duplicated. The pure status decision is in status.ts.
 */
import { randomBytes } from 'node:crypto';
import type { CoreV1Event } from '@kubernetes/client-node';
import {
  API_VERSION,
  CARBON_POLICY_KIND,
  type CarbonPolicy,
  type CarbonSourceType,
} from '../../api/v1alpha1/index.js';
import type { HttpOptions } from '../../carbon/providers/http.js';
import { ProviderError } from '../../carbon/providers/index.js';
import type { CarbonReading } from '../../carbon/source.js';
import { errorMessage } from '../../kube/api.js';
import type { Logger } from '../../kube/informer.js';
import { silentLogger } from '../../kube/informer.js';
import type { ControllerMetrics } from '../metrics.js';
import type { PolicyData } from './admission.js';
import { policyData } from './data.js';
import type { GatePool } from './gate.js';
import { InvalidPolicyError, type PolicyParams, resolvePolicyParams } from './params.js';
import { mergePatchBetween } from './patch.js';
import {
  type BuiltSource,
  buildSource,
  CredentialsError,
  type ReadSecret,
  readCredentials,
  redactor,
  secretValues,
  sourceFingerprint,
  withBaseUrls,
} from './sources.js';
import { type Blocked, decideStatus, type PolicyEvent, statusBreakerState } from './status.js';

/** What the reconciler reads from caches. */
export interface PolicyCaches {
  policy(namespace: string, name: string): CarbonPolicy | undefined;
  /** Pools whose carbonPolicyRef names the policy, with their status.deferredJobs. */
  poolsOf(namespace: string, policy: string): (GatePool & { status?: { deferredJobs?: number } })[];
}

/** The writes the reconciler makes (an interface, so unit tests need no apiserver). */
export interface PolicyWriter {
  readSecret: ReadSecret;
  /** Merge-patches `.status` through the /status subresource. */
  patchStatus(namespace: string, name: string, patch: Record<string, unknown>): Promise<void>;
  createEvent(namespace: string, event: CoreV1Event): Promise<void>;
}

export interface CarbonPolicyReconcilerOptions {
  caches: PolicyCaches;
  writer: PolicyWriter;
  metrics?: ControllerMetrics;
  logger?: Logger;
  now?: () => number;
  /** reportingInstance of Events. */
  identity?: string;
  /** Base URL per provider for policies without their own `apiUrl` (air-gapped mirrors, test fakes). */
  apiBaseUrls?: Partial<Record<'ukCarbonIntensity' | 'electricityMaps' | 'wattTime', string>>;
  /** Provider HTTP timeouts and retries. */
  http?: HttpOptions;
  /**
   * Poll at least this often whatever `spec.refreshInterval` says (the CRD's minimum is 30 s). For tests and
   * demos; unset in production.
   */
  maxRefreshIntervalMs?: number;
  /** Called for each pool of a policy whose decision data changed, to have the pool reconciled again. */
  onDataChanged?: (namespace: string, pool: string) => void;
  /** mode Observe: the gate's count of deferrals Enforce would have made (gate.observedDeferrals). */
  observed?: (namespace: string, policy: string, now: number) => { count: number; latest?: string };
}

interface PolicyState {
  generation?: number;
  params?: PolicyParams;
  sourceType?: CarbonSourceType;
  blocked?: Blocked;
  fingerprint?: string;
  built?: BuiltSource;
  reading?: CarbonReading;
  /** Kind of the last failed fetch (for the SourceHealthy reason). */
  lastErrorKind?: ProviderError['kind'];
  nextFetchAt: number;
  redact: (text: string) => string;
  fetching?: Promise<void>;
  /** Summary of the data the gate decided with, to notice a change. */
  dataSignature?: string;
  /** Pools seen referencing the policy, to clear their metrics / wake them. */
  sourceLabel?: string;
}

export interface ReconcileResult {
  requeueAfterMs?: number;
}

const MIN_REQUEUE_MS = 200;

export class CarbonPolicyReconciler {
  private readonly o: CarbonPolicyReconcilerOptions;
  private readonly logger: Logger;
  private readonly now: () => number;
  private readonly states = new Map<string, PolicyState>();

  constructor(options: CarbonPolicyReconcilerOptions) {
    this.o = options;
    this.logger = options.logger ?? silentLogger;
    this.now = options.now ?? Date.now;
  }

  async reconcile(key: string): Promise<ReconcileResult> {
    const [namespace, name] = splitKey(key);
    const policy = this.o.caches.policy(namespace, name);
    if (!policy) {
      this.forget(namespace, name);
      return {};
    }
    const state = this.stateOf(key);
    // observe
    await this.refresh(state, policy, namespace);
    const pools = this.o.caches.poolsOf(namespace, name);
    const deferredJobs = pools.reduce((n, p) => n + (p.status?.deferredJobs ?? 0), 0);
    const now = this.now();
    // decide
    const { status, events } = decideStatus({
      generation: generationOf(policy),
      previous: policy.status,
      deferredJobs,
      now,
      redact: state.redact,
      ...(this.o.observed ? { observed: this.o.observed(namespace, name, now) } : {}),
      ...(state.params ? { params: state.params } : {}),
      ...(state.sourceType ? { sourceType: state.sourceType } : {}),
      ...(state.blocked ? { blocked: state.blocked } : {}),
      ...(state.reading ? { reading: state.reading } : {}),
      ...(state.built ? { health: state.built.source.health() } : {}),
      ...(state.lastErrorKind ? { lastErrorKind: state.lastErrorKind } : {}),
    });
    // act
    const patch = mergePatchBetween(policy.status ?? {}, status);
    if (patch) await this.o.writer.patchStatus(namespace, name, patch);
    for (const e of events) await this.recordEvent(policy, e, now);
    this.recordMetrics(namespace, name, state, status.deferredJobs ?? 0, status.lowCarbon);
    const signature = dataSignature(state);
    if (signature !== state.dataSignature) {
      state.dataSignature = signature;
      // Pools re-ask the gate on every reconcile; new data is a reason to reconcile them now.
      for (const p of pools) this.o.onDataChanged?.(namespace, p.metadata.name);
    }
    return { requeueAfterMs: this.requeueAfter(state, now) };
  }

  /** Parameters and data of a policy for the gate; fetches once if the gate asks before any reconcile did. */
  async data(
    namespace: string,
    name: string,
  ): Promise<{ params?: PolicyParams; data: PolicyData; invalid?: string }> {
    const key = `${namespace}/${name}`;
    const policy = this.o.caches.policy(namespace, name);
    const state = this.stateOf(key);
    if (policy && !state.reading && !state.blocked) {
      try {
        await this.refresh(state, policy, namespace);
      } catch (err) {
        // The gate never fails a pool reconcile for want of carbon data: the failure mode decides.
        const why = state.redact(errorMessage(err));
        return state.params
          ? { params: state.params, data: { usable: false, why } }
          : { data: { usable: false, why }, invalid: why };
      }
    }
    const data = policyData(state.reading);
    const redacted: PolicyData = data.usable ? data : { usable: false, why: state.redact(data.why) };
    if (state.blocked) {
      const blockedData: PolicyData = { usable: false, why: state.redact(state.blocked.message) };
      return state.params
        ? { params: state.params, data: blockedData }
        : { data: blockedData, invalid: state.redact(state.blocked.message) };
    }
    return state.params ? { params: state.params, data: redacted } : { data: redacted };
  }

  /** Drops a deleted policy's client, state and metric series. */
  forget(namespace: string, name: string): void {
    const key = `${namespace}/${name}`;
    const state = this.states.get(key);
    this.states.delete(key);
    const m = this.o.metrics;
    if (!m) return;
    const labels = { namespace, policy: name };
    m.carbonIntensity.remove(labels);
    m.carbonLowCarbon.remove(labels);
    m.carbonDeferredJobs.remove(labels);
    if (state?.sourceLabel) m.carbonSourceHealthy.remove({ ...labels, source: state.sourceLabel });
    for (const s of ['closed', 'open', 'half_open']) m.carbonBreakerState.remove({ ...labels, state: s });
  }

  private stateOf(key: string): PolicyState {
    let state = this.states.get(key);
    if (!state) {
      state = { nextFetchAt: Number.NEGATIVE_INFINITY, redact: (t) => t };
      this.states.set(key, state);
    }
    return state;
  }

  /** Resolves the spec and credentials and fetches, when the spec changed or a fetch is due (one at a time). */
  private async refresh(state: PolicyState, policy: CarbonPolicy, namespace: string): Promise<void> {
    const generation = generationOf(policy);
    const now = this.now();
    const retryAt = state.built?.source.health().breaker.retryAt;
    const due =
      now >= state.nextFetchAt ||
      state.generation !== generation ||
      (retryAt !== undefined && now >= retryAt);
    if (!due) return;
    if (state.fetching) return state.fetching;
    state.fetching = this.doRefresh(state, policy, namespace, generation).finally(() => {
      state.fetching = undefined;
    });
    return state.fetching;
  }

  private async doRefresh(
    state: PolicyState,
    policy: CarbonPolicy,
    namespace: string,
    generation: number,
  ): Promise<void> {
    const what = `${namespace}/${policy.metadata.name}`;
    state.generation = generation;
    let params: PolicyParams;
    try {
      params = resolvePolicyParams(policy.spec);
    } catch (err) {
      if (!(err instanceof InvalidPolicyError)) throw err;
      this.block(state, { reason: 'InvalidSpec', message: err.message });
      delete state.params;
      return;
    }
    state.params = params;
    state.sourceType = params.sourceType;
    const refreshMs = Math.min(
      params.refreshIntervalMs,
      this.o.maxRefreshIntervalMs ?? Number.POSITIVE_INFINITY,
    );
    const source = withBaseUrls(policy.spec.source, this.o.apiBaseUrls);
    let credentials: Awaited<ReturnType<typeof readCredentials>>;
    try {
      credentials = await readCredentials(source, namespace, this.o.writer.readSecret);
    } catch (err) {
      if (!(err instanceof CredentialsError)) {
        // The apiserver did not answer: try again soon, keeping what we have.
        state.nextFetchAt = this.now() + Math.min(refreshMs, 5_000);
        throw new Error(`CarbonPolicy ${what}: reading its Secret failed: ${errorMessage(err)}`);
      }
      this.block(state, err.blocked, refreshMs);
      return;
    }
    state.redact = redactor(secretValues(credentials));
    const settings = {
      breaker: params.breaker,
      forecastHorizonMs: params.forecastHorizonMs,
      refreshIntervalMs: refreshMs,
    };
    const fingerprint = sourceFingerprint(source, settings, credentials);
    if (fingerprint !== state.fingerprint || !state.built) {
      try {
        state.built = buildSource(source, credentials, settings, {
          ...(this.o.http ? { http: this.o.http } : {}),
          clock: this.now,
        });
      } catch (err) {
        const message = err instanceof ProviderError ? err.message : String(err);
        this.block(state, { reason: 'InvalidConfiguration', message: `spec.source: ${message}` }, refreshMs);
        return;
      }
      state.fingerprint = fingerprint;
      delete state.reading;
      delete state.lastErrorKind;
      this.logger.info('carbon source (re)built', { policy: what, source: params.sourceType });
    }
    delete state.blocked;
    const built = state.built;
    const callsBefore = built.provider.calls;
    const reading = await built.source.read();
    const called = built.provider.calls !== callsBefore;
    state.reading = reading;
    if (reading.healthy) delete state.lastErrorKind;
    else if (called && built.provider.lastErrorKind) state.lastErrorKind = built.provider.lastErrorKind;
    const fetchedAt = reading.healthy && reading.fetchedAt !== undefined ? reading.fetchedAt : this.now();
    state.nextFetchAt = fetchedAt + refreshMs;
    const result = reading.healthy
      ? 'success'
      : !called
        ? 'breaker_open'
        : (state.lastErrorKind ?? 'network').replace('-', '_');
    this.o.metrics?.carbonSourceFetches.inc({ namespace, policy: policy.metadata.name, result });
    if (!reading.healthy) {
      this.logger.warn('carbon source fetch failed', {
        policy: what,
        source: params.sourceType,
        result,
        error: state.redact(reading.health.lastError ?? reading.notes.join('; ')),
      });
    }
  }

  private block(state: PolicyState, blocked: Blocked, retryMs = 30_000): void {
    state.blocked = blocked;
    delete state.built;
    delete state.fingerprint;
    delete state.reading;
    state.nextFetchAt = this.now() + retryMs;
  }

  private requeueAfter(state: PolicyState, now: number): number {
    let at = state.nextFetchAt;
    const retryAt = state.built?.source.health().breaker.retryAt;
    if (retryAt !== undefined && retryAt < at) at = retryAt;
    return Math.max(MIN_REQUEUE_MS, at - now);
  }

  private recordMetrics(
    namespace: string,
    name: string,
    state: PolicyState,
    deferredJobs: number,
    lowCarbon: boolean | undefined,
  ): void {
    const m = this.o.metrics;
    if (!m) return;
    const labels = { namespace, policy: name };
    m.carbonDeferredJobs.set(labels, deferredJobs);
    const current = state.reading?.healthy ? state.reading.current : undefined;
    if (current) m.carbonIntensity.set(labels, current.value);
    if (lowCarbon !== undefined) m.carbonLowCarbon.set(labels, lowCarbon ? 1 : 0);
    else m.carbonLowCarbon.remove(labels);
    const source = state.sourceType ?? 'unknown';
    if (state.sourceLabel && state.sourceLabel !== source) {
      m.carbonSourceHealthy.remove({ ...labels, source: state.sourceLabel });
    }
    state.sourceLabel = source;
    const health = state.built?.source.health();
    m.carbonSourceHealthy.set({ ...labels, source }, health?.healthy && !state.blocked ? 1 : 0);
    const breaker = health ? statusBreakerState(health.breaker.state) : undefined;
    for (const [s, metricState] of [
      ['closed', 'closed'],
      ['open', 'open'],
      ['halfOpen', 'half_open'],
    ] as const) {
      m.carbonBreakerState.set({ ...labels, state: metricState }, breaker === s ? 1 : 0);
    }
  }

  private async recordEvent(policy: CarbonPolicy, e: PolicyEvent, now: number): Promise<void> {
    const namespace = policy.metadata.namespace ?? '';
    const time = new Date(Math.floor(now / 1000) * 1000);
    const event: CoreV1Event = {
      apiVersion: 'v1',
      kind: 'Event',
      metadata: {
        name: `${policy.metadata.name.slice(0, 200)}.${now.toString(16)}${randomBytes(4).toString('hex')}`,
        namespace,
      },
      involvedObject: {
        apiVersion: API_VERSION,
        kind: CARBON_POLICY_KIND,
        name: policy.metadata.name,
        namespace,
        ...((policy.metadata as { uid?: string }).uid
          ? { uid: (policy.metadata as { uid?: string }).uid }
          : {}),
      },
      reason: e.reason,
      message: e.message.slice(0, 1024),
      type: e.type,
      count: 1,
      firstTimestamp: time,
      lastTimestamp: time,
      source: { component: 'ai-ci-controller' },
      reportingComponent: 'ai-ci.dev/ai-ci-controller',
      reportingInstance: (this.o.identity ?? 'ai-ci-controller').slice(0, 128),
    };
    try {
      await this.o.writer.createEvent(namespace, event);
    } catch (err) {
      // Events are best effort; a failed one must not fail the reconcile.
      this.logger.debug('event not recorded', {
        policy: policy.metadata.name,
        reason: e.reason,
        error: errorMessage(err),
      });
    }
  }
}

/** metadata.generation, which the schema's ObjectMeta leaves out (the apiserver sets it). */
function generationOf(policy: CarbonPolicy): number {
  return (policy.metadata as { generation?: number }).generation ?? 0;
}

function splitKey(key: string): [string, string] {
  const i = key.indexOf('/');
  if (i < 0) throw new Error(`CarbonPolicy key "${key}" is not namespace/name`);
  return [key.slice(0, i), key.slice(i + 1)];
}

/** What the gate's decisions depend on: data usability and the forecast (values and times). */
function dataSignature(state: PolicyState): string {
  if (state.blocked) return `blocked:${state.blocked.reason}`;
  const data = policyData(state.reading);
  if (!data.usable) return 'unusable';
  let h = 0;
  for (const p of data.forecast) {
    h = (Math.imul(h, 31) + p.start) | 0;
    h = (Math.imul(h, 31) + p.end) | 0;
    h = (Math.imul(h, 31) + Math.round(p.value * 100)) | 0;
  }
  return `usable:${data.forecast.length}:${h}`;
}
