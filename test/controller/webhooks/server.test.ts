import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadWebhookSecret } from '../../../src/controller/webhooks/server.js';

describe('loadWebhookSecret', () => {
  it('reads the file (trailing newline dropped) before the variable', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ai-ci-secret-'));
    const file = join(dir, 'secret');
    writeFileSync(file, 's3cr3t-from-file\n');
    expect(loadWebhookSecret({ AI_CI_WEBHOOK_SECRET_FILE: file, AI_CI_WEBHOOK_SECRET: 'env' })).toBe(
      's3cr3t-from-file',
    );
    expect(loadWebhookSecret({ AI_CI_WEBHOOK_SECRET: 'env-secret' })).toBe('env-secret');
  });

  it('errors name the file or variable, never a secret', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ai-ci-secret-'));
    const empty = join(dir, 'empty');
    writeFileSync(empty, '\n');
    expect(() => loadWebhookSecret({ AI_CI_WEBHOOK_SECRET_FILE: join(dir, 'missing') })).toThrow(
      /missing.*ENOENT/,
    );
    expect(() => loadWebhookSecret({ AI_CI_WEBHOOK_SECRET_FILE: empty })).toThrow(/empty/);
    expect(() => loadWebhookSecret({})).toThrow(/AI_CI_WEBHOOK_SECRET_FILE.*AI_CI_WEBHOOK_SECRET/);
  });
});
