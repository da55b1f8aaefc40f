/**
 * The RunnerPool reconciler's vocabulary: the names it stamps on child objects, what it observes about a pool
 * (`Observation`), and what it decides to do (`Action`). Everything here is plain data; `decide` turns an
 * Observation into actions without I/O or a clock.
 */
import type { RunnerPoolStatus } from '../../api/v1alpha1/index.js';
import { RunnerPoolConditionType } from '../../api/v1alpha1/index.js';
import type { RunnerInfo } from '../../github/types.js';

/** Label on every child object (Secret, Pod, PodDisruptionBudget): the owning pool's name (see poolLabelValue). */
export const LABEL_POOL = 'ai-ci.dev/pool';
/** Label on runner Secrets and Pods: the GitHub runner id. */
export const LABEL_RUNNER_ID = 'ai-ci.dev/runner-id';
/** Label on runner Pods while their runner runs a job; the pool's PodDisruptionBudget selects it. */
export const LABEL_BUSY = 'ai-ci.dev/busy';
/** Label on runner Secrets and Pods: hash of the pool spec they were built from (drift is visible). */
export const LABEL_SPEC_HASH = 'ai-ci.dev/spec-hash';
export const LABEL_MANAGED_BY = 'app.kubernetes.io/managed-by';
export const MANAGED_BY = 'ai-ci';
/** Annotation on runner Pods: the GitHub job id the runner took. */
export const ANNOTATION_JOB_ID = 'ai-ci.dev/job-id';
/** Annotation on runner Secrets: the queued job the runner was created for (informational; GitHub may give
 *  the runner any job with matching labels). */
export const ANNOTATION_CREATED_FOR_JOB = 'ai-ci.dev/created-for-job';
/** Annotations on runner Secrets: how often the runner's Pod failed before taking a job, when it last did, and
 *  which Pod (uid) that was, so that counting a failure is idempotent. */
export const ANNOTATION_FAILURES = 'ai-ci.dev/failures';
export const ANNOTATION_LAST_FAILURE = 'ai-ci.dev/last-failure';
export const ANNOTATION_FAILED_POD_UID = 'ai-ci.dev/failed-pod-uid';
/** cluster-autoscaler (and Karpenter) honour it: "false" while busy keeps the node from being drained under it. */
export const ANNOTATION_SAFE_TO_EVICT = 'cluster-autoscaler.kubernetes.io/safe-to-evict';
/** Finalizer on RunnerPools: the pool's runners are deregistered from GitHub and removed before it goes. */
export const FINALIZER = 'ai-ci.dev/runner-cleanup';
/** Key of the JIT config in a runner Secret. */
export const SECRET_KEY_JIT_CONFIG = 'jitconfig';
/** The environment variable the official runner image's entrypoint reads the JIT config from (as
 *  actions-runner-controller sets it); the container command passes it to `run.sh --jitconfig` as well. */
export const ENV_JIT_CONFIG = 'ACTIONS_RUNNER_INPUT_JITCONFIG';
export const RUNNER_CONTAINER = 'runner';

/** Condition types of RunnerPool status (defined once, with the API). */
export const Condition = RunnerPoolConditionType;

/** The pool settings `decide` needs, parsed and defaulted from the RunnerPool. */
export interface PoolSettings {
  namespace: string;
  name: string;
  generation: number;
  deleting: boolean;
  hasFinalizer: boolean;
  minRunners: number;
  maxRunners: number;
  scaleDownDelayMs: number;
  runnerStartupTimeoutMs: number;
  /** Pod recreations for a runner that failed before taking a job; then it is replaced. */
  maxRunnerRetries: number;
  /** Hash of the spec parts that shape runners (template, labels, scope). */
  specHash: string;
  /** Name of the referenced CarbonPolicy, if any. */
  carbonPolicy?: string;
}

export type PodPhase = 'Pending' | 'Running' | 'Succeeded' | 'Failed' | 'Unknown';

export interface ObservedSecret {
  createdAt: number;
  runnerId?: number;
  createdForJob?: number;
  failures: number;
  lastFailureAt?: number;
  failedPodUid?: string;
  deleting: boolean;
  specHash?: string;
}

export interface ObservedPod {
  uid: string;
  createdAt: number;
  phase: PodPhase;
  /** When the runner container started running, if it has. */
  startedAt?: number;
  deleting: boolean;
  /** Carries LABEL_BUSY=true. */
  busyMarked: boolean;
  jobId?: number;
  specHash?: string;
}

/** What the controller keeps of a GitHub runner listing (labels and group are not read after registration). */
export type ListedRunner = Pick<RunnerInfo, 'id' | 'name' | 'status' | 'busy'>;

