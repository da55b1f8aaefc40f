/**
 * The GitHub REST client of ai-ci: Octokit with App or token auth, rate-limit handling (plugin-throttling: primary
 * and secondary limits, retry-after honoured), server-error retries (plugin-retry), a metrics hook per HTTP attempt,
 * and the few runner/job operations the RunnerPool controller needs (see `GitHubClient` in types.ts).
 *
 * Size: one adapter over Octokit; auth, throttling, retry and the metrics hook configure the same instance, and the
 * runner/job operations below are each a few lines over it.
 */

import { AsyncResource } from 'node:async_hooks';
import { createAppAuth } from '@octokit/auth-app';
import { retry } from '@octokit/plugin-retry';
import { throttling } from '@octokit/plugin-throttling';
import { Octokit } from '@octokit/rest';
import Bottleneck from 'bottleneck';
import { redact, secretValues } from './credentials.js';
import { GitHubApiError, RunnerBusyError, RunnerGroupNotFoundError } from './errors.js';
import { toQueuedJob } from './jobs.js';
import { scopeKey } from './scope.js';
import type {
  GitHubClient,
  GitHubClientOptions,
  GitHubCredentials,
  GitHubLogger,
  GitHubResponseInfo,
  GitHubScope,
  JitConfig,
  JitConfigRequest,
  ListQueuedJobsOptions,
  QueuedJob,
  RegistrationToken,
  RunnerInfo,
} from './types.js';

export const DEFAULT_BASE_URL = 'https://api.github.com';
/** GitHub's built-in runner group; every organization has it, and repositories only have it. */
export const DEFAULT_RUNNER_GROUP_ID = 1;
const RUNNER_GROUP_CACHE_MS = 5 * 60_000;
/** How many repositories `listQueuedJobs` scans at once (each scan is 2+ sequential requests). */
const REPO_SCAN_CONCURRENCY = 4;

const silentLogger: GitHubLogger = { debug() {}, info() {}, warn() {}, error() {} };

/** Octokit's request options, as far as the hooks below read them. */
interface HookRequestOptions {
  method?: string;
  url?: string;
}

interface HookError {
  status?: number;
  response?: { headers?: Record<string, string | number | undefined> };
}

type MetricsSink = (info: GitHubResponseInfo) => void;

function headerNumber(headers: Record<string, unknown> | undefined, name: string): number | undefined {
  const value = headers?.[name];
  if (value === undefined || value === null || value === '') return undefined;
  const n = Number(value);
  return Number.isFinite(n) ? n : undefined;
}

/** The routes this client calls; later pages arrive as absolute URLs and are mapped back to their template. */
const KNOWN_ROUTES = [
  '/app/installations/{installation_id}/access_tokens',
  '/installation/repositories',
  '/orgs/{org}/repos',
  '/orgs/{org}/actions/runner-groups',
  '/orgs/{org}/actions/runners',
  '/orgs/{org}/actions/runners/generate-jitconfig',
  '/orgs/{org}/actions/runners/registration-token',
  '/orgs/{org}/actions/runners/{runner_id}',
  '/repos/{owner}/{repo}/actions/runners',
  '/repos/{owner}/{repo}/actions/runners/generate-jitconfig',
  '/repos/{owner}/{repo}/actions/runners/registration-token',
  '/repos/{owner}/{repo}/actions/runners/{runner_id}',
  '/repos/{owner}/{repo}/actions/runs',
  '/repos/{owner}/{repo}/actions/runs/{run_id}/jobs',
].map((template) => ({
  template,
  regex: new RegExp(`^${template.replace(/\{\w+\}/g, '[^/]+')}$`),
}));

/**
 * `METHOD /template` of a request, with no host, query or ids: a bounded set of values for metrics and logs.
 * A URL that fits no known route keeps its path with numeric segments replaced.
 */
function routeOf(options: HookRequestOptions): string {
  const method = (options.method ?? 'GET').toUpperCase();
  const url = options.url ?? '';
  if (url.includes('{')) return `${method} ${url.split('?')[0]}`;
  let path = url;
  try {
    path = new URL(url, 'http://base.invalid').pathname;
  } catch {
    // keep url as it is
  }
  // GHES prefixes every route with /api/v3.
  const bare = path.replace(/^\/api\/v3(?=\/)/, '');
  const known = KNOWN_ROUTES.find(
    (r) =>
      r.regex.test(bare) && !(r.template.endsWith('{runner_id}') && bare.endsWith('/generate-jitconfig')),
  );
  return `${method} ${known ? known.template : bare.replace(/\/\d+(?=\/|$)/g, '/{id}')}`;
}

