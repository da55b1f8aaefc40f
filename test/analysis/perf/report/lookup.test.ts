import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { HistoryStore } from '../../../../src/analysis/perf/history/index.js';
import { parseResultsFile } from '../../../../src/analysis/perf/parse/index.js';
import { baselineLookup } from '../../../../src/analysis/perf/report/lookup.js';

// pytest-benchmark's own saved runs (test/fixtures/perf/peers): 0003–0030 are reruns of one commit, 5b78858.
const DIR = join(import.meta.dirname, '../../../fixtures/perf/peers/pytest-benchmark');
const files = readdirSync(DIR)
  .filter((f) => f.endsWith('.json'))
  .sort();

describe('baselineLookup: what it says when nothing is left to compare with', () => {
  it('names runs of the same commit as the reason, not a "new benchmark"', async () => {
    const store = HistoryStore.open(':memory:');
    try {
      for (const f of files.slice(2, 10)) {
        const run = await parseResultsFile(join(DIR, f));
        store.record(run.results, { time: run.context.time!, machine: 'ci', commit: run.context.commit! });
      }
      const candidate = await parseResultsFile(join(DIR, files[29]!));
      const commit = candidate.context.commit!;
      const lookup = baselineLookup({ store, machine: 'ci', baselineRuns: 30, commit });
      expect(lookup(candidate.results[0]!)).toEqual({
        missing: `the history's 8 runs of this benchmark on machine class ci are of this same commit ${commit.slice(0, 12)}, which a run is not compared with: record runs of other commits (the base branch) first`,
      });
      // Another commit of the candidate: the same runs are its baseline.
      const other = baselineLookup({ store, machine: 'ci', baselineRuns: 30, commit: 'f'.repeat(40) });
      expect('missing' in other(candidate.results[0]!)).toBe(false);
    } finally {
      store.close();
    }
  });
});
