/**
 * The invariants of `npm run chaos` (scripts/chaos/run.ts), as pure functions over what the run recorded: no I/O,
 * no clock, so test/delivery/chaos-invariants.test.ts checks the checker itself.
 *
 * What is recorded, and from where:
 * - runner objects (Secrets and Pods carrying `ai-ci.dev/created-for-job`) as an informer of the run sees them
 *   (every add and update, over the whole run): `noteRunnerObject`;
 * - samples of live runner Pods and registered GitHub runners per pool (about once a second): `noteSample`;
 * - the replicas' /metrics, each process incarnation separately, its last scrape kept (a SIGKILLed incarnation's
 *   last scrape is taken just before the kill): `MetricsObservation`.
 */

export interface RunnerObject {
  kind: 'Secret' | 'Pod';
  /** Runner name (Secret and Pod share it). */
  name: string;
  pool: string;
  /** The job the runner was created for, when the object says so. */
  forJob?: number;
}

export interface PoolSample {
  at: number;
  pool: string;
  maxRunners: number;
  /** Runner Pods neither terminating nor finished (Succeeded/Failed). */
  activePods: number;
  /** Runners registered on GitHub whose name belongs to the pool. */
  githubRunners: number;
}

export interface Violation {
  invariant: InvariantName;
  detail: string;
}

export type InvariantName =
  | 'one runner per job'
  | 'pods <= maxRunners'
  | 'GitHub runners <= maxRunners'
  | 'at most one leader'
  | 'busy runner Pod kept'
  | 'every job completed'
  | 'no orphan Pod'
  | 'no orphan Secret'
  | 'no orphan GitHub runner'
  | 'runners_created_total <= JIT configs'
  | 'runners_created_total >= JIT configs - lost'
  | 'Pods <= Secrets <= JIT configs'
  | 'no job started past its deadline';

export const INVARIANTS: readonly InvariantName[] = [
  'one runner per job',
  'pods <= maxRunners',
  'GitHub runners <= maxRunners',
  'at most one leader',
  'busy runner Pod kept',
  'every job completed',
  'no orphan Pod',
  'no orphan Secret',
  'no orphan GitHub runner',
  'runners_created_total <= JIT configs',
  'runners_created_total >= JIT configs - lost',
  'Pods <= Secrets <= JIT configs',
  'no job started past its deadline',
];

/** Continuous observations, folded as they come. */
export class ChaosLedger {
  /** job id → runner names created for it (over the whole run). */
  readonly runnersByJob = new Map<number, Set<string>>();
  readonly secretsSeen = new Set<string>();
  readonly podsSeen = new Set<string>();
  readonly violations: Violation[] = [];
  samples = 0;
  /** Runners created again for a job whose earlier runner had taken another job (correct, counted). */
  recreated = 0;
  /** Largest counts seen, per pool. */
  readonly peak = new Map<string, { pods: number; github: number }>();

  /**
   * A runner Secret or Pod seen. `ranJob` says which job GitHub gave a runner (undefined: none yet). A second
   * runner created for job X is a double runner unless every earlier runner for X had meanwhile taken another
   * job (GitHub gives a runner any queued job its labels fit, so "created for X" is a hint and X may need a new
   * one): an earlier runner still waiting, or one that took X itself, makes it a violation.
   */
  noteRunnerObject(o: RunnerObject, ranJob: (runner: string) => number | undefined): void {
    (o.kind === 'Secret' ? this.secretsSeen : this.podsSeen).add(o.name);
    if (o.forJob === undefined) return;
    const names = this.runnersByJob.get(o.forJob) ?? new Set<string>();
    if (names.has(o.name)) return;
    const earlier = [...names];
    names.add(o.name);
    this.runnersByJob.set(o.forJob, names);
    if (earlier.length === 0) return;
    const blocking = earlier.filter((e) => {
      const j = ranJob(e);
      return j === undefined || j === o.forJob;
    });
    if (blocking.length === 0) {
      this.recreated++;
      return;
    }
    this.violations.push({
      invariant: 'one runner per job',
      detail: `job ${o.forJob}: runner ${o.name} created while ${blocking
        .map((e) => `${e} (${ranJob(e) === undefined ? 'no job yet' : 'took this job'})`)
        .join(', ')} existed for it`,
    });
  }

