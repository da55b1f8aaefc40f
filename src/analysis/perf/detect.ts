/**
 * Decides whether a benchmark regressed: combines (a) a rank test of the candidate's samples against the
 * baseline's with an interval of the change, (b) the history — its change points and the run-to-run
 * noise of its current regime, which samples of a single run cannot show — or, without history, a stated
 * prior run-to-run noise, and (c) optionally a learned model's probability, into P(regressed), the estimated
 * change with an interval, and a verdict. Every input kind is compared on one statistic, the run's median
 * (a summary-only result stands for it with its reported median and a widened standard error,
 * parse/summary.ts); a run with fewer than MIN_ROUNDS rounds is judged by the noise model alone, since a
 * rank test of one value against one value says nothing.
 *
 * Cost: O(n log n) in the rounds (ranks, quantiles); the change interval is a bootstrap up to
 * BOOTSTRAP_MAX_ROUNDS rounds per side and the medians' order-statistic interval above.
 *
 * Why (b) matters: rounds of one run share the machine's state, so a within-run test alone calls every
 * run-to-run wobble significant. A regression is reported only when the candidate is worse both than the
 * baseline's rounds and than the spread of earlier runs, and by at least `minRelativeChange`.
 *
 * Pure apart from the optional model callback: no I/O, no clock.
 *
 * Size: one decision, kept whole so the evidence (rank test, history noise, prior, model) is combined in one place
 * that can be read top to bottom; the statistics it uses are in ../stats/, the report it feeds in report/.
 */

import { type CommonMode, rejectCommonMode } from './common-mode.js';
import {
  analyseHistory,
  computeFeatures,
  type Direction,
  exceedanceP,
  type FeatureInput,
  type HistoryContext,
  type SortedSides,
  type Verdict,
} from './features.js';
import { bootstrapRelativeChange } from './stats/bootstrap.js';
import { normalQuantile, normalSf, studentTQuantile, studentTSf } from './stats/distributions.js';
import { mannWhitneyFromU, mannWhitneyUSorted } from './stats/mann-whitney.js';
import { logMedianStandardErrorOfSorted } from './stats/median-interval.js';
import { roundsNeeded } from './stats/power.js';
import { median, quantileSorted, robustScale } from './stats/robust.js';
import { walshInterval, wilcoxonSignedRank } from './stats/signed-rank.js';
import { medianOfSorted, robustScaleOfSorted, sortedCopy } from './stats/sorted.js';

export type { CommonMode } from './common-mode.js';
export type { Direction, Verdict } from './features.js';

/** A learned model of P(regressed) from feature vectors (computeFeatures); the ONNX model implements it. */
export interface ProbabilityModel {
  predict(features: Float32Array[]): Promise<number[]>;
}

export interface DetectOptions {
  /** Probability needed to call a regression or an improvement. Default 0.95. */
  confidence?: number;
  /** Smallest relative change reported as a regression or improvement. Default 0.01 (1%). */
  minRelativeChange?: number;
  /**
   * The change the verdict must be able to rule out to say 'no-change' (0.05 = 5%); when the interval is
   * wider, the verdict is 'inconclusive' with the rounds needed to detect a change this large. Default 0.05.
   */
  targetChange?: number;
  /** Bootstrap resamples. Default 1000. */
  resamples?: number;
  /** Bootstrap seed. Default 1. */
  seed?: number;
  /**
   * Report the run-wide shift measured on the file's other benchmarks (common-mode.ts) beside a change it may
   * explain, when a file has at least 3 benchmarks and the benchmark's history shows shared noise. It never
   * changes a verdict. Default true.
   */
  commonMode?: boolean;
  /**
   * The baseline's rounds were measured in the same job as the candidate's, on the same machine (the base
   * commit benchmarked beside the head, best with their rounds interleaved): the two samples then share the
   * machine's state, so the rank test of the rounds decides alone, with no run-to-run noise added and without
   * history or model (both describe comparisons across jobs). On the recorded noise this is what reaches the
   * design's accuracy (npm run eval:perf, "same-job A/B"). Default false.
   */
  sameJob?: boolean;
  /**
   * With `sameJob`: baseline[k] and candidate[k] were measured next to each other (the k-th round of each side of
   * a same-job A/B run, adjacent in its ABBA order), so a load or clock drift of the machine slower than a pair
   * of rounds is common to both and cancels in their ratio. The decision is then made on the paired log ratios
   * log(candidate[k] / baseline[k]) (differences relative to the baseline's median where a value is not
   * positive): a one-sided Wilcoxon signed-rank test for the change and the Hodges-Lehmann interval of the
   * Walsh averages (the one the test inverts, stats/signed-rank.ts) for the equivalence side, instead of the
   * rank-sum test and bootstrap of two independent samples. Both sides must have as many rounds. Default false.
   */
  paired?: boolean;
  /**
   * Run-to-run noise assumed when there is no history (relative standard deviation of one run's location
   * across jobs on one machine class): the stated prior a pairwise comparison is judged against. Default
   * PRIOR_RUN_NOISE (0.03).
   */
  priorNoise?: number;
}

