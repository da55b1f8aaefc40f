/**
 * The scale-set demand source: for every RunnerPool with `spec.github.demandSource: scaleSet`, the leader keeps a
 * runner scale set named after the pool (labels = the pool's labels, in its runner group) on the GitHub Actions
 * service, holds its one message session and long-polls its queue over outbound HTTPS: no webhook endpoint is
 * needed. This is the protocol of ARC's `gha-runner-scale-set` listener (see src/github/scaleset/).
 *
 * Messages become demand: `JobAvailable` is acquired, `JobAssigned` is a queued job of the pool, `JobStarted` and
 * `JobCompleted` move it on. Jobs are known by their runner request id, negated (never equal to a workflow job id)
 * and tagged with the pool's source key (`demandSourceKey`), so no webhook pool serves them and the REST resync
 * leaves them alone. Processing is at least once: a message is deleted after its jobs are applied (ARC deletes
 * first), so a replica killed mid-message leaves it for the next session; the demand store ignores repeats.
 *
 * A new leader's store starts empty, and jobs assigned before it took over were acknowledged by the old leader.
 * As ARC's listener does with `statistics.totalAssignedJobs`, the source reconciles its jobs with every
 * message's statistics: when the service counts more assigned-but-not-started jobs than the store knows, stand-in
 * jobs fill the gap (a runner is created for each); a later JobStarted of an unknown job, or lower counts, retire
 * them.
 *
 * Runners of a scale-set pool get their JIT configs from the scale set (`decorate`), since only runners of the
 * scale set receive its jobs.
 *
 * Size: one state machine per pool (scale set → session → poll → acquire → delete), whose transitions share the
 * session and token state; the protocol client is in ../github/scaleset/.
 */
import type { RunnerPool } from '../api/v1alpha1/index.js';
import {
  ActionsServiceClient,
  isSessionConflict,
  type JobMessageBase,
  type MessageSession,
  type RunnerScaleSetMessage,
  type RunnerScaleSetStatistic,
} from '../github/scaleset/index.js';
import { scopeKey } from '../github/scope.js';
import type { GitHubClient, QueuedJob, WorkflowJobEvent } from '../github/types.js';
import { errorMessage } from '../kube/api.js';
import { type Logger, silentLogger } from '../kube/informer.js';
import { demandSourceKey } from './demand.js';
import { apiBaseUrl, type GitHubAccess, type PoolGitHub } from './runnerpool/github-access.js';

export interface ScaleSetSourceOptions {
  github: GitHubAccess;
  /** Applies a job event to the demand store and wakes the pool (the manager's `handleSourceEvent`). */
  onJobEvent: (poolKey: string, event: WorkflowJobEvent) => void;
  /** The session owner name (this replica's identity). */
  owner: string;
  logger?: Logger;
  now?: () => number;
  /** Wait before another session attempt after a 409 conflict (ARC's listener: 30 s; default 30 s). */
  conflictRetryMs?: number;
  /** Longest wait between failed attempts (doubling from 1 s; default 30 s). */
  maxBackoffMs?: number;
  /** Retry base of the protocol client (default 1 s; tests shorten it). */
  retryBaseMs?: number;
  /** Counts protocol events, for metrics (`ai_ci_scaleset_events_total`). */
  onEvent?: (namespace: string, pool: string, event: string) => void;
}

interface PoolState {
  key: string;
  pool: RunnerPool;
  /** Hash of what the listener was started from; another value restarts it. */
  shape: string;
  abort: AbortController;
  done: Promise<void>;
  scaleSetId?: number;
  client?: ActionsServiceClient;
  /** Request ids (negated job ids) the store holds as queued, and stand-ins. */
  queued: Set<number>;
  running: Set<number>;
  /** Completed job ids (bounded), so a repeated message cannot bring one back. */
  finished: Set<number>;
  standIns: number[];
}

const STAND_IN_BASE = -1e15;
const sleep = (ms: number, signal: AbortSignal) =>
  new Promise<void>((resolve) => {
    if (signal.aborted) return resolve();
    const t = setTimeout(done, ms);
    function done() {
      clearTimeout(t);
      signal.removeEventListener('abort', done);
      resolve();
    }
    signal.addEventListener('abort', done, { once: true });
  });

