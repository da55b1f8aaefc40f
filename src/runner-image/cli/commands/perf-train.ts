/** `ai-ci perf train`: trains the performance model on recorded noise with injected changes, exports ONNX and its card. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Command } from 'commander';
import { loadNoise } from '../../../analysis/perf/dataset/noise.js';
import { defaultMachineClass } from '../../../analysis/perf/history/index.js';
import { modelCard } from '../../../analysis/perf/model/card.js';
import {
  SHIPPED_COMPARISONS_PER_BENCHMARK,
  trainAndEvaluate,
} from '../../../analysis/perf/model/pipeline.js';
import { noiseFromFolder, noiseFromRuns } from '../../../analysis/perf/model/training-data.js';
import { CliError, ExitCode } from '../exit-codes.js';

import { inputErrors, openHistory, positiveInt, probability, warn } from './perf-common.js';

export function registerPerfTrain(perf: Command): void {
  perf
    .command('train')
    .description(
      'train the performance model on real benchmark noise with injected regressions of known size, export it ' +
        'as ONNX and report its quality on held-out benchmarks',
    )
    .option('--historical-data <dir>', 'folder of past results files to learn the noise from')
    .option('--history <db>', 'history database to learn the noise from')
    .option('--noise-file <file>', 'recorded noise (default: the data/perf/noise.json.gz shipped with ai-ci)')
    .requiredOption('--output-model <path>', 'where to write the ONNX model')
    .option('--model-card <file>', 'also write the model card (Markdown) with the measured figures')
    .option('--hidden <widths>', 'hidden layer widths, e.g. 8 or 32,16; 0 for a logistic regression', '32,16')
    .option('--epochs <n>', 'most training epochs (early stopping may end sooner)', positiveInt, 300)
    .option('--seed <n>', 'training seed', positiveInt, 1)
    .option('--threshold <p>', 'probability at which regressions are called when scoring', probability, 0.95)
    .option(
      '--comparisons-per-benchmark <n>',
      'labelled comparisons generated per benchmark',
      positiveInt,
      SHIPPED_COMPARISONS_PER_BENCHMARK,
    )
    .option('--machine <class>', 'machine class of --historical-data results', defaultMachineClass())
    .option('--json', 'print the training summary as JSON')
    .action(
      async (flags: {
        historicalData?: string;
        history?: string;
        noiseFile?: string;
        outputModel: string;
        modelCard?: string;
        hidden: string;
        epochs: number;
        seed: number;
        threshold: number;
        comparisonsPerBenchmark: number;
        machine: string;
        json?: boolean;
      }) => {
        const sources = [flags.historicalData, flags.history, flags.noiseFile].filter(Boolean);
        if (sources.length > 1) {
          throw new CliError('give one of --historical-data, --history and --noise-file', ExitCode.Usage);
        }
        const hidden = flags.hidden === '0' ? [] : flags.hidden.split(',').map((w) => Number(w.trim()));
        if (hidden.some((w) => !Number.isInteger(w) || w < 1)) {
          throw new CliError(
            `--hidden: "${flags.hidden}" is not a list of widths such as 8 or 16,8`,
            ExitCode.Usage,
          );
        }
        const progress = (m: string) => process.stderr.write(`ai-ci: ${m}\n`);
        const { noise, description } = await inputErrors(async () => {
          if (flags.historicalData) {
            progress(`importing ${flags.historicalData}`);
            return noiseFromFolder(flags.historicalData, flags.machine, warn);
          }
          if (flags.history) {
            const store = openHistory(flags.history, true);
            try {
              const n = noiseFromRuns(store.allRuns());
              return { noise: n, description: `Real history from ${flags.history}: ${n.description}.` };
            } finally {
              store.close();
            }
          }
          try {
            const n = loadNoise(flags.noiseFile);
            return { noise: n, description: `${n.description} (${n.benchmarks.length} benchmarks).` };
          } catch (err) {
            throw new CliError((err as Error).message);
          }
        });
        if (noise.benchmarks.length < 2) {
          throw new CliError(
            `the data has ${noise.benchmarks.length} benchmark stretches with enough runs; training needs several ` +
              '(each benchmark with at least 8 runs on one machine)',
          );
        }
        let result: Awaited<ReturnType<typeof trainAndEvaluate>>;
        try {
          result = await trainAndEvaluate(noise, {
            hidden,
            epochs: flags.epochs,
            seed: flags.seed,
            threshold: flags.threshold,
            dataDescription: description,
            progress,
            ...(flags.comparisonsPerBenchmark
              ? { comparisonsPerBenchmark: flags.comparisonsPerBenchmark }
              : {}),
          });
        } catch (err) {
          throw new CliError(`training failed: ${(err as Error).message}`);
        }
        mkdirSync(dirname(flags.outputModel), { recursive: true });
        writeFileSync(flags.outputModel, result.onnx);
        if (flags.modelCard) {
          const command = ['ai-ci perf train', ...process.argv.slice(process.argv.indexOf('train') + 1)].join(
            ' ',
          );
          writeFileSync(flags.modelCard, modelCard(result, command, description));
        }
        const h = result.heldout;
        const summary = {
          model: flags.outputModel,
          trainComparisons: result.trainComparisons,
          trainBenchmarks: result.trainBenchmarks,
          epochs: result.epochs,
          heldout: h,
        };
        if (flags.json) process.stdout.write(`${JSON.stringify(summary, null, 2)}\n`);
        else {
          const d = h.detectorWithModel;
          process.stdout.write(
            `wrote ${flags.outputModel} (${result.onnx.length} bytes), trained on ${result.trainComparisons} ` +
              `comparisons from ${result.trainBenchmarks} benchmarks\n` +
              `held out (${h.model.comparisons} comparisons, ${h.benchmarks} benchmarks), at P ≥ ${flags.threshold}:\n` +
              `  balanced accuracy (≥5%): ${(d.balancedAccuracyAtLeast5pct * 100).toFixed(1)}%  ` +
              `recall: ${(d.recall * 100).toFixed(1)}%  precision: ${(d.precision * 100).toFixed(1)}%  ` +
              `false alarms per 1,000 no-change: ${d.falseAlarmsPer1000NoChange.toFixed(1)}  ` +
              `model ROC AUC: ${h.model.rocAuc.toFixed(3)}\n`,
          );
        }
      },
    );
}
