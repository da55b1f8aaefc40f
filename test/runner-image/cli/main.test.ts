/** The `ai-ci` entry point as a process: what a shell pipeline sees. */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const main = path.resolve(import.meta.dirname, '../../../src/runner-image/cli/main.ts');

describe('ai-ci main', () => {
  it('ends quietly when the reader of its output has gone (`ai-ci … --help | head`)', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', main, 'simulate', '--help'], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    // Close the reading end at once: every write of the help text meets a closed pipe (EPIPE).
    child.stdout.destroy();
    let err = '';
    child.stderr.on('data', (d) => {
      err += d;
    });
    const code = await new Promise<number | null>((r) => child.on('close', (c) => r(c)));
    expect(err).not.toMatch(/EPIPE|Error|at /);
    expect(code).toBe(0);
  }, 30_000);
});
