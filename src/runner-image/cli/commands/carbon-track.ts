/**
 * `ai-ci carbon track [--budget G] [--warn-at 0.8] [--json FILE] [--intensity G|--policy FILE|--source …] -- CMD …`:
 * runs CMD, passes its exit code through, and prints its energy (Wh) and carbon (grams CO2e) per device with the
 * method and an uncertainty band (analysis/energy). In GitHub Actions: a job-summary table ($GITHUB_STEP_SUMMARY),
 * a notice annotation with the result, a warning annotation while running once warn-at × budget is reached, and an
 * error annotation over budget. Exit code: CMD's own when it fails; 4 when it succeeded over budget; 2 bad usage;
 * 3 CMD could not be started or the report could not be written.
 */
import { appendFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Command } from 'commander';
import {
  type Budget,
  DEFAULT_INTENSITY,
  type Intensity,
  SpawnError,
  type TrackReport,
  trackCommand,
} from '../../../analysis/energy/index.js';
import { parseDuration } from '../../../carbon/duration.js';
import { meanIntensity } from '../../../carbon/window.js';
import { CliError, ExitCode } from '../exit-codes.js';
import { type MlflowFlags, mlflowExport, mlflowOptions } from '../mlflow.js';
import { traceResult } from '../tracing.js';
import type { SourceFlags } from './carbon.js';

interface TrackFlags extends MlflowFlags {
  budget?: string;
  warnAt: string;
  json?: string;
  intensity?: string;
  policy?: string;
  source?: SourceFlags['source'];
  region?: string;
  zone?: string;
  file?: string;
  apiUrl?: string;
  pue: string;
  interval: string;
  cgroup?: string;
  powercapRoot?: string;
  cpuModel?: string;
  gpu: boolean;
}

export function registerCarbonTrack(carbon: Command): void {
  const track = carbon
    .command('track')
    .description(
      'run a command and measure its energy (Wh) and carbon (grams CO2e), optionally against a budget in grams CO2e',
    )
    .argument('<command...>', 'the command and its arguments, after --')
    .option(
      '--budget <grams>',
      'carbon budget in grams CO2e (gCO2e); over it, exit 4 if the command succeeded',
    )
    .option(
      '--warn-at <fraction>',
      'warn while running once this fraction of the grams CO2e budget is spent',
      '0.8',
    )
    .option('--json <file>', 'write the report (Wh, grams CO2e, devices, method, band) as JSON to FILE')
    .option(
      '--intensity <g>',
      `grid intensity in grams CO2e per kWh (default ${DEFAULT_INTENSITY.value}, world mean)`,
    )
    .option('--policy <file>', 'take the intensity source from a CarbonPolicy manifest (YAML or JSON)')
    .option(
      '--source <name>',
      'intensity source: uk, electricitymaps, watttime or file (as `ai-ci carbon now`)',
    )
    .option('--region <region>', 'uk: region id or postcode; watttime: region')
    .option('--zone <zone>', 'electricitymaps: zone, e.g. DE')
    .option('--file <path>', 'file: a CSV or JSON intensity trace (grams CO2e per kWh)')
    .option('--api-url <url>', "base URL of the source's API")
    .option('--pue <x>', "the datacenter's power usage effectiveness (≥ 1), multiplies the energy", '1')
    .option('--interval <duration>', 'sampling interval', '1s')
    .option(
      '--cgroup <dir>',
      "measure this cgroup v2 directory's CPU time and memory instead of the process tree",
    )
    .option('--powercap-root <dir>', 'powercap sysfs root for RAPL counters', '/sys/class/powercap')
    .option('--cpu-model <name>', "CPU model for the power table (default /proc/cpuinfo's model name)")
    .option('--no-gpu', 'do not sample GPUs with nvidia-smi');
  mlflowOptions(track)
    .addHelpText(
      'after',
      '\nUnits: energy in Wh, carbon in grams CO2e (gCO2e), intensity in grams CO2e per kWh.\n' +
        'Method: RAPL counters when readable; otherwise CPU time × the SPECpower/TDP power table of this CPU;\n' +
        'GPUs by nvidia-smi power.draw; memory by 0.392 W per GiB resident. See README → Energy and carbon of CI.\n' +
        "Exit codes: the command's own; 4 the command succeeded but emitted more than --budget grams CO2e;\n" +
        '2 bad usage; 3 the command could not be started or the report not written.\n' +
        'Example: ai-ci carbon track --budget 1.0 --intensity 300 -- pytest -x',
    )
    .action(async (command: string[], opts: TrackFlags) => {
      const budget = budgetFrom(opts);
      const pue = number(opts.pue, '--pue');
      if (pue < 1) throw new CliError(`--pue: ${opts.pue} is below 1`, ExitCode.Usage);
      const intervalMs = usage(() => parseDuration(opts.interval, '--interval'));
      const { start, over } = await intensityFrom(opts);
      const github = process.env.GITHUB_ACTIONS === 'true';
      let report: TrackReport;
      try {
        report = await trackCommand(command, {
          intensity: start,
          intensityOver: over,
          budget,
          intervalMs,
          pue,
          nvidiaSmi: opts.gpu ? 'nvidia-smi' : false,
          powercapRoot: opts.powercapRoot,
          cgroup: opts.cgroup,
          cpuModel: opts.cpuModel,
          onWarning: (grams, b) => {
            const line = `${fmt(grams)} gCO2e spent, ${Math.round((grams / b.grams) * 100)} % of the ${fmt(b.grams)} gCO2e budget, still running`;
            process.stderr.write(`ai-ci: warning: carbon: ${line}\n`);
            if (github) annotate('warning', 'Carbon budget', line);
          },
        });
      } catch (err) {
        if (err instanceof SpawnError) throw new CliError(err.message, ExitCode.InputError);
        throw err;
      }
      traceResult((t) => t.carbonTrack(report));
      if (opts.json) writeReport(opts.json, report);
      for (const line of render(report)) process.stderr.write(`${line}\n`);
      if (github) {
        annotate('notice', 'Carbon', headline(report));
        writeSummary(report);
      }
      let exitCode = report.exitCode;
      if (report.budget?.state === 'exceeded') {
        const line = `carbon budget exceeded: ${fmt(report.carbon.grams)} gCO2e > budget ${fmt(report.budget.grams)} gCO2e`;
        process.stderr.write(`ai-ci: ${line}\n`);
        if (github) annotate('error', 'Carbon budget exceeded', line);
        if (exitCode === 0) exitCode = ExitCode.CarbonBudgetExceeded;
      }
      await mlflowExport(opts, (m) => m.carbonRun(report, exitCode));
      process.exitCode = exitCode;
    });
}

