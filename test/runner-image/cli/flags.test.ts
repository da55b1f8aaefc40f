import { describe, expect, it } from 'vitest';
import { CliError, ExitCode } from '../../../src/runner-image/cli/exit-codes.js';
import { duration, integer, number, splitList, time } from '../../../src/runner-image/cli/flags.js';

function usageError(f: () => unknown): CliError {
  try {
    f();
  } catch (err) {
    expect(err).toBeInstanceOf(CliError);
    expect((err as CliError).exitCode).toBe(ExitCode.Usage);
    return err as CliError;
  }
  throw new Error('expected a usage error');
}

describe('flag parsers: typed values, or one line naming the flag and the value (exit 2)', () => {
  it('parses good values', () => {
    expect(splitList(' GB, DE ,,', '--region')).toEqual(['GB', 'DE']);
    expect(duration('1h30m', '--deadline')).toBe(90 * 60_000);
    expect(number('0.5', '--x', 0, 1)).toBe(0.5);
    expect(integer('20', '--max-runners', 1, 100)).toBe(20);
    expect(time('2024-03-01', '--from')).toBe(Date.UTC(2024, 2, 1));
  });

  it.each([
    ['an empty list', () => splitList(' , ', '--region'), '--region: empty list'],
    ['a bad duration', () => duration('soon', '--deadline'), '--deadline'],
    [
      'a number out of range',
      () => number('2', '--tolerance', 0, 1),
      '--tolerance: "2" is not a number in [0, 1]',
    ],
    ['an empty number', () => number(' ', '--tolerance'), '--tolerance: " "'],
    [
      'a fraction where a whole number belongs',
      () => integer('1.5', '--n', 0, 9),
      '--n: "1.5" is not a whole number',
    ],
    ['a date that is not one', () => time('yesterday', '--from'), '--from: "yesterday" is not a date'],
  ])('refuses %s', (_name, f, message) => {
    expect(usageError(f).message).toContain(message);
  });
});