/**
 * An Octokit plugin that reports every HTTP attempt (retries and token requests included). Being registered
 * before the throttling and retry plugins puts its hook inside theirs, so it sees each attempt, not only the last.
 */
type OctokitPlugin = Parameters<typeof Octokit.plugin>[0];

function metricsPlugin(...[octokit, options]: Parameters<OctokitPlugin>) {
  const sink = (options as { aiCiOnResponse?: MetricsSink }).aiCiOnResponse;
  if (!sink) return {};
  const report = (info: GitHubResponseInfo) => {
    try {
      sink(info);
    } catch {
      // A metrics callback must never break a GitHub call.
    }
  };
  octokit.hook.wrap('request', async (request, requestOptions) => {
    const started = performance.now();
    const route = routeOf(requestOptions as HookRequestOptions);
    try {
      const response = await request(requestOptions);
      report(responseInfo(route, response.status, response.headers as Record<string, unknown>, started));
      return response;
    } catch (error) {
      const e = error as HookError;
      report(responseInfo(route, typeof e.status === 'number' ? e.status : 0, e.response?.headers, started));
      throw error;
    }
  });
  return {};
}

function responseInfo(
  route: string,
  status: number,
  headers: Record<string, unknown> | undefined,
  started: number,
): GitHubResponseInfo {
  const info: GitHubResponseInfo = { route, status, durationMs: performance.now() - started };
  const remaining = headerNumber(headers, 'x-ratelimit-remaining');
  const limit = headerNumber(headers, 'x-ratelimit-limit');
  if (remaining !== undefined) info.rateLimitRemaining = remaining;
  if (limit !== undefined) info.rateLimitLimit = limit;
  return info;
}

/**
 * The caller's async context (AsyncLocalStorage: a trace's active span, a log context) survives the throttling
 * plugin's Bottleneck queue, which runs each request from its own context: the outermost hook binds a runner to the
 * caller's context (`captureCallerContext`), the innermost runs the HTTP call in it (`restoreCallerContext`). A
 * symbol key, so Octokit never sends it as a parameter.
 */
const CALLER_CONTEXT = Symbol('ai-ci caller context');
type InContext = <T>(fn: () => T) => T;

function captureCallerContext(...[octokit]: Parameters<OctokitPlugin>) {
  octokit.hook.wrap('request', (request, options) => {
    (options as unknown as Record<symbol, InContext>)[CALLER_CONTEXT] ??= AsyncResource.bind(
      <T>(fn: () => T): T => fn(),
    );
    return request(options);
  });
  return {};
}

function restoreCallerContext(...[octokit]: Parameters<OctokitPlugin>) {
  octokit.hook.wrap('request', (request, options) => {
    const inCaller = (options as unknown as Record<symbol, InContext | undefined>)[CALLER_CONTEXT];
    return inCaller ? inCaller(() => request(options)) : request(options);
  });
  return {};
}

// Registration order is nesting order: the first plugin's hook is innermost.
const AiCiOctokit = Octokit.plugin(
  restoreCallerContext,
  metricsPlugin,
  throttling,
  retry,
  captureCallerContext,
);
type AiCiOctokitInstance = InstanceType<typeof AiCiOctokit>;

interface RestRunner {
  id: number;
  name: string;
  status: string;
  busy: boolean;
  labels: { name: string }[];
  runner_group_id?: number;
}

function toRunnerInfo(runner: RestRunner): RunnerInfo {
  const info: RunnerInfo = {
    id: runner.id,
    name: runner.name,
    status: runner.status === 'online' ? 'online' : 'offline',
    busy: runner.busy,
    labels: runner.labels.map((label) => label.name),
  };
  if (typeof runner.runner_group_id === 'number') info.runnerGroupId = runner.runner_group_id;
  return info;
}

/** `org` / `owner`+`repo` parameters and the URL prefix of a scope's runner endpoints. */
function runnersBase(scope: GitHubScope): { prefix: string; params: Record<string, string> } {
  return scope.kind === 'organization'
    ? { prefix: '/orgs/{org}/actions/runners', params: { org: scope.organization } }
    : { prefix: '/repos/{owner}/{repo}/actions/runners', params: { owner: scope.owner, repo: scope.repo } };
}

