/**
 * Builds the labelled evaluation and training sets from recorded real benchmark noise (noise.ts).
 *
 * Nothing here is simulated noise: every value is a real measurement from the recording; only the labelled
 * effects are injected — multiplicative step changes of 1–50% (log-uniform, so small changes are common),
 * slow drifts, outlier runs and outlier rounds — at known places. Benchmarks, not comparisons, are split
 * into train and held-out, so the held-out score is on benchmarks whose noise was never seen in training.
 * Comparisons come in results files (all benchmarks of one tool's run), as `ai-ci perf analyze` gets them.
 *
 * Deterministic: the same noise file and seed always give the same sets. Pure: no I/O.
 *
 * Size: one pipeline (split → inject → label) whose steps share the recording's indices and the seeded generator;
 * the noise recording itself is in noise.ts.
 */
import type { Direction } from '../features.js';
import { seededRandom, type UniformRandom } from '../stats/rng.js';
import { medianInPlace } from '../stats/robust.js';
import type { NoiseBenchmark, NoiseFile } from './noise.js';

export type Split = 'train' | 'heldout';

export type ComparisonKind = 'no-change' | 'regression' | 'improvement';
export type Nuisance =
  | 'none'
  | 'history-step'
  | 'history-outlier'
  | 'baseline-outlier'
  | 'candidate-outliers'
  | 'drift';

/** One comparison: does `candidate` regress against `baseline` and `history`? */
export interface LabelledComparison {
  id: string;
  benchmark: string;
  /** The split of the file this comparison belongs to. */
  split: Split;
  /** The results file (one run of one tool's benchmarks) the comparison belongs to. */
  file: string;
  /** False when the benchmark is in the file only as context (a train benchmark in a held-out file). */
  scored: boolean;
  /** True when every benchmark of the file was changed alike (a change of code they all share). */
  fileWide: boolean;
  direction: Direction;
  input: { baseline: number[]; candidate: number[]; history: number[] };
  kind: ComparisonKind;
  /** Injected relative change of the candidate in the worse direction (0.05 = 5% worse); 0 when none. */
  change: number;
  nuisance: Nuisance;
  /** 1 when the candidate regressed (kind 'regression'), else 0. */
  label: 0 | 1;
}

/** One series of per-run summaries with its true change points. */
export interface LabelledSeries {
  id: string;
  benchmark: string;
  split: Split;
  values: number[];
  /** 0-based index of the first point of each new regime. */
  changePoints: number[];
  /** Relative step at each change point (+0.1 = values 10% higher afterwards). */
  steps: number[];
}

export interface GenerateOptions {
  seed?: number;
  /** Comparisons per benchmark. Default 400. */
  comparisonsPerBenchmark?: number;
  /** Series per benchmark. Default 40. */
  seriesPerBenchmark?: number;
  /** Length of every series; default a random length in [60, 200]. */
  seriesLength?: number;
}

export const DEFAULT_SEED = 20261125;

/** Per tool, a third of the benchmarks (at least one) are held out, chosen by a seeded shuffle. */
export function splitBenchmarks(noise: NoiseFile, seed = DEFAULT_SEED): Map<string, Split> {
  const random = seededRandom(seed);
  const byTool = new Map<string, string[]>();
  for (const b of noise.benchmarks) byTool.set(b.tool, [...(byTool.get(b.tool) ?? []), b.id]);
  const split = new Map<string, Split>();
  for (const tool of [...byTool.keys()].sort()) {
    const ids = byTool.get(tool)!.sort();
    shuffle(ids, random);
    const held = Math.max(1, Math.round(ids.length / 3));
    ids.forEach((id, i) => {
      split.set(id, i < held ? 'heldout' : 'train');
    });
  }
  return split;
}

function shuffle<T>(items: T[], random: UniformRandom): void {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [items[i], items[j]] = [items[j]!, items[i]!];
  }
}

function uniform(random: UniformRandom, lo: number, hi: number): number {
  return lo + (hi - lo) * random();
}

function int(random: UniformRandom, lo: number, hiInclusive: number): number {
  return lo + Math.floor(random() * (hiInclusive - lo + 1));
}

/** Log-uniform relative change in [1%, 50%]. */
export function drawChange(random: UniformRandom): number {
  return Math.exp(uniform(random, Math.log(0.01), Math.log(0.5)));
}

function medianOf(values: readonly number[]): number {
  return medianInPlace(Float64Array.from(values));
}

/** Stable seed per (benchmark, purpose), so adding a benchmark does not reshuffle the others. */
function seedFor(base: number, id: string, purpose: string): number {
  let h = base | 0;
  for (const ch of `${purpose}:${id}`) h = Math.imul(h ^ ch.charCodeAt(0), 0x01000193);
  return h;
}

