/**
 * The GitHub webhook receiver: the demand input of the RunnerPool controller. It verifies X-Hub-Signature-256
 * (HMAC-SHA256 of the RAW body, via @octokit/webhooks), acts once per X-GitHub-Delivery, answers GitHub before any
 * work (GitHub gives a delivery 10 s), and hands verified `workflow_job` events to `onJob`.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { Webhooks } from '@octokit/webhooks';
import type { GitHubJobFields } from '../../github/jobs.js';
import { toQueuedJob } from '../../github/jobs.js';
import type { GitHubLogger, WorkflowJobAction, WorkflowJobEvent } from '../../github/types.js';

export const DEFAULT_WEBHOOK_PATH = '/webhooks/github';
/** workflow_job payloads are 5–30 KB; GitHub caps any payload at 25 MB. 1 MiB leaves room without inviting abuse. */
export const DEFAULT_MAX_BODY_BYTES = 1024 * 1024;
/** GitHub's redeliveries (manual or automatic) reuse the delivery id within days; keep ids a day by default. */
const DEFAULT_DEDUP_TTL_MS = 24 * 3_600_000;
const DEFAULT_DEDUP_MAX = 50_000;

/** How a delivery ended, for the `ai_ci_webhook_deliveries_total{result}` metric. */
export type DeliveryResult = 'accepted' | 'duplicate' | 'invalid_signature' | 'ignored' | 'error';

export interface DeliveryInfo {
  result: DeliveryResult;
  /** HTTP status answered. */
  status: number;
  /** X-GitHub-Event, when sent. */
  event?: string;
  action?: string;
  deliveryId?: string;
  /** Why, for `error` and `ignored` (no payload content). */
  reason?: string;
}

export interface WebhookReceiverOptions {
  /** The webhook secret configured on GitHub. Never logged. */
  secret: string;
  /** Called once per accepted delivery, after GitHub got its answer. May be async; failures are logged. */
  onJob: (event: WorkflowJobEvent) => void | Promise<void>;
  /** Called once per delivery with its result (metrics). Must not throw. */
  onDelivery?: (info: DeliveryInfo) => void;
  /** URL path served (default `/webhooks/github`). */
  path?: string;
  maxBodyBytes?: number;
  /** Delivery-id memory: at most `max` ids (default 50,000), each for `ttlMs` (default 24 h). */
  dedup?: { max?: number; ttlMs?: number };
  logger?: GitHubLogger;
}

/** A handler for a node:http server. Resolves false when the request is not for the webhook path. */
export type WebhookHandler = (req: IncomingMessage, res: ServerResponse) => Promise<boolean>;

const ACTIONS = new Set<WorkflowJobAction>(['queued', 'waiting', 'in_progress', 'completed']);

class BodyTooLarge extends Error {}

/**
 * Delivery ids seen: at most `max`, each for `ttlMs`. Hand-written instead of lru-cache because lru-cache
 * allocates its arrays for `max` entries up front (about 1.8 MiB for 50,000 ids, in every controller replica,
 * however few deliveries arrive), while this grows with use. Every id lives equally long and a re-added id moves
 * to the end, so insertion order is both the eviction and the expiry order.
 */
export class DeliveryIds {
  private readonly ids = new Map<string, number>();
  constructor(
    private readonly max: number,
    private readonly ttlMs: number,
    private readonly now: () => number = () => performance.now(),
  ) {}

  has(id: string): boolean {
    const at = this.ids.get(id);
    return at !== undefined && this.now() - at < this.ttlMs;
  }

  set(id: string): void {
    const now = this.now();
    this.ids.delete(id); // re-added: moves to the end
    for (const [oldest, at] of this.ids) {
      if (this.ids.size < this.max && now - at < this.ttlMs) break;
      this.ids.delete(oldest);
    }
    this.ids.set(id, now);
  }

  get size(): number {
    return this.ids.size;
  }
}

function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let done = false;
    req.on('data', (chunk: Buffer) => {
      if (done) return;
      size += chunk.length;
      if (size > limit) {
        done = true;
        reject(new BodyTooLarge());
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => {
      if (!done) {
        done = true;
        resolve(Buffer.concat(chunks));
      }
    });
    req.on('error', (error) => {
      if (!done) {
        done = true;
        reject(error);
      }
    });
  });
}