/** The scope's GitHub URL as runner registration expects it (`https://github.com/org[/repo]` or the GHES host). */
export function configUrlOf(pool: RunnerPool, scope: PoolGitHub['scope']): string {
  const host = (pool.spec.github.enterpriseUrl ?? 'https://github.com').replace(/\/+$/, '');
  return `${host}/${scopeKey(scope)}`;
}

/** Why a pool's scale-set listener runs with these settings (a change restarts it). */
function shapeOf(pool: RunnerPool): string {
  const g = pool.spec.github;
  return JSON.stringify([
    g.organization,
    g.repository,
    g.runnerGroup,
    g.credentialsSecretRef.name,
    g.enterpriseUrl,
    g.apiUrl,
    [...pool.spec.labels].sort(),
  ]);
}

export class ScaleSetSource {
  private readonly pools = new Map<string, PoolState>();
  private readonly wanted = new Map<string, RunnerPool>();
  private leading = false;
  private abandoned = false;
  private standInSeq = 0;
  private readonly logger: Logger;
  private readonly now: () => number;

  constructor(private readonly o: ScaleSetSourceOptions) {
    this.logger = o.logger ?? silentLogger;
    this.now = o.now ?? Date.now;
  }

  /** Pools whose listener holds a session now (tests, readiness). */
  listening(): string[] {
    return [...this.pools.keys()];
  }

  /** A pool was added or changed (or removed: `undefined`). Only scale-set pools are taken. */
  poolChanged(key: string, pool: RunnerPool | undefined): void {
    const deleting = (pool?.metadata as { deletionTimestamp?: unknown } | undefined)?.deletionTimestamp;
    if (pool && pool.spec.github.demandSource === 'scaleSet' && !deleting) this.wanted.set(key, pool);
    else this.wanted.delete(key);
    if (this.leading) this.sync(key);
  }

  /** The leader listens; a replica that stops leading closes every session so the next leader can open one. */
  setLeading(leading: boolean): void {
    this.leading = leading;
    for (const key of new Set([...this.wanted.keys(), ...this.pools.keys()])) this.sync(key);
  }

  async stop(): Promise<void> {
    this.leading = false;
    await Promise.all([...this.pools.keys()].map((k) => this.stopPool(k)));
  }

  /** Stops listening as a crash would: sessions are left open (the service expires them). */
  abandon(): void {
    this.leading = false;
    this.abandoned = true;
    for (const state of this.pools.values()) state.abort.abort();
    this.pools.clear();
  }

  private sync(key: string): void {
    const pool = this.leading ? this.wanted.get(key) : undefined;
    const running = this.pools.get(key);
    if (running && (!pool || running.shape !== shapeOf(pool))) {
      void this.stopPool(key).then(() => this.sync(key));
      return;
    }
    if (running && pool) {
      running.pool = pool;
      return;
    }
    if (pool && !running) this.startPool(key, pool);
  }

  private startPool(key: string, pool: RunnerPool): void {
    const state: PoolState = {
      key,
      pool,
      shape: shapeOf(pool),
      abort: new AbortController(),
      done: Promise.resolve(),
      queued: new Set(),
      running: new Set(),
      finished: new Set(),
      standIns: [],
    };
    this.pools.set(key, state);
    state.done = this.listen(state).catch((err: unknown) => {
      this.logger.error('scale-set listener ended', { pool: key, error: errorMessage(err) });
    });
  }

  private async stopPool(key: string): Promise<void> {
    const state = this.pools.get(key);
    if (!state) return;
    state.abort.abort();
    await state.done;
    if (this.pools.get(key) === state) this.pools.delete(key);
  }

  /** A pool's client with JIT configs from its scale set (GitHubAccess calls this for every pool). */
  decorate(pool: RunnerPool, gh: PoolGitHub): PoolGitHub {
    if (pool.spec.github.demandSource !== 'scaleSet') return gh;
    const key = `${pool.metadata.namespace ?? 'default'}/${pool.metadata.name}`;
    const client: GitHubClient = Object.create(gh.client) as GitHubClient;
    client.generateJitConfig = async (_scope, request) => {
      const state = this.pools.get(key);
      if (!state?.client || state.scaleSetId === undefined) {
        throw new Error(`pool ${key}: its runner scale set is not connected yet`);
      }
      const jit = await state.client.generateJitConfig(state.scaleSetId, {
        name: request.name,
        workFolder: request.workFolder ?? '_work',
      });
      if (!jit.runner) throw new Error(`pool ${key}: generatejitconfig answered without a runner`);
      return { runnerId: jit.runner.id, runnerName: jit.runner.name, encodedJitConfig: jit.encodedJITConfig };
    };
    return { ...gh, client };
  }

