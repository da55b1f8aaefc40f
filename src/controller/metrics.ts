/**
 * Every Prometheus metric of the ai-ci controller, defined in one place. `METRIC_DEFINITIONS` is plain data
 * (name, type, help, labels, buckets) so tests, the README metrics table and the Grafana dashboard check can
 * enumerate it without starting anything; `createControllerMetrics` instantiates them in a prom-client registry.
 *
 * Naming follows the Prometheus conventions: prefix `ai_ci_`, base units in the name (`_seconds`), `_total` on
 * counters, no unit-less ratios hidden in gauges.
 */
import { Counter, Gauge, Histogram, Registry } from 'prom-client';

export type MetricType = 'counter' | 'gauge' | 'histogram';

export interface MetricDefinition {
  readonly name: string;
  readonly type: MetricType;
  readonly help: string;
  readonly labelNames: readonly string[];
  /** Histogram bucket upper bounds, in the metric's unit. */
  readonly buckets?: readonly number[];
}

/** Job waits and runs span seconds (a warm runner) to hours (a deferred or long GPU job). */
const JOB_SECONDS_BUCKETS = [1, 2, 5, 10, 20, 30, 60, 120, 300, 600, 1200, 1800, 3600, 7200, 14400, 28800];
/** One reconcile is milliseconds of work plus a few API round trips. */
const RECONCILE_SECONDS_BUCKETS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

const POOL = ['namespace', 'pool'] as const;
const POLICY = ['namespace', 'policy'] as const;

