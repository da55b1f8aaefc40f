/**
 * Change-point detection for benchmark histories and other real series: an optimal partition of the series into
 * segments of constant level (PELT — Killick, Fearnhead & Eckley 2012 — exact, with pruning), whose penalty per
 * change point is calibrated to the series' own *long-run* noise rather than to its point-to-point noise.
 *
 * Why the long-run noise: real series are rarely independent noise around steps. A slow trend, a seasonal wave
 * or any persistence (autocorrelation) makes neighbouring points alike, so a penalty scaled by the
 * point-to-point noise (BIC as in plain PELT or binary segmentation) is far too small and the series is cut
 * into dozens of "steps" where a person marks one or two. The long-run variance is the larger of
 *  - σ² (1 + φ) / (1 − φ)², that of AR(1) noise, with the persistence φ read from how the spread of differences
 *    grows from lag 1 to lag 2 (medians of |x[t+1] − x[t]| and |x[t+2] − x[t]|, taken around zero so a trend
 *    counts as persistence), and
 *  - L × Var(block mean) over blocks of L points, from the median difference of adjacent block means, which
 *    sees slow drifts and seasons that two lags cannot: L = ½√n and, on long series, every doubling of it that
 *    still leaves `minBlocks` blocks (the largest estimate is used). Short-memory noise gives about the same
 *    value at every L; a slow wander (a machine's temperature, a week of daily load) grows with L, and a
 *    penalty from the one block length ½√n — about 40 points in 6,000 — cut such series into a dozen steps.
 * Both use differences, which cancel level shifts, so the very changes looked for do not inflate the estimate.
 * σ is a top-trimmed RMS of the lag-1 differences: it sees heavy tails and bursts (a median would see only the
 * quiet core of operations metrics and over-segment them) but not the few large differences of the shifts.
 *
 * Short clear shifts are kept: the minimum segment is short (default 3), and a short segment pays the same
 * penalty as a long one, so it is accepted exactly when its size × shift² is large against the noise — a few
 * points far from the level (a latency incident) pass, one or two stray points do not. Isolated outliers are
 * clipped first to within `clip` noise units of a running median of five (a one- or two-point spike cannot
 * move a median of five; a shift of three points or more does).
 *
 * Slow trends: a constant level per segment cuts a steady rise into a staircase however large the penalty, as
 * long as the rise is large against the noise. So a change point is dropped when one straight line over its
 * two neighbouring segments fits about as well as the step (the step's reduction of squared error below
 * `trendFit` × the line's), the weakest first, each survivor re-judged against its new neighbours. A pure line
 * gives a ratio of at most ¾ (the best single step through a line), a pure step about 4⁄3 (a line through a
 * step): the default 0.9 lies between, and drops only what a line explains better than the step does.
 *
 * A relative-change floor (`minRelativeChange`) then removes steps too small to matter for benchmarks, the
 * weakest first (each survivor is re-judged against its new neighbours, as in Apache Otava's merge step).
 *
 * Bursts: change points at most `mergeWithin` points apart are one event (a short excursion and its return,
 * or a level that overshoots and settles), reported once at its first point with `burstEnd`, the last change
 * of the burst; reporting each would give one incident two or three change points a few points apart.
 *
 * Missing values (NaN) are skipped: the detector runs on the finite points and reports indices of the input.
 * Defaults were chosen on the training parts only of three labelled sets — TCPD and NAB real series
 * (scripts/perf/changepoints/, held-out parts frozen in data/changepoints/split.json) and the real-noise
 * benchmark series of scripts/perf/eval.ts — and need no tuning per series.
 *
 * Pure: no I/O, no clock. Returns the 0-based index (of the input) of the first point of each new regime.
 *
 * Size: PELT and the long-run noise estimate that sets its penalty share the series' prefix sums and robust
 * helpers (a branch-free median of five among them); the evaluation and its baselines are in scripts/perf/.
 */
import { normalQuantile, normalSf } from '../stats/distributions.js';
import { MAD_TO_SD, medianInPlace, selectInPlace } from '../stats/robust.js';

