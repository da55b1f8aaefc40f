/**
 * The span of one `ai-ci` run (tracing.ts says what and when), on src/telemetry. Loaded only when an endpoint is set.
 *
 * Status: ERROR when the command did not do its work or the step fails for a reason other than a gate's verdict:
 * bad usage (2), unusable input or a failed service (3), `carbon track`'s wrapped command failing (its own code),
 * `validate` finding invalid manifests (1). A gate's verdict (a confident regression, review findings at or above
 * --fail-on, a missed test in select-report, the carbon budget exceeded: the exit codes report mode turns into 0,
 * mode.ts) is what the gate is for, not an error: the span says it in `ai_ci.verdict` and keeps the status unset,
 * in enforce mode and report mode alike.
 *
 * While the command runs, `TRACEPARENT` (and `TRACESTATE`) in this process's environment name its span, so what it
 * starts (`carbon track`'s command, `perf ab`'s builds, a nested `ai-ci`) joins the trace under it.
 */
import { propagation, type Span, SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';
import type { Command } from 'commander';
import {
  contextFromEnv,
  startTracing,
  type TracingConfig,
  TracingConfigError,
  tracingConfigFromEnv,
} from '../../telemetry/index.js';
import type { GateMode } from './mode.js';
import type { TraceAttributes } from './trace-attributes.js';
import * as builders from './trace-attributes.js';
import type { CliTrace, ResultBuilder, RunOutcome } from './tracing.js';
import { packageVersion } from './version.js';

/** The longest the CLI waits for the collector at the end (the export timeout is cut to it, too). */
export const FLUSH_MS = 2000;

const W3C_TRACEPARENT = /^[0-9a-f]{2}-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}$/;

function warn(message: string): void {
  process.stderr.write(`ai-ci: warning: tracing: ${message}\n`);
}

/** `perf analyze` for the command run as `ai-ci perf analyze …`. */
function commandPath(command: Command): string {
  const names: string[] = [];
  for (let c: Command | null = command; c?.parent; c = c.parent) names.unshift(c.name());
  return names.join(' ');
}

/** Where spans go, for the warning: the exporter reads OTEL_EXPORTER_OTLP_* itself when config.url is unset. */
function destination(config: TracingConfig, env: NodeJS.ProcessEnv): string {
  if (config.url) return config.url;
  if (env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT) return env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT;
  return `${(env.OTEL_EXPORTER_OTLP_ENDPOINT ?? '').replace(/\/+$/, '')}/v1/traces`;
}

/** The workflow run a step's span belongs to (OpenTelemetry's CI/CD and VCS attribute names). */
function githubAttributes(env: NodeJS.ProcessEnv): TraceAttributes {
  if (env.GITHUB_ACTIONS !== 'true') return {};
  return {
    'cicd.pipeline.name': env.GITHUB_WORKFLOW,
    'cicd.pipeline.run.id': env.GITHUB_RUN_ID,
    'cicd.pipeline.task.name': env.GITHUB_JOB,
    'vcs.ref.head.revision': env.GITHUB_SHA,
  };
}

function set(span: Span, attributes: TraceAttributes): void {
  for (const [k, v] of Object.entries(attributes)) if (v !== undefined) span.setAttribute(k, v);
}

export function openTrace(
  program: Command,
  mode: GateMode,
  env: NodeJS.ProcessEnv,
  results: () => readonly ResultBuilder[],
): CliTrace | undefined {
  let config: TracingConfig | undefined;
  try {
    config = tracingConfigFromEnv(env, { serviceName: 'ai-ci', serviceVersion: packageVersion() });
  } catch (err) {
    if (!(err instanceof TracingConfigError)) throw err;
    warn(`off: ${err.message}`);
    return undefined;
  }
  if (!config) return undefined;
  const where = destination(config, env);
  const dropped = new Set<string>();
  let exported = 0;
  const tracing = startTracing(
    { ...config, exportTimeoutMillis: Math.min(config.exportTimeoutMillis, FLUSH_MS) },
    (outcome, reason, count) => {
      if (outcome === 'exported') exported += count;
      else dropped.add(reason);
    },
  );
  const parent = contextFromEnv(env);
  const inherited = { TRACEPARENT: env.TRACEPARENT, TRACESTATE: env.TRACESTATE };
  let span: Span | undefined;
  let recording = false;

  program.hook('preAction', (_program, action) => {
    if (span) return;
    if (env.TRACEPARENT?.trim() && !W3C_TRACEPARENT.test(env.TRACEPARENT.trim()))
      warn(`TRACEPARENT="${env.TRACEPARENT}" is not a W3C traceparent; the span starts a new trace`);
    const command = commandPath(action);
    span = tracing.tracer.startSpan(`ai-ci ${command}`, { kind: SpanKind.INTERNAL }, parent);
    recording = span.isRecording();
    set(span, { 'ai_ci.command': command, 'ai_ci.mode': mode, ...githubAttributes(env) });
    const carrier: Record<string, string> = {};
    propagation.inject(trace.setSpan(parent, span), carrier);
    if (carrier.traceparent) {
      env.TRACEPARENT = carrier.traceparent;
      if (carrier.tracestate) env.TRACESTATE = carrier.tracestate;
      else delete env.TRACESTATE;
    }
  });

  return {
    async finish(outcome: RunOutcome): Promise<void> {
      for (const [k, v] of Object.entries(inherited)) {
        if (v === undefined) delete env[k];
        else env[k] = v;
      }
      if (span) end(span, mode, outcome, results());
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([
        tracing.shutdown(),
        new Promise<void>((resolve) => {
          timer = setTimeout(resolve, FLUSH_MS + 500);
        }),
      ]);
      clearTimeout(timer);
      // A sampled-out span (TRACEPARENT's flags 00) is not recorded and not meant to be sent.
      if (recording && exported === 0) {
        // The processor's own timeout ends a flush without counting a drop: no reason then is no answer in time.
        // The SDK names a drop by the error's class: a bare `Error` (connection refused, DNS) says no more than this.
        const named = [...dropped].filter((r) => r !== 'Error');
        const why =
          dropped.size === 0
            ? `no answer within ${FLUSH_MS / 1000} s`
            : `export failed${named.length ? `: ${named.join(', ')}` : ''}`;
        warn(`the span was not sent to ${where} (${why}); the step goes on`);
      }
    },
  };
}

function end(span: Span, mode: GateMode, outcome: RunOutcome, results: readonly ResultBuilder[]): void {
  const attributes: TraceAttributes = { 'ai_ci.exit_code': outcome.code };
  if (mode === 'report') {
    // What enforce mode would have done with a gate's verdict that report mode let pass.
    attributes['ai_ci.report.would_fail'] = outcome.verdict !== undefined;
    if (outcome.verdict !== undefined) {
      attributes['ai_ci.report.enforce_exit_code'] = outcome.raw;
      attributes['ai_ci.report.enforce_reason'] = outcome.verdict;
    }
  }
  for (const build of results) {
    try {
      Object.assign(attributes, build(builders));
    } catch {
      // a result the builder cannot read leaves the span without those attributes, never breaks the command
    }
  }
  set(span, attributes);
  if (outcome.raw !== 0 && outcome.verdict === undefined) {
    span.setAttribute('error.type', String(outcome.raw));
    span.setStatus({
      code: SpanStatusCode.ERROR,
      message: (outcome.error ?? `exit code ${outcome.raw}`).split('\n')[0] ?? '',
    });
  }
  span.end();
}
