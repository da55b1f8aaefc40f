/** An input file (JUnit report, coverage report, rules file) that cannot be used; the message names the file. */
export class SelectInputError extends Error {
  constructor(
    readonly file: string,
    message: string,
  ) {
    super(`${file}: ${message}`);
    this.name = 'SelectInputError';
  }
}