export interface ChangePointOptions {
  /** Fewest (finite) points in a segment. Default 3. */
  minSegment?: number;
  /**
   * Penalty per change point, in units of log²(n) × the series' long-run noise variance. Default 0.7. log²(n)
   * rather than BIC's log(n): on long series (thousands of points) more positions can fake a step.
   */
  penalty?: number;
  /** Cap on the persistence φ used for the long-run noise (0 = treat every series as independent noise). Default 0.8. */
  maxPersistence?: number;
  /** Clip points further than this many point-noise units from the running median of five. Default 4. */
  clip?: number;
  /** Quantile of |differences| below which the noise is measured (the rest are taken for shifts). Default 0.98. */
  noiseQuantile?: number;
  /** Block length for the long-run noise, in units of √n (0 = short-run noise only). Default 0.5. */
  blockScale?: number;
  /** Smallest relative shift of the neighbouring segments' medians worth reporting (0.01 = 1%). Default 0.005. */
  minRelativeChange?: number;
  /** Keep at most this many change points (the largest cost reductions). Default: no limit. */
  maxChangePoints?: number;
  /**
   * The long-run noise is also measured at doublings of the block length ½√n while at least this many blocks
   * remain (0 = at ½√n only). Default 32.
   */
  minBlocks?: number;
  /**
   * Drop a change point when a straight line over its neighbouring segments fits nearly as well: the step
   * reduces the squared error by less than trendFit × the line's reduction (0 = never). Default 0.9.
   */
  trendFit?: number;
  /** Change points at most this many (finite) points after the previous one are folded into it. Default 6. */
  mergeWithin?: number;
}

export interface ChangePoint {
  /** 0-based index (in the input, missing values included) of the first point of the new regime. */
  index: number;
  /** Two-sided p-value of the shift of the neighbouring segments' means against the long-run noise. */
  pValue: number;
  /** median(after) / median(before) − 1, over the neighbouring segments. */
  relativeChange: number;
  /** Shift of the medians divided by the series' robust point-to-point noise. */
  effectSize: number;
  /** Medians of the neighbouring segments. */
  before: number;
  after: number;
  /**
   * When other change points followed within `mergeWithin` points (a burst: a short excursion and its return,
   * or an overshoot that settles), the 0-based input index of the last of them; the shift above is the one
   * into the burst.
   */
  burstEnd?: number;
}

/** What the detector measured of a series' noise (reported for transparency, used for the penalty). */
export interface SeriesNoise {
  /** Robust point-to-point noise (standard deviation). */
  point: number;
  /** Persistence φ in [0, maxPersistence]. */
  persistence: number;
  /** Long-run noise variance σ² (1 + φ) / (1 − φ)². */
  longRunVariance: number;
}

const DEFAULTS = {
  minSegment: 3,
  penalty: 0.7,
  maxPersistence: 0.8,
  clip: 4,
  noiseQuantile: 0.98,
  blockScale: 0.5,
  minRelativeChange: 0.005,
  maxChangePoints: Number.POSITIVE_INFINITY,
  minBlocks: 32,
  trendFit: 0.9,
  mergeWithin: 6,
};

export type ResolvedChangePointOptions = typeof DEFAULTS;

/**
 * The detector as the performance model's history features were computed when it was trained (before the
 * trend, burst and multi-scale noise rules): features.ts and the model's training data use it, so the model
 * sees the features it learned from. Retrain the model before moving them to the defaults.
 */
export const MODEL_HISTORY_CHANGEPOINT_OPTIONS: Readonly<ChangePointOptions> = {
  minBlocks: 0,
  trendFit: 0,
  mergeWithin: 0,
};

export function resolveChangePointOptions(options: ChangePointOptions = {}): ResolvedChangePointOptions {
  const o = { ...DEFAULTS };
  for (const key of Object.keys(DEFAULTS) as (keyof ResolvedChangePointOptions)[]) {
    const v = options[key];
    if (v !== undefined) o[key] = v;
  }
  if (!(Number.isInteger(o.minSegment) && o.minSegment >= 1))
    throw new RangeError(`minSegment must be a whole number ≥ 1, got ${o.minSegment}`);
  if (!(o.penalty > 0)) throw new RangeError(`penalty must be > 0, got ${o.penalty}`);
  if (!(o.maxPersistence >= 0 && o.maxPersistence < 1))
    throw new RangeError(`maxPersistence must be in [0, 1), got ${o.maxPersistence}`);
  if (!(o.clip > 0)) throw new RangeError(`clip must be > 0, got ${o.clip}`);
  if (!(o.noiseQuantile > 0 && o.noiseQuantile <= 1))
    throw new RangeError(`noiseQuantile must be in (0, 1], got ${o.noiseQuantile}`);
  if (!(o.blockScale >= 0)) throw new RangeError(`blockScale must be ≥ 0, got ${o.blockScale}`);
  if (!(o.minRelativeChange >= 0))
    throw new RangeError(`minRelativeChange must be ≥ 0, got ${o.minRelativeChange}`);
  if (!(o.maxChangePoints >= 0))
    throw new RangeError(`maxChangePoints must be ≥ 0, got ${o.maxChangePoints}`);
  if (!(o.minBlocks >= 0)) throw new RangeError(`minBlocks must be ≥ 0, got ${o.minBlocks}`);
  if (!(o.trendFit >= 0)) throw new RangeError(`trendFit must be ≥ 0, got ${o.trendFit}`);
  if (!(Number.isInteger(o.mergeWithin) && o.mergeWithin >= 0))
    throw new RangeError(`mergeWithin must be a whole number ≥ 0, got ${o.mergeWithin}`);
  return o;
}

