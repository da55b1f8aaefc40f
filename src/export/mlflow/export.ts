/**
 * Exports one command's result as an MLflow run: the experiment (created when missing), a run tagged with the
 * GitHub Actions context (commit, ref, workflow run), its params, tags and metrics in as many runs/log-batch
 * requests as the limits need, the JSON report as an artifact, and the run ended FINISHED (the command did its
 * work, whatever it found) or FAILED (it could not: RunRecord.failed). Never throws and never changes the command's exit code: a failure is one warning line.
 */
import { splitBatches } from './batches.js';
import { type KeyValue, MlflowClient, MlflowError, type RunInfo } from './client.js';
import type { RunRecord } from './records.js';

export interface ExportOptions {
  /** The experiment named by the flag; else MLFLOW_EXPERIMENT_NAME, else the record's default. */
  experiment?: string;
  /** The tracking server; else MLFLOW_TRACKING_URI. */
  trackingUri?: string;
  env?: NodeJS.ProcessEnv;
  /** Where the one line of outcome goes (default stderr). */
  log?: (line: string) => void;
  /** When the command started, ms since the epoch (default: the record's, else when this process started). */
  startTime?: number;
  now?: () => number;
  fetch?: typeof fetch;
  timeoutMs?: number;
}

export interface ExportResult {
  ok: boolean;
  experimentId?: string;
  runId?: string;
  /** Log-batch requests sent. */
  batches?: number;
  /** Why the export (or only its artifact) failed. */
  error?: string;
}

export async function exportRun(record: RunRecord, options: ExportOptions = {}): Promise<ExportResult> {
  const env = options.env ?? process.env;
  const log = options.log ?? ((line: string) => process.stderr.write(`${line}\n`));
  const warn = (why: string) =>
    log(`ai-ci: warning: MLflow export failed: ${why}; the step's exit code is unchanged`);
  const uri = options.trackingUri ?? env.MLFLOW_TRACKING_URI;
  if (!uri) {
    warn('no tracking server: set MLFLOW_TRACKING_URI or --mlflow-tracking-uri');
    return { ok: false, error: 'no tracking URI' };
  }
  const now = options.now ?? Date.now;
  const experiment = options.experiment || env.MLFLOW_EXPERIMENT_NAME || record.experiment;
  let client: MlflowClient;
  let run: RunInfo | undefined;
  try {
    client = new MlflowClient(
      uri,
      {
        ...(env.MLFLOW_TRACKING_TOKEN ? { token: env.MLFLOW_TRACKING_TOKEN } : {}),
        ...(env.MLFLOW_TRACKING_USERNAME ? { username: env.MLFLOW_TRACKING_USERNAME } : {}),
        ...(env.MLFLOW_TRACKING_PASSWORD ? { password: env.MLFLOW_TRACKING_PASSWORD } : {}),
      },
      {
        ...(options.fetch ? { fetch: options.fetch } : {}),
        ...(options.timeoutMs ? { timeoutMs: options.timeoutMs } : {}),
      },
    );
  } catch (err) {
    warn((err as Error).message);
    return { ok: false, error: (err as Error).message };
  }
  try {
    const { id: experimentId } = await client.ensureExperiment(experiment);
    const runName = runNameOf(record, env);
    run = await client.createRun({
      experiment_id: experimentId,
      run_name: runName,
      start_time: Math.round(options.startTime ?? record.startTime ?? performance.timeOrigin),
      tags: systemTags(record, runName, env),
    });
    const timestamp = now();
    const batches = splitBatches({
      metrics: record.metrics.map((m) => ({ key: m.key, value: m.value, timestamp, step: m.step ?? 0 })),
      params: record.params,
      tags: record.tags,
    });
    for (const b of batches) await client.logBatch({ run_id: run.run_id, ...b });
    let artifactError: string | undefined;
    if (record.artifact) {
      const a = record.artifact;
      try {
        await client.uploadArtifact(run, a.name, a.content, a.contentType);
      } catch (err) {
        if (!(err instanceof MlflowError)) throw err;
        artifactError = err.message;
      }
    }
    await client.updateRun({
      run_id: run.run_id,
      status: record.failed ? 'FAILED' : 'FINISHED',
      end_time: now(),
    });
    const where = `${client.base}/#/experiments/${experimentId}/runs/${run.run_id}`;
    if (artifactError) {
      warn(`run ${run.run_id} logged (${where}) but not its report: ${artifactError}`);
      return { ok: false, experimentId, runId: run.run_id, batches: batches.length, error: artifactError };
    }
    log(`ai-ci: MLflow: logged run ${run.run_id} to experiment "${experiment}": ${where}`);
    return { ok: true, experimentId, runId: run.run_id, batches: batches.length };
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    // A run left RUNNING would look alive in the MLflow UI for ever: end it when the server answered (an error),
    // not when it is unreachable or hangs (another request would only make the step wait again).
    if (run && err instanceof MlflowError && err.status !== undefined) {
      await client
        .updateRun({ run_id: run.run_id, status: 'FAILED', end_time: now() })
        .catch(() => undefined);
    }
    warn(message);
    return { ok: false, ...(run ? { runId: run.run_id } : {}), error: message };
  }
}

/** `perf analyze 1a2b3c4` (the commit, when known): runs of one workflow run are told apart by it. */
function runNameOf(record: RunRecord, env: NodeJS.ProcessEnv): string {
  const sha = env.GITHUB_SHA?.slice(0, 7);
  return sha ? `${record.command} ${sha}` : record.command;
}

/**
 * The run's context: MLflow's system tags (mlflow.runName, mlflow.source.*, mlflow.user; see "Automatic
 * Tagging" in the tracking docs) from the GitHub Actions variables, and the raw github.* values beside them.
 */
export function systemTags(record: RunRecord, runName: string, env: NodeJS.ProcessEnv): KeyValue[] {
  const repoUrl =
    env.GITHUB_REPOSITORY && `${env.GITHUB_SERVER_URL || 'https://github.com'}/${env.GITHUB_REPOSITORY}`;
  const runUrl = repoUrl && env.GITHUB_RUN_ID ? `${repoUrl}/actions/runs/${env.GITHUB_RUN_ID}` : undefined;
  const tags: Record<string, string | undefined> = {
    'mlflow.runName': runName,
    'mlflow.source.type': 'JOB',
    'mlflow.source.name': runUrl ?? `ai-ci ${record.command}`,
    'mlflow.source.git.commit': env.GITHUB_SHA,
    'mlflow.source.git.branch': env.GITHUB_HEAD_REF || env.GITHUB_REF_NAME,
    'mlflow.source.git.repoURL': repoUrl,
    'mlflow.user': env.GITHUB_ACTOR,
    'github.ref': env.GITHUB_REF,
    'github.workflow': env.GITHUB_WORKFLOW,
    'github.job': env.GITHUB_JOB,
    'github.run_id': env.GITHUB_RUN_ID,
    'github.run_attempt': env.GITHUB_RUN_ATTEMPT,
    'ai-ci.command': record.command,
    'ai-ci.exit_code': String(record.exitCode),
  };
  return Object.entries(tags)
    .filter((e): e is [string, string] => e[1] !== undefined && e[1] !== '')
    .map(([key, value]) => ({ key, value }));
}

export { MlflowError };
