/**
 * A fake of the GitHub Actions service's runner scale-set API, mounted on the GitHub fake's server (127.0.0.1),
 * protocol-exact for what ARC's `gha-runner-scale-set` listener and the `actions/scaleset` Go library send.
 * Sources (MIT), by message shape:
 * - `POST /actions/runner-registration` (`RemoteAuth <registration token>`, body `{url, runner_event}`) → 201
 *   `{url, token}`: scaleset client.go `getActionsServiceAdminConnection`, internal/testserver/server.go (the
 *   tenant URL `…/tenant/123/` and the 201 status are the test server's; the token is a JWT with `exp`).
 * - every service call carries `api-version=6.0-preview` and `Bearer <admin token>`: client.go
 *   `newActionsServiceRequest`.
 * - scale sets `GET/POST _apis/runtime/runnerscalesets[?runnerGroupId=&name=]`, `GET/DELETE …/{id}`, lists as
 *   `{count, value}`: client.go `GetRunnerScaleSet`, `CreateRunnerScaleSet`, types.go `RunnerScaleSet`,
 *   `runnerScaleSetsResponse`; runner groups `_apis/runtime/runnergroups/?groupName=`: `GetRunnerGroupByName`.
 * - sessions `POST …/{id}/sessions` (200), `PATCH|DELETE …/sessions/{sessionId}` (200 / 204):
 *   session_client.go; a second session of a scale set → 409 (ARC cmd/ghalistener/listener/listener.go
 *   `createSession` retries on `http.StatusConflict`; the exception name `TaskAgentSessionConflictException` is
 *   the service's, as ARC's issues quote it).
 * - the queue `GET {messageQueueUrl}[&lastMessageId=]` with `X-ScaleSetMaxCapacity`: 202 empty, 200
 *   `{messageId, messageType: "RunnerScaleSetJobMessages", body: "<JSON array>", statistics}`, 401 expired token;
 *   `DELETE {queue path}/{messageId}` 204: session_client.go `getMessage`/`deleteMessage`, client.go
 *   `parseRunnerScaleSetMessageResponse`, types.go `JobAvailable`… `JobCompleted`, `RunnerScaleSetStatistic`.
 * - `POST …/{id}/acquirejobs` (queue token, body `[ids]`) → 200 `{count, value}`: session_client.go `acquireJobs`.
 * - `POST …/{id}/generatejitconfig` `{name, workFolder}` → 200 `{runner: {id, name, runnerScaleSetId},
 *   encodedJITConfig}`; a taken name → 409 `AgentExistsException` (errors.go, ARC
 *   ephemeralrunner_controller.go); runners `_apis/distributedtask/pools/0/agents[?agentName=]`: client.go.
 * Not documented by those sources, and chosen here: a lost session's queue answers 404
 * `TaskAgentSessionExpiredException` (both clients then open a new session); a queue restart answers 503.
 *
 * It plays the service's side of a job: a job queued on the GitHub fake whose labels are a scale set's becomes
 * `JobAvailable`; `acquirejobs` assigns it (`JobAssigned`); a scale-set runner taking it (`takeJob`) sends
 * `JobStarted`; finishing it `JobCompleted`. Undeleted messages are delivered again; `duplicateNext` repeats the
 * next batch's job messages in a later message, as an at-least-once queue may.
 */
import { createHmac, randomBytes, randomUUID } from 'node:crypto';
import type { FakeJob, FakeMountReply, GitHubFake } from './fake.js';
import { encodeFakeJitConfig } from './jit.js';

export interface ActionsServiceFakeOptions {
  /** How long a long poll waits for a message before 202 (the service: about 50 s; default 1 s). */
  longPollMs?: number;
  adminTokenTtlMs?: number;
  queueTokenTtlMs?: number;
  /** A session nobody polled for this long is dropped when another listener asks for one (a crashed listener's
   *  session expires; default 60 s, chosen here: the sources do not state the service's timeout). */
  sessionIdleMs?: number;
  now?: () => number;
}

