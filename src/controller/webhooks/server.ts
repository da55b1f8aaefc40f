/**
 * The webhook receiver on a port of its own (tests, or a deployment that keeps webhooks apart from the metrics and
 * health server), and where the webhook secret comes from.
 */
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createWebhookHandler, DEFAULT_WEBHOOK_PATH, type WebhookReceiverOptions } from './receiver.js';

export interface WebhookServer {
  /** e.g. `http://127.0.0.1:PORT/webhooks/github` */
  url: string;
  server: Server;
  close(): Promise<void>;
}

/**
 * A standalone server for the handler (tests, or a deployment that keeps webhooks on their own port).
 * Anything but the webhook path gets 404.
 */
export async function startWebhookServer(
  options: WebhookReceiverOptions & { host?: string; port?: number },
): Promise<WebhookServer> {
  const handler = createWebhookHandler(options);
  const server = createServer({ requestTimeout: 15_000, headersTimeout: 10_000 }, (req, res) => {
    handler(req, res)
      .then((handled) => {
        if (!handled) {
          res.writeHead(404);
          res.end();
        }
      })
      .catch(() => {
        if (!res.headersSent) res.writeHead(500);
        res.end();
      });
  });
  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, host, resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${host}:${port}${options.path ?? DEFAULT_WEBHOOK_PATH}`,
    server,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/**
 * The webhook secret: the file named by `AI_CI_WEBHOOK_SECRET_FILE` (a mounted Secret, preferred), else
 * `AI_CI_WEBHOOK_SECRET`. Errors name the variable or file, never the content.
 */
export function loadWebhookSecret(env: NodeJS.ProcessEnv = process.env): string {
  const file = env.AI_CI_WEBHOOK_SECRET_FILE;
  if (file) {
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code ?? 'unreadable';
      throw new Error(`webhook secret file ${file} (AI_CI_WEBHOOK_SECRET_FILE) cannot be read: ${code}`);
    }
    const secret = text.replace(/\r?\n$/, '');
    if (secret === '') throw new Error(`webhook secret file ${file} (AI_CI_WEBHOOK_SECRET_FILE) is empty`);
    return secret;
  }
  const secret = env.AI_CI_WEBHOOK_SECRET;
  if (secret) return secret;
  throw new Error('no webhook secret: set AI_CI_WEBHOOK_SECRET_FILE (a file) or AI_CI_WEBHOOK_SECRET');
}
