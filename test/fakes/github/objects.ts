/**
 * Builders of GitHub-shaped JSON objects for the GitHub API fake, field for field as GitHub's OpenAPI description
 * (`@octokit/openapi`) and webhook schemas (`@octokit/openapi-webhooks`) require them; test/fakes/github checks
 * every response and payload against those schemas, so a missing or mistyped field fails a test.
 */

export interface FakeRepo {
  id: number;
  owner: string;
  /** Account id of the owner. */
  ownerId: number;
  ownerType: 'Organization' | 'User';
  name: string;
  private: boolean;
  archived: boolean;
  createdAt: number;
  pushedAt: number;
}

export interface FakeRunner {
  id: number;
  name: string;
  labels: string[];
  runnerGroupId: number;
  /** `org` for organization runners, `owner/repo` for repository runners. */
  scope: string;
  status: 'online' | 'offline';
  busy: boolean;
  jobId?: number;
  workFolder: string;
}

export type FakeJobStatus = 'queued' | 'waiting' | 'in_progress' | 'completed';

export interface FakeJob {
  id: number;
  runId: number;
  /** `owner/repo`. */
  repository: string;
  name: string;
  workflowName: string;
  labels: string[];
  headBranch: string;
  headSha: string;
  status: FakeJobStatus;
  conclusion: string | null;
  createdAt: number;
  startedAt: number;
  completedAt: number | null;
  runnerId: number | null;
  runnerName: string | null;
  runnerGroupId: number | null;
  runnerGroupName: string | null;
}

export interface FakeRun {
  id: number;
  repository: string;
  workflowName: string;
  workflowId: number;
  runNumber: number;
  headBranch: string;
  headSha: string;
  status: 'queued' | 'in_progress' | 'completed';
  conclusion: string | null;
  createdAt: number;
  updatedAt: number;
}

export interface FakeRunnerGroup {
  id: number;
  name: string;
  default: boolean;
}

const iso = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
const nodeId = (prefix: string, id: number) => Buffer.from(`${prefix}${id}`).toString('base64');
const HTML = 'https://github.com';

/** `simple-user`: an account (user, organization or bot). */
export function simpleUser(
  api: string,
  login: string,
  id: number,
  type: 'User' | 'Organization' | 'Bot' = 'User',
) {
  const u = `${api}/users/${login}`;
  return {
    login,
    id,
    node_id: nodeId('U_', id),
    avatar_url: `${HTML}/avatars/u/${id}`,
    gravatar_id: '',
    url: u,
    html_url: `${HTML}/${login}`,
    followers_url: `${u}/followers`,
    following_url: `${u}/following{/other_user}`,
    gists_url: `${u}/gists{/gist_id}`,
    starred_url: `${u}/starred{/owner}{/repo}`,
    subscriptions_url: `${u}/subscriptions`,
    organizations_url: `${u}/orgs`,
    repos_url: `${u}/repos`,
    events_url: `${u}/events{/privacy}`,
    received_events_url: `${u}/received_events`,
    type,
    site_admin: false,
  };
}

/** The URL fields every repository representation shares (`minimal-repository`, `repository`, webhooks). */
function repoUrls(api: string, repo: FakeRepo) {
  const u = `${api}/repos/${repo.owner}/${repo.name}`;
  return {
    url: u,
    html_url: `${HTML}/${repo.owner}/${repo.name}`,
    archive_url: `${u}/{archive_format}{/ref}`,
    assignees_url: `${u}/assignees{/user}`,
    blobs_url: `${u}/git/blobs{/sha}`,
    branches_url: `${u}/branches{/branch}`,
    collaborators_url: `${u}/collaborators{/collaborator}`,
    comments_url: `${u}/comments{/number}`,
    commits_url: `${u}/commits{/sha}`,
    compare_url: `${u}/compare/{base}...{head}`,
    contents_url: `${u}/contents/{+path}`,
    contributors_url: `${u}/contributors`,
    deployments_url: `${u}/deployments`,
    downloads_url: `${u}/downloads`,
    events_url: `${u}/events`,
    forks_url: `${u}/forks`,
    git_commits_url: `${u}/git/commits{/sha}`,
    git_refs_url: `${u}/git/refs{/sha}`,
    git_tags_url: `${u}/git/tags{/sha}`,
    hooks_url: `${u}/hooks`,
    issue_comment_url: `${u}/issues/comments{/number}`,
    issue_events_url: `${u}/issues/events{/number}`,
    issues_url: `${u}/issues{/number}`,
    keys_url: `${u}/keys{/key_id}`,
    labels_url: `${u}/labels{/name}`,
    languages_url: `${u}/languages`,
    merges_url: `${u}/merges`,
    milestones_url: `${u}/milestones{/number}`,
    notifications_url: `${u}/notifications{?since,all,participating}`,
    pulls_url: `${u}/pulls{/number}`,
    releases_url: `${u}/releases{/id}`,
    stargazers_url: `${u}/stargazers`,
    statuses_url: `${u}/statuses/{sha}`,
    subscribers_url: `${u}/subscribers`,
    subscription_url: `${u}/subscription`,
    tags_url: `${u}/tags`,
    teams_url: `${u}/teams`,
    trees_url: `${u}/git/trees{/sha}`,
  };
}

