/**
 * `ai-ci carbon now` and `ai-ci carbon best-window`: the design document's "carbon-check" job as one step.
 * The source comes from flags or from a CarbonPolicy manifest; credentials only from environment variables
 * (ELECTRICITYMAPS_TOKEN, WATTTIME_USERNAME/WATTTIME_PASSWORD), never from argv, which CI logs show.
 * Inside GitHub Actions (GITHUB_OUTPUT set) the answer is also appended to $GITHUB_OUTPUT:
 *   low_carbon=true|false, intensity=…  and for best-window  start=…, end=…, expected_intensity=…, wait_seconds=…
 * Exit code 0 whether the grid is low-carbon or not (the outputs say which); 3 when the source fails, unless
 * --fail-open, which then reports low_carbon=true so that CI is never blocked by a carbon API outage.
 */
import { appendFileSync, readFileSync } from 'node:fs';
import { type Command, Option } from 'commander';
import { parseAllDocuments } from 'yaml';
import type { CarbonSource as CarbonSourceSpec } from '../../../api/v1alpha1/carbonpolicy.js';
import { validateCarbonPolicy } from '../../../api/validate.js';
import { formatDuration, parseDuration } from '../../../carbon/duration.js';
import {
  type CurrentIntensity,
  createProvider,
  type IntensityProvider,
  type ProviderCredentials,
  ProviderError,
} from '../../../carbon/providers/index.js';
import { CarbonSource } from '../../../carbon/source.js';
import { meanIntensity, bestWindow as searchBestWindow } from '../../../carbon/window.js';
import { CliError, ExitCode } from '../exit-codes.js';
import { traceResult } from '../tracing.js';

/** The design document's threshold ("run if intensity < 200 gCO2/kWh"). */
export const DEFAULT_THRESHOLD = 200;
const SOURCES = ['uk', 'electricitymaps', 'watttime', 'file', 'static'] as const;

export interface SourceFlags {
  source?: (typeof SOURCES)[number];
  region?: string;
  zone?: string;
  file?: string;
  intensity?: string;
  apiUrl?: string;
  policy?: string;
  threshold?: string;
  force?: boolean;
  failOpen?: boolean;
  json?: boolean;
  at?: string;
  timeout: string;
  retries: string;
}

export interface Setup {
  provider: IntensityProvider;
  threshold: number;
  now: number;
  describe: string;
}

function addSourceOptions(cmd: Command): Command {
  return cmd
    .addOption(new Option('--source <name>', 'intensity source (default uk)').choices(SOURCES))
    .option(
      '--region <region>',
      'uk: region id 1–17, name or outward postcode; watttime: region, e.g. CAISO_NORTH',
    )
    .option('--zone <zone>', 'electricitymaps: zone, e.g. DE')
    .option('--file <path>', 'file: a CSV or JSON intensity trace')
    .option('--intensity <g>', 'static: the intensity, gCO2eq/kWh')
    .option('--api-url <url>', "base URL of the source's API (a proxy or mirror)")
    .option('--policy <file>', 'take source and threshold from a CarbonPolicy manifest (YAML or JSON)')
    .option(
      '--threshold <g>',
      `low-carbon threshold, gCO2eq/kWh (default ${DEFAULT_THRESHOLD}, or the policy's)`,
    )
    .option('--force', 'report low_carbon=true whatever the grid (the workflow’s force_run input)')
    .option('--fail-open', 'when the source fails, report low_carbon=true and exit 0 instead of exiting 3')
    .option('--at <time>', 'evaluate at this time (ISO 8601) instead of now: replays of a file trace')
    .option('--timeout <duration>', 'HTTP timeout per attempt', '10s')
    .option('--retries <n>', 'retries of a failed request (5xx, timeout, 429), with backoff', '2')
    .option('--json', 'print the result as JSON')
    .addHelpText(
      'after',
      '\nCredentials come from the environment only: ELECTRICITYMAPS_TOKEN; WATTTIME_USERNAME and WATTTIME_PASSWORD.\n' +
        'In GitHub Actions (GITHUB_OUTPUT set) the result is also appended to $GITHUB_OUTPUT.\n' +
        'Exit codes: 0 answered (low or not: see low_carbon), 2 bad usage, 3 the source failed (unless --fail-open).\n' +
        'WattTime reports a MARGINAL rate (MOER), far higher than average intensities: choose its threshold for it.',
    );
}