/** Which noise a comparison was judged against, for the report ("which noise estimate it used"). */
export interface NoiseEstimate {
  /**
   * 'history': the run-to-run spread of earlier runs; 'prior': no history, the stated prior run-to-run noise
   * plus the location estimates' standard errors; 'rounds': same job, the rounds alone (paired or not).
   */
  source: 'history' | 'prior' | 'rounds';
  /** Relative standard deviation the change was measured against. */
  relative: number;
  /** One phrase for the report, e.g. "4.1% run-to-run noise of 12 earlier runs". */
  description: string;
}

export interface ChangeEstimate {
  /** Relative change of the candidate's median, candidate/reference − 1 (not oriented: + = larger values). */
  estimate: number;
  low: number;
  high: number;
  confidence: number;
  /** What the change is measured against. */
  reference: 'baseline' | 'history';
}

export interface Detection {
  verdict: Verdict;
  /** P(the benchmark really got worse). */
  probabilityRegressed: number;
  /** P(the benchmark really got better). */
  probabilityImproved: number;
  /** Where the probability came from: statistics alone, or the model as well. */
  source: 'statistics' | 'statistics+model';
  change: ChangeEstimate;
  /** When 'inconclusive': rounds per run needed to detect a `targetChange` change at the measured noise. */
  roundsNeeded?: number;
  /** One sentence on why. */
  reason: string;
  /** The noise the change was judged against. */
  noise: NoiseEstimate;
  evidence: {
    mannWhitney: { u: number; p: number; z: number };
    /** The paired decision's signed-rank test of the paired log ratios (DetectOptions.paired). */
    signedRank?: { wPlus: number; pairs: number; p: number; z: number; method: 'exact' | 'asymptotic' };
    /** Candidate against the history's current regime; absent without enough history. */
    history?: {
      runs: number;
      regimeRuns: number;
      relativeNoise: number;
      z: number;
      lastChangePoint: number | null;
    };
    model?: number;
  };
  features: Float32Array;
  /** What common-mode rejection did; absent when the file had too few benchmarks or it was switched off. */
  commonMode?: CommonMode;
}

const DEFAULTS: Required<DetectOptions> = {
  commonMode: true,
  sameJob: false,
  paired: false,
  priorNoise: 0.03,
  confidence: 0.95,
  minRelativeChange: 0.01,
  targetChange: 0.05,
  resamples: 1000,
  seed: 1,
};

/** Fewest runs of history whose spread is used; fewer and only the samples speak. */
const MIN_HISTORY_RUNS = 3;
/**
 * Calibration of the history test on real noise (the empirical null): on the train split's no-change
 * comparisons (data/perf/noise.json.gz, recorded on a 2-core cloud VM), a new run strays further than the
 * runs of one stretch of history scatter, with tails like a Student t with 3 degrees of freedom, and machine
 * slowdowns are heavy-tailed. Against the regime's median and spread the z's robust SD was 1.6; against the
 * local level and the successive runs' spread (localNoiseModel), 1.45 gives, on the train split, 30.0 false
 * alarms per 1,000 no-change comparisons at 33.9% recall (regime model at 1.6: 37.7 at 33.5%; ROC AUC 0.789
 * vs 0.786). Chosen among 1.3/1.45/1.6 × 3/5/8 level runs on the train split only.
 */
const HISTORY_SCALE_INFLATION = 1.45;
/** Runs of the current regime whose median is the level a new run is compared with (see localNoiseModel). */
const LOCAL_LEVEL_RUNS = 8;
/** Variance of a sample median over that of one value, for normal noise (π/2): the level's own uncertainty. */
const MEDIAN_VARIANCE_FACTOR = Math.PI / 2;

/**
 * The per-benchmark noise model of history mode, from run medians (oldest first): the level is the median of
 * the current regime's last LOCAL_LEVEL_RUNS runs, and the run-to-run noise (relative) the robust scale of the
 * successive log ratios / √2 — the spread of one run around its neighbours, which a step (one outlying
 * difference) or a slow drift barely moves, where the regime's spread around its median counted both as noise.
 * The differences of the whole history are used: noise is the benchmark's, the level the regime's.
 */
