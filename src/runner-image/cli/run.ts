import { type Command, CommanderError } from 'commander';
import { CliError, ExitCode } from './exit-codes.js';
import { applyMode, type GateMode, takeMode } from './mode.js';

/**
 * A usage error prints commander's one line ("error: unknown option '--foo'", with its "Did you mean"
 * suggestion) and a hint naming the command's help, instead of the whole help text.
 */
export function hintAfterErrors(command: Command, path: string): void {
  command.showHelpAfterError(`(run '${path} --help' for usage)`);
  for (const sub of command.commands) hintAfterErrors(sub, `${path} ${sub.name()}`);
}

/** Runs a command tree and returns the process exit code; never throws. Report mode: mode.ts. */
export async function runProgram(program: Command, argv: string[]): Promise<number> {
  let mode: GateMode = 'enforce';
  try {
    const taken = takeMode(argv);
    mode = taken.mode;
    argv = taken.argv;
  } catch (err) {
    process.stderr.write(`ai-ci: ${(err as Error).message}\n`);
    return ExitCode.Usage;
  }
  return applyMode(await run(program, argv), argv, mode);
}

async function run(program: Command, argv: string[]): Promise<number> {
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