/** Registers `carbon now` and `carbon best-window`; returns the `carbon` command for its other subcommands. */
export function registerCarbon(program: Command): Command {
  const carbon = program
    .command('carbon')
    .description(
      'grid carbon intensity for workflows: is it low now, when is the best window, what did a step emit',
    );

  addSourceOptions(
    carbon
      .command('now')
      .description('print the current grid carbon intensity and whether it is at or below the threshold'),
  ).action(async (opts: SourceFlags) => {
    const setup = setupFrom(opts);
    let current: CurrentIntensity;
    try {
      current = await setup.provider.current(setup.now);
    } catch (err) {
      return failOpenOrThrow(opts, setup, err);
    }
    const low = current.value <= setup.threshold;
    const result = {
      source: current.source,
      kind: current.kind,
      intensity: round(current.value),
      unit: 'gCO2eq/kWh',
      origin: current.origin,
      periodStart: iso(current.start),
      periodEnd: iso(current.end),
      threshold: setup.threshold,
      lowCarbon: low || Boolean(opts.force),
      forced: Boolean(opts.force),
    };
    traceResult((t) => t.carbonIntensity(result));
    writeGithubOutput({ low_carbon: String(result.lowCarbon), intensity: String(result.intensity) });
    if (opts.json) return print(JSON.stringify(result));
    print(
      `${result.intensity} gCO2eq/kWh now (${setup.describe}, ${current.origin}, ${result.periodStart} to ${result.periodEnd}): ` +
        `${low ? 'low carbon' : 'not low carbon'} (threshold ${setup.threshold})${opts.force ? '; forced run: low_carbon=true' : ''}`,
    );
    warnIfMarginal(current.kind);
  });

  addSourceOptions(
    carbon
      .command('best-window')
      .description(
        'find the start, within the given time, of the run with the lowest mean forecast intensity',
      )
      .requiredOption('--within <duration>', 'the run must end within this time from now, e.g. 6h')
      .requiredOption('--duration <duration>', 'expected run time, e.g. 30m'),
  ).action(async (opts: SourceFlags & { within: string; duration: string }) => {
    const setup = setupFrom(opts);
    const within = usage(() => parseDuration(opts.within, '--within'));
    const duration = usage(() => parseDuration(opts.duration, '--duration'));
    if (duration > within)
      throw new CliError('--duration is longer than --within: no window fits', ExitCode.Usage);
    const source = new CarbonSource({
      provider: setup.provider,
      clock: () => setup.now,
      forecastHorizonMs: Math.max(within, 3_600_000),
      breaker: { failureThreshold: 1, openDurationMs: 0 },
    });
    const reading = await source.read();
    if (!reading.healthy || !reading.current) {
      return failOpenOrThrow(opts, setup, reading.health.lastError ?? 'source failed');
    }
    const { current, forecast } = reading;
    const low = current.value <= setup.threshold;
    const best = forecast
      ? opts.force
        ? startNow(forecast, setup.now, duration)
        : searchBestWindow(forecast, setup.now, setup.now + within, duration)
      : undefined;
    if (!best) {
      const until = forecast?.points.at(-1)?.end;
      throw new CliError(
        `no forecast covers a ${formatDuration(duration)} run within ${formatDuration(within)}` +
          (until === undefined ? '' : ` (the forecast ends at ${iso(until)})`),
        ExitCode.InputError,
      );
    }
    const result = {
      source: current.source,
      kind: current.kind,
      intensity: round(current.value),
      unit: 'gCO2eq/kWh',
      threshold: setup.threshold,
      lowCarbon: low || Boolean(opts.force),
      forced: Boolean(opts.force),
      forecastOrigin: reading.forecastOrigin,
      start: iso(best.start),
      end: iso(best.end),
      expectedIntensity: round(best.meanIntensity),
      waitSeconds: Math.max(0, Math.round((best.start - setup.now) / 1000)),
      notes: reading.notes,
    };
    traceResult((t) => t.carbonIntensity(result));
    writeGithubOutput({
      low_carbon: String(result.lowCarbon),
      intensity: String(result.intensity),
      start: result.start,
      end: result.end,
      expected_intensity: String(result.expectedIntensity),
      wait_seconds: String(result.waitSeconds),
    });
    if (opts.json) return print(JSON.stringify(result));
    const wait = result.waitSeconds === 0 ? 'start now' : `wait ${formatDuration(result.waitSeconds * 1000)}`;
    print(
      `best ${formatDuration(duration)} window within ${formatDuration(within)}: ${result.start} to ${result.end}, ` +
        `expected ${result.expectedIntensity} gCO2eq/kWh (${wait}; now ${result.intensity}, ${setup.describe}, ` +
        `${reading.forecastOrigin ?? 'no'} forecast)${opts.force ? '; forced run: start now' : ''}`,
    );
    for (const note of reading.notes) process.stderr.write(`ai-ci: note: ${note}\n`);
    warnIfMarginal(current.kind);
  });
  return carbon;
}

