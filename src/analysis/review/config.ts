/**
 * The review configuration file (`.ai-ci-review.yaml` at the repository root, or `--config`):
 *
 *   select: [leakage, repro-unseeded]   # rule ids or families; all when absent
 *   ignore: [perf-apply-lambda]
 *   exclude: ["tests/fixtures/**"]      # globs (picomatch) of paths not reviewed
 *   fail-on: error                      # error | warning | note | never
 */
import { parse } from 'yaml';
import { RULES } from './rules/index.js';
import type { Severity } from './types.js';

export type FailOn = Severity | 'never';

export interface ReviewConfig {
  select: string[];
  ignore: string[];
  exclude: string[];
  failOn?: FailOn;
}

export class ConfigError extends Error {}

const FAMILIES = new Set(['leakage', 'reproducibility', 'performance']);
const FAIL_ON = new Set(['error', 'warning', 'note', 'never']);

function ruleKeys(v: unknown, field: string): string[] {
  if (v === undefined || v === null) return [];
  if (!Array.isArray(v) || v.some((x) => typeof x !== 'string'))
    throw new ConfigError(`${field}: must be a list of rule ids or families`);
  for (const k of v as string[]) {
    const known =
      FAMILIES.has(k) ||
      RULES.some(
        (r) =>
          r.id === k || `${r.family}/${r.kind}` === k || (k.endsWith('*') && r.id.startsWith(k.slice(0, -1))),
      );
    if (!known) throw new ConfigError(`${field}: unknown rule or family ${JSON.stringify(k)}`);
  }
  return v as string[];
}

export function parseConfig(text: string): ReviewConfig {
  let doc: unknown;
  try {
    doc = parse(text);
  } catch (err) {
    throw new ConfigError(`invalid YAML: ${err instanceof Error ? err.message.split('\n')[0] : String(err)}`);
  }
  if (doc === null || doc === undefined) return { select: [], ignore: [], exclude: [] };
  if (typeof doc !== 'object' || Array.isArray(doc)) throw new ConfigError('must be a mapping');
  const o = doc as Record<string, unknown>;
  for (const k of Object.keys(o)) {
    if (!['select', 'ignore', 'exclude', 'fail-on'].includes(k))
      throw new ConfigError(`unknown key ${JSON.stringify(k)}`);
  }
  const exclude = o.exclude ?? [];
  if (!Array.isArray(exclude) || exclude.some((x) => typeof x !== 'string'))
    throw new ConfigError('exclude: must be a list of globs');
  const failOn = o['fail-on'];
  if (failOn !== undefined && (typeof failOn !== 'string' || !FAIL_ON.has(failOn)))
    throw new ConfigError('fail-on: must be one of error, warning, note, never');
  return {
    select: ruleKeys(o.select, 'select'),
    ignore: ruleKeys(o.ignore, 'ignore'),
    exclude: exclude as string[],
    failOn: failOn as FailOn | undefined,
  };
}
