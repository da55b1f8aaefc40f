/**
 * The feature vector of one comparison — "do these candidate samples regress against this baseline and
 * history?" — shared by the statistical detector (detect.ts) and the learned model (model/), which is
 * trained on exactly these features (dataset/). Changing FEATURE_NAMES changes the model's input: retrain.
 *
 * Every feature is oriented so that positive means worse (slower for smaller-is-better benchmarks, lower
 * throughput for bigger-is-better ones), is finite, and is scale-free (relative changes, z scores, logs of
 * counts), so one model serves benchmarks of any unit.
 */
import { ChangePointDetector, MODEL_HISTORY_CHANGEPOINT_OPTIONS } from './changepoints/detector.js';
import { hodgesLehmannSorted } from './stats/hodges-lehmann.js';
import { mannWhitneyUSorted } from './stats/mann-whitney.js';
import { roundsNeeded } from './stats/power.js';
import { median, quantileSorted, robustScale } from './stats/robust.js';
import { medianOfSorted, robustScaleOfSorted, sortedCopy } from './stats/sorted.js';

/** Which way is better for a benchmark's value: time and memory shrink, throughput grows. */
export type Direction = 'smaller-is-better' | 'bigger-is-better';

/** The outcome of one comparison. */
export type Verdict = 'regression' | 'improvement' | 'no-change' | 'inconclusive';

export interface FeatureInput {
  /** Samples (rounds) of the baseline run(s), in the benchmark's unit. */
  baseline: readonly number[];
  /** Samples (rounds) of the new run. */
  candidate: readonly number[];
  /**
   * Per-run summaries (the median of each earlier run, oldest first, not including the candidate run).
   * Gives the run-to-run noise that samples of a single run cannot show.
   */
  history?: readonly number[];
  /**
   * Identity of each history run (e.g. commit and time), aligned with `history`: lets the benchmarks of one
   * results file be matched run by run for common-mode rejection (common-mode.ts). Optional; without it runs
   * are aligned from the most recent one backwards.
   */
  historyRuns?: readonly string[];
  /**
   * Standard error of the baseline's / candidate's location in log units (≈ relative) when the samples are a
   * tool's summary rather than rounds (parse/summary.ts summaryRelativeError); the detector estimates it from
   * the rounds otherwise.
   */
  baselineRelativeError?: number;
  candidateRelativeError?: number;
  /**
   * First and third quartile of the rounds of a summary-only baseline / candidate, as the tool reported them
   * (parse/summary.ts summaryQuartiles): where the rounds are not there, they tell a run the machine disturbed
   * (its fastest rounds stayed put) from one that shifted as a whole.
   */
  baselineQuartiles?: readonly [number, number];
  candidateQuartiles?: readonly [number, number];
}

