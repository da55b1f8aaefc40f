/**
 * The HTTP GET that every provider client uses: a per-attempt timeout (AbortSignal.timeout), retries with
 * exponential backoff on network errors, timeouts and 5xx, and 429 handling that honours Retry-After (seconds or an
 * HTTP date) up to a cap. Other 4xx answers are returned to the caller (401/403/404 mean different things per
 * provider). Built on Node's fetch; p-retry would cover the backoff but not Retry-After or the 4xx pass-through,
 * which are most of this file.
 */
import { ProviderError } from './errors.js';

export interface HttpOptions {
  /** Per-attempt timeout, ms (default 10 s). */
  timeoutMs?: number;
  /** Retries after the first attempt (default 2). */
  retries?: number;
  /** First backoff delay, doubled per retry (default 500 ms). */
  backoffMs?: number;
  /** The longest Retry-After we wait for; longer ones fail at once as `rate-limited` (default 60 s). */
  maxRetryAfterMs?: number;
  /** Injected for tests. */
  fetch?: typeof fetch;
  sleep?: (ms: number) => Promise<void>;
  /** Injected clock, used to turn an HTTP-date Retry-After into a delay. */
  clock?: () => number;
}

export interface HttpResponse {
  status: number;
  /** Parsed JSON body for 2xx answers; undefined otherwise. */
  body: unknown;
  headers: Headers;
}

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export class HttpClient {
  private readonly timeoutMs: number;
  private readonly retries: number;
  private readonly backoffMs: number;
  private readonly maxRetryAfterMs: number;
  private readonly fetchImpl: typeof fetch;
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly clock: () => number;

  constructor(
    readonly provider: string,
    options: HttpOptions = {},
  ) {
    this.timeoutMs = options.timeoutMs ?? 10_000;
    this.retries = options.retries ?? 2;
    this.backoffMs = options.backoffMs ?? 500;
    this.maxRetryAfterMs = options.maxRetryAfterMs ?? 60_000;
    this.fetchImpl = options.fetch ?? fetch;
    this.sleep = options.sleep ?? defaultSleep;
    this.clock = options.clock ?? Date.now;
  }

  /**
   * GETs `url` and parses a 2xx body as JSON. Returns non-2xx, non-5xx, non-429 answers as they are (body
   * undefined); throws ProviderError for timeouts, network errors, 5xx and 429 once retries are used up, and for
   * a 2xx body that is not JSON.
   */
  async get(url: URL, headers: Record<string, string> = {}): Promise<HttpResponse> {
    const what = `GET ${url.pathname}${url.search}`;
    let lastError = new ProviderError(this.provider, 'network', `${what}: failed`);
    for (let attempt = 0; attempt <= this.retries; attempt++) {
      if (attempt > 0) await this.sleep(this.nextDelay(lastError, attempt));
      let res: Response;
      try {
        res = await this.fetchImpl(url, {
          headers: { accept: 'application/json', ...headers },
          signal: AbortSignal.timeout(this.timeoutMs),
        });
      } catch (err) {
        lastError = toProviderError(this.provider, what, err, this.timeoutMs);
        continue;
      }
      if (res.status === 429) {
        await res.body?.cancel();
        const wait = parseRetryAfter(res.headers.get('retry-after'), this.clock());
        lastError = new ProviderError(
          this.provider,
          'rate-limited',
          `${what}: HTTP 429 (rate limited)`,
          429,
          wait,
        );
        if (wait !== undefined && wait > this.maxRetryAfterMs) throw lastError;
        continue;
      }
      if (res.status >= 500) {
        await res.body?.cancel();
        lastError = new ProviderError(this.provider, 'http', `${what}: HTTP ${res.status}`, res.status);
        continue;
      }
      if (res.status < 200 || res.status >= 300) {
        await res.body?.cancel();
        return { status: res.status, body: undefined, headers: res.headers };
      }
      let text: string;
      try {
        text = await res.text();
      } catch (err) {
        lastError = toProviderError(this.provider, what, err, this.timeoutMs);
        continue;
      }
      try {
        return { status: res.status, body: JSON.parse(text), headers: res.headers };
      } catch {
        throw new ProviderError(this.provider, 'parse', `${what}: response is not JSON`, res.status);
      }
    }
    throw lastError;
  }

  /** Retry-After when the server gave one, otherwise exponential backoff. */
  private nextDelay(lastError: ProviderError, attempt: number): number {
    return lastError.retryAfterMs ?? this.backoffMs * 2 ** (attempt - 1);
  }
}

/** Retry-After: delta-seconds or an HTTP-date (RFC 9110 §10.2.3); undefined when absent or unreadable. */
export function parseRetryAfter(value: string | null, now: number): number | undefined {
  if (value === null) return undefined;
  const v = value.trim();
  if (/^\d+$/.test(v)) return Number(v) * 1000;
  const date = Date.parse(v);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

function toProviderError(provider: string, what: string, err: unknown, timeoutMs: number): ProviderError {
  if (err instanceof ProviderError) return err;
  const e = err as { name?: string; cause?: { code?: string } };
  if (e?.name === 'TimeoutError' || e?.name === 'AbortError') {
    return new ProviderError(provider, 'timeout', `${what}: no answer within ${timeoutMs} ms`);
  }
  const code = e?.cause?.code ?? (err instanceof Error ? err.message : String(err));
  return new ProviderError(provider, 'network', `${what}: ${code}`);
}
