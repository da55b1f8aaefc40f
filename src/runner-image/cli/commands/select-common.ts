/** Flag parsers, input handling and the rules file shared by `ai-ci select`, `shard`, `select-record` and `select-report`. */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { InvalidArgumentError, Option } from 'commander';
import {
  type DependencyRule,
  FRAMEWORKS,
  GitError,
  parseRules,
  SelectInputError,
  SelectionStore,
} from '../../../analysis/select/index.js';
import { CliError, ExitCode } from '../exit-codes.js';

/** Where a repository declares its selection rules when --rules is not given. */
export const DEFAULT_RULES_FILE = '.ai-ci/select.yaml';

export function fraction(value: string): number {
  const v = Number(value);
  if (!(v >= 0 && v <= 1)) throw new InvalidArgumentError('must be a fraction between 0 and 1, e.g. 0.02');
  return v;
}

export function positiveInt(value: string): number {
  const v = Number(value);
  if (!Number.isInteger(v) || v < 1) throw new InvalidArgumentError('must be a positive whole number');
  return v;
}

export function readText(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new CliError(`${file}: ${code === 'ENOENT' ? 'does not exist' : `cannot be read (${code})`}`);
  }
}

/** Runs analysis code, turning its input errors into one-line CLI errors (exit 3). */
export async function guarded<T>(work: () => T | Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (err) {
    if (err instanceof GitError || err instanceof SelectInputError) {
      throw new CliError(err.message, ExitCode.InputError);
    }
    throw err;
  }
}

export function openStore(path: string | undefined): SelectionStore | undefined {
  if (path === undefined) return undefined;
  try {
    return SelectionStore.open(path);
  } catch (err) {
    throw new CliError(`${path}: cannot be opened as a selection history (${(err as Error).message})`);
  }
}

export function loadRules(repo: string, file: string | undefined): DependencyRule[] {
  const path = file ?? join(repo, DEFAULT_RULES_FILE);
  if (file === undefined && !existsSync(path)) return [];
  return parseRules(path, readText(path));
}

export const frameworkOption = () =>
  new Option('--framework <name>', 'the test runner: its test files and arguments')
    .choices(FRAMEWORKS)
    .makeOptionMandatory();
