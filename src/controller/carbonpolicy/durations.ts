/**
 * Learned job durations survive a controller restart or a leader change: the leader keeps the DurationLearner's
 * state (src/carbon/durations-learning.ts: the last 50 runs of at most 500 (repository, workflow, job) keys, whole
 * seconds, least recently observed key dropped first) in one ConfigMap, `ai-ci-job-durations` in the controller's
 * own namespace, and reads it back when it starts leading.
 *
 * Why a ConfigMap, and not the CarbonPolicy's status or a CR of our own:
 * - status is what the controller observed of *that* object, to be rebuilt from the world at any time (API
 *   conventions); learned runs cannot be rebuilt, belong to jobs rather than to a policy (several policies see the
 *   same jobs; deleting a policy would forget them) and would grow every policy object that `kubectl get` shows;
 * - a CR of our own needs a CRD, its schema and versioning, and its install before the controller starts, for a
 *   blob nobody edits by hand;
 * - a ConfigMap is a core kind (no install step), namespaced with the controller, readable with `kubectl get cm
 *   ai-ci-job-durations -o yaml`, optimistic concurrency by resourceVersion, and the bounded state (about 200 KB at
 *   most; see `boundState`) stays far below its 1 MiB limit. The chart grants get/create/update on it alone.
 *
 * How a write converges whatever line a crash or a lost response stops it at:
 * - the in-memory learner is always "the ConfigMap as last read or written" plus `pending`, the runs observed
 *   since, and every write replaces the whole ConfigMap with that state at the resourceVersion it was based on;
 * - a write carries a token (`identity/process nonce/sequence`, annotation `ai-ci.dev/durations-writer`); until its answer is
 *   known, the next sync reads the ConfigMap first: our token there means the write landed (its runs leave
 *   `pending`), anything else means it did not, and the learner is rebuilt from the ConfigMap plus `pending`, so a
 *   run is neither lost (except those observed by a process that died before its next flush) nor counted twice;
 * - a 409 (another replica, or an old leader's last flush, wrote first) is the same: re-read, rebuild, write again.
 * The leader reads it when it starts leading and flushes every `flushIntervalMs` when something changed; a replica
 * that stops leading, or stops gracefully, flushes once more (should the new leader have written meanwhile, that
 * write gets a 409 and merges as above). A standby neither reads nor writes.
 */
import { randomBytes } from 'node:crypto';
import type { V1ConfigMap } from '@kubernetes/client-node';
import { DurationLearner, type DurationLearnerState } from '../../carbon/durations-learning.js';
import { errorMessage, isConflict, isNotFound } from '../../kube/api.js';
import { type Logger, silentLogger } from '../../kube/informer.js';

export const DURATIONS_CONFIGMAP = 'ai-ci-job-durations';
export const DURATIONS_DATA_KEY = 'durations.json';
export const WRITER_ANNOTATION = 'ai-ci.dev/durations-writer';
/** What the serialised state may take of the ConfigMap (its limit is 1 MiB with metadata). */
export const MAX_DATA_BYTES = 512 * 1024;

/** The three calls the store makes (CoreV1Api's, narrowed: tests give fakes). */
export interface ConfigMapClient {
  read(namespace: string, name: string): Promise<V1ConfigMap>;
  create(namespace: string, body: V1ConfigMap): Promise<V1ConfigMap>;
  replace(namespace: string, name: string, body: V1ConfigMap): Promise<V1ConfigMap>;
}

/** What a ConfigMap holds, read defensively (it is not schema-checked: anyone with access may have edited it). */
export interface ParsedDurations {
  state?: DurationLearnerState;
  /** The token of the write that produced it. */
  writer?: string;
  /** Why `state` is missing although the ConfigMap exists (it is then overwritten by the next write). */
  problem?: string;
}

/** Pure: the state and writer token in a ConfigMap; undefined ConfigMap → nothing. */
export function parseDurationsConfigMap(cm: V1ConfigMap | undefined): ParsedDurations {
  if (!cm) return {};
  const writer = cm.metadata?.annotations?.[WRITER_ANNOTATION];
  const out: ParsedDurations = writer !== undefined ? { writer } : {};
  const text = cm.data?.[DURATIONS_DATA_KEY];
  if (text === undefined) return { ...out, problem: `no ${DURATIONS_DATA_KEY} key` };
  try {
    const state = JSON.parse(text) as DurationLearnerState;
    // Validates the version and shape the same way a restore would.
    DurationLearner.fromJSON(state);
    return { ...out, state };
  } catch (err) {
    return { ...out, problem: `${DURATIONS_DATA_KEY}: ${errorMessage(err)}` };
  }
}

