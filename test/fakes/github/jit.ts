/**
 * The fake's just-in-time runner configuration. GitHub's real `encoded_jit_config` is an OPAQUE base64 blob for
 * `run.sh --jitconfig` (it holds the runner's credentials); ai-ci never looks inside it. The fake's is base64 JSON
 * so a test (or a fake runner Pod) can tell which runner a Secret was made for.
 */
export interface FakeJitConfig {
  fake: 'ai-ci-github-fake';
  runnerId: number;
  runnerName: string;
  labels: string[];
  runnerGroupId: number;
  /** `org` or `owner/repo`. */
  scope: string;
  workFolder: string;
}

export function encodeFakeJitConfig(config: Omit<FakeJitConfig, 'fake'>): string {
  return Buffer.from(JSON.stringify({ fake: 'ai-ci-github-fake', ...config })).toString('base64');
}

/** Decodes a fake JIT config; throws when the blob did not come from the fake. */
export function decodeFakeJitConfig(encoded: string): FakeJitConfig {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(encoded, 'base64').toString('utf8'));
  } catch {
    throw new Error('not a JIT config issued by the GitHub fake (not base64 JSON)');
  }
  if (!parsed || typeof parsed !== 'object' || (parsed as { fake?: unknown }).fake !== 'ai-ci-github-fake') {
    throw new Error('not a JIT config issued by the GitHub fake');
  }
  return parsed as FakeJitConfig;
}