  private count(state: PoolState, event: string): void {
    this.o.onEvent?.(state.pool.metadata.namespace ?? 'default', state.pool.metadata.name, event);
  }

  private async listen(state: PoolState): Promise<void> {
    const signal = state.abort.signal;
    let backoff = 1000;
    const maxBackoff = this.o.maxBackoffMs ?? 30_000;
    while (!signal.aborted) {
      let session: MessageSession | undefined;
      try {
        const { client, scaleSetId } = await this.connect(state);
        try {
          session = await client.createMessageSession(scaleSetId, this.o.owner);
        } catch (err) {
          if (!isSessionConflict(err)) throw err;
          // Another listener (a previous leader) still holds the session: ARC's listener waits and tries again.
          this.count(state, 'session_conflict');
          this.logger.info('scale-set session held elsewhere; retrying', { pool: state.key });
          await sleep(this.o.conflictRetryMs ?? 30_000, signal);
          continue;
        }
        this.count(state, 'session_created');
        this.logger.info('scale-set session open', { pool: state.key, scaleSetId });
        this.reconcileStatistics(state, session.statistics);
        backoff = 1000;
        let lastMessageId = 0;
        while (!signal.aborted) {
          const capacity = Math.max(0, state.pool.spec.maxRunners ?? 10);
          const message = await session.getMessage(lastMessageId, capacity, signal);
          if (signal.aborted) break;
          if (!message) continue;
          lastMessageId = message.messageId;
          await this.handle(state, session, message);
          await session.deleteMessage(message.messageId);
        }
      } catch (err) {
        if (signal.aborted) break;
        this.count(state, 'error');
        this.logger.warn('scale-set listener: retrying', {
          pool: state.key,
          retryInMs: backoff,
          error: errorMessage(err),
        });
        await sleep(backoff, signal);
        backoff = Math.min(maxBackoff, backoff * 2);
      } finally {
        // Close the session so the next listener (this one after an error, or the next leader) can open one
        // at once; a lost session (404) is already gone.
        if (session && !this.abandoned) await session.close().catch(() => undefined);
      }
    }
  }

  /** The client and scale set of a pool: found by name in the pool's runner group, else created. */
  private async connect(state: PoolState): Promise<{ client: ActionsServiceClient; scaleSetId: number }> {
    const pool = state.pool;
    const access = await this.o.github.forPool(pool);
    if (!access.ok)
      throw new Error('message' in access.observation ? access.observation.message : 'GitHub unreachable');
    const { gh } = access;
    const rest = gh.client;
    if (!rest.createRegistrationToken) throw new Error('the GitHub client cannot create registration tokens');
    if (!state.client) {
      state.client = new ActionsServiceClient({
        apiBaseUrl: apiBaseUrl(pool) ?? 'https://api.github.com',
        configUrl: configUrlOf(pool, gh.scope),
        registrationToken: () => rest.createRegistrationToken!(gh.scope),
        ...(this.o.retryBaseMs !== undefined ? { retryBaseMs: this.o.retryBaseMs } : {}),
      });
    }
    const client = state.client;
    if (state.scaleSetId === undefined) {
      const group = pool.spec.github.runnerGroup;
      const groupId =
        group && group.toLowerCase() !== 'default' ? (await client.getRunnerGroupByName(group)).id : 1;
      const name = pool.metadata.name;
      let set = await client.getRunnerScaleSet(groupId, name);
      if (!set) {
        set = await client.createRunnerScaleSet({
          name,
          runnerGroupId: groupId,
          labels: pool.spec.labels.map((l) => ({ name: l, type: 'System' })),
          RunnerSetting: { disableUpdate: true },
        });
        this.logger.info('runner scale set created', { pool: state.key, scaleSetId: set.id });
      }
      if (set.id === undefined) throw new Error('the Actions service answered a scale set without an id');
      state.scaleSetId = set.id;
    }
    return { client, scaleSetId: state.scaleSetId };
  }

