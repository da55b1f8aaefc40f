/**
 * Same-job A/B: the base and head builds are run alternately in one job, on one machine, so both sides share
 * its state (clock, cache, neighbours); warm-up rounds are discarded; each round's results are read (any format
 * of ../parse, or the command's wall time as hyperfine measures it), and each benchmark is decided by the
 * same-job decision of ../detect.ts (rank test of the rounds with a Hodges-Lehmann/bootstrap interval; with
 * `pairing: 'adjacent'` the signed-rank test of the ratios of rounds run next to each other). Rounds are
 * adaptive: benchmarks still undecided after the first `rounds` get more, up to `maxRounds`, with the repeated
 * looks corrected so the false-alarm rate stays at its level (runAb).
 *
 * The order is ABBA by default (base, head, head, base, …: a linear drift of the machine hits both sides
 * equally) or randomised per pair (seeded). The commands are run by an injected `exec`, so the library has no
 * process I/O and is tested with a fake; the CLI (`ai-ci perf ab`) passes one that spawns a shell.
 *
 * Size: one sequential procedure (schedule, rounds, looks and the per-look decision with its pairing) whose parts share
 * the run's state and the design note of runAb; split, they would pass that state around for no reader's gain.
 */
import { type Detection, type DetectOptions, detectRegression } from '../detect.js';
import type { Direction } from '../features.js';
import { type FormatName, parseResultsText } from '../parse/index.js';
import { seededRandom } from '../stats/rng.js';
import { median } from '../stats/robust.js';

export type Side = 'base' | 'head';
export const AB_FORMATS = ['auto', 'wall', 'gbench', 'pytest', 'hyperfine'] as const;
export type AbFormat = (typeof AB_FORMATS)[number];
export type AbOrder = 'abba' | 'random';
/**
 * How a benchmark's rounds are compared. `adjacent`: pair k is the k-th measured round of each side, which run
 * next to each other (each pair of the schedule holds one of each, abSchedule), and the decision is made on the
 * paired ratios (detect.ts, DetectOptions.paired: signed-rank test and Walsh-average interval), so a drift of the
 * machine slower than a pair cancels. `none`: the two sides' rounds are two independent samples (rank-sum test and
 * bootstrap interval).
 */
export const AB_PAIRINGS = ['adjacent', 'none'] as const;
export type AbPairing = (typeof AB_PAIRINGS)[number];
/**
 * The default pairing of runAb and `ai-ci perf ab --pairing`: none. Paired was measured against it by `npm run
 * eval:ab` (two runs on a 2-core VM under changing load, README "Paired against unpaired") and was not better: 82.1%
 * right on changes ≥ 5% run paired against 82.1% for the unpaired looks replayed on its rounds, and 78.2% replayed
 * paired against 82.1% in a run unpaired; 2 of 144 unchanged comparisons called regressions paired, 1 unpaired. The
 * ratios spread less than the rounds (a median 25% per round) but 10 pairs reach a look's level (0.01/3) only with
 * W+ ≥ 53 of 55, a coarser step than the rank-sum test of 10 + 10 rounds.
 */
export const AB_PAIRING: AbPairing = 'none';
/** Which time of a Google Benchmark result a round gives: `real_time` (default) or `cpu_time`. */
export const AB_TIMES = ['real', 'cpu'] as const;
export type AbTime = (typeof AB_TIMES)[number];

/** What one round of a command gave: its wall time, and the results text it wrote (file or stdout). */
export interface RoundOutput {
  wallSeconds: number;
  text?: string;
}

/** Runs one round of one side's command. */
export type AbExec = (side: Side, command: string, round: number) => Promise<RoundOutput>;

