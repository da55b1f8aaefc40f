/**
 * The CPU power model: how many watts a machine (or a slice of one) draws at a given CPU utilisation. Pure.
 *
 * One table, `cpu-power.json`, read here and by the pytest plugin (integrations/pytest): SPECpower_ssj2008 results
 * (whole-system AC power at active idle and at 10 %…100 % load) keyed by CPU model, vendor TDPs for the fallback,
 * and the uncertainty band of each method. The methods, best first:
 * - `specpower`: this CPU model has a SPECpower result; its curve (or its idle–full line, where only those two are
 *   known) is scaled to this machine's hardware threads: P(u) = P_system(u) × threads / threads_system.
 * - `tdp`: the CPU model's TDP is known: P(u) = TDP/threads_socket × threads × (idle share + (1 − idle share) × u),
 *   the idle share being the median idle/full ratio of the table's SPECpower systems.
 * - `table-median`: an unknown CPU: the median over the table's systems of watts per thread at each load level.
 * Whole-system SPECpower power includes the tested system's memory, fans and PSU losses; see `includesPlatform`.
 */
import table from './cpu-power.json' with { type: 'json' };

export type CpuMethod = 'specpower' | 'tdp' | 'table-median';

export interface CpuPowerModel {
  method: CpuMethod;
  /** What the model is: the SPECpower system, the CPU and its TDP, or "median of N systems". */
  basis: string;
  /** Citation: the SPECpower result or the vendor's specification. */
  source: string;
  /** Watts per hardware thread at load 0, 0.1, …, 1 (11 points). */
  wattsPerThread: readonly number[];
  /** True when the watts include the platform (memory, fans, PSU losses) as SPECpower measures them. */
  includesPlatform: boolean;
  /** Relative half-width of the uncertainty band of this method. */
  band: number;
}

interface SystemRow {
  id: string;
  system: string;
  match: string;
  threads: number;
  curve?: number[];
  idle?: number;
  full?: number;
  source: string;
}
interface CpuRow {
  match: string;
  cpu: string;
  tdp: number;
  threads: number;
  source: string;
}

export const POWER_TABLE = table as unknown as {
  systems: SystemRow[];
  cpus: CpuRow[];
  memoryWattsPerGiB: { value: number; source: string };
  defaultIntensity: { value: number; source: string };
  bands: Record<string, { relative?: number; absoluteWattsPerGpu?: number; basis: string }>;
};

/** The 11-point curve of a system row: the published one, or its idle–full line where only those are known. */
export function systemCurve(row: Pick<SystemRow, 'curve' | 'idle' | 'full'>): number[] {
  if (row.curve) return row.curve;
  const idle = row.idle ?? 0;
  const full = row.full ?? 0;
  return Array.from({ length: 11 }, (_, i) => idle + ((full - idle) * i) / 10);
}

/** Linear interpolation of an 11-point curve at utilisation u (clamped to 0…1). */
export function interpolate(curve: readonly number[], u: number): number {
  const x = Math.min(1, Math.max(0, u)) * 10;
  const i = Math.min(9, Math.floor(x));
  const a = curve[i]!;
  const b = curve[i + 1]!;
  return a + (b - a) * (x - i);
}

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

const band = (name: string) => POWER_TABLE.bands[name]?.relative ?? 0.5;

/** Median idle/full ratio of the SPECpower systems (the TDP fallback's idle share). */
export function idleShare(systems: readonly SystemRow[] = POWER_TABLE.systems): number {
  return median(systems.map((s) => systemCurve(s)[0]! / systemCurve(s)[10]!));
}

/** Median watts per thread at each load level over the given systems. */
export function medianWattsPerThread(systems: readonly SystemRow[] = POWER_TABLE.systems): number[] {
  const curves = systems.map((s) => systemCurve(s).map((w) => w / s.threads));
  return Array.from({ length: 11 }, (_, i) => median(curves.map((c) => c[i]!)));
}

const matches = (pattern: string, cpuModel: string) => new RegExp(pattern, 'i').test(cpuModel);

/**
 * The power model for a CPU model name as /proc/cpuinfo writes it ("Intel(R) Xeon(R) CPU X5675 @ 3.07GHz").
 * `exclude` leaves table rows out (leave-one-out evaluation).
 */
export function cpuPowerModel(cpuModel: string, exclude: { systemId?: string } = {}): CpuPowerModel {
  const systems = POWER_TABLE.systems.filter((s) => s.id !== exclude.systemId);
  const system = systems.find((s) => matches(s.match, cpuModel));
  if (system) {
    return {
      method: 'specpower',
      basis: `SPECpower_ssj2008: ${system.system}${system.curve ? '' : ' (idle–full line)'}`,
      source: system.source,
      wattsPerThread: systemCurve(system).map((w) => w / system.threads),
      includesPlatform: true,
      band: band('specpower'),
    };
  }
  const cpu = POWER_TABLE.cpus.find((c) => matches(c.match, cpuModel));
  if (cpu) {
    const idle = idleShare(systems);
    const full = cpu.tdp / cpu.threads;
    return {
      method: 'tdp',
      basis: `TDP ${cpu.tdp} W of ${cpu.cpu} (${cpu.threads} threads), idle ${Math.round(idle * 100)} % of TDP`,
      source: cpu.source,
      wattsPerThread: Array.from({ length: 11 }, (_, i) => full * (idle + ((1 - idle) * i) / 10)),
      includesPlatform: false,
      band: band('tdp'),
    };
  }
  return {
    method: 'table-median',
    basis: `unknown CPU "${cpuModel}": median watts per thread of ${systems.length} SPECpower systems`,
    source: 'src/analysis/energy/cpu-power.json',
    wattsPerThread: medianWattsPerThread(systems),
    includesPlatform: true,
    band: band('table-median'),
  };
}

/** Watts of `threads` hardware threads at utilisation u under the model. */
export function cpuWatts(model: CpuPowerModel, threads: number, u: number): number {
  return interpolate(model.wattsPerThread, u) * threads;
}

/** Memory power, W per GiB resident (Cloud Carbon Footprint's coefficient; see cpu-power.json). */
export const MEMORY_WATTS_PER_GIB = POWER_TABLE.memoryWattsPerGiB.value;
