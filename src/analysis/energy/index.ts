/**
 * Energy and carbon of CI work: the one power model (power.ts, resources.ts), meters (RAPL, process tree and
 * cgroup CPU time, nvidia-smi), and `trackCommand`, shared by `ai-ci carbon track`, the pytest plugin's reference
 * values and the controller's per-job energy. Nothing here loads onnxruntime: the controller imports this index.
 */
export { type GpuEnergy, type GpuSample, integrateGpu, NvidiaSmiSampler, parseNvidiaSmiLine } from './gpu.js';
export { describeJobEnergy, type JobEnergy, type JobEnergyInput, jobEnergy } from './job.js';
export { KEPLER_DEFAULT_QUERY, type KeplerOptions, KeplerReader, type KeplerReading } from './kepler.js';
export {
  type DeviceEnergy,
  type EnergyMeasurement,
  EnergyMeter,
  type EnergyMethod,
  gramsCo2e,
  type MeterOptions,
  wattHours,
} from './meter.js';
export {
  type CpuMethod,
  type CpuPowerModel,
  cpuPowerModel,
  cpuWatts,
  idleShare,
  interpolate,
  MEMORY_WATTS_PER_GIB,
  medianWattsPerThread,
  POWER_TABLE,
  systemCurve,
} from './power.js';
export {
  cpuModelName,
  machineCpu,
  type ProcRoots,
  processCpuSeconds,
  processTree,
  reapedChildrenCpuSeconds,
  sampleCgroup,
  sampleTree,
} from './proc.js';
export { counterDelta, POWERCAP_ROOT, RaplMeter, type RaplZone, raplZones } from './rapl.js';
export {
  avoidedGrams,
  DEFAULT_POWER_MODEL,
  type PowerModel,
  quantity,
  type ResourceList,
  type RunnerResources,
  runnerShape,
  runnerWatts,
} from './resources.js';
export {
  type Budget,
  type BudgetState,
  budgetState,
  DEFAULT_INTENSITY,
  type Intensity,
  SpawnError,
  type TrackOptions,
  type TrackReport,
  trackCommand,
} from './track.js';