/** E[Z² | |Z| < q] for a standard normal Z, where P(|Z| < q) = p: the consistency factor of a top-trimmed RMS. */
function truncatedSecondMoment(p: number): number {
  if (p >= 1) return 1;
  const q = normalQuantile((1 + p) / 2);
  const density = Math.exp(-(q * q) / 2) / Math.sqrt(2 * Math.PI);
  return 1 - (2 * q * density) / p;
}

/** Median of five numbers by a fixed exchange network (no array, no comparator calls). */
function median5(a: number, b: number, c: number, d: number, e: number): number {
  let t: number;
  if (a > b) {
    t = a;
    a = b;
    b = t;
  }
  if (d > e) {
    t = d;
    d = e;
    e = t;
  }
  // Drop the smaller of the two minima: it is below at least three values.
  if (a > d) {
    t = a;
    a = d;
    d = t;
    t = b;
    b = e;
    e = t;
  }
  // Now a is the smallest of all five, and d ≤ e: the median is the 2nd smallest of b, c, d, e.
  if (c > b) {
    t = b;
    b = c;
    c = t;
  }
  // c ≤ b; swap the pairs (c, b) and (d, e) so that c is the smaller of the two minima.
  if (c > d) {
    t = c;
    c = d;
    d = t;
    t = b;
    b = e;
    e = t;
  }
  // c is the smallest of b, c, d, e (checked exhaustively over orders and ties); the median is min(b, d).
  return Math.min(b, d);
}

/**
 * A reusable detector: its scratch buffers grow to the longest series seen, so analysing many series allocates
 * little per series beyond the returned list.
 */
export class ChangePointDetector {
  readonly options: ResolvedChangePointOptions;
  private cap = 0;
  private x = new Float64Array(0);
  private raw = new Float64Array(0);
  private at = new Int32Array(0);
  private prefix = new Float64Array(0);
  /** Prefix sums of i × x[i], for straight-line fits. */
  private prefixT = new Float64Array(0);
  private cost = new Float64Array(0);
  private last = new Int32Array(0);
  private cands = new Int32Array(0);
  private candPrefix = new Float64Array(0);
  private candCost = new Float64Array(0);
  private values = new Float64Array(0);
  private scratch = new Float64Array(0);

  constructor(options: ChangePointOptions = {}) {
    this.options = resolveChangePointOptions(options);
  }

  private ensure(n: number): void {
    if (n <= this.cap) return;
    this.cap = Math.max(n, this.cap * 2);
    this.x = new Float64Array(this.cap);
    this.raw = new Float64Array(this.cap);
    this.at = new Int32Array(this.cap);
    this.prefix = new Float64Array(this.cap + 1);
    this.prefixT = new Float64Array(this.cap + 1);
    this.cost = new Float64Array(this.cap + 1);
    this.last = new Int32Array(this.cap + 1);
    this.cands = new Int32Array(this.cap + 1);
    this.candPrefix = new Float64Array(this.cap + 1);
    this.candCost = new Float64Array(this.cap + 1);
    this.values = new Float64Array(this.cap + 1);
    this.scratch = new Float64Array(this.cap);
  }

  /** 0-based indices of the first point of each new regime, ascending. */
  detectIndices(series: ArrayLike<number>): number[] {
    return this.detect(series).map((c) => c.index);
  }

  /** The noise model of a series (finite points only), as the detector sees it. */
  noise(series: ArrayLike<number>): SeriesNoise {
    const n = this.compact(series);
    return this.measureNoise(n);
  }