export interface FakeScaleSet {
  id: number;
  name: string;
  runnerGroupId: number;
  runnerGroupName: string;
  /** Label names (lower case compare). */
  labels: string[];
  /** `org` or `owner/repo`, from the admin token's registration. */
  scope: string;
  createdOn: string;
}

interface FakeSession {
  id: string;
  scaleSetId: number;
  owner: string;
  queueToken: string;
  queueTokenExpiresAt: number;
  /** Last queue or acquire call, and long polls open now. */
  lastSeen: number;
  polling: number;
}

type JobState = 'available' | 'acquired' | 'running' | 'done';

interface TrackedJob {
  jobId: number;
  requestId: number;
  scaleSetId: number;
  state: JobState;
  guid: string;
  queueTime: string;
  assignTime?: string;
  runnerAssignTime?: string;
  finishTime?: string;
}

interface QueueMessage {
  id: number;
  body: Record<string, unknown>[];
  statistics: Record<string, number>;
  deleted: boolean;
}

const ZERO_TIME = '0001-01-01T00:00:00Z';
const json = (status: number, body: unknown, route: string): FakeMountReply => ({ status, body, route });
const exception = (status: number, typeName: string, message: string, route: string) =>
  json(
    status,
    {
      $id: '1',
      innerException: null,
      message,
      typeName,
      typeKey: typeName.replace(/Exception$/, ''),
      errorCode: 0,
      eventId: 3000,
    },
    route,
  );

function jwt(claims: Record<string, unknown>, key: Buffer): string {
  const enc = (o: unknown) => Buffer.from(JSON.stringify(o)).toString('base64url');
  const head = `${enc({ alg: 'HS256', typ: 'JWT' })}.${enc(claims)}`;
  return `${head}.${createHmac('sha256', key).update(head).digest('base64url')}`;
}

export class ActionsServiceFake {
  readonly scaleSets = new Map<number, FakeScaleSet>();
  readonly sessions = new Map<number, FakeSession>();
  readonly jobs = new Map<number, TrackedJob>();
  /** Runner id → scale set id, for runners registered through `generatejitconfig`. */
  readonly scaleSetRunners = new Map<number, number>();
  /** Counters for assertions. */
  readonly counts = {
    adminConnections: 0,
    sessionsCreated: 0,
    sessionConflicts: 0,
    refreshes: 0,
    polls: 0,
    deletes: 0,
    acquires: 0,
  };
  private readonly queues = new Map<
    number,
    { messages: QueueMessage[]; pending: Record<string, unknown>[] }
  >();
  private readonly adminTokens = new Map<string, { scope: string; expiresAt: number }>();
  private readonly waiters = new Set<{ scaleSetId: number; wake: (why: 'message' | 'restart') => void }>();
  private readonly key = randomBytes(32);
  private readonly now: () => number;
  private nextScaleSetId = 10;
  private nextRequestId = 5_000;
  private nextMessageId = 0;
  private duplicate = 0;
  private queueDownUntil = 0;

  constructor(
    readonly github: GitHubFake,
    private readonly options: ActionsServiceFakeOptions = {},
  ) {
    this.now = options.now ?? Date.now;
    github.mount((req) => this.handle(req));
    github.onJob((action, job) => this.onJob(action, job));
  }

  /** The tenant base URL the admin connection hands out. */
  get serviceUrl(): string {
    return `${this.github.url}/tenant/1/`;
  }

  // ---- test controls ----

  /** Every queue token expires now (the next queue call gets 401; a PATCH of the session renews it). */
  expireQueueTokens(): void {
    for (const s of this.sessions.values()) s.queueTokenExpiresAt = this.now() - 1;
  }

  /** Every admin token is refused from now on (401); clients must connect again. */
  revokeAdminTokens(): void {
    this.adminTokens.clear();
  }

  /** The service forgets a scale set's session (its queue answers 404 until a new session is created). */
  dropSession(scaleSetId: number): void {
    this.sessions.delete(scaleSetId);
    this.wakeAll(scaleSetId, 'restart');
  }