function header(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

export function createWebhookHandler(options: WebhookReceiverOptions): WebhookHandler {
  if (!options.secret) throw new Error('webhook receiver: the webhook secret is empty');
  const path = options.path ?? DEFAULT_WEBHOOK_PATH;
  const maxBody = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  const log = options.logger;
  const webhooks = new Webhooks({ secret: options.secret });
  const seen = new DeliveryIds(
    options.dedup?.max ?? DEFAULT_DEDUP_MAX,
    options.dedup?.ttlMs ?? DEFAULT_DEDUP_TTL_MS,
  );

  const finish = (res: ServerResponse, info: DeliveryInfo, body?: unknown) => {
    if (!res.headersSent) {
      const text = JSON.stringify(
        body ?? { result: info.result, ...(info.reason ? { reason: info.reason } : {}) },
      );
      res.writeHead(info.status, {
        'content-type': 'application/json',
        'content-length': Buffer.byteLength(text),
      });
      res.end(text);
    }
    try {
      options.onDelivery?.(info);
    } catch {
      // metrics must not break deliveries
    }
    if (info.result === 'error' || info.result === 'invalid_signature') {
      log?.warn('webhook delivery rejected', { ...info });
    } else {
      log?.debug('webhook delivery', { ...info });
    }
  };

  return async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (url.pathname !== path) return false;
    if (req.method !== 'POST') {
      res.writeHead(405, { allow: 'POST' });
      res.end();
      return true;
    }
    const event = header(req, 'x-github-event');
    const deliveryId = header(req, 'x-github-delivery');
    const signature = header(req, 'x-hub-signature-256');
    const base = { ...(event ? { event } : {}), ...(deliveryId ? { deliveryId } : {}) };

    const declared = Number(header(req, 'content-length') ?? 0);
    if (declared > maxBody) {
      finish(res, { ...base, result: 'error', status: 413, reason: `body over ${maxBody} bytes` });
      req.resume();
      return true;
    }
    let raw: string;
    try {
      raw = (await readBody(req, maxBody)).toString('utf8');
    } catch (error) {
      if (error instanceof BodyTooLarge) {
        res.setHeader('connection', 'close');
        finish(res, { ...base, result: 'error', status: 413, reason: `body over ${maxBody} bytes` });
        req.resume();
      } else {
        finish(res, { ...base, result: 'error', status: 400, reason: 'request body could not be read' });
      }
      return true;
    }

    if (!signature) {
      finish(res, {
        ...base,
        result: 'invalid_signature',
        status: 401,
        reason: 'X-Hub-Signature-256 missing',
      });
      return true;
    }
    let valid = false;
    try {
      // Against the raw body string: re-serialised JSON would not match GitHub's bytes.
      valid = await webhooks.verify(raw, signature);
    } catch {
      valid = false;
    }
    if (!valid) {
      finish(res, { ...base, result: 'invalid_signature', status: 401, reason: 'signature does not match' });
      return true;
    }
    if (!event || !deliveryId) {
      finish(res, {
        ...base,
        result: 'error',
        status: 400,
        reason: 'X-GitHub-Event or X-GitHub-Delivery missing',
      });
      return true;
    }
    // Checked and recorded with no await in between, so two copies arriving together still act once.
    if (seen.has(deliveryId)) {
      finish(res, { ...base, result: 'duplicate', status: 200 });
      return true;
    }
    if (event === 'ping') {
      seen.set(deliveryId);
      finish(res, { ...base, result: 'ignored', status: 200, reason: 'ping' });
      return true;
    }
    if (event !== 'workflow_job') {
      seen.set(deliveryId);
      finish(res, { ...base, result: 'ignored', status: 202, reason: `event ${event} is not used` });
      return true;
    }
    if (!/^application\/json\b/i.test(header(req, 'content-type') ?? '')) {
      finish(res, {
        ...base,
        result: 'error',
        status: 415,
        reason: 'set the webhook content type to application/json',
      });
      return true;
    }
    let payload: unknown;
    try {
      payload = JSON.parse(raw);
    } catch {
      finish(res, { ...base, result: 'error', status: 400, reason: 'body is not valid JSON' });
      return true;
    }
    const parsed = parseWorkflowJob(payload, deliveryId);
    if (typeof parsed === 'string') {
      const ignored = parsed.startsWith('action ');
      if (ignored) seen.set(deliveryId);
      finish(res, {
        ...base,
        result: ignored ? 'ignored' : 'error',
        status: ignored ? 202 : 400,
        reason: parsed,
      });
      return true;
    }
    seen.set(deliveryId);
    finish(res, { ...base, action: parsed.action, result: 'accepted', status: 202 });
    // After the answer is on its way: GitHub never waits on the controller.
    setImmediate(() => {
      Promise.resolve()
        .then(() => options.onJob(parsed))
        .catch((error: unknown) => {
          log?.error('webhook onJob handler failed', {
            deliveryId,
            jobId: parsed.job.id,
            error: error instanceof Error ? error.message : String(error),
          });
        });
    });
    return true;
  };
}

/** The event, or a reason string: `action …` (ignored) or a malformed-payload reason (error). */
function parseWorkflowJob(payload: unknown, deliveryId: string): WorkflowJobEvent | string {
  if (!payload || typeof payload !== 'object') return 'payload is not an object';
  const p = payload as {
    action?: unknown;
    workflow_job?: Partial<GitHubJobFields> | null;
    repository?: { full_name?: unknown } | null;
    installation?: { id?: unknown } | null;
    organization?: { login?: unknown } | null;
  };
  if (typeof p.action !== 'string') return 'payload has no action';
  if (!ACTIONS.has(p.action as WorkflowJobAction)) return `action ${p.action} is not used`;
  const job = p.workflow_job;
  if (!job || typeof job.id !== 'number' || typeof job.run_id !== 'number') {
    return 'workflow_job.id or workflow_job.run_id missing';
  }
  if (!Array.isArray(job.labels) || !job.labels.every((l) => typeof l === 'string')) {
    return 'workflow_job.labels missing';
  }
  if (typeof p.repository?.full_name !== 'string') return 'repository.full_name missing';
  const event: WorkflowJobEvent = {
    action: p.action as WorkflowJobAction,
    deliveryId,
    job: toQueuedJob(job as GitHubJobFields, p.repository.full_name),
  };
  if (typeof p.installation?.id === 'number') event.installationId = p.installation.id;
  if (typeof p.organization?.login === 'string') event.organization = p.organization.login;
  return event;
}
