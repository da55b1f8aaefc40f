/**
 * A client of the GitHub Actions service's runner scale-set API: the protocol of ARC's `gha-runner-scale-set`
 * listener and of the `actions/scaleset` Go library (github.com/actions/scaleset client.go, session_client.go).
 *
 * Connection (client.go `updateTokenIfNeeded`): a runner registration token from the REST API
 * (`POST …/actions/runners/registration-token`, 201) is exchanged at `POST {api}/actions/runner-registration`
 * (`Authorization: RemoteAuth <token>`, body `{url, runner_event: "register"}`) for the Actions service URL and an
 * admin token (a JWT), renewed 60 s before its `exp`. Every service call then goes to
 * `{serviceUrl}/_apis/…?api-version=6.0-preview` with `Authorization: Bearer <admin token>`.
 *
 * Only the REST step needs the pool's GitHub credentials, through `registrationToken`; nothing here imports the
 * controller.
 *
 * Size: one client, one method per protocol call, each citing the Go source it follows; the shared token and retry
 * handling is why they are together.
 */
import type { RegistrationToken } from '../types.js';
import { ActionsServiceError, MessageQueueTokenExpiredError } from './errors.js';
import { MessageSession } from './session.js';
import type {
  ActionsServiceAdminConnection,
  JobMessage,
  ListEnvelope,
  RunnerGroup,
  RunnerReference,
  RunnerScaleSet,
  RunnerScaleSetJitRunnerConfig,
  RunnerScaleSetMessage,
  RunnerScaleSetMessageResponse,
  RunnerScaleSetSession,
} from './types.js';

/** client.go `scaleSetEndpoint` and `runnerEndpoint`. */
export const SCALE_SET_ENDPOINT = '_apis/runtime/runnerscalesets';
export const RUNNER_ENDPOINT = '_apis/distributedtask/pools/0/agents';
/** client.go `HeaderScaleSetMaxCapacity`: how many more runners the scale set can take (sent on every poll). */
export const HEADER_MAX_CAPACITY = 'X-ScaleSetMaxCapacity';
const API_VERSION = '6.0-preview';
/** client.go `updateTokenIfNeeded`: the admin token is renewed when it expires within a minute. */
const ADMIN_TOKEN_MARGIN_MS = 60_000;

export interface ActionsServiceResponseInfo {
  /** `METHOD path-template`, ids replaced, e.g. `POST _apis/runtime/runnerscalesets/{id}/acquirejobs`. */
  route: string;
  status: number;
  durationMs: number;
}

export interface ActionsServiceClientOptions {
  /** REST API base URL of the GitHub instance (`https://api.github.com`, `https://HOST/api/v3`, or a fake). */
  apiBaseUrl: string;
  /** The scope's GitHub URL sent to `runner-registration` (client.go: the config URL), e.g.
   *  `https://github.com/octo-org` or `https://github.com/octo-org/app`. */
  configUrl: string;
  /** Fetches a runner registration token of the scope (REST, with the pool's credentials). */
  registrationToken: () => Promise<RegistrationToken>;
  /** Retries of a failed request (network error, 429, 5xx but 501), as retryablehttp's default policy that
   *  common_client.go uses (default 4, its `retryMax`). */
  maxRetries?: number;
  /** First retry wait, doubled each time up to 30 s (retryablehttp: 1 s min, 30 s max). */
  retryBaseMs?: number;
  /** Client-side limit of a long poll; the service answers 202 after about 50 s without messages. */
  pollTimeoutMs?: number;
  userAgent?: string;
  now?: () => number;
  onResponse?: (info: ActionsServiceResponseInfo) => void;
}

/** The `exp` of a JWT, epoch ms (client.go `actionsServiceAdminTokenExpiresAt` parses it unverified too). */
export function jwtExpiry(token: string): number {
  const part = token.split('.')[1];
  if (!part) throw new ActionsServiceError('actions service admin token is not a JWT', 0);
  let claims: { exp?: unknown };
  try {
    claims = JSON.parse(Buffer.from(part, 'base64url').toString('utf8')) as { exp?: unknown };
  } catch {
    throw new ActionsServiceError('actions service admin token has an unreadable payload', 0);
  }
  if (typeof claims.exp !== 'number')
    throw new ActionsServiceError('actions service admin token has no exp', 0);
  return claims.exp * 1000;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function routeTemplate(method: string, url: URL): string {
  const path = url.pathname
    .replace(/^.*?(_apis\/)/, '$1')
    .replace(/\/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}(?=\/|$)/gi, '/{sessionId}')
    .replace(/\/\d+(?=\/|$)/g, '/{id}');
  return `${method} ${path}`;
}