export function localNoiseModel(
  history: readonly number[],
  regimeStart: number,
): { level: number; levelRuns: number; noise: number } {
  const levelRuns = Math.max(1, Math.min(LOCAL_LEVEL_RUNS, history.length - regimeStart));
  const level = median(history.slice(history.length - levelRuns));
  const diffs: number[] = [];
  for (let i = 1; i < history.length; i++) {
    const a = history[i - 1]!;
    const b = history[i]!;
    if (a > 0 && b > 0) diffs.push(Math.log(b / a));
  }
  const noise = diffs.length > 0 ? robustScale(diffs, 0) / Math.SQRT2 : 0;
  return { level, levelRuns, noise: Number.isFinite(noise) ? noise : 0 };
}
/**
 * Prior of the per-benchmark noise model in history mode (a scaled-inverse-χ² prior): the run-to-run noise is
 * taken as HISTORY_NOISE_PRIOR worth HISTORY_PRIOR_RUNS runs, combined with the history's own spread. 2%
 * is less than any benchmark's run-to-run spread in the recorded noise (2.4% at the least after common-mode
 * removal); three pseudo-runs move a history of 30 runs little (a 0.5% benchmark becomes 0.77%), while a
 * history of 5-8 runs can no longer claim 0.2-0.6%. Chosen on the 30 real pytest-benchmark runs of
 * test/fixtures/perf/real (1% still failed a 3% wobble after 8 runs of 0.6%).
 */
const HISTORY_NOISE_PRIOR = 0.02;
const HISTORY_PRIOR_RUNS = 3;
const HISTORY_TAIL_DF = 3;
/** Fewest rounds per sample for the rank test to be able to reach 95% at all. */
const MIN_ROUNDS = 3;
/**
 * Above this many rounds on either side the change interval comes from the medians' order statistics
 * (median-interval.ts, O(n)) instead of a bootstrap (resamples × rounds): at this size both agree closely
 * (test/analysis/perf/stats/median-interval.test.ts) and the bootstrap's cost is what made 100k rounds take 20 s.
 */
const BOOTSTRAP_MAX_ROUNDS = 2000;

/**
 * The prior run-to-run noise used without history, a stated assumption (DetectOptions.priorNoise). The
 * recorded noise (data/perf/noise.json.gz, 22 benchmarks on a 2-core cloud VM) has a median run-to-run
 * relative spread of 4.5% (2.4% once the run-wide shift is removed); 3% lies between, so that a 10% change of
 * two single runs stands 2.4 standard deviations out. A pairwise comparison of two jobs cannot know its
 * machine's noise: history mode learns it, same-job A/B avoids it.
 */
export const PRIOR_RUN_NOISE = 0.03;

/** Relative change from a log ratio and back, guarding non-positive medians (custom formats allow them). */
function logRatio(candidate: number, reference: number): number | undefined {
  return candidate > 0 && reference > 0 ? Math.log(candidate / reference) : undefined;
}

/** An interval of ±half (log units) around a relative change; the point alone when it has no log. */
function logInterval(rel: number, half: number): { low: number; high: number } {
  if (!(1 + rel > 0) || !Number.isFinite(half)) return { low: rel, high: rel };
  const l = Math.log1p(rel);
  return { low: Math.expm1(l - half), high: Math.expm1(l + half) };
}

function pct(v: number): string {
  return `${(v * 100).toFixed(1)}%`;
}

interface StatisticalPart {
  pWorse: number;
  pBetter: number;
  change: ChangeEstimate;
  noise: number;
  noiseEstimate: NoiseEstimate;
  evidence: Detection['evidence'];
  history: HistoryContext;
  /** Whether both sides had enough rounds for the rank test. */
  rankTest: boolean;
  /** Both sides' rounds sorted ascending, for the features (computeFeatures) to read without sorting again. */
  sorted: SortedSides;
}

