/**
 * The energy and carbon of one CI job run on a runner Pod, pure: measured joules (Kepler) when there are some,
 * otherwise the estimate of the one power model (resources.ts: the Pod's GPUs, cores and memory × the job's run
 * time), marked as estimated; grams CO2e when an intensity is known.
 */
import {
  DEFAULT_POWER_MODEL,
  type PowerModel,
  type RunnerResources,
  runnerShape,
  runnerWatts,
} from './resources.js';

export interface JobEnergyInput {
  runSeconds: number;
  resources?: RunnerResources;
  power?: PowerModel;
  /** Joules measured by Kepler for the runner Pod over the run, when available. */
  measuredJoules?: number;
  /** Why no measurement was used, when Kepler was asked and could not answer. */
  measurementMissing?: string;
  /** Grid intensity to charge the energy at, gCO2eq/kWh, and where it came from. */
  intensity?: { gPerKWh: number; source: string };
}

export interface JobEnergy {
  joules: number;
  wattHours: number;
  method: 'kepler' | 'estimate';
  /** grams CO2e; absent without an intensity. */
  grams?: number;
  /** How the figure was obtained, for an Event or a log line. */
  basis: string;
}

export function jobEnergy(input: JobEnergyInput): JobEnergy {
  const power = input.power ?? DEFAULT_POWER_MODEL;
  const seconds = Math.max(0, input.runSeconds);
  let joules: number;
  let method: JobEnergy['method'];
  let basis: string;
  if (
    input.measuredJoules !== undefined &&
    Number.isFinite(input.measuredJoules) &&
    input.measuredJoules >= 0
  ) {
    joules = input.measuredJoules;
    method = 'kepler';
    basis = 'measured by Kepler (kepler_container_joules_total of the runner Pod)';
  } else {
    const watts = runnerWatts(input.resources, power);
    const s = runnerShape(input.resources, power);
    joules = watts * seconds;
    method = 'estimate';
    basis =
      `estimated from the pool's resources (${s.gpus} GPU, ${round(s.cpuCores, 2)} cores, ${round(s.memoryGiB, 1)} GiB ` +
      `at ${round(watts, 1)} W${power.pue !== 1 ? `, PUE ${power.pue}` : ''})` +
      (input.measurementMissing ? `; Kepler: ${input.measurementMissing}` : '');
  }
  const wattHours = joules / 3600;
  const grams = input.intensity ? (wattHours / 1000) * input.intensity.gPerKWh : undefined;
  return { joules, wattHours, method, ...(grams !== undefined ? { grams } : {}), basis };
}

/** One line for a Kubernetes Event: units are Wh and grams CO2e. */
export function describeJobEnergy(e: JobEnergy, intensity?: JobEnergyInput['intensity']): string {
  const carbon =
    e.grams !== undefined && intensity
      ? `${round(e.grams, 2)} gCO2e at ${round(intensity.gPerKWh, 0)} gCO2eq/kWh (${intensity.source})`
      : 'no gCO2e: the pool has no CarbonPolicy with a current intensity';
  return `${round(e.wattHours, 2)} Wh, ${e.basis}; ${carbon}`;
}

function round(x: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}