export interface AbOptions {
  /** Measured rounds per side before the first look. Default 10. */
  rounds?: number;
  /**
   * Most measured rounds per side: benchmarks still inconclusive at a look get more rounds, the count doubling
   * from `rounds` up to this (10 → 20 → 40). Equal to `rounds`: one look, a fixed number of rounds. Default
   * AB_MAX_ROUNDS (40), or `rounds` when that is larger.
   */
  maxRounds?: number;
  /** Warm-up rounds per side, run first and discarded. Default 1. */
  warmup?: number;
  order?: AbOrder;
  /** Seed of the random order. Default 1. */
  seed?: number;
  format?: AbFormat;
  /**
   * `cpu`: each round gives Google Benchmark's `cpu_time` instead of `real_time`. On a shared runner the CPU time of
   * a single-threaded, CPU-bound benchmark is much less disturbed by neighbours than its wall-clock time, but it
   * misses time spent waiting (I/O, locks, other threads): a choice for such benchmarks, not a default. Other
   * formats have no CPU time: a round without one is an error naming it. Default `real`.
   */
  time?: AbTime;
  /** How the rounds are compared (AbPairing). Default AB_PAIRING. */
  pairing?: AbPairing;
  /**
   * Passed to the decision (minRelativeChange, targetChange, …); sameJob is always on. `confidence` is the
   * family-wise confidence over all looks (default AB_CONFIDENCE, 0.99): each look decides at
   * 1 − (1 − confidence) / looks (abLooks).
   */
  detect?: Omit<DetectOptions, 'sameJob' | 'paired'>;
  /** Called after each round and each look, for progress lines (the library prints nothing). */
  onProgress?: (event: AbProgress) => void;
}

/** What runAb reports while it runs. */
export type AbProgress =
  | {
      kind: 'round';
      side: Side;
      /** Measured round of the side, 1-based (0 for a warm-up round). */
      round: number;
      /** Rounds of both sides run so far, warm-up included, and the most the plan allows. */
      ran: number;
      planned: number;
    }
  | {
      kind: 'look';
      /** 1-based look and the number of planned looks. */
      look: number;
      looks: number;
      /** Measured rounds per side at this look. */
      rounds: number;
      /** Benchmarks decided so far (at this look or earlier) and those still inconclusive. */
      decided: number;
      undecided: string[];
      /** Rounds per side of the next look when the run goes on; absent when it stops here. */
      next?: number;
    };

export interface AbBenchmark {
  name: string;
  unit: string;
  direction: Direction;
  /** One value per measured round its decision used: the round's median for the benchmark. */
  base: number[];
  head: number[];
  /** Measured rounds per side its decision used (the look it stopped at); base and head have this many. */
  rounds: number;
  detection: Detection;
}

export interface AbResult {
  /** The sides in the order they ran, warm-up included. */
  schedule: Side[];
  warmupRounds: number;
  /** Measured rounds per side at each planned look (abLooks), and the confidence each look decided at. */
  looks: number[];
  confidencePerLook: number;
  /** Family-wise confidence over the looks (the decision's `confidence`). */
  confidence: number;
  /** How the rounds were compared. */
  pairing: AbPairing;
  /** Measured rounds per side actually run (the last look reached). */
  roundsRun: number;
  benchmarks: AbBenchmark[];
  /** Benchmarks seen on one side only, or in some rounds only (not decided). */
  warnings: string[];
}

/** An A/B run that cannot be decided: a round without results, a parse failure (the message names the round). */
export class AbError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'AbError';
  }
}

const FORMAT_OF: Record<Exclude<AbFormat, 'wall'>, FormatName> = {
  auto: 'auto',
  gbench: 'google-benchmark',
  pytest: 'pytest-benchmark',
  hyperfine: 'hyperfine',
};

/**
 * Default family-wise confidence of `perf ab`: a regression is called on at most 1 in 100 unchanged benchmarks
 * (one-sided level 0.01 over all looks together) — the false-alarm target of issue 14. A single comparison at
 * 0.95, the default of `perf analyze`, would allow 5 in 100.
 */