function statisticalPart(
  input: FeatureInput,
  direction: Direction,
  o: Required<DetectOptions>,
): StatisticalPart {
  const { baseline, candidate } = input;
  const sign = direction === 'smaller-is-better' ? 1 : -1;
  // Every order statistic below is read from one sorted copy of each side (stats/sorted.ts).
  const sorted = { baseline: sortedCopy(baseline), candidate: sortedCopy(candidate) };
  const sb = sorted.baseline;
  const sc = sorted.candidate;
  const mw = mannWhitneyUSorted(sc, sb, { alternative: 'greater', method: 'asymptotic' });
  const pLarger = mw.p;
  const pSmaller = mannWhitneyFromU({ u1: mw.u, tieTerm: mw.tieTerm }, sc.length, sb.length, {
    alternative: 'less',
    method: 'asymptotic',
  }).p;
  // The rank test speaks only with enough rounds on both sides: one value against one value gives P = 0.5
  // whatever the change, which made a 100× slowdown of a single-value file "inconclusive".
  const rankTest = baseline.length >= MIN_ROUNDS && candidate.length >= MIN_ROUNDS;
  // One-sided confidences that the candidate is worse / better, from the rounds alone.
  let confWorse = rankTest ? 1 - (sign > 0 ? pLarger : pSmaller) : 1;
  let confBetter = rankTest ? 1 - (sign > 0 ? pSmaller : pLarger) : 1;
  const medB = medianOfSorted(sb);
  const medC = medianOfSorted(sc);
  const rel = medB !== 0 ? medC / medB - 1 : medC === 0 ? 0 : Math.sign(medC) * Number.POSITIVE_INFINITY;
  // Standard errors of the two locations (log units): the tool's summary, or the rounds' order statistics.
  const seB = input.baselineRelativeError ?? logMedianStandardErrorOfSorted(sb, MIN_ROUNDS) ?? 0;
  const seC = input.candidateRelativeError ?? logMedianStandardErrorOfSorted(sc, MIN_ROUNDS) ?? 0;
  const locationError = Math.hypot(seB, seC);
  const zq = normalQuantile(1 - (1 - o.confidence) / 2);
  const big = baseline.length > BOOTSTRAP_MAX_ROUNDS || candidate.length > BOOTSTRAP_MAX_ROUNDS;
  const paired =
    o.sameJob && o.paired && rankTest ? pairedPart(baseline, candidate, medB, o.confidence) : undefined;
  const boot =
    rankTest && !big && !paired
      ? bootstrapRelativeChange(baseline, candidate, {
          resamples: o.resamples,
          confidence: o.confidence,
          seed: o.seed,
        })
      : { estimate: rel, ...logInterval(rel, zq * locationError), confidence: o.confidence };
  const withinNoise = Math.max(
    baseline.length > 1 ? robustScaleOfSorted(sb, medB) / Math.abs(medB || 1) : 0,
    candidate.length > 1 ? robustScaleOfSorted(sc, medC) / Math.abs(medC || 1) : 0,
  );
  let change: ChangeEstimate = { ...boot, reference: 'baseline' };
  const history = analyseHistory(input.history ?? []);
  const evidence: Detection['evidence'] = {
    mannWhitney: { u: mw.u, p: Math.min(1, 2 * Math.min(pLarger, pSmaller)), z: mw.z },
  };
  let noise = withinNoise;
  let noiseEstimate: NoiseEstimate;
  if (paired) {
    // Same job, rounds paired in time: the paired ratios decide (DetectOptions.paired, pairedPart).
    confWorse = 1 - (sign > 0 ? paired.pLarger : paired.pSmaller);
    confBetter = 1 - (sign > 0 ? paired.pSmaller : paired.pLarger);
    change = { ...paired.change, reference: 'baseline' };
    noise = paired.noise;
    evidence.signedRank = paired.evidence;
    noiseEstimate = {
      source: 'rounds',
      relative: paired.noise,
      description:
        `${baseline.length} pairs of rounds measured next to each other in one job (${pct(paired.noise)} ` +
        'spread of single rounds from the paired ratios)',
    };
  } else if (o.sameJob && rankTest) {
    // Same job, same machine state: the rounds' own spread is the noise (DetectOptions.sameJob).
    noiseEstimate = {
      source: 'rounds',
      relative: withinNoise,
      description: `the rounds of both runs, measured in one job (${pct(withinNoise)} spread of single rounds)`,
    };
  } else if (!o.sameJob && history.length >= MIN_HISTORY_RUNS && history.regimeMedian !== 0) {
    const regimeRuns = history.length - history.regimeStart;
    // Runs the noise is learnt from: the whole history, by its successive differences (localNoiseModel).
    const k = history.length;
    // The benchmark's noise model: the history's run-to-run spread, shrunk towards a prior when the history is
    // short (HISTORY_NOISE_PRIOR): 5 runs that happened to agree within 0.2% do not make a 1.6% wobble a
    // regression (30 unchanged real pytest-benchmark runs, test/analysis/perf/real-files.test.ts).
    // The level is the median of the regime's last LOCAL_LEVEL_RUNS runs, and the noise the spread of
    // successive runs (localNoiseModel): a step the change points cannot see yet, or the machine's slow wander,
    // moved the whole regime's median away from where the runs are now and inflated its spread (the recorded
    // pytest-benchmark runs: a +5% machine step at run 18 read as 3.7-3.9% noise and hid a 10% improvement).
    const local = localNoiseModel(input.history ?? [], history.regimeStart);
    const measured = local.noise;
    const level = local.level !== 0 ? local.level : history.regimeMedian;
    // A run without its rounds (a summary, one value per benchmark) cannot show that the machine disturbed it
    // (looksLikeDisturbedRun reads the rounds), so its noise is never taken below the prior: a history that
    // happened to agree within 0.8% for 25 runs made pytest-benchmark's own unchanged run 0026 (+6%) fail.
    const summaryOnly = candidate.length < MIN_ROUNDS || input.candidateRelativeError !== undefined;
    const floor = summaryOnly ? HISTORY_NOISE_PRIOR : 1e-4;
    const relNoise = Math.max(
      Math.sqrt(
        (HISTORY_PRIOR_RUNS * HISTORY_NOISE_PRIOR ** 2 + k * measured ** 2) / (HISTORY_PRIOR_RUNS + k),
      ),
      floor,
    );
    const floored = summaryOnly && relNoise === floor && measured < floor;
    const histRel = medC / level - 1;
    // Predictive test: is the candidate outside what the regime's runs scatter over? Scale and tails are
    // those of the empirical null (HISTORY_SCALE_INFLATION, HISTORY_TAIL_DF).
    const spread =
      HISTORY_SCALE_INFLATION * relNoise * Math.sqrt(1 + MEDIAN_VARIANCE_FACTOR / local.levelRuns);
    const z = histRel / spread;
    const df = Math.max(1, Math.min(k - 1, HISTORY_TAIL_DF));
    let pAbove = studentTSf(z, df);
    let pBelow = studentTSf(-z, df);
    // Heavy tails: when earlier runs without any change strayed as far as the candidate, the candidate
    // is no more surprising than they were (conformal p-value), whatever the robust scale says.
    // A run slowed by the machine rather than by the code gives itself away: its rounds spread out and its
    // fastest rounds stay near their usual time, while a code change moves all rounds alike. Only such a
    // run is measured against the history's own outlier runs.
    // The baseline run is one run: when it strays from its regime itself, the rank test against it says
    // little, and the history decides alone.
    const baselineDeviation = Math.abs(medB / level - 1) / relNoise;
    const trustBaseline = baselineDeviation <= BASELINE_OUTLIER_Z;
    const slowRun = looksLikeDisturbedRun(sb, sc, medB, medC, {
      ...(input.baselineQuartiles ? { baseline: input.baselineQuartiles } : {}),
      ...(input.candidateQuartiles ? { candidate: input.candidateQuartiles } : {}),
    });
    const above = exceedanceP(history, histRel, 1);
    const below = exceedanceP(history, -histRel, -1);
    const explainedAbove = sign > 0 ? slowRun : true;
    const explainedBelow = sign < 0 ? slowRun : true;
    if (explainedAbove && above > 1 / (history.length + 1)) pAbove = Math.max(pAbove, above);
    if (explainedBelow && below > 1 / (history.length + 1)) pBelow = Math.max(pBelow, below);
    let histWorse = 1 - (sign > 0 ? pAbove : pBelow);
    let histBetter = 1 - (sign > 0 ? pBelow : pAbove);
    if (!trustBaseline) {
      // An off-regime baseline is either one disturbed run or the first run after a change the history's
      // change points cannot see yet (a step needs a few runs to show). When the candidate sits at the
      // baseline's level, it confirms the step: the change happened before this commit, so the candidate is
      // measured against the baseline run, with the run-to-run noise of two single runs.
      const zFromBaseline = (medC / medB - 1) / (relNoise * Math.SQRT2);
      if (Math.abs(zFromBaseline) < STEP_CONFIRMED_Z) {
        histWorse = Math.min(histWorse, 1 - studentTSf(sign * zFromBaseline, df));
        histBetter = Math.min(histBetter, 1 - studentTSf(-sign * zFromBaseline, df));
      }
    }
    confWorse = trustBaseline ? Math.min(confWorse, histWorse) : histWorse;
    confBetter = trustBaseline ? Math.min(confBetter, histBetter) : histBetter;
    const half = studentTQuantile(1 - (1 - o.confidence) / 2, df) * spread;
    change = {
      estimate: histRel,
      low: Math.min(histRel - half, boot.low),
      high: Math.max(histRel + half, boot.high),
      confidence: o.confidence,
      reference: 'history',
    };
    noise = Math.max(withinNoise, relNoise);
    noiseEstimate = {
      source: 'history',
      relative: relNoise,
      description: floored
        ? `${pct(relNoise)} run-to-run noise, the least assumed for a run without its rounds (${k} earlier runs: ${pct(measured)})`
        : `${pct(relNoise)} run-to-run noise of ${k} earlier runs`,
    };
    evidence.history = {
      runs: history.length,
      regimeRuns,
      relativeNoise: relNoise,
      z,
      lastChangePoint: history.lastChangePoint,
    };
  } else {
    // No history (or a same-job comparison without rounds): the run-to-run noise of one run's location is
    // unknown, so the change is judged against the stated prior (DetectOptions.priorNoise) for each of the two
    // runs plus the standard errors of the two location estimates — the uncertainty of the medians, which
    // shrinks with the rounds, not the spread of single rounds.
    const sd = Math.sqrt(2 * o.priorNoise * o.priorNoise + locationError * locationError);
    const lr = logRatio(medC, medB);
    if (lr !== undefined) {
      const z = lr / sd;
      confWorse = Math.min(confWorse, 1 - normalSf(sign * z));
      confBetter = Math.min(confBetter, 1 - normalSf(-sign * z));
      change = {
        estimate: rel,
        ...logInterval(rel, zq * sd),
        confidence: o.confidence,
        reference: 'baseline',
      };
    } else {
      confWorse = Math.min(confWorse, 0.5);
      confBetter = Math.min(confBetter, 0.5);
    }
    noise = Math.max(withinNoise, sd);
    const errors = locationError > 0 ? ` and ${pct(locationError)} standard error of the two medians` : '';
    noiseEstimate = {
      source: 'prior',
      relative: sd,
      description: `no history: a prior run-to-run noise of ${pct(o.priorNoise)} per run${errors}`,
    };
  }
  return {
    pWorse: confWorse,
    pBetter: confBetter,
    change,
    noise,
    noiseEstimate,
    evidence,
    history,
    rankTest,
    sorted,
  };
}