/**
 * Creates a client for one credential. Reuse it: it caches the App installation token (until shortly before
 * expiry) and runner group ids, and serialises writes per client as GitHub asks.
 */
export function createGitHubClient(
  credentials: GitHubCredentials,
  options: GitHubClientOptions = {},
): GitHubClient {
  return new OctokitGitHubClient(credentials, options);
}

class OctokitGitHubClient implements GitHubClient {
  private readonly octokit: AiCiOctokitInstance;
  private readonly log: GitHubLogger;
  private readonly secrets: string[];
  private readonly groupCache = new Map<string, { id: number; at: number }>();

  constructor(
    private readonly credentials: GitHubCredentials,
    options: GitHubClientOptions,
  ) {
    this.log = options.logger ?? silentLogger;
    this.secrets = secretValues(credentials);
    const maxRetries = options.maxRetries ?? 3;
    const maxWait = options.maxRateLimitWaitSeconds ?? 900;
    const unitMs = options.retryDelayUnitMs ?? 1000;
    const log = this.log;
    const onLimit =
      (kind: 'primary' | 'secondary') =>
      (retryAfter: number, requestOptions: HookRequestOptions, _octokit: unknown, retryCount: number) => {
        const route = routeOf(requestOptions);
        if (retryCount >= maxRetries || retryAfter > maxWait) {
          log.warn('GitHub rate limit: giving up', {
            kind,
            route,
            retryAfterSeconds: retryAfter,
            retryCount,
          });
          return false;
        }
        log.warn('GitHub rate limit: waiting before retry', {
          kind,
          route,
          retryAfterSeconds: retryAfter,
          attempt: retryCount + 1,
          maxRetries,
        });
        return true;
      };

    const auth =
      credentials.kind === 'app'
        ? {
            authStrategy: createAppAuth,
            auth: {
              appId: credentials.appId,
              privateKey: credentials.privateKey,
              installationId: credentials.installationId,
            },
          }
        : { auth: credentials.token };

    this.octokit = new AiCiOctokit({
      ...auth,
      baseUrl: (options.baseUrl ?? DEFAULT_BASE_URL).replace(/\/+$/, ''),
      userAgent: options.userAgent ?? 'ai-ci',
      // Octokit logs one info line per request; keep those at debug. Messages carry method, path and status only.
      log: {
        debug: (message: string) => log.debug(this.scrub(message)),
        info: (message: string) => log.debug(this.scrub(message)),
        warn: (message: string) => log.warn(this.scrub(message)),
        error: (message: string) => log.error(this.scrub(message)),
      },
      aiCiOnResponse: options.onResponse,
      throttle: {
        id: `ai-ci-${Math.random().toString(36).slice(2)}`,
        retryAfterBaseValue: unitMs,
        onRateLimit: onLimit('primary'),
        onSecondaryRateLimit: onLimit('secondary'),
        write: new Bottleneck.Group({ maxConcurrent: 1, minTime: options.writeIntervalMs ?? 1000 }),
      },
      retry: {
        retries: maxRetries,
        retryAfterBaseValue: unitMs,
        // 403/429 rate limits belong to the throttling plugin; 409/422 are answers, not transient failures.
        doNotRetry: [400, 401, 403, 404, 409, 410, 422, 429, 451],
      },
    } as ConstructorParameters<typeof AiCiOctokit>[0]);
  }

  private scrub(text: string): string {
    return redact(text, this.secrets);
  }

  /** Runs one API call and turns any failure into a `GitHubApiError` whose message holds no credential. */
  private async call<T>(
    route: string,
    fn: () => Promise<T>,
    onStatus?: (status: number) => T | undefined,
  ): Promise<T> {
    try {
      return await fn();
    } catch (error) {
      const e = error as HookError & { message?: string; name?: string };
      const status = typeof e.status === 'number' ? e.status : 0;
      if (onStatus) {
        const handled = onStatus(status);
        if (handled !== undefined) return handled;
      }
      if (error instanceof RunnerBusyError) throw error;
      const detail = this.scrub(String(e.message ?? error));
      const message = status
        ? `GitHub ${route} failed with HTTP ${status}: ${detail}`
        : `GitHub ${route} failed: ${detail}`;
      this.log.debug('GitHub request failed', { route, status });
      throw new GitHubApiError(message, status, route);
    }
  }