/**
 * Pure: the state with the least recently observed keys dropped until its JSON fits `maxBytes` (keys are in that
 * order in the state). The learner's own bounds keep it far smaller; this guards against very long job names.
 */
export function boundState(state: DurationLearnerState, maxBytes = MAX_DATA_BYTES): DurationLearnerState {
  let total = Buffer.byteLength(JSON.stringify(state));
  if (total <= maxBytes) return state;
  const entries = Object.entries(state.runs);
  let drop = 0;
  // Each entry takes its quoted key, a colon, its list and a comma.
  while (drop < entries.length && total > maxBytes) {
    const [key, runs] = entries[drop++]!;
    total -= Buffer.byteLength(JSON.stringify(key)) + JSON.stringify(runs).length + 2;
  }
  return { ...state, runs: Object.fromEntries(entries.slice(drop)) };
}

/** Pure: the ConfigMap to write for `state` (replacing the one at `resourceVersion`, or created when absent). */
export function durationsConfigMap(
  target: { namespace: string; name: string },
  state: DurationLearnerState,
  writer: string,
  resourceVersion?: string,
): V1ConfigMap {
  return {
    apiVersion: 'v1',
    kind: 'ConfigMap',
    metadata: {
      name: target.name,
      namespace: target.namespace,
      ...(resourceVersion !== undefined ? { resourceVersion } : {}),
      labels: {
        'app.kubernetes.io/managed-by': 'ai-ci-controller',
        'app.kubernetes.io/component': 'durations',
      },
      annotations: { [WRITER_ANNOTATION]: writer },
    },
    data: { [DURATIONS_DATA_KEY]: JSON.stringify(state) },
  };
}

export interface DurationStoreOptions {
  client: ConfigMapClient;
  namespace: string;
  name?: string;
  learner: DurationLearner;
  /** Distinguishes this process's writes (the manager's identity). */
  identity: string;
  logger?: Logger;
  /** Flush this often while leading, when something changed (default 30 s). */
  flushIntervalMs?: number;
  /** How long decisions wait for the first read at most (default 10 s). */
  readyTimeoutMs?: number;
  /** Conflicts retried within one sync (default 5). */
  maxConflicts?: number;
}

type Run = { key: string; ms: number };
const MAX_PENDING = 25_000;

export class DurationStore {
  readonly namespace: string;
  readonly name: string;
  private readonly o: DurationStoreOptions;
  private readonly learner: DurationLearner;
  private readonly logger: Logger;
  /** Runs observed since the state last read or written (see the module comment). */
  private pending: Run[] = [];
  private resourceVersion: string | undefined;
  /** The JSON last read or written: nothing to write while the learner's state serialises to it. */
  private lastData: string | undefined;
  /** A write whose answer is unknown (failed or not yet back): the next sync reads first. */
  private inflight: { token: string; count: number } | undefined;
  private mustRead = true;
  private seq = 0;
  /** A restarted container keeps its Pod name (the identity): its tokens must still differ from the last run's. */
  private readonly nonce = randomBytes(4).toString('hex');
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<unknown> = Promise.resolve();
  private loaded: Promise<void> | undefined;
  private resolveLoaded: (() => void) | undefined;

  constructor(options: DurationStoreOptions) {
    this.o = options;
    this.namespace = options.namespace;
    this.name = options.name ?? DURATIONS_CONFIGMAP;
    this.learner = options.learner;
    this.logger = options.logger ?? silentLogger;
    this.loaded = new Promise((resolve) => {
      this.resolveLoaded = resolve;
    });
  }

  /** Records a finished run in the learner, to be persisted by the next flush. */
  observe(key: string, ms: number): void {
    if (!Number.isFinite(ms) || ms < 0) return;
    this.learner.observe(key, ms);
    this.pending.push({ key, ms });
    // Writes failing for a long time (no RBAC): keep a learner's worth; older runs are in the learner already.
    const over = this.pending.length - MAX_PENDING;
    if (over > 0) {
      this.pending.splice(0, over);
      if (this.inflight) this.inflight.count = Math.max(0, this.inflight.count - over);
    }
  }

  /** Runs observed and not yet known to be persisted. */
  get unsaved(): number {
    return this.pending.length;
  }

  /** Resolves once the ConfigMap was read (or reading it failed once): the gate waits for this before deciding. */
  ready(): Promise<void> {
    if (!this.loaded) return Promise.resolve();
    // Bounded: an apiserver that does not answer must not hold every decision (they fall back to the default).
    return Promise.race([
      this.loaded,
      new Promise<void>((resolve) => setTimeout(resolve, this.o.readyTimeoutMs ?? 10_000).unref?.()),
    ]);
  }