/** Decodes a 200 answer of the message queue (client.go `parseRunnerScaleSetMessageResponse`). */
export function parseMessageResponse(raw: RunnerScaleSetMessageResponse): RunnerScaleSetMessage {
  if (raw.messageType !== 'RunnerScaleSetJobMessages') {
    throw new ActionsServiceError(`unsupported message type: ${raw.messageType}`, 200);
  }
  const out: RunnerScaleSetMessage = {
    messageId: raw.messageId,
    statistics: raw.statistics ?? null,
    jobAvailable: [],
    jobAssigned: [],
    jobStarted: [],
    jobCompleted: [],
  };
  let batch: unknown = [];
  if (raw.body) {
    try {
      batch = JSON.parse(raw.body);
    } catch {
      throw new ActionsServiceError(`message ${raw.messageId}: body is not a JSON array`, 200);
    }
  }
  if (!Array.isArray(batch))
    throw new ActionsServiceError(`message ${raw.messageId}: body is not an array`, 200);
  for (const m of batch as JobMessage[]) {
    // Unknown message types are skipped, as client.go does.
    if (m.messageType === 'JobAvailable') out.jobAvailable.push(m);
    else if (m.messageType === 'JobAssigned') out.jobAssigned.push(m);
    else if (m.messageType === 'JobStarted') out.jobStarted.push(m);
    else if (m.messageType === 'JobCompleted') out.jobCompleted.push(m);
  }
  return out;
}

/** One client per pool credential and scope. Calls are serialised per admin-token refresh only. */
export class ActionsServiceClient {
  private adminToken = '';
  private adminExpiresAt = 0;
  private serviceUrl = '';
  private refreshing: Promise<void> | undefined;
  private readonly now: () => number;

  constructor(readonly options: ActionsServiceClientOptions) {
    this.now = options.now ?? Date.now;
  }

  /** The Actions service URL, once connected (for tests and logs). */
  get actionsServiceUrl(): string {
    return this.serviceUrl;
  }

  /** Registration token → `actions/runner-registration` → service URL and admin token (when about to expire). */
  async connect(force = false): Promise<void> {
    if (!force && this.adminToken && this.now() + ADMIN_TOKEN_MARGIN_MS < this.adminExpiresAt) return;
    this.refreshing ??= this.refreshAdminToken().finally(() => {
      this.refreshing = undefined;
    });
    await this.refreshing;
  }

  private async refreshAdminToken(): Promise<void> {
    const rt = await this.options.registrationToken();
    const url = new URL(`${this.options.apiBaseUrl.replace(/\/+$/, '')}/actions/runner-registration`);
    const body = JSON.stringify({ url: this.options.configUrl, runner_event: 'register' });
    // client.go getActionsServiceAdminConnectionRequest: 401 and 403 are retried too (the registration token
    // may not have propagated yet).
    const res = await this.send('POST', url, `RemoteAuth ${rt.token}`, body, {
      retryStatuses: [401, 403],
    });
    if (res.status < 200 || res.status > 299) throw await this.failure('POST', url, res);
    const conn = (await res.json()) as ActionsServiceAdminConnection;
    if (!conn.url) throw new ActionsServiceError('actions service admin connection missing url', res.status);
    if (!conn.token)
      throw new ActionsServiceError('actions service admin connection missing token', res.status);
    this.adminExpiresAt = jwtExpiry(conn.token);
    this.serviceUrl = conn.url;
    this.adminToken = conn.token;
  }

  /** `{serviceUrl}/{path}` with `api-version=6.0-preview` unless set (client.go `newActionsServiceRequest`). */
  serviceRequestUrl(path: string, query: Record<string, string> = {}): URL {
    const base = this.serviceUrl.endsWith('/') ? this.serviceUrl : `${this.serviceUrl}/`;
    const url = new URL(path.replace(/^\/+/, ''), base);
    for (const [k, v] of Object.entries(query)) url.searchParams.set(k, v);
    if (!url.searchParams.has('api-version')) url.searchParams.set('api-version', API_VERSION);
    return url;
  }