/** `minimal-repository` (GET /orgs/{org}/repos, workflow runs). */
export function minimalRepository(api: string, repo: FakeRepo) {
  return {
    id: repo.id,
    node_id: nodeId('R_', repo.id),
    name: repo.name,
    full_name: `${repo.owner}/${repo.name}`,
    owner: simpleUser(api, repo.owner, repo.ownerId, repo.ownerType),
    private: repo.private,
    description: null,
    fork: false,
    ...repoUrls(api, repo),
    archived: repo.archived,
    disabled: false,
    visibility: repo.private ? 'private' : 'public',
    pushed_at: iso(repo.pushedAt),
    created_at: iso(repo.createdAt),
    updated_at: iso(repo.pushedAt),
  };
}

/** The scalar fields `repository` (REST) and `repository-webhooks` require beyond the minimal ones. */
function fullRepositoryFields(repo: FakeRepo) {
  return {
    clone_url: `${HTML}/${repo.owner}/${repo.name}.git`,
    git_url: `git://github.com/${repo.owner}/${repo.name}.git`,
    ssh_url: `git@github.com:${repo.owner}/${repo.name}.git`,
    svn_url: `${HTML}/${repo.owner}/${repo.name}`,
    mirror_url: null,
    homepage: null,
    language: null,
    default_branch: 'main',
    forks: 0,
    forks_count: 0,
    stargazers_count: 0,
    watchers: 0,
    watchers_count: 0,
    open_issues: 0,
    open_issues_count: 0,
    size: 0,
    has_issues: true,
    has_projects: true,
    has_wiki: true,
    has_pages: false,
    has_downloads: true,
    license: null,
  };
}

/** `repository` (GET /installation/repositories). */
export function repository(api: string, repo: FakeRepo) {
  return { ...minimalRepository(api, repo), ...fullRepositoryFields(repo) };
}

/** `repository-webhooks` (the `repository` of a webhook payload). */
export function webhookRepository(api: string, repo: FakeRepo) {
  return { ...minimalRepository(api, repo), ...fullRepositoryFields(repo) };
}

/** `organization-simple-webhooks`. */
export function webhookOrganization(api: string, login: string, id: number) {
  const u = `${api}/orgs/${login}`;
  return {
    login,
    id,
    node_id: nodeId('O_', id),
    url: u,
    repos_url: `${u}/repos`,
    events_url: `${u}/events`,
    hooks_url: `${u}/hooks`,
    issues_url: `${u}/issues`,
    members_url: `${u}/members{/member}`,
    public_members_url: `${u}/public_members{/member}`,
    avatar_url: `${HTML}/avatars/o/${id}`,
    description: null,
  };
}

/** `runner`: labels carry GitHub's label types (`self-hosted` is read-only, the rest custom). */
export function runner(r: FakeRunner) {
  return {
    id: r.id,
    runner_group_id: r.runnerGroupId,
    name: r.name,
    os: 'Linux',
    status: r.status,
    busy: r.busy,
    ephemeral: true,
    labels: r.labels.map((name, i) => ({
      id: r.id * 1000 + i + 1,
      name,
      type: name.toLowerCase() === 'self-hosted' ? 'read-only' : 'custom',
    })),
    version: r.status === 'online' ? '2.330.0' : null,
  };
}

