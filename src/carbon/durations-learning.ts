/**
 * Expected job durations, learned per (repository, workflow, job) from completed runs: the scheduler needs to know
 * how long a run will take to find the window it fits in and, above all, to finish by the job's deadline. No I/O,
 * no clock: runs are fed in, and the state serialises to compact JSON so the controller can persist it (a
 * ConfigMap, src/controller/carbonpolicy/durations.ts) and a restart keeps what was learned.
 *
 * A deadline is kept only if the job is not planned with less time than it will take, so the planning estimate is
 * a high quantile, not a typical value:
 * - a key with at least `minSamples` runs: the `quantile` of its last `window` runs (by default the longest of the
 *   last 50, about their p98), times (1 + `margin`), plus `marginMs`, against runs longer than any seen yet (CI
 *   durations have heavy tails: a cold cache, a retried download). Tuned with `npm run sim:deadlines` on the
 *   2021–2024 Electricity Maps traces of five zones (simulator's generated jobs, CRD defaults, 4/12/24 h): p95 +
 *   25% let 3–13 runs a year finish late, the longest + 25% + 5 min still 0–3 (runs 1–5% longer than the plan),
 *   the longest + 50% + 5 min none, for 0.0–1.2 points of saving;
 * - a key with fewer runs, or none, is not known well enough to plan with: the conservative bound, the largest of
 *   the policy's default, that key's own estimate, the longest estimate of every key known (the longest job this
 *   controller has seen) and `maxJobMs`, the longest any job can run (the CarbonPolicy's maxJobDuration, GitHub's
 *   default timeout of 6 h). Since no job runs longer than its timeout, a job planned with it finishes by its
 *   deadline whatever it turns out to take; with a deadline shorter than that, it is not deferred at all;
 * - nothing learned at all: the same bound (the default alone only without a `maxJobMs`).
 * The state is bounded: `window` runs per key (whole seconds) and `maxKeys` keys, the least recently observed
 * dropped first (at most about 200 KB of JSON).
 */

export interface DurationLearnerOptions {
  /** Expected duration when nothing is known at all, ms. */
  defaultMs: number;
  /** How many recent runs per key are kept. Default 50. */
  window?: number;
  /** Which quantile of the kept runs is planned with (1 = the longest kept run). Default 1. */
  quantile?: number;
  /** Safety margin on top of the quantile (0.5 = +50%). Default 0.5. */
  margin?: number;
  /** And an absolute one, ms (whole-minute runs of a few minutes vary by more than 25%). Default 5 min. */
  marginMs?: number;
  /** Runs a key needs before its own estimate is trusted alone. Default 5. */
  minSamples?: number;
  /** Keys kept at most (least recently observed dropped). Default 500. */
  maxKeys?: number;
}

/** The defaults, one place (README and the simulator's report name them). */
export const DURATION_DEFAULTS = {
  window: 50,
  quantile: 1,
  margin: 0.5,
  marginMs: 5 * 60_000,
  minSamples: 5,
  maxKeys: 500,
} as const;

/** The serialised state. Version 1 (median, no margin, unbounded keys) is still read. */
export interface DurationLearnerState {
  version: 1 | 2;
  defaultMs: number;
  window: number;
  quantile: number;
  margin?: number;
  marginMs?: number;
  minSamples?: number;
  maxKeys?: number;
  /** Recent durations per key, oldest first: ms in version 1, whole seconds in version 2. */
  runs: Record<string, number[]>;
}

/** What identifies "the same job" across runs. */
export interface DurationKeyParts {
  repository?: string;
  workflowName?: string;
  jobName?: string;
}

/** `owner/repo/workflow/job`; missing parts are left empty so different shapes never collide. */
export function durationKey(parts: DurationKeyParts): string {
  return [parts.repository ?? '', parts.workflowName ?? '', parts.jobName ?? ''].join('\u001f');
}

export class DurationLearner {
  readonly defaultMs: number;
  readonly window: number;
  readonly quantile: number;
  readonly margin: number;
  readonly marginMs: number;
  readonly minSamples: number;
  readonly maxKeys: number;
  /** Insertion order = least recently observed first. */
  private readonly runs = new Map<string, number[]>();
  private readonly estimates = new Map<string, number>();
  private longest: number | undefined;
  private version = 0;

  constructor(options: DurationLearnerOptions) {
    if (!(options.defaultMs >= 0)) throw new RangeError(`defaultMs must be >= 0, got ${options.defaultMs}`);
    const d = DURATION_DEFAULTS;
    const window = options.window ?? d.window;
    if (!Number.isInteger(window) || window < 1)
      throw new RangeError(`window must be an integer >= 1, got ${window}`);
    const quantile = options.quantile ?? d.quantile;
    if (!(quantile >= 0 && quantile <= 1))
      throw new RangeError(`quantile must be in [0, 1], got ${quantile}`);
    const margin = options.margin ?? d.margin;
    if (!(margin >= 0 && margin <= 10)) throw new RangeError(`margin must be in [0, 10], got ${margin}`);
    const marginMs = options.marginMs ?? d.marginMs;
    if (!(marginMs >= 0)) throw new RangeError(`marginMs must be >= 0, got ${marginMs}`);
    const minSamples = options.minSamples ?? d.minSamples;
    if (!Number.isInteger(minSamples) || minSamples < 1)
      throw new RangeError(`minSamples must be an integer >= 1, got ${minSamples}`);
    const maxKeys = options.maxKeys ?? d.maxKeys;
    if (!Number.isInteger(maxKeys) || maxKeys < 1)
      throw new RangeError(`maxKeys must be an integer >= 1, got ${maxKeys}`);
    this.defaultMs = options.defaultMs;
    this.window = window;
    this.quantile = quantile;
    this.margin = margin;
    this.marginMs = marginMs;
    this.minSamples = minSamples;
    this.maxKeys = maxKeys;
  }

