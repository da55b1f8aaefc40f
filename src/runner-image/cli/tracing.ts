/**
 * Traces of `ai-ci` runs (README → "Tracing"). With an OTLP endpoint in the environment (`OTEL_EXPORTER_OTLP_ENDPOINT`,
 * `OTEL_EXPORTER_OTLP_TRACES_ENDPOINT` or `OPENTELEMETRY_ENDPOINT`; the other `OTEL_*` variables as src/telemetry
 * reads them), every command that runs is one span `ai-ci <command>` (`ai-ci perf analyze`), a child of `TRACEPARENT`
 * (or, without one, of the job's `running` span named by `AI_CI_JOB_ID`), with the command, the mode, the exit code
 * and the command's result as attributes. A command hands its result with `traceResult`, as it hands it to MLflow:
 * the builder (trace-attributes.ts) runs only when tracing is on. `--help` and usage errors found before the command
 * starts make no span.
 *
 * Without an endpoint nothing more is loaded (the OpenTelemetry SDK is a dynamic import, tracing-otel.ts) and nothing
 * is sent. With one, tracing never changes the exit code nor holds the step: the span is sent at the end with a
 * bounded wait (tracing-otel.ts, FLUSH_MS); a span that could not be sent costs one warning line on stderr.
 */
import type { Command } from 'commander';
import type { GateMode } from './mode.js';
import type { TraceAttributes } from './trace-attributes.js';

export type AttributeBuilders = typeof import('./trace-attributes.js');
export type ResultBuilder = (builders: AttributeBuilders) => TraceAttributes;

let results: ResultBuilder[] = [];

/** Hands this command's result to its span; `build` runs only when tracing is on (and never breaks the command). */
export function traceResult(build: ResultBuilder): void {
  results.push(build);
}

/** The variables tracing takes an endpoint from (src/telemetry's tracingConfigFromEnv): without one it is off. */
export const ENDPOINT_VARIABLES = [
  'OTEL_EXPORTER_OTLP_TRACES_ENDPOINT',
  'OTEL_EXPORTER_OTLP_ENDPOINT',
  'OPENTELEMETRY_ENDPOINT',
] as const;

/** How a run ended, for its span. */
export interface RunOutcome {
  /** The command's own exit code (what enforce mode gives). */
  raw: number;
  /** The process exit code (report mode turns a gate's verdict into 0). */
  code: number;
  /** What enforce mode would have failed the step for, when `raw` is a gate's verdict (mode.ts). */
  verdict?: string;
  /** The message of the error that ended the command, when one did. */
  error?: string;
}

export interface CliTrace {
  /** Ends the span and sends it, waiting a bounded time; never throws. */
  finish(outcome: RunOutcome): Promise<void>;
}

/**
 * Starts tracing this run of `program` when an endpoint is set: the span starts when a command's action does.
 * Undefined when tracing is off or its settings are wrong (one warning line; the command runs untraced).
 */
export async function startCliTrace(
  program: Command,
  mode: GateMode,
  env: NodeJS.ProcessEnv = process.env,
): Promise<CliTrace | undefined> {
  results = [];
  if (!ENDPOINT_VARIABLES.some((v) => env[v]?.trim())) return undefined;
  try {
    const { openTrace } = await import('./tracing-otel.js');
    return openTrace(program, mode, env, () => results);
  } catch (err) {
    process.stderr.write(
      `ai-ci: warning: tracing off: ${err instanceof Error ? err.message : String(err)}\n`,
    );
    return undefined;
  }
}