export const FEATURE_NAMES = [
  /** median(candidate)/median(baseline) − 1, oriented (+ = worse). */
  'rel_change_median',
  /** Hodges-Lehmann shift / median(baseline), oriented. */
  'rel_change_hl',
  /** Lower and upper 95% bounds of the oriented Hodges-Lehmann relative shift. */
  'rel_change_hl_low',
  'rel_change_hl_high',
  /** Mann-Whitney z of candidate vs baseline, oriented, tie-corrected. */
  'mwu_z',
  /** −log10 of the two-sided Mann-Whitney p-value (capped at 20). */
  'mwu_neglog10_p',
  /** Cliff's delta = 2U/(n1·n2) − 1, oriented: how often a candidate round is worse than a baseline round. */
  'cliffs_delta',
  /** Hodges-Lehmann shift over the pooled robust scale of both samples, oriented. */
  'effect_size',
  /** Robust relative noise (scaled MAD / median) of the baseline and the candidate samples. */
  'baseline_rel_noise',
  'candidate_rel_noise',
  /** log2 of the sample counts. */
  'log2_n_baseline',
  'log2_n_candidate',
  /** log2(1 + number of earlier runs in the history). */
  'log2_history_len',
  /** log2(1 + runs since the last change point of the history): how long the current regime has been stable. */
  'log2_regime_len',
  /** Run-to-run robust relative noise of the current history regime (0 without history). */
  'history_rel_noise',
  /** median(candidate) against the current regime: relative change and robust z, oriented (0 without history). */
  'history_rel_change',
  'history_z',
  /** median(candidate) against the latest run's summary, oriented (the fixed-threshold tools' ratio). */
  'prev_rel_change',
  /** 1 when the history's last change point lies within its last 10 runs (the baseline is in flux). */
  'recent_changepoint',
  /** Oriented relative change of the history's last change point (0 when none). */
  'last_changepoint_rel_change',
  /**
   * Conformal p-value of the candidate against the history: (1 + earlier runs at least as far off, the same
   * way) / (1 + runs); 1 without history.
   */
  'history_exceedance_p',
  /** The worst oriented deviation of any earlier run from its regime's median (0 without history). */
  'history_worst_deviation',
  /** log2 of the rounds per sample needed to detect a 5% change at the measured within-run noise. */
  'log2_rounds_needed_5pct',
  /**
   * Relative change of the best-end rounds (20% quantile for smaller-is-better, 80% for bigger-is-better)
   * and of the worst-end rounds, oriented. A run slowed by the machine moves its worst rounds and leaves its
   * best ones; a code change moves both.
   */
  'best_rounds_rel_change',
  'worst_rounds_rel_change',
  /** log2(candidate relative noise / baseline relative noise): disturbed runs spread out. */
  'log2_noise_ratio',
  /** Robust z of the baseline run's median against the current regime, oriented: is the baseline itself off? */
  'baseline_history_z',
] as const;

export type FeatureName = (typeof FEATURE_NAMES)[number];
export const FEATURE_COUNT = FEATURE_NAMES.length;

/** Index of each feature in the vector, for readers that pick features by name. */
export const FEATURE_INDEX: Readonly<Record<FeatureName, number>> = Object.fromEntries(
  FEATURE_NAMES.map((name, i) => [name, i]),
) as Record<FeatureName, number>;

/** The history's change-point structure, computed once and reusable (detect.ts needs it too). */
export interface HistoryContext {
  length: number;
  /** Index where the current regime starts. */
  regimeStart: number;
  regimeMedian: number;
  /** Robust run-to-run scale of the current regime; 0 when unknown. */
  regimeScale: number;
  lastChangePoint: number | null;
  lastChangePointRelChange: number;
  /**
   * Each run's relative deviation from the median of its own regime (not oriented). Shows how far, and how
   * often, runs of this benchmark stray without any change: shared CI machines have whole slow runs.
   */
  deviations: Float64Array;
}

const historyDetector = new ChangePointDetector(MODEL_HISTORY_CHANGEPOINT_OPTIONS);

/** Fewest runs in the current regime for its noise to be trusted; shorter regimes borrow the older runs. */
const MIN_REGIME_RUNS = 5;

export function analyseHistory(history: readonly number[]): HistoryContext {
  const n = history.length;
  const deviations = new Float64Array(n);
  if (n === 0) {
    return {
      length: 0,
      regimeStart: 0,
      regimeMedian: 0,
      regimeScale: 0,
      lastChangePoint: null,
      lastChangePointRelChange: 0,
      deviations,
    };
  }
  const cps = historyDetector.detect(history);
  const last = cps.length > 0 ? cps[cps.length - 1]! : null;
  const regimeStart = last ? last.index : 0;
  let start = 0;
  for (const end of [...cps.map((x) => x.index), n]) {
    const m = median(history.slice(start, end));
    for (let i = start; i < end; i++) deviations[i] = m !== 0 ? history[i]! / m - 1 : 0;
    start = end;
  }
  const regime = history.slice(regimeStart);
  const regimeMedian = median(regime);
  // Noise is a property of the benchmark rather than of the regime: with a short regime, take it from the
  // whole history, each regime centred on its own median.
  const relScale =
    regime.length >= MIN_REGIME_RUNS || n < MIN_REGIME_RUNS
      ? robustScale(deviations.subarray(regimeStart), 0)
      : robustScale(deviations, 0);
  const scale = Math.abs(regimeMedian) * relScale;
  return {
    length: n,
    regimeStart,
    regimeMedian,
    regimeScale: Number.isFinite(scale) ? scale : 0,
    lastChangePoint: last ? last.index : null,
    lastChangePointRelChange: last ? last.relativeChange : 0,
    deviations,
  };
}

