import { readFile, writeFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { Option } from 'commander';
import { CARBON_POLICY_DEFAULTS } from '../../../api/v1alpha1/index.js';
import { formatDuration, parseDuration } from '../../../carbon/duration.js';
import { bundledTracePath, loadTrace, zoneTimeZone } from '../../../carbon/simulate/data.js';
import type { ForecastKind } from '../../../carbon/simulate/forecast.js';
import type { ArrivalPattern, SimJob } from '../../../carbon/simulate/jobs.js';
import { generateJobs, JobsParseError, parseJobs } from '../../../carbon/simulate/jobs.js';
import type { RunDescription, SweepRow } from '../../../carbon/simulate/report.js';
import { jsonReport, sweepReport, textReport } from '../../../carbon/simulate/report.js';
import { createRandom } from '../../../carbon/simulate/rng.js';
import type { SimulationConfig } from '../../../carbon/simulate/simulate.js';
import { simulate } from '../../../carbon/simulate/simulate.js';
import { renderSvg } from '../../../carbon/simulate/svg.js';
import { parseTimeValue, type Trace, TraceParseError } from '../../../carbon/traces.js';
import { CliError, ExitCode } from '../exit-codes.js';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

interface SimulateOptions {
  trace?: string;
  region: string;
  year?: string;
  emissionFactor: 'lifecycle' | 'direct';
  from?: string;
  to?: string;
  deadline: string;
  jobs?: string;
  jobsPerDay: string;
  durationMin: string;
  durationMax: string;
  arrivals: ArrivalPattern;
  timeZone?: string;
  maxRunners: string;
  runnerPowerKw: string;
  threshold: string;
  checkHours: string;
  tolerance: string;
  toleranceG: string;
  policyThreshold?: string;
  waitPenalty: string;
  defaultJobDuration: string;
  forecast: ForecastKind | 'auto';
  forecastMae: string;
  forecastHorizon: string;
  randomSeed: string;
  json?: boolean;
  svg?: string;
  svgFrom?: string;
  svgDays: string;
  quiet?: boolean;
}

export function registerSimulate(program: Command): void {
  program
    .command('simulate')
    .description(
      'replay a real grid carbon-intensity trace and a job-arrival trace through the ai-ci scheduler and compare, ' +
        "side by side: run now, the design document's 6-hourly threshold check, a threshold-only policy, ai-ci's " +
        'forecast policy and an oracle with perfect foresight, under the same deadline and runner limit',
    )
    .option(
      '--trace <file>',
      'intensity trace: Electricity Maps portal CSV, time,intensity CSV, saved UK API JSON (.gz ok)',
    )
    .option(
      '--region <names>',
      'bundled grid data: GB, DE, US-CAL-CISO, SG, US-TEX-ERCO; comma-separate for a sweep',
      'GB',
    )
    .option('--year <year>', 'year of the bundled data (default 2024, or the latest bundled)')
    .addOption(
      new Option('--emission-factor <kind>', 'Electricity Maps column: life-cycle (as their API) or direct')
        .choices(['lifecycle', 'direct'])
        .default('lifecycle'),
    )
    .option('--from <date>', 'first arrival (UTC date or time; default: start of the trace)')
    .option('--to <date>', 'end of arrivals (default: end of the trace, less the deadline)')
    .option(
      '--deadline <duration>',
      'maxDeferral: a job must finish by queued + this; comma-separate for a sweep (CarbonPolicy default)',
      CARBON_POLICY_DEFAULTS.maxDeferral,
    )
    .option(
      '--jobs <file>',
      'job arrivals: CSV (time,duration[,name,labels,branch]) or JSON [{time,duration,name}]',
    )
    .option('--jobs-per-day <n>', 'generator: mean arrivals per day', '48')
    .option('--duration-min <duration>', 'generator: shortest job', '2m')
    .option('--duration-max <duration>', 'generator: longest job', '3h')
    .addOption(
      new Option('--arrivals <pattern>', 'generator: diurnal (working hours, weekdays heavy) or uniform')
        .choices(['diurnal', 'uniform'])
        .default('diurnal'),
    )
    .option(
      '--time-zone <iana>',
      "generator: whose working hours (default: the trace zone's; required when the zone has no single one)",
    )
    .option('--max-runners <n>', 'runner limit, for every policy and the oracle', '20')
    .option('--runner-power-kw <kw>', 'power of one busy runner (GPU plus its share of the host)', '0.3')
    .option(
      '--threshold <g>',
      'design doc and threshold-only policies: low-carbon below this gCO2eq/kWh',
      '200',
    )
    .option('--check-hours <list>', 'design doc policy: hours (UTC) of its checks', '0,6,12,18')
    .option(
      '--tolerance <percent>',
      'ai-ci: run now when within this % of the best window (CarbonPolicy tolerancePercent and its default)',
      String(CARBON_POLICY_DEFAULTS.tolerancePercent),
    )
    .option('--tolerance-g <g>', 'ai-ci: the same as an absolute gCO2eq/kWh (the larger applies)', '0')
    .option(
      '--policy-threshold <g>',
      'ai-ci: CarbonPolicy threshold: run at once at or below it (default: none)',
    )
    .option(
      '--wait-penalty <g>',
      'ai-ci: each hour of waiting must buy this much lower forecast intensity',
      '0',
    )
    .option(
      '--default-job-duration <duration>',
      'ai-ci: planned duration while no job has been learned yet (CarbonPolicy defaultJobDuration); later, a ' +
        'job with little history is planned with the longest learned one',
      CARBON_POLICY_DEFAULTS.defaultJobDuration,
    )
    .addOption(
      new Option(
        '--forecast <kind>',
        "ai-ci's forecast: auto (the trace's own, else noisy), noisy, history, perfect, provider",
      )
        .choices(['auto', 'noisy', 'history', 'perfect', 'provider'])
        .default('auto'),
    )
    .option('--forecast-mae <g>', 'noisy forecast: mean absolute error over a 48 h horizon', '24')
    .option(
      '--forecast-horizon <duration>',
      'how far ahead each forecast reaches (CarbonPolicy forecastHorizon and its default)',
      CARBON_POLICY_DEFAULTS.forecastHorizon,
    )
    .option('--random-seed <n>', 'seed of job generation and forecast noise', '1')
    .option('--json', 'print the results as JSON')
    .option('--svg <file>', 'write a picture: intensity and job placements per policy')
    .option(
      '--svg-from <date>',
      'first day of the picture (default: the Monday of the week whose intensity varies most)',
    )
    .option('--svg-days <n>', 'days shown in the picture', '7')
    .option('-q, --quiet', 'no progress on stderr')
    .addHelpText(
      'after',
      '\nWith no options: the bundled GB 2024 trace (Electricity Maps, ODbL), 48 generated jobs a day, and ai-ci with\n' +
        "the CarbonPolicy CRD's defaults (deadline, tolerance, default job duration, forecast horizon).\n" +
        'misses: jobs that FINISHED after queued + deadline.\n' +
        'Several --region or --deadline values print one summary line per combination.\n' +
        'Exit codes: 0 done (a policy missing deadlines is reported, not an error), 2 bad options, 3 unreadable input.',
    )
    .action(async (opts: SimulateOptions) => {
      await runSimulate(opts);
    });
}

async function runSimulate(opts: SimulateOptions): Promise<void> {
  const regions = opts.trace ? [undefined] : splitList(opts.region, '--region');
  const deadlines = splitList(opts.deadline, '--deadline').map((d) => ({
    text: d,
    ms: duration(d, '--deadline'),
  }));
  const sweep = regions.length > 1 || deadlines.length > 1;
  if (sweep && opts.svg)
    throw new CliError('--svg draws one simulation: give one --region and one --deadline', ExitCode.Usage);
  const rows: SweepRow[] = [];
  const reports: unknown[] = [];
  let lastForecastNote = '';
  const fileJobs = opts.jobs ? await readJobsFile(opts.jobs) : undefined;
  for (const regionName of regions) {
    const loaded = await loadInput(opts, regionName);
    for (const deadline of deadlines) {
      const label = `${loaded.label}, deadline ${deadline.text}`;
      const { config, run } = buildRun(opts, loaded, deadline.ms, fileJobs);
      const progress = progressReporter(opts, label);
      const result = simulate({ ...config, onProgress: progress.update });
      progress.done();
      lastForecastNote = `ai-ci forecast: ${result.forecast.description}`;
      if (sweep) {
        rows.push({ region: loaded.label, deadline: deadline.text, result });
        reports.push(jsonReport(run, result));
        continue;
      }
      if (opts.json) process.stdout.write(`${JSON.stringify(jsonReport(run, result), null, 2)}\n`);
      else process.stdout.write(`${textReport(run, result)}\n`);
      if (opts.svg) await writeSvg(opts, loaded, config, result, run);
    }
  }
  if (sweep) {
    if (opts.json) process.stdout.write(`${JSON.stringify(reports, null, 2)}\n`);
    else process.stdout.write(`${sweepReport(rows, lastForecastNote)}\n`);
  }
}

interface LoadedInput {
  trace: Trace;
  label: string;
  origin: 'bundled' | 'file';
  path: string;
  timeZone: string;
  /** Why the time zone is what it is, when that is not obvious (appended to the jobs line). */
  timeZoneNote?: string;
}

async function loadInput(opts: SimulateOptions, regionName: string | undefined): Promise<LoadedInput> {
  const year = opts.year === undefined ? undefined : integer(opts.year, '--year', 1900, 2200);
  let path: string;
  let label: string;
  let timeZone: string | undefined;
  let origin: 'bundled' | 'file' = 'file';
  if (opts.trace) {
    path = opts.trace;
    label = opts.trace;
  } else {
    let found: ReturnType<typeof bundledTracePath>;
    try {
      found = bundledTracePath(regionName ?? 'GB', year);
    } catch (err) {
      throw new CliError((err as Error).message, ExitCode.Usage);
    }
    path = found.path;
    label = `${found.region.zone} ${found.year}`;
    timeZone = found.region.timeZone;
    origin = 'bundled';
  }
  let trace: Trace;
  try {
    trace = await loadTrace(path, {
      emissionFactor: opts.emissionFactor,
      source: origin === 'bundled' ? 'electricityMaps' : 'file',
    });
  } catch (err) {
    if (err instanceof TraceParseError) throw new CliError(err.message, ExitCode.InputError);
    throw err;
  }
  if (opts.trace && trace.zone) label = `${trace.zone} (${opts.trace})`;
  let timeZoneNote = '';
  if (opts.timeZone === undefined && timeZone === undefined && needsTimeZone(opts)) {
    // The diurnal generator puts jobs in working hours: whose? A named zone gets its own time zone (or the user is
    // asked for one); only a trace that names no zone at all falls back to UTC, and the output says so.
    if (trace.zone) {
      const found = zoneTimeZone(trace.zone);
      if (!found.timeZone)
        throw new CliError(
          `${opts.trace}: ${found.reason}: give --time-zone (an IANA name such as America/New_York) for the working hours of the generated jobs`,
          ExitCode.Usage,
        );
      timeZone = found.timeZone;
    } else timeZoneNote = ': the trace names no zone, --time-zone sets one';
  }
  return {
    trace,
    label,
    origin,
    path,
    timeZone: opts.timeZone ?? timeZone ?? 'UTC',
    timeZoneNote,
  };
}

/** Only generated diurnal arrivals follow a time zone. */
function needsTimeZone(opts: SimulateOptions): boolean {
  return opts.jobs === undefined && opts.arrivals === 'diurnal';
}

function buildRun(
  opts: SimulateOptions,
  loaded: LoadedInput,
  maxDeferralMs: number,
  fileJobs: SimJob[] | undefined,
): { config: SimulationConfig; run: RunDescription } {
  const points = loaded.trace.actual.points;
  const traceStart = points[0]!.start;
  const traceEnd = points[points.length - 1]!.end;
  const from = opts.from ? time(opts.from, '--from') : traceStart;
  const seed = integer(opts.randomSeed, '--random-seed', -(2 ** 31), 2 ** 31 - 1);
  const durationMinMs = duration(opts.durationMin, '--duration-min');
  const durationMaxMs = duration(opts.durationMax, '--duration-max');
  if (durationMaxMs < durationMinMs)
    throw new CliError('--duration-max is shorter than --duration-min', ExitCode.Usage);
  let jobs: SimJob[];
  let jobSource: string;
  const lastArrival = Math.min(
    opts.to ? time(opts.to, '--to') : traceEnd,
    traceEnd - Math.max(maxDeferralMs, durationMaxMs),
  );
  if (fileJobs) {
    const end = opts.to ? time(opts.to, '--to') : traceEnd;
    const inRange = fileJobs.filter((j) => j.queuedAt >= Math.max(from, traceStart) && j.queuedAt < end);
    const left = fileJobs.length - inRange.length;
    jobSource = `from ${opts.jobs}${left > 0 ? ` (${left} queued outside the trace or --from/--to left out)` : ''}`;
    jobs = inRange.map((j, i) => ({ ...j, id: i }));
  } else {
    const jobsPerDay = number(opts.jobsPerDay, '--jobs-per-day', 0);
    let generator: Parameters<typeof generateJobs>[0];
    try {
      generator = {
        from: Math.max(from, traceStart),
        to: lastArrival,
        jobsPerDay,
        durationMinMs,
        durationMaxMs,
        arrivals: opts.arrivals,
        timeZone: loaded.timeZone,
      };
      jobs = generateJobs(generator, createRandom(seed).fork('jobs'));
    } catch (err) {
      throw new CliError((err as Error).message, ExitCode.Usage);
    }
    jobSource = `generated (${opts.arrivals}${opts.arrivals === 'diurnal' ? ` in ${loaded.timeZone}${loaded.timeZoneNote ?? ''}` : ''}, ${jobsPerDay}/day, ${formatDuration(durationMinMs)}–${formatDuration(durationMaxMs)})`;
  }
  if (jobs.length === 0) throw new CliError('no jobs to simulate in the chosen period', ExitCode.Usage);

  const tolerancePct = number(opts.tolerance, '--tolerance', 0, 100);
  const policyThreshold =
    opts.policyThreshold === undefined ? undefined : number(opts.policyThreshold, '--policy-threshold', 0);
  const waitPenalty = number(opts.waitPenalty, '--wait-penalty', 0);
  const toleranceG = number(opts.toleranceG, '--tolerance-g', 0);
  const thresholdG = number(opts.threshold, '--threshold', 0);
  const checkHoursUtc = splitList(opts.checkHours, '--check-hours').map((h) =>
    integer(h, '--check-hours', 0, 23),
  );
  const forecastHorizonMs = duration(opts.forecastHorizon, '--forecast-horizon');
  const config: SimulationConfig = {
    actual: loaded.trace.actual,
    ...(loaded.trace.forecast ? { providerForecast: loaded.trace.forecast } : {}),
    jobs,
    maxDeferralMs,
    maxRunners: integer(opts.maxRunners, '--max-runners', 1, 1_000_000),
    runnerPowerKw: number(opts.runnerPowerKw, '--runner-power-kw', 0),
    thresholdG,
    checkHoursUtc,
    defaultDurationMs: duration(opts.defaultJobDuration, '--default-job-duration'),
    forecast: {
      kind: opts.forecast,
      meanAbsoluteError: number(opts.forecastMae, '--forecast-mae', 0),
      horizonMs: forecastHorizonMs,
    },
    scheduler: {
      toleranceRatio: tolerancePct / 100,
      toleranceGPerKWh: toleranceG,
      waitPenaltyPerHour: waitPenalty,
      ...(policyThreshold !== undefined ? { thresholdGPerKWh: policyThreshold } : {}),
    },
    seed,
  };
  if (opts.forecast === 'provider' && !loaded.trace.forecast) {
    throw new CliError(`--forecast provider: ${loaded.path} has no published forecast`, ExitCode.Usage);
  }
  const step = points.length > 1 ? points[1]!.start - points[0]!.start : points[0]!.end - points[0]!.start;
  const run: RunDescription = {
    trace: {
      label: loaded.label,
      origin: loaded.origin,
      path: loaded.path,
      ...(loaded.trace.zone ? { zone: loaded.trace.zone } : {}),
      emissionFactor: opts.emissionFactor,
      from: new Date(traceStart).toISOString(),
      to: new Date(traceEnd).toISOString(),
      points: points.length,
      stepMinutes: Math.round(step / 60_000),
    },
    jobs: { count: jobs.length, source: jobSource },
    deadline: formatDuration(maxDeferralMs),
    maxRunners: config.maxRunners,
    runnerPowerKw: config.runnerPowerKw,
    thresholdG,
    checkHoursUtc,
    scheduler: [
      `tolerance ${tolerancePct}%${toleranceG > 0 ? ` or ${toleranceG} g` : ''}`,
      policyThreshold === undefined ? 'no threshold' : `threshold ${policyThreshold} g`,
      waitPenalty > 0 ? `wait penalty ${waitPenalty} g/h` : '',
      `forecast horizon ${formatDuration(forecastHorizonMs)}`,
      `re-decided every trace step`,
    ]
      .filter(Boolean)
      .join(', '),
    seed,
  };
  return { config, run };
}

async function writeSvg(
  opts: SimulateOptions,
  loaded: LoadedInput,
  config: SimulationConfig,
  result: ReturnType<typeof simulate>,
  run: RunDescription,
): Promise<void> {
  const days = number(opts.svgDays, '--svg-days', 1, 366);
  const firstJob = config.jobs[0]!.queuedAt;
  const from = opts.svgFrom
    ? time(opts.svgFrom, '--svg-from')
    : liveliestWeek(config.actual.points, firstJob);
  const svg = renderSvg({
    title: `ai-ci simulate: ${loaded.label}, deadline ${run.deadline}, ${run.jobs.count} jobs`,
    actual: config.actual.points,
    placements: result.placements,
    metrics: result.policies,
    from,
    to: from + days * DAY,
    thresholdG: config.thresholdG,
  });
  try {
    await writeFile(opts.svg!, svg);
  } catch (err) {
    throw new CliError(
      `cannot write ${opts.svg}: ${(err as NodeJS.ErrnoException).code ?? String(err)}`,
      ExitCode.InputError,
    );
  }
  if (!opts.quiet) process.stderr.write(`simulate: picture written to ${opts.svg}\n`);
}

/**
 * The Monday (UTC) starting the week whose intensity varies most (90th minus 10th percentile): the week where
 * shifting work matters, so the picture shows the policies apart. Falls back to the first job's day.
 */
function liveliestWeek(points: readonly { start: number; value: number }[], firstJob: number): number {
  const firstMonday = Math.ceil(firstJob / DAY) * DAY;
  let best = Math.floor(firstJob / DAY) * DAY;
  let bestSpread = -1;
  const last = points[points.length - 1]?.start ?? firstMonday;
  const start = firstMonday + ((8 - new Date(firstMonday).getUTCDay()) % 7) * DAY;
  for (let week = start; week + 7 * DAY <= last; week += 7 * DAY) {
    const values = points
      .filter((p) => p.start >= week && p.start < week + 7 * DAY)
      .map((p) => p.value)
      .sort((a, b) => a - b);
    if (values.length === 0) continue;
    const spread = values[Math.floor(values.length * 0.9)]! - values[Math.floor(values.length * 0.1)]!;
    if (spread > bestSpread) {
      bestSpread = spread;
      best = week;
    }
  }
  return best;
}

function progressReporter(opts: SimulateOptions, label: string) {
  const tty = process.stderr.isTTY === true;
  const started = Date.now();
  let last = '';
  return {
    update: opts.quiet
      ? undefined
      : (policy: string, fraction: number) => {
          const line = `simulate: ${label}: ${policy} ${Math.round(fraction * 100)}%`;
          // Each line once: the engine reports 100% both on its last arrival and when it ends.
          if (line === last) return;
          if (tty) process.stderr.write(`\r${line}\u001b[K`);
          else if (fraction >= 1) process.stderr.write(`${line}\n`);
          last = line;
        },
    done() {
      if (opts.quiet) return;
      const msg = `simulate: ${label}: done in ${((Date.now() - started) / 1000).toFixed(1)} s`;
      process.stderr.write(tty ? `\r${msg}\u001b[K\n` : `${msg}\n`);
    },
  };
}

function splitList(value: string, flag: string): string[] {
  const items = value
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');
  if (items.length === 0) throw new CliError(`${flag}: empty list`, ExitCode.Usage);
  return items;
}

function duration(value: string, flag: string): number {
  try {
    return parseDuration(value, flag);
  } catch (err) {
    throw new CliError((err as Error).message, ExitCode.Usage);
  }
}

function number(
  value: string,
  flag: string,
  min = Number.NEGATIVE_INFINITY,
  max = Number.POSITIVE_INFINITY,
): number {
  const n = Number(value);
  if (value.trim() === '' || !Number.isFinite(n) || n < min || n > max) {
    throw new CliError(`${flag}: "${value}" is not a number in [${min}, ${max}]`, ExitCode.Usage);
  }
  return n;
}

function integer(value: string, flag: string, min: number, max: number): number {
  const n = number(value, flag, min, max);
  if (!Number.isInteger(n)) throw new CliError(`${flag}: "${value}" is not a whole number`, ExitCode.Usage);
  return n;
}

function time(value: string, flag: string): number {
  const t = parseTimeValue(value);
  if (t === undefined)
    throw new CliError(`${flag}: "${value}" is not a date or time (e.g. 2024-03-01)`, ExitCode.Usage);
  return t;
}

/** Reads a jobs file; errors name the file and entry. */
async function readJobsFile(path: string): Promise<SimJob[]> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (err) {
    throw new CliError(
      `cannot read jobs file ${path}: ${(err as NodeJS.ErrnoException).code ?? String(err)}`,
      ExitCode.InputError,
    );
  }
  try {
    return parseJobs(text, path);
  } catch (err) {
    if (err instanceof JobsParseError) throw new CliError(err.message, ExitCode.InputError);
    throw err;
  }
}
