import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Command, InvalidArgumentError, Option } from 'commander';
import {
  AB_CONFIDENCE,
  AB_FORMATS,
  AB_MAX_ROUNDS,
  AB_PAIRING,
  AB_PAIRINGS,
  AB_TIMES,
  AbError,
  type AbExec,
  type AbFormat,
  type AbOrder,
  type AbPairing,
  type AbProgress,
  type AbTime,
  runAb,
} from '../../../analysis/perf/ab/index.js';
import { CliError, ExitCode } from '../exit-codes.js';
import { traceResult } from '../tracing.js';

function wholeNumber(min: number) {
  return (value: string): number => {
    const v = Number(value);
    if (!Number.isInteger(v) || v < min) throw new InvalidArgumentError(`must be a whole number ≥ ${min}`);
    return v;
  };
}

function probability(value: string): number {
  const v = Number(value);
  if (!(v >= 0.5 && v < 1))
    throw new InvalidArgumentError('must be a probability between 0.5 and 1, e.g. 0.95');
  return v;
}

interface AbFlags {
  base: string;
  head: string;
  rounds: number;
  maxRounds?: number;
  warmup: number;
  order: AbOrder;
  format: AbFormat;
  time: AbTime;
  pairing: AbPairing;
  threshold?: number;
  json?: boolean;
}

/**
 * Runs `sh -c COMMAND` with `{out}` replaced by (and AI_CI_AB_OUT set to) a fresh results path; the round's
 * results are that file when the command wrote it, else its stdout. Wall time as hyperfine measures it: from
 * spawn to exit.
 */
