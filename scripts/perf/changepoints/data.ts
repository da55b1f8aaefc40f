/**
 * Loads the labelled real series of data/changepoints/ (built by prepare.ts) and their frozen split, checking
 * each set's content against the sha256 frozen in split.json.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';

export interface LabelledSeries {
  set: string;
  name: string;
  /** NaN = a missing value. */
  values: number[];
  /** One list of 0-based change points per annotator. */
  annotations: number[][];
}

/** nab-fresh is held out whole: its series are in no train part. */
export const SETS = ['tcpd', 'nab', 'nab-fresh'] as const;
export type SetName = (typeof SETS)[number];
export type Split = 'train' | 'heldout' | 'all';

const DIR = join(import.meta.dirname, '../../../data/changepoints');

export function loadSet(set: SetName, split: Split): LabelledSeries[] {
  const raw = gunzipSync(readFileSync(join(DIR, `${set}.json.gz`)));
  const frozen = JSON.parse(readFileSync(join(DIR, 'split.json'), 'utf8')) as {
    heldout: Record<string, string[]>;
    sha256: Record<string, string>;
  };
  const sha = createHash('sha256').update(raw).digest('hex');
  if (sha !== frozen.sha256[set]) {
    throw new Error(`data/changepoints/${set}.json.gz: content sha256 ${sha}, frozen ${frozen.sha256[set]}`);
  }
  const doc = JSON.parse(raw.toString('utf8')) as {
    series: { name: string; values: (number | null)[]; annotations: number[][] }[];
  };
  const heldout = new Set(frozen.heldout[set]);
  return doc.series
    .filter((s) => split === 'all' || heldout.has(s.name) === (split === 'heldout'))
    .map((s) => ({
      set,
      name: s.name,
      values: s.values.map((v) => (v === null ? Number.NaN : v)),
      annotations: s.annotations,
    }));
}
