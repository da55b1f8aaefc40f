/**
 * One simulation: the same jobs on the same trace under each policy, and the figures that compare them. No I/O:
 * the CLI reads the trace and jobs, this module replays them.
 */
import type { DurationLearnerOptions } from '../durations-learning.js';
import type { SchedulerParams } from '../scheduler.js';
import type { IntensityPoint, IntensitySeries } from '../types.js';
import { indexIntensity } from '../window.js';
import type { OnlinePolicy, Placement } from './engine.js';
import { runOnline } from './engine.js';
import type { ForecastKind, ForecastModel } from './forecast.js';
import { historyForecastModel, noisyForecast, perfectForecast, providerForecast } from './forecast.js';
import type { SimJob } from './jobs.js';
import type { PolicyMetrics } from './metrics.js';
import { compareWithBaselines, computeMetrics, metricBasis } from './metrics.js';
import { oraclePlacements } from './oracle.js';
import { aiCiPolicy, designDocPolicy, runNowPolicy, thresholdPolicy } from './policies.js';
import { createRandom } from './rng.js';

export const POLICY_KEYS = ['run-now', 'design-doc', 'threshold', 'ai-ci', 'oracle'] as const;
export type PolicyKey = (typeof POLICY_KEYS)[number];

export const POLICY_LABELS: Record<PolicyKey, string> = {
  'run-now': 'run now',
  'design-doc': 'design doc (6-hourly check)',
  threshold: 'threshold only',
  'ai-ci': 'ai-ci forecast',
  oracle: 'oracle',
};

export interface SimulationConfig {
  actual: IntensitySeries;
  /** The provider's published forecast, when the trace has one. */
  providerForecast?: IntensitySeries;
  jobs: readonly SimJob[];
  maxDeferralMs: number;
  maxRunners: number;
  runnerPowerKw: number;
  /** The design document's threshold (200 g): design-doc and threshold policies, and the low-carbon share. */
  thresholdG: number;
  /** Hours (UTC) of the design document's checks. */
  checkHoursUtc: readonly number[];
  /** Planned duration while no run has finished yet (the CarbonPolicy's defaultJobDuration). */
  defaultDurationMs: number;
  /** The longest a job can run (CarbonPolicy maxJobDuration): jobs with too little history are planned with it. */
  maxJobDurationMs?: number;
  /** How durations are learned (quantile, margin, …): the controller's defaults when absent. */
  durations?: Omit<DurationLearnerOptions, 'defaultMs'>;
  forecast: {
    /** `auto`: the provider's forecast when the trace has one, else `noisy`. */
    kind: ForecastKind | 'auto';
    meanAbsoluteError: number;
    horizonMs: number;
  };
  /** ai-ci's scheduler settings other than the deadline (tolerance, optional threshold, …). */
  scheduler: Omit<SchedulerParams, 'maxDeferralMs'>;
  seed: number;
  onProgress?: (policy: PolicyKey, fraction: number) => void;
}

export interface SimulationResult {
  policies: PolicyMetrics[];
  placements: Record<PolicyKey, Placement[]>;
  forecast: { kind: ForecastKind; description: string };
  oracleMethod: 'exact' | 'greedy';
  notes: string[];
}