  /** An admin-token call to the service; `bearer` overrides the token (acquirejobs uses the queue token). */
  async service<T>(
    method: string,
    path: string,
    options: { query?: Record<string, string>; body?: unknown; expect: number; bearer?: () => string },
  ): Promise<T | undefined> {
    await this.connect();
    const url = this.serviceRequestUrl(path, options.query);
    const body = options.body === undefined ? undefined : JSON.stringify(options.body);
    let res = await this.send(
      method,
      url,
      `Bearer ${options.bearer ? options.bearer() : this.adminToken}`,
      body,
    );
    if (res.status === 401 && !options.bearer) {
      // The admin token was refused before its exp (revoked, or the clock is off): connect again, once.
      await res.body?.cancel();
      await this.connect(true);
      res = await this.send(method, url, `Bearer ${this.adminToken}`, body);
    }
    if (res.status === 401 && options.bearer) {
      await res.body?.cancel();
      throw new MessageQueueTokenExpiredError(`${method} ${routeTemplate(method, url)}: HTTP 401`, 401);
    }
    if (res.status !== options.expect) throw await this.failure(method, url, res);
    if (res.status === 204 || res.status === 202) {
      await res.body?.cancel();
      return undefined;
    }
    return (await res.json()) as T;
  }

  /** GetRunnerScaleSet: the scale set of that name in the runner group, or undefined. */
  async getRunnerScaleSet(runnerGroupId: number, name: string): Promise<RunnerScaleSet | undefined> {
    const list = await this.service<ListEnvelope<RunnerScaleSet>>('GET', SCALE_SET_ENDPOINT, {
      query: { runnerGroupId: String(runnerGroupId), name },
      expect: 200,
    });
    if (!list || list.count === 0) return undefined;
    if (list.count > 1)
      throw new ActionsServiceError(`multiple runner scale sets found with name "${name}"`, 200);
    return list.value[0];
  }

  async getRunnerScaleSetById(id: number): Promise<RunnerScaleSet> {
    return (await this.service<RunnerScaleSet>('GET', `${SCALE_SET_ENDPOINT}/${id}`, { expect: 200 }))!;
  }

  /** GetRunnerGroupByName (`_apis/runtime/runnergroups/?groupName=`); throws when there is not exactly one. */
  async getRunnerGroupByName(name: string): Promise<RunnerGroup> {
    const list = await this.service<ListEnvelope<RunnerGroup>>('GET', '_apis/runtime/runnergroups/', {
      query: { groupName: name },
      expect: 200,
    });
    if (list?.count !== 1) {
      throw new ActionsServiceError(
        `${list?.count ? 'multiple runner groups' : 'no runner group'} found with name "${name}"`,
        200,
      );
    }
    return list.value[0]!;
  }

  /** CreateRunnerScaleSet; labels default to the name, label types to `System` (client.go `ensureLabels`). */
  async createRunnerScaleSet(scaleSet: RunnerScaleSet): Promise<RunnerScaleSet> {
    const labels = scaleSet.labels?.length
      ? scaleSet.labels
      : scaleSet.name
        ? [{ name: scaleSet.name, type: '' }]
        : [];
    if (labels.length === 0) throw new Error('runner scale set must have a name or at least one label');
    const body = { ...scaleSet, labels: labels.map((l) => ({ name: l.name, type: l.type || 'System' })) };
    return (await this.service<RunnerScaleSet>('POST', SCALE_SET_ENDPOINT, { body, expect: 200 }))!;
  }

  async deleteRunnerScaleSet(id: number): Promise<void> {
    await this.service('DELETE', `${SCALE_SET_ENDPOINT}/${id}`, { expect: 204 });
  }

  /** GenerateJitRunnerConfig: registers one ephemeral runner of the scale set. A taken name → 409
   *  `AgentExistsException` (an ActionsServiceError). */
  async generateJitConfig(
    scaleSetId: number,
    setting: { name: string; workFolder?: string },
  ): Promise<RunnerScaleSetJitRunnerConfig> {
    return (await this.service<RunnerScaleSetJitRunnerConfig>(
      'POST',
      `${SCALE_SET_ENDPOINT}/${scaleSetId}/generatejitconfig`,
      { body: { name: setting.name, workFolder: setting.workFolder ?? '_work' }, expect: 200 },
    ))!;
  }