export const AB_CONFIDENCE = 0.99;
/**
 * Default most rounds per side: four times the first look, so a run costs at most 4× a fixed 10-round run
 * (plus one warm-up pair); three looks (10, 20, 40). With the rank test's efficiency (stats/power.ts), 40 rounds
 * per side detect a 5% change at one look's level 0.01/3 with 95% power when one round's noise is up to about
 * 5%, where 10 rounds need about 2.5%.
 */
export const AB_MAX_ROUNDS = 40;
/** Each tail of a look's bootstrap interval rests on at least this many resamples (more at high confidence). */
const TAIL_RESAMPLES = 20;
const DEFAULT_RESAMPLES = 1000;

/**
 * The planned looks: measured rounds per side at each, doubling from `rounds` and capped at `maxRounds`
 * (10, 40 → [10, 20, 40]; 10, 30 → [10, 20, 30]; 10, 10 → [10]).
 */
export function abLooks(rounds: number, maxRounds: number): number[] {
  const looks = [rounds];
  while (looks[looks.length - 1]! < maxRounds) looks.push(Math.min(2 * looks[looks.length - 1]!, maxRounds));
  return looks;
}

/**
 * The decision each look of runAb makes (detect.ts's same-job decision, paired or not) for a run of `looks` planned
 * looks: the family-wise confidence (detect.confidence, default AB_CONFIDENCE) split over the looks (Bonferroni),
 * with enough bootstrap resamples for the look's tails. Exported so that a replay of runAb's looks on recorded
 * rounds (scripts/perf/eval-ab.ts) decides exactly as it does.
 */
export function abLookDetectOptions(
  looks: number,
  pairing: AbPairing,
  detect: AbOptions['detect'] = {},
): DetectOptions {
  const confidence = detect.confidence ?? AB_CONFIDENCE;
  const confidencePerLook = 1 - (1 - confidence) / looks;
  const tail = (1 - confidencePerLook) / 2;
  return {
    ...detect,
    confidence: confidencePerLook,
    resamples: detect.resamples ?? Math.max(DEFAULT_RESAMPLES, Math.ceil(TAIL_RESAMPLES / tail)),
    sameJob: true,
    paired: pairing === 'adjacent',
  };
}

/**
 * The order of rounds: `warmup` pairs, then `rounds` pairs. ABBA alternates which side leads each pair
 * (AB BA AB …); random draws it per pair. Each side runs warmup + rounds times. A run that stops at an earlier
 * look runs a prefix of it.
 */
export function abSchedule(rounds: number, warmup: number, order: AbOrder = 'abba', seed = 1): Side[] {
  const random = seededRandom(seed);
  const out: Side[] = [];
  for (let pair = 0; pair < warmup + rounds; pair++) {
    const baseFirst = order === 'abba' ? pair % 2 === 0 : random() < 0.5;
    out.push(...((baseFirst ? ['base', 'head'] : ['head', 'base']) as Side[]));
  }
  return out;
}

interface Collected {
  unit: string;
  direction: Direction;
  values: Record<Side, number[]>;
}