/**
 * The paired decision's statistics (DetectOptions.paired): pair k is baseline[k] and candidate[k]. The paired
 * log ratios d_k = log(candidate[k] / baseline[k]) (or, where a value is not positive, the differences over the
 * baseline's median) are tested by the one-sided signed-rank test each way, and the change's interval is the
 * Hodges-Lehmann interval of their Walsh averages at `confidence` (exact, distribution-free; unbounded while too
 * few pairs can rule nothing out at that level, e.g. under 10 pairs at 0.9967), mapped back to a relative change.
 * The noise is the robust scale of the d_k over √2: the spread of one round that an unpaired comparison with
 * this power would have (stats/power.ts sizes rounds from it).
 */
function pairedPart(
  baseline: readonly number[],
  candidate: readonly number[],
  medB: number,
  confidence: number,
): {
  pLarger: number;
  pSmaller: number;
  change: Omit<ChangeEstimate, 'reference'>;
  noise: number;
  evidence: NonNullable<Detection['evidence']['signedRank']>;
} {
  const n = baseline.length;
  if (candidate.length !== n)
    throw new RangeError(
      `paired decision needs as many candidate as baseline rounds, got ${candidate.length} and ${n}`,
    );
  const logs = baseline.every((v) => v > 0) && candidate.every((v) => v > 0);
  const scale = Math.abs(medB) || 1;
  const d = baseline.map((b, k) => (logs ? Math.log(candidate[k]! / b) : (candidate[k]! - b) / scale));
  const larger = wilcoxonSignedRank(d, { alternative: 'greater' });
  const smaller = wilcoxonSignedRank(d, { alternative: 'less' });
  const w = walshInterval(d, confidence);
  const back = (x: number) => (logs ? Math.expm1(x) : x);
  const spread = n > 1 ? robustScale(d) / Math.SQRT2 : 0;
  return {
    pLarger: larger.p,
    pSmaller: smaller.p,
    change: { estimate: back(w.estimate), low: back(w.low), high: back(w.high), confidence },
    noise: logs ? Math.expm1(spread) : spread,
    evidence: {
      wPlus: larger.wPlus,
      pairs: larger.n,
      p: Math.min(1, 2 * Math.min(larger.p, smaller.p)),
      z: larger.z,
      method: larger.method,
    },
  };
}

