/**
 * Same-job A/B: the base and head builds are run alternately in one job, on one machine, so both sides share
 * its state (clock, cache, neighbours); warm-up rounds are discarded; each round's results are read (any format
 * of ../parse, or the command's wall time as hyperfine measures it), and each benchmark is decided by the
 * same-job decision of ../detect.ts (rank test of the rounds with a Hodges-Lehmann/bootstrap interval).
 *
 * The order is ABBA by default (base, head, head, base, …: a linear drift of the machine hits both sides
 * equally) or randomised per pair (seeded). The commands are run by an injected `exec`, so the library has no
 * process I/O and is tested with a fake; the CLI (`ai-ci perf ab`) passes one that spawns a shell.
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

/** What one round of a command gave: its wall time, and the results text it wrote (file or stdout). */
export interface RoundOutput {
  wallSeconds: number;
  text?: string;
}

/** Runs one round of one side's command. */
export type AbExec = (side: Side, command: string, round: number) => Promise<RoundOutput>;

export interface AbOptions {
  /** Measured rounds per side. Default 10. */
  rounds?: number;
  /** Warm-up rounds per side, run first and discarded. Default 1. */
  warmup?: number;
  order?: AbOrder;
  /** Seed of the random order. Default 1. */
  seed?: number;
  format?: AbFormat;
  /** Passed to the decision (confidence, minRelativeChange, …); sameJob is always on. */
  detect?: Omit<DetectOptions, 'sameJob'>;
}

export interface AbBenchmark {
  name: string;
  unit: string;
  direction: Direction;
  /** One value per measured round: the round's median for the benchmark. */
  base: number[];
  head: number[];
  detection: Detection;
}

export interface AbResult {
  /** The sides in the order they ran, warm-up included. */
  schedule: Side[];
  warmupRounds: number;
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
 * The order of rounds: `warmup` pairs, then `rounds` pairs. ABBA alternates which side leads each pair
 * (AB BA AB …); random draws it per pair. Each side runs warmup + rounds times.
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

export async function runAb(
  base: string,
  head: string,
  exec: AbExec,
  options: AbOptions = {},
): Promise<AbResult> {
  const rounds = options.rounds ?? 10;
  const warmup = options.warmup ?? 1;
  const format = options.format ?? 'auto';
  if (!(Number.isInteger(rounds) && rounds >= 2))
    throw new RangeError(`rounds must be a whole number ≥ 2, got ${rounds}`);
  if (!(Number.isInteger(warmup) && warmup >= 0))
    throw new RangeError(`warmup must be a whole number ≥ 0, got ${warmup}`);
  const schedule = abSchedule(rounds, warmup, options.order ?? 'abba', options.seed ?? 1);
  const collected = new Map<string, Collected>();
  const seen: Record<Side, number> = { base: 0, head: 0 };
  for (const side of schedule) {
    const round = seen[side]++;
    const out = await exec(side, side === 'base' ? base : head, round);
    if (round < warmup) continue;
    const label = `${side} round ${round + 1}`;
    if (format === 'wall') {
      add(collected, 'wall time', 's', 'smaller-is-better', side, out.wallSeconds);
      continue;
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
    for (const r of parsed.results) add(collected, r.name, r.unit, r.direction, side, median(r.samples));
  }
  const warnings: string[] = [];
  const benchmarks: AbBenchmark[] = [];
  for (const [name, c] of collected) {
    if (c.values.base.length !== rounds || c.values.head.length !== rounds) {
      warnings.push(
        `${name}: in ${c.values.base.length} base and ${c.values.head.length} head rounds of ${rounds}; not decided`,
      );
      continue;
    }
    const detection = detectRegression({ baseline: c.values.base, candidate: c.values.head }, c.direction, {
      ...options.detect,
      sameJob: true,
    });
    benchmarks.push({
      name,
      unit: c.unit,
      direction: c.direction,
      base: c.values.base,
      head: c.values.head,
      detection,
    });
  }
  return { schedule, warmupRounds: warmup, benchmarks, warnings };
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