function shellExec(dir: string): AbExec {
  return (side, command, round) =>
    new Promise((resolve, reject) => {
      const out = join(dir, `${side}-${round}.json`);
      const started = performance.now();
      const child = spawn('sh', ['-c', command.replaceAll('{out}', out)], {
        env: { ...process.env, AI_CI_AB_OUT: out },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      const stdout: Buffer[] = [];
      const stderr: Buffer[] = [];
      child.stdout.on('data', (b: Buffer) => stdout.push(b));
      child.stderr.on('data', (b: Buffer) => stderr.push(b));
      child.on('error', reject);
      child.on('close', (code) => {
        const wallSeconds = (performance.now() - started) / 1000;
        if (code !== 0) {
          const tail = Buffer.concat(stderr).toString('utf8').trim().split('\n').slice(-1)[0] ?? '';
          reject(
            new CliError(
              `--${side} command failed in round ${round + 1} (exit ${code}): ${tail}`,
              ExitCode.InputError,
            ),
          );
          return;
        }
        let text: string;
        try {
          text = readFileSync(out, 'utf8');
        } catch {
          text = Buffer.concat(stdout).toString('utf8');
        }
        resolve({ wallSeconds, text });
      });
    });
}

/** Seconds without a line after which a round's completion is reported (long rounds). */
const QUIET_SECONDS = 15;

/**
 * Progress on stderr, only where a run is long: a line at each look that goes on to more rounds, and a line
 * after a round when nothing was printed for QUIET_SECONDS. A run decided at its first look in a few seconds
 * prints nothing.
 */
function progressLines(write: (line: string) => void): (event: AbProgress) => void {
  const started = performance.now();
  let last = started;
  const seconds = () => Math.round((performance.now() - started) / 1000);
  return (e) => {
    const now = performance.now();
    if (e.kind === 'look') {
      if (e.next === undefined) return;
      const names = e.undecided.slice(0, 3).join(', ') + (e.undecided.length > 3 ? ', …' : '');
      write(
        `perf ab: look ${e.look}/${e.looks} after ${e.rounds} rounds each (${seconds()} s): ${e.decided} decided, ` +
          `${e.undecided.length} undecided (${names}); running both sides to ${e.next} rounds`,
      );
      last = now;
    } else if ((now - last) / 1000 >= QUIET_SECONDS) {
      write(`perf ab: ${e.ran} of at most ${e.planned} runs done (${seconds()} s)`);
      last = now;
    }
  };
}

function pct(v: number): string {
  return `${v >= 0 ? '+' : ''}${(100 * v).toFixed(1)}%`;
}

export function registerPerfAb(perf: Command): void {
  perf
    .command('ab')
    .description(
      'same-job A/B: run the base and head commands alternately in this job (warm-up discarded), read each ' +
        'round’s results (or time the commands), and decide per benchmark with the rank test and a bootstrap ' +
        'interval (or, --pairing adjacent, the signed-rank test of paired rounds); undecided benchmarks get more rounds (up to --max-rounds)',
    )
    .requiredOption(
      '--base <command>',
      'shell command of the base build; {out} is replaced by a results path',
    )
    .requiredOption('--head <command>', 'shell command of the head build; {out} as for --base')
    .option(
      '--rounds <n>',
      'measured rounds per side before the first decision; benchmarks still undecided get more',
      wholeNumber(2),
      10,
    )
    .option(
      '--max-rounds <n>',
      `most measured rounds per side: undecided benchmarks get more rounds, doubling from --rounds up to this ` +
        `(10 → 20 → 40), with the repeated looks corrected (Bonferroni); equal to --rounds for a fixed count ` +
        `(default ${AB_MAX_ROUNDS}, or --rounds when larger)`,
      wholeNumber(2),
    )
    .option('--warmup <k>', 'warm-up rounds per side, discarded', wholeNumber(0), 1)
    .addOption(
      new Option('--order <order>', 'order of each pair of rounds')
        .choices(['abba', 'random'])
        .default('abba'),
    )
    .addOption(
      new Option(
        '--format <format>',
        'what a round gives: results in a format (auto-detected) or its wall time',
      )
        .choices([...AB_FORMATS])
        .default('auto'),
    )
    .addOption(
      new Option(
        '--time <time>',
        "Google Benchmark's time a round gives: real (wall clock) or cpu (cpu_time: less disturbed by neighbours " +
          'on a shared runner for single-threaded CPU-bound benchmarks, blind to waiting)',
      )
        .choices([...AB_TIMES])
        .default('real'),
    )
    .addOption(
      new Option(
        '--pairing <pairing>',
        'adjacent: decide on the ratios of the k-th base and head rounds, which run next to each other (signed-rank ' +
          'test; a drift of the machine common to both cancels); none: the two sides’ rounds as independent ' +
          'samples (rank-sum test, bootstrap interval)',
      )
        .choices([...AB_PAIRINGS])
        .default(AB_PAIRING),
    )
    .option(
      '--threshold <p>',
      `probability needed to call a regression, over all looks together: 1 − P bounds the false-alarm rate ` +
        `(default ${AB_CONFIDENCE})`,
      probability,
    )
    .option('--json', 'print the rounds and decisions as JSON')
    .action(async (flags: AbFlags) => {
      const maxRounds = flags.maxRounds ?? Math.max(AB_MAX_ROUNDS, flags.rounds);
      if (maxRounds < flags.rounds) {
        throw new CliError(`--max-rounds ${maxRounds} is below --rounds ${flags.rounds}`, ExitCode.Usage);
      }
      const dir = mkdtempSync(join(tmpdir(), 'ai-ci-ab-'));
      let result: Awaited<ReturnType<typeof runAb>>;
      try {
        result = await runAb(flags.base, flags.head, shellExec(dir), {
          rounds: flags.rounds,
          maxRounds,
          warmup: flags.warmup,
          order: flags.order,
          format: flags.format,
          time: flags.time,
          pairing: flags.pairing,
          onProgress: progressLines((line) => process.stderr.write(`${line}\n`)),
          ...(flags.threshold !== undefined ? { detect: { confidence: flags.threshold } } : {}),
        });
      } catch (err) {
        if (err instanceof AbError) throw new CliError(err.message, ExitCode.InputError);
        throw err;
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
      traceResult((t) => t.perfAb(result));
      for (const w of result.warnings) process.stderr.write(`warning: ${w}\n`);
      const regressed = result.benchmarks.some((b) => b.detection.verdict === 'regression');
      if (flags.json) {
        const doc = {
          schedule: result.schedule,
          warmupRounds: result.warmupRounds,
          looks: result.looks,
          roundsRun: result.roundsRun,
          confidence: result.confidence,
          confidencePerLook: result.confidencePerLook,
          pairing: result.pairing,
          benchmarks: result.benchmarks.map((b) => ({
            name: b.name,
            unit: b.unit,
            direction: b.direction,
            rounds: b.rounds,
            base: b.base,
            head: b.head,
            verdict: b.detection.verdict,
            probabilityRegressed: b.detection.probabilityRegressed,
            change: b.detection.change,
            reason: b.detection.reason,
          })),
          warnings: result.warnings,
        };
        process.stdout.write(`${JSON.stringify(doc, null, 2)}\n`);
      } else {
        for (const b of result.benchmarks) {
          const c = b.detection.change;
          process.stdout.write(
            `${b.name}: ${pct(c.estimate)} [${pct(c.low)}, ${pct(c.high)}] ${b.detection.verdict} ` +
              `(P(regressed) = ${b.detection.probabilityRegressed.toFixed(3)}; ${b.rounds} rounds each)\n`,
          );
        }
      }
      if (regressed) process.exitCode = ExitCode.Finding;
    });
}
