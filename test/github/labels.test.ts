import { describe, expect, it } from 'vitest';
import { normalizeLabels, poolServesJob, runnerLabelsForPool } from '../../src/github/labels.js';

describe('poolServesJob (exact label routing)', () => {
  const cases: { name: string; pool: string[]; job: string[]; serves: boolean }[] = [
    { name: 'same single label', pool: ['ubuntu-latest-gpu'], job: ['ubuntu-latest-gpu'], serves: true },
    {
      name: 'self-hosted on the job is ignored',
      pool: ['gpu', 'linux'],
      job: ['self-hosted', 'linux', 'gpu'],
      serves: true,
    },
    { name: 'self-hosted on the pool is ignored', pool: ['self-hosted', 'gpu'], job: ['gpu'], serves: true },
    { name: 'case-insensitive like GitHub', pool: ['GPU', 'Linux'], job: ['linux', 'gpu'], serves: true },
    { name: 'order does not matter', pool: ['a', 'b', 'c'], job: ['c', 'a', 'b'], serves: true },
    { name: 'duplicates collapse', pool: ['gpu'], job: ['gpu', 'GPU'], serves: true },
    // The superset case: GitHub would run this CPU job on a GPU runner; ai-ci does not create one for it.
    {
      name: 'CPU job never lands on a GPU pool (job ⊂ pool)',
      pool: ['linux', 'gpu'],
      job: ['self-hosted', 'linux'],
      serves: false,
    },
    {
      name: 'job asks for more than the pool has (pool ⊂ job)',
      pool: ['linux'],
      job: ['linux', 'gpu'],
      serves: false,
    },
    { name: 'disjoint', pool: ['gpu'], job: ['arm64'], serves: false },
    {
      name: 'only self-hosted never matches a labelled pool',
      pool: ['gpu'],
      job: ['self-hosted'],
      serves: false,
    },
    { name: 'a pool without labels serves nothing', pool: [], job: ['self-hosted'], serves: false },
    {
      name: 'GitHub-hosted label is not ours',
      pool: ['ubuntu-latest-gpu'],
      job: ['ubuntu-latest'],
      serves: false,
    },
  ];
  for (const c of cases) {
    it(c.name, () => {
      expect(poolServesJob(c.pool, c.job)).toBe(c.serves);
    });
  }
});

describe('normalizeLabels', () => {
  it('lower-cases, trims, removes self-hosted and empties, de-duplicates, sorts', () => {
    expect(normalizeLabels([' GPU ', 'self-hosted', 'Self-Hosted', '', 'linux', 'gpu'])).toEqual([
      'gpu',
      'linux',
    ]);
  });
});

describe('runnerLabelsForPool', () => {
  it('puts self-hosted first and keeps the pool spelling, without duplicates', () => {
    expect(runnerLabelsForPool(['ubuntu-latest-gpu', 'Self-Hosted', 'GPU', 'gpu'])).toEqual([
      'self-hosted',
      'ubuntu-latest-gpu',
      'GPU',
    ]);
  });
  it('a runner registered with these labels is served by the same pool', () => {
    const pool = ['linux', 'gpu'];
    expect(poolServesJob(pool, runnerLabelsForPool(pool))).toBe(true);
  });
});