/**
 * Conformal p-value of an oriented deviation: (1 + runs that strayed at least as far the same way) / (1 + runs).
 * Distribution-free: with no change, a new run is as likely as any earlier one to be the most extreme.
 */
export function exceedanceP(history: HistoryContext, orientedDeviation: number, sign: 1 | -1): number {
  let count = 0;
  for (let i = 0; i < history.length; i++) if (sign * history.deviations[i]! >= orientedDeviation) count++;
  return (1 + count) / (1 + history.length);
}

function clip(v: number, limit: number): number {
  if (Number.isNaN(v)) return 0;
  return Math.max(-limit, Math.min(limit, v));
}

function relative(value: number, reference: number): number {
  return reference !== 0 ? value / Math.abs(reference) : 0;
}

/** Both sides' samples sorted ascending (stats/sorted.ts sortedCopy), when the caller already has them. */
export interface SortedSides {
  baseline: Float64Array;
  candidate: Float64Array;
}

/**
 * Computes the features of one comparison. Baseline and candidate need at least one sample each; with a
 * single sample the sample-based tests carry no information and say so through their values (p = 1, n = 1).
 */
export function computeFeatures(
  input: FeatureInput,
  direction: Direction,
  history: HistoryContext = analyseHistory(input.history ?? []),
  sorted?: SortedSides,
): Float32Array {
  const { baseline, candidate } = input;
  if (baseline.length === 0) throw new RangeError('computeFeatures: the baseline has no samples');
  if (candidate.length === 0) throw new RangeError('computeFeatures: the candidate has no samples');
  const sign: 1 | -1 = direction === 'smaller-is-better' ? 1 : -1;
  const f = new Float32Array(FEATURE_COUNT);
  // Every order statistic is read from one sorted copy of each side (stats/sorted.ts).
  const sb = sorted?.baseline ?? sortedCopy(baseline);
  const sc = sorted?.candidate ?? sortedCopy(candidate);
  const medB = medianOfSorted(sb);
  const medC = medianOfSorted(sc);
  const scaleB = baseline.length > 1 ? robustScaleOfSorted(sb, medB) : 0;
  const scaleC = candidate.length > 1 ? robustScaleOfSorted(sc, medC) : 0;
  const hl = hodgesLehmannSorted(sb, sc);
  const mw = mannWhitneyUSorted(sc, sb, { method: 'asymptotic' });
  const pooled = Math.sqrt((scaleB * scaleB + scaleC * scaleC) / 2);

  f[FEATURE_INDEX.rel_change_median] = clip(sign * relative(medC - medB, medB), 10);
  f[FEATURE_INDEX.rel_change_hl] = clip(sign * relative(hl.shift, medB), 10);
  const low = clip(relative(hl.low, medB), 10);
  const high = clip(relative(hl.high, medB), 10);
  f[FEATURE_INDEX.rel_change_hl_low] = sign > 0 ? low : -high;
  f[FEATURE_INDEX.rel_change_hl_high] = sign > 0 ? high : -low;
  f[FEATURE_INDEX.mwu_z] = clip(sign * mw.z, 50);
  f[FEATURE_INDEX.mwu_neglog10_p] = clip(-Math.log10(Math.max(mw.p, 1e-300)), 20);
  f[FEATURE_INDEX.cliffs_delta] = sign * ((2 * mw.u) / (baseline.length * candidate.length) - 1);
  f[FEATURE_INDEX.effect_size] = clip(
    pooled > 0 ? (sign * hl.shift) / pooled : hl.shift === 0 ? 0 : sign * Math.sign(hl.shift) * 50,
    50,
  );
  f[FEATURE_INDEX.baseline_rel_noise] = clip(relative(scaleB, medB), 10);
  f[FEATURE_INDEX.candidate_rel_noise] = clip(relative(scaleC, medC), 10);
  f[FEATURE_INDEX.log2_n_baseline] = Math.log2(baseline.length);
  f[FEATURE_INDEX.log2_n_candidate] = Math.log2(candidate.length);
  f[FEATURE_INDEX.log2_history_len] = Math.log2(1 + history.length);
  if (history.length > 0) {
    const hist = input.history ?? [];
    f[FEATURE_INDEX.log2_regime_len] = Math.log2(1 + history.length - history.regimeStart);
    f[FEATURE_INDEX.history_rel_noise] = clip(relative(history.regimeScale, history.regimeMedian), 10);
    f[FEATURE_INDEX.history_rel_change] = clip(
      sign * relative(medC - history.regimeMedian, history.regimeMedian),
      10,
    );
    const scale = Math.max(history.regimeScale, Math.abs(history.regimeMedian) * 1e-4);
    f[FEATURE_INDEX.history_z] = clip(scale > 0 ? (sign * (medC - history.regimeMedian)) / scale : 0, 50);
    f[FEATURE_INDEX.baseline_history_z] = clip(
      scale > 0 ? (sign * (medB - history.regimeMedian)) / scale : 0,
      50,
    );
    const prev = hist[hist.length - 1]!;
    f[FEATURE_INDEX.prev_rel_change] = clip(sign * relative(medC - prev, prev), 10);
    f[FEATURE_INDEX.recent_changepoint] =
      history.lastChangePoint !== null && history.length - history.lastChangePoint <= 10 ? 1 : 0;
    f[FEATURE_INDEX.last_changepoint_rel_change] = clip(sign * history.lastChangePointRelChange, 10);
    const deviation = history.regimeMedian !== 0 ? sign * (medC / history.regimeMedian - 1) : 0;
    f[FEATURE_INDEX.history_exceedance_p] = exceedanceP(history, deviation, sign);
    let worst = Number.NEGATIVE_INFINITY;
    for (const d of history.deviations) worst = Math.max(worst, sign * d);
    f[FEATURE_INDEX.history_worst_deviation] = clip(worst, 10);
  } else {
    f[FEATURE_INDEX.history_exceedance_p] = 1;
  }
  const noise = Math.max(relative(scaleB, medB), relative(scaleC, medC));
  f[FEATURE_INDEX.log2_rounds_needed_5pct] = clip(Math.log2(roundsNeeded(noise, 0.05)), 30);
  const bestQ = sign > 0 ? 0.2 : 0.8;
  const bestB = quantileSorted(sb, bestQ);
  const worstB = quantileSorted(sb, 1 - bestQ);
  f[FEATURE_INDEX.best_rounds_rel_change] = clip(
    sign * relative(quantileSorted(sc, bestQ) - bestB, bestB),
    10,
  );
  f[FEATURE_INDEX.worst_rounds_rel_change] = clip(
    sign * relative(quantileSorted(sc, 1 - bestQ) - worstB, worstB),
    10,
  );
  const noiseB = relative(scaleB, medB);
  const noiseC = relative(scaleC, medC);
  f[FEATURE_INDEX.log2_noise_ratio] = noiseB > 0 && noiseC > 0 ? clip(Math.log2(noiseC / noiseB), 10) : 0;
  return f;
}