/**
 * Runs base and head alternately and decides each benchmark, with more rounds for the undecided ones.
 *
 * Sequential design. After `rounds` pairs (the first look) every benchmark is decided by detect.ts's same-job
 * decision; while some benchmark is still inconclusive, more pairs run (both commands: a round runs every
 * benchmark) and the undecided ones are decided again at the next look, up to `maxRounds` (abLooks). A benchmark
 * stops at the first look where it is decided, and keeps that verdict:
 * - regression / improvement: the one-sided rank test rejects "no change" at the look's level;
 * - no-change ("clearly unchanged"): the look's interval of the change lies within ±targetChange (5%), i.e. a
 *   change of the size the job must catch is ruled out — an equivalence test (two one-sided tests, Schuirmann
 *   1987) at the same level. For a real change of exactly targetChange it stops as no-change with probability at
 *   most the interval's one tail per look, (1 − confidence) / 2 over all looks.
 * Benchmarks still inconclusive at `maxRounds` stay inconclusive (reported, never a failure).
 *
 * Why a correction, and why Bonferroni: looking at the data again after more rounds and calling a regression
 * whenever any look's test rejects raises the false-alarm rate above the level of one look (Armitage, McPherson
 * & Rowe 1969: five looks at 0.05 give 0.14). A group-sequential design fixes the looks in advance and spends the
 * level α = 1 − confidence over them. Here the looks are few and planned (abLooks: 10, 20, 40 by default), and
 * each gets α / K (Bonferroni): P(any false regression) ≤ Σ α / K = α by the union bound, whatever the
 * correlation of the looks' statistics (each look's test needs only its own level), so it needs no joint normal
 * approximation of the statistics across looks, the basis of Pocock's and O'Brien-Fleming's boundaries (Pocock
 * 1977, Biometrika 64:191; O'Brien & Fleming 1979, Biometrics 35:549), which is rough for a rank test of 10
 * rounds.
 * It costs little with three looks: at α = 0.01 and looks at 10, 20, 40 rounds the Bonferroni boundary is
 * z = 2.71 at each look, the exact constant boundary for those looks (Pocock's design, computed for these
 * unequal information fractions 1/4, 1/2, 1 under the normal approximation) 2.66, and Bonferroni's actual level
 * there 0.0086 instead of 0.01 (Jennison & Turnbull 2000, Group Sequential Methods with Applications to Clinical
 * Trials, ch. 2-3, on constant boundaries and on Bonferroni as their conservative bound). Unlike
 * O'Brien-Fleming's boundary it keeps the first look able to decide clear changes, which is
 * what saves CI time. Stopping early for no-change (futility) only lowers the chance of a false regression, so
 * it needs no share of α. The equivalence side is covered by the same union bound: the interval at each look
 * has confidence 1 − α / K.
 */
export async function runAb(
  base: string,
  head: string,
  exec: AbExec,
  options: AbOptions = {},
): Promise<AbResult> {
  const rounds = options.rounds ?? 10;
  const maxRounds = options.maxRounds ?? Math.max(AB_MAX_ROUNDS, rounds);
  const warmup = options.warmup ?? 1;
  const format = options.format ?? 'auto';
  const time = options.time ?? 'real';
  const pairing = options.pairing ?? AB_PAIRING;
  if (!AB_PAIRINGS.includes(pairing))
    throw new RangeError(`pairing must be one of ${AB_PAIRINGS.join(', ')}, got ${pairing}`);
  if (time === 'cpu' && format !== 'auto' && format !== 'gbench')
    throw new RangeError(
      `time 'cpu' reads Google Benchmark's cpu_time: format must be gbench or auto, got ${format}`,
    );
  if (!(Number.isInteger(rounds) && rounds >= 2))
    throw new RangeError(`rounds must be a whole number ≥ 2, got ${rounds}`);
  if (!(Number.isInteger(maxRounds) && maxRounds >= rounds))
    throw new RangeError(`maxRounds must be a whole number ≥ rounds (${rounds}), got ${maxRounds}`);
  if (!(Number.isInteger(warmup) && warmup >= 0))
    throw new RangeError(`warmup must be a whole number ≥ 0, got ${warmup}`);
  const confidence = options.detect?.confidence ?? AB_CONFIDENCE;
  if (!(confidence > 0.5 && confidence < 1))
    throw new RangeError(`confidence must be in (0.5, 1), got ${confidence}`);
  const looks = abLooks(rounds, maxRounds);
  const detect = abLookDetectOptions(looks.length, pairing, options.detect);
  const confidencePerLook = detect.confidence!;
  const plan = abSchedule(maxRounds, warmup, options.order ?? 'abba', options.seed ?? 1);
  const collected = new Map<string, Collected>();
  const seen: Record<Side, number> = { base: 0, head: 0 };
  const decided = new Map<string, AbBenchmark>();
  const dropped = new Set<string>();
  const warnings: string[] = [];
  let ran = 0;
  let roundsRun = 0;
  for (const [k, n] of looks.entries()) {
    // Whole pairs up to n measured rounds per side.
    while (seen.base < warmup + n || seen.head < warmup + n) {
      const side = plan[ran++]!;
      const round = seen[side]++;
      const out = await exec(side, side === 'base' ? base : head, round);
      options.onProgress?.({
        kind: 'round',
        side,
        round: round < warmup ? 0 : round - warmup + 1,
        ran,
        planned: plan.length,
      });
      if (round >= warmup) read(collected, format, time, side, round, out);
    }
    roundsRun = n;
    const last = k === looks.length - 1;
    for (const [name, c] of collected) {
      if (decided.has(name) || dropped.has(name)) continue;
      if (c.values.base.length !== n || c.values.head.length !== n) {
        warnings.push(
          `${name}: in ${c.values.base.length} base and ${c.values.head.length} head rounds of ${n}; not decided`,
        );
        dropped.add(name);
        continue;
      }
      const detection = detectRegression(
        { baseline: c.values.base, candidate: c.values.head },
        c.direction,
        detect,
      );
      if (detection.verdict !== 'inconclusive' || last) {
        decided.set(name, {
          name,
          unit: c.unit,
          direction: c.direction,
          base: c.values.base.slice(0, n),
          head: c.values.head.slice(0, n),
          rounds: n,
          detection,
        });
      }
    }
    const undecided = [...collected.keys()].filter((name) => !decided.has(name) && !dropped.has(name));
    const next = undecided.length > 0 && !last ? looks[k + 1] : undefined;
    options.onProgress?.({
      kind: 'look',
      look: k + 1,
      looks: looks.length,
      rounds: n,
      decided: decided.size,
      undecided,
      ...(next !== undefined ? { next } : {}),
    });
    if (next === undefined) break;
  }
  // In the order the benchmarks first appeared.
  const benchmarks = [...collected.keys()].flatMap((name) => decided.get(name) ?? []);
  return {
    schedule: plan.slice(0, ran),
    warmupRounds: warmup,
    looks,
    confidencePerLook,
    confidence,
    pairing,
    roundsRun,
    benchmarks,
    warnings,
  };
}