  detect(series: ArrayLike<number>): ChangePoint[] {
    const n = this.compact(series);
    const { minSegment } = this.options;
    if (n < 2 * minSegment) return [];
    this.raw.set(this.x.subarray(0, n));
    const noise = this.measureNoise(n);
    if (!(noise.longRunVariance > 0)) return [];
    this.clipOutliers(n, noise.point);
    const prefix = this.prefix;
    const prefixT = this.prefixT;
    prefix[0] = 0;
    prefixT[0] = 0;
    // Sums of x − x[0]: every cost and fit is unchanged by an offset, and a large one (timestamps, bytes)
    // would otherwise swamp the squared sums' precision.
    const offset = this.x[0]!;
    for (let i = 0; i < n; i++) {
      const v = this.x[i]! - offset;
      prefix[i + 1] = prefix[i]! + v;
      prefixT[i + 1] = prefixT[i]! + i * v;
    }
    const logN = Math.log(n);
    const beta = this.options.penalty * logN * logN * noise.longRunVariance;
    let cps = this.pelt(n, beta);
    cps = this.dropTrends(n, cps);
    cps = this.prune(n, cps);
    const found = cps.map((k, i) =>
      this.describe(i === 0 ? 0 : cps[i - 1]!, k, i === cps.length - 1 ? n : cps[i + 1]!, noise),
    );
    return this.mergeBursts(cps, found);
  }

  /** Folds change points at most mergeWithin points after the previous one into it (see the header). */
  private mergeBursts(cps: readonly number[], found: ChangePoint[]): ChangePoint[] {
    const within = this.options.mergeWithin;
    if (within <= 0) return found;
    const out: ChangePoint[] = [];
    for (let i = 0; i < found.length; i++) {
      if (i > 0 && cps[i]! - cps[i - 1]! <= within && out.length > 0) {
        out[out.length - 1]!.burstEnd = found[i]!.index;
      } else {
        out.push(found[i]!);
      }
    }
    return out;
  }

  /** Copies the finite values into this.x and their input positions into this.at; returns their count. */
  private compact(series: ArrayLike<number>): number {
    this.ensure(series.length);
    let n = 0;
    for (let i = 0; i < series.length; i++) {
      const v = series[i]!;
      if (Number.isFinite(v)) {
        this.x[n] = v;
        this.at[n] = i;
        n++;
      }
    }
    return n;
  }

  /**
   * Lag-h differences |x[t+h] − x[t]| sorted into the scratch buffer; returns their count and their spread as
   * the standard deviation of one point: the root mean square of all but the largest (1 − noiseQuantile)
   * share, made consistent for Gaussian noise. Trimming only the top keeps the estimate blind to the few large
   * differences of the level shifts looked for, yet it sees heavy tails and bursts (where a median of
   * |differences| sees only the quiet core, and over-segments operations metrics).
   */
  private diffSpread(n: number, lag: number): { spread: number; median: number } {
    const m = n - lag;
    if (m < 1) return { spread: 0, median: 0 };
    const buf = this.scratch;
    for (let i = 0; i < m; i++) buf[i] = Math.abs(this.x[i + lag]! - this.x[i]!);
    const keep = Math.max(1, Math.min(m, Math.floor(this.options.noiseQuantile * m)));
    // Quickselect, not a sort: afterwards buf[0, keep) holds the `keep` smallest differences.
    if (keep < m) selectInPlace(buf, 0, m, keep - 1);
    let sq = 0;
    for (let i = 0; i < keep; i++) sq += buf[i]! * buf[i]!;
    const median = medianInPlace(buf, 0, m);
    return { spread: Math.sqrt(sq / keep / truncatedSecondMoment(keep / m)) / Math.SQRT2, median };
  }

  private measureNoise(n: number): SeriesNoise {
    const d1 = this.diffSpread(n, 1);
    const d2 = this.diffSpread(n, 2);
    // Var(x[t+2] − x[t]) / Var(x[t+1] − x[t]) = 1 + φ for AR(1) noise; from medians, which a few shifts
    // cannot move (a shift enters twice as many lag-2 differences as lag-1 ones).
    const ratio = d1.median > 0 ? (d2.median * d2.median) / (d1.median * d1.median) : 1;
    const persistence = Math.min(this.options.maxPersistence, Math.max(0, ratio - 1));
    const s1 = d1.spread;
    const shortRun = (s1 * s1 * (1 + persistence)) / ((1 - persistence) * (1 - persistence));
    return { point: s1, persistence, longRunVariance: Math.max(shortRun, this.blockVariance(n)) };
  }

