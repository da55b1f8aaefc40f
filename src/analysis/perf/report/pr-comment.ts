import { Octokit } from '@octokit/rest';
import { COMMENT_MARKER } from './summary.js';

export interface PrCommentTarget {
  token: string;
  /** "owner/repo" */
  repository: string;
  pullNumber: number;
  /** GitHub REST API root (GITHUB_API_URL on GitHub Enterprise); default https://api.github.com. */
  apiUrl?: string;
}

/**
 * Posts the report as a PR comment, or updates ai-ci's earlier comment (found by its hidden marker) so each
 * push does not add another. Uses two endpoints: list issue comments, then create or update one.
 */
export async function upsertPrComment(
  target: PrCommentTarget,
  body: string,
): Promise<{ action: 'created' | 'updated'; id: number; url: string }> {
  const [owner, repo] = target.repository.split('/');
  if (!owner || !repo) throw new Error(`repository must be "owner/repo", got "${target.repository}"`);
  const octokit = new Octokit({
    auth: target.token,
    userAgent: 'ai-ci-perf',
    // The caller reports a failure once, with GitHub's message; Octokit's own request log would repeat it.
    log: { debug: () => {}, info: () => {}, warn: () => {}, error: () => {} },
    ...(target.apiUrl ? { baseUrl: target.apiUrl.replace(/\/$/, '') } : {}),
  });
  const text = body.includes(COMMENT_MARKER) ? body : `${COMMENT_MARKER}\n${body}`;
  const comments = await octokit.paginate(octokit.rest.issues.listComments, {
    owner,
    repo,
    issue_number: target.pullNumber,
    per_page: 100,
  });
  const mine = comments.find((c) => c.body?.includes(COMMENT_MARKER));
  if (mine) {
    const res = await octokit.rest.issues.updateComment({ owner, repo, comment_id: mine.id, body: text });
    return { action: 'updated', id: res.data.id, url: res.data.html_url };
  }
  const res = await octokit.rest.issues.createComment({
    owner,
    repo,
    issue_number: target.pullNumber,
    body: text,
  });
  return { action: 'created', id: res.data.id, url: res.data.html_url };
}
