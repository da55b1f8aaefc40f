/**
 * `--mlflow [experiment]` and `--mlflow-tracking-uri <url>` for the commands that can log their result to MLflow
 * (perf analyze, carbon track, review). The exporter is loaded only when --mlflow is given: `carbon track`'s
 * start-up stays as light as it is (track-program.ts). An export never changes the command's exit code.
 */
import type { Command } from 'commander';
import type { RunRecord } from '../../export/mlflow/index.js';

export interface MlflowFlags {
  /** true for a bare --mlflow (the experiment then comes from MLFLOW_EXPERIMENT_NAME or the default). */
  mlflow?: string | true;
  mlflowTrackingUri?: string;
}

type Records = typeof import('../../export/mlflow/records.js');

export function mlflowOptions(command: Command): Command {
  return command
    .option(
      '--mlflow [experiment]',
      'log this run (metrics, params, the JSON report) to an MLflow experiment (default: $MLFLOW_EXPERIMENT_NAME, else ai-ci-<command>); a failed export only warns',
    )
    .option(
      '--mlflow-tracking-uri <url>',
      'MLflow tracking server (default: $MLFLOW_TRACKING_URI); token from MLFLOW_TRACKING_TOKEN or MLFLOW_TRACKING_USERNAME/PASSWORD',
    );
}

/** Logs the record `build` makes when --mlflow was given; a failure is one warning line on stderr. */
export async function mlflowExport(
  flags: MlflowFlags,
  build: (records: Records) => RunRecord,
): Promise<void> {
  if (flags.mlflow === undefined) return;
  const { exportRun } = await import('../../export/mlflow/export.js');
  const records = await import('../../export/mlflow/records.js');
  await exportRun(build(records), {
    ...(typeof flags.mlflow === 'string' ? { experiment: flags.mlflow } : {}),
    ...(flags.mlflowTrackingUri ? { trackingUri: flags.mlflowTrackingUri } : {}),
  });
}
