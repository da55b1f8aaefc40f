/**
 * A fake of the GitHub REST API and of GitHub's webhook deliveries, as a real HTTP server on 127.0.0.1, for the
 * endpoints ai-ci uses. Responses follow GitHub's OpenAPI description (checked in test/fakes/github/fake.test.ts),
 * `workflow_job` webhooks follow GitHub's webhook schemas and are signed as GitHub signs them.
 *
 * It also plays GitHub Actions: `queueJob` queues a job (and delivers `workflow_job queued`), a runner registered
 * through a JIT config can `takeJob` (busy, `in_progress`) and `finishJob` (`completed`; the ephemeral runner is
 * removed). Failures are scriptable (`failNext`), state is exposed for assertions.
 */
import { createHmac, randomBytes, randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { importSPKI, jwtVerify } from 'jose';
import { encodeFakeJitConfig } from './jit.js';
import {
  type FakeJob,
  type FakeRepo,
  type FakeRun,
  type FakeRunner,
  type FakeRunnerGroup,
  job as jobObject,
  minimalRepository,
  repository as repositoryObject,
  runnerGroup as runnerGroupObject,
  runner as runnerObject,
  simpleUser,
  webhookOrganization,
  webhookRepository,
  webhookWorkflowJob,
  workflowRun,
} from './objects.js';

export type { FakeJob, FakeRepo, FakeRun, FakeRunner, FakeRunnerGroup } from './objects.js';

export interface GitHubFakeOptions {
  /** The organization (default `octo-org`). */
  organization?: string;
  /** Repositories as `owner/name` (default `[octo-org/app]`). */
  repositories?: string[];
  /** Personal access tokens the fake accepts. */
  tokens?: string[];
  /** GitHub App: JWTs must be RS256-signed by the private key matching `publicKeyPem` (SPKI PEM). */
  app?: { appId: number; installationId: number; publicKeyPem: string };
  /** Runner groups of the organization; `Default` (id 1) is always there. */
  runnerGroups?: { id: number; name: string }[];
  /** Where `workflow_job` webhooks go, and the secret they are signed with. Settable later with `setWebhook`. */
  webhook?: { url: string; secret: string };
  /** Primary rate limit per hour (default 5000). */
  rateLimit?: number;
  /** Clock, epoch ms (default Date.now). */
  now?: () => number;
  /** Milliseconds to wait before answering a request (GitHub's own latency, for benchmarks); none by default. */
  latencyMs?: (method: string, path: string) => number;
}

export interface FakeRequest {
  method: string;
  /** Path without query. */
  path: string;
  query: Record<string, string>;
  /** The OpenAPI path template the request matched, e.g. `/orgs/{org}/actions/runners`; absent when none did. */
  route?: string;
  status: number;
  /** How the request authenticated. */
  auth: 'token' | 'installation' | 'jwt' | 'none' | 'invalid';
  /** The JSON body sent back (for schema checks). */
  responseBody: unknown;
  /** When the answer was sent (epoch ms of the fake's clock); absent while in flight. */
  answeredAt?: number;
}

export interface FakeFailure {
  method?: string;
  /** Exact path, or a pattern over it. */
  path?: string | RegExp;
  /** How many matching requests fail (default 1). */
  times?: number;
  /**
   * `secondary-rate-limit`: 403 with retry-after; `primary-rate-limit`: 403 with x-ratelimit-remaining 0 and a
   * reset `retryAfter` seconds ahead; a number: that status with a GitHub error body.
   */
  failure: 'secondary-rate-limit' | 'primary-rate-limit' | number;
  /** Seconds (default 1). */
  retryAfter?: number;
  /** The error body's `message` for a numeric failure (default: GitHub's text for that status). */
  message?: string;
}

export interface FakeDelivery {
  id: string;
  event: string;
  action: string;
  jobId: number;
  body: string;
  headers: Record<string, string>;
  /** HTTP status the receiver answered; 0 when unreachable; undefined when dropped. */
  status?: number;
  dropped: boolean;
}

export interface QueueJobInput {
  /** `owner/name` (default: the first repository). */
  repo?: string;
  labels: string[];
  workflowName?: string;
  jobName?: string;
  headBranch?: string;
  /** Add to an existing run (a further job of the same workflow run). */
  runId?: number;
  /** Do not deliver the `queued` webhook (a missed webhook; resync must find the job). */
  dropWebhook?: boolean;
}

/** A handler mounted beside the REST routes (the Actions service fake): undefined when the path is not its own. */
export type FakeMount = (request: {
  method: string;
  path: string;
  query: Record<string, string>;
  headers: Record<string, string | string[] | undefined>;
  body: string;
  /** Ends when the client goes away (long polls watch it). */
  closed: AbortSignal;
}) => Promise<FakeMountReply | undefined>;

export interface FakeMountReply {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
  /** The route template, recorded in `requests`. */
  route: string;
}

/** What happened to a job, for observers (`onJob`): the Actions service fake turns these into queue messages. */
export type FakeJobObserver = (action: 'queued' | 'in_progress' | 'completed', job: FakeJob) => void;

interface Route {
  method: string;
  template: string;
  regex: RegExp;
  handler: (ctx: Ctx) => Reply | Promise<Reply>;
  /** Which credential the route accepts. */
  auth: 'jwt' | 'installation' | 'any';
}

interface Ctx {
  params: Record<string, string>;
  query: Record<string, string>;
  body: unknown;
  /** The installation the token belongs to, when an installation token authenticated. */
  installationId?: number;
}

interface Reply {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

const DOCS = 'https://docs.github.com/rest';
const SELF_HOSTED = 'self-hosted';

function errorBody(message: string, status: number) {
  return { message, documentation_url: DOCS, status: String(status) };
}

function lower(labels: readonly string[]): string[] {
  return labels.map((l) => l.toLowerCase());
}

export class GitHubFake {
  readonly organization: string;
  readonly orgId = 4242;
  /** State, exposed for assertions. Mutate only through the methods. */
  readonly repos = new Map<string, FakeRepo>();
  readonly runners = new Map<number, FakeRunner>();
  readonly jobs = new Map<number, FakeJob>();
  readonly runs = new Map<number, FakeRun>();
  readonly runnerGroups: FakeRunnerGroup[];
  readonly requests: FakeRequest[] = [];
  readonly deliveries: FakeDelivery[] = [];
  /** Branch protections applied (`owner/repo@branch`, lower case) → the request body, as received. */
  readonly branchProtections = new Map<string, Record<string, unknown>>();
  /** Branches per repository (`owner/repo`, lower case); every repository has `main`. */
  private readonly branches = new Map<string, Set<string>>();
  /** Runner registration tokens issued (`POST …/actions/runners/registration-token`): token → scope, expiry. */
  readonly registrationTokens = new Map<string, { scope: string; expiresAt: number }>();
  private readonly mounts: FakeMount[] = [];
  private readonly jobObservers: FakeJobObserver[] = [];
  /** Installation tokens issued, newest last. */
  readonly issuedTokens: { token: string; installationId: number; expiresAt: number }[] = [];

  private readonly options: GitHubFakeOptions;
  private readonly now: () => number;
  private readonly routes: Route[] = [];
  private readonly failures: (FakeFailure & { remaining: number })[] = [];
  private server?: Server;
  private baseUrl = '';
  private webhook?: { url: string; secret: string };
  private rateRemaining: number;
  private rateResetAt: number;
  private nextId = { runner: 100, job: 90_000, run: 50_000, repo: 700 };
  private runNumber = 0;
  private publicKey?: Awaited<ReturnType<typeof importSPKI>>;

  constructor(options: GitHubFakeOptions = {}) {
    this.options = options;
    this.now = options.now ?? Date.now;
    this.organization = options.organization ?? 'octo-org';
    this.webhook = options.webhook;
    this.rateRemaining = options.rateLimit ?? 5000;
    this.rateResetAt = this.now() + 3_600_000;
    this.runnerGroups = [
      { id: 1, name: 'Default', default: true },
      ...(options.runnerGroups ?? []).map((g) => ({ ...g, default: false })),
    ];
    for (const full of options.repositories ?? [`${this.organization}/app`]) this.addRepository(full);
    this.defineRoutes();
  }

  /** Base URL of the REST API, e.g. `http://127.0.0.1:PORT` (give it to the client as `baseUrl`). */
  get url(): string {
    if (!this.baseUrl) throw new Error('GitHubFake: call start() first');
    return this.baseUrl;
  }

  async start(): Promise<this> {
    if (this.options.app) this.publicKey = await importSPKI(this.options.app.publicKeyPem, 'RS256');
    this.server = createServer((req, res) => {
      this.handle(req, res).catch((error: unknown) => {
        res.writeHead(500, { 'content-type': 'application/json' });
        res.end(JSON.stringify(errorBody(`fake internal error: ${String(error)}`, 500)));
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    const { port } = this.server.address() as AddressInfo;
    this.baseUrl = `http://127.0.0.1:${port}`;
    return this;
  }

  async stop(): Promise<void> {
    const server = this.server;
    if (!server) return;
    this.server = undefined;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  setWebhook(webhook: { url: string; secret: string } | undefined): void {
    if (webhook) assertLoopback(webhook.url);
    this.webhook = webhook;
  }

  addRepository(fullName: string, options: { pushedAt?: number; archived?: boolean } = {}): FakeRepo {
    const [owner, name] = fullName.split('/');
    if (!owner || !name) throw new Error(`GitHubFake: repository must be owner/name, got ${fullName}`);
    const isOrg = owner.toLowerCase() === this.organization.toLowerCase();
    const repo: FakeRepo = {
      id: ++this.nextId.repo,
      owner,
      ownerId: isOrg ? this.orgId : 1000 + this.nextId.repo,
      ownerType: isOrg ? 'Organization' : 'User',
      name,
      private: true,
      archived: options.archived ?? false,
      createdAt: this.now() - 86_400_000,
      pushedAt: options.pushedAt ?? this.now(),
    };
    this.repos.set(fullName.toLowerCase(), repo);
    return repo;
  }

  /** Adds a branch to a repository (every repository starts with `main`). */
  addBranch(fullName: string, branch: string): void {
    const key = fullName.toLowerCase();
    if (!this.repos.has(key)) throw new Error(`GitHubFake.addBranch: unknown repository ${fullName}`);
    const set = this.branches.get(key) ?? new Set(['main']);
    set.add(branch);
    this.branches.set(key, set);
  }

  /** Makes the next matching request(s) fail. */
  failNext(failure: FakeFailure): void {
    this.failures.push({ ...failure, remaining: failure.times ?? 1 });
  }

  /** Sets the primary rate-limit budget left (and optionally when it resets, epoch ms). */
  setRateLimit(remaining: number, resetAt?: number): void {
    this.rateRemaining = remaining;
    if (resetAt !== undefined) this.rateResetAt = resetAt;
  }

  /** Serves further paths on the same server (tried before the REST routes; `failNext` applies to them too). */
  mount(handler: FakeMount): void {
    this.mounts.push(handler);
  }

  /** Observes job transitions (queued, taken, finished). */
  onJob(observer: FakeJobObserver): void {
    this.jobObservers.push(observer);
  }

  private notify(action: 'queued' | 'in_progress' | 'completed', job: FakeJob): void {
    for (const o of this.jobObservers) o(action, job);
  }

  /** Requests that matched an API route (`method template`), for assertions on what a client called. */
  calls(): string[] {
    return this.requests.filter((r) => r.route).map((r) => `${r.method} ${r.route}`);
  }

  /** Registers a runner directly (as if a JIT config had been generated). `scope`: `org` or `owner/repo`. */
  addRunner(input: { name: string; labels: string[]; scope?: string; runnerGroupId?: number }): FakeRunner {
    const labels = input.labels;
    const runner: FakeRunner = {
      id: ++this.nextId.runner,
      name: input.name,
      // JIT runners carry exactly the labels asked for; `self-hosted` is listed first when present.
      labels: [
        ...labels.filter((l) => l.toLowerCase() === SELF_HOSTED),
        ...labels.filter((l) => l.toLowerCase() !== SELF_HOSTED),
      ],
      runnerGroupId: input.runnerGroupId ?? 1,
      scope: input.scope ?? this.organization,
      status: 'offline',
      busy: false,
      workFolder: '_work',
    };
    this.runners.set(runner.id, runner);
    return runner;
  }

  // ---- playing GitHub Actions ----

  /** Queues a workflow job (in a new run unless `runId`), and delivers `workflow_job queued` unless dropped. */
  async queueJob(input: QueueJobInput): Promise<FakeJob> {
    const repo = input.repo ? this.repos.get(input.repo.toLowerCase()) : [...this.repos.values()][0];
    if (!repo) throw new Error(`GitHubFake.queueJob: unknown repository ${input.repo ?? '(none defined)'}`);
    const now = this.now();
    const full = `${repo.owner}/${repo.name}`;
    let run = input.runId ? this.runs.get(input.runId) : undefined;
    if (input.runId && !run) throw new Error(`GitHubFake.queueJob: unknown run ${input.runId}`);
    if (!run) {
      run = {
        id: ++this.nextId.run,
        repository: full,
        workflowName: input.workflowName ?? 'CI',
        workflowId: 77,
        runNumber: ++this.runNumber,
        headBranch: input.headBranch ?? 'main',
        headSha: randomBytes(20).toString('hex'),
        status: 'queued',
        conclusion: null,
        createdAt: now,
        updatedAt: now,
      };
      this.runs.set(run.id, run);
    }
    const job: FakeJob = {
      id: ++this.nextId.job,
      runId: run.id,
      repository: full,
      name: input.jobName ?? 'build',
      workflowName: run.workflowName,
      labels: [...input.labels],
      headBranch: run.headBranch,
      headSha: run.headSha,
      status: 'queued',
      conclusion: null,
      createdAt: now,
      startedAt: now,
      completedAt: null,
      runnerId: null,
      runnerName: null,
      runnerGroupId: null,
      runnerGroupName: null,
    };
    this.jobs.set(job.id, job);
    repo.pushedAt = Math.max(repo.pushedAt, now);
    this.notify('queued', job);
    await this.deliver('queued', job, input.dropWebhook ?? false);
    return job;
  }

  /** Marks a registered runner online and idle (its Pod started the runner). */
  connectRunner(runnerId: number): FakeRunner {
    const runner = this.runners.get(runnerId);
    if (!runner) throw new Error(`GitHubFake.connectRunner: no runner ${runnerId}`);
    runner.status = 'online';
    return runner;
  }

  /**
   * The runner takes a job, as GitHub assigns them: the job's labels must all be among the runner's
   * (case-insensitive). Without `jobId`, the oldest queued job it can run. Delivers `workflow_job in_progress`.
   */
  async takeJob(runnerId: number, jobId?: number): Promise<FakeJob> {
    const runner = this.runners.get(runnerId);
    if (!runner) throw new Error(`GitHubFake.takeJob: no runner ${runnerId}`);
    if (runner.busy) throw new Error(`GitHubFake.takeJob: runner ${runnerId} is already busy`);
    const fits = (j: FakeJob) => {
      const have = new Set(lower(runner.labels));
      return j.status === 'queued' && lower(j.labels).every((l) => have.has(l)) && this.visibleTo(runner, j);
    };
    const job =
      jobId !== undefined
        ? this.jobs.get(jobId)
        : [...this.jobs.values()].filter(fits).sort((a, b) => a.createdAt - b.createdAt || a.id - b.id)[0];
    if (!job) throw new Error(`GitHubFake.takeJob: no queued job for runner ${runnerId}`);
    if (!fits(job)) {
      throw new Error(
        `GitHubFake.takeJob: runner ${runnerId} [${runner.labels.join(', ')}] cannot take job ${job.id} [${job.labels.join(', ')}] (status ${job.status})`,
      );
    }
    const now = this.now();
    runner.status = 'online';
    runner.busy = true;
    runner.jobId = job.id;
    const group = this.runnerGroups.find((g) => g.id === runner.runnerGroupId);
    Object.assign(job, {
      status: 'in_progress',
      startedAt: now,
      runnerId: runner.id,
      runnerName: runner.name,
      runnerGroupId: runner.runnerGroupId,
      runnerGroupName: group?.name ?? 'Default',
    });
    const run = this.runs.get(job.runId)!;
    run.status = 'in_progress';
    run.updatedAt = now;
    this.notify('in_progress', job);
    await this.deliver('in_progress', job, false);
    return job;
  }

  /** The job ends; its ephemeral runner is removed. Delivers `workflow_job completed`. */
  async finishJob(
    jobId: number,
    conclusion: 'success' | 'failure' | 'cancelled' = 'success',
  ): Promise<FakeJob> {
    const job = this.jobs.get(jobId);
    if (!job) throw new Error(`GitHubFake.finishJob: no job ${jobId}`);
    if (job.status === 'completed') throw new Error(`GitHubFake.finishJob: job ${jobId} already completed`);
    const now = this.now();
    job.status = 'completed';
    job.conclusion = conclusion;
    job.completedAt = now;
    if (job.runnerId !== null) this.runners.delete(job.runnerId);
    const run = this.runs.get(job.runId)!;
    const siblings = [...this.jobs.values()].filter((j) => j.runId === run.id);
    if (siblings.every((j) => j.status === 'completed')) {
      run.status = 'completed';
      run.conclusion = siblings.every((j) => j.conclusion === 'success') ? 'success' : 'failure';
    }
    run.updatedAt = now;
    this.notify('completed', job);
    await this.deliver('completed', job, false);
    return job;
  }

  /** Sends a delivery again with the same X-GitHub-Delivery, body and signature (GitHub's "Redeliver"). */
  async redeliver(deliveryId: string): Promise<number> {
    const delivery = this.deliveries.find((d) => d.id === deliveryId);
    if (!delivery) throw new Error(`GitHubFake.redeliver: no delivery ${deliveryId}`);
    if (!this.webhook) throw new Error('GitHubFake.redeliver: no webhook configured');
    return this.post(this.webhook.url, delivery.body, delivery.headers);
  }

  /** Builds the signed webhook request for a job without sending it (for receiver tests). */
  webhookRequest(action: 'queued' | 'waiting' | 'in_progress' | 'completed', job: FakeJob, secret: string) {
    const repo = this.repos.get(job.repository.toLowerCase())!;
    const payload: Record<string, unknown> = {
      action,
      workflow_job: webhookWorkflowJob(this.baseUrl || 'http://127.0.0.1', { ...job, status: action }),
      repository: webhookRepository(this.baseUrl || 'http://127.0.0.1', repo),
      sender: simpleUser(this.baseUrl || 'http://127.0.0.1', 'octocat', 583231),
    };
    if (repo.ownerType === 'Organization') {
      payload.organization = webhookOrganization(this.baseUrl || 'http://127.0.0.1', repo.owner, this.orgId);
    }
    if (this.options.app) {
      payload.installation = {
        id: this.options.app.installationId,
        node_id: Buffer.from(`I_${this.options.app.installationId}`).toString('base64'),
      };
    }
    const body = JSON.stringify(payload);
    const id = randomUUID();
    // Computed here with node:crypto, independently of @octokit/webhooks (which the receiver verifies with), so
    // the receiver is tested against GitHub's algorithm, not against itself.
    const headers: Record<string, string> = {
      'content-type': 'application/json',
      'user-agent': 'GitHub-Hookshot/ai-ci-fake',
      'x-github-event': 'workflow_job',
      'x-github-delivery': id,
      'x-github-hook-id': '424242',
      'x-github-hook-installation-target-id': String(this.options.app?.appId ?? this.orgId),
      'x-github-hook-installation-target-type': this.options.app ? 'integration' : 'organization',
      'x-hub-signature': `sha1=${createHmac('sha1', secret).update(body).digest('hex')}`,
      'x-hub-signature-256': `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`,
    };
    return { id, body, headers, payload };
  }

  private async deliver(action: FakeDelivery['action'], job: FakeJob, drop: boolean): Promise<void> {
    const webhook = this.webhook;
    if (!webhook) return;
    const { id, body, headers } = this.webhookRequest(
      action as 'queued' | 'in_progress' | 'completed',
      job,
      webhook.secret,
    );
    const delivery: FakeDelivery = {
      id,
      event: 'workflow_job',
      action,
      jobId: job.id,
      body,
      headers,
      dropped: drop,
    };
    this.deliveries.push(delivery);
    if (!drop) delivery.status = await this.post(webhook.url, body, headers);
  }

  private async post(url: string, body: string, headers: Record<string, string>): Promise<number> {
    try {
      const response = await fetch(url, {
        method: 'POST',
        body,
        headers,
        signal: AbortSignal.timeout(10_000),
      });
      await response.arrayBuffer();
      return response.status;
    } catch {
      return 0;
    }
  }

  private visibleTo(runner: FakeRunner, job: FakeJob): boolean {
    return runner.scope.includes('/')
      ? runner.scope.toLowerCase() === job.repository.toLowerCase()
      : job.repository.toLowerCase().startsWith(`${runner.scope.toLowerCase()}/`);
  }

  // ---- HTTP ----

  private route(method: string, template: string, auth: Route['auth'], handler: Route['handler']): void {
    const regex = new RegExp(
      `^${template.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{(\w+)\}/g, (_m, name) => `(?<${name}>[^/]+)`)}$`,
    );
    this.routes.push({ method, template, regex, handler, auth });
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const method = (req.method ?? 'GET').toUpperCase();
    const query = Object.fromEntries(url.searchParams.entries());
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const raw = Buffer.concat(chunks).toString('utf8');
    const record: FakeRequest = {
      method,
      path: url.pathname,
      query,
      status: 0,
      auth: 'none',
      responseBody: undefined,
    };
    this.requests.push(record);
    const delay = this.options.latencyMs?.(method, url.pathname) ?? 0;
    if (delay > 0) await new Promise((r) => setTimeout(r, delay));

    const send = (reply: Reply) => {
      record.status = reply.status;
      record.responseBody = reply.body;
      record.answeredAt = this.now();
      const headers: Record<string, string> = {
        'x-github-api-version-selected': '2022-11-28',
        'x-github-media-type': 'github.v3; format=json',
        'x-github-request-id': randomUUID(),
        ...this.rateHeaders(),
        ...reply.headers,
      };
      if (reply.body === undefined) {
        res.writeHead(reply.status, headers);
        res.end();
      } else {
        res.writeHead(reply.status, { 'content-type': 'application/json; charset=utf-8', ...headers });
        res.end(JSON.stringify(reply.body));
      }
    };

    if (this.mounts.length > 0) {
      const closed = new AbortController();
      res.on('close', () => closed.abort());
      for (const mount of this.mounts) {
        const reply = await mount({
          method,
          path: url.pathname,
          query,
          headers: req.headers,
          body: raw,
          closed: closed.signal,
        });
        if (!reply) continue;
        record.route = reply.route;
        const failure = this.takeFailure(method, url.pathname);
        return send(failure ? this.failureReply(failure) : reply);
      }
    }

    const match = this.routes
      .filter((r) => r.method === method)
      .map((r) => ({ r, m: r.regex.exec(url.pathname) }))
      .find((x) => x.m);
    if (!match) return send({ status: 404, body: errorBody('Not Found', 404) });
    record.route = match.r.template;

    const auth = await this.authenticate(req.headers.authorization);
    record.auth = auth.kind;
    if (auth.kind === 'none' || auth.kind === 'invalid') {
      return send({
        status: 401,
        body: errorBody(auth.kind === 'none' ? 'Requires authentication' : 'Bad credentials', 401),
      });
    }
    if (match.r.auth === 'jwt' && auth.kind !== 'jwt') {
      return send({ status: 401, body: errorBody('A JSON web token could not be decoded', 401) });
    }
    if (match.r.auth !== 'jwt' && auth.kind === 'jwt') {
      return send({
        status: 403,
        body: errorBody('Resource not accessible by integration (use an installation token)', 403),
      });
    }
    if (match.r.auth === 'installation' && auth.kind !== 'installation') {
      return send({
        status: 403,
        body: errorBody('This endpoint requires an installation access token', 403),
      });
    }

    const failure = this.takeFailure(method, url.pathname);
    if (failure) return send(this.failureReply(failure));

    if (auth.kind !== 'jwt') {
      if (this.rateRemaining <= 0) {
        return send({
          status: 403,
          body: errorBody('API rate limit exceeded for installation. Wait for the reset.', 403),
        });
      }
      this.rateRemaining--;
    }

    let body: unknown;
    if (raw !== '') {
      try {
        body = JSON.parse(raw);
      } catch {
        return send({ status: 400, body: errorBody('Problems parsing JSON', 400) });
      }
    }
    const ctx: Ctx = { params: { ...match.m!.groups }, query, body };
    if (auth.kind === 'installation') ctx.installationId = auth.installationId;
    send(await match.r.handler(ctx));
  }

  private rateHeaders(): Record<string, string> {
    const limit = this.options.rateLimit ?? 5000;
    return {
      'x-ratelimit-limit': String(limit),
      'x-ratelimit-remaining': String(Math.max(0, this.rateRemaining)),
      'x-ratelimit-used': String(Math.max(0, limit - this.rateRemaining)),
      'x-ratelimit-reset': String(Math.ceil(this.rateResetAt / 1000)),
      'x-ratelimit-resource': 'core',
    };
  }

  private takeFailure(method: string, path: string): FakeFailure | undefined {
    const i = this.failures.findIndex(
      (f) =>
        f.remaining > 0 &&
        (!f.method || f.method.toUpperCase() === method) &&
        (!f.path || (typeof f.path === 'string' ? f.path === path : f.path.test(path))),
    );
    if (i < 0) return undefined;
    const failure = this.failures[i]!;
    if (--failure.remaining <= 0) this.failures.splice(i, 1);
    return failure;
  }

  private failureReply(failure: FakeFailure): Reply {
    const retryAfter = failure.retryAfter ?? 1;
    if (failure.failure === 'secondary-rate-limit') {
      return {
        status: 403,
        headers: { 'retry-after': String(retryAfter) },
        body: errorBody(
          'You have exceeded a secondary rate limit. Please wait a few minutes before you try again. If you reach out to GitHub Support for help, please include the request ID.',
          403,
        ),
      };
    }
    if (failure.failure === 'primary-rate-limit') {
      // Only this reply says the budget is spent; the fake's own budget is untouched, so the retry succeeds.
      return {
        status: 403,
        headers: {
          'x-ratelimit-remaining': '0',
          'x-ratelimit-used': String(this.options.rateLimit ?? 5000),
          'x-ratelimit-reset': String(Math.ceil(this.now() / 1000) + retryAfter),
        },
        body: errorBody('API rate limit exceeded for installation.', 403),
      };
    }
    const status = failure.failure;
    const message =
      failure.message ?? (status === 404 ? 'Not Found' : status >= 500 ? 'Server Error' : `Error ${status}`);
    return { status, body: errorBody(message, status) };
  }

  private async authenticate(
    header: string | undefined,
  ): Promise<
    { kind: 'token' | 'jwt' | 'none' | 'invalid' } | { kind: 'installation'; installationId: number }
  > {
    if (!header) return { kind: 'none' };
    const m = /^(?:token|bearer)\s+(\S+)$/i.exec(header);
    if (!m) return { kind: 'invalid' };
    const credential = m[1]!;
    if (this.options.tokens?.includes(credential)) return { kind: 'token' };
    const issued = this.issuedTokens.find((t) => t.token === credential);
    if (issued) {
      return issued.expiresAt > this.now()
        ? { kind: 'installation', installationId: issued.installationId }
        : { kind: 'invalid' };
    }
    if (this.options.app && this.publicKey && credential.split('.').length === 3) {
      try {
        const { payload } = await jwtVerify(credential, this.publicKey, { algorithms: ['RS256'] });
        // GitHub: `iss` is the App id (or client id); the JWT may live at most 10 minutes.
        const validIssuer = String(payload.iss) === String(this.options.app.appId);
        const lifetime = (payload.exp ?? 0) - (payload.iat ?? 0);
        if (validIssuer && lifetime > 0 && lifetime <= 600) return { kind: 'jwt' };
      } catch {
        return { kind: 'invalid' };
      }
      return { kind: 'invalid' };
    }
    return { kind: 'invalid' };
  }

  // ---- endpoints ----

  private orgOr404(org: string): Reply | undefined {
    return org.toLowerCase() === this.organization.toLowerCase()
      ? undefined
      : { status: 404, body: errorBody('Not Found', 404) };
  }

  private repoOr404(owner: string, repo: string): FakeRepo | Reply {
    return (
      this.repos.get(`${owner}/${repo}`.toLowerCase()) ?? { status: 404, body: errorBody('Not Found', 404) }
    );
  }

  /** One page of `items`, with GitHub's Link header. */
  private page<T>(
    path: string,
    query: Record<string, string>,
    items: T[],
  ): { items: T[]; headers: Record<string, string> } {
    const perPage = Math.min(100, Math.max(1, Number(query.per_page ?? 30) || 30));
    const page = Math.max(1, Number(query.page ?? 1) || 1);
    const last = Math.max(1, Math.ceil(items.length / perPage));
    const link = (p: number, rel: string) => {
      const q = new URLSearchParams({ ...query, per_page: String(perPage), page: String(p) });
      return `<${this.baseUrl}${path}?${q}>; rel="${rel}"`;
    };
    const links: string[] = [];
    if (page > 1) links.push(link(page - 1, 'prev'), link(1, 'first'));
    if (page < last) links.push(link(page + 1, 'next'), link(last, 'last'));
    return {
      items: items.slice((page - 1) * perPage, page * perPage),
      headers: links.length ? { link: links.join(', ') } : {},
    };
  }

  private defineRoutes(): void {
    const api = () => this.baseUrl;

    this.route('POST', '/app/installations/{installation_id}/access_tokens', 'jwt', ({ params }) => {
      const app = this.options.app!;
      if (Number(params.installation_id) !== app.installationId) {
        return { status: 404, body: errorBody('Not Found', 404) };
      }
      const token = `ghs_${randomBytes(18).toString('hex')}`;
      const expiresAt = this.now() + 3_600_000;
      this.issuedTokens.push({ token, installationId: app.installationId, expiresAt });
      return {
        status: 201,
        body: {
          token,
          expires_at: new Date(expiresAt).toISOString().replace(/\.\d{3}Z$/, 'Z'),
          permissions: {
            actions: 'read',
            administration: 'write',
            metadata: 'read',
            organization_self_hosted_runners: 'write',
          },
          repository_selection: 'all',
        },
      };
    });

    this.route('GET', '/installation/repositories', 'installation', ({ query }) => {
      const repos = [...this.repos.values()].filter((r) => r.ownerType === 'Organization');
      const { items, headers } = this.page('/installation/repositories', query, repos);
      return {
        status: 200,
        headers,
        body: {
          total_count: repos.length,
          repository_selection: 'all',
          repositories: items.map((r) => repositoryObject(api(), r)),
        },
      };
    });

    this.route('GET', '/orgs/{org}/repos', 'any', ({ params, query }) => {
      const missing = this.orgOr404(params.org!);
      if (missing) return missing;
      let repos = [...this.repos.values()].filter((r) => r.owner.toLowerCase() === params.org!.toLowerCase());
      if (query.sort === 'pushed') {
        repos = repos.sort((a, b) =>
          query.direction === 'asc' ? a.pushedAt - b.pushedAt : b.pushedAt - a.pushedAt,
        );
      }
      const { items, headers } = this.page(`/orgs/${params.org}/repos`, query, repos);
      return { status: 200, headers, body: items.map((r) => minimalRepository(api(), r)) };
    });

    this.route('GET', '/orgs/{org}/actions/runner-groups', 'any', ({ params, query }) => {
      const missing = this.orgOr404(params.org!);
      if (missing) return missing;
      const { items, headers } = this.page(
        `/orgs/${params.org}/actions/runner-groups`,
        query,
        this.runnerGroups,
      );
      return {
        status: 200,
        headers,
        body: {
          total_count: this.runnerGroups.length,
          runner_groups: items.map((g) => runnerGroupObject(api(), this.organization, g)),
        },
      };
    });

    // Runners, for both scopes: `scope` is `org` or `owner/repo`.
    const scopeOf = (params: Record<string, string>): string | Reply => {
      if (params.org !== undefined) return this.orgOr404(params.org) ?? this.organization;
      const repo = this.repoOr404(params.owner!, params.repo!);
      return 'status' in repo ? repo : `${repo.owner}/${repo.name}`;
    };
    for (const prefix of ['/orgs/{org}/actions/runners', '/repos/{owner}/{repo}/actions/runners']) {
      // The runner registration token (OpenAPI `authentication-token`): the scale-set client's first step.
      this.route('POST', `${prefix}/registration-token`, 'any', ({ params }) => {
        const scope = scopeOf(params);
        if (typeof scope !== 'string') return scope;
        const token = `AAAA${randomBytes(18).toString('hex').toUpperCase()}`;
        const expiresAt = this.now() + 3_600_000;
        this.registrationTokens.set(token, { scope, expiresAt });
        return { status: 201, body: { token, expires_at: new Date(expiresAt).toISOString() } };
      });
      this.route('POST', `${prefix}/generate-jitconfig`, 'any', ({ params, body }) => {
        const scope = scopeOf(params);
        if (typeof scope !== 'string') return scope;
        return this.generateJitConfig(scope, body);
      });
      this.route('GET', prefix, 'any', ({ params, query }) => {
        const scope = scopeOf(params);
        if (typeof scope !== 'string') return scope;
        const all = [...this.runners.values()]
          .filter((r) => r.scope.toLowerCase() === scope.toLowerCase())
          .filter((r) => query.name === undefined || r.name === query.name)
          .sort((a, b) => a.id - b.id);
        const path = prefix
          .replace('{org}', params.org ?? '')
          .replace('{owner}', params.owner ?? '')
          .replace('{repo}', params.repo ?? '');
        const { items, headers } = this.page(path, query, all);
        return { status: 200, headers, body: { total_count: all.length, runners: items.map(runnerObject) } };
      });
      this.route('GET', `${prefix}/{runner_id}`, 'any', ({ params }) => {
        const scope = scopeOf(params);
        if (typeof scope !== 'string') return scope;
        const runner = this.runners.get(Number(params.runner_id));
        if (!runner || runner.scope.toLowerCase() !== scope.toLowerCase()) {
          return { status: 404, body: errorBody('Not Found', 404) };
        }
        return { status: 200, body: runnerObject(runner) };
      });
      this.route('DELETE', `${prefix}/{runner_id}`, 'any', ({ params }) => {
        const scope = scopeOf(params);
        if (typeof scope !== 'string') return scope;
        const runner = this.runners.get(Number(params.runner_id));
        if (!runner || runner.scope.toLowerCase() !== scope.toLowerCase()) {
          return { status: 404, body: errorBody('Not Found', 404) };
        }
        if (runner.busy) {
          return {
            status: 422,
            body: {
              message: `Bad request - Runner "${runner.name}" is still running a job`,
              documentation_url: DOCS,
            },
          };
        }
        this.runners.delete(runner.id);
        return { status: 204 };
      });
    }

    // Branch protection (ai-ci github protect). GitHub answers 422 for a body missing one of the four required
    // keys; restrictions with teams or apps are not modelled (users only).
    this.route('PUT', '/repos/{owner}/{repo}/branches/{branch}/protection', 'any', ({ params, body }) => {
      const repo = this.repoOr404(params.owner!, params.repo!);
      if ('status' in repo) return repo;
      const full = `${repo.owner}/${repo.name}`;
      const branch = decodeURIComponent(params.branch!);
      if (!(this.branches.get(full.toLowerCase()) ?? new Set(['main'])).has(branch)) {
        return { status: 404, body: errorBody('Branch not found', 404) };
      }
      const b = (body ?? {}) as Record<string, unknown>;
      for (const key of [
        'required_status_checks',
        'enforce_admins',
        'required_pull_request_reviews',
        'restrictions',
      ]) {
        if (!(key in b)) {
          return {
            status: 422,
            body: {
              message: `Invalid request.\n\n"${key}" wasn't supplied.`,
              documentation_url: DOCS,
              status: '422',
            },
          };
        }
      }
      const restrictions = b.restrictions as { users?: string[]; teams?: string[]; apps?: string[] } | null;
      if (restrictions && (restrictions.teams?.length || restrictions.apps?.length)) {
        return { status: 422, body: errorBody('fake: team and app restrictions are not modelled', 422) };
      }
      if (restrictions && repo.ownerType !== 'Organization') {
        return {
          status: 422,
          body: errorBody('Only organization repositories can have users and team restrictions', 422),
        };
      }
      this.branchProtections.set(`${full}@${branch}`.toLowerCase(), b);
      const url = `${api()}/repos/${full}/branches/${encodeURIComponent(branch)}/protection`;
      const enabled = (v: unknown) => ({ enabled: v === true });
      const checks = b.required_status_checks as {
        strict?: boolean;
        contexts?: string[];
        checks?: { context: string; app_id?: number }[];
      } | null;
      const reviews = b.required_pull_request_reviews as Record<string, unknown> | null;
      const contexts = checks?.checks ? checks.checks.map((c) => c.context) : (checks?.contexts ?? []);
      const reply: Record<string, unknown> = {
        url,
        required_signatures: { url: `${url}/required_signatures`, enabled: false },
        enforce_admins: { url: `${url}/enforce_admins`, enabled: b.enforce_admins === true },
        required_linear_history: enabled(b.required_linear_history),
        allow_force_pushes: enabled(b.allow_force_pushes),
        allow_deletions: enabled(b.allow_deletions),
        block_creations: enabled(b.block_creations),
        required_conversation_resolution: enabled(b.required_conversation_resolution),
        lock_branch: enabled(b.lock_branch),
        allow_fork_syncing: enabled(b.allow_fork_syncing),
      };
      if (checks) {
        reply.required_status_checks = {
          url: `${url}/required_status_checks`,
          strict: checks.strict === true,
          contexts,
          contexts_url: `${url}/required_status_checks/contexts`,
          checks: checks.checks
            ? checks.checks.map((c) => ({ context: c.context, app_id: c.app_id ?? null }))
            : contexts.map((context) => ({ context, app_id: null })),
        };
      }
      if (reviews) {
        reply.required_pull_request_reviews = {
          url: `${url}/required_pull_request_reviews`,
          dismiss_stale_reviews: reviews.dismiss_stale_reviews === true,
          require_code_owner_reviews: reviews.require_code_owner_reviews === true,
          required_approving_review_count:
            (reviews.required_approving_review_count as number | undefined) ?? 1,
          require_last_push_approval: reviews.require_last_push_approval === true,
        };
      }
      if (restrictions) {
        reply.restrictions = {
          url: `${url}/restrictions`,
          users_url: `${url}/restrictions/users`,
          teams_url: `${url}/restrictions/teams`,
          apps_url: `${url}/restrictions/apps`,
          users: (restrictions.users ?? []).map((login, i) => simpleUser(api(), login, 5000 + i)),
          teams: [],
          apps: [],
        };
      }
      return { status: 200, body: reply };
    });

    this.route('GET', '/repos/{owner}/{repo}/actions/runs', 'any', ({ params, query }) => {
      const repo = this.repoOr404(params.owner!, params.repo!);
      if ('status' in repo) return repo;
      const full = `${repo.owner}/${repo.name}`.toLowerCase();
      const runs = [...this.runs.values()]
        .filter((r) => r.repository.toLowerCase() === full)
        .filter(
          (r) => query.status === undefined || r.status === query.status || r.conclusion === query.status,
        )
        .sort((a, b) => b.createdAt - a.createdAt || b.id - a.id);
      const { items, headers } = this.page(`/repos/${params.owner}/${params.repo}/actions/runs`, query, runs);
      return {
        status: 200,
        headers,
        body: {
          total_count: runs.length,
          workflow_runs: items.map((r) => workflowRun(api(), r, repo, 583231)),
        },
      };
    });

    this.route('GET', '/repos/{owner}/{repo}/actions/runs/{run_id}/jobs', 'any', ({ params, query }) => {
      const repo = this.repoOr404(params.owner!, params.repo!);
      if ('status' in repo) return repo;
      const run = this.runs.get(Number(params.run_id));
      if (!run || run.repository.toLowerCase() !== `${repo.owner}/${repo.name}`.toLowerCase()) {
        return { status: 404, body: errorBody('Not Found', 404) };
      }
      const jobs = [...this.jobs.values()].filter((j) => j.runId === run.id).sort((a, b) => a.id - b.id);
      const { items, headers } = this.page(
        `/repos/${params.owner}/${params.repo}/actions/runs/${run.id}/jobs`,
        query,
        jobs,
      );
      return {
        status: 200,
        headers,
        body: { total_count: jobs.length, jobs: items.map((j) => jobObject(api(), j)) },
      };
    });
  }

  private generateJitConfig(scope: string, body: unknown): Reply {
    const b = (body ?? {}) as {
      name?: unknown;
      runner_group_id?: unknown;
      labels?: unknown;
      work_folder?: unknown;
    };
    const invalid = (message: string): Reply => ({
      status: 422,
      body: { message: `Validation Failed: ${message}`, documentation_url: DOCS },
    });
    if (typeof b.name !== 'string' || b.name === '') return invalid('name is required');
    if (typeof b.runner_group_id !== 'number' || !Number.isInteger(b.runner_group_id)) {
      return invalid('runner_group_id is required');
    }
    if (
      !Array.isArray(b.labels) ||
      b.labels.length < 1 ||
      b.labels.length > 100 ||
      !b.labels.every((l) => typeof l === 'string')
    ) {
      return invalid('labels must have 1 to 100 items');
    }
    const isRepo = scope.includes('/');
    if (isRepo ? b.runner_group_id !== 1 : !this.runnerGroups.some((g) => g.id === b.runner_group_id)) {
      return { status: 404, body: errorBody('Not Found', 404) };
    }
    const name = b.name;
    const taken = [...this.runners.values()].some(
      (r) => r.scope.toLowerCase() === scope.toLowerCase() && r.name === name,
    );
    if (taken) {
      return {
        status: 409,
        body: errorBody(`Already exists - A runner with the name ${name} already exists.`, 409),
      };
    }
    const runner = this.addRunner({
      name,
      labels: b.labels as string[],
      scope,
      runnerGroupId: b.runner_group_id,
    });
    if (typeof b.work_folder === 'string') runner.workFolder = b.work_folder;
    return {
      status: 201,
      body: {
        runner: runnerObject(runner),
        encoded_jit_config: encodeFakeJitConfig({
          runnerId: runner.id,
          runnerName: runner.name,
          labels: runner.labels,
          runnerGroupId: runner.runnerGroupId,
          scope,
          workFolder: runner.workFolder,
        }),
      },
    };
  }
}

function assertLoopback(url: string): void {
  const host = new URL(url).hostname;
  if (host !== '127.0.0.1' && host !== 'localhost' && host !== '[::1]') {
    throw new Error(`GitHubFake: webhook URL must be on 127.0.0.1, got ${host}`);
  }
}
