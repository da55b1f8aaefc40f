/**
 * Branch protection as code: a JSON file holding the body of GitHub's
 * `PUT /repos/{owner}/{repo}/branches/{branch}/protection` (examples/branch-protection.json), checked before it
 * is sent (errors name the file, line and field, as GitHub's 422 would not), and applied with Octokit.
 * Used by `ai-ci github protect`. The token comes from the caller (the CLI reads GITHUB_TOKEN), never from a file.
 */
import { retry } from '@octokit/plugin-retry';
import { Octokit } from '@octokit/rest';
import { type ParseError, parse as parseJsonc, printParseErrorCode } from 'jsonc-parser';
import { redact } from './credentials.js';
import { GitHubApiError } from './errors.js';

export const PROTECTION_ROUTE = 'PUT /repos/{owner}/{repo}/branches/{branch}/protection';

/** The request body; the four `required` keys of GitHub's schema must be present (each may be null). */
export interface BranchProtectionRequest {
  required_status_checks: {
    strict: boolean;
    contexts?: string[];
    checks?: { context: string; app_id?: number }[];
  } | null;
  enforce_admins: boolean | null;
  required_pull_request_reviews: {
    dismiss_stale_reviews?: boolean;
    require_code_owner_reviews?: boolean;
    required_approving_review_count?: number;
    require_last_push_approval?: boolean;
    dismissal_restrictions?: { users?: string[]; teams?: string[]; apps?: string[] };
    bypass_pull_request_allowances?: { users?: string[]; teams?: string[]; apps?: string[] };
  } | null;
  restrictions: { users: string[]; teams: string[]; apps?: string[] } | null;
  required_linear_history?: boolean;
  allow_force_pushes?: boolean | null;
  allow_deletions?: boolean;
  block_creations?: boolean;
  required_conversation_resolution?: boolean;
  lock_branch?: boolean;
  allow_fork_syncing?: boolean;
}

export class BranchProtectionFileError extends Error {
  override readonly name = 'BranchProtectionFileError';
}

type Check = (value: unknown, path: string) => string | undefined;

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
const bool: Check = (v, p) => (typeof v === 'boolean' ? undefined : `${p}: must be true or false`);
const nullable =
  (inner: Check): Check =>
  (v, p) =>
    v === null ? undefined : inner(v, p);
const strings: Check = (v, p) => {
  if (!Array.isArray(v)) return `${p}: must be a list of strings`;
  const i = v.findIndex((x) => typeof x !== 'string' || x === '');
  return i < 0 ? undefined : `${p}[${i}]: must be a non-empty string`;
};
function object(fields: Record<string, Check>, required: string[] = []): Check {
  return (v, p) => {
    if (!isObject(v)) return `${p}: must be an object${p.includes('.') ? '' : ' or null'}`;
    for (const r of required) if (!(r in v)) return `${p}.${r}: is required`;
    for (const [k, value] of Object.entries(v)) {
      const check = fields[k];
      if (!check) return `${p}.${k}: unknown field (known: ${Object.keys(fields).join(', ')})`;
      const problem = check(value, `${p}.${k}`);
      if (problem) return problem;
    }
    return undefined;
  };
}
const actors = object({ users: strings, teams: strings, apps: strings });

/** GitHub's request schema for this operation (the fields it documents, with their types). */
const TOP_LEVEL: Record<string, Check> = {
  required_status_checks: nullable(
    object(
      {
        strict: bool,
        contexts: strings,
        checks: (v, p) => {
          if (!Array.isArray(v)) return `${p}: must be a list`;
          for (const [i, c] of v.entries()) {
            const problem = object(
              {
                context: (x, q) =>
                  typeof x === 'string' && x ? undefined : `${q}: must be a non-empty string`,
                app_id: (x, q) => (Number.isInteger(x) ? undefined : `${q}: must be an integer`),
              },
              ['context'],
            )(c, `${p}[${i}]`);
            if (problem) return problem;
          }
          return undefined;
        },
      },
      ['strict'],
    ),
  ),
  enforce_admins: nullable(bool),
  required_pull_request_reviews: nullable(
    object({
      dismiss_stale_reviews: bool,
      require_code_owner_reviews: bool,
      required_approving_review_count: (v, p) =>
        Number.isInteger(v) && (v as number) >= 0 && (v as number) <= 6
          ? undefined
          : `${p}: must be an integer from 0 to 6`,
      require_last_push_approval: bool,
      dismissal_restrictions: actors,
      bypass_pull_request_allowances: actors,
    }),
  ),
  restrictions: nullable(object({ users: strings, teams: strings, apps: strings }, ['users', 'teams'])),
  required_linear_history: bool,
  allow_force_pushes: nullable(bool),
  allow_deletions: bool,
  block_creations: bool,
  required_conversation_resolution: bool,
  lock_branch: bool,
  allow_fork_syncing: bool,
};
export const REQUIRED_KEYS = [
  'required_status_checks',
  'enforce_admins',
  'required_pull_request_reviews',
  'restrictions',
] as const;

function lineCol(text: string, offset: number): string {
  const before = text.slice(0, offset).split('\n');
  return `${before.length}:${before.at(-1)!.length + 1}`;
}

