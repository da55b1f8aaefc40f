/**
 * A benchmark results file that cannot be used: unreadable, empty, not JSON, or missing a field.
 * The message always names the file, and the field when one is at fault.
 */
export class ResultsFileError extends Error {
  constructor(
    readonly file: string,
    readonly field: string | undefined,
    readonly problem: string,
  ) {
    super(field ? `${file}: field ${field}: ${problem}` : `${file}: ${problem}`);
    this.name = 'ResultsFileError';
  }
}

/** Turns a JSON pointer (`/benchmarks/0/stats/data`) into the path people write (`benchmarks[0].stats.data`). */
export function pointerToField(pointer: string): string {
  let field = '';
  for (const raw of pointer.split('/').slice(1)) {
    const part = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (/^\d+$/.test(part)) field += `[${part}]`;
    else field += field === '' ? part : `.${part}`;
  }
  return field === '' ? '(top level)' : field;
}
