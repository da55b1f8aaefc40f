/**
 * `ai-ci carbon predict --base-ref REF --head-ref REF`: the change in energy (Wh) and carbon (grams CO2e) of the
 * CI run caused by a change, with an interval and the reasons; `ai-ci carbon calibrate --training-history DIR
 * --output-model FILE`: trains that model from recorded `carbon track` reports and writes its card. Flags →
 * analysis/energy/predict → render.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { Command } from 'commander';
import {
  type CarbonPrediction,
  calibrate,
  FEATURE_NAMES,
  HistoryError,
  OnnxCarbonPredictor,
  PredictError,
  PredictorLoadError,
  predictChange,
  readHistory,
  renderCard,
} from '../../../analysis/energy/predict/index.js';
import { GitError, SelectInputError } from '../../../analysis/select/index.js';
import { CliError, ExitCode } from '../exit-codes.js';
import { traceResult } from '../tracing.js';

const SHIPPED_MODEL = new URL('../../../../models/carbon-predictor.onnx', import.meta.url).pathname;

function inputErrors<T>(f: () => Promise<T>): Promise<T> {
  return f().catch((err: unknown) => {
    if (
      err instanceof HistoryError ||
      err instanceof PredictError ||
      err instanceof PredictorLoadError ||
      err instanceof GitError ||
      err instanceof SelectInputError
    )
      throw new CliError(err.message, ExitCode.InputError);
    throw err;
  });
}

const sig = (x: number) => (x === 0 ? '0' : Number(x.toPrecision(3)).toString());
const signed = (x: number) => `${x >= 0 ? '+' : '−'}${sig(Math.abs(x))}`;
const range = (r: { value: number; low: number; high: number }, unit: string) =>
  `${signed(r.value)} ${unit} (${signed(r.low)} … ${signed(r.high)})`;

function render(p: CarbonPrediction): string[] {
  const pct = Math.round(p.coverage * 100);
  return [
    `ai-ci carbon predict: ${p.head.ref} (${p.head.commit.slice(0, 7)}) vs ${p.base.ref} (${p.base.commit.slice(0, 7)}): ` +
      `energy ${range(p.deltaWh, 'Wh')}, carbon ${range(p.deltaGrams, 'grams CO2e')}, ` +
      `${signed(p.deltaPercent.value)} % of the run (${pct} % interval in brackets)`,
    `  predicted run at the head: ${sig(p.headWh.value)} Wh (${sig(p.headWh.low)}–${sig(p.headWh.high)}), ` +
      `${sig(p.headGrams.value)} grams CO2e at ${sig(p.intensity.value)} gCO2e/kWh (${p.intensity.source})`,
    '  reasons:',
    ...p.reasons.map((r) => `  - ${r}`),
  ];
}

/** --missing-history warn: nothing to compare with is news, not a failure. */
function noHistory(message: string): void {
  const line = `carbon predict: ${message}; nothing to predict from (record runs with carbon track --json)`;
  process.stderr.write(`ai-ci: warning: ${line}\n`);
  if (process.env.GITHUB_ACTIONS === 'true')
    process.stdout.write(`::warning title=Carbon prediction::${line}\n`);
}

function write(file: string, data: string | Uint8Array): void {
  try {
    mkdirSync(dirname(resolve(file)), { recursive: true });
    writeFileSync(file, data);
  } catch (err) {
    throw new CliError(`${file}: cannot write (${(err as NodeJS.ErrnoException).code ?? err})`);
  }
}

