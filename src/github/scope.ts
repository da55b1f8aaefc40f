import type { GitHubScope } from './types.js';

/** GitHub login / repository name characters; anything else would change the URL path we build. */
const NAME = /^[A-Za-z0-9](?:[A-Za-z0-9._-]{0,99})$/;

/**
 * Turns a RunnerPool's `spec.github` (exactly one of `organization` or `repository: "owner/repo"`) into a scope.
 * Throws an Error naming the bad field.
 */
export function scopeFromSpec(github: { organization?: string; repository?: string }): GitHubScope {
  const { organization, repository } = github;
  if (organization && repository) {
    throw new Error('spec.github: set exactly one of organization or repository, not both');
  }
  if (organization) {
    if (!NAME.test(organization)) {
      throw new Error(`spec.github.organization: "${organization}" is not a valid GitHub organization login`);
    }
    return { kind: 'organization', organization };
  }
  if (repository) {
    const parts = repository.split('/');
    const [owner, repo] = parts;
    if (parts.length !== 2 || !owner || !repo || !NAME.test(owner) || !NAME.test(repo)) {
      throw new Error(`spec.github.repository: "${repository}" is not of the form owner/repo`);
    }
    return { kind: 'repository', owner, repo };
  }
  throw new Error('spec.github: set one of organization or repository');
}

/** `org` or `owner/repo`, for logs, events and map keys. */
export function scopeKey(scope: GitHubScope): string {
  return scope.kind === 'organization' ? scope.organization : `${scope.owner}/${scope.repo}`;
}
