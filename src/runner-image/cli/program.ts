import { Command, CommanderError } from 'commander';
import { registerCarbon } from './commands/carbon.js';
import { registerCarbonTrack } from './commands/carbon-track.js';
import { registerGithub } from './commands/github.js';
import { registerPerf } from './commands/perf.js';
import { registerReview } from './commands/review.js';
import { registerSelect } from './commands/select.js';
import { registerSimulate } from './commands/simulate.js';
import { registerValidate } from './commands/validate.js';
import { registerVersion } from './commands/version.js';
import { CliError, ExitCode } from './exit-codes.js';
import { packageVersion } from './version.js';

/** Builds the `ai-ci` command tree. Each capability registers its own subcommands. */
export function buildProgram(): Command {
  const program = new Command('ai-ci')
    .description('ai-ci: carbon-aware GPU CI on Kubernetes, and AI analyses for CI jobs')
    .version(packageVersion(), '-V, --version')
    .exitOverride();
  registerVersion(program);
  registerCarbonTrack(registerCarbon(program));
  registerValidate(program);
  registerSimulate(program);
  registerPerf(program);
  registerGithub(program);
  registerSelect(program);
  registerReview(program);
  hintAfterErrors(program, 'ai-ci');
  return program;
}

/**
 * A usage error prints commander's one line ("error: unknown option '--foo'", with its "Did you mean"
 * suggestion) and a hint naming the command's help, instead of the whole help text.
 */
function hintAfterErrors(command: Command, path: string): void {
  command.showHelpAfterError(`(run '${path} --help' for usage)`);
  for (const sub of command.commands) hintAfterErrors(sub, `${path} ${sub.name()}`);
}

/** Runs the CLI and returns the process exit code; never throws. */
export async function runCli(argv: string[]): Promise<number> {
  const program = buildProgram();
  try {
    await program.parseAsync(argv, { from: 'user' });
    return typeof process.exitCode === 'number' ? process.exitCode : ExitCode.Ok;
  } catch (err) {
    if (err instanceof CommanderError) {
      // --help and --version end with exit code 0 through the same path.
      return err.exitCode === 0 ? ExitCode.Ok : ExitCode.Usage;
    }
    if (err instanceof CliError) {
      process.stderr.write(`ai-ci: ${err.message}\n`);
      return err.exitCode;
    }
    process.stderr.write(
      `ai-ci: unexpected error: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`,
    );
    return ExitCode.InputError;
  }
}
