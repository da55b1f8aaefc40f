import { describe, expect, it } from 'vitest';
import { packageVersion } from '../../../src/runner-image/cli/version.js';
import { runCliCaptured } from '../../support/cli.js';

describe('ai-ci CLI', () => {
  it('prints the package version', async () => {
    const r = await runCliCaptured(['version', '--json']);
    expect(r.code).toBe(0);
    const info = JSON.parse(r.out);
    expect(info.version).toBe(packageVersion());
    expect(info.version).toMatch(/^\d+\.\d+\.\d+/);
  });

  it('exits 2 on an unknown command and says so', async () => {
    const r = await runCliCaptured(['no-such-command']);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/unknown command/);
  });

  it('exits 0 on --help', async () => {
    const r = await runCliCaptured(['--help']);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/Usage: ai-ci/);
  });
});
