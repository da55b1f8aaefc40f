#!/usr/bin/env node
/**
 * The controller process: `node dist/controller/main.js [options]`. Every option also reads an environment
 * variable (the Helm chart sets those); flags win. SIGTERM/SIGINT stop it gracefully.
 */
import { readFileSync } from 'node:fs';
import { KubeConfig } from '@kubernetes/client-node';
import { Command, InvalidArgumentError } from 'commander';
import type { Logger } from '../kube/informer.js';
import { tracingConfigFromEnv } from '../telemetry/index.js';
import {
  type CarbonOptions,
  carbonOptionsFrom,
  registerCarbonOptions,
  withCarbonPolicies,
} from './carbonpolicy/wiring.js';
import { durationFlag as duration } from './flags.js';
import type { ManagerOptions } from './manager.js';

function port(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 65535)
    throw new InvalidArgumentError(`"${value}" is not a port number`);
  return n;
}

function positive(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError(`"${value}" is not a positive integer`);
  return n;
}

/** JSON lines on stderr; fields never carry credentials (callers pass names and ids only). */
export function jsonLogger(level: 'debug' | 'info' | 'warn' | 'error' = 'info'): Logger {
  const order = { debug: 0, info: 1, warn: 2, error: 3 } as const;
  const write = (l: keyof typeof order) => (message: string, fields?: Record<string, unknown>) => {
    if (order[l] < order[level]) return;
    process.stderr.write(
      `${JSON.stringify({ time: new Date().toISOString(), level: l, message, ...fields })}\n`,
    );
  };
  return { debug: write('debug'), info: write('info'), warn: write('warn'), error: write('error') };
}

