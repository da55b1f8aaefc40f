/**
 * A recording reverse proxy in front of the local test apiserver, on 127.0.0.1: the controller under test talks
 * plain HTTP to it with its ServiceAccount token, the proxy forwards each request over TLS unchanged (streams
 * included: watches) and records what was asked and what the apiserver answered. The RBAC e2e test turns the
 * records into (verb, API group, resource) triples, the way the apiserver's authorizer sees them.
 */
import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import { KubeConfig } from '@kubernetes/client-node';

export interface ApiCall {
  method: string;
  path: string;
  query: URLSearchParams;
  status: number;
}

/** What RBAC authorizes a request as (see k8s.io/apiserver's RequestInfoFactory). */
export interface Access {
  verb: string;
  group: string;
  resource: string;
  namespace?: string;
}

/** The RBAC view of one resource request; undefined for non-resource paths (/api, /apis, /version, …). */
export function accessOf(call: Pick<ApiCall, 'method' | 'path' | 'query'>): Access | undefined {
  const parts = call.path.split('/').filter(Boolean);
  let rest: string[];
  let group: string;
  if (parts[0] === 'api' && parts.length >= 3) {
    group = '';
    rest = parts.slice(2);
  } else if (parts[0] === 'apis' && parts.length >= 4) {
    group = parts[1]!;
    rest = parts.slice(3);
  } else {
    return undefined;
  }
  let namespace: string | undefined;
  if (rest[0] === 'namespaces' && rest.length >= 3) {
    namespace = rest[1];
    rest = rest.slice(2);
  }
  const [plural, name, sub] = rest;
  if (!plural) return undefined;
  const resource = sub ? `${plural}/${sub}` : plural;
  const watch = call.query.get('watch');
  let verb: string;
  switch (call.method) {
    case 'GET':
      verb = watch === 'true' || watch === '1' ? 'watch' : name ? 'get' : 'list';
      break;
    case 'POST':
      verb = 'create';
      break;
    case 'PUT':
      verb = 'update';
      break;
    case 'PATCH':
      verb = 'patch';
      break;
    case 'DELETE':
      verb = name ? 'delete' : 'deletecollection';
      break;
    default:
      verb = call.method.toLowerCase();
  }
  return { verb, group, resource, ...(namespace ? { namespace } : {}) };
}

export class RecordingProxy {
  readonly calls: ApiCall[] = [];
  private server: Server | undefined;
  private upstream!: URL;
  private ca: Buffer | undefined;
  port = 0;

  /** `admin` tells where the apiserver is and which CA it presents; no credentials of it are used. */
  async start(admin: KubeConfig): Promise<this> {
    const cluster = admin.getCurrentCluster();
    if (!cluster) throw new Error('kubeconfig has no cluster');
    this.upstream = new URL(cluster.server);
    if (this.upstream.hostname !== '127.0.0.1')
      throw new Error(`refusing a non-local apiserver: ${cluster.server}`);
    this.ca = cluster.caData
      ? Buffer.from(cluster.caData, 'base64')
      : cluster.caFile
        ? readFileSync(cluster.caFile)
        : undefined;
    this.server = createServer((req, res) => this.forward(req, res));
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.port = (this.server.address() as AddressInfo).port;
    return this;
  }

  /** A kubeconfig that reaches the apiserver through this proxy with a bearer token. */
  kubeConfig(token: string, user: string): KubeConfig {
    const kc = new KubeConfig();
    kc.loadFromOptions({
      clusters: [{ name: 'proxy', server: `http://127.0.0.1:${this.port}`, skipTLSVerify: true }],
      users: [{ name: user, token }],
      contexts: [{ name: 'proxy', cluster: 'proxy', user }],
      currentContext: 'proxy',
    });
    return kc;
  }

  private forward(req: IncomingMessage, res: ServerResponse): void {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const call: ApiCall = {
      method: req.method ?? 'GET',
      path: url.pathname,
      query: url.searchParams,
      status: 0,
    };
    this.calls.push(call);
    const headers = { ...req.headers, host: this.upstream.host };
    const upstream = https.request(
      {
        hostname: this.upstream.hostname,
        port: this.upstream.port,
        method: req.method,
        path: req.url,
        headers,
        ...(this.ca ? { ca: this.ca } : {}),
      },
      (up) => {
        call.status = up.statusCode ?? 0;
        res.writeHead(up.statusCode ?? 502, up.headers);
        // A watch may send no body for a long time; its client waits for the headers.
        res.flushHeaders();
        up.pipe(res);
      },
    );
    upstream.on('error', (err) => {
      call.status = 502;
      if (!res.headersSent) res.writeHead(502, { 'content-type': 'text/plain' });
      res.end(String(err));
    });
    res.on('close', () => upstream.destroy());
    req.pipe(upstream);
  }

  async stop(): Promise<void> {
    const server = this.server;
    if (!server) return;
    this.server = undefined;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}
