import { describe, expect, it } from 'vitest';
import { poolThatRan } from '../../../src/controller/runnerpool/job-energy.js';

describe('poolThatRan: which of the pools matching a job’s labels ran it', () => {
  it.each([
    ['the pool whose name starts the runner name', 'gpu-ab12c', ['ci/cpu', 'ci/gpu'], 'ci/gpu'],
    [
      'not a pool whose name is only a prefix of another',
      'gpu-large-ab12c',
      ['ci/gpu', 'ci/gpu-large'],
      'ci/gpu-large',
    ],
    ['the only candidate when the runner is unknown', undefined, ['ci/gpu'], 'ci/gpu'],
    ['nobody when several match and the runner says nothing', undefined, ['ci/a', 'ci/b'], undefined],
    ['nobody when no pool matches', 'x-ab12c', [], undefined],
  ])('%s', (_name, runnerName, candidates, expected) => {
    expect(poolThatRan(runnerName ? { runnerName } : {}, candidates)).toBe(expected);
  });
});
