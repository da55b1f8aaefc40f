import { type Command, CommanderError } from 'commander';
import { CliError, ExitCode } from './exit-codes.js';
import { applyMode, type GateMode, takeMode, verdictOf } from './mode.js';
import { startCliTrace } from './tracing.js';

/**
 * A usage error prints commander's one line ("error: unknown option '--foo'", with its "Did you mean"
 * suggestion) and a hint naming the command's help, instead of the whole help text.
 */
export function hintAfterErrors(command: Command, path: string): void {
  command.showHelpAfterError(`(run '${path} --help' for usage)`);
  for (const sub of command.commands) hintAfterErrors(sub, `${path} ${sub.name()}`);
}

/**
 * Runs a command tree and returns the process exit code; never throws. Report mode: mode.ts. Tracing (a span per
 * command when an OTLP endpoint is set): tracing.ts.
 */
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
  const trace = await startCliTrace(program, mode);
  const { code: raw, error } = await run(program, argv);
  const code = applyMode(raw, argv, mode);
  const verdict = verdictOf(argv, raw);
  await trace?.finish({
    raw,
    code,
    ...(verdict !== undefined ? { verdict } : {}),
    ...(error !== undefined ? { error } : {}),
  });
  return code;
}

async function run(program: Command, argv: string[]): Promise<{ code: number; error?: string }> {
  try {
    await program.parseAsync(argv, { from: 'user' });
    return { code: typeof process.exitCode === 'number' ? process.exitCode : ExitCode.Ok };
  } catch (err) {
    if (err instanceof CommanderError) {
      // --help and --version end with exit code 0 through the same path.
      return err.exitCode === 0
        ? { code: ExitCode.Ok }
        : { code: ExitCode.Usage, error: err.message.replace(/^error: /, '') };
    }
    if (err instanceof CliError) {
      process.stderr.write(`ai-ci: ${err.message}\n`);
      return { code: err.exitCode, error: err.message };
    }
    process.stderr.write(
      `ai-ci: unexpected error: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`,
    );
    return { code: ExitCode.InputError, error: err instanceof Error ? err.message : String(err) };
  }
}
