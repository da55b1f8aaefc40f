import { Command } from 'commander';
import { registerCarbon } from './commands/carbon.js';
import { registerCarbonPredict } from './commands/carbon-predict.js';
import { registerCarbonTrack } from './commands/carbon-track.js';
import { registerGithub } from './commands/github.js';
import { registerPerf } from './commands/perf.js';
import { registerReview } from './commands/review.js';
import { registerSelect } from './commands/select.js';
import { registerSimulate } from './commands/simulate.js';
import { registerValidate } from './commands/validate.js';
import { registerVersion } from './commands/version.js';
import { hintAfterErrors, runProgram } from './run.js';
import { packageVersion } from './version.js';

/** Builds the `ai-ci` command tree. Each capability registers its own subcommands. */
export function buildProgram(): Command {
  const program = new Command('ai-ci')
    .description('ai-ci: carbon-aware GPU CI on Kubernetes, and AI analyses for CI jobs')
    .version(packageVersion(), '-V, --version')
    .exitOverride();
  registerVersion(program);
  const carbon = registerCarbon(program);
  registerCarbonTrack(carbon);
  registerCarbonPredict(carbon);
  registerValidate(program);
  registerSimulate(program);
  registerPerf(program);
  registerGithub(program);
  registerSelect(program);
  registerReview(program);
  hintAfterErrors(program, 'ai-ci');
  return program;
}

/** Runs the CLI and returns the process exit code; never throws. */
export function runCli(argv: string[]): Promise<number> {
  return runProgram(buildProgram(), argv);
}
