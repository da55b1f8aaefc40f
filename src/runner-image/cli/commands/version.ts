import type { Command } from 'commander';
import { packageVersion } from '../version.js';

export function registerVersion(program: Command): void {
  program
    .command('version')
    .description('print the ai-ci version and runtime')
    .option('--json', 'print as JSON')
    .action((opts: { json?: boolean }) => {
      const info = {
        version: packageVersion(),
        node: process.versions.node,
        platform: `${process.platform}-${process.arch}`,
      };
      if (opts.json) process.stdout.write(`${JSON.stringify(info)}\n`);
      else process.stdout.write(`ai-ci ${info.version} (node ${info.node}, ${info.platform})\n`);
    });
}
