/**
 * What MLflow accepts in one runs/log-batch request (https://mlflow.org/docs/latest/rest-api.html#log-batch,
 * "Request Limits"): at most 1000 metrics, 100 params and 100 tags, 1000 of them in total, and a JSON body of at
 * most 1 MB; a param value up to 6000 characters (MLflow ≥ 2.x; 500 before), a tag value up to 5000 (the size
 * every backend is guaranteed to store), a key up to 250, made of letters, digits, `_ - . / ` and spaces
 * (mlflow/utils/validation.py). Keys are made valid here, values cut, and everything split into requests.
 */
import type { KeyValue, Metric } from './client.js';

export const LIMITS = {
  metrics: 1000,
  params: 100,
  tags: 100,
  total: 1000,
  bytes: 1_000_000,
  paramValue: 6000,
  tagValue: 5000,
  key: 250,
} as const;

export interface Batch {
  metrics: Metric[];
  params: KeyValue[];
  tags: KeyValue[];
}

/**
 * A valid, distinct key: characters MLflow refuses become `_`, no leading `/` and no `..` (keys are file names
 * in some stores), at most 250 characters; a key already taken gets `_2`, `_3`, ….
 */
export function keyMaker(): (raw: string) => string {
  const seen = new Set<string>();
  return (raw) => {
    let key = raw
      .replace(/[^\w.\- /]/g, '_')
      .replace(/\.{2,}/g, '_')
      .replace(/\/{2,}/g, '/')
      .replace(/^[/ ]+/, '')
      .slice(0, LIMITS.key);
    if (key === '') key = '_';
    let out = key;
    for (let n = 2; seen.has(out); n++) out = `${key.slice(0, LIMITS.key - String(n).length - 1)}_${n}`;
    seen.add(out);
    return out;
  };
}

/** A value cut to `max` characters, the cut marked with `…`. */
export function cut(value: string, max: number): string {
  return value.length <= max ? value : `${value.slice(0, max - 1)}…`;
}

const size = (x: unknown) => Buffer.byteLength(JSON.stringify(x));
/** Room for `{"run_id": "…", "metrics": [], "params": [], "tags": []}` around the items. */
const ENVELOPE = 200;

/**
 * The requests that log everything: each within the count limits and the byte limit. Params and tags go first
 * (a run's metadata is then complete after the first request), metrics fill the rest. Keys and values must
 * already be valid (keyMaker, cut).
 */
export function splitBatches(batch: Batch): Batch[] {
  const out: Batch[] = [];
  let cur: Batch = { metrics: [], params: [], tags: [] };
  let bytes = ENVELOPE;
  const count = (b: Batch) => b.metrics.length + b.params.length + b.tags.length;
  const flush = () => {
    if (count(cur) > 0) out.push(cur);
    cur = { metrics: [], params: [], tags: [] };
    bytes = ENVELOPE;
  };
  const add = <K extends keyof Batch>(kind: K, item: Batch[K][number], max: number) => {
    const n = size(item) + 1;
    if (cur[kind].length >= max || count(cur) >= LIMITS.total || bytes + n > LIMITS.bytes) flush();
    (cur[kind] as Batch[K][number][]).push(item);
    bytes += n;
  };
  for (const p of batch.params) add('params', p, LIMITS.params);
  for (const t of batch.tags) add('tags', t, LIMITS.tags);
  for (const m of batch.metrics) add('metrics', m, LIMITS.metrics);
  flush();
  return out;
}
