/**
 * Figures per policy, all computed on the actual intensity:
 * - emissions: runner power × ∫ intensity over each run (kW × g/kWh × h = g);
 * - saved vs run-now, and the share of the oracle's saving achieved ((runNow − policy) / (runNow − oracle));
 * - share of job-hours in low-carbon periods, two ways: below the threshold (the design document's 200 g, which on
 *   some grids is nearly always or never true), and below the grid's own 24-hour centred rolling median (a
 *   relative "cleaner half of the day" that means the same on every grid; run-now lands near 50% by construction);
 * - queue delay (start − queued) p50/p95/max; deadline misses: runs that FINISHED after queuedAt + maxDeferral
 *   (the promise is to finish by the deadline, so a late start is not the only way to miss it), of them those that
 *   also started late and those that could not have made it (the run alone is longer than maxDeferral); and how
 *   many runs the deadline guard started.
 */
import type { IntensityPoint } from '../types.js';
import type { IntensityIndex } from '../window.js';
import { indexIntensity, meanIntensity } from '../window.js';
import type { Placement } from './engine.js';
import type { SimJob } from './jobs.js';

const HOUR = 3_600_000;

export interface DelayStats {
  p50Ms: number;
  p95Ms: number;
  maxMs: number;
  meanMs: number;
}

export interface PolicyMetrics {
  policy: string;
  jobs: number;
  jobHours: number;
  energyKWh: number;
  emissionsG: number;
  /** Emissions-weighted mean intensity of the runs, gCO2/kWh. */
  meanIntensity: number;
  /** % of run-now's emissions avoided; negative when worse than run-now. */
  savedVsRunNowPct: number;
  /** % of the oracle's saving achieved; undefined when the oracle saves (almost) nothing. */
  oracleSharePct?: number;
  /** Share (0..1) of job-hours below the threshold. */
  lowCarbonShare: number;
  /** Share (0..1) of job-hours below the 24 h rolling median. */
  belowMedianShare: number;
  delay: DelayStats;
  /** Runs that finished after their deadline (queuedAt + maxDeferral). */
  deadlineMisses: number;
  /** Of them, runs that even started after the deadline (all runners busy). */
  lateStarts: number;
  /** Of them, runs longer than maxDeferral by themselves: late whatever the policy. */
  unavoidableMisses: number;
  /** Runs started by the deadline guard (the policy would have kept waiting). */
  releasedAtDeadline: number;
}

/** Actual-intensity helpers shared by every policy's metrics. */
export interface MetricBasis {
  actual: IntensityIndex;
  lowCarbon: IntensityIndex;
  belowMedian: IntensityIndex;
  firstStart: number;
  lastEnd: number;
}

export function metricBasis(actual: readonly IntensityPoint[], thresholdG: number): MetricBasis {
  const median = rollingMedian(actual, 24 * HOUR);
  return {
    actual: indexIntensity(actual),
    lowCarbon: indexIntensity(
      actual.map((p) => ({ start: p.start, end: p.end, value: p.value < thresholdG ? 1 : 0 })),
    ),
    belowMedian: indexIntensity(
      actual.map((p, i) => ({ start: p.start, end: p.end, value: p.value < median[i]! ? 1 : 0 })),
    ),
    firstStart: actual[0]?.start ?? 0,
    lastEnd: actual[actual.length - 1]?.end ?? 0,
  };
}

/** Median of the values whose start lies within ±window/2 of each point's start (both ends included). */
export function rollingMedian(points: readonly IntensityPoint[], windowMs: number): number[] {
  const out: number[] = [];
  let lo = 0;
  let hi = 0;
  for (let i = 0; i < points.length; i++) {
    const t = points[i]!.start;
    while (points[lo]!.start < t - windowMs / 2) lo++;
    while (hi < points.length && points[hi]!.start <= t + windowMs / 2) hi++;
    const values = points
      .slice(lo, hi)
      .map((p) => p.value)
      .sort((a, b) => a - b);
    const mid = values.length >> 1;
    out.push(values.length % 2 ? values[mid]! : (values[mid - 1]! + values[mid]!) / 2);
  }
  return out;
}

/**
 * ∫ value dt over [start, end) in value·hours. Parts outside the series take the nearest edge value, so a run
 * pushed past the end of the trace (a capacity backlog) is still counted.
 */