  /** Records a finished run. Non-finite or negative durations (clock skew, missing timestamps) are ignored. */
  observe(key: string, durationMs: number): void {
    if (!Number.isFinite(durationMs) || durationMs < 0) return;
    let list = this.runs.get(key);
    if (list) this.runs.delete(key);
    else list = [];
    this.runs.set(key, list); // most recently observed last
    list.push(durationMs);
    if (list.length > this.window) list.splice(0, list.length - this.window);
    while (this.runs.size > this.maxKeys) {
      const oldest = this.runs.keys().next().value as string;
      this.runs.delete(oldest);
      this.estimates.delete(oldest);
    }
    this.estimates.delete(key);
    this.longest = undefined;
    this.version++;
  }

  /**
   * The duration to plan the next run of `key` with, ms (see the module comment). `defaultMs` overrides the
   * learner's default (a CarbonPolicy's own `defaultJobDuration`); `maxJobMs` is the longest a job can run (its
   * `maxJobDuration`), the plan of a key with fewer than `minSamples` runs.
   */
  expected(key: string, defaultMs = this.defaultMs, maxJobMs = 0): number {
    const own = this.ownEstimate(key);
    if (own !== undefined && this.sampleCount(key) >= this.minSamples) return own;
    return Math.max(defaultMs, own ?? 0, this.longestEstimate(), maxJobMs);
  }

  /** How many runs of `key` the estimate rests on. */
  sampleCount(key: string): number {
    return this.runs.get(key)?.length ?? 0;
  }

  /** Number of keys known. */
  get size(): number {
    return this.runs.size;
  }

  /** Grows by one on every change: persistence saves only when it moved. */
  get changes(): number {
    return this.version;
  }

  /** The quantile × (1 + margin) + marginMs of the key's runs; undefined without runs. */
  private ownEstimate(key: string): number | undefined {
    const cached = this.estimates.get(key);
    if (cached !== undefined) return cached;
    const list = this.runs.get(key);
    if (!list || list.length === 0) return undefined;
    const estimate = quantileOf(list, this.quantile) * (1 + this.margin) + this.marginMs;
    this.estimates.set(key, estimate);
    return estimate;
  }

  /** The longest own estimate over every key (0 when nothing is known). */
  private longestEstimate(): number {
    if (this.longest === undefined) {
      let max = 0;
      for (const key of this.runs.keys()) max = Math.max(max, this.ownEstimate(key) ?? 0);
      this.longest = max;
    }
    return this.longest;
  }

  /** Compact state: whole seconds, least recently observed key first. */
  toJSON(): DurationLearnerState {
    return {
      version: 2,
      defaultMs: this.defaultMs,
      window: this.window,
      quantile: this.quantile,
      margin: this.margin,
      marginMs: this.marginMs,
      minSamples: this.minSamples,
      maxKeys: this.maxKeys,
      runs: Object.fromEntries([...this.runs].map(([k, v]) => [k, v.map((ms) => Math.round(ms / 1000))])),
    };
  }

  /** Adds the runs of a saved state (oldest first) to this learner's; this learner's settings are kept. */
  merge(state: DurationLearnerState): void {
    const scale = checkState(state) === 1 ? 1 : 1000;
    for (const [key, runs] of Object.entries(state.runs ?? {})) {
      if (!Array.isArray(runs))
        throw new Error(`duration-learner state: runs of ${JSON.stringify(key)} is not a list`);
      for (const d of runs) this.observe(key, Number(d) * scale);
    }
  }

  /** Replaces what this learner holds with a saved state (its own settings are kept). */
  restore(state: DurationLearnerState): void {
    checkState(state);
    this.runs.clear();
    this.estimates.clear();
    this.longest = undefined;
    this.merge(state);
  }

  static fromJSON(state: DurationLearnerState): DurationLearner {
    checkState(state);
    const learner = new DurationLearner({
      defaultMs: state.defaultMs,
      window: state.window,
      quantile: state.quantile,
      ...(state.margin !== undefined ? { margin: state.margin } : { margin: 0 }),
      ...(state.marginMs !== undefined ? { marginMs: state.marginMs } : { marginMs: 0 }),
      ...(state.minSamples !== undefined ? { minSamples: state.minSamples } : {}),
      ...(state.maxKeys !== undefined ? { maxKeys: state.maxKeys } : {}),
    });
    learner.merge(state);
    return learner;
  }
}

function checkState(state: DurationLearnerState): 1 | 2 {
  if (state?.version !== 1 && state?.version !== 2)
    throw new Error(`unsupported duration-learner state version: ${String(state?.version)}`);
  if (!state.runs || typeof state.runs !== 'object')
    throw new Error('duration-learner state: "runs" is not an object');
  return state.version;
}

/** Linear-interpolated quantile (the "type 7" definition most tools use); five lines, not worth a dependency. */
function quantileOf(values: readonly number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  const pos = (sorted.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (pos - lo);
}