/** A model probability at or above this agrees with the statistics that the benchmark regressed. */
const MODEL_AGREES = 0.5;

/** A baseline run whose median strays more than this many run-to-run scales from its regime is an outlier. */
const BASELINE_OUTLIER_Z = 3;

/**
 * A candidate within this many run-to-run scales of an off-regime baseline confirms a step at the baseline.
 * The step is ≥ BASELINE_OUTLIER_Z scales away from the regime, so the two cases stay apart.
 */
const STEP_CONFIRMED_Z = 2;

/** Quantile of the rounds that stands for a run's fastest rounds. */
const FAST_QUANTILE = 0.2;

/**
 * Whether the candidate run (its rounds sorted ascending) looks disturbed by the machine (noisier than the baseline, or slower in its
 * median but not in its fastest rounds) rather than shifted as a whole.
 */
function looksLikeDisturbedRun(
  baseline: Float64Array,
  candidate: Float64Array,
  medB: number,
  medC: number,
  quartiles: { baseline?: readonly [number, number]; candidate?: readonly [number, number] } = {},
): boolean {
  const roundsB = baseline.length >= MIN_ROUNDS;
  const roundsC = candidate.length >= MIN_ROUNDS;
  const medShift = medC / medB - 1;
  if (!(roundsB && roundsC)) {
    // A summary-only side: its reported quartiles stand for its rounds (the other side's from its rounds); with
    // neither, nothing shows whether the machine or the code moved the run.
    const qB = quartiles.baseline ?? (roundsB ? quartilesOf(baseline) : undefined);
    const qC = quartiles.candidate ?? (roundsC ? quartilesOf(candidate) : undefined);
    if (!qB || !qC) return true;
    const noiseB = (qB[1] - qB[0]) / Math.abs(medB || 1);
    const noiseC = (qC[1] - qC[0]) / Math.abs(medC || 1);
    const fastShift = qC[0] / qB[0] - 1;
    const slowShift = qC[1] / qB[1] - 1;
    return disturbed(noiseB, noiseC, medShift, fastShift, slowShift);
  }
  const noiseB = robustScaleOfSorted(baseline, medB) / Math.abs(medB || 1);
  const noiseC = robustScaleOfSorted(candidate, medC) / Math.abs(medC || 1);
  const fastShift = quantileSorted(candidate, FAST_QUANTILE) / quantileSorted(baseline, FAST_QUANTILE) - 1;
  const slowShift =
    quantileSorted(candidate, 1 - FAST_QUANTILE) / quantileSorted(baseline, 1 - FAST_QUANTILE) - 1;
  return disturbed(noiseB, noiseC, medShift, fastShift, slowShift);
}

