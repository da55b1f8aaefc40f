/** Loads the labelled real series of data/changepoints/ (built by prepare.ts) and their frozen split. */
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

export const SETS = ['tcpd', 'nab'] as const;
export type SetName = (typeof SETS)[number];
export type Split = 'train' | 'heldout' | 'all';

const DIR = join(import.meta.dirname, '../../../data/changepoints');

export function loadSet(set: SetName, split: Split): LabelledSeries[] {
  const raw = gunzipSync(readFileSync(join(DIR, `${set}.json.gz`)));
  const doc = JSON.parse(raw.toString('utf8')) as {
    series: { name: string; values: (number | null)[]; annotations: number[][] }[];
  };
  const heldout = new Set(
    (JSON.parse(readFileSync(join(DIR, 'split.json'), 'utf8')) as { heldout: Record<string, string[]> })
      .heldout[set],
  );
  return doc.series
    .filter((s) => split === 'all' || heldout.has(s.name) === (split === 'heldout'))
    .map((s) => ({
      set,
      name: s.name,
      values: s.values.map((v) => (v === null ? Number.NaN : v)),
      annotations: s.annotations,
    }));
}