  /** Starts leading: reads the ConfigMap now, then flushes every flushIntervalMs. */
  start(): void {
    this.mustRead = true;
    void this.sync();
    if (this.timer) return;
    this.timer = setInterval(() => void this.sync(), this.o.flushIntervalMs ?? 30_000);
    this.timer.unref?.();
  }

  /** Stops the timer; with `flush`, writes what changed once more first (stopped leading, graceful stop). */
  async stop(flush: boolean): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    if (flush) await this.sync();
    else await this.running.catch(() => undefined);
  }

  /**
   * Reads the ConfigMap when needed, then writes the learner's state if it differs from it. One at a time; never
   * throws (a failure is logged and retried by the next sync). Returns what it did, for tests.
   */
  sync(): Promise<'unchanged' | 'written' | 'failed'> {
    const run = this.running.then(() => this.syncOnce());
    this.running = run.catch(() => undefined);
    return run;
  }

  private async syncOnce(): Promise<'unchanged' | 'written' | 'failed'> {
    try {
      for (let attempt = 0; ; attempt++) {
        if (this.mustRead) await this.read();
        const state = boundState(this.learner.toJSON());
        const data = JSON.stringify(state);
        if (data === this.lastData) {
          this.pending = []; // what they changed is in the ConfigMap already (or was bounded away)
          return 'unchanged';
        }
        const token = `${this.o.identity}/${this.nonce}/${++this.seq}`;
        this.inflight = { token, count: this.pending.length };
        this.mustRead = true; // until the answer is known
        const body = durationsConfigMap(
          { namespace: this.namespace, name: this.name },
          state,
          token,
          this.resourceVersion,
        );
        try {
          const written =
            this.resourceVersion === undefined
              ? await this.o.client.create(this.namespace, body)
              : await this.o.client.replace(this.namespace, this.name, body);
          this.landed(written.metadata?.resourceVersion, data);
          return 'written';
        } catch (err) {
          // 409: someone wrote since our read (or it exists after all); 404: deleted since. Re-read, rebuild, retry.
          if ((isConflict(err) || isNotFound(err)) && attempt < (this.o.maxConflicts ?? 5)) continue;
          throw err;
        }
      }
    } catch (err) {
      this.logger.warn('could not save learned job durations; retrying at the next flush', {
        configMap: `${this.namespace}/${this.name}`,
        error: errorMessage(err),
      });
      return 'failed';
    } finally {
      this.resolveLoaded?.();
      this.resolveLoaded = undefined;
      this.loaded = undefined;
    }
  }

  private landed(resourceVersion: string | undefined, data: string): void {
    this.pending.splice(0, this.inflight?.count ?? 0);
    this.inflight = undefined;
    this.resourceVersion = resourceVersion;
    this.lastData = data;
    this.mustRead = false;
  }

  /** Reconciles memory with the ConfigMap (see the module comment). */
  private async read(): Promise<void> {
    let cm: V1ConfigMap | undefined;
    try {
      cm = await this.o.client.read(this.namespace, this.name);
    } catch (err) {
      if (!isNotFound(err)) throw err;
    }
    const parsed = parseDurationsConfigMap(cm);
    const rv = cm?.metadata?.resourceVersion;
    if (this.inflight && parsed.writer === this.inflight.token) {
      // Our last write landed though its answer was lost: the learner already holds that state (and newer runs).
      this.landed(rv, cm?.data?.[DURATIONS_DATA_KEY] ?? '');
      return;
    }
    this.inflight = undefined;
    if (parsed.problem) {
      this.logger.warn('learned job durations ConfigMap is unreadable; it will be overwritten', {
        configMap: `${this.namespace}/${this.name}`,
        problem: parsed.problem,
      });
    }
    const empty: DurationLearnerState = {
      version: 2,
      defaultMs: this.learner.defaultMs,
      window: this.learner.window,
      quantile: this.learner.quantile,
      runs: {},
    };
    this.learner.restore(parsed.state ?? empty);
    // No ConfigMap is as good as an empty one (nothing to create until something is learned); an unreadable one
    // is overwritten.
    this.lastData = parsed.state
      ? cm?.data?.[DURATIONS_DATA_KEY]
      : cm
        ? undefined
        : JSON.stringify(this.learner.toJSON());
    for (const r of this.pending) this.learner.observe(r.key, r.ms);
    this.resourceVersion = rv;
    this.mustRead = false;
    if (parsed.state)
      this.logger.info('learned job durations read', {
        configMap: `${this.namespace}/${this.name}`,
        keys: Object.keys(parsed.state.runs).length,
      });
  }
}
