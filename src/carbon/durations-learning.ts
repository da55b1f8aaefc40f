/**
 * Expected job durations, learned per workflow/job name from past runs: the scheduler needs to know how long a run
 * will take to find the window it fits in and to keep the job's deadline. No I/O, no clock: runs are fed in, and
 * the state serialises to JSON so the controller can keep it wherever it likes.
 *
 * The estimate is a quantile (the median by default) of the last `window` runs of that key: CI durations have
 * heavy tails (a cold cache, a retried download), and a median is not dragged by them the way a mean or EWMA is.
 * Keys with no runs yet get the default (the CarbonPolicy's `defaultJobDuration`).
 */

export interface DurationLearnerOptions {
  /** Expected duration of a job never seen before, ms. */
  defaultMs: number;
  /** How many recent runs per key are kept. Default 20. */
  window?: number;
  /** Which quantile of the kept runs is the estimate (0.5 = median; 0.75 plans more safely). Default 0.5. */
  quantile?: number;
}

/** The serialised state. */
export interface DurationLearnerState {
  version: 1;
  defaultMs: number;
  window: number;
  quantile: number;
  /** Recent durations (ms) per key, oldest first. */
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
  private readonly runs = new Map<string, number[]>();
  private readonly estimates = new Map<string, number>();

  constructor(options: DurationLearnerOptions) {
    if (!(options.defaultMs >= 0)) throw new RangeError(`defaultMs must be >= 0, got ${options.defaultMs}`);
    const window = options.window ?? 20;
    if (!Number.isInteger(window) || window < 1)
      throw new RangeError(`window must be an integer >= 1, got ${window}`);
    const quantile = options.quantile ?? 0.5;
    if (!(quantile >= 0 && quantile <= 1))
      throw new RangeError(`quantile must be in [0, 1], got ${quantile}`);
    this.defaultMs = options.defaultMs;
    this.window = window;
    this.quantile = quantile;
  }

  /** Records a finished run. Non-finite or negative durations (clock skew, missing timestamps) are ignored. */
  observe(key: string, durationMs: number): void {
    if (!Number.isFinite(durationMs) || durationMs < 0) return;
    let list = this.runs.get(key);
    if (!list) {
      list = [];
      this.runs.set(key, list);
    }
    list.push(durationMs);
    if (list.length > this.window) list.splice(0, list.length - this.window);
    this.estimates.delete(key);
  }

  /** The expected duration of the next run of `key`, ms. */
  expected(key: string): number {
    const cached = this.estimates.get(key);
    if (cached !== undefined) return cached;
    const list = this.runs.get(key);
    const estimate = list && list.length > 0 ? quantileOf(list, this.quantile) : this.defaultMs;
    this.estimates.set(key, estimate);
    return estimate;
  }

  /** How many runs of `key` the estimate rests on. */
  sampleCount(key: string): number {
    return this.runs.get(key)?.length ?? 0;
  }

  toJSON(): DurationLearnerState {
    return {
      version: 1,
      defaultMs: this.defaultMs,
      window: this.window,
      quantile: this.quantile,
      runs: Object.fromEntries([...this.runs].map(([k, v]) => [k, [...v]])),
    };
  }

  static fromJSON(state: DurationLearnerState): DurationLearner {
    if (state?.version !== 1)
      throw new Error(`unsupported duration-learner state version: ${String(state?.version)}`);
    const learner = new DurationLearner(state);
    for (const [key, runs] of Object.entries(state.runs ?? {})) {
      if (!Array.isArray(runs))
        throw new Error(`duration-learner state: runs of ${JSON.stringify(key)} is not a list`);
      for (const d of runs) learner.observe(key, d);
    }
    return learner;
  }
}

/** Linear-interpolated quantile (the "type 7" definition most tools use); five lines, not worth a dependency. */
function quantileOf(values: readonly number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  const pos = (sorted.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (pos - lo);
}
