/**
 * Per-job energy and carbon (issue 15, part 3): when a job a runner of a pool ran completes, its energy (Kepler
 * through Prometheus when configured and it has samples, else the pool's resources × the run time, marked
 * estimated) and gCO2e (at the current intensity of the pool's CarbonPolicy) become metrics and a Kubernetes Event
 * on the pool. The computation is analysis/energy's (one power model, shared with `ai-ci carbon track`); this file
 * only gathers the inputs and records the outcome. Best effort: a failure is logged at debug and never blocks
 * reconciles.
 */
import {
  DEFAULT_POWER_MODEL,
  describeJobEnergy,
  type JobEnergyInput,
  jobEnergy,
  type KeplerReader,
  type PowerModel,
} from '../../analysis/energy/index.js';
import type { CarbonPolicy, RunnerPool } from '../../api/v1alpha1/index.js';
import type { QueuedJob } from '../../github/types.js';
import type { Logger } from '../../kube/informer.js';
import type { ControllerMetrics } from '../metrics.js';
import { type PoolRef, poolRef } from './builders.js';
import { isPoolRunnerName } from './model.js';

export interface JobEnergyOptions {
  metrics: ControllerMetrics;
  power?: PowerModel;
  kepler?: KeplerReader;
  pool(namespace: string, name: string): RunnerPool | undefined;
  policy(namespace: string, name: string): CarbonPolicy | undefined;
  event(ref: PoolRef, reason: string, message: string): Promise<void>;
  logger: Logger;
  now: () => number;
}

/**
 * Of the pools whose labels match the job, the one that ran it: the pool whose runner names (model.ts
 * `isPoolRunnerName`, the exact `<prefix>-<suffix>` form) include the job's runner.
 */
export function poolThatRan(
  job: Pick<QueuedJob, 'runnerName'>,
  candidates: readonly string[],
): string | undefined {
  const runner = job.runnerName;
  const byRunner = runner
    ? candidates.filter((key) => isPoolRunnerName(key.split('/')[1] ?? '', runner))
    : [];
  if (byRunner.length === 1) return byRunner[0];
  return candidates.length === 1 ? candidates[0] : undefined;
}

export class JobEnergyRecorder {
  private readonly power: PowerModel;

  constructor(private readonly o: JobEnergyOptions) {
    this.power = o.power ?? DEFAULT_POWER_MODEL;
  }

  /** Records the energy of a completed job of the pool `key` (namespace/name) that ran `runSeconds`. */
  async completed(job: QueuedJob, runSeconds: number, key: string): Promise<void> {
    const [namespace, name] = key.split('/') as [string, string];
    const pool = this.o.pool(namespace, name);
    if (!pool) return;
    const input: JobEnergyInput = {
      runSeconds,
      power: this.power,
      ...(pool.spec.template?.resources ? { resources: pool.spec.template.resources } : {}),
    };
    if (this.o.kepler && job.runnerName) {
      const at = job.completedAt ?? this.o.now();
      const reading = await this.o.kepler.podJoules(namespace, job.runnerName, runSeconds, at);
      if ('joules' in reading) input.measuredJoules = reading.joules;
      else input.measurementMissing = reading.missing;
    }
    const policyName = pool.spec.carbonPolicyRef?.name;
    const status = policyName ? this.o.policy(namespace, policyName)?.status : undefined;
    if (policyName && status?.currentIntensity !== undefined) {
      input.intensity = {
        gPerKWh: status.currentIntensity,
        source: `CarbonPolicy ${namespace}/${policyName}${status.lastUpdateTime ? ` at ${status.lastUpdateTime}` : ''}`,
      };
    }
    const e = jobEnergy(input);
    const labels = { namespace, pool: name, repository: job.repository, method: e.method };
    this.o.metrics.jobEnergyJoules.observe(labels, e.joules);
    this.o.metrics.jobEnergyJoulesTotal.inc(labels, e.joules);
    if (e.grams !== undefined) {
      this.o.metrics.jobCarbonGrams.observe(labels, e.grams);
      this.o.metrics.jobCarbonGramsTotal.inc(labels, e.grams);
    }
    const what = [job.repository, [job.workflowName, job.jobName].filter(Boolean).join('/')].filter(Boolean);
    await this.o.event(
      poolRef(pool),
      'JobEnergy',
      `job ${job.id} (${what.join(' ')}) ran ${Math.round(runSeconds)} s${job.runnerName ? ` on ${job.runnerName}` : ''}: ${describeJobEnergy(e, input.intensity)}`,
    );
  }
}