function budgetFrom(opts: TrackFlags): Budget | undefined {
  const warnAt = number(opts.warnAt, '--warn-at');
  if (warnAt > 1) throw new CliError(`--warn-at: ${opts.warnAt} is not a fraction 0…1`, ExitCode.Usage);
  if (opts.budget === undefined) return undefined;
  const grams = number(opts.budget, '--budget');
  if (grams <= 0) throw new CliError(`--budget: ${opts.budget} grams CO2e is not above 0`, ExitCode.Usage);
  return { grams, warnAt };
}

/** The intensity at the start, and how to ask for the mean over the run at the end. */
async function intensityFrom(
  opts: TrackFlags,
): Promise<{ start: Intensity; over?: (from: number, to: number) => Promise<Intensity | undefined> }> {
  const given = [opts.intensity !== undefined, opts.policy !== undefined, opts.source !== undefined];
  if (given.filter(Boolean).length > 1)
    throw new CliError('give one of --intensity, --policy and --source', ExitCode.Usage);
  if (opts.intensity !== undefined)
    return { start: { value: number(opts.intensity, '--intensity'), source: 'static (--intensity)' } };
  if (opts.policy === undefined && opts.source === undefined) return { start: DEFAULT_INTENSITY };
  // Loaded only when a source is named: its parsers and validators (YAML, CEL, JSON Schema) are most of what
  // `track` would otherwise load at start-up, and start-up is its overhead (track-program.ts).
  const { setupFrom } = await import('./carbon.js');
  const setup = setupFrom({
    ...(opts.policy !== undefined ? { policy: opts.policy } : { source: opts.source }),
    region: opts.region,
    zone: opts.zone,
    file: opts.file,
    apiUrl: opts.apiUrl,
    timeout: '10s',
    retries: '2',
  } as SourceFlags);
  const describe = setup.describe;
  let start: Intensity;
  try {
    const current = await setup.provider.current(Date.now());
    start = { value: current.value, source: `${describe} (${current.origin})` };
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    process.stderr.write(
      `ai-ci: warning: carbon source failed (${message}); using ${DEFAULT_INTENSITY.value} gCO2e/kWh (${DEFAULT_INTENSITY.source})\n`,
    );
    return { start: DEFAULT_INTENSITY };
  }
  const over = async (from: number, to: number) => {
    const history = await setup.provider.history(to, Math.max(to - from, 3_600_000));
    const mean = history ? meanIntensity(history, from, to) : undefined;
    return mean === undefined ? undefined : { value: mean, source: `${describe}, mean over the run` };
  };
  return { start, over };
}

