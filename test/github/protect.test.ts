/**
 * Branch protection as code: the file check (syntax and fields, named), and `ai-ci github protect` applying
 * examples/branch-protection.json through Octokit to the GitHub fake on 127.0.0.1 — the request body checked
 * against GitHub's documented request schema, the answer against the documented response schema — with the token
 * from GITHUB_TOKEN only, never echoed.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { PROTECTION_ROUTE, parseBranchProtection, protectBranch } from '../../src/github/protect.js';
import { GitHubFake } from '../fakes/github/fake.js';
import { RestSchemas } from '../fakes/github/openapi.js';
import { runCliCaptured } from '../support/cli.js';

const TOKEN = 'ghp_protectTestToken000000000000000000000';
const TEMPLATE = '/repos/{owner}/{repo}/branches/{branch}/protection';
const EXAMPLE = path.resolve(import.meta.dirname, '../../examples/branch-protection.json');
const exampleText = readFileSync(EXAMPLE, 'utf8');
let fake: GitHubFake;
const dir = mkdtempSync(path.join(tmpdir(), 'ai-ci-protect-'));

beforeAll(async () => {
  fake = await new GitHubFake({ tokens: [TOKEN], repositories: ['octo-org/app', 'octocat/solo'] }).start();
  fake.addBranch('octo-org/app', 'release/1.x');
});
afterAll(async () => {
  await fake.stop();
});
afterEach(() => {
  vi.unstubAllEnvs();
  vi.restoreAllMocks();
});

function file(name: string, text: string): string {
  const p = path.join(dir, name);
  writeFileSync(p, text);
  return p;
}

/** Runs the CLI in-process, capturing stdout and stderr. */
async function cli(args: string[]) {
  const r = await runCliCaptured(args);
  return { code: r.code, stdout: r.out, stderr: r.err };
}

