/**
 * Runs a command and measures its energy and carbon over its lifetime (`ai-ci carbon track`, the pytest plugin's
 * model, and the history `carbon predict` learns from). The command's stdio is inherited; its exit status is
 * returned, never changed here. Budgets are in grams CO2e.
 */
import { spawn } from 'node:child_process';
import { type EnergyMeasurement, EnergyMeter, gramsCo2e, type MeterOptions, wattHours } from './meter.js';
import { POWER_TABLE } from './power.js';
import { reapedChildrenCpuSeconds } from './proc.js';

export interface Budget {
  /** Grams CO2e. */
  grams: number;
  /** Fraction of the budget that raises the early warning (default 0.8). */
  warnAt: number;
}

export type BudgetState = 'within' | 'warning' | 'exceeded';

/** Where `grams` stands against a budget. */
export function budgetState(grams: number, budget: Budget): BudgetState {
  if (grams > budget.grams) return 'exceeded';
  if (grams >= budget.warnAt * budget.grams) return 'warning';
  return 'within';
}

export interface Intensity {
  /** gCO2e/kWh. */
  value: number;
  /** Where it came from, e.g. "static", "CarbonPolicy ci-carbon (electricityMaps DE)". */
  source: string;
}

/**
 * The intensity used when none is given: the world's mean grid intensity in 2023, 480 gCO2e/kWh (Ember, Global
 * Electricity Review 2024). A real source (`--policy`, `--source`, `--intensity`) is always better.
 */
export const DEFAULT_INTENSITY: Readonly<Intensity> = POWER_TABLE.defaultIntensity;

export interface TrackOptions extends MeterOptions {
  /** Intensity at the start, used while running (warnings). */
  intensity: Intensity;
  /** The mean intensity over the run, when a forecast covers it; asked once at the end. */
  intensityOver?: (start: number, end: number) => Promise<Intensity | undefined>;
  budget?: Budget;
  /** Called once, while running, when the running total first reaches warnAt × budget. */
  onWarning?: (grams: number, budget: Budget) => void;
  env?: NodeJS.ProcessEnv;
}

export interface TrackReport {
  command: string[];
  exitCode: number;
  signal: string | null;
  measurement: EnergyMeasurement;
  energy: { wh: number; low: number; high: number };
  intensity: Intensity;
  carbon: { grams: number; low: number; high: number; unit: 'gCO2e' };
  budget?: Budget & { state: BudgetState; warnedWhileRunning: boolean };
  /** The tracker's own CPU time while the command ran (sampling, nvidia-smi parsing), and its share of the wall time. */
  overhead: { cpuSeconds: number; percentOfWall: number };
}

/** A failure to start the command (not found, not executable): the command never ran. */
export class SpawnError extends Error {}

/** Exit status as a shell reports it: the code, or 128 + the signal number. */
const SIGNALS: Record<string, number> = { SIGHUP: 1, SIGINT: 2, SIGQUIT: 3, SIGKILL: 9, SIGTERM: 15 };

export async function trackCommand(argv: string[], options: TrackOptions): Promise<TrackReport> {
  const [command, ...args] = argv;
  if (!command) throw new SpawnError('no command to run');
  const meter = new EnergyMeter(options);
  const cpuBefore = reapedChildrenCpuSeconds(options.proc);
  const child = spawn(command, args, { stdio: 'inherit', env: options.env ?? process.env });
  const spawned = await new Promise<Error | undefined>((resolve) => {
    child.once('spawn', () => resolve(undefined));
    child.once('error', (err) => resolve(err));
  });
  if (spawned)
    throw new SpawnError(
      `cannot run ${command}: ${(spawned as NodeJS.ErrnoException).code ?? spawned.message}`,
    );
  const exit = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );
  const selfBefore = process.cpuUsage();
  meter.start(child.pid!);
  let warned = false;
  const timer = setInterval(() => {
    const joules = meter.sample();
    const budget = options.budget;
    if (budget && !warned && budgetState(gramsCo2e(joules, options.intensity.value), budget) !== 'within') {
      warned = true;
      options.onWarning?.(gramsCo2e(joules, options.intensity.value), budget);
    }
  }, options.intervalMs ?? 1000);
  // Signals sent to ai-ci (Ctrl-C, the runner cancelling the job) reach the command; its exit ends the track.
  const forward = (signal: NodeJS.Signals) => child.kill(signal);
  for (const s of ['SIGINT', 'SIGTERM'] as const) process.on(s, forward);
  const { code, signal } = await exit;
  clearInterval(timer);
  for (const s of ['SIGINT', 'SIGTERM'] as const) process.off(s, forward);
  const cpuAfter = reapedChildrenCpuSeconds(options.proc);
  const reaped = cpuBefore !== undefined && cpuAfter !== undefined ? cpuAfter - cpuBefore : undefined;
  const measurement = await meter.stop(reaped);
  const self = process.cpuUsage(selfBefore);
  const overheadSeconds = (self.user + self.system) / 1e6;
  const intensity =
    (await options.intensityOver?.(measurement.startedAt, measurement.endedAt).catch(() => undefined)) ??
    options.intensity;
  const grams = gramsCo2e(measurement.joules, intensity.value);
  const report: TrackReport = {
    command: argv,
    exitCode: code ?? 128 + (SIGNALS[signal ?? ''] ?? 0),
    signal,
    measurement,
    energy: {
      wh: wattHours(measurement.joules),
      low: wattHours(measurement.band[0]),
      high: wattHours(measurement.band[1]),
    },
    intensity,
    carbon: {
      grams,
      low: gramsCo2e(measurement.band[0], intensity.value),
      high: gramsCo2e(measurement.band[1], intensity.value),
      unit: 'gCO2e',
    },
    overhead: {
      cpuSeconds: overheadSeconds,
      percentOfWall:
        measurement.durationSeconds > 0 ? (overheadSeconds / measurement.durationSeconds) * 100 : 0,
    },
  };
  if (options.budget) {
    report.budget = {
      ...options.budget,
      state: budgetState(grams, options.budget),
      warnedWhileRunning: warned,
    };
  }
  return report;
}