  /**
   * Long-run variance at the scale of blocks of √n points: L × Var(mean of a block), from the median absolute
   * difference of adjacent block means (differences cancel level shifts; the median ignores the blocks a shift
   * falls in). White noise gives σ²; slow drifts, seasons and trends that the lag-1/lag-2 ratio cannot see give
   * more. 0 when there are fewer than four blocks.
   */
  private blockVariance(n: number): number {
    if (this.options.blockScale <= 0) return 0;
    const base = Math.max(2, Math.ceil(this.options.blockScale * Math.sqrt(n)));
    let v = this.blockVarianceAt(n, base);
    const minBlocks = this.options.minBlocks;
    if (minBlocks > 0) {
      for (let size = 2 * base; n / size >= minBlocks; size *= 2)
        v = Math.max(v, this.blockVarianceAt(n, size));
    }
    return v;
  }

  /** blockVariance at one block length. */
  private blockVarianceAt(n: number, size: number): number {
    const blocks = Math.floor(n / size);
    if (blocks < 4) return 0;
    const s = this.scratch;
    let previous = 0;
    for (let b = 0; b < blocks; b++) {
      let sum = 0;
      for (let i = b * size; i < (b + 1) * size; i++) sum += this.x[i]!;
      const mean = sum / size;
      if (b > 0) s[b - 1] = Math.abs(mean - previous);
      previous = mean;
    }
    const sd = (MAD_TO_SD * medianInPlace(s, 0, blocks - 1)) / Math.SQRT2;
    return size * sd * sd;
  }

  /** Clips this.x[i] to within clip × noise of the running median of five around it. */
  private clipOutliers(n: number, noise: number): void {
    if (n < 5 || !(noise > 0)) return;
    const x = this.x;
    const medians = this.scratch;
    for (let i = 0; i < n; i++) {
      const from = Math.min(Math.max(0, i - 2), n - 5);
      medians[i] = median5(x[from]!, x[from + 1]!, x[from + 2]!, x[from + 3]!, x[from + 4]!);
    }
    const reach = this.options.clip * noise;
    for (let i = 0; i < n; i++) {
      const m = medians[i]!;
      if (x[i]! > m + reach) x[i] = m + reach;
      else if (x[i]! < m - reach) x[i] = m - reach;
    }
  }

  /** −(sum of [a, b))² / (b − a): the residual sum of squares of a constant fit, less the sum of squares. */
  private segCost(a: number, b: number): number {
    const s = this.prefix[b]! - this.prefix[a]!;
    return -(s * s) / (b - a);
  }

  /**
   * PELT: exact minimum of Σ cost + β × changes, segments of at least minSegment points. On a series without
   * changes pruning keeps almost every candidate (O(n²)), so the inner loop is the detector's whole cost: the
   * candidates' start, prefix sum and optimal cost sit side by side in typed arrays, and the pruning test of a
   * step is applied while the next step scans the candidates (one pass per step, not two).
   */
  private pelt(n: number, beta: number): number[] {
    const m = this.options.minSegment;
    const F = this.cost;
    const last = this.last;
    const cands = this.cands;
    const candPrefix = this.candPrefix;
    const candCost = this.candCost;
    // The candidate's cost at the previous step, for its pruning test against that step's optimum.
    const values = this.values;
    const prefix = this.prefix;
    F[0] = -beta;
    let count = 0;
    let previous = Number.POSITIVE_INFINITY;
    for (let t = m; t <= n; t++) {
      // A segment end s becomes a candidate start once a whole segment fits after it.
      const s = t - m;
      if (s === 0 || s >= m) {
        cands[count] = s;
        candPrefix[count] = prefix[s]!;
        candCost[count] = F[s]!;
        values[count] = Number.NEGATIVE_INFINITY;
        count++;
      }
      const pt = prefix[t]!;
      let best = Number.POSITIVE_INFINITY;
      let arg = 0;
      let kept = 0;
      for (let c = 0; c < count; c++) {
        // Pruning (K = 0 holds for this cost): a start that could not beat the last optimum + β never will.
        if (values[c]! > previous) continue;
        const start = cands[c]!;
        const p = candPrefix[c]!;
        const f = candCost[c]!;
        const sum = pt - p;
        // F[start] + cost of [start, t): −sum² / length (the sum of squares is common to all partitions).
        const v = f - (sum * sum) / (t - start);
        if (kept !== c) {
          cands[kept] = start;
          candPrefix[kept] = p;
          candCost[kept] = f;
        }
        values[kept] = v;
        kept++;
        if (v < best) {
          best = v;
          arg = start;
        }
      }
      count = kept;
      previous = best + beta;
      F[t] = previous;
      last[t] = arg;
    }
    const cps: number[] = [];
    for (let t = last[n]!; t > 0; t = last[t]!) cps.push(t);
    return cps.reverse();
  }

