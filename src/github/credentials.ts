import { CredentialsError } from './errors.js';
import type { GitHubCredentials } from './types.js';

/** The Secret keys a RunnerPool's `spec.github.credentialsSecretRef` may hold. */
export const SECRET_KEYS = {
  appId: 'github-app-id',
  installationId: 'github-app-installation-id',
  privateKey: 'github-app-private-key',
  token: 'github-token',
} as const;

const APP_KEYS = [SECRET_KEYS.appId, SECRET_KEYS.installationId, SECRET_KEYS.privateKey];
const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

/**
 * Reads GitHub credentials from a Kubernetes Secret's `data` (base64 values). Either all three `github-app-*` keys
 * (a GitHub App installation; used when the token is there too) or `github-token`. Errors name the keys at fault,
 * never their values.
 */
export function credentialsFromSecret(secretData: Record<string, string> | undefined): GitHubCredentials {
  const data = secretData ?? {};
  const present = (key: string) => typeof data[key] === 'string' && data[key] !== '';
  const appKeysPresent = APP_KEYS.filter(present);
  const hasToken = present(SECRET_KEYS.token);

  // The App wins when it is complete (as the RunnerPool reference says); an incomplete App next to a token is
  // ignored in favour of the token, and alone is an error naming what is missing.
  if (appKeysPresent.length === APP_KEYS.length || (appKeysPresent.length > 0 && !hasToken)) {
    const missing = APP_KEYS.filter((key) => !present(key));
    if (missing.length > 0) {
      throw new CredentialsError(
        `credentials Secret is missing key${missing.length > 1 ? 's' : ''} ${missing.join(', ')} (a GitHub App needs ${APP_KEYS.join(', ')})`,
        missing,
      );
    }
    const appId = positiveInteger(decode(data, SECRET_KEYS.appId), SECRET_KEYS.appId);
    const installationId = positiveInteger(
      decode(data, SECRET_KEYS.installationId),
      SECRET_KEYS.installationId,
    );
    const privateKey = decode(data, SECRET_KEYS.privateKey);
    if (
      !/-----BEGIN (RSA )?PRIVATE KEY-----/.test(privateKey) ||
      !/-----END (RSA )?PRIVATE KEY-----/.test(privateKey)
    ) {
      throw new CredentialsError(
        `credentials Secret key ${SECRET_KEYS.privateKey} is not a PEM private key (expected the .pem file GitHub generated for the App)`,
        [SECRET_KEYS.privateKey],
      );
    }
    return { kind: 'app', appId, installationId, privateKey: `${privateKey.trim()}\n` };
  }
  if (hasToken) {
    const token = decode(data, SECRET_KEYS.token);
    if (token === '' || /\s/.test(token)) {
      throw new CredentialsError(
        `credentials Secret key ${SECRET_KEYS.token} is empty or contains whitespace`,
        [SECRET_KEYS.token],
      );
    }
    return { kind: 'token', token };
  }
  throw new CredentialsError(
    `credentials Secret has neither the GitHub App keys (${APP_KEYS.join(', ')}) nor ${SECRET_KEYS.token}`,
    [...APP_KEYS, SECRET_KEYS.token],
  );
}

/** Decodes one base64 value and trims the newline `echo`/`kubectl create secret --from-file` usually leaves. */
function decode(data: Record<string, string>, key: string): string {
  const raw = (data[key] ?? '').replace(/\s+/g, '');
  // Buffer.from(…, 'base64') silently skips invalid characters; a typo would become a wrong credential.
  if (raw.length % 4 === 1 || !BASE64.test(raw)) {
    throw new CredentialsError(`credentials Secret key ${key} is not valid base64`, [key]);
  }
  return Buffer.from(raw, 'base64').toString('utf8').trim();
}

function positiveInteger(text: string, key: string): number {
  if (!/^[1-9][0-9]{0,15}$/.test(text)) {
    throw new CredentialsError(`credentials Secret key ${key} must be a positive integer`, [key]);
  }
  return Number(text);
}

/** Every credential string a client holds, for scrubbing messages (see `redact`). */
export function secretValues(credentials: GitHubCredentials): string[] {
  if (credentials.kind === 'token') return [credentials.token];
  // Also each base64 line of the key body, so a partial echo of the PEM is caught.
  const lines = credentials.privateKey
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line.length >= 16 && !line.startsWith('-----'));
  return [credentials.privateKey.trim(), ...lines];
}

/** Replaces every occurrence of the given secrets (and of any GitHub token pattern) in text. */
export function redact(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const secret of secrets) {
    if (secret.length >= 8) out = out.split(secret).join('[REDACTED]');
  }
  // Installation tokens (ghs_), PATs (ghp_, github_pat_), OAuth/user tokens (gho_, ghu_), refresh tokens (ghr_).
  return out.replace(/\b(gh[opsur]_[A-Za-z0-9]{20,}|github_pat_[A-Za-z0-9_]{20,})\b/g, '[REDACTED]');
}
