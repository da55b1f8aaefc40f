import { describe, expect, it } from 'vitest';
import { credentialsFromSecret, redact, secretValues } from '../../src/github/credentials.js';
import { CredentialsError } from '../../src/github/errors.js';
import { generateAppKeyPair } from '../fakes/github/keys.js';

const b64 = (s: string) => Buffer.from(s).toString('base64');
const { privateKeyPem } = generateAppKeyPair();
const TOKEN = 'ghp_abcdefghijklmnopqrstuvwxyz0123456789';

function thrown(fn: () => unknown): CredentialsError {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(CredentialsError);
    return error as CredentialsError;
  }
  throw new Error('expected a CredentialsError');
}

describe('credentialsFromSecret', () => {
  it('reads a GitHub App (values base64, trailing newlines trimmed)', () => {
    const creds = credentialsFromSecret({
      'github-app-id': b64('12345\n'),
      'github-app-installation-id': b64('678'),
      'github-app-private-key': b64(privateKeyPem),
    });
    expect(creds).toEqual({ kind: 'app', appId: 12345, installationId: 678, privateKey: privateKeyPem });
  });

  it('reads a token', () => {
    expect(credentialsFromSecret({ 'github-token': b64(`${TOKEN}\n`) })).toEqual({
      kind: 'token',
      token: TOKEN,
    });
  });

  it('names the missing App key, not the values it has', () => {
    const error = thrown(() =>
      credentialsFromSecret({ 'github-app-id': b64('1'), 'github-app-private-key': b64(privateKeyPem) }),
    );
    expect(error.keys).toEqual(['github-app-installation-id']);
    expect(error.message).toContain('github-app-installation-id');
    expect(error.message).not.toContain('PRIVATE KEY');
    expect(error.message).not.toContain(b64(privateKeyPem).slice(0, 40));
  });

  it('a complete App wins over a token; an incomplete App next to a token falls back to the token', () => {
    const app = {
      'github-app-id': b64('1'),
      'github-app-installation-id': b64('2'),
      'github-app-private-key': b64(privateKeyPem),
    };
    expect(credentialsFromSecret({ ...app, 'github-token': b64(TOKEN) }).kind).toBe('app');
    expect(credentialsFromSecret({ 'github-app-id': b64('1'), 'github-token': b64(TOKEN) })).toEqual({
      kind: 'token',
      token: TOKEN,
    });
  });

  it.each([
    [
      {
        'github-app-id': b64('abc'),
        'github-app-installation-id': b64('2'),
        'github-app-private-key': b64(privateKeyPem),
      },
      'github-app-id',
    ],
    [
      {
        'github-app-id': b64('1'),
        'github-app-installation-id': b64('-2'),
        'github-app-private-key': b64(privateKeyPem),
      },
      'github-app-installation-id',
    ],
    [
      {
        'github-app-id': b64('1'),
        'github-app-installation-id': b64('2'),
        'github-app-private-key': b64('not a key'),
      },
      'github-app-private-key',
    ],
    [{ 'github-token': '!!!not-base64!!!' }, 'github-token'],
    [{ 'github-token': b64('two words') }, 'github-token'],
  ])('names the bad key %#', (data, key) => {
    const error = thrown(() => credentialsFromSecret(data));
    expect(error.keys).toEqual([key]);
    expect(error.message).toContain(key);
    for (const value of Object.values(data)) {
      expect(error.message).not.toContain(value);
      expect(error.message).not.toContain(Buffer.from(value, 'base64').toString('utf8'));
    }
  });

  it('an empty or absent Secret names every accepted key', () => {
    const error = thrown(() => credentialsFromSecret(undefined));
    expect(error.keys).toEqual([
      'github-app-id',
      'github-app-installation-id',
      'github-app-private-key',
      'github-token',
    ]);
  });
});

describe('redact', () => {
  it('removes the credentials and GitHub token patterns', () => {
    const creds = { kind: 'app' as const, appId: 1, installationId: 2, privateKey: privateKeyPem };
    const keyLine = privateKeyPem.split('\n')[3]!;
    const text = `failed: ${keyLine} and ghs_0123456789abcdefghijABCDEFGHIJ and ${TOKEN}`;
    const out = redact(text, secretValues(creds));
    expect(out).not.toContain(keyLine);
    expect(out).not.toContain('ghs_0123456789abcdefghij');
    expect(out).not.toContain(TOKEN);
    expect(out).toContain('failed:');
  });
});
