/**
 * Flag values → typed values, for every command: each failure is a CliError with exit 2 (usage) whose message names
 * the flag and the value, so a bad flag gets one clear line instead of a stack trace or the whole help.
 */
import { parseDuration } from '../../carbon/duration.js';
import { parseTimeValue } from '../../carbon/traces.js';
import { CliError, ExitCode } from './exit-codes.js';

/** A comma-separated list with empty items dropped; an empty list is an error. */
export function splitList(value: string, flag: string): string[] {
  const items = value
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');
  if (items.length === 0) throw new CliError(`${flag}: empty list`, ExitCode.Usage);
  return items;
}

/** A duration such as 90s, 30m, 4h, 1h30m, in milliseconds. */
export function duration(value: string, flag: string): number {
  try {
    return parseDuration(value, flag);
  } catch (err) {
    throw new CliError((err as Error).message, ExitCode.Usage);
  }
}

/** A finite number within [min, max]. */
export function number(
  value: string,
  flag: string,
  min = Number.NEGATIVE_INFINITY,
  max = Number.POSITIVE_INFINITY,
): number {
  const n = Number(value);
  if (value.trim() === '' || !Number.isFinite(n) || n < min || n > max) {
    throw new CliError(`${flag}: "${value}" is not a number in [${min}, ${max}]`, ExitCode.Usage);
  }
  return n;
}

/** A whole number within [min, max]. */
export function integer(value: string, flag: string, min: number, max: number): number {
  const n = number(value, flag, min, max);
  if (!Number.isInteger(n)) throw new CliError(`${flag}: "${value}" is not a whole number`, ExitCode.Usage);
  return n;
}

/** A UTC date or time (ISO 8601, or a date alone), in epoch milliseconds. */
export function time(value: string, flag: string): number {
  const t = parseTimeValue(value);
  if (t === undefined)
    throw new CliError(`${flag}: "${value}" is not a date or time (e.g. 2024-03-01)`, ExitCode.Usage);
  return t;
}