/**
 * Parses and checks a branch-protection file. Throws BranchProtectionFileError naming the file and the line
 * (syntax) or the field (content).
 */
export function parseBranchProtection(text: string, file: string): BranchProtectionRequest {
  const errors: ParseError[] = [];
  const value = parseJsonc(text, errors, { allowTrailingComma: false, disallowComments: true });
  if (errors.length > 0) {
    const e = errors[0]!;
    throw new BranchProtectionFileError(
      `${file}:${lineCol(text, e.offset)}: ${printParseErrorCode(e.error)}`,
    );
  }
  if (!isObject(value)) throw new BranchProtectionFileError(`${file}: must hold a JSON object`);
  for (const key of REQUIRED_KEYS) {
    if (!(key in value)) {
      throw new BranchProtectionFileError(
        `${file}: ${key}: is required by GitHub (use null to leave it off)`,
      );
    }
  }
  for (const [key, v] of Object.entries(value)) {
    const check = TOP_LEVEL[key];
    if (!check) {
      throw new BranchProtectionFileError(
        `${file}: ${key}: unknown field (known: ${Object.keys(TOP_LEVEL).join(', ')})`,
      );
    }
    const problem = check(v, key);
    if (problem) throw new BranchProtectionFileError(`${file}: ${problem}`);
  }
  return value as unknown as BranchProtectionRequest;
}

export interface ProtectTarget {
  owner: string;
  repo: string;
  branch: string;
}

export interface ProtectOptions {
  token: string;
  /** REST API base URL (default https://api.github.com; GHES: https://HOST/api/v3). */
  baseUrl?: string;
  /** Retries of 5xx and network failures (default 2). */
  retries?: number;
}

/** What GitHub answers: the protection now in force (the `protected-branch` schema, the fields we report). */
export interface ProtectedBranch {
  url: string;
  required_status_checks?: { strict?: boolean; contexts: string[]; checks: { context: string }[] };
  enforce_admins?: { enabled: boolean };
  required_pull_request_reviews?: {
    dismiss_stale_reviews?: boolean;
    required_approving_review_count?: number;
  };
  restrictions?: { users: unknown[]; teams: unknown[] };
}

const RetryingOctokit = Octokit.plugin(retry);

/** Applies the protection. Throws GitHubApiError (status, route; never the token) when GitHub refuses it. */
export async function protectBranch(
  target: ProtectTarget,
  protection: BranchProtectionRequest,
  options: ProtectOptions,
): Promise<ProtectedBranch> {
  const octokit = new RetryingOctokit({
    auth: options.token,
    baseUrl: options.baseUrl ?? 'https://api.github.com',
    userAgent: 'ai-ci',
    // Server errors and network failures are retried; GitHub's 4xx answers are final (plugin-retry's doNotRetry).
    retry: { retries: options.retries ?? 2 },
    log: { debug() {}, info() {}, warn() {}, error() {} },
  });
  try {
    // The route as a plain string: Octokit's generated types make `contexts` mandatory, GitHub does not (a body
    // may give `checks` instead); the body was checked by parseBranchProtection.
    const route: string = PROTECTION_ROUTE;
    const response = await octokit.request(route, {
      ...target,
      ...protection,
      headers: { 'x-github-api-version': '2022-11-28' },
    });
    return response.data as unknown as ProtectedBranch;
  } catch (err) {
    const e = err as { status?: number; response?: { data?: { message?: string } } };
    const status = typeof e.status === 'number' ? e.status : 0;
    const where = `${target.owner}/${target.repo}@${target.branch}`;
    const detail = e.response?.data?.message ?? (err instanceof Error ? err.message : String(err));
    const hint =
      status === 404
        ? ' (no such repository or branch, or the token may not administer it)'
        : status === 403
          ? ' (the token needs repository administration: write)'
          : '';
    throw new GitHubApiError(
      `${PROTECTION_ROUTE} for ${where} failed with ${status || 'no response'}: ${redact(detail, [options.token])}${hint}`,
      status,
      PROTECTION_ROUTE,
    );
  }
}

/** One line per rule now in force, for people. */
export function describeProtection(p: ProtectedBranch): string[] {
  const lines: string[] = [];
  const checks = p.required_status_checks;
  if (checks) {
    const names = checks.checks?.length ? checks.checks.map((c) => c.context) : checks.contexts;
    lines.push(
      `required status checks: ${names.length ? names.join(', ') : '(none)'}${checks.strict ? ' (branch must be up to date)' : ''}`,
    );
  } else {
    lines.push('required status checks: off');
  }
  const reviews = p.required_pull_request_reviews;
  lines.push(
    reviews
      ? `pull request reviews: ${reviews.required_approving_review_count ?? 0} approving${reviews.dismiss_stale_reviews ? ', stale approvals dismissed' : ''}`
      : 'pull request reviews: off',
  );
  lines.push(`rules apply to administrators: ${p.enforce_admins?.enabled ? 'yes' : 'no'}`);
  lines.push(`push restrictions: ${p.restrictions ? 'on' : 'off'}`);
  return lines;
}