export function buildControllerProgram(
  run: (options: ManagerOptions, carbon?: CarbonOptions) => Promise<void>,
): Command {
  const env = process.env;
  return registerCarbonOptions(new Command('ai-ci-controller'), env)
    .description('ai-ci controller: RunnerPool (and CarbonPolicy) reconcilers, GitHub webhook receiver')
    .option(
      '--kubeconfig <file>',
      'kubeconfig file (default: in-cluster, else $KUBECONFIG / ~/.kube/config)',
      env.KUBECONFIG,
    )
    .option(
      '--namespaces <list>',
      'comma-separated namespaces to watch (default: all)',
      env.AI_CI_NAMESPACES ?? '',
    )
    .option(
      '--webhook-port <port>',
      'GitHub webhook receiver port',
      port,
      Number(env.AI_CI_WEBHOOK_PORT ?? 9443),
    )
    .option(
      '--webhook-secret-file <file>',
      'file holding the webhook secret (else $AI_CI_WEBHOOK_SECRET); no secret: webhooks off, resync only',
      env.AI_CI_WEBHOOK_SECRET_FILE,
    )
    .option('--metrics-port <port>', 'Prometheus /metrics port', port, Number(env.AI_CI_METRICS_PORT ?? 8080))
    .option('--health-port <port>', '/healthz and /readyz port', port, Number(env.AI_CI_HEALTH_PORT ?? 8081))
    .option(
      '--leader-election-namespace <ns>',
      'namespace of the leader-election Lease (default: own namespace)',
      env.AI_CI_LEASE_NAMESPACE ?? env.POD_NAMESPACE,
    )
    .option(
      '--leader-election-name <name>',
      'name of the leader-election Lease',
      env.AI_CI_LEASE_NAME ?? 'ai-ci-controller',
    )
    .option('--no-leader-election', 'act without a Lease (a single replica only)')
    .option(
      '--resync-interval <duration>',
      'reconcile every pool and re-list queued jobs this often',
      duration,
      duration(env.AI_CI_RESYNC_INTERVAL ?? '60s'),
    )
    .option(
      '--github-write-interval <duration>',
      'minimum gap between two GitHub writes per credential (GitHub asks for >= 1s against secondary rate limits)',
      duration,
      duration(env.AI_CI_GITHUB_WRITE_INTERVAL ?? '1s'),
    )
    .option(
      '--kepler-prometheus-url <url>',
      "Prometheus scraping Kepler: each completed job's energy is its runner Pod's kepler_container_joules_total over the run, else estimated from the pool's resources (env AI_CI_KEPLER_PROMETHEUS_URL; bearer token from AI_CI_KEPLER_PROMETHEUS_TOKEN)",
      env.AI_CI_KEPLER_PROMETHEUS_URL,
    )
    .option(
      '--kepler-query <promql>',
      "PromQL for one Pod's joules over a run, with $namespace, $pod and $window (env AI_CI_KEPLER_QUERY; default: increase of kepler_container_joules_total)",
      env.AI_CI_KEPLER_QUERY,
    )
    .option('--workers <n>', 'concurrent reconciles', positive, Number(env.AI_CI_WORKERS ?? 4))
    .option('--log-level <level>', 'debug, info, warn or error', env.AI_CI_LOG_LEVEL ?? 'info')
    .action(async (opts) => {
      const kc = new KubeConfig();
      if (opts.kubeconfig) kc.loadFromFile(opts.kubeconfig);
      else kc.loadFromDefault();
      let secret: string | undefined;
      if (opts.webhookSecretFile) {
        try {
          secret = readFileSync(opts.webhookSecretFile, 'utf8').replace(/\r?\n$/, '');
        } catch (err) {
          throw new Error(
            `--webhook-secret-file ${opts.webhookSecretFile}: ${(err as NodeJS.ErrnoException).code ?? 'unreadable'}`,
          );
        }
        if (!secret) throw new Error(`--webhook-secret-file ${opts.webhookSecretFile} is empty`);
      } else if (env.AI_CI_WEBHOOK_SECRET) {
        secret = env.AI_CI_WEBHOOK_SECRET;
      }
      const level = opts.logLevel as 'debug' | 'info' | 'warn' | 'error';
      if (!['debug', 'info', 'warn', 'error'].includes(level))
        throw new Error(`--log-level: unknown level ${level}`);
      const leaseNamespace = opts.leaderElectionNamespace ?? readServiceAccountNamespace();
      if (opts.leaderElection && !leaseNamespace) {
        throw new Error(
          '--leader-election-namespace is required outside a cluster (or use --no-leader-election)',
        );
      }
      const options: ManagerOptions = {
        kubeConfig: kc,
        namespaces: String(opts.namespaces)
          .split(',')
          .map((s) => s.trim())
          .filter(Boolean),
        metricsPort: opts.metricsPort,
        healthPort: opts.healthPort,
        leaderElection: opts.leaderElection
          ? {
              namespace: leaseNamespace!,
              name: opts.leaderElectionName,
              ...(env.POD_NAME ? { identity: `${env.POD_NAME}` } : {}),
            }
          : false,
        resyncIntervalMs: opts.resyncInterval,
        githubWriteIntervalMs: opts.githubWriteInterval,
        workers: opts.workers,
        ...(opts.keplerPrometheusUrl
          ? {
              kepler: {
                prometheusUrl: opts.keplerPrometheusUrl,
                ...(opts.keplerQuery ? { query: opts.keplerQuery } : {}),
                ...(env.AI_CI_KEPLER_PROMETHEUS_TOKEN ? { token: env.AI_CI_KEPLER_PROMETHEUS_TOKEN } : {}),
              },
            }
          : {}),
        defaultMetrics: true,
        logger: jsonLogger(level),
      };
      // OpenTelemetry traces: on when an OTLP endpoint is set (OTEL_EXPORTER_OTLP_ENDPOINT and the other OTEL_*
      // conventions; the chart's `tracing` values set them).
      const tracing = tracingConfigFromEnv(env, { serviceName: 'ai-ci-controller' });
      if (tracing) options.tracing = tracing;
      if (secret) options.webhook = { secret, port: opts.webhookPort };
      if (env.POD_NAME && env.POD_NAMESPACE)
        options.self = { name: env.POD_NAME, namespace: env.POD_NAMESPACE };
      await run(options, carbonOptionsFrom(opts, leaseNamespace));
    });
}

function readServiceAccountNamespace(): string | undefined {
  try {
    return (
      readFileSync('/var/run/secrets/kubernetes.io/serviceaccount/namespace', 'utf8').trim() || undefined
    );
  } catch {
    return undefined;
  }
}

/** Starts the manager and stops it gracefully on SIGTERM/SIGINT. */
export async function runManager(options: ManagerOptions, carbon?: CarbonOptions): Promise<void> {
  const controllers = withCarbonPolicies(options, carbon);
  const { manager } = controllers;
  const log = options.logger;
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    log?.info('shutting down', { signal });
    controllers.stop().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
  await controllers.start();
  log?.info('controller started', { identity: manager.identity, ports: manager.ports });
}

const isMain = process.argv[1] && import.meta.url === new URL(`file://${process.argv[1]}`).href;
if (isMain) {
  buildControllerProgram(runManager)
    .parseAsync(process.argv)
    .catch((err: unknown) => {
      process.stderr.write(`ai-ci-controller: ${err instanceof Error ? err.message : String(err)}\n`);
      process.exit(2);
    });
}