export function simulate(config: SimulationConfig): SimulationResult {
  const actualPoints = config.actual.points;
  if (actualPoints.length === 0) throw new Error('the trace has no intensity values');
  const actualIndex = indexIntensity(actualPoints);
  const stepTimes = actualPoints.map((p) => p.start);
  const random = createRandom(config.seed);
  const model = forecastModel(config, random.fork('forecast'));
  const basis = metricBasis(actualPoints, config.thresholdG);
  const engine = {
    maxRunners: config.maxRunners,
    maxDeferralMs: config.maxDeferralMs,
    stepTimes,
    defaultDurationMs: config.defaultDurationMs,
    ...(config.maxJobDurationMs !== undefined ? { maxJobDurationMs: config.maxJobDurationMs } : {}),
    ...(config.durations ? { durations: config.durations } : {}),
  };
  const online: Array<[Exclude<PolicyKey, 'oracle'>, OnlinePolicy]> = [
    ['run-now', runNowPolicy],
    ['design-doc', designDocPolicy(actualIndex, config.thresholdG, config.checkHoursUtc)],
    ['threshold', thresholdPolicy(actualIndex, config.thresholdG)],
    [
      'ai-ci',
      aiCiPolicy(
        { ...config.scheduler, maxDeferralMs: config.maxDeferralMs },
        forecastAtStep(stepTimes, model),
      ),
    ],
  ];
  const placements = {} as Record<PolicyKey, Placement[]>;
  for (const [key, policy] of online) {
    placements[key] = runOnline(config.jobs, policy, {
      ...engine,
      ...(config.onProgress ? { onProgress: (f: number) => config.onProgress?.(key, f) } : {}),
    });
  }
  const oracle = oraclePlacements(config.jobs, actualIndex, config.maxDeferralMs, config.maxRunners);
  placements.oracle = oracle.placements;
  config.onProgress?.('oracle', 1);

  const policies = POLICY_KEYS.map((key) =>
    computeMetrics(key, config.jobs, placements[key], basis, {
      runnerPowerKw: config.runnerPowerKw,
      maxDeferralMs: config.maxDeferralMs,
    }),
  );
  compareWithBaselines(policies);
  const notes: string[] = [];
  if (model.kind === 'noisy') {
    notes.push('The trace has no published forecast: ai-ci saw a modelled noisy forecast (see "forecast").');
  }
  if (oracle.method === 'greedy') {
    notes.push(
      `The per-job best windows need more than ${config.maxRunners} runners at once: the oracle is a greedy placement, not an exact optimum.`,
    );
  }
  for (const m of policies) {
    if (m.deadlineMisses > 0) {
      notes.push(
        `${POLICY_LABELS[m.policy as PolicyKey]}: ${m.deadlineMisses} job(s) finished after their deadline (${m.lateStarts} of them started late, all runners busy; ${m.unavoidableMisses} longer than the deadline by themselves).`,
      );
    }
  }
  return {
    policies,
    placements,
    forecast: { kind: model.kind, description: model.description },
    oracleMethod: oracle.method,
    notes,
  };
}

function forecastModel(config: SimulationConfig, random: ReturnType<typeof createRandom>): ForecastModel {
  const { kind, horizonMs, meanAbsoluteError } = config.forecast;
  const chosen = kind === 'auto' ? (config.providerForecast ? 'provider' : 'noisy') : kind;
  switch (chosen) {
    case 'perfect':
      return perfectForecast(config.actual, horizonMs);
    case 'history':
      return historyForecastModel(config.actual, horizonMs);
    case 'provider':
      if (!config.providerForecast)
        throw new Error('--forecast provider: the trace has no published forecast');
      return providerForecast(config.providerForecast, horizonMs);
    case 'noisy':
      return meanAbsoluteError > 0
        ? noisyForecast(config.actual, { meanAbsoluteError, horizonMs }, random)
        : perfectForecast(config.actual, horizonMs);
  }
}

/** The forecast in force at `now`: the one issued at the last step at or before it (memoised per step). */
function forecastAtStep(
  stepTimes: readonly number[],
  model: ForecastModel,
): (now: number) => IntensityPoint[] {
  let cachedStep = Number.NaN;
  let cached: IntensityPoint[] = [];
  return (now) => {
    let lo = 0;
    let hi = stepTimes.length - 1;
    let step = stepTimes[0] ?? now;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (stepTimes[mid]! <= now) {
        step = stepTimes[mid]!;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    if (step !== cachedStep) {
      cachedStep = step;
      cached = model.issue(step);
    }
    return cached;
  };
}