/** One runner, joined by name across its Secret, its Pod and GitHub's registration. */
export interface ObservedRunner {
  name: string;
  secret?: ObservedSecret;
  pod?: ObservedPod;
  /** GitHub's view; only meaningful when the observation's GitHub listing succeeded. */
  github?: ListedRunner;
  /** The job GitHub gave this runner, from `workflow_job` in_progress. */
  assignedJobId?: number;
  /** This controller is creating it right now (registering, Secret, Pod): count it, touch nothing. */
  creating?: boolean;
  /** The job a runner being created is for: claimed before its Secret (and annotation) exists. */
  creatingForJob?: number;
}

export interface DemandJob {
  id: number;
  queuedAt: number;
}

export interface DeferredJob extends DemandJob {
  /** When the gate plans to admit it; the pool is reconciled again then. */
  notBefore?: number;
  reason: string;
}

export type GitHubObservation =
  | { reachable: true /** When listRunners answered, epoch ms. */; listedAt: number }
  | {
      reachable: false;
      reason: 'CredentialsMissing' | 'CredentialsInvalid' | 'APIError';
      /** Never contains credentials. */
      message: string;
    };

export interface Observation {
  now: number;
  pool: PoolSettings;
  runners: ObservedRunner[];
  github: GitHubObservation;
  /** Queued jobs of the pool that the gate admitted, oldest first. */
  admittedJobs: DemandJob[];
  deferredJobs: DeferredJob[];
  /** Whether the referenced CarbonPolicy exists (undefined without a reference). */
  carbonPolicyFound?: boolean;
  disruptionBudgetEnsured: boolean;
  previousStatus: RunnerPoolStatus | undefined;
  /** False until the controller has listed GitHub's queued jobs once since it started leading: until then the
   *  demand may be incomplete, so nothing is scaled down. Default true. */
  demandSynced?: boolean;
}

export type RemovalReason =
  | 'finished'
  | 'scale_down'
  | 'startup_timeout'
  | 'failed'
  | 'orphan'
  | 'outdated'
  | 'pool_deleted'
  | 'restart';

/** What `act` carries out. Actions naming the same runner form a chain, run in order; the first failure stops
 *  the rest of that chain (so a Pod is never deleted when deregistering its runner failed). */
export type Action =
  | { type: 'addFinalizer' }
  | { type: 'removeFinalizer' }
  | { type: 'ensureDisruptionBudget' }
  | { type: 'createRunner'; forJobId?: number }
  | { type: 'createPod'; runner: string }
  | { type: 'markBusy'; runner: string; jobId?: number }
  | { type: 'recordFailure'; runner: string; failures: number; failedPodUid: string; at: number }
  | {
      type: 'deregisterRunner';
      runner: string;
      runnerId: number;
      reason: RemovalReason;
      /** For a runner whose Pod already ended: GitHub calling it busy must not block the cleanup. */
      ignoreBusy?: boolean;
    }
  | { type: 'deleteSecret'; runner: string; reason: RemovalReason }
  | { type: 'deleteRunnerPod'; runner: string; reason: RemovalReason }
  | { type: 'emitEvent'; eventType: 'Normal' | 'Warning'; reason: string; message: string }
  | { type: 'updateStatus'; status: RunnerPoolStatus };

export type RunnerState = 'pending' | 'idle' | 'busy' | 'finished';

export interface Decision {
  actions: Action[];
  /** Reconcile again after this many ms even without events (timeouts, deferrals, scale-down delay). */
  requeueAfterMs?: number;
  /** The status the pool should have (also inside the updateStatus action when it changed). */
  status: RunnerPoolStatus | undefined;
  /** Runner counts by state, for metrics. */
  counts: Record<RunnerState, number>;
  desired: number;
}

/** Runner names the pool owns on GitHub: `<prefix>-<5 [a-z0-9]>`, the prefix from `runnerNamePrefix`. */
export const RUNNER_SUFFIX_LENGTH = 5;

/** GitHub limits runner names to 64 characters; the Pod hostname is cut at 63. */
export function runnerNamePrefix(poolName: string): string {
  return poolName.slice(0, 63 - RUNNER_SUFFIX_LENGTH - 1).replace(/[-.]+$/, '');
}

/** Whether a GitHub runner name is one of this pool's (exact form, so pool `gpu` never claims `gpu-large-x1y2z`). */
export function isPoolRunnerName(poolName: string, runnerName: string): boolean {
  const prefix = `${runnerNamePrefix(poolName)}-`;
  if (!runnerName.startsWith(prefix)) return false;
  return new RegExp(`^[a-z0-9]{${RUNNER_SUFFIX_LENGTH}}$`).test(runnerName.slice(prefix.length));
}

/** Label values are at most 63 characters; longer pool names are cut and suffixed with a hash elsewhere. */
export function poolLabelValue(poolName: string): string {
  if (poolName.length <= 63) return poolName;
  let h = 0;
  for (let i = 0; i < poolName.length; i++) h = (Math.imul(h, 31) + poolName.charCodeAt(i)) >>> 0;
  return `${poolName.slice(0, 54).replace(/[-.]+$/, '')}-${h.toString(16).padStart(8, '0')}`;
}