/**
 * Stationary bootstrap (Politis & Romano, 1994) of a benchmark's runs: blocks of consecutive real runs with
 * geometric lengths (mean `meanBlock`), so local autocorrelation of the machine's noise is kept while series
 * longer than the recording can be formed.
 */
function stationaryBootstrap(
  runs: number,
  length: number,
  meanBlock: number,
  random: UniformRandom,
): number[] {
  const order: number[] = [];
  let pos = int(random, 0, runs - 1);
  while (order.length < length) {
    order.push(pos);
    if (random() < 1 / meanBlock) pos = int(random, 0, runs - 1);
    else pos = (pos + 1) % runs;
  }
  return order;
}

function nuisanceFor(random: UniformRandom): Nuisance {
  const r = random();
  if (r < 0.45) return 'none';
  if (r < 0.6) return 'history-step';
  if (r < 0.72) return 'history-outlier';
  if (r < 0.77) return 'baseline-outlier';
  if (r < 0.9) return 'candidate-outliers';
  return 'drift';
}

/**
 * One results file of a tool's run — the way `ai-ci perf analyze results.json` sees benchmarks: every
 * benchmark of the file measured in the same run, so a machine-wide slowdown moves them together. Each
 * file draws ONE sequence of recorded runs shared by all its benchmarks (run k of every benchmark of a
 * tool was recorded in the same iteration of scripts/perf/record-noise.sh, seconds apart), so the real
 * common-mode noise of the recording is kept; changes are injected into a subset of the benchmarks.
 */
interface FileMember {
  bench: NoiseBenchmark;
  /** False for a train benchmark that sits in a held-out file only as context: its comparison is not scored. */
  scored: boolean;
}

/** Share of files where every benchmark changes the same way by about the same amount (a change of common code). */
const FILE_WIDE_CHANGE_RATE = 0.1;

function memberKind(random: UniformRandom): ComparisonKind {
  const r = random();
  // Most benchmarks of a file do not change with a given commit; a third of them change here so there are
  // enough changes to score while the run-wide median stays mostly unchanged, as in real files.
  return r < 0.6 ? 'no-change' : r < 0.87 ? 'regression' : 'improvement';
}

function fileComparisons(
  fileId: string,
  members: readonly FileMember[],
  split: Split,
  random: UniformRandom,
): LabelledComparison[] {
  const runs = Math.min(...members.map((m) => m.bench.runs.length));
  // History lengths from none to 30 runs: short histories are where change-point tools give up.
  const h = random() < 0.1 ? 0 : int(random, 3, 30);
  // Runs in time order: history (h runs, the last one is the baseline run), then the candidate run.
  const order = stationaryBootstrap(runs, Math.max(h, 1) + 1, 12, random);
  // The bootstrap draws runs with replacement: keep the candidate's own run out of its history, or a
  // disturbed run would find its twin there and look ordinary.
  const candidateRun = order[order.length - 1]!;
  for (let i = 0; i < order.length - 1; i++) {
    if (order[i] === candidateRun) order[i] = (candidateRun + 1) % runs;
  }
  // A quarter of the files are throughput-like (bigger is better): the same data as 1/time.
  const direction: Direction = random() < 0.25 ? 'bigger-is-better' : 'smaller-is-better';
  const fileWide = random() < FILE_WIDE_CHANGE_RATE;
  const fileWideKind: ComparisonKind = random() < 0.7 ? 'regression' : 'improvement';
  const fileWideChange = drawChange(random);
  const out: LabelledComparison[] = [];
  for (const { bench, scored } of members) {
    const kind = fileWide ? fileWideKind : memberKind(random);
    // A change of common code moves each benchmark by a similar, not identical, amount.
    const change =
      kind === 'no-change'
        ? 0
        : fileWide
          ? Math.min(0.5, Math.max(0.01, fileWideChange * uniform(random, 0.8, 1.2)))
          : drawChange(random);
    const c = comparisonFor(bench, order, kind, change, nuisanceFor(random), direction, random);
    out.push({
      ...c,
      id: `${fileId}/${bench.id}`,
      split,
      file: fileId,
      scored,
      fileWide,
    });
  }
  return out;
}

