/**
 * The contract between ai-ci's GitHub side (this folder, plus the webhook receiver) and the RunnerPool controller.
 * Kept small on purpose: the controller codes against these types, and the test fake implements the same REST
 * endpoints, so both sides can change independently.
 *
 * Times are epoch milliseconds (UTC). Runner and job ids are GitHub's numeric ids.
 */

/** Where runners are registered: an organization, or one repository. */
export type GitHubScope =
  | { kind: 'organization'; organization: string }
  | { kind: 'repository'; owner: string; repo: string };

/** Credentials read from the Secret a RunnerPool references (see `credentialsFromSecret`). Never log them. */
export type GitHubCredentials =
  | { kind: 'app'; appId: number; installationId: number; privateKey: string }
  | { kind: 'token'; token: string };

/** A self-hosted runner as GitHub reports it. */
export interface RunnerInfo {
  id: number;
  name: string;
  status: 'online' | 'offline';
  busy: boolean;
  /** Label names, as GitHub stores them (includes read-only defaults such as `self-hosted` when present). */
  labels: string[];
  /** Runner group id, when GitHub reports it. */
  runnerGroupId?: number;
}

/** What the controller asks for when it creates one ephemeral just-in-time runner. */
export interface JitConfigRequest {
  /** Unique runner name within the scope (the Pod name is a good choice). */
  name: string;
  /** Runner group id; resolve a name with `resolveRunnerGroupId`. GitHub's default group is 1. */
  runnerGroupId: number;
  /** Runner labels (1..100). Use `runnerLabelsForPool` so GitHub's own routing sees `self-hosted` too. */
  labels: string[];
  /** Runner work folder, relative to the runner's directory; GitHub's default is `_work`. */
  workFolder?: string;
}

/** The answer to a JIT config request. `encodedJitConfig` is a credential: store it only in a Secret. */
export interface JitConfig {
  runnerId: number;
  runnerName: string;
  /** Opaque base64 blob for `run.sh --jitconfig`. (The test fake's is base64 JSON; the real one is opaque.) */
  encodedJitConfig: string;
}

/** `waiting`: held by an environment protection rule or a concurrency group; it needs no runner yet. */
export type JobStatus = 'queued' | 'waiting' | 'in_progress' | 'completed';

/** A workflow job, from the REST resync or from a `workflow_job` webhook. */
export interface QueuedJob {
  /** Workflow job id. */
  id: number;
  /** Workflow run id. */
  runId: number;
  /** `owner/repo`. */
  repository: string;
  workflowName?: string;
  jobName?: string;
  /** The job's `runs-on` labels, as written in the workflow. */
  labels: string[];
  headBranch?: string;
  /** When GitHub queued the job (its `created_at`), epoch ms UTC. */
  queuedAt: number;
  status: JobStatus;
  /** Set once a runner took the job. */
  runnerId?: number;
  runnerName?: string;
  /** Set when completed: success, failure, cancelled, skipped, … */
  conclusion?: string;
  startedAt?: number;
  completedAt?: number;
  /** The demand source that reported it, when not webhooks or the REST resync (e.g. `scaleSet:ns/pool`): such
   *  jobs are served only to pools that ask for that source. */
  source?: string;
}

/** Webhook `workflow_job` actions ai-ci acts on. `waiting` = held by an environment protection rule. */
export type WorkflowJobAction = 'queued' | 'waiting' | 'in_progress' | 'completed';

/** A verified, de-duplicated `workflow_job` delivery, as the webhook receiver hands it to the controller. */
export interface WorkflowJobEvent {
  action: WorkflowJobAction;
  /** X-GitHub-Delivery. */
  deliveryId: string;
  /** GitHub App installation id, when the webhook came through an App. */
  installationId?: number;
  /** Organization login, when the repository belongs to an organization. */
  organization?: string;
  job: QueuedJob;
}

/** How `listQueuedJobs` bounds its cost (each run listed costs one extra request). */
export interface ListQueuedJobsOptions {
  /** Organization scope: at most this many repositories are scanned (default 100). */
  maxRepositories?: number;
  /** Per repository: at most this many queued, and as many in-progress, runs are expanded into jobs (default 50). */
  maxRunsPerRepository?: number;
  /** Organization scope: only repositories pushed to at or after this time (epoch ms) are scanned. */
  pushedSince?: number;
}

