/**
 * Common-mode rejection for a results file: the benchmarks of one file ran in the same job on the same
 * machine, so a machine-wide slowdown (a busy neighbour, thermal throttling, a slower runner) moves all of
 * them together, while a code change moves only the benchmarks whose code changed. The run-wide shift of a
 * run is estimated robustly — the median, over the file's OTHER benchmarks, of each one's log deviation from
 * its own history — and removed from the benchmark before it is tested, for the candidate run, the baseline
 * run and every run of the history alike.
 *
 * Whether it helps is decided per benchmark from its own history: the adjustment is applied only when the
 * benchmark's run-to-run spread over its history is clearly smaller after removing the run-wide shifts
 * (benchmarks measured in CPU time barely share their neighbours' wall-clock disturbances, and for them the
 * other benchmarks' noise would only be added).
 *
 * Limitation, stated in the report: a change that slows EVERY benchmark alike (a compiler flag, a shared
 * allocator) looks exactly like a slow machine from one file. When the candidate's run-wide shift lies outside
 * what the history's run-wide shifts have shown, the report says so (`unusual`), and benchmarks whose verdict
 * the adjustment turned from a regression into no regression are reported inconclusive instead.
 *
 * Pure: no I/O, no clock.
 */
import { analyseHistory, type Direction, type FeatureInput, type HistoryContext } from './features.js';
import { median, robustScale } from './stats/robust.js';

/** Fewest benchmarks in a file for a run-wide shift (the median of the others needs at least two). */
export const COMMON_MODE_MIN_BENCHMARKS = 3;
/** Fewest history runs with a known run-wide shift for a benchmark to judge whether removing it helps. */
const MIN_ALIGNED_RUNS = 5;
/**
 * Removing the run-wide shift is used when it shrinks the benchmark's run-to-run spread over its history to at
 * most this share. Chosen on the train split only: 0.8, 0.9 and 1.0 were tried, and on the train benchmarks
 * 0.8 gave the fewest false alarms (124 vs 125 vs 127 per 1,000) at about the same recall.
 */
const APPLY_RATIO = 0.8;
/** A candidate run-wide shift beyond this many robust scales of the history's run-wide shifts is unusual. */
const UNUSUAL_Z = 4;

export interface CommonModeComparison {
  input: FeatureInput;
  direction: Direction;
}

/** What common-mode rejection did for one benchmark (exposed in `ai-ci perf analyze --json`). */
export interface CommonMode {
  /** Whether the run-wide shift was removed before testing this benchmark. */
  applied: boolean;
  /**
   * Run-wide relative shift of the candidate run, from the file's other benchmarks (+ = values larger, as
   * the benchmark's own change estimate); 0 when it could not be estimated.
   */
  candidateShift: number;
  /** The same for the baseline run. */
  baselineShift: number;
  /** Other benchmarks of the file the candidate's shift was estimated from. */
  benchmarks: number;
  /** Robust relative run-to-run spread of the benchmark's history without and with the adjustment. */
  historyNoise?: number;
  adjustedHistoryNoise?: number;
  /** The candidate's run-wide shift is outside what the history's run-wide shifts showed. */
  unusual: boolean;
  reason: string;
}

export interface CommonModeResult {
  /** Inputs to test: adjusted where `commonMode[i].applied`, the original input otherwise. */
  inputs: FeatureInput[];
  commonMode: (CommonMode | undefined)[];
}

/** Per benchmark: oriented log deviations of each history run (aligned by run key) and of the candidate. */
interface Deviations {
  /** Run key → log deviation of that run from its regime median (oriented: + = worse). */
  history: Map<string, number>;
  keys: string[];
  candidate: number | undefined;
}

function runKeys(input: FeatureInput): string[] {
  const h = input.history ?? [];
  const keys = input.historyRuns;
  // Without run identities, runs are aligned from the most recent one backwards: each benchmark of the file
  // is assumed to have been measured in every earlier run.
  if (keys && keys.length === h.length) return [...keys];
  return h.map((_, i) => `#${h.length - 1 - i}`);
}

function deviationsOf(c: CommonModeComparison, ctx: HistoryContext): Deviations {
  const orient = c.direction === 'smaller-is-better' ? 1 : -1;
  const keys = runKeys(c.input);
  const history = new Map<string, number>();
  for (let i = 0; i < ctx.length; i++) {
    const d = ctx.deviations[i]!;
    if (d > -1) history.set(keys[i]!, orient * Math.log1p(d));
  }
  const medC = median(c.input.candidate);
  const candidate =
    ctx.length > 0 && ctx.regimeMedian > 0 && medC > 0
      ? orient * Math.log(medC / ctx.regimeMedian)
      : undefined;
  return { history, keys, candidate };
}

