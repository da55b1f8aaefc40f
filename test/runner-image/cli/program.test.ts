import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
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

  it('loads onnxruntime and prints its version only when asked (--onnxruntime)', async () => {
    const plain = JSON.parse((await runCliCaptured(['version', '--json'])).out);
    expect(plain).not.toHaveProperty('onnxruntime');
    const r = await runCliCaptured(['version', '--json', '--onnxruntime']);
    expect(r.code).toBe(0);
    const entry = createRequire(import.meta.url).resolve('onnxruntime-node');
    const ortPkg = JSON.parse(readFileSync(join(dirname(entry), '..', 'package.json'), 'utf8'));
    expect(JSON.parse(r.out).onnxruntime).toBe(ortPkg.version);
    const text = await runCliCaptured(['version', '--onnxruntime']);
    expect(text.out).toContain(`, onnxruntime ${ortPkg.version})`);
  });

  it('exits 2 on an unknown command and says so', async () => {
    const r = await runCliCaptured(['no-such-command']);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/unknown command/);
  });

  it('answers a bad flag with one line and a hint, not the whole help, and exits 2', async () => {
    const r = await runCliCaptured(['perf', 'analyze', 'x.json', '--baselin', 'b.json']);
    expect(r.code).toBe(2);
    const lines = r.err.trim().split('\n');
    expect(lines[0]).toMatch(/unknown option '--baselin'/);
    expect(lines.at(-1)).toBe("(run 'ai-ci perf analyze --help' for usage)");
    // The error, commander's suggestion, the hint.
    expect(lines).toEqual([expect.any(String), '(Did you mean --baseline?)', expect.any(String)]);
    expect(r.err).not.toMatch(/Usage:/);
  });

  it('exits 0 on --help', async () => {
    const r = await runCliCaptured(['--help']);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/Usage: ai-ci/);
  });
});