  /** The queue restarts: open long polls and every queue call for `downMs` get 503; messages survive. */
  restartQueue(downMs = 500): void {
    this.queueDownUntil = this.now() + downMs;
    for (const w of this.waiters) w.wake('restart');
  }

  /** Every message of the scale set, delivered or not, is gone (as if a listener had acknowledged them). */
  discardMessages(scaleSetId: number): void {
    this.queues.delete(scaleSetId);
  }

  /** The next `n` message batches are sent twice (the second copy in a later message). */
  duplicateNext(n = 1): void {
    this.duplicate += n;
  }

  /** A scale-set runner takes an assigned job of its scale set (oldest first), on GitHub as well. */
  async takeJob(runnerId: number, jobId?: number): Promise<FakeJob> {
    const scaleSetId = this.scaleSetRunners.get(runnerId);
    if (scaleSetId === undefined)
      throw new Error(`ActionsServiceFake.takeJob: runner ${runnerId} is not a scale-set runner`);
    const candidates = [...this.jobs.values()]
      .filter(
        (j) =>
          j.scaleSetId === scaleSetId && j.state === 'acquired' && (jobId === undefined || j.jobId === jobId),
      )
      .sort((a, b) => a.requestId - b.requestId);
    const job = candidates[0];
    if (!job)
      throw new Error(
        `ActionsServiceFake.takeJob: no job assigned to scale set ${scaleSetId} for runner ${runnerId}`,
      );
    return this.github.takeJob(runnerId, job.jobId);
  }

  /** Jobs by state, for assertions. */
  jobStates(): Record<JobState, number> {
    const out: Record<JobState, number> = { available: 0, acquired: 0, running: 0, done: 0 };
    for (const j of this.jobs.values()) out[j.state]++;
    return out;
  }

  // ---- the job life cycle ----

  private scaleSetFor(job: FakeJob): FakeScaleSet | undefined {
    const wanted = job.labels
      .map((l) => l.toLowerCase())
      .filter((l) => l !== 'self-hosted')
      .sort();
    const repo = job.repository.toLowerCase();
    return [...this.scaleSets.values()].find((s) => {
      const have = s.labels.map((l) => l.toLowerCase()).sort();
      const scope = s.scope.toLowerCase();
      const visible = scope.includes('/') ? scope === repo : repo.startsWith(`${scope}/`);
      return visible && have.length === wanted.length && have.every((l, i) => l === wanted[i]);
    });
  }

  private onJob(action: 'queued' | 'in_progress' | 'completed', job: FakeJob): void {
    const iso = new Date(this.now()).toISOString();
    if (action === 'queued') {
      const set = this.scaleSetFor(job);
      if (!set) return;
      const tracked: TrackedJob = {
        jobId: job.id,
        requestId: ++this.nextRequestId,
        scaleSetId: set.id,
        state: 'available',
        guid: randomUUID(),
        queueTime: iso,
      };
      this.jobs.set(job.id, tracked);
      this.push(set.id, {
        ...this.base('JobAvailable', tracked, job),
        acquireJobUrl: `${this.serviceUrl}_apis/runtime/runnerscalesets/${set.id}/acquirejobs`,
      });
      return;
    }
    const tracked = this.jobs.get(job.id);
    if (!tracked) return;
    if (action === 'in_progress') {
      tracked.state = 'running';
      tracked.runnerAssignTime = iso;
      this.push(tracked.scaleSetId, {
        ...this.base('JobStarted', tracked, job),
        runnerId: job.runnerId,
        runnerName: job.runnerName,
      });
    } else {
      tracked.state = 'done';
      tracked.finishTime = iso;
      const result =
        { success: 'succeeded', failure: 'failed', cancelled: 'canceled' }[job.conclusion ?? ''] ?? 'failed';
      this.push(tracked.scaleSetId, {
        ...this.base('JobCompleted', tracked, job),
        result,
        runnerId: job.runnerId ?? 0,
        runnerName: job.runnerName ?? '',
      });
      if (job.runnerId !== null) this.scaleSetRunners.delete(job.runnerId);
    }
  }