export function registerCarbonPredict(carbon: Command): void {
  carbon
    .command('predict')
    .description(
      'predict the change in energy (Wh) and carbon (grams CO2e) of the CI run caused by a change, from the ' +
        'history of carbon track reports, with an interval and the reasons',
    )
    .requiredOption('--base-ref <ref>', 'the commit the change is measured from (e.g. origin/main)')
    .option('--head-ref <ref>', 'the commit with the change', 'HEAD')
    .option(
      '--history <dir>',
      'recorded runs: <commit>/track.json (carbon track --json) and <commit>/junit.xml',
      'carbon_reports',
    )
    .option('--model <file>', 'the ONNX model of carbon calibrate (default: the one shipped with ai-ci)')
    .option('--repo <dir>', 'the git repository', '.')
    .option('--intensity <g>', "grid intensity in grams CO2e per kWh (default: the base run's)")
    .option(
      '--missing-history <what>',
      'fail: exit 3 when there is no recorded run for the base (default); warn: say so and exit 0',
      'fail',
    )
    .option('--json', 'print the prediction as JSON')
    .addHelpText(
      'after',
      '\nUnits: energy in Wh, carbon in grams CO2e (gCO2e), intensity in grams CO2e per kWh.\n' +
        "The base run is the base ref's report in --history, or its nearest first-parent ancestor's.\n" +
        'Exit codes: 0 predicted; 2 bad usage; 3 no usable history, model or ref.',
    )
    .action(
      async (flags: {
        baseRef: string;
        headRef: string;
        history: string;
        model?: string;
        repo: string;
        intensity?: string;
        missingHistory: string;
        json?: boolean;
      }) => {
        if (flags.missingHistory !== 'fail' && flags.missingHistory !== 'warn')
          throw new CliError(
            `--missing-history: ${flags.missingHistory} is not fail or warn`,
            ExitCode.Usage,
          );
        const intensity = flags.intensity === undefined ? undefined : Number(flags.intensity);
        if (intensity !== undefined && !(intensity >= 0))
          throw new CliError(`--intensity: ${flags.intensity} is not grams CO2e per kWh`, ExitCode.Usage);
        let history: ReturnType<typeof readHistory>;
        try {
          history = readHistory(flags.history, flags.repo);
        } catch (err) {
          if (!(err instanceof HistoryError)) throw err;
          if (flags.missingHistory === 'fail') throw new CliError(err.message, ExitCode.InputError);
          noHistory(err.message);
          return;
        }
        const prediction = await inputErrors(async () => {
          const model = await OnnxCarbonPredictor.load(flags.model ?? SHIPPED_MODEL, FEATURE_NAMES);
          try {
            return await predictChange({
              repo: flags.repo,
              history,
              baseRef: flags.baseRef,
              headRef: flags.headRef,
              model,
              ...(intensity !== undefined ? { intensity } : {}),
            });
          } catch (err) {
            if (err instanceof PredictError && flags.missingHistory === 'warn') {
              noHistory(err.message);
              return undefined;
            }
            throw err;
          } finally {
            await model.close();
          }
        });
        if (prediction === undefined) return;
        traceResult((t) => t.carbonPredict(prediction));
        if (flags.json) process.stdout.write(`${JSON.stringify(prediction, null, 2)}\n`);
        else for (const line of render(prediction)) process.stdout.write(`${line}\n`);
      },
    );

  carbon
    .command('calibrate')
    .description(
      'train the carbon predictor (energy in Wh, carbon in grams CO2e) on recorded carbon track reports, export ' +
        'it as ONNX and write its model card with the held-out error',
    )
    .requiredOption('--training-history <dir>', 'recorded runs: <commit>/track.json and <commit>/junit.xml')
    .requiredOption('--output-model <file>', 'where to write the ONNX model')
    .option('--model-card <file>', 'the model card (Markdown); default: the model path with .md')
    .option(
      '--held-out <file>',
      'head commits to hold out, one per line (default: heldout.txt in the history folder, when present)',
    )
    .option('--repo <dir>', 'the git repository the commits are in', '.')
    .option('--description <text>', 'how the history was recorded, for the card')
    .option('--json', 'print the summary as JSON')
    .action(
      async (flags: {
        trainingHistory: string;
        outputModel: string;
        modelCard?: string;
        heldOut?: string;
        repo: string;
        description?: string;
        json?: boolean;
      }) => {
        const defaultHeldOut = join(flags.trainingHistory, 'heldout.txt');
        const heldOutFile = flags.heldOut ?? (existsSync(defaultHeldOut) ? defaultHeldOut : undefined);
        const { history, result } = await inputErrors(async () => {
          const history = readHistory(flags.trainingHistory, flags.repo);
          const result = await calibrate(flags.repo, history, {
            ...(heldOutFile ? { heldOutFile } : {}),
            onProgress: (line) => process.stderr.write(`\r${line}`),
          });
          process.stderr.write('\n');
          return { history, result };
        });
        write(flags.outputModel, result.onnx);
        const card = flags.modelCard ?? `${flags.outputModel.replace(/\.onnx$/, '')}.md`;
        write(
          card,
          renderCard(result, {
            historyDir: flags.trainingHistory,
            runs: history.size,
            description:
              flags.description ??
              `Recorded runs of \`ai-ci carbon track --json\` with JUnit test durations (${flags.trainingHistory}).`,
            command: `ai-ci carbon calibrate --training-history ${flags.trainingHistory} --output-model ${flags.outputModel}`,
          }),
        );
        const summary = {
          model: flags.outputModel,
          card,
          trainPairs: result.trainPairs,
          heldOutPairs: result.heldOut.length,
          heldOutMedianApe: result.heldOutMape,
          noChangeBaselineMedianApe: result.baselineMape,
          heldOutCoverage: result.heldOutCoverage,
          lambda: result.lambda,
        };
        if (flags.json) process.stdout.write(`${JSON.stringify(summary, null, 2)}\n`);
        else {
          const p = (x: number | null) => (x === null ? 'n/a' : `${x.toFixed(1)} %`);
          process.stdout.write(
            `ai-ci carbon calibrate: ${result.trainPairs} training pairs, ${result.heldOut.length} held out; ` +
              `held-out median absolute percentage error ${p(result.heldOutMape)} (no-change baseline ` +
              `${p(result.baselineMape)}); wrote ${flags.outputModel} and ${card}\n`,
          );
        }
      },
    );
}
