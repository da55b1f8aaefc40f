/**
 * The manager's HTTP servers besides the webhook receiver: /metrics (Prometheus text) and /healthz, /readyz, on
 * their own ports or, when both ports are the same non-zero number, on one.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Registry } from 'prom-client';

export interface ServersOptions {
  host: string;
  /** Port of /metrics (0: any free port); undefined: no metrics server. */
  metricsPort?: number;
  /** Port of /healthz and /readyz; undefined: none. */
  healthPort?: number;
  registry: Registry;
  /** Alive (healthz 200) unless the manager was killed. */
  alive: () => boolean;
  readiness: () => { ready: boolean; detail: string };
}

export interface RunningServers {
  ports: { metrics?: number; health?: number };
  close(): Promise<void>;
}

const text = (res: ServerResponse, status: number, body: string, type = 'text/plain; charset=utf-8') => {
  res.writeHead(status, { 'content-type': type });
  res.end(body);
};

export async function startServers(o: ServersOptions): Promise<RunningServers> {
  const routes = new Map<string, (res: ServerResponse) => Promise<void> | void>();
  if (o.healthPort !== undefined) {
    routes.set('/healthz', (res) => text(res, o.alive() ? 200 : 503, o.alive() ? 'ok\n' : 'stopped\n'));
    routes.set('/readyz', (res) => {
      const r = o.readiness();
      text(res, r.ready ? 200 : 503, `${r.detail}\n`);
    });
  }
  if (o.metricsPort !== undefined) {
    routes.set('/metrics', async (res) => text(res, 200, await o.registry.metrics(), o.registry.contentType));
  }
  const servers: Server[] = [];
  const listen = async (port: number, which: 'health' | 'metrics' | 'both') => {
    const server = createServer((req: IncomingMessage, res: ServerResponse) => {
      const path = new URL(req.url ?? '/', 'http://localhost').pathname;
      const route = routes.get(path);
      if (
        !route ||
        (which === 'health' && path === '/metrics') ||
        (which === 'metrics' && path !== '/metrics')
      ) {
        text(res, 404, 'not found\n');
        return;
      }
      Promise.resolve(route(res)).catch(() => text(res, 500, 'error\n'));
    });
    await new Promise<void>((resolve) => server.listen(port, o.host, resolve));
    servers.push(server);
    return (server.address() as AddressInfo).port;
  };
  const ports: RunningServers['ports'] = {};
  const { metricsPort, healthPort } = o;
  if (metricsPort !== undefined && metricsPort === healthPort && metricsPort !== 0) {
    const port = await listen(metricsPort, 'both');
    ports.metrics = port;
    ports.health = port;
  } else {
    if (metricsPort !== undefined) ports.metrics = await listen(metricsPort, 'metrics');
    if (healthPort !== undefined) ports.health = await listen(healthPort, 'health');
  }
  return {
    ports,
    async close() {
      await Promise.all(
        servers.map(
          (s) =>
            new Promise<void>((resolve) => {
              s.closeAllConnections();
              s.close(() => resolve());
            }),
        ),
      );
    },
  };
}