function comparisonFor(
  bench: NoiseBenchmark,
  order: readonly number[],
  kind: ComparisonKind,
  change: number,
  nuisance: Nuisance,
  direction: Direction,
  random: UniformRandom,
): Omit<LabelledComparison, 'id' | 'split' | 'file' | 'scored' | 'fileWide'> {
  const h = order.length - 1;
  const factors = new Float64Array(order.length).fill(1);
  const last = order.length - 1;
  const baselineAt = last - 1;
  if (nuisance === 'history-step' && baselineAt >= 2) {
    const at = int(random, 1, baselineAt);
    const step = (random() < 0.5 ? 1 : -1) * uniform(random, 0.02, 0.3);
    for (let i = at; i <= last; i++) factors[i]! *= 1 + step;
  } else if (nuisance === 'history-outlier' && baselineAt >= 2) {
    const times = int(random, 1, 2);
    for (let k = 0; k < times; k++) factors[int(random, 0, baselineAt - 1)]! *= uniform(random, 1.2, 2);
  } else if (nuisance === 'baseline-outlier') {
    factors[baselineAt]! *= uniform(random, 1.15, 1.6);
  } else if (nuisance === 'drift' && baselineAt >= 4) {
    const total = (random() < 0.5 ? 1 : -1) * uniform(random, 0.01, 0.05);
    for (let i = 0; i <= last; i++) factors[i]! *= 1 + (total * Math.min(i, baselineAt)) / baselineAt;
  }
  if (kind === 'regression') factors[last]! *= 1 + change;
  if (kind === 'improvement') factors[last]! /= 1 + change;

  const runSamples = (i: number) => bench.runs[order[i]!]!.map((v) => v * factors[i]!);
  const candidate = runSamples(last);
  if (nuisance === 'candidate-outliers' && candidate.length >= 5) {
    const times = int(random, 1, Math.min(3, Math.floor(candidate.length / 5)));
    for (let k = 0; k < times; k++)
      candidate[int(random, 0, candidate.length - 1)]! *= uniform(random, 1.5, 4);
  }
  const baseline = runSamples(baselineAt);
  // A history of one run would be the baseline run alone: files without history (h = 1 here) get none.
  const history = h <= 1 ? [] : order.slice(0, h).map((run, i) => medianOf(bench.runs[run]!) * factors[i]!);
  const orient = (v: number) => (direction === 'bigger-is-better' ? 1 / v : v);
  return {
    benchmark: bench.id,
    direction,
    input: {
      baseline: baseline.map(orient),
      candidate: candidate.map(orient),
      history: history.map(orient),
    },
    kind,
    change: kind === 'regression' ? change : kind === 'improvement' ? -change : 0,
    nuisance,
    label: kind === 'regression' ? 1 : 0,
  };
}

function seriesFor(
  bench: NoiseBenchmark,
  split: Split,
  count: number,
  random: UniformRandom,
  fixedLength: number | undefined,
): LabelledSeries[] {
  const out: LabelledSeries[] = [];
  const runMedians = bench.runs.map(medianOf);
  const margin = 10;
  for (let s = 0; s < count; s++) {
    const drawn = int(random, 60, 200);
    const length = fixedLength ?? drawn;
    const order = stationaryBootstrap(bench.runs.length, length, 12, random);
    const values = order.map((run) => runMedians[run]!);
    const r = random();
    const k = r < 0.2 ? 0 : r < 0.5 ? 1 : r < 0.8 ? 2 : 3;
    const changePoints: number[] = [];
    for (let attempt = 0; changePoints.length < k && attempt < 100; attempt++) {
      const at = int(random, margin, length - margin);
      if (changePoints.every((c) => Math.abs(c - at) >= margin)) changePoints.push(at);
    }
    changePoints.sort((a, b) => a - b);
    const steps = changePoints.map(() => (random() < 0.5 ? 1 : -1) * drawChange(random));
    changePoints.forEach((at, i) => {
      const factor = steps[i]! > 0 ? 1 + steps[i]! : 1 / (1 - steps[i]!);
      for (let j = at; j < length; j++) values[j]! *= factor;
    });
    const realSteps = steps.map((st) => (st > 0 ? st : 1 / (1 - st) - 1));
    if (random() < 0.3) {
      const outliers = int(random, 1, 3);
      for (let o = 0; o < outliers; o++) values[int(random, 0, length - 1)]! *= uniform(random, 1.3, 3);
    }
    if (random() < 0.15) {
      // A slow creep of at most 3% over the whole series: noise, not a change point.
      const total = (random() < 0.5 ? 1 : -1) * uniform(random, 0.005, 0.03);
      for (let j = 0; j < length; j++) values[j]! *= 1 + (total * j) / (length - 1);
    }
    out.push({ id: `${bench.id}~${s}`, benchmark: bench.id, split, values, changePoints, steps: realSteps });
  }
  return out;
}

/**
 * Labelled comparisons grouped in results files (field `file`). Train files hold only train benchmarks, so
 * nothing of a held-out benchmark reaches training; held-out files hold every benchmark of the tool, as a
 * real results file would, and only their held-out benchmarks are scored (`scored`); the train benchmarks
 * in them are context for the run-wide shift. `comparisonsPerBenchmark` files are drawn per tool and split,
 * so each scored benchmark gets that many comparisons.
 */