/** Adds one measured round's values (its wall time, or each benchmark's median in the results it wrote). */
function read(
  collected: Map<string, Collected>,
  format: AbFormat,
  time: AbTime,
  side: Side,
  round: number,
  out: RoundOutput,
): void {
  const label = `${side} round ${round + 1}`;
  if (format === 'wall') {
    add(collected, 'wall time', 's', 'smaller-is-better', side, out.wallSeconds);
    return;
  }
  if (out.text === undefined || out.text.trim() === '') {
    throw new AbError(
      `${label}: the command wrote no results (use --format wall to time the command itself)`,
    );
  }
  let parsed: ReturnType<typeof parseResultsText>;
  try {
    parsed = parseResultsText(out.text, label, FORMAT_OF[format]);
  } catch (err) {
    throw new AbError(`${label}: ${(err as Error).message}`);
  }
  for (const r of parsed.results) {
    if (time === 'real') {
      add(collected, r.name, r.unit, r.direction, side, median(r.samples));
      continue;
    }
    const cpu = r.extra.cpuTime;
    if (
      !Array.isArray(cpu) ||
      cpu.length === 0 ||
      !cpu.every((v) => typeof v === 'number' && Number.isFinite(v))
    )
      throw new AbError(
        `${label}: ${r.name} has no cpu_time (--time cpu reads Google Benchmark's cpu_time of every repetition)`,
      );
    add(collected, r.name, r.unit, r.direction, side, median(cpu as number[]));
  }
}

function add(
  map: Map<string, Collected>,
  name: string,
  unit: string,
  direction: Direction,
  side: Side,
  v: number,
) {
  let c = map.get(name);
  if (!c) {
    c = { unit, direction, values: { base: [], head: [] } };
    map.set(name, c);
  }
  c.values[side].push(v);
}