/** With --force the run starts now; its expected intensity is the forecast mean over the run, where known. */
function startNow(forecast: Parameters<typeof meanIntensity>[0], now: number, duration: number) {
  const mean = meanIntensity(forecast, now, now + duration);
  return mean === undefined ? undefined : { start: now, end: now + duration, meanIntensity: mean };
}

export function setupFrom(opts: SourceFlags): Setup {
  const now = opts.at === undefined ? Date.now() : usage(() => parseTime(opts.at!));
  const timeoutMs = usage(() => parseDuration(opts.timeout, '--timeout'));
  const retries = usage(() => parseNumber(opts.retries, '--retries'));
  let spec: CarbonSourceSpec;
  let threshold = DEFAULT_THRESHOLD;
  let describe: string;
  if (opts.policy) {
    if (opts.source) throw new CliError('give either --policy or --source, not both', ExitCode.Usage);
    const policy = readPolicy(opts.policy);
    spec = policy.source;
    threshold = policy.threshold;
    describe = `CarbonPolicy ${policy.name}`;
  } else {
    spec = specFromFlags(opts);
    describe = Object.keys(spec)[0]!;
  }
  if (opts.apiUrl) {
    const member = Object.values(spec)[0] as { apiUrl?: string };
    member.apiUrl = opts.apiUrl;
  }
  if (opts.threshold !== undefined) threshold = usage(() => parseNumber(opts.threshold!, '--threshold'));
  const credentials = credentialsFor(spec);
  try {
    const provider = createProvider(spec, credentials, { timeoutMs, retries: Math.floor(retries) });
    return { provider, threshold, now, describe };
  } catch (err) {
    throw new CliError(err instanceof Error ? err.message : String(err), ExitCode.Usage);
  }
}

function specFromFlags(opts: SourceFlags): CarbonSourceSpec {
  const ref = { name: 'env', key: 'env' };
  switch (opts.source ?? 'uk') {
    case 'uk': {
      if (opts.region === undefined) return { ukCarbonIntensity: {} };
      return /^\d+$/.test(opts.region)
        ? { ukCarbonIntensity: { regionId: Number(opts.region) } }
        : { ukCarbonIntensity: { postcode: opts.region } };
    }
    case 'electricitymaps':
      if (!opts.zone)
        throw new CliError('--source electricitymaps needs --zone, e.g. --zone DE', ExitCode.Usage);
      return { electricityMaps: { zone: opts.zone, tokenSecretRef: ref } };
    case 'watttime':
      if (!opts.region)
        throw new CliError('--source watttime needs --region, e.g. --region CAISO_NORTH', ExitCode.Usage);
      return { wattTime: { region: opts.region, credentialsSecretRef: { name: 'env' } } };
    case 'file':
      if (!opts.file) throw new CliError('--source file needs --file PATH', ExitCode.Usage);
      return { file: { path: opts.file } };
    case 'static':
      if (opts.intensity === undefined)
        throw new CliError('--source static needs --intensity N', ExitCode.Usage);
      return { static: { intensity: usage(() => parseNumber(opts.intensity!, '--intensity')) } };
  }
}

/** Credentials from the environment; a missing one is named (never its value). */
function credentialsFor(spec: CarbonSourceSpec): ProviderCredentials {
  if (spec.electricityMaps) {
    const token = process.env.ELECTRICITYMAPS_TOKEN;
    if (!token)
      throw new CliError(
        'electricityMaps needs the ELECTRICITYMAPS_TOKEN environment variable',
        ExitCode.Usage,
      );
    return { electricityMapsToken: token };
  }
  if (spec.wattTime) {
    const username = process.env.WATTTIME_USERNAME;
    const password = process.env.WATTTIME_PASSWORD;
    if (!username || !password) {
      throw new CliError(
        'wattTime needs the WATTTIME_USERNAME and WATTTIME_PASSWORD environment variables',
        ExitCode.Usage,
      );
    }
    return { wattTime: { username, password } };
  }
  return {};
}