/** The metrics, keyed by the property name `ControllerMetrics` exposes them under. */
export const METRIC_DEFINITIONS = {
  runners: {
    name: 'ai_ci_runners',
    type: 'gauge',
    help: 'Runners of a RunnerPool by state: pending (starting, not yet online), idle, busy (running a job), finished (Pod ended, awaiting cleanup).',
    labelNames: [...POOL, 'state'],
  },
  desiredRunners: {
    name: 'ai_ci_desired_runners',
    type: 'gauge',
    help: 'Runners a RunnerPool wants: min(minRunners + admitted jobs, maxRunners).',
    labelNames: POOL,
  },
  queuedJobs: {
    name: 'ai_ci_queued_jobs',
    type: 'gauge',
    help: 'Queued GitHub jobs a RunnerPool serves (exact label match), admitted or deferred.',
    labelNames: POOL,
  },
  deferredJobs: {
    name: 'ai_ci_deferred_jobs',
    type: 'gauge',
    help: "Queued jobs a RunnerPool's CarbonPolicy gate is holding back.",
    labelNames: POOL,
  },
  jobWaitSeconds: {
    name: 'ai_ci_job_wait_seconds',
    type: 'histogram',
    help: 'Time from a job being queued on GitHub to a runner of the pool taking it.',
    labelNames: POOL,
    buckets: JOB_SECONDS_BUCKETS,
  },
  jobRunSeconds: {
    name: 'ai_ci_job_run_seconds',
    type: 'histogram',
    help: 'Time from a runner of the pool taking a job to the job completing, by conclusion.',
    labelNames: [...POOL, 'conclusion'],
    buckets: JOB_SECONDS_BUCKETS,
  },
  jobEnergyJoules: {
    name: 'ai_ci_job_energy_joules',
    type: 'histogram',
    help: 'Energy of each completed job\'s runner Pod, joules: Kepler\'s kepler_container_joules_total over the run (method="kepler") or the pool\'s resources × run time (method="estimate").',
    labelNames: [...POOL, 'repository', 'method'],
    buckets: [1e3, 1e4, 5e4, 1e5, 5e5, 1e6, 5e6, 1e7, 5e7, 1e8],
  },
  jobEnergyJoulesTotal: {
    name: 'ai_ci_job_energy_joules_total',
    type: 'counter',
    help: 'Energy of completed jobs, joules, summed (see ai_ci_job_energy_joules).',
    labelNames: [...POOL, 'repository', 'method'],
  },
  jobCarbonGrams: {
    name: 'ai_ci_job_carbon_grams',
    type: 'histogram',
    help: "gCO2e of each completed job: its energy × the intensity of its pool's CarbonPolicy when it completed (jobs of pools without a policy are not counted).",
    labelNames: [...POOL, 'repository', 'method'],
    buckets: [0.1, 0.5, 1, 5, 10, 50, 100, 500, 1000, 5000],
  },
  jobCarbonGramsTotal: {
    name: 'ai_ci_job_carbon_grams_total',
    type: 'counter',
    help: 'gCO2e of completed jobs, summed (see ai_ci_job_carbon_grams); beside ai_ci_carbon_avoided_grams_total.',
    labelNames: [...POOL, 'repository', 'method'],
  },
  runnerCreateLatencySeconds: {
    name: 'ai_ci_runner_create_latency_seconds',
    type: 'histogram',
    help: 'Controller reaction time: from a queued job reaching the controller (verified webhook, or resync) to the create call of the runner Pod created for it.',
    labelNames: POOL,
    buckets: [0.001, 0.002, 0.005, 0.01, 0.02, 0.05, 0.1, 0.2, 0.5, 1, 2, 5, 10, 30, 60],
  },
  runnerCreateOverheadSeconds: {
    name: 'ai_ci_runner_create_overhead_seconds',
    type: 'histogram',
    help: "The controller's own part of ai_ci_runner_create_latency_seconds: that time minus the GitHub JIT registration and Secret create round trips of the runner (queueing, reconcile, decide).",
    labelNames: POOL,
    buckets: [0.0005, 0.001, 0.002, 0.005, 0.01, 0.02, 0.05, 0.1, 0.2, 0.5, 1, 2, 5],
  },
  runnersCreated: {
    name: 'ai_ci_runners_created_total',
    type: 'counter',
    help: 'Ephemeral runners registered (JIT config generated) for a pool.',
    labelNames: POOL,
  },
  runnersRemoved: {
    name: 'ai_ci_runners_removed_total',
    type: 'counter',
    help: 'Runners removed from a pool, by reason (finished, scale_down, startup_timeout, failed, orphan, pool_deleted).',
    labelNames: [...POOL, 'reason'],
  },
  runnerRestarts: {
    name: 'ai_ci_runner_restarts_total',
    type: 'counter',
    help: 'Runner Pods recreated after a failure before the runner took a job.',
    labelNames: POOL,
  },
  reconcileDurationSeconds: {
    name: 'ai_ci_reconcile_duration_seconds',
    type: 'histogram',
    help: 'Duration of one reconcile of a resource, observe to act.',
    labelNames: ['controller'],
    buckets: RECONCILE_SECONDS_BUCKETS,
  },
  reconciles: {
    name: 'ai_ci_reconciles_total',
    type: 'counter',
    help: 'Reconciles by result (success, error, requeue).',
    labelNames: ['controller', 'result'],
  },
  reconcileErrors: {
    name: 'ai_ci_reconcile_errors_total',
    type: 'counter',
    help: 'Reconciles that failed and were retried with backoff.',
    labelNames: ['controller'],
  },
  workQueueDepth: {
    name: 'ai_ci_workqueue_depth',
    type: 'gauge',
    help: 'Keys waiting in the work queue (not counting delayed ones).',
    labelNames: ['controller'],
  },
  workQueueRetries: {
    name: 'ai_ci_workqueue_retries_total',
    type: 'counter',
    help: 'Keys put back into the work queue with backoff after a failure.',
    labelNames: ['controller'],
  },
  githubApiRequests: {
    name: 'ai_ci_github_api_requests_total',
    type: 'counter',
    help: 'GitHub API requests by route template and HTTP status code (0: no response).',
    labelNames: ['route', 'status'],
  },
  githubApiRequestDurationSeconds: {
    name: 'ai_ci_github_api_request_duration_seconds',
    type: 'histogram',
    help: 'GitHub API request duration by route template.',
    labelNames: ['route'],
    buckets: [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
  },
  githubRateLimitRemaining: {
    name: 'ai_ci_github_rate_limit_remaining',
    type: 'gauge',
    help: 'Requests left in the current GitHub primary rate-limit window, per credentials Secret (namespace/name).',
    labelNames: ['credentials'],
  },
  githubRateLimitLimit: {
    name: 'ai_ci_github_rate_limit_limit',
    type: 'gauge',
    help: 'Size of the GitHub primary rate-limit window, per credentials Secret (namespace/name).',
    labelNames: ['credentials'],
  },
  webhookDeliveries: {
    name: 'ai_ci_webhook_deliveries_total',
    type: 'counter',
    help: 'GitHub webhook deliveries received, by result (accepted, duplicate, invalid_signature, ignored, error).',
    labelNames: ['result'],
  },
  resyncRecoveredJobs: {
    name: 'ai_ci_resync_recovered_jobs_total',
    type: 'counter',
    help: 'Queued jobs found by the periodic REST resync that no webhook had announced (missed webhooks).',
    labelNames: POOL,
  },
  scaleSetEvents: {
    name: 'ai_ci_scaleset_events_total',
    type: 'counter',
    help: 'Scale-set demand source events of a RunnerPool: session_created, session_conflict, acquired, job_assigned, job_started, job_completed, stand_in (an assigned job learnt from statistics), error.',
    labelNames: [...POOL, 'event'],
  },
  leader: {
    name: 'ai_ci_leader',
    type: 'gauge',
    help: '1 while this replica holds the leader-election Lease and acts, 0 on standby.',
    labelNames: [],
  },
  // ---- CarbonPolicy (src/controller/carbonpolicy/) ----
  carbonIntensity: {
    name: 'ai_ci_carbon_intensity_grams_per_kwh',
    type: 'gauge',
    help: "Latest grid carbon intensity of a CarbonPolicy's source, gCO2eq/kWh (average or marginal: see the policy status).",
    labelNames: POLICY,
  },
  carbonLowCarbon: {
    name: 'ai_ci_carbon_low_carbon',
    type: 'gauge',
    help: "1 while a CarbonPolicy's current intensity is at or below its threshold, else 0.",
    labelNames: POLICY,
  },
  carbonDeferredJobs: {
    name: 'ai_ci_carbon_deferred_jobs',
    type: 'gauge',
    help: 'Queued jobs a CarbonPolicy holds back, over all RunnerPools using it.',
    labelNames: POLICY,
  },
  carbonDeferralSeconds: {
    name: 'ai_ci_carbon_deferral_seconds',
    type: 'histogram',
    help: 'How long a CarbonPolicy held a job back before admitting it (0: admitted at once), by admission reason (LowCarbon, BestWindowNow, NoForecast, DeadlineReached, ForcedRun, SourceUnavailable, PolicyNotFound).',
    labelNames: [...POLICY, 'reason'],
    buckets: [0.5, ...JOB_SECONDS_BUCKETS],
  },
  carbonAvoidedGrams: {
    name: 'ai_ci_carbon_avoided_grams_total',
    type: 'counter',
    help: "Estimated gCO2eq avoided by deferral: a runner's power (from the pool's resources) × the job's expected duration × (forecast intensity had it run when first asked − forecast intensity at its actual start).",
    labelNames: POLICY,
  },
  carbonObservedDeferrals: {
    name: 'ai_ci_carbon_observed_deferrals_total',
    type: 'counter',
    help: 'CarbonPolicy mode Observe: jobs started at once that Enforce would have deferred, by the reason Enforce gave.',
    labelNames: [...POLICY, 'reason'],
  },
  carbonObservedAvoidableGrams: {
    name: 'ai_ci_carbon_observed_avoidable_grams_total',
    type: 'counter',
    help: "CarbonPolicy mode Observe: estimated gCO2eq that Enforce's deferrals would have avoided (runner power × expected duration × (forecast intensity now − forecast intensity of the window Enforce chose)).",
    labelNames: POLICY,
  },
  carbonAddedGrams: {
    name: 'ai_ci_carbon_added_grams_total',
    type: 'counter',
    help: 'Estimated gCO2eq added by deferral, where a deferred job started in a dirtier window than when first asked (forecast error, deadline); avoided − added is the net saving.',
    labelNames: POLICY,
  },
  carbonSourceHealthy: {
    name: 'ai_ci_carbon_source_healthy',
    type: 'gauge',
    help: "1 while the last fetch from a CarbonPolicy's intensity source succeeded, else 0.",
    labelNames: [...POLICY, 'source'],
  },
  carbonBreakerState: {
    name: 'ai_ci_carbon_breaker_state',
    type: 'gauge',
    help: "Circuit breaker state of a CarbonPolicy's source: 1 for the current state (closed, open, half_open), 0 for the others.",
    labelNames: [...POLICY, 'state'],
  },
  carbonSourceFetches: {
    name: 'ai_ci_carbon_source_fetches_total',
    type: 'counter',
    help: 'Fetches from a CarbonPolicy source by result: success, breaker_open (not called), or the failure kind (timeout, network, http, auth, rate_limited, parse, unavailable, config).',
    labelNames: [...POLICY, 'result'],
  },
  traceSpans: {
    name: 'ai_ci_trace_spans_total',
    type: 'counter',
    help: 'Spans of job and reconcile traces by result: exported, or dropped (reason queue_full when the bounded queue was full, else the export error, e.g. a collector that is down). Zero while tracing is off.',
    labelNames: ['result', 'reason'],
  },
} as const satisfies Record<string, MetricDefinition>;

type Defs = typeof METRIC_DEFINITIONS;
type LabelsOf<D extends MetricDefinition> = D['labelNames'][number];
type MetricOf<D extends MetricDefinition> = D['type'] extends 'counter'
  ? Counter<LabelsOf<D>>
  : D['type'] extends 'gauge'
    ? Gauge<LabelsOf<D>>
    : Histogram<LabelsOf<D>>;

export type ControllerMetrics = { readonly [K in keyof Defs]: MetricOf<Defs[K]> } & {
  readonly registry: Registry;
};

/** All definitions as a list, in a stable order (for docs generators and tests). */
export function listMetricDefinitions(): MetricDefinition[] {
  return Object.values(METRIC_DEFINITIONS);
}

/** Instantiates every metric in `registry` (a fresh one by default, so tests never share state). */
export function createControllerMetrics(registry: Registry = new Registry()): ControllerMetrics {
  const out: Record<string, unknown> = { registry };
  for (const [key, def] of Object.entries(METRIC_DEFINITIONS) as [string, MetricDefinition][]) {
    const config = { name: def.name, help: def.help, labelNames: [...def.labelNames], registers: [registry] };
    switch (def.type) {
      case 'counter':
        out[key] = new Counter(config);
        break;
      case 'gauge':
        out[key] = new Gauge(config);
        break;
      case 'histogram':
        out[key] = new Histogram({ ...config, buckets: [...(def.buckets ?? [])] });
        break;
    }
  }
  return out as ControllerMetrics;
}
