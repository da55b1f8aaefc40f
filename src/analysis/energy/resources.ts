/**
 * How much energy a runner draws, estimated from its pool's resources, and the carbon a deferral avoided. Pure.
 *
 * ai-ci cannot meter a node, so a runner's power is an estimate: watts per GPU, per CPU core and per GiB of memory,
 * times a PUE. The defaults, all overridable by controller flags:
 * - GPU 300 W: a datacenter GPU under load draws 70 W (L4, T4) to 700 W (H100 SXM); 300 W is an A100 PCIe / L40S
 *   class board at its power limit, the common CI GPU.
 * - CPU 4 W per core and memory 0.392 W per GiB: Cloud Carbon Footprint's coefficients (the upper end of its
 *   per-vCPU range across the big clouds, and its per-GB memory figure), as CI keeps cores busy.
 * - PUE 1.0: intensities are per kWh delivered to IT; set e.g. 1.1–1.5 to include the facility's overhead.
 * - A pool that requests nothing is taken as 2 cores and 7 GiB: a GitHub-hosted standard Linux runner.
 * The estimate is meant for comparing windows, where only the intensity difference matters; the absolute grams
 * are as good as these coefficients.
 */
export interface PowerModel {
  wattsPerGpu: number;
  wattsPerCpuCore: number;
  wattsPerGiBMemory: number;
  /** Power usage effectiveness of the datacenter (≥ 1). */
  pue: number;
  /** Cores and memory assumed when the pool's template sets neither requests nor limits for them. */
  defaultCpuCores: number;
  defaultMemoryGiB: number;
}

export const DEFAULT_POWER_MODEL: Readonly<PowerModel> = {
  wattsPerGpu: 300,
  wattsPerCpuCore: 4,
  wattsPerGiBMemory: 0.392,
  pue: 1,
  defaultCpuCores: 2,
  defaultMemoryGiB: 7,
};

/** Resource names counted as GPUs: the device plugins' extended resources (`nvidia.com/gpu`, `amd.com/gpu`, …). */
const GPU_RESOURCE = /(^|\/)gpu$/i;

export type ResourceList = Record<string, number | string>;

export interface RunnerResources {
  requests?: ResourceList;
  limits?: ResourceList;
}

const SUFFIX: Record<string, number> = {
  n: 1e-9,
  u: 1e-6,
  m: 1e-3,
  '': 1,
  k: 1e3,
  M: 1e6,
  G: 1e9,
  T: 1e12,
  P: 1e15,
  E: 1e18,
  Ki: 2 ** 10,
  Mi: 2 ** 20,
  Gi: 2 ** 30,
  Ti: 2 ** 40,
  Pi: 2 ** 50,
  Ei: 2 ** 60,
};
const QUANTITY = /^([+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?)(Ki|Mi|Gi|Ti|Pi|Ei|[numkMGTPE]?)$/;

/**
 * A Kubernetes quantity (`500m`, `16Gi`, `1.5G`, `2`, a number) as a plain number of base units; undefined when
 * unreadable. Hand-written: @kubernetes/client-node's `quantityToScalar` is not part of its public index and throws
 * on fractional decimal suffixes such as `1.5G`, which the apiserver accepts.
 */
export function quantity(value: number | string | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  const m = QUANTITY.exec(value.trim());
  if (!m) return undefined;
  const n = Number(m[1]) * SUFFIX[m[2] ?? '']!;
  return Number.isFinite(n) ? n : undefined;
}

/** A resource's amount: the limit when set (what the container may draw), else the request. */
function amount(resources: RunnerResources | undefined, name: string): number | undefined {
  return quantity(resources?.limits?.[name]) ?? quantity(resources?.requests?.[name]);
}

/** GPUs, cores and GiB of one runner from its container resources. */
export function runnerShape(
  resources: RunnerResources | undefined,
  model: PowerModel = DEFAULT_POWER_MODEL,
): { gpus: number; cpuCores: number; memoryGiB: number } {
  let gpus = 0;
  const names = new Set([...Object.keys(resources?.limits ?? {}), ...Object.keys(resources?.requests ?? {})]);
  for (const name of names) if (GPU_RESOURCE.test(name)) gpus += amount(resources, name) ?? 0;
  const cpu = amount(resources, 'cpu');
  const memory = amount(resources, 'memory');
  return {
    gpus,
    cpuCores: cpu ?? model.defaultCpuCores,
    memoryGiB: memory !== undefined ? memory / 2 ** 30 : model.defaultMemoryGiB,
  };
}

/** Estimated electrical power of one runner, watts (PUE included). */
export function runnerWatts(
  resources: RunnerResources | undefined,
  model: PowerModel = DEFAULT_POWER_MODEL,
): number {
  const s = runnerShape(resources, model);
  const it =
    s.gpus * model.wattsPerGpu + s.cpuCores * model.wattsPerCpuCore + s.memoryGiB * model.wattsPerGiBMemory;
  return it * model.pue;
}

/**
 * gCO2eq a run of `durationMs` at `watts` saves by starting in a window of mean intensity `actual` instead of one of
 * `runNow` (both gCO2eq/kWh). Negative when the actual window was dirtier.
 */
export function avoidedGrams(watts: number, durationMs: number, runNow: number, actual: number): number {
  const kWh = (watts / 1000) * (durationMs / 3_600_000);
  return kWh * (runNow - actual);
}