  noteSample(samples: readonly PoolSample[], leaders: number, at: number): void {
    this.samples++;
    for (const s of samples) {
      const peak = this.peak.get(s.pool) ?? { pods: 0, github: 0 };
      peak.pods = Math.max(peak.pods, s.activePods);
      peak.github = Math.max(peak.github, s.githubRunners);
      this.peak.set(s.pool, peak);
      if (s.activePods > s.maxRunners) {
        this.violations.push({
          invariant: 'pods <= maxRunners',
          detail: `${new Date(s.at).toISOString()} pool ${s.pool}: ${s.activePods} active Pods > ${s.maxRunners}`,
        });
      }
      if (s.githubRunners > s.maxRunners) {
        this.violations.push({
          invariant: 'GitHub runners <= maxRunners',
          detail: `${new Date(s.at).toISOString()} pool ${s.pool}: ${s.githubRunners} registered > ${s.maxRunners}`,
        });
      }
    }
    if (leaders > 1) {
      this.violations.push({
        invariant: 'at most one leader',
        detail: `${new Date(at).toISOString()}: ${leaders} replicas report ai_ci_leader 1`,
      });
    }
  }

  /** A runner Pod went away while its GitHub runner was still running a job. */
  noteBusyPodDeleted(pod: string, jobId: number): void {
    this.violations.push({
      invariant: 'busy runner Pod kept',
      detail: `Pod ${pod} deleted while running job ${jobId}`,
    });
  }
}

/** One controller process (a replica restarted after a kill is a new incarnation: its counters start at 0). */
export interface Incarnation {
  replica: string;
  /** ai_ci_runners_created_total summed over its series, at its last successful scrape. */
  runnersCreated: number;
  lastScrapeAt: number;
  /** When it was SIGKILLed; undefined: it was still running at the end (its last scrape is its final count). */
  killedAt?: number;
}

export interface MetricsObservation {
  incarnations: readonly Incarnation[];
  /** Answer times of every successful (201) generate-jitconfig call the GitHub fake served. */
  jitAnsweredAt: readonly number[];
  /** Distinct runner Secrets and Pods seen over the run. */
  secrets: number;
  pods: number;
  /** How long after a JIT answer the controller may still be about to count it (response parsing, scheduling). */
  slackMs: number;
}

export interface MetricsFigures {
  counted: number;
  jit: number;
  /** JIT configs answered in a killed incarnation's blind window (after its last scrape, up to its kill). */
  lostBound: number;
  secrets: number;
  pods: number;
}

/**
 * What is exact across restarts: ai_ci_runners_created_total counts a runner when its JIT config comes back, in
 * the memory of the process that asked; a SIGKILL loses what that process counted after its last scrape. So
 *   Σ last scrapes  ≤  JIT configs issued (201)  ≤  Σ last scrapes + JIT configs answered in the killed
 *   incarnations' blind windows [last scrape − slack, kill]
 * and, since the controller registers before it writes the Secret and writes the Secret before the Pod,
 *   distinct Pods ≤ distinct Secrets ≤ JIT configs.
 */
export function checkMetrics(o: MetricsObservation): { figures: MetricsFigures; violations: Violation[] } {
  const counted = o.incarnations.reduce((s, i) => s + i.runnersCreated, 0);
  const jit = o.jitAnsweredAt.length;
  let lostBound = 0;
  for (const inc of o.incarnations) {
    if (inc.killedAt === undefined) continue;
    const from = inc.lastScrapeAt - o.slackMs;
    lostBound += o.jitAnsweredAt.filter((t) => t >= from && t <= inc.killedAt!).length;
  }
  const violations: Violation[] = [];
  if (counted > jit) {
    violations.push({
      invariant: 'runners_created_total <= JIT configs',
      detail: `the replicas counted ${counted} runners created, GitHub issued ${jit} JIT configs`,
    });
  }
  if (counted < jit - lostBound) {
    violations.push({
      invariant: 'runners_created_total >= JIT configs - lost',
      detail: `counted ${counted} < ${jit} JIT configs − ${lostBound} answered in kill windows`,
    });
  }
  if (o.pods > o.secrets || o.secrets > jit) {
    violations.push({
      invariant: 'Pods <= Secrets <= JIT configs',
      detail: `${o.pods} Pods, ${o.secrets} Secrets, ${jit} JIT configs`,
    });
  }
  return { figures: { counted, jit, lostBound, secrets: o.secrets, pods: o.pods }, violations };
}