  async resolveRunnerGroupId(scope: GitHubScope, groupName?: string): Promise<number> {
    const name = groupName?.trim() ?? '';
    if (name === '' || name.toLowerCase() === 'default') return DEFAULT_RUNNER_GROUP_ID;
    if (scope.kind === 'repository') {
      throw new RunnerGroupNotFoundError(`${scope.owner} (repository ${scope.repo})`, name);
    }
    const key = `${scope.organization.toLowerCase()}\u0000${name.toLowerCase()}`;
    const cached = this.groupCache.get(key);
    if (cached && Date.now() - cached.at < RUNNER_GROUP_CACHE_MS) return cached.id;
    const route = 'GET /orgs/{org}/actions/runner-groups';
    const groups = await this.call(route, () =>
      this.octokit.paginate(route, { org: scope.organization, per_page: 100 }),
    );
    // GitHub treats group names case-insensitively (they are unique ignoring case).
    const group =
      groups.find((g) => g.name === name) ?? groups.find((g) => g.name.toLowerCase() === name.toLowerCase());
    if (!group) throw new RunnerGroupNotFoundError(scope.organization, name);
    this.groupCache.set(key, { id: group.id, at: Date.now() });
    return group.id;
  }

  async generateJitConfig(scope: GitHubScope, request: JitConfigRequest): Promise<JitConfig> {
    if (request.labels.length < 1 || request.labels.length > 100) {
      throw new Error(`generateJitConfig: labels must hold 1 to 100 names, got ${request.labels.length}`);
    }
    const { prefix, params } = runnersBase(scope);
    const route = `POST ${prefix}/generate-jitconfig`;
    const response = await this.call(route, () =>
      this.octokit.request(route, {
        ...params,
        name: request.name,
        runner_group_id: request.runnerGroupId,
        labels: request.labels,
        work_folder: request.workFolder ?? '_work',
      }),
    );
    const data = response.data as { runner: RestRunner; encoded_jit_config: string };
    this.log.info('registered JIT runner', {
      scope: scopeKey(scope),
      runnerId: data.runner.id,
      name: data.runner.name,
    });
    return {
      runnerId: data.runner.id,
      runnerName: data.runner.name,
      encodedJitConfig: data.encoded_jit_config,
    };
  }

  async createRegistrationToken(scope: GitHubScope): Promise<RegistrationToken> {
    const { prefix, params } = runnersBase(scope);
    const route = `POST ${prefix}/registration-token`;
    const response = await this.call(route, () => this.octokit.request(route, params));
    const data = response.data as { token: string; expires_at: string };
    return { token: data.token, expiresAt: Date.parse(data.expires_at) };
  }

  async listRunners(scope: GitHubScope): Promise<RunnerInfo[]> {
    const { prefix, params } = runnersBase(scope);
    const route = `GET ${prefix}`;
    // Both list routes are in Octokit's paginating table; it unwraps `runners` from each page.
    const runners = (await this.call(route, () =>
      this.octokit.paginate(route as 'GET /orgs/{org}/actions/runners', {
        ...(params as { org: string }),
        per_page: 100,
      }),
    )) as RestRunner[];
    return runners.map(toRunnerInfo);
  }

  async getRunner(scope: GitHubScope, runnerId: number): Promise<RunnerInfo | undefined> {
    const { prefix, params } = runnersBase(scope);
    const route = `GET ${prefix}/{runner_id}`;
    const response = await this.call(
      route,
      () => this.octokit.request(route, { ...params, runner_id: runnerId }),
      (status) => (status === 404 ? null : undefined),
    );
    return response ? toRunnerInfo(response.data as RestRunner) : undefined;
  }

  async deleteRunner(scope: GitHubScope, runnerId: number): Promise<'deleted' | 'gone'> {
    const { prefix, params } = runnersBase(scope);
    const route = `DELETE ${prefix}/{runner_id}`;
    const result = await this.call<'deleted' | 'gone'>(
      route,
      async () => {
        await this.octokit.request(route, { ...params, runner_id: runnerId });
        return 'deleted';
      },
      (status) => {
        if (status === 404) return 'gone';
        // GitHub answers 422 ("… is still running a job") for a busy runner.
        if (status === 422) throw new RunnerBusyError(runnerId, route);
        return undefined;
      },
    );
    this.log.info('deregistered runner', { scope: scopeKey(scope), runnerId, result });
    return result;
  }