  private job(state: PoolState, m: JobMessageBase, status: QueuedJob['status']): QueuedJob {
    const queuedAt = Date.parse(m.queueTime);
    return {
      id: -m.runnerRequestId,
      runId: m.workflowRunId,
      repository: `${m.ownerName}/${m.repositoryName}`,
      jobName: m.jobDisplayName,
      workflowName: m.jobWorkflowRef.split('@')[0]?.split('/').pop() ?? '',
      labels: [...state.pool.spec.labels],
      queuedAt: Number.isFinite(queuedAt) && queuedAt > 0 ? queuedAt : this.now(),
      status,
      source: demandSourceKey(state.pool)!,
    };
  }

  private emit(state: PoolState, action: WorkflowJobEvent['action'], job: QueuedJob): void {
    this.o.onJobEvent(state.key, { action, deliveryId: `scaleset-${state.key}-${action}-${job.id}`, job });
  }

  private async handle(
    state: PoolState,
    session: MessageSession,
    message: RunnerScaleSetMessage,
  ): Promise<void> {
    if (message.jobAvailable.length > 0) {
      const ids = message.jobAvailable.map((j) => j.runnerRequestId);
      const acquired = await session.acquireJobs(ids);
      this.count(state, 'acquired');
      this.logger.debug('scale-set jobs acquired', {
        pool: state.key,
        asked: ids.length,
        got: acquired.length,
      });
    }
    for (const m of message.jobAssigned) {
      this.count(state, 'job_assigned');
      const id = -m.runnerRequestId;
      if (state.running.has(id) || state.finished.has(id)) continue; // a repeated message
      state.queued.add(id);
      this.emit(state, 'queued', this.job(state, m, 'queued'));
    }
    for (const m of message.jobStarted) {
      this.count(state, 'job_started');
      const id = -m.runnerRequestId;
      if (state.running.has(id) || state.finished.has(id)) continue; // a repeated message
      if (!state.queued.has(id)) this.retireStandIn(state); // assigned before this listener started
      state.queued.delete(id);
      state.running.add(id);
      const job = this.job(state, m, 'in_progress');
      job.runnerName = m.runnerName;
      job.runnerId = m.runnerId;
      const started = Date.parse(m.runnerAssignTime);
      job.startedAt = Number.isFinite(started) && started > 0 ? started : this.now();
      this.emit(state, 'in_progress', job);
    }
    for (const m of message.jobCompleted) {
      this.count(state, 'job_completed');
      const id = -m.runnerRequestId;
      state.queued.delete(id);
      state.running.delete(id);
      state.finished.add(id);
      if (state.finished.size > 10_000) state.finished.delete(state.finished.values().next().value!);
      const job = this.job(state, m, 'completed');
      job.runnerName = m.runnerName;
      job.conclusion =
        m.result === 'succeeded' ? 'success' : m.result === 'canceled' ? 'cancelled' : m.result;
      const finished = Date.parse(m.finishTime);
      job.completedAt = Number.isFinite(finished) && finished > 0 ? finished : this.now();
      this.emit(state, 'completed', job);
    }
    this.reconcileStatistics(state, message.statistics);
  }

  /** Stand-ins for assigned jobs the store does not know (see the header), or fewer when the service counts less. */
  private reconcileStatistics(state: PoolState, stats: RunnerScaleSetStatistic | null): void {
    if (!stats) return;
    const unknown = Math.max(0, stats.totalAssignedJobs - stats.totalRunningJobs - state.queued.size);
    while (state.standIns.length < unknown) {
      const id = STAND_IN_BASE - ++this.standInSeq;
      state.standIns.push(id);
      this.emit(state, 'queued', this.standIn(state, id, 'queued'));
      this.count(state, 'stand_in');
    }
    while (state.standIns.length > unknown) this.retireStandIn(state);
  }

  private standIn(state: PoolState, id: number, status: QueuedJob['status']): QueuedJob {
    const g = state.pool.spec.github;
    return {
      id,
      runId: 0,
      // Any repository of the scope: the store routes by scope and labels.
      repository: g.repository ?? `${g.organization}/*`,
      labels: [...state.pool.spec.labels],
      queuedAt: this.now(),
      status,
      source: demandSourceKey(state.pool)!,
    };
  }

  private retireStandIn(state: PoolState): void {
    const id = state.standIns.shift();
    if (id !== undefined) this.emit(state, 'completed', this.standIn(state, id, 'completed'));
  }
}