function quartilesOf(sorted: Float64Array): [number, number] {
  return [quantileSorted(sorted, 0.25), quantileSorted(sorted, 0.75)];
}

/** Noisier than the baseline, or slower in the median but not in the fastest rounds (or more in the slowest). */
function disturbed(
  noiseB: number,
  noiseC: number,
  medShift: number,
  fastShift: number,
  slowShift: number,
): boolean {
  // Disturbance moves values up (slower); in bigger-is-better units that is down, so compare magnitudes.
  const uneven =
    Math.abs(fastShift) < DISTURBED_SHIFT_RATIO * Math.abs(medShift) ||
    Math.abs(slowShift) > Math.abs(medShift) / DISTURBED_SHIFT_RATIO;
  return noiseC > DISTURBED_NOISE_RATIO * noiseB || uneven;
}

/** The fastest rounds moved less than this share of the median's move: the run was disturbed. */
const DISTURBED_SHIFT_RATIO = 0.3;
/** The candidate's rounds spread this many times more than the baseline's: the run was disturbed. */
const DISTURBED_NOISE_RATIO = 2;

function decide(
  direction: Direction,
  part: StatisticalPart,
  features: Float32Array,
  o: Required<DetectOptions>,
  modelProbability: number | undefined,
): Detection {
  const sign = direction === 'smaller-is-better' ? 1 : -1;
  const worse = sign * part.change.estimate;
  let pRegressed = part.pWorse;
  const pImproved = part.pBetter;
  if (modelProbability !== undefined) {
    // Statistics and model must agree. The model learned from labelled real noise what the tests cannot see
    // (whole runs slowed by the machine, baselines in flux); trained on balanced data, a probability below
    // 1/2 means it finds "no regression" the likelier story, and then its doubt is the answer. When it
    // agrees, the statistics' confidence stands, so the verdict keeps their calibrated error rate.
    pRegressed = modelProbability >= MODEL_AGREES ? pRegressed : Math.min(pRegressed, modelProbability);
  }
  const base = {
    probabilityRegressed: pRegressed,
    probabilityImproved: pImproved,
    source: modelProbability === undefined ? ('statistics' as const) : ('statistics+model' as const),
    change: part.change,
    noise: part.noiseEstimate,
    evidence: modelProbability === undefined ? part.evidence : { ...part.evidence, model: modelProbability },
    features,
  };
  const against = `against ${part.noiseEstimate.description}`;
  if (pRegressed >= o.confidence && worse >= o.minRelativeChange) {
    return {
      ...base,
      verdict: 'regression',
      reason: `${pct(worse)} worse with P = ${pRegressed.toFixed(3)}, ${against}`,
    };
  }
  if (pImproved >= o.confidence && -worse >= o.minRelativeChange) {
    return {
      ...base,
      verdict: 'improvement',
      reason: `${pct(-worse)} better with P = ${pImproved.toFixed(3)}, ${against}`,
    };
  }
  const lowWorse = Math.min(sign * part.change.low, sign * part.change.high);
  const highWorse = Math.max(sign * part.change.low, sign * part.change.high);
  const ruledOut = highWorse < o.targetChange && lowWorse > -o.targetChange;
  if (ruledOut) {
    return {
      ...base,
      verdict: 'no-change',
      reason: `change ${pct(worse)}, a ${pct(o.targetChange)} change is ruled out at ${pct(o.confidence)} confidence ${against}`,
    };
  }
  // More rounds help only where the rounds set the noise; between jobs, history is what helps.
  const rounds =
    part.noiseEstimate.source === 'prior' && !part.rankTest
      ? undefined
      : roundsNeeded(part.noise, o.targetChange, { alpha: 1 - o.confidence });
  return {
    ...base,
    verdict: 'inconclusive',
    ...(rounds !== undefined ? { roundsNeeded: rounds } : {}),
    reason:
      `change ${pct(worse)}: too uncertain ${against} to tell it from a ${pct(o.targetChange)} change` +
      (part.noiseEstimate.source === 'prior'
        ? '; a history of earlier runs (ai-ci perf record) or a same-job baseline (--same-job) would tell'
        : rounds !== undefined
          ? `; about ${rounds} rounds per run would detect it`
          : ''),
  };
}