  /** types.go `JobMessageBase`. */
  private base(type: string, t: TrackedJob, job: FakeJob): Record<string, unknown> {
    const [owner, repo] = job.repository.split('/');
    return {
      messageType: type,
      runnerRequestId: t.requestId,
      repositoryName: repo,
      ownerName: owner,
      jobId: t.guid,
      jobWorkflowRef: `${job.repository}/.github/workflows/ci.yml@refs/heads/${job.headBranch}`,
      jobDisplayName: job.name,
      workflowRunId: job.runId,
      eventName: 'push',
      requestLabels: [...job.labels],
      queueTime: t.queueTime,
      scaleSetAssignTime: t.assignTime ?? ZERO_TIME,
      runnerAssignTime: t.runnerAssignTime ?? ZERO_TIME,
      finishTime: t.finishTime ?? ZERO_TIME,
    };
  }

  private queue(scaleSetId: number) {
    let q = this.queues.get(scaleSetId);
    if (!q) {
      q = { messages: [], pending: [] };
      this.queues.set(scaleSetId, q);
    }
    return q;
  }

  private push(scaleSetId: number, message: Record<string, unknown>): void {
    this.queue(scaleSetId).pending.push(message);
    this.wakeAll(scaleSetId, 'message');
  }

  private wakeAll(scaleSetId: number, why: 'message' | 'restart'): void {
    for (const w of this.waiters) if (w.scaleSetId === scaleSetId) w.wake(why);
  }

  /** types.go `RunnerScaleSetStatistic`. */
  statistics(scaleSetId: number): Record<string, number> {
    const jobs = [...this.jobs.values()].filter((j) => j.scaleSetId === scaleSetId);
    const runners = [...this.scaleSetRunners]
      .filter(([, s]) => s === scaleSetId)
      .map(([id]) => this.github.runners.get(id));
    const busy = runners.filter((r) => r?.busy).length;
    return {
      totalAvailableJobs: jobs.filter((j) => j.state === 'available').length,
      totalAcquiredJobs: jobs.filter((j) => j.state === 'acquired').length,
      totalAssignedJobs: jobs.filter((j) => j.state === 'acquired' || j.state === 'running').length,
      totalRunningJobs: jobs.filter((j) => j.state === 'running').length,
      totalRegisteredRunners: runners.filter(Boolean).length,
      totalBusyRunners: busy,
      totalIdleRunners: runners.filter(Boolean).length - busy,
    };
  }

  private scaleSetBody(s: FakeScaleSet) {
    return {
      id: s.id,
      name: s.name,
      runnerGroupId: s.runnerGroupId,
      runnerGroupName: s.runnerGroupName,
      labels: s.labels.map((name) => ({ type: 'System', name })),
      RunnerSetting: { disableUpdate: false },
      createdOn: s.createdOn,
      runnerJitConfigUrl: `${this.serviceUrl}_apis/runtime/runnerscalesets/${s.id}/generatejitconfig`,
      statistics: this.statistics(s.id),
    };
  }

  private sessionBody(s: FakeSession) {
    return {
      sessionId: s.id,
      ownerName: s.owner,
      runnerScaleSet: this.scaleSetBody(this.scaleSets.get(s.scaleSetId)!),
      messageQueueUrl: `${this.serviceUrl}_apis/runtime/runnerscalesets/${s.scaleSetId}/messages?sessionId=${s.id}`,
      messageQueueAccessToken: s.queueToken,
      statistics: this.statistics(s.scaleSetId),
    };
  }

  private newQueueToken(s: FakeSession): void {
    s.queueToken = jwt({ sid: s.id, exp: Math.floor(this.now() / 1000) + 3600, n: randomUUID() }, this.key);
    s.queueTokenExpiresAt = this.now() + (this.options.queueTokenTtlMs ?? 3_600_000);
  }

  // ---- HTTP ----