  async listQueuedJobs(scope: GitHubScope, options: ListQueuedJobsOptions = {}): Promise<QueuedJob[]> {
    const maxRuns = Math.max(1, options.maxRunsPerRepository ?? 50);
    const repos =
      scope.kind === 'repository'
        ? [{ owner: scope.owner, repo: scope.repo }]
        : await this.organizationRepositories(scope.organization, options);
    const results: QueuedJob[][] = [];
    let next = 0;
    const worker = async () => {
      while (next < repos.length) {
        const repo = repos[next++]!;
        results.push(await this.queuedJobsOfRepository(repo.owner, repo.repo, maxRuns));
      }
    };
    await Promise.all(Array.from({ length: Math.min(REPO_SCAN_CONCURRENCY, repos.length) }, worker));
    return results.flat().sort((a, b) => a.queuedAt - b.queuedAt || a.id - b.id);
  }

  /**
   * The organization's repositories to scan, most recently pushed first, at most `maxRepositories` (default
   * 100). An App lists what its installation can see; a token lists the organization's repositories.
   */
  private async organizationRepositories(
    organization: string,
    options: ListQueuedJobsOptions,
  ): Promise<{ owner: string; repo: string }[]> {
    const maxRepositories = Math.max(1, options.maxRepositories ?? 100);
    interface Repo {
      name: string;
      owner: { login: string };
      archived?: boolean;
      disabled?: boolean;
      pushed_at?: string | null;
    }
    let repos: Repo[];
    if (this.credentials.kind === 'app') {
      // Unsortable on GitHub's side, so all pages are read (100 per request) and sorted here.
      const route = 'GET /installation/repositories';
      repos = (await this.call(route, () =>
        this.octokit.paginate(route, { per_page: 100 }),
      )) as unknown as Repo[];
    } else {
      const route = 'GET /orgs/{org}/repos';
      repos = [];
      await this.call(route, async () => {
        for await (const page of this.octokit.paginate.iterator(route, {
          org: organization,
          sort: 'pushed',
          direction: 'desc',
          per_page: 100,
        })) {
          repos.push(...(page.data as unknown as Repo[]));
          if (repos.length >= maxRepositories) break;
        }
      });
    }
    const pushedSince = options.pushedSince;
    return repos
      .filter((r) => r.owner.login.toLowerCase() === organization.toLowerCase() && !r.archived && !r.disabled)
      .filter(
        (r) => pushedSince === undefined || (r.pushed_at ? Date.parse(r.pushed_at) >= pushedSince : true),
      )
      .sort(
        (a, b) => (b.pushed_at ? Date.parse(b.pushed_at) : 0) - (a.pushed_at ? Date.parse(a.pushed_at) : 0),
      )
      .slice(0, maxRepositories)
      .map((r) => ({ owner: r.owner.login, repo: r.name }));
  }

  /**
   * Queued jobs of one repository: runs that are `queued`, and `in_progress` runs (a matrix or a later job of a
   * running workflow can still wait for a runner), at most `maxRuns` of each, then each run's latest jobs.
   * Cost: 2 requests + one per run (+ extra pages).
   */
  private async queuedJobsOfRepository(owner: string, repo: string, maxRuns: number): Promise<QueuedJob[]> {
    const runsRoute = 'GET /repos/{owner}/{repo}/actions/runs';
    const runIds = new Set<number>();
    for (const status of ['queued', 'in_progress'] as const) {
      let taken = 0;
      await this.call(runsRoute, async () => {
        for await (const page of this.octokit.paginate.iterator(runsRoute, {
          owner,
          repo,
          status,
          exclude_pull_requests: true,
          per_page: Math.min(100, maxRuns),
        })) {
          for (const run of page.data) {
            if (taken >= maxRuns) break;
            taken++;
            runIds.add(run.id);
          }
          if (page.data.length === 0 || taken >= maxRuns) break;
        }
      });
    }
    const jobsRoute = 'GET /repos/{owner}/{repo}/actions/runs/{run_id}/jobs';
    const jobs: QueuedJob[] = [];
    for (const runId of runIds) {
      const runJobs = await this.call(jobsRoute, () =>
        this.octokit.paginate(jobsRoute, { owner, repo, run_id: runId, filter: 'latest', per_page: 100 }),
      );
      for (const job of runJobs) {
        if (job.status === 'queued') jobs.push(toQueuedJob(job, `${owner}/${repo}`));
      }
    }
    return jobs;
  }
}