export function integrateHours(
  index: IntensityIndex,
  basis: MetricBasis,
  start: number,
  end: number,
): number {
  if (end <= start) return 0;
  const a = Math.max(start, basis.firstStart);
  const b = Math.min(end, basis.lastEnd);
  let total = 0;
  if (b > a) total += ((meanIntensity(index, a, b) ?? 0) * (b - a)) / HOUR;
  if (start < basis.firstStart) {
    total += ((index.values[0] ?? 0) * (Math.min(end, basis.firstStart) - start)) / HOUR;
  }
  if (end > basis.lastEnd) {
    total += ((index.values[index.length - 1] ?? 0) * (end - Math.max(start, basis.lastEnd))) / HOUR;
  }
  return total;
}

export function computeMetrics(
  policy: string,
  jobs: readonly SimJob[],
  placements: readonly Placement[],
  basis: MetricBasis,
  options: { runnerPowerKw: number; maxDeferralMs: number },
): PolicyMetrics {
  const byId = new Map(jobs.map((j) => [j.id, j]));
  let jobHours = 0;
  let intensityHours = 0;
  let lowHours = 0;
  let belowMedianHours = 0;
  let misses = 0;
  let lateStarts = 0;
  let unavoidable = 0;
  let guard = 0;
  const delays: number[] = [];
  for (const p of placements) {
    const job = byId.get(p.jobId);
    if (!job) throw new Error(`placement for unknown job ${p.jobId}`);
    const hours = (p.end - p.start) / HOUR;
    jobHours += hours;
    intensityHours += integrateHours(basis.actual, basis, p.start, p.end);
    lowHours += integrateHours(basis.lowCarbon, basis, p.start, p.end);
    belowMedianHours += integrateHours(basis.belowMedian, basis, p.start, p.end);
    const delay = p.start - job.queuedAt;
    delays.push(delay);
    const deadline = job.queuedAt + options.maxDeferralMs;
    if (p.end > deadline) {
      misses++;
      if (p.start > deadline) lateStarts++;
      if (job.durationMs > options.maxDeferralMs) unavoidable++;
    }
    if (p.reason === 'DeadlineReached') guard++;
  }
  if (placements.length !== jobs.length) {
    throw new Error(`policy ${policy} placed ${placements.length} of ${jobs.length} jobs`);
  }
  delays.sort((a, b) => a - b);
  const emissionsG = intensityHours * options.runnerPowerKw;
  return {
    policy,
    jobs: placements.length,
    jobHours,
    energyKWh: jobHours * options.runnerPowerKw,
    emissionsG,
    meanIntensity: jobHours > 0 ? intensityHours / jobHours : 0,
    savedVsRunNowPct: 0,
    lowCarbonShare: jobHours > 0 ? lowHours / jobHours : 0,
    belowMedianShare: jobHours > 0 ? belowMedianHours / jobHours : 0,
    delay: {
      p50Ms: quantile(delays, 0.5),
      p95Ms: quantile(delays, 0.95),
      maxMs: delays[delays.length - 1] ?? 0,
      meanMs: delays.length > 0 ? delays.reduce((a, b) => a + b, 0) / delays.length : 0,
    },
    deadlineMisses: misses,
    lateStarts,
    unavoidableMisses: unavoidable,
    releasedAtDeadline: guard,
  };
}

/** Fills in savings relative to run-now and the oracle (both must be among `all`). */
export function compareWithBaselines(
  all: PolicyMetrics[],
  runNowKey = 'run-now',
  oracleKey = 'oracle',
): void {
  const runNow = all.find((m) => m.policy === runNowKey);
  const oracle = all.find((m) => m.policy === oracleKey);
  if (!runNow) return;
  const oracleSaving = oracle ? runNow.emissionsG - oracle.emissionsG : 0;
  for (const m of all) {
    const saving = runNow.emissionsG - m.emissionsG;
    m.savedVsRunNowPct = runNow.emissionsG > 0 ? (100 * saving) / runNow.emissionsG : 0;
    // Below 0.1% of run-now the oracle's saving is noise, and a share of it means nothing.
    if (oracle && oracleSaving > 0.001 * runNow.emissionsG) m.oracleSharePct = (100 * saving) / oracleSaving;
    else delete m.oracleSharePct;
  }
}

/** Linear-interpolated quantile of ascending values (type 7). */
export function quantile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return 0;
  const pos = (sorted.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (pos - lo);
}
