/** Exit codes of the `ai-ci` CLI; documented in README.md ("CLI exit codes"). */
export const ExitCode = {
  /** Success; no finding that should fail the step. */
  Ok: 0,
  /** The command ran and found a problem it is meant to report: invalid manifest, confident regression, … */
  Finding: 1,
  /** Bad usage: unknown command or option, missing argument. */
  Usage: 2,
  /** Input could not be read or parsed, or an external service failed. */
  InputError: 3,
  /** `carbon track`: the command succeeded but emitted more than --budget grams CO2e. */
  CarbonBudgetExceeded: 4,
} as const;
export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode];

/** An error that ends the CLI with a message (no stack trace) and a chosen exit code. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: ExitCode = ExitCode.InputError,
  ) {
    super(message);
    this.name = 'CliError';
  }
}
