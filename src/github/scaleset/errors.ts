/**
 * Errors of the Actions service client. Like `actions/scaleset` errors.go, an error names the request (method and
 * path, never the query or a token), the HTTP status, the service's activity id and its exception `typeName`;
 * unlike it, the response body is never copied whole (only the exception's `typeName` and `message`).
 */

/** A request to the Actions service (or to the GitHub API on its behalf) failed. `status` 0: no response. */
export class ActionsServiceError extends Error {
  override readonly name: string = 'ActionsServiceError';
  constructor(
    message: string,
    readonly status: number,
    /** The service's exception name (errors.go `actionsExceptionError.typeName`), e.g. `AgentExistsException`. */
    readonly exception?: string,
    readonly activityId?: string,
  ) {
    super(message);
  }

  /** Whether the service raised an exception whose name contains `name` (errors.go matches by substring). */
  isException(name: string): boolean {
    return this.exception?.includes(name) ?? false;
  }
}

/** HTTP 401 from the message queue or `acquirejobs`: the session's queue token expired (errors.go
 *  `MessageQueueTokenExpiredError`); the session is refreshed and the call tried once more. */
export class MessageQueueTokenExpiredError extends ActionsServiceError {
  override readonly name = 'MessageQueueTokenExpiredError';
}

/** HTTP 409 on session creation: another listener holds the scale set's message session (ARC's listener
 *  retries this; cmd/ghalistener/listener/listener.go `createSession`, before the scaleset library). */
export function isSessionConflict(err: unknown): boolean {
  return err instanceof ActionsServiceError && err.status === 409;
}