  async getRunnerByName(name: string): Promise<RunnerReference | undefined> {
    const list = await this.service<ListEnvelope<RunnerReference>>('GET', RUNNER_ENDPOINT, {
      query: { agentName: name },
      expect: 200,
    });
    if (!list || list.count === 0) return undefined;
    if (list.count > 1) throw new ActionsServiceError(`multiple runners found with name "${name}"`, 200);
    return list.value[0];
  }

  async removeRunner(runnerId: number): Promise<void> {
    await this.service('DELETE', `${RUNNER_ENDPOINT}/${runnerId}`, { expect: 204 });
  }

  /** Creates the scale set's message session (one per scale set: a second one → 409, see isSessionConflict). */
  async createMessageSession(scaleSetId: number, owner: string): Promise<MessageSession> {
    const session = await this.createSession(scaleSetId, owner);
    return new MessageSession(this, scaleSetId, session);
  }

  /** @internal POST …/sessions (session_client.go `createMessageSession`). */
  async createSession(scaleSetId: number, owner: string): Promise<RunnerScaleSetSession> {
    return (await this.service<RunnerScaleSetSession>(
      'POST',
      `${SCALE_SET_ENDPOINT}/${scaleSetId}/sessions`,
      {
        body: { ownerName: owner },
        expect: 200,
      },
    ))!;
  }

  /** @internal A request to an absolute URL (the message queue), with the queue token; no retries (the caller's
   *  loop polls again), `signal` ends a long poll. */
  async queueRequest(
    method: 'GET' | 'DELETE',
    url: URL,
    token: string,
    headers: Record<string, string>,
    signal?: AbortSignal,
  ): Promise<Response> {
    return this.send(method, url, `Bearer ${token}`, undefined, {
      retries: 0,
      headers,
      ...(signal ? { signal } : {}),
    });
  }

  /** @internal An error for an unexpected answer: status, activity id, exception name and message. */
  async failure(method: string, url: URL, res: Response): Promise<ActionsServiceError> {
    let exception: string | undefined;
    let detail = '';
    try {
      const text = await res.text();
      if ((res.headers.get('content-type') ?? '').includes('json')) {
        const e = JSON.parse(text) as { typeName?: string; message?: string };
        exception = e.typeName;
        detail = e.typeName ? `${e.typeName}: ${e.message ?? ''}` : (e.message ?? '');
      } else {
        detail = text.slice(0, 200);
      }
    } catch {
      // no readable body
    }
    const activityId = res.headers.get('activityid') ?? undefined;
    return new ActionsServiceError(
      `${routeTemplate(method, url)} failed with HTTP ${res.status}${activityId ? ` (activity ${activityId})` : ''}${detail ? `: ${detail}` : ''}`,
      res.status,
      exception,
      activityId,
    );
  }

  private async send(
    method: string,
    url: URL,
    authorization: string,
    body: string | undefined,
    opts: {
      retries?: number;
      retryStatuses?: number[];
      headers?: Record<string, string>;
      signal?: AbortSignal;
    } = {},
  ): Promise<Response> {
    const retries = opts.retries ?? this.options.maxRetries ?? 4;
    const base = this.options.retryBaseMs ?? 1000;
    const route = routeTemplate(method, url);
    // Hand-written rather than a retry library: the policy is retryablehttp's (network errors, 429, 5xx but
    // 501, plus per-call statuses), and each attempt must be reported to onResponse.
    for (let attempt = 0; ; attempt++) {
      const started = performance.now();
      let res: Response | undefined;
      let error: unknown;
      try {
        res = await fetch(url, {
          method,
          headers: {
            authorization,
            'content-type': 'application/json',
            accept: `application/json; api-version=${API_VERSION}`,
            'user-agent': this.options.userAgent ?? 'ai-ci',
            ...opts.headers,
          },
          ...(body !== undefined ? { body } : {}),
          ...(opts.signal ? { signal: opts.signal } : {}),
        });
      } catch (err) {
        error = err;
      }
      this.options.onResponse?.({ route, status: res?.status ?? 0, durationMs: performance.now() - started });
      const retryable =
        res === undefined
          ? !opts.signal?.aborted
          : res.status === 429 ||
            (res.status >= 500 && res.status !== 501) ||
            (opts.retryStatuses ?? []).includes(res.status);
      if (!retryable || attempt >= retries) {
        if (res) return res;
        throw new ActionsServiceError(`${route} failed: ${(error as Error)?.message ?? String(error)}`, 0);
      }
      await res?.body?.cancel();
      await sleep(Math.min(30_000, base * 2 ** attempt));
    }
  }
}