export interface QuiescentState {
  /** Jobs queued over the run that are not completed. */
  unfinishedJobs: number[];
  pods: string[];
  secrets: string[];
  githubRunners: string[];
}

/** After the load stopped and the controller had time to converge: nothing left over, every job done. */
export function checkQuiescence(q: QuiescentState): Violation[] {
  const out: Violation[] = [];
  const add = (invariant: InvariantName, what: string, items: readonly (string | number)[]) => {
    for (const item of items) out.push({ invariant, detail: `${what} ${item}` });
  };
  add('every job completed', 'job not completed:', q.unfinishedJobs);
  add('no orphan Pod', 'runner Pod left:', q.pods);
  add('no orphan Secret', 'runner Secret left:', q.secrets);
  add('no orphan GitHub runner', 'GitHub runner left:', q.githubRunners);
  return out;
}

/** A job of a CarbonPolicy-gated pool: when it was queued and when a runner took it (the fake's times, epoch ms). */
export interface GatedJob {
  id: number;
  queuedAt: number;
  /** Undefined while it has not started. */
  startedAt?: number;
}

/**
 * Jobs that started after queuedAt + maxDeferral, or have not started although that moment has passed (`now`),
 * and how many were held back at all (started more than `deferredAfterMs` after queueing), to show the gate acted.
 */
export function checkDeadlines(
  jobs: readonly GatedJob[],
  maxDeferralMs: number,
  now: number,
  deferredAfterMs = 20_000,
): { violations: Violation[]; deferred: number; longestWaitMs: number } {
  const violations: Violation[] = [];
  let deferred = 0;
  let longestWaitMs = 0;
  for (const j of jobs) {
    const deadline = j.queuedAt + maxDeferralMs;
    if (j.startedAt === undefined) {
      if (now > deadline)
        violations.push({
          invariant: 'no job started past its deadline',
          detail: `job ${j.id} not started ${((now - deadline) / 1000).toFixed(1)} s after its deadline`,
        });
      continue;
    }
    const wait = j.startedAt - j.queuedAt;
    longestWaitMs = Math.max(longestWaitMs, wait);
    if (wait > deferredAfterMs) deferred++;
    if (j.startedAt > deadline)
      violations.push({
        invariant: 'no job started past its deadline',
        detail: `job ${j.id} started ${((j.startedAt - deadline) / 1000).toFixed(1)} s after its deadline`,
      });
  }
  return { violations, deferred, longestWaitMs };
}

/** Violations per invariant, every invariant listed (0 when it held). */
export function countByInvariant(violations: readonly Violation[]): Map<InvariantName, number> {
  const counts = new Map<InvariantName, number>(INVARIANTS.map((i) => [i, 0]));
  for (const v of violations) counts.set(v.invariant, (counts.get(v.invariant) ?? 0) + 1);
  return counts;
}

/** Sums a counter or gauge over its series in Prometheus text exposition. */
export function metricSum(text: string, name: string): number {
  let sum = 0;
  for (const line of text.split('\n')) {
    if (line.startsWith('#')) continue;
    const m = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(\{[^}]*\})?\s+(\S+)/.exec(line);
    if (m && m[1] === name) sum += Number(m[3]);
  }
  return sum;
}

/** A two-column table, the figures first, then each invariant with its violation count. */
export function renderSummary(
  figures: readonly [string, string | number][],
  counts: Map<InvariantName, number>,
): string {
  const rows: [string, string][] = [
    ...figures.map(([k, v]) => [k, String(v)] as [string, string]),
    ['', ''],
    ...[...counts].map(
      ([k, v]) => [`invariant: ${k}`, v === 0 ? '0 violations' : `${v} VIOLATIONS`] as [string, string],
    ),
  ];
  const w = Math.max(...rows.map(([k]) => k.length));
  const v = Math.max(...rows.map(([, x]) => x.length));
  const line = `+${'-'.repeat(w + 2)}+${'-'.repeat(v + 2)}+`;
  const body = rows.map(([k, x]) => (k === '' ? line : `| ${k.padEnd(w)} | ${x.padStart(v)} |`));
  return [line, ...body, line].join('\n');
}
