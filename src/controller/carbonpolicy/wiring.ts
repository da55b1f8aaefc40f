/**
 * The manager with both controllers registered (the RunnerPool and CarbonPolicy controllers share its cache,
 * leadership and metrics), and the controller flags of the carbon side (main.ts registers them).
 */
import { type Command, InvalidArgumentError, Option } from 'commander';
import { DEFAULT_POWER_MODEL } from '../../analysis/energy/index.js';
import { durationFlag as duration } from '../flags.js';
import { type CarbonOptions, Manager, type ManagerOptions } from '../manager.js';
import type { CarbonPolicyController } from './controller.js';
import { DURATIONS_CONFIGMAP } from './durations.js';

export type { CarbonOptions };

export interface ControllerSet {
  manager: Manager;
  carbon: CarbonPolicyController;
  /** Starts the manager (its shared cache, both controllers, the servers). */
  start(): Promise<void>;
  /** Graceful stop. */
  stop(): Promise<void>;
}

/** The manager with both controllers, as the controller binary runs it. */
export function withCarbonPolicies(
  managerOptions: ManagerOptions,
  carbonOptions: CarbonOptions = {},
): ControllerSet {
  const manager = new Manager({ ...managerOptions, carbon: carbonOptions });
  const carbon = manager.carbon;
  if (!carbon) throw new Error('the manager was built without its CarbonPolicy controller');
  return { manager, carbon, start: () => manager.start(), stop: () => manager.stop() };
}

function url(value: string): string {
  if (!/^https?:\/\/\S+$/.test(value)) throw new InvalidArgumentError(`"${value}" is not an http(s) URL`);
  return value;
}

function watts(value: string): number {
  const n = Number(value);
  if (!Number.isFinite(n) || n < 0) throw new InvalidArgumentError(`"${value}" is not a number of watts ≥ 0`);
  return n;
}

function pue(value: string): number {
  const n = Number(value);
  if (!Number.isFinite(n) || n < 1) throw new InvalidArgumentError(`"${value}" is not a PUE (a ratio ≥ 1)`);
  return n;
}

/** Adds the carbon flags (each also read from an environment variable) to the controller program. */
export function registerCarbonOptions(program: Command, env: NodeJS.ProcessEnv = process.env): Command {
  const d = DEFAULT_POWER_MODEL;
  const optional = (name: string, flag: string, description: string, parse: (v: string) => unknown) => {
    const fromEnv = env[name];
    return fromEnv === undefined
      ? program.option(flag, `${description} (env ${name})`, parse)
      : program.option(flag, `${description} (env ${name})`, parse, parse(fromEnv));
  };
  optional(
    'AI_CI_CARBON_API_BASE_URL_UK',
    '--carbon-api-base-url-uk <url>',
    'Carbon Intensity API base URL for CarbonPolicies without their own apiUrl (a mirror)',
    url,
  );
  optional(
    'AI_CI_CARBON_API_BASE_URL_ELECTRICITYMAPS',
    '--carbon-api-base-url-electricitymaps <url>',
    'Electricity Maps API base URL for CarbonPolicies without their own apiUrl',
    url,
  );
  optional(
    'AI_CI_CARBON_API_BASE_URL_WATTTIME',
    '--carbon-api-base-url-watttime <url>',
    'WattTime API base URL for CarbonPolicies without their own apiUrl',
    url,
  );
  const timeout = env.AI_CI_CARBON_FETCH_TIMEOUT ?? '10s';
  program
    .addOption(
      new Option(
        '--carbon-fetch-timeout <duration>',
        'timeout of one request to an intensity API (env AI_CI_CARBON_FETCH_TIMEOUT)',
      )
        .argParser(duration)
        .default(duration(timeout), timeout),
    )
    .option(
      '--carbon-watts-per-gpu <watts>',
      'estimated power of one GPU, for the avoided-carbon estimate (env AI_CI_CARBON_WATTS_PER_GPU)',
      watts,
      watts(env.AI_CI_CARBON_WATTS_PER_GPU ?? String(d.wattsPerGpu)),
    )
    .option(
      '--carbon-watts-per-cpu-core <watts>',
      'estimated power of one CPU core (env AI_CI_CARBON_WATTS_PER_CPU_CORE)',
      watts,
      watts(env.AI_CI_CARBON_WATTS_PER_CPU_CORE ?? String(d.wattsPerCpuCore)),
    )
    .option(
      '--carbon-watts-per-gib-memory <watts>',
      'estimated power of one GiB of memory (env AI_CI_CARBON_WATTS_PER_GIB_MEMORY)',
      watts,
      watts(env.AI_CI_CARBON_WATTS_PER_GIB_MEMORY ?? String(d.wattsPerGiBMemory)),
    )
    .option(
      '--job-durations-configmap <name>',
      "ConfigMap in the controller's own namespace keeping learned job durations across restarts; empty: memory only (env AI_CI_JOB_DURATIONS_CONFIGMAP)",
      env.AI_CI_JOB_DURATIONS_CONFIGMAP ?? DURATIONS_CONFIGMAP,
    )
    .option(
      '--carbon-pue <ratio>',
      'power usage effectiveness of the datacenter (env AI_CI_CARBON_PUE)',
      pue,
      pue(env.AI_CI_CARBON_PUE ?? String(d.pue)),
    );
  return program;
}

/**
 * The carbon options from parsed flags (see registerCarbonOptions). `ownNamespace`: the controller's namespace,
 * where the learned-durations ConfigMap lives (none outside a cluster without --leader-election-namespace: then
 * they are kept in memory only).
 */
export function carbonOptionsFrom(opts: Record<string, unknown>, ownNamespace?: string): CarbonOptions {
  const apiBaseUrls: NonNullable<CarbonOptions['apiBaseUrls']> = {};
  if (typeof opts.carbonApiBaseUrlUk === 'string') apiBaseUrls.ukCarbonIntensity = opts.carbonApiBaseUrlUk;
  if (typeof opts.carbonApiBaseUrlElectricitymaps === 'string')
    apiBaseUrls.electricityMaps = opts.carbonApiBaseUrlElectricitymaps;
  if (typeof opts.carbonApiBaseUrlWatttime === 'string') apiBaseUrls.wattTime = opts.carbonApiBaseUrlWatttime;
  const num = (v: unknown, fallback: number) => (typeof v === 'number' ? v : fallback);
  const d = DEFAULT_POWER_MODEL;
  const durationsName = typeof opts.jobDurationsConfigmap === 'string' ? opts.jobDurationsConfigmap : '';
  return {
    ...(ownNamespace && durationsName ? { durations: { namespace: ownNamespace, name: durationsName } } : {}),
    apiBaseUrls,
    http: { timeoutMs: num(opts.carbonFetchTimeout, 10_000) },
    power: {
      ...d,
      wattsPerGpu: num(opts.carbonWattsPerGpu, d.wattsPerGpu),
      wattsPerCpuCore: num(opts.carbonWattsPerCpuCore, d.wattsPerCpuCore),
      wattsPerGiBMemory: num(opts.carbonWattsPerGibMemory, d.wattsPerGiBMemory),
      pue: num(opts.carbonPue, d.pue),
    },
  };
}
