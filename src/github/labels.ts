/**
 * Exact label routing. GitHub itself assigns a job to any runner whose labels are a SUPERSET of the job's
 * `runs-on` labels, so a CPU job (`[self-hosted, linux]`) can land on an expensive GPU runner
 * (`[self-hosted, linux, gpu]`). ai-ci only creates a runner for a job whose labels equal the pool's label set.
 */

/** The label GitHub gives every self-hosted runner; it says nothing about the machine, so it is not compared. */
export const SELF_HOSTED = 'self-hosted';

/** Lower-cased, de-duplicated, `self-hosted` removed, sorted: GitHub compares labels case-insensitively. */
export function normalizeLabels(labels: readonly string[]): string[] {
  const set = new Set<string>();
  for (const label of labels) {
    const l = label.trim().toLowerCase();
    if (l !== '' && l !== SELF_HOSTED) set.add(l);
  }
  return [...set].sort();
}

/** True when the pool serves the job: both label sets are equal after `normalizeLabels`. */
export function poolServesJob(poolLabels: readonly string[], jobLabels: readonly string[]): boolean {
  const pool = normalizeLabels(poolLabels);
  const job = normalizeLabels(jobLabels);
  if (pool.length === 0) return false; // a pool without labels would match only `runs-on: self-hosted`: refuse.
  return pool.length === job.length && pool.every((label, i) => label === job[i]);
}

/**
 * The labels to register a pool's JIT runner with: `self-hosted` plus the pool's labels (original spelling,
 * de-duplicated case-insensitively), so jobs written as `runs-on: [self-hosted, gpu]` reach it through GitHub's
 * own routing too.
 */
export function runnerLabelsForPool(poolLabels: readonly string[]): string[] {
  const seen = new Set<string>([SELF_HOSTED]);
  const out = [SELF_HOSTED];
  for (const label of poolLabels) {
    const trimmed = label.trim();
    const key = trimmed.toLowerCase();
    if (trimmed !== '' && !seen.has(key)) {
      seen.add(key);
      out.push(trimmed);
    }
  }
  return out;
}