  private async handle(
    req: Parameters<Parameters<GitHubFake['mount']>[0]>[0],
  ): Promise<FakeMountReply | undefined> {
    const { method, path, query, headers } = req;
    const auth = String(headers.authorization ?? '');
    let body: unknown;
    try {
      body = req.body === '' ? undefined : JSON.parse(req.body);
    } catch {
      return json(400, { message: 'invalid JSON' }, `${method} ${path}`);
    }

    if (/^(\/api\/v3)?\/actions\/runner-registration$/.test(path) && method === 'POST') {
      const route = 'POST /actions/runner-registration';
      const m = /^RemoteAuth (\S+)$/.exec(auth);
      const rt = m ? this.github.registrationTokens.get(m[1]!) : undefined;
      if (!rt || rt.expiresAt <= this.now()) return json(401, { message: 'Bad credentials' }, route);
      const b = (body ?? {}) as { url?: unknown; runner_event?: unknown };
      if (typeof b.url !== 'string' || b.runner_event !== 'register') {
        return json(400, { message: 'url and runner_event "register" are required' }, route);
      }
      const scopePath = new URL(b.url).pathname.replace(/^\/+|\/+$/g, '');
      if (scopePath.toLowerCase() !== rt.scope.toLowerCase()) {
        return json(403, { message: `registration token is not for ${scopePath}` }, route);
      }
      const expiresAt = this.now() + (this.options.adminTokenTtlMs ?? 3_600_000);
      const token = jwt(
        { iss: 'fake-actions', scope: rt.scope, exp: Math.floor(expiresAt / 1000), n: randomUUID() },
        this.key,
      );
      this.adminTokens.set(token, { scope: rt.scope, expiresAt });
      this.counts.adminConnections++;
      return json(201, { url: this.serviceUrl, token }, route);
    }

    const m = /^\/tenant\/1\/(_apis\/.*)$/.exec(path);
    if (!m) return undefined;
    const api = m[1]!.replace(/\/+$/, '');
    const ssMessages = /^_apis\/runtime\/runnerscalesets\/(\d+)\/messages(?:\/(\d+))?$/.exec(api);
    if (ssMessages)
      return this.handleQueue(method, Number(ssMessages[1]), ssMessages[2], query, auth, req.closed);

    const template = `${method} ${api.replace(/\/[0-9a-f-]{36}(?=\/|$)/g, '/{sessionId}').replace(/\/\d+(?=\/|$)/g, '/{id}')}`;
    if (query['api-version'] !== '6.0-preview')
      return json(400, { message: 'api-version 6.0-preview is required' }, template);

    const acquire = /^_apis\/runtime\/runnerscalesets\/(\d+)\/acquirejobs$/.exec(api);
    if (acquire && method === 'POST') return this.acquireJobs(Number(acquire[1]), auth, body, template);

    const bearer = /^Bearer (\S+)$/.exec(auth)?.[1];
    const admin = bearer ? this.adminTokens.get(bearer) : undefined;
    if (!admin || admin.expiresAt <= this.now())
      return json(401, { message: 'the admin token is invalid or expired' }, template);

    if (api === '_apis/runtime/runnergroups') {
      const groups = this.github.runnerGroups.filter(
        (g) => query.groupName === undefined || g.name.toLowerCase() === query.groupName.toLowerCase(),
      );
      return json(
        200,
        {
          count: groups.length,
          value: groups.map((g) => ({ id: g.id, name: g.name, size: 0, isDefaultGroup: g.default })),
        },
        template,
      );
    }
    if (api === '_apis/runtime/runnerscalesets') {
      if (method === 'GET') {
        const found = [...this.scaleSets.values()].filter(
          (s) =>
            s.scope.toLowerCase() === admin.scope.toLowerCase() &&
            (query.name === undefined || s.name === query.name) &&
            (query.runnerGroupId === undefined || String(s.runnerGroupId) === query.runnerGroupId),
        );
        return json(200, { count: found.length, value: found.map((s) => this.scaleSetBody(s)) }, template);
      }
      if (method === 'POST') {
        const b = (body ?? {}) as {
          name?: unknown;
          runnerGroupId?: unknown;
          labels?: { name?: unknown; type?: unknown }[];
        };
        if (typeof b.name !== 'string' || !b.name)
          return exception(400, 'ArgumentException', 'name is required', template);
        const groupId = typeof b.runnerGroupId === 'number' && b.runnerGroupId > 0 ? b.runnerGroupId : 1;
        const group = this.github.runnerGroups.find((g) => g.id === groupId);
        if (!group)
          return exception(
            404,
            'RunnerGroupNotFoundException',
            `runner group ${groupId} not found`,
            template,
          );
        const labels = (b.labels ?? []).map((l) => String(l.name));
        if (labels.length === 0) return exception(400, 'ArgumentException', 'labels are required', template);
        const exists = [...this.scaleSets.values()].some(
          (s) =>
            s.scope.toLowerCase() === admin.scope.toLowerCase() &&
            s.runnerGroupId === groupId &&
            s.name === b.name,
        );
        if (exists)
          return exception(
            409,
            'RunnerScaleSetExistsException',
            `runner scale set ${b.name} already exists`,
            template,
          );
        const set: FakeScaleSet = {
          id: ++this.nextScaleSetId,
          name: b.name,
          runnerGroupId: groupId,
          runnerGroupName: group.name,
          labels,
          scope: admin.scope,
          createdOn: new Date(this.now()).toISOString(),
        };
        this.scaleSets.set(set.id, set);
        return json(200, this.scaleSetBody(set), template);
      }
    }
    const one = /^_apis\/runtime\/runnerscalesets\/(\d+)(\/.*)?$/.exec(api);
    if (one) {
      const set = this.scaleSets.get(Number(one[1]));
      if (!set || set.scope.toLowerCase() !== admin.scope.toLowerCase()) {
        return exception(
          404,
          'RunnerScaleSetNotFoundException',
          `runner scale set ${one[1]} not found`,
          template,
        );
      }
      const rest = one[2] ?? '';
      if (rest === '' && method === 'GET') return json(200, this.scaleSetBody(set), template);
      if (rest === '' && method === 'DELETE') {
        this.scaleSets.delete(set.id);
        this.sessions.delete(set.id);
        return json(204, undefined, template);
      }
      if (rest === '/sessions' && method === 'POST') {
        const held = this.sessions.get(set.id);
        if (
          held &&
          held.polling === 0 &&
          this.now() - held.lastSeen > (this.options.sessionIdleMs ?? 60_000)
        ) {
          this.sessions.delete(set.id);
        }
        if (this.sessions.has(set.id)) {
          this.counts.sessionConflicts++;
          return exception(
            409,
            'TaskAgentSessionConflictException',
            `The session for runner scale set ${set.name} is already in use by ${this.sessions.get(set.id)!.owner}`,
            template,
          );
        }
        const owner = String((body as { ownerName?: unknown } | undefined)?.ownerName ?? '');
        const session: FakeSession = {
          id: randomUUID(),
          scaleSetId: set.id,
          owner,
          queueToken: '',
          queueTokenExpiresAt: 0,
          lastSeen: this.now(),
          polling: 0,
        };
        this.newQueueToken(session);
        this.sessions.set(set.id, session);
        this.counts.sessionsCreated++;
        return json(200, this.sessionBody(session), template);
      }
      const sess = /^\/sessions\/([0-9a-f-]{36})$/.exec(rest);
      if (sess) {
        const session = this.sessions.get(set.id);
        if (!session || session.id !== sess[1]) {
          return exception(404, 'TaskAgentSessionExpiredException', `session ${sess[1]} not found`, template);
        }
        if (method === 'PATCH') {
          this.newQueueToken(session);
          this.counts.refreshes++;
          return json(200, this.sessionBody(session), template);
        }
        if (method === 'DELETE') {
          this.sessions.delete(set.id);
          this.wakeAll(set.id, 'restart');
          return json(204, undefined, template);
        }
      }
      if (rest === '/generatejitconfig' && method === 'POST') {
        const b = (body ?? {}) as { name?: unknown; workFolder?: unknown };
        if (typeof b.name !== 'string' || !b.name)
          return exception(400, 'ArgumentException', 'name is required', template);
        const name = b.name;
        const taken = [...this.github.runners.values()].some(
          (r) => r.scope.toLowerCase() === set.scope.toLowerCase() && r.name === name,
        );
        if (taken)
          return exception(
            409,
            'AgentExistsException',
            `A runner with the name ${name} already exists.`,
            template,
          );
        const runner = this.github.addRunner({
          name,
          // A scale set's runners show `self-hosted` and the scale set's labels in GitHub's runner list.
          labels: ['self-hosted', ...set.labels],
          scope: set.scope,
          runnerGroupId: set.runnerGroupId,
        });
        if (typeof b.workFolder === 'string') runner.workFolder = b.workFolder;
        this.scaleSetRunners.set(runner.id, set.id);
        return json(
          200,
          {
            runner: { id: runner.id, name: runner.name, runnerScaleSetId: set.id },
            encodedJITConfig: encodeFakeJitConfig({
              runnerId: runner.id,
              runnerName: runner.name,
              labels: runner.labels,
              runnerGroupId: runner.runnerGroupId,
              scope: set.scope,
              workFolder: runner.workFolder,
            }),
          },
          template,
        );
      }
    }
    const agents = /^_apis\/distributedtask\/pools\/0\/agents(?:\/(\d+))?$/.exec(api);
    if (agents) {
      const inScope = [...this.github.runners.values()].filter(
        (r) => r.scope.toLowerCase() === admin.scope.toLowerCase(),
      );
      const ref = (r: (typeof inScope)[number]) => ({
        id: r.id,
        name: r.name,
        runnerScaleSetId: this.scaleSetRunners.get(r.id) ?? 0,
      });
      if (!agents[1] && method === 'GET') {
        const found = inScope.filter((r) => query.agentName === undefined || r.name === query.agentName);
        return json(200, { count: found.length, value: found.map(ref) }, template);
      }
      const runner = inScope.find((r) => r.id === Number(agents[1]));
      if (!runner) return exception(404, 'AgentNotFoundException', `runner ${agents[1]} not found`, template);
      if (method === 'GET') return json(200, ref(runner), template);
      if (method === 'DELETE') {
        if (runner.busy)
          return exception(
            400,
            'JobStillRunningException',
            `runner ${runner.name} is running a job`,
            template,
          );
        this.github.runners.delete(runner.id);
        this.scaleSetRunners.delete(runner.id);
        return json(204, undefined, template);
      }
    }
    return json(404, { message: `no such Actions service route: ${method} ${api}` }, template);
  }