function writeReport(file: string, report: TrackReport): void {
  try {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, `${JSON.stringify(report, null, 2)}\n`);
  } catch (err) {
    throw new CliError(`--json ${file}: cannot write: ${(err as NodeJS.ErrnoException).code ?? err}`);
  }
}

/** Significant figures for small and large quantities alike. */
export function fmt(x: number): string {
  if (x === 0) return '0';
  return Math.abs(x) >= 100 ? x.toFixed(0) : Number(x.toPrecision(3)).toString();
}

function headline(r: TrackReport): string {
  return (
    `${fmt(r.energy.wh)} Wh (${fmt(r.energy.low)}–${fmt(r.energy.high)}), ` +
    `${fmt(r.carbon.grams)} gCO2e (${fmt(r.carbon.low)}–${fmt(r.carbon.high)}) at ` +
    `${fmt(r.intensity.value)} gCO2e/kWh, ${fmt(r.measurement.durationSeconds)} s, method ${r.measurement.method}`
  );
}

function render(r: TrackReport): string[] {
  const m = r.measurement;
  const lines = [
    `ai-ci carbon track: ${headline(r)}`,
    `  method: ${m.method}: ${m.basis}; intensity: ${r.intensity.source}${m.pue !== 1 ? `; PUE ${m.pue}` : ''}`,
    `  attribution: ${m.attribution.scope}, ${fmt(m.attribution.cpuSeconds)} CPU s, ` +
      `${Math.round(m.attribution.share * 100)} % of the busy CPU time of ${m.attribution.cpus} CPUs`,
  ];
  for (const d of m.devices) {
    lines.push(
      `  ${d.device.padEnd(7)} ${fmt(d.joules / 3600).padStart(9)} Wh  (${fmt(d.band[0] / 3600)}–${fmt(d.band[1] / 3600)})  ${d.method}${d.note ? `; ${d.note}` : ''}`,
    );
  }
  if (r.budget) lines.push(`  budget: ${fmt(r.budget.grams)} gCO2e, ${r.budget.state}`);
  return lines;
}

/** A workflow command; message newlines and `%` are escaped as the runner expects. */
function annotate(level: 'notice' | 'warning' | 'error', title: string, message: string): void {
  const esc = (s: string) => s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
  process.stdout.write(`::${level} title=${esc(title).replace(/[:,]/g, ' ')}::${esc(message)}\n`);
}

function writeSummary(r: TrackReport): void {
  const file = process.env.GITHUB_STEP_SUMMARY;
  if (!file) return;
  const m = r.measurement;
  const rows = m.devices.map(
    (d) =>
      `| ${d.device} | ${fmt(d.joules / 3600)} | ${fmt(d.band[0] / 3600)}–${fmt(d.band[1] / 3600)} | ${d.method} |`,
  );
  const text = [
    `### Carbon: \`${r.command.join(' ')}\``,
    '',
    `**${fmt(r.carbon.grams)} gCO2e** (${fmt(r.carbon.low)}–${fmt(r.carbon.high)}), ${fmt(r.energy.wh)} Wh in ` +
      `${fmt(m.durationSeconds)} s at ${fmt(r.intensity.value)} gCO2e/kWh (${r.intensity.source})` +
      (r.budget ? `; budget ${fmt(r.budget.grams)} gCO2e: **${r.budget.state}**` : ''),
    '',
    '| device | Wh | band (Wh) | method |',
    '| --- | --- | --- | --- |',
    ...rows,
    '',
    `Method: ${m.method}: ${m.basis}.${m.pue !== 1 ? ` PUE ${m.pue}.` : ''}`,
    '',
  ].join('\n');
  try {
    appendFileSync(file, text);
  } catch (err) {
    throw new CliError(
      `cannot append to GITHUB_STEP_SUMMARY (${file}): ${(err as NodeJS.ErrnoException).code ?? err}`,
    );
  }
}

function number(text: string, flag: string): number {
  const n = Number(text);
  if (text.trim() === '' || !Number.isFinite(n) || n < 0)
    throw new CliError(`${flag}: "${text}" is not a number ≥ 0`, ExitCode.Usage);
  return n;
}

function usage<T>(f: () => T): T {
  try {
    return f();
  } catch (err) {
    throw new CliError(err instanceof Error ? err.message : String(err), ExitCode.Usage);
  }
}