  /**
   * The step at k's reduction of squared error over one level on [a, b), less trendFit × a straight line's:
   * negative when a line explains [a, b) nearly as well as the step (a slow trend, not a change).
   */
  private stepOverLine(a: number, k: number, b: number): number {
    const len = b - a;
    const sum = this.prefix[b]! - this.prefix[a]!;
    const mid = (a + b - 1) / 2;
    // Σ (i − mid) x[i] over [a, b), and Σ (i − mid)².
    const stx = this.prefixT[b]! - this.prefixT[a]! - mid * sum;
    const stt = (len * (len * len - 1)) / 12;
    return this.gain(a, k, b) - (this.options.trendFit * (stx * stx)) / stt;
  }

  /** Drops change points a straight line explains (stepOverLine < 0), the most line-like first. */
  private dropTrends(n: number, cps: number[]): number[] {
    if (this.options.trendFit <= 0) return cps;
    for (;;) {
      let worst = -1;
      let worstValue = 0;
      for (let i = 0; i < cps.length; i++) {
        const a = i === 0 ? 0 : cps[i - 1]!;
        const b = i === cps.length - 1 ? n : cps[i + 1]!;
        const v = this.stepOverLine(a, cps[i]!, b);
        if (v < worstValue) {
          worstValue = v;
          worst = i;
        }
      }
      if (worst < 0) return cps;
      cps.splice(worst, 1);
    }
  }

  /** Cost saved by the change point at k between neighbours a and b. */
  private gain(a: number, k: number, b: number): number {
    return this.segCost(a, b) - this.segCost(a, k) - this.segCost(k, b);
  }

  /** Drops change points below the relative-change floor (weakest first) and beyond maxChangePoints. */
  private prune(n: number, cps: number[]): number[] {
    const { minRelativeChange, maxChangePoints } = this.options;
    for (;;) {
      let weakest = -1;
      let weakestGain = Number.POSITIVE_INFINITY;
      const over = cps.length > maxChangePoints;
      for (let i = 0; i < cps.length; i++) {
        const a = i === 0 ? 0 : cps[i - 1]!;
        const b = i === cps.length - 1 ? n : cps[i + 1]!;
        const k = cps[i]!;
        const failing = over || Math.abs(this.relativeChange(a, k, b).relative) < minRelativeChange;
        if (!failing) continue;
        const g = this.gain(a, k, b);
        if (g < weakestGain) {
          weakestGain = g;
          weakest = i;
        }
      }
      if (weakest < 0) return cps;
      cps.splice(weakest, 1);
    }
  }

  private medianOf(a: number, b: number): number {
    const s = this.scratch;
    for (let i = a; i < b; i++) s[i - a] = this.raw[i]!;
    return medianInPlace(s, 0, b - a);
  }

  private relativeChange(
    a: number,
    k: number,
    b: number,
  ): { before: number; after: number; relative: number } {
    const before = this.medianOf(a, k);
    const after = this.medianOf(k, b);
    const shift = after - before;
    const relative = before !== 0 ? shift / Math.abs(before) : shift === 0 ? 0 : Number.POSITIVE_INFINITY;
    return { before, after, relative };
  }

  private describe(a: number, k: number, b: number, noise: SeriesNoise): ChangePoint {
    const { before, after, relative } = this.relativeChange(a, k, b);
    const n1 = k - a;
    const n2 = b - k;
    const meanShift = (this.prefix[b]! - this.prefix[k]!) / n2 - (this.prefix[k]! - this.prefix[a]!) / n1;
    const z = Math.abs(meanShift) / Math.sqrt(noise.longRunVariance * (1 / n1 + 1 / n2));
    const shift = after - before;
    return {
      index: this.at[k]!,
      pValue: Math.min(1, 2 * normalSf(z)),
      relativeChange: Number.isFinite(relative) ? relative : 0,
      effectSize:
        noise.point > 0 ? Math.abs(shift) / noise.point : shift === 0 ? 0 : Number.POSITIVE_INFINITY,
      before,
      after,
    };
  }
}

/** Change points of one series with the default (or given) options. */
export function detectChangePoints(
  series: ArrayLike<number>,
  options: ChangePointOptions = {},
): ChangePoint[] {
  return new ChangePointDetector(options).detect(series);
}