  private acquireJobs(scaleSetId: number, auth: string, body: unknown, route: string): FakeMountReply {
    const session = this.sessions.get(scaleSetId);
    const token = /^Bearer (\S+)$/.exec(auth)?.[1];
    if (!session || token !== session.queueToken || session.queueTokenExpiresAt <= this.now()) {
      return json(401, { message: 'the message queue token is invalid or expired' }, route);
    }
    session.lastSeen = this.now();
    if (!Array.isArray(body) || !body.every((x) => Number.isInteger(x))) {
      return exception(400, 'ArgumentException', 'body must be an array of runner request ids', route);
    }
    this.counts.acquires++;
    const acquired: number[] = [];
    const iso = new Date(this.now()).toISOString();
    for (const id of body as number[]) {
      const t = [...this.jobs.values()].find((j) => j.requestId === id && j.scaleSetId === scaleSetId);
      if (t?.state !== 'available') continue;
      t.state = 'acquired';
      t.assignTime = iso;
      acquired.push(id);
      const job = this.github.jobs.get(t.jobId)!;
      this.push(scaleSetId, this.base('JobAssigned', t, job));
    }
    return json(200, { count: acquired.length, value: acquired }, route);
  }

  private async handleQueue(
    method: string,
    scaleSetId: number,
    messageId: string | undefined,
    query: Record<string, string>,
    auth: string,
    closed: AbortSignal,
  ): Promise<FakeMountReply> {
    const route = `${method} _apis/runtime/runnerscalesets/{id}/messages${messageId ? '/{messageId}' : ''}`;
    if (this.now() < this.queueDownUntil)
      return json(503, { message: 'the message queue is restarting' }, route);
    const session = this.sessions.get(scaleSetId);
    if (!session || session.id !== query.sessionId) {
      return exception(
        404,
        'TaskAgentSessionExpiredException',
        `session ${query.sessionId} not found`,
        route,
      );
    }
    const token = /^Bearer (\S+)$/.exec(auth)?.[1];
    if (token !== session.queueToken || session.queueTokenExpiresAt <= this.now()) {
      return json(401, { message: 'the message queue token is invalid or expired' }, route);
    }
    session.lastSeen = this.now();
    const q = this.queue(scaleSetId);
    if (method === 'DELETE' && messageId) {
      const msg = q.messages.find((x) => x.id === Number(messageId));
      if (msg) msg.deleted = true;
      q.messages = q.messages.filter((x) => !x.deleted);
      this.counts.deletes++;
      return json(204, undefined, route);
    }
    if (method !== 'GET') return json(405, { message: 'method not allowed' }, route);
    this.counts.polls++;
    session.polling++;
    try {
      return await this.poll(q, session, scaleSetId, Number(query.lastMessageId ?? 0), closed, route);
    } finally {
      session.polling--;
      session.lastSeen = this.now();
    }
  }