/** The first CarbonPolicy in a manifest file, validated against the schema (defaults applied). */
function readPolicy(file: string): { name: string; source: CarbonSourceSpec; threshold: number } {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    throw new CliError(
      `${file}: cannot read: ${(err as NodeJS.ErrnoException).code ?? err}`,
      ExitCode.InputError,
    );
  }
  const docs = parseAllDocuments(text);
  const docList = Array.isArray(docs) ? docs : [docs];
  for (const doc of docList) {
    if (doc.errors.length > 0) throw new CliError(`${file}: ${doc.errors[0]!.message}`, ExitCode.InputError);
    const obj = doc.toJS() as { kind?: unknown } | null;
    if (obj?.kind !== 'CarbonPolicy') continue;
    const v = validateCarbonPolicy(obj);
    if (!v.valid) {
      const issues = v.issues.map((i) => `${file}: ${v.name ?? 'CarbonPolicy'}: ${i.field}: ${i.message}`);
      throw new CliError(`invalid CarbonPolicy:\n${issues.join('\n')}`, ExitCode.InputError);
    }
    return {
      name: v.object.metadata.name ?? '',
      source: v.object.spec.source,
      threshold: v.object.spec.threshold,
    };
  }
  throw new CliError(`${file}: no CarbonPolicy in the file`, ExitCode.InputError);
}

function failOpenOrThrow(opts: SourceFlags, setup: Setup, err: unknown): void {
  const message = err instanceof ProviderError || err instanceof Error ? err.message : String(err);
  if (!opts.failOpen) throw new CliError(`carbon source failed: ${message}`, ExitCode.InputError);
  process.stderr.write(`ai-ci: warning: carbon source failed (${message}); --fail-open: low_carbon=true\n`);
  traceResult((t) => t.carbonIntensity({ source: setup.describe, lowCarbon: true, sourceFailed: true }));
  writeGithubOutput({ low_carbon: 'true' });
  if (opts.json)
    print(JSON.stringify({ source: setup.describe, lowCarbon: true, sourceFailed: true, error: message }));
  else print(`carbon source failed; --fail-open: low_carbon=true`);
}

/**
 * Appends `key=value` lines to $GITHUB_OUTPUT. A value with a newline uses the documented multiline form
 * (`key<<DELIMITER … DELIMITER`); ours never have one, but a delimiter costs nothing.
 */
export function writeGithubOutput(values: Record<string, string>): void {
  const file = process.env.GITHUB_OUTPUT;
  if (!file) return;
  let text = '';
  for (const [key, value] of Object.entries(values)) {
    if (value.includes('\n')) {
      const delimiter = `ai_ci_${Math.random().toString(36).slice(2)}`;
      text += `${key}<<${delimiter}\n${value}\n${delimiter}\n`;
    } else {
      text += `${key}=${value}\n`;
    }
  }
  try {
    appendFileSync(file, text);
  } catch (err) {
    throw new CliError(
      `cannot append to GITHUB_OUTPUT (${file}): ${(err as NodeJS.ErrnoException).code ?? err}`,
    );
  }
}

function warnIfMarginal(kind: string): void {
  if (kind === 'marginal') {
    process.stderr.write(
      'ai-ci: note: this is a marginal emissions rate (WattTime MOER); it is not comparable with average intensities\n',
    );
  }
}

function usage<T>(f: () => T): T {
  try {
    return f();
  } catch (err) {
    throw new CliError(err instanceof Error ? err.message : String(err), ExitCode.Usage);
  }
}

function parseNumber(text: string, flag: string): number {
  const n = Number(text);
  if (text.trim() === '' || !Number.isFinite(n) || n < 0)
    throw new Error(`${flag}: "${text}" is not a number ≥ 0`);
  return n;
}

function parseTime(text: string): number {
  const t = Date.parse(text);
  if (Number.isNaN(t)) throw new Error(`--at: "${text}" is not an ISO 8601 time`);
  return t;
}

const iso = (t: number) => new Date(t).toISOString().replace('.000Z', 'Z');
const round = (v: number) => Math.round(v * 10) / 10;
const print = (line: string) => {
  process.stdout.write(`${line}\n`);
};
