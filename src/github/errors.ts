/**
 * Typed errors of the GitHub side. Their messages name routes, ids and Secret keys, never credential values or
 * response bodies (a body could echo a token back).
 */

/** A GitHub API request failed with an HTTP status (after retries), or with no response (`status` 0). */
export class GitHubApiError extends Error {
  override readonly name: string = 'GitHubApiError';
  constructor(
    message: string,
    /** HTTP status; 0 when no response arrived. */
    readonly status: number,
    /** Octokit route template, e.g. `DELETE /orgs/{org}/actions/runners/{runner_id}`. */
    readonly route: string,
  ) {
    super(message);
  }
}

/** GitHub refused to delete a runner because it is running a job (HTTP 422). Retry after the job ends. */
export class RunnerBusyError extends GitHubApiError {
  override readonly name = 'RunnerBusyError';
  constructor(
    readonly runnerId: number,
    route: string,
  ) {
    super(`runner ${runnerId} is busy running a job; GitHub refused to remove it`, 422, route);
  }
}

/** The organization has no runner group with the name a RunnerPool asks for. */
export class RunnerGroupNotFoundError extends Error {
  override readonly name = 'RunnerGroupNotFoundError';
  constructor(
    readonly organization: string,
    readonly groupName: string,
  ) {
    super(`organization ${organization} has no runner group named "${groupName}"`);
  }
}

/** The credentials Secret is unusable. The message names keys, never values. */
export class CredentialsError extends Error {
  override readonly name = 'CredentialsError';
  constructor(
    message: string,
    /** The offending Secret keys. */
    readonly keys: string[],
  ) {
    super(message);
  }
}
