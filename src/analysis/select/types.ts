/** The test runners `ai-ci select` and `ai-ci shard` print arguments for. */
export const FRAMEWORKS = ['pytest', 'vitest', 'jest', 'node'] as const;
export type Framework = (typeof FRAMEWORKS)[number];

/** One file changed between the base and the head of a change (git's name-status letters A, M, D). */
export interface FileChange {
  path: string;
  status: 'added' | 'modified' | 'deleted';
  /** Blob ids of the file before and after the change (git's; absent on the side where the file does not exist). */
  before?: string;
  after?: string;
}

/** A file of the repository at the head of the change, with its git blob hash (its content hash). */
export interface RepoFile {
  path: string;
  hash: string;
}

/** What the history knows of one test file. */
export interface TestStats {
  /** Mean seconds per run of the whole file. */
  durationS?: number;
  /** Non-flaky failures divided by runs (0..1). */
  failureRate?: number;
  /** The file had a test that failed and passed on the same commit. */
  flaky?: boolean;
}

/** Why a test was chosen; `detail` names the changed file and the chain that links them. */
export interface SelectionReason {
  kind:
    | 'changed-test'
    | 'new-test'
    | 'import-graph'
    | 'coverage'
    | 'history'
    | 'reference'
    | 'rule'
    | 'sample'
    | 'full-run';
  detail: string;
}

export interface SelectedTest {
  path: string;
  reasons: SelectionReason[];
  /** Expected seconds (the history's mean, else the mean of the known ones, else 1). */
  expectedS: number;
  /** Likelihood-of-failure score used to order the tests (higher first). */
  score: number;
}
