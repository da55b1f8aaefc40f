/**
 * Errors of the provider clients. Messages name the provider, the request path and what went wrong, and never
 * carry credentials: tokens travel only in headers, and response bodies are not quoted.
 */

export type ProviderErrorKind =
  /** No answer within the timeout. */
  | 'timeout'
  /** Connection refused/reset, DNS failure. */
  | 'network'
  /** An HTTP error status (after retries for 5xx). */
  | 'http'
  /** 401/403: bad or missing credentials. */
  | 'auth'
  /** 429 with a Retry-After longer than we are willing to wait, or retries used up. */
  | 'rate-limited'
  /** A 2xx answer that is not in the documented format. */
  | 'parse'
  /** The provider has no data for what was asked (time outside a trace, unknown region). */
  | 'unavailable'
  /** The source is not configured correctly (missing credentials, bad option). */
  | 'config';

export class ProviderError extends Error {
  override name = 'ProviderError';
  constructor(
    readonly provider: string,
    readonly kind: ProviderErrorKind,
    message: string,
    readonly status?: number,
    readonly retryAfterMs?: number,
  ) {
    super(`${provider}: ${message}`);
  }
}