/** The GitHub operations the controller uses. One instance per credential (and base URL). */
export interface GitHubClient {
  /** Runner group id by name; `undefined` or `'Default'` → 1. Repository scope always → 1 (repos have no groups).
   *  Throws `RunnerGroupNotFoundError` when an organization has no group of that name. */
  resolveRunnerGroupId(scope: GitHubScope, groupName?: string): Promise<number>;
  /** Registers an ephemeral JIT runner. A name already taken → `GitHubApiError` with status 409. */
  generateJitConfig(scope: GitHubScope, request: JitConfigRequest): Promise<JitConfig>;
  /** Every runner of the scope (all pages). */
  listRunners(scope: GitHubScope): Promise<RunnerInfo[]>;
  /** One runner, or `undefined` when GitHub has no such runner (404). */
  getRunner(scope: GitHubScope, runnerId: number): Promise<RunnerInfo | undefined>;
  /** Deregisters a runner. 'gone' when it was already absent (404) — both mean "not registered any more".
   *  Throws `RunnerBusyError` when GitHub refuses because the runner is running a job (422). */
  deleteRunner(scope: GitHubScope, runnerId: number): Promise<'deleted' | 'gone'>;
  /** Jobs with status `queued`, for the periodic resync (bounded, see `ListQueuedJobsOptions`). */
  listQueuedJobs(scope: GitHubScope, options?: ListQueuedJobsOptions): Promise<QueuedJob[]>;
  /** A runner registration token of the scope (`POST …/actions/runners/registration-token`, HTTP 201): the
   *  first step of a scale-set client's connection to the Actions service (see `src/github/scaleset/`). */
  createRegistrationToken?(scope: GitHubScope): Promise<RegistrationToken>;
}

/** A runner registration token. A credential: never log or store it. */
export interface RegistrationToken {
  token: string;
  /** Epoch ms. */
  expiresAt: number;
}

/** One GitHub API response (or failure), for metrics. Never carries credentials or bodies. */
export interface GitHubResponseInfo {
  /** Octokit route template, e.g. `POST /orgs/{org}/actions/runners/generate-jitconfig`. */
  route: string;
  /** HTTP status; 0 when no response arrived (network error). */
  status: number;
  /** `x-ratelimit-remaining`, when the response carried it. */
  rateLimitRemaining?: number;
  /** `x-ratelimit-limit`, when the response carried it. */
  rateLimitLimit?: number;
  durationMs: number;
}

/** Minimal structured logger. Messages and fields never contain credentials. */
export interface GitHubLogger {
  debug(message: string, fields?: Record<string, unknown>): void;
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
}

export interface GitHubClientOptions {
  /** REST API base URL: `https://api.github.com` (default), `https://HOST/api/v3` for GHES, or the test fake. */
  baseUrl?: string;
  /** Called once per HTTP response or failure (including retried attempts). Must not throw. */
  onResponse?: (info: GitHubResponseInfo) => void;
  logger?: GitHubLogger;
  /** Rate-limit and server-error retries per request (default 3). Waits follow retry-after / x-ratelimit-reset. */
  maxRetries?: number;
  /** Milliseconds per second of a retry-after or backoff wait (default 1000). Only tests shrink it. */
  retryDelayUnitMs?: number;
  /** Minimum gap between two writes (POST/DELETE) of one client, ms (default 1000: GitHub's guidance against
   *  secondary rate limits). Writes are also serialised. 0 for the test fake and benchmarks. */
  writeIntervalMs?: number;
  /** Longest single rate-limit wait honoured, seconds (default 900); a longer one fails the request instead. */
  maxRateLimitWaitSeconds?: number;
  userAgent?: string;
}

/** What the controller injects, so tests can point it at the fake. `createGitHubClient` implements it. */
export type GitHubClientFactory = (
  credentials: GitHubCredentials,
  options?: GitHubClientOptions,
) => GitHubClient;