describe('parseBranchProtection', () => {
  it('accepts the example, which GitHub’s request schema accepts too', () => {
    const body = parseBranchProtection(exampleText, 'branch-protection.json');
    expect(body.required_status_checks).toEqual({
      strict: true,
      contexts: ['ai-performance', 'ai-code-review'],
    });
    expect(RestSchemas.get().checkRequest('PUT', TEMPLATE, body)).toEqual({ valid: true, errors: '' });
  });

  it.each([
    ['{"enforce_admins": true,}', /x\.json:1:25: /],
    ['[1]', /must hold a JSON object/],
    [
      '{"required_status_checks": null, "enforce_admins": true, "required_pull_request_reviews": null}',
      /restrictions: is required by GitHub \(use null/,
    ],
    [
      '{"required_status_checks": {"contexts": ["a"]}, "enforce_admins": true, "required_pull_request_reviews": null, "restrictions": null}',
      /required_status_checks\.strict: is required/,
    ],
    [
      '{"required_status_checks": {"strict": true, "contexts": ["a", 3]}, "enforce_admins": true, "required_pull_request_reviews": null, "restrictions": null}',
      /required_status_checks\.contexts\[1\]: must be a non-empty string/,
    ],
    [
      '{"required_status_checks": null, "enforce_admins": "yes", "required_pull_request_reviews": null, "restrictions": null}',
      /enforce_admins: must be true or false/,
    ],
    [
      '{"required_status_checks": null, "enforce_admins": true, "required_pull_request_reviews": {"required_approving_review_count": 9}, "restrictions": null}',
      /required_approving_review_count: must be an integer from 0 to 6/,
    ],
    [
      '{"required_status_checks": null, "enforce_admins": true, "required_pull_request_reviews": null, "restrictions": null, "require_signatures": true}',
      /require_signatures: unknown field/,
    ],
  ])('rejects %s', (text, message) => {
    expect(() => parseBranchProtection(text, 'x.json')).toThrow(message);
  });
});

describe('protectBranch against the GitHub fake', () => {
  it('sends the body GitHub documents and returns the protection in force (GitHub’s response schema)', async () => {
    const body = parseBranchProtection(exampleText, 'example');
    const applied = await protectBranch({ owner: 'octo-org', repo: 'app', branch: 'main' }, body, {
      token: TOKEN,
      baseUrl: fake.url,
    });
    expect(applied.required_status_checks?.contexts).toEqual(['ai-performance', 'ai-code-review']);
    expect(applied.enforce_admins?.enabled).toBe(true);
    expect(fake.branchProtections.get('octo-org/app@main')).toEqual(body);
    const request = fake.requests.at(-1)!;
    expect(`${request.method} ${request.route}`).toBe(PROTECTION_ROUTE);
    expect(request.auth).toBe('token');
    expect(RestSchemas.get().check('PUT', TEMPLATE, 200, request.responseBody)).toEqual({
      valid: true,
      errors: '',
    });
  });

  it('reports GitHub’s refusals with status and route, never the token', async () => {
    const body = parseBranchProtection(exampleText, 'example');
    const failures = [
      [{ owner: 'octo-org', repo: 'nope', branch: 'main' }, 404, /no such repository or branch/],
      [{ owner: 'octo-org', repo: 'app', branch: 'gone' }, 404, /Branch not found/],
    ] as const;
    for (const [target, status, message] of failures) {
      const err = await protectBranch(target, body, { token: TOKEN, baseUrl: fake.url }).catch(
        (e: unknown) => e,
      );
      expect(err).toMatchObject({ status, route: PROTECTION_ROUTE });
      expect(String((err as Error).message)).toMatch(message);
      expect(String((err as Error).message)).not.toContain(TOKEN);
      const response = fake.requests.at(-1)!;
      expect(RestSchemas.get().check('PUT', TEMPLATE, status, response.responseBody).valid).toBe(true);
    }
    const wrongToken = await protectBranch({ owner: 'octo-org', repo: 'app', branch: 'main' }, body, {
      token: 'ghp_wrongwrongwrongwrongwrongwrongwrong00',
      baseUrl: fake.url,
    }).catch((e: unknown) => e);
    expect((wrongToken as { status: number }).status).toBe(401);
  });

  it('retries a server error, then succeeds', async () => {
    fake.failNext({ method: 'PUT', path: /\/protection$/, failure: 502 });
    const before = fake.requests.length;
    const applied = await protectBranch(
      { owner: 'octo-org', repo: 'app', branch: 'main' },
      parseBranchProtection(exampleText, 'example'),
      { token: TOKEN, baseUrl: fake.url },
    );
    expect(applied.url).toMatch(/\/repos\/octo-org\/app\/branches\/main\/protection$/);
    expect(fake.requests.slice(before).map((r) => r.status)).toEqual([502, 200]);
  });

  it('a body without a required key gets GitHub’s 422, as the file check would have said', async () => {
    const { restrictions: _r, ...partial } = parseBranchProtection(exampleText, 'example');
    const err = await protectBranch(
      { owner: 'octo-org', repo: 'app', branch: 'release/1.x' },
      partial as never,
      { token: TOKEN, baseUrl: fake.url },
    ).catch((e: unknown) => e);
    expect(err).toMatchObject({ status: 422 });
    expect(String((err as Error).message)).toMatch(/"restrictions" wasn't supplied/);
  });
});

describe('ai-ci github protect', () => {
  const args = (extra: string[] = []) => [
    'github',
    'protect',
    '--repo',
    'octo-org/app',
    '--branch',
    'release/1.x',
    '--file',
    EXAMPLE,
    '--api-url',
    fake.url,
    ...extra,
  ];

  it('applies examples/branch-protection.json with the token from GITHUB_TOKEN', async () => {
    vi.stubEnv('GITHUB_TOKEN', TOKEN);
    const r = await cli(args());
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('protected octo-org/app@release/1.x');
    expect(r.stdout).toContain(
      'required status checks: ai-performance, ai-code-review (branch must be up to date)',
    );
    expect(r.stdout).toContain('pull request reviews: 1 approving, stale approvals dismissed');
    expect(fake.branchProtections.get('octo-org/app@release/1.x')).toEqual(JSON.parse(exampleText));
    const json = await cli(args(['--json']));
    expect(JSON.parse(json.stdout).enforce_admins.enabled).toBe(true);
  });

  it('needs GITHUB_TOKEN (exit 2) and has no option to pass a token', async () => {
    vi.stubEnv('GITHUB_TOKEN', '');
    const r = await cli(args());
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/GITHUB_TOKEN is not set/);
    const withToken = await cli([...args(), '--token', TOKEN]);
    expect(withToken.code).toBe(2);
    expect(withToken.stderr).toMatch(/unknown option '--token'/);
    expect(withToken.stderr).not.toContain(TOKEN);
  });

  it('names the file and field of a bad file (exit 3), and checks without sending on --dry-run', async () => {
    vi.stubEnv('GITHUB_TOKEN', TOKEN);
    const before = fake.requests.length;
    const bad = file('bad.json', '{"required_status_checks": null, "enforce_admins": true}');
    const r = await cli(['github', 'protect', '--repo', 'octo-org/app', '--branch', 'main', '--file', bad]);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain(`${bad}: required_pull_request_reviews: is required by GitHub`);
    const dry = await cli([...args(), '--dry-run']);
    expect(dry.code).toBe(0);
    expect(dry.stdout).toContain('is valid; would protect octo-org/app@release/1.x');
    expect(fake.requests.length).toBe(before);
    const usage = await cli([
      'github',
      'protect',
      '--repo',
      'not-a-repo',
      '--branch',
      'main',
      '--file',
      EXAMPLE,
    ]);
    expect(usage.code).toBe(2);
  });

  it('reports a GitHub failure (exit 3) without the token', async () => {
    vi.stubEnv('GITHUB_TOKEN', TOKEN);
    const r = await cli([
      'github',
      'protect',
      '--repo',
      'octocat/missing',
      '--branch',
      'main',
      '--file',
      EXAMPLE,
      '--api-url',
      fake.url,
    ]);
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/failed with 404/);
    expect(r.stderr).not.toContain(TOKEN);
  });
});
