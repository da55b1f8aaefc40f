import { InvalidArgumentError } from 'commander';
import { parseDuration } from '../carbon/duration.js';

/** commander argument parser for a duration flag (`30s`, `5m`, `1h30m`): milliseconds, or a usage error. */
export function durationFlag(value: string): number {
  try {
    return parseDuration(value);
  } catch (err) {
    throw new InvalidArgumentError((err as Error).message);
  }
}
