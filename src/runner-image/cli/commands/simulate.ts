import { readFile, writeFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { Option } from 'commander';
import { CARBON_POLICY_DEFAULTS } from '../../../api/v1alpha1/index.js';
import { bundledTracePath, loadTrace } from '../../../carbon/simulate/data.js';
import type { ForecastKind } from '../../../carbon/simulate/forecast.js';
import type { ArrivalPattern, SimJob } from '../../../carbon/simulate/jobs.js';
import { JobsParseError, parseJobs } from '../../../carbon/simulate/jobs.js';
import type { PlanSettings, PlanTrace } from '../../../carbon/simulate/plan.js';
import {
  SIMULATE_DEFAULTS as D,
  liveliestWeek,
  PlanError,
  planSimulation,
} from '../../../carbon/simulate/plan.js';
import type { RunDescription, SweepRow } from '../../../carbon/simulate/report.js';
import { jsonReport, sweepReport, textReport } from '../../../carbon/simulate/report.js';
import type { SimulationConfig } from '../../../carbon/simulate/simulate.js';
import { simulate } from '../../../carbon/simulate/simulate.js';
import { renderSvg } from '../../../carbon/simulate/svg.js';
import { type Trace, TraceParseError } from '../../../carbon/traces.js';
import { CliError, ExitCode } from '../exit-codes.js';
import { duration, integer, number, splitList, time } from '../flags.js';

const DAY = 24 * 3_600_000;

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
  maxJobDuration: string;
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
    .option('--jobs-per-day <n>', 'generator: mean arrivals per day', String(D.jobsPerDay))
    .option('--duration-min <duration>', 'generator: shortest job', D.durationMin)
    .option('--duration-max <duration>', 'generator: longest job', D.durationMax)
    .addOption(
      new Option('--arrivals <pattern>', 'generator: diurnal (working hours, weekdays heavy) or uniform')
        .choices(['diurnal', 'uniform'])
        .default(D.arrivals),
    )
    .option(
      '--time-zone <iana>',
      "generator: whose working hours (default: the trace zone's; required when the zone has no single one)",
    )
    .option('--max-runners <n>', 'runner limit, for every policy and the oracle', String(D.maxRunners))
    .option(
      '--runner-power-kw <kw>',
      'power of one busy runner (GPU plus its share of the host)',
      String(D.runnerPowerKw),
    )
    .option(
      '--threshold <g>',
      'design doc and threshold-only policies: low-carbon below this gCO2eq/kWh',
      String(D.thresholdG),
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
    .option(
      '--max-job-duration <duration>',
      'ai-ci: the longest a job can run (CarbonPolicy maxJobDuration); a job with too little history is ' +
        'deferred only as far as finishing by the deadline at this length allows',
      CARBON_POLICY_DEFAULTS.maxJobDuration,
    )
    .addOption(
      new Option(
        '--forecast <kind>',
        "ai-ci's forecast: auto (the trace's own, else noisy), noisy, history, perfect, provider",
      )
        .choices(['auto', 'noisy', 'history', 'perfect', 'provider'])
        .default('auto'),
    )
    .option(
      '--forecast-mae <g>',
      'noisy forecast: mean absolute error over a 48 h horizon',
      String(D.forecastMae),
    )
    .option(
      '--forecast-horizon <duration>',
      'how far ahead each forecast reaches (CarbonPolicy forecastHorizon and its default)',
      CARBON_POLICY_DEFAULTS.forecastHorizon,
    )
    .option('--random-seed <n>', 'seed of job generation and forecast noise', String(D.seed))
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

/** Reads the bundled region's or the user's trace; bad input is exit 3, a bad region or year exit 2. */
async function loadInput(opts: SimulateOptions, regionName: string | undefined): Promise<PlanTrace> {
  const year = opts.year === undefined ? undefined : integer(opts.year, '--year', 1900, 2200);
  let path: string;
  let label: string;
  let bundledTimeZone: string | undefined;
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
    bundledTimeZone = found.region.timeZone;
  }
  const origin = opts.trace ? 'file' : 'bundled';
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
  return {
    trace,
    label,
    origin,
    path,
    emissionFactor: opts.emissionFactor,
    ...(bundledTimeZone ? { bundledTimeZone } : {}),
  };
}

/** Flags → numbers (exit 2 naming the flag), then the plan from the analysis. */
function buildRun(
  opts: SimulateOptions,
  input: PlanTrace,
  maxDeferralMs: number,
  fileJobs: SimJob[] | undefined,
): { config: SimulationConfig; run: RunDescription } {
  const policyThresholdG =
    opts.policyThreshold === undefined ? undefined : number(opts.policyThreshold, '--policy-threshold', 0);
  const settings: PlanSettings = {
    ...(opts.timeZone !== undefined ? { timeZone: opts.timeZone } : {}),
    ...(opts.from ? { fromMs: time(opts.from, '--from') } : {}),
    ...(opts.to ? { toMs: time(opts.to, '--to') } : {}),
    maxDeferralMs,
    ...(fileJobs ? { fileJobs, jobsFile: opts.jobs } : {}),
    jobsPerDay: number(opts.jobsPerDay, '--jobs-per-day', 0),
    durationMinMs: duration(opts.durationMin, '--duration-min'),
    durationMaxMs: duration(opts.durationMax, '--duration-max'),
    arrivals: opts.arrivals,
    maxRunners: integer(opts.maxRunners, '--max-runners', 1, 1_000_000),
    runnerPowerKw: number(opts.runnerPowerKw, '--runner-power-kw', 0),
    thresholdG: number(opts.threshold, '--threshold', 0),
    checkHoursUtc: splitList(opts.checkHours, '--check-hours').map((h) => integer(h, '--check-hours', 0, 23)),
    tolerancePercent: number(opts.tolerance, '--tolerance', 0, 100),
    toleranceG: number(opts.toleranceG, '--tolerance-g', 0),
    ...(policyThresholdG !== undefined ? { policyThresholdG } : {}),
    waitPenaltyPerHour: number(opts.waitPenalty, '--wait-penalty', 0),
    defaultDurationMs: duration(opts.defaultJobDuration, '--default-job-duration'),
    maxJobDurationMs: duration(opts.maxJobDuration, '--max-job-duration'),
    forecast: opts.forecast,
    forecastMae: number(opts.forecastMae, '--forecast-mae', 0),
    forecastHorizonMs: duration(opts.forecastHorizon, '--forecast-horizon'),
    seed: integer(opts.randomSeed, '--random-seed', -(2 ** 31), 2 ** 31 - 1),
  };
  try {
    return planSimulation(input, settings);
  } catch (err) {
    if (err instanceof PlanError) throw new CliError(err.message, ExitCode.Usage);
    throw err;
  }
}

async function writeSvg(
  opts: SimulateOptions,
  input: PlanTrace,
  config: SimulationConfig,
  result: ReturnType<typeof simulate>,
  run: RunDescription,
): Promise<void> {
  const days = number(opts.svgDays, '--svg-days', 1, 366);
  const from = opts.svgFrom
    ? time(opts.svgFrom, '--svg-from')
    : liveliestWeek(config.actual.points, config.jobs[0]!.queuedAt);
  const svg = renderSvg({
    title: `ai-ci simulate: ${input.label}, deadline ${run.deadline}, ${run.jobs.count} jobs`,
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