/** `runner-groups-org`. */
export function runnerGroup(api: string, org: string, g: FakeRunnerGroup) {
  const u = `${api}/orgs/${org}/actions/runner-groups/${g.id}`;
  return {
    id: g.id,
    name: g.name,
    visibility: 'all',
    default: g.default,
    runners_url: `${u}/runners`,
    hosted_runners_url: `${u}/hosted-runners`,
    inherited: false,
    allows_public_repositories: false,
    restricted_to_workflows: false,
    selected_workflows: [],
    workflow_restrictions_read_only: false,
  };
}

/** `job` (REST). */
export function job(api: string, j: FakeJob) {
  const repoUrl = `${api}/repos/${j.repository}`;
  return {
    id: j.id,
    run_id: j.runId,
    run_url: `${repoUrl}/actions/runs/${j.runId}`,
    run_attempt: 1,
    node_id: nodeId('CR_', j.id),
    head_sha: j.headSha,
    url: `${repoUrl}/actions/jobs/${j.id}`,
    html_url: `${HTML}/${j.repository}/actions/runs/${j.runId}/job/${j.id}`,
    status: j.status,
    conclusion: j.conclusion,
    created_at: iso(j.createdAt),
    started_at: iso(j.startedAt),
    completed_at: j.completedAt === null ? null : iso(j.completedAt),
    name: j.name,
    steps: [],
    check_run_url: `${repoUrl}/check-runs/${j.id}`,
    labels: j.labels,
    runner_id: j.runnerId,
    runner_name: j.runnerName,
    runner_group_id: j.runnerGroupId,
    runner_group_name: j.runnerGroupName,
    workflow_name: j.workflowName,
    head_branch: j.headBranch,
  };
}

/** `workflow_job` of a webhook payload: the REST job's fields, with steps as GitHub sends them. */
export function webhookWorkflowJob(api: string, j: FakeJob) {
  return job(api, j);
}

/** `workflow-run`. */
export function workflowRun(api: string, run: FakeRun, repo: FakeRepo, actorId: number) {
  const u = `${api}/repos/${run.repository}/actions/runs/${run.id}`;
  const minimal = minimalRepository(api, repo);
  const actor = simpleUser(api, 'octocat', actorId);
  return {
    id: run.id,
    name: run.workflowName,
    node_id: nodeId('WFR_', run.id),
    check_suite_id: run.id + 1,
    check_suite_node_id: nodeId('CS_', run.id + 1),
    head_branch: run.headBranch,
    head_sha: run.headSha,
    path: '.github/workflows/ci.yml',
    run_number: run.runNumber,
    run_attempt: 1,
    event: 'push',
    status: run.status,
    conclusion: run.conclusion,
    workflow_id: run.workflowId,
    url: u,
    html_url: `${HTML}/${run.repository}/actions/runs/${run.id}`,
    pull_requests: [],
    created_at: iso(run.createdAt),
    updated_at: iso(run.updatedAt),
    actor,
    triggering_actor: actor,
    run_started_at: iso(run.createdAt),
    jobs_url: `${u}/jobs`,
    logs_url: `${u}/logs`,
    check_suite_url: `${api}/repos/${run.repository}/check-suites/${run.id + 1}`,
    artifacts_url: `${u}/artifacts`,
    cancel_url: `${u}/cancel`,
    rerun_url: `${u}/rerun`,
    previous_attempt_url: null,
    workflow_url: `${api}/repos/${run.repository}/actions/workflows/${run.workflowId}`,
    head_commit: {
      id: run.headSha,
      tree_id: run.headSha.split('').reverse().join(''),
      message: 'fake commit',
      timestamp: iso(run.createdAt),
      author: { name: 'Octo Cat', email: 'octocat@example.com' },
      committer: { name: 'Octo Cat', email: 'octocat@example.com' },
    },
    repository: minimal,
    head_repository: minimal,
    head_repository_id: repo.id,
    display_title: 'fake commit',
  };
}

export { iso as isoTime };