export function generateComparisons(noise: NoiseFile, options: GenerateOptions = {}): LabelledComparison[] {
  const seed = options.seed ?? DEFAULT_SEED;
  const count = options.comparisonsPerBenchmark ?? 400;
  const split = splitBenchmarks(noise, seed);
  const tools = [...new Set(noise.benchmarks.map((b) => b.tool))].sort();
  const out: LabelledComparison[] = [];
  for (const tool of tools) {
    const ofTool = noise.benchmarks.filter((b) => b.tool === tool);
    for (const which of ['train', 'heldout'] as const) {
      const members: FileMember[] = ofTool
        .filter((b) => which === 'heldout' || split.get(b.id) === 'train')
        .map((bench) => ({ bench, scored: split.get(bench.id) === which }));
      if (!members.some((m) => m.scored)) continue;
      const random = seededRandom(seedFor(seed, tool, `files:${which}`));
      for (let f = 0; f < count; f++) {
        out.push(...fileComparisons(`${tool}@${which}#${f}`, members, which, random));
      }
    }
  }
  return out;
}

export function generateSeries(noise: NoiseFile, options: GenerateOptions = {}): LabelledSeries[] {
  const seed = options.seed ?? DEFAULT_SEED;
  const count = options.seriesPerBenchmark ?? 40;
  const split = splitBenchmarks(noise, seed);
  return noise.benchmarks.flatMap((b) =>
    seriesFor(b, split.get(b.id)!, count, seededRandom(seedFor(seed, b.id, 'series')), options.seriesLength),
  );
}

/**
 * Same-job A/B comparisons: the base commit benchmarked in the same job as the head, their rounds interleaved
 * (A B A B …), as `ai-ci perf analyze --baseline base.json --same-job` gets them. Each recorded run gives
 * one: its even rounds are the baseline, its odd rounds the candidate (consecutive rounds of one run, so the
 * two samples share the machine's state exactly as interleaved builds would), with a change of 1–50% injected
 * into the candidate's rounds of a regression or improvement, and now and then a few outlier rounds. No
 * history: the comparison stands on its rounds. Split by benchmark like the history comparisons.
 */
export function generateSameJobComparisons(
  noise: NoiseFile,
  options: GenerateOptions = {},
): LabelledComparison[] {
  const seed = options.seed ?? DEFAULT_SEED;
  const split = splitBenchmarks(noise, seed);
  const out: LabelledComparison[] = [];
  for (const bench of noise.benchmarks) {
    const random = seededRandom(seedFor(seed, bench.id, 'same-job'));
    bench.runs.forEach((run, r) => {
      if (run.length < 2 * MIN_SAME_JOB_ROUNDS) return;
      const kind = memberKind(random);
      const change = kind === 'no-change' ? 0 : drawChange(random);
      const factor = kind === 'regression' ? 1 + change : kind === 'improvement' ? 1 / (1 + change) : 1;
      const baseline = run.filter((_, i) => i % 2 === 0);
      const candidate = run.filter((_, i) => i % 2 === 1).map((v) => v * factor);
      const u = random();
      const nuisance: Nuisance = u < 0.13 ? 'candidate-outliers' : u < 0.18 ? 'baseline-outlier' : 'none';
      const disturbed =
        nuisance === 'candidate-outliers' ? candidate : nuisance === 'baseline-outlier' ? baseline : [];
      if (disturbed.length > 0) {
        // A few rounds slowed by the machine (an interrupt, a page-cache miss): never more than a fifth.
        const times = int(random, 1, Math.max(1, Math.floor(disturbed.length / 5)));
        for (let k = 0; k < times; k++)
          disturbed[int(random, 0, disturbed.length - 1)]! *= uniform(random, 1.5, 4);
      }
      const direction: Direction = random() < 0.25 ? 'bigger-is-better' : 'smaller-is-better';
      const orient = (v: number) => (direction === 'bigger-is-better' ? 1 / v : v);
      out.push({
        id: `${bench.id}@same-job#${r}`,
        benchmark: bench.id,
        split: split.get(bench.id)!,
        file: `${bench.id}@same-job#${r}`,
        scored: true,
        fileWide: false,
        direction,
        input: { baseline: baseline.map(orient), candidate: candidate.map(orient), history: [] },
        kind,
        change: kind === 'regression' ? change : kind === 'improvement' ? -change : 0,
        nuisance,
        label: kind === 'regression' ? 1 : 0,
      });
    });
  }
  return out;
}

/** Fewest rounds each of the baseline and the candidate get from one recorded run. */
const MIN_SAME_JOB_ROUNDS = 3;