function resolve(options: DetectOptions): Required<DetectOptions> {
  const o = {
    ...DEFAULTS,
    ...Object.fromEntries(Object.entries(options).filter(([, v]) => v !== undefined)),
  };
  if (!(o.confidence > 0.5 && o.confidence < 1))
    throw new RangeError(`confidence must be in (0.5, 1), got ${o.confidence}`);
  if (!(o.minRelativeChange >= 0))
    throw new RangeError(`minRelativeChange must be ≥ 0, got ${o.minRelativeChange}`);
  if (!(o.targetChange > 0)) throw new RangeError(`targetChange must be > 0, got ${o.targetChange}`);
  return o;
}

/** Statistics only (no model): synchronous. */
export function detectRegression(
  input: FeatureInput,
  direction: Direction,
  options: DetectOptions = {},
): Detection {
  const o = resolve(options);
  const part = statisticalPart(input, direction, o);
  return decide(direction, part, computeFeatures(input, direction, part.history, part.sorted), o, undefined);
}

export interface Comparison {
  input: FeatureInput;
  direction: Direction;
  /**
   * The results file (one run) the comparison comes from; comparisons of one file share common-mode
   * rejection. When no comparison names one, all comparisons of the call are one file.
   */
  file?: string;
}

/** Indices of the comparisons of each file, in order of first appearance. */
function filesOf(comparisons: readonly Comparison[]): number[][] {
  const groups = new Map<string | undefined, number[]>();
  comparisons.forEach((c, i) => {
    const g = groups.get(c.file);
    if (g) g.push(i);
    else groups.set(c.file, [i]);
  });
  return [...groups.values()];
}

/**
 * What common-mode rejection (common-mode.ts) finds for each comparison's file: the run-wide shift shared by
 * a file's benchmarks. It explains a change beside the verdict and never changes the verdict: a change every
 * benchmark shares (a compiler flag, a slower allocator) is a regression as much as one of a single benchmark,
 * and removing the others' shift from an unchanged benchmark would invent a change.
 */
export function commonModeOf(
  comparisons: readonly Comparison[],
  options: Pick<DetectOptions, 'commonMode' | 'sameJob'> = {},
): (CommonMode | undefined)[] {
  const commonMode: (CommonMode | undefined)[] = comparisons.map(() => undefined);
  if (options.commonMode === false || options.sameJob) return commonMode;
  for (const group of filesOf(comparisons)) {
    const r = rejectCommonMode(group.map((i) => comparisons[i]!));
    group.forEach((i, k) => {
      commonMode[i] = r.commonMode[k];
    });
  }
  return commonMode;
}

/**
 * The run-wide shift beside a verdict: when the file's other benchmarks moved the same way by at least the
 * smallest reported change, the reason says so — the raw change stays the verdict's.
 */
function explainCommonMode(d: Detection, cm: CommonMode, o: Required<DetectOptions>): Detection {
  const shift = cm.candidateShift - cm.baselineShift;
  const sameWay = Math.sign(shift) === Math.sign(d.change.estimate);
  if (
    !sameWay ||
    Math.abs(shift) < o.minRelativeChange ||
    Math.abs(d.change.estimate) < o.minRelativeChange
  ) {
    return { ...d, commonMode: cm };
  }
  return {
    ...d,
    commonMode: cm,
    reason:
      `${d.reason}; the file's ${cm.benchmarks} other benchmarks moved by about ${pct(shift)} too` +
      `${cm.unusual ? ", beyond the history's run-wide shifts" : ''}: a slower machine or a change every ` +
      'benchmark shares (a compiler flag, an allocator) — the raw change is what is judged',
  };
}

/**
 * Many comparisons at once, so a model is called once with all feature rows. Without a model (or when
 * `model` is undefined) the result is the statistics-only verdicts.
 */
export async function detectRegressions(
  comparisons: readonly Comparison[],
  options: DetectOptions = {},
  model?: ProbabilityModel,
): Promise<Detection[]> {
  const o = resolve(options);
  const commonMode = commonModeOf(comparisons, o);
  const parts = comparisons.map((c) => statisticalPart(c.input, c.direction, o));
  const features = comparisons.map((c, i) =>
    computeFeatures(c.input, c.direction, parts[i]!.history, parts[i]!.sorted),
  );
  let probabilities: number[] | undefined;
  if (model && comparisons.length > 0 && !o.sameJob) {
    probabilities = await model.predict(features);
    if (probabilities.length !== comparisons.length) {
      throw new Error(
        `the model returned ${probabilities.length} probabilities for ${comparisons.length} comparisons`,
      );
    }
  }
  return comparisons.map((c, i) => {
    const d = decide(c.direction, parts[i]!, features[i]!, o, probabilities?.[i]);
    const cm = commonMode[i];
    return cm ? explainCommonMode(d, cm, o) : d;
  });
}
