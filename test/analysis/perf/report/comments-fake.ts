/**
 * A 127.0.0.1 fake of the GitHub issue-comment endpoints `ai-ci perf analyze --pr-comment` uses:
 *   GET   /repos/{owner}/{repo}/issues/{issue_number}/comments   (paginated with a Link header)
 *   POST  /repos/{owner}/{repo}/issues/{issue_number}/comments
 *   PATCH /repos/{owner}/{repo}/issues/comments/{comment_id}
 * Responses are `issue-comment` objects as GitHub's REST description defines them; the tests check each one
 * against that description.
 */
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { simpleUser } from '../../../fakes/github/objects.js';

export interface FakeComment {
  id: number;
  issue: number;
  body: string;
  login: string;
  created: number;
  updated: number;
}

export interface RecordedRequest {
  method: string;
  path: string;
  template: string;
  status: number;
  authorization: string | undefined;
  response: unknown;
}

export class CommentsFake {
  readonly comments: FakeComment[] = [];
  readonly requests: RecordedRequest[] = [];
  pageSize = 100;
  private server: Server | undefined;
  private nextId = 1000;
  private clock = Date.parse('2026-11-25T10:00:00Z');

  constructor(
    readonly owner: string,
    readonly repo: string,
    readonly token: string,
  ) {}

  get url(): string {
    const addr = this.server!.address() as AddressInfo;
    return `http://127.0.0.1:${addr.port}`;
  }

  add(issue: number, body: string, login = 'someone'): FakeComment {
    const c = { id: this.nextId++, issue, body, login, created: this.clock, updated: this.clock };
    this.clock += 1000;
    this.comments.push(c);
    return c;
  }

  async start(): Promise<void> {
    this.server = createServer((req, res) => {
      void this.handle(req).then(({ status, body, headers, template }) => {
        this.requests.push({
          method: req.method ?? '',
          path: req.url ?? '',
          template,
          status,
          authorization: req.headers.authorization,
          response: body,
        });
        res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
        res.end(JSON.stringify(body));
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => this.server?.close(() => resolve()));
  }

  /** GitHub percent-encodes a bot's login ("github-actions[bot]") in its URLs. */
  private user(login: string) {
    const bot = login.endsWith('[bot]');
    return {
      ...simpleUser(this.url, encodeURIComponent(login), bot ? 41898282 : 583231, bot ? 'Bot' : 'User'),
      login,
    };
  }

  private json(c: FakeComment) {
    const api = this.url;
    const repoUrl = `${api}/repos/${this.owner}/${this.repo}`;
    return {
      id: c.id,
      node_id: Buffer.from(`IC_${c.id}`).toString('base64'),
      url: `${repoUrl}/issues/comments/${c.id}`,
      html_url: `https://github.com/${this.owner}/${this.repo}/pull/${c.issue}#issuecomment-${c.id}`,
      body: c.body,
      user: this.user(c.login),
      created_at: new Date(c.created).toISOString().replace(/\.\d{3}Z$/, 'Z'),
      updated_at: new Date(c.updated).toISOString().replace(/\.\d{3}Z$/, 'Z'),
      issue_url: `${repoUrl}/issues/${c.issue}`,
      author_association: c.login === 'someone' ? 'CONTRIBUTOR' : 'NONE',
    };
  }

  private async handle(
    req: IncomingMessage,
  ): Promise<{ status: number; body: unknown; headers?: Record<string, string>; template: string }> {
    const url = new URL(req.url ?? '/', this.url);
    const notFound = {
      message: 'Not Found',
      documentation_url: 'https://docs.github.com/rest',
      status: '404',
    };
    if (
      req.headers.authorization !== `token ${this.token}` &&
      req.headers.authorization !== `Bearer ${this.token}`
    ) {
      return {
        status: 401,
        body: {
          message: 'Bad credentials',
          documentation_url: 'https://docs.github.com/rest',
          status: '401',
        },
        template: '',
      };
    }
    const prefix = `/repos/${this.owner}/${this.repo}/issues/`;
    if (!url.pathname.startsWith(prefix)) return { status: 404, body: notFound, template: '' };
    const rest = url.pathname.slice(prefix.length).split('/');
    const listTemplate = '/repos/{owner}/{repo}/issues/{issue_number}/comments';
    if (rest.length === 2 && rest[1] === 'comments' && /^\d+$/.test(rest[0]!)) {
      const issue = Number(rest[0]);
      if (req.method === 'GET') {
        const perPage = Math.min(Number(url.searchParams.get('per_page') ?? 30), this.pageSize);
        const page = Number(url.searchParams.get('page') ?? 1);
        const all = this.comments.filter((c) => c.issue === issue);
        const slice = all.slice((page - 1) * perPage, page * perPage);
        const headers: Record<string, string> = {};
        if (page * perPage < all.length) {
          const next = new URL(url);
          next.searchParams.set('page', String(page + 1));
          next.searchParams.set('per_page', String(perPage));
          headers.link = `<${next.toString()}>; rel="next"`;
        }
        return { status: 200, body: slice.map((c) => this.json(c)), headers, template: listTemplate };
      }
      if (req.method === 'POST') {
        const { body } = JSON.parse(await readBody(req)) as { body: string };
        const c = this.add(issue, body, 'github-actions[bot]');
        return {
          status: 201,
          body: this.json(c),
          headers: { location: this.json(c).url },
          template: listTemplate,
        };
      }
    }
    if (rest.length === 2 && rest[0] === 'comments' && /^\d+$/.test(rest[1]!) && req.method === 'PATCH') {
      const c = this.comments.find((x) => x.id === Number(rest[1]));
      if (!c)
        return {
          status: 404,
          body: notFound,
          template: '/repos/{owner}/{repo}/issues/comments/{comment_id}',
        };
      c.body = (JSON.parse(await readBody(req)) as { body: string }).body;
      c.updated = this.clock;
      this.clock += 1000;
      return {
        status: 200,
        body: this.json(c),
        template: '/repos/{owner}/{repo}/issues/comments/{comment_id}',
      };
    }
    return { status: 404, body: notFound, template: '' };
  }
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}
