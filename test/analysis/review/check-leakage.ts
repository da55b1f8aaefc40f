/**
 * The leakage flow tests' one check: a program whose lines to report are marked `# <- rule` (as many marks as
 * findings on a line), reviewed with the leakage family alone; the findings must be exactly the marked ones.
 */
import { expect } from 'vitest';
import { reviewSources } from '../../../src/analysis/review/index.js';

export async function check(source: string, path = 'prog.py'): Promise<void> {
  const text = source.replace(/^\n/, '');
  const expected = text
    .split('\n')
    .flatMap((l, i) => [...l.matchAll(/# <- (leak-[a-z-]+)/g)].map((m) => `${m[1]}@${i + 1}`));
  const r = await reviewSources([{ path, text }], { families: ['leakage'] });
  expect(r.problems).toEqual([]);
  const got = r.findings.map((f) => `${f.ruleId}@${f.location.line}`);
  expect(got.sort()).toEqual(expected.sort());
}