/**
 * Removes the run-wide shift from each benchmark of one results file where it helps. With fewer than
 * COMMON_MODE_MIN_BENCHMARKS benchmarks nothing is changed (and `commonMode` is all undefined).
 * `contexts` are the benchmarks' analysed histories when the caller has them already.
 */
export function rejectCommonMode(
  file: readonly CommonModeComparison[],
  contexts: readonly HistoryContext[] = file.map((c) => analyseHistory(c.input.history ?? [])),
): CommonModeResult {
  const inputs = file.map((c) => c.input);
  if (file.length < COMMON_MODE_MIN_BENCHMARKS) return { inputs, commonMode: file.map(() => undefined) };
  const devs = file.map((c, i) => deviationsOf(c, contexts[i]!));
  const commonMode: CommonMode[] = file.map((c, i) => {
    const own = devs[i]!;
    const others = devs.filter((_, j) => j !== i);
    const shiftOf = (values: (number | undefined)[]): number | undefined => {
      const known = values.filter((v): v is number => v !== undefined);
      return known.length >= COMMON_MODE_MIN_BENCHMARKS - 1 ? median(known) : undefined;
    };
    const cmCandidate = shiftOf(others.map((d) => d.candidate));
    const cmHistory = own.keys.map((k) => shiftOf(others.map((d) => d.history.get(k))));
    const orient = c.direction === 'smaller-is-better' ? 1 : -1;
    // Back to the benchmark's own units: + = values larger.
    const asChange = (logShift: number) => Math.expm1(orient * logShift);
    const cmBaseline = cmHistory.at(-1);
    const base = {
      applied: false,
      candidateShift: cmCandidate !== undefined ? asChange(cmCandidate) : 0,
      baselineShift: cmBaseline !== undefined ? asChange(cmBaseline) : 0,
      benchmarks: others.filter((d) => d.candidate !== undefined).length,
      unusual: false,
    };
    const raw: number[] = [];
    const adjusted: number[] = [];
    const shifts: number[] = [];
    own.keys.forEach((k, j) => {
      const d = own.history.get(k);
      const cm = cmHistory[j];
      if (d === undefined || cm === undefined) return;
      raw.push(d);
      adjusted.push(d - cm);
      shifts.push(cm);
    });
    if (cmCandidate === undefined || cmBaseline === undefined || raw.length < MIN_ALIGNED_RUNS) {
      return {
        ...base,
        reason: `too little shared history with the file's other benchmarks (${raw.length} runs; ${MIN_ALIGNED_RUNS} needed)`,
      };
    }
    const historyNoise = robustScale(raw);
    const adjustedHistoryNoise = robustScale(adjusted);
    const shiftScale = robustScale(shifts);
    const unusual = Math.abs(cmCandidate - median(shifts)) > UNUSUAL_Z * Math.max(shiftScale, 1e-3);
    const helps = adjustedHistoryNoise <= APPLY_RATIO * historyNoise;
    const info = { ...base, historyNoise, adjustedHistoryNoise, unusual };
    if (!helps) {
      return {
        ...info,
        reason: `run-wide shifts do not explain this benchmark's run-to-run noise (${pctOf(historyNoise)} → ${pctOf(adjustedHistoryNoise)})`,
      };
    }
    const scale = (values: readonly number[], logShift: number) => {
      const f = Math.exp(-orient * logShift);
      return values.map((v) => v * f);
    };
    const history = (c.input.history ?? []).map((v, j) => v * Math.exp(-orient * (cmHistory[j] ?? 0)));
    inputs[i] = {
      ...c.input,
      baseline: scale(c.input.baseline, cmBaseline),
      candidate: scale(c.input.candidate, cmCandidate),
      history,
    };
    return {
      ...info,
      applied: true,
      reason:
        `removed the run-wide shift of ${pctOf(asChange(cmCandidate))} measured on ${base.benchmarks} other benchmarks ` +
        `(run-to-run noise ${pctOf(historyNoise)} → ${pctOf(adjustedHistoryNoise)})`,
    };
  });
  return { inputs, commonMode };
}

function pctOf(v: number): string {
  return `${(v * 100).toFixed(1)}%`;
}
