/** The GitHub side of ai-ci: what the controller and the CLI import. */
export { createGitHubClient, DEFAULT_BASE_URL, DEFAULT_RUNNER_GROUP_ID } from './client.js';
export { credentialsFromSecret, redact, SECRET_KEYS } from './credentials.js';
export { CredentialsError, GitHubApiError, RunnerBusyError, RunnerGroupNotFoundError } from './errors.js';
export { jobStatus, toQueuedJob } from './jobs.js';
export { normalizeLabels, poolServesJob, runnerLabelsForPool, SELF_HOSTED } from './labels.js';
export { scopeFromSpec, scopeKey } from './scope.js';
export type * from './types.js';