  private async poll(
    q: { messages: QueueMessage[]; pending: Record<string, unknown>[] },
    session: FakeSession,
    scaleSetId: number,
    last: number,
    closed: AbortSignal,
    route: string,
  ): Promise<FakeMountReply> {
    const deadline = this.now() + (this.options.longPollMs ?? 1000);
    for (;;) {
      const ready = q.messages.find((x) => !x.deleted && x.id > last);
      if (ready) return this.messageReply(ready, route);
      if (q.pending.length > 0) {
        const batch = q.pending.splice(0);
        const msg: QueueMessage = {
          id: ++this.nextMessageId,
          body: batch,
          statistics: this.statistics(scaleSetId),
          deleted: false,
        };
        q.messages.push(msg);
        if (this.duplicate > 0) {
          this.duplicate--;
          q.pending.push(...batch);
        }
        return this.messageReply(msg, route);
      }
      const wait = deadline - this.now();
      if (wait <= 0 || closed.aborted) return json(202, undefined, route);
      const why = await new Promise<'message' | 'restart' | 'timeout'>((resolve) => {
        const w = { scaleSetId, wake: (r: 'message' | 'restart') => done(r) };
        const timer = setTimeout(() => done('timeout'), wait);
        const onClose = () => done('timeout');
        closed.addEventListener('abort', onClose, { once: true });
        const done = (r: 'message' | 'restart' | 'timeout') => {
          clearTimeout(timer);
          closed.removeEventListener('abort', onClose);
          this.waiters.delete(w);
          resolve(r);
        };
        this.waiters.add(w);
      });
      if (why === 'restart') {
        if (!this.sessions.has(scaleSetId) || this.sessions.get(scaleSetId)!.id !== session.id) {
          return exception(404, 'TaskAgentSessionExpiredException', `session ${session.id} not found`, route);
        }
        return json(503, { message: 'the message queue is restarting' }, route);
      }
      if (why === 'timeout') return json(202, undefined, route);
    }
  }

  private messageReply(msg: QueueMessage, route: string): FakeMountReply {
    return json(
      200,
      {
        messageId: msg.id,
        messageType: 'RunnerScaleSetJobMessages',
        body: JSON.stringify(msg.body),
        statistics: msg.statistics,
      },
      route,
    );
  }
}
