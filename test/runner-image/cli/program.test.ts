import { describe, expect, it, vi } from 'vitest';
import { runCli } from '../../../src/runner-image/cli/program.js';
import { packageVersion } from '../../../src/runner-image/cli/version.js';

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  const o = vi.spyOn(process.stdout, 'write').mockImplementation((c) => {
    out.push(String(c));
    return true;
  });
  const e = vi.spyOn(process.stderr, 'write').mockImplementation((c) => {
    err.push(String(c));
    return true;
  });
  return {
    out,
    err,
    restore() {
      o.mockRestore();
      e.mockRestore();
    },
  };
}

describe('ai-ci CLI', () => {
  it('prints the package version', async () => {
    const c = capture();
    const code = await runCli(['version', '--json']);
    c.restore();
    expect(code).toBe(0);
    const info = JSON.parse(c.out.join(''));
    expect(info.version).toBe(packageVersion());
    expect(info.version).toMatch(/^\d+\.\d+\.\d+/);
  });

  it('exits 2 on an unknown command and says so', async () => {
    const c = capture();
    const code = await runCli(['no-such-command']);
    c.restore();
    expect(code).toBe(2);
    expect(c.err.join('')).toMatch(/unknown command/);
  });

  it('exits 0 on --help', async () => {
    const c = capture();
    const code = await runCli(['--help']);
    c.restore();
    expect(code).toBe(0);
    expect(c.out.join('')).toMatch(/Usage: ai-ci/);
  });
});
