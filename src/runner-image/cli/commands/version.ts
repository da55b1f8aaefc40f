import type { Command } from 'commander';
import { onnxRuntimeVersion } from '../../../analysis/perf/model/onnx-model.js';
import { packageVersion } from '../version.js';

export function registerVersion(program: Command): void {
  program
    .command('version')
    .description('print the ai-ci version and runtime')
    .option('--json', 'print as JSON')
    .option(
      '--onnxruntime',
      'also load onnxruntime-node (the models run on it; other commands load it only when they run a model) and print its version',
    )
    .action(async (opts: { json?: boolean; onnxruntime?: boolean }) => {
      const info = {
        version: packageVersion(),
        node: process.versions.node,
        platform: `${process.platform}-${process.arch}`,
        ...(opts.onnxruntime ? { onnxruntime: await onnxRuntimeVersion() } : {}),
      };
      if (opts.json) process.stdout.write(`${JSON.stringify(info)}\n`);
      else
        process.stdout.write(
          `ai-ci ${info.version} (node ${info.node}, ${info.platform}` +
            `${info.onnxruntime ? `, onnxruntime ${info.onnxruntime}` : ''})\n`,
        );
    });
}
