/**
 * From a CarbonPolicy's `spec.source` to a CarbonSource: credentials read from the referenced Secret, base URLs
 * (the spec's `apiUrl`, else a controller-wide override for mirrors and tests, else the public API), and a provider
 * wrapper that remembers the kind of the last failure for the SourceHealthy condition's reason.
 *
 * Credentials live only in the provider client: they are never logged, never written to status or events, and
 * enter the source fingerprint only as a hash (so a rotated token rebuilds the client).
 */
import { createHash } from 'node:crypto';
import type { V1Secret } from '@kubernetes/client-node';
import {
  type CarbonSource as CarbonSourceSpec,
  type CarbonSourceType,
  WATTTIME_CREDENTIAL_KEYS,
} from '../../api/v1alpha1/index.js';
import type { HttpOptions } from '../../carbon/providers/http.js';
import type { ProviderCredentials } from '../../carbon/providers/index.js';
import {
  createProvider,
  type IntensityProvider,
  ProviderError,
  type ProviderErrorKind,
} from '../../carbon/providers/index.js';
import { CarbonSource } from '../../carbon/source.js';
import type { Blocked } from './status.js';

/** Providers whose base URL a controller-wide option may override. */
export type HttpSourceType = Extract<CarbonSourceType, 'ukCarbonIntensity' | 'electricityMaps' | 'wattTime'>;
export const HTTP_SOURCE_TYPES: readonly HttpSourceType[] = [
  'ukCarbonIntensity',
  'electricityMaps',
  'wattTime',
];

export interface SourceFactoryOptions {
  /** Base URL per provider for policies that set no `apiUrl` of their own (an air-gapped mirror, a test fake). */
  apiBaseUrls?: Partial<Record<HttpSourceType, string>>;
  /** Timeouts and retries of the provider clients. */
  http?: HttpOptions;
}

export type ReadSecret = (namespace: string, name: string) => Promise<V1Secret | undefined>;

/** Credentials could not be read; `blocked` becomes the policy's condition (it names Secret and key only). */
export class CredentialsError extends Error {
  override readonly name = 'CredentialsError';
  constructor(readonly blocked: Blocked) {
    super(blocked.message);
  }
}

function secretValue(secret: V1Secret, key: string): string | undefined {
  const raw = secret.data?.[key];
  if (raw !== undefined) return Buffer.from(raw, 'base64').toString('utf8').trim() || undefined;
  const plain = secret.stringData?.[key];
  return plain?.trim() || undefined;
}

/** The credentials `spec.source` needs (none for UK, file and static), read from Secrets in `namespace`. */
export async function readCredentials(
  source: CarbonSourceSpec,
  namespace: string,
  readSecret: ReadSecret,
): Promise<ProviderCredentials> {
  const need = async (name: string, keys: string[], field: string) => {
    const secret = await readSecret(namespace, name);
    if (!secret) {
      throw new CredentialsError({
        reason: 'SecretNotFound',
        message: `${field}: Secret ${namespace}/${name} not found`,
      });
    }
    const values: Record<string, string> = {};
    for (const key of keys) {
      const v = secretValue(secret, key);
      if (v === undefined) {
        throw new CredentialsError({
          reason: 'SecretNotFound',
          message: `${field}: Secret ${namespace}/${name} has no non-empty key "${key}"`,
        });
      }
      values[key] = v;
    }
    return values;
  };
  if (source.electricityMaps) {
    const ref = source.electricityMaps.tokenSecretRef;
    const key = ref.key ?? 'auth-token';
    const v = await need(ref.name, [key], 'spec.source.electricityMaps.tokenSecretRef');
    return { electricityMapsToken: v[key]! };
  }
  if (source.wattTime) {
    const { username, password } = WATTTIME_CREDENTIAL_KEYS;
    const v = await need(
      source.wattTime.credentialsSecretRef.name,
      [username, password],
      'spec.source.wattTime.credentialsSecretRef',
    );
    return { wattTime: { username: v[username]!, password: v[password]! } };
  }
  return {};
}

/** Every credential value, for redaction. */
export function secretValues(credentials: ProviderCredentials): string[] {
  return [
    credentials.electricityMapsToken,
    credentials.wattTime?.username,
    credentials.wattTime?.password,
  ].filter((v): v is string => typeof v === 'string' && v.length > 0);
}

/** Replaces each secret value (4 characters or more: shorter ones would mangle ordinary words) with `***`. */
export function redactor(secrets: readonly string[]): (text: string) => string {
  const long = secrets.filter((s) => s.length >= 4).sort((a, b) => b.length - a.length);
  if (long.length === 0) return (t) => t;
  return (text) => long.reduce((t, s) => t.split(s).join('***'), text);
}

/** `spec.source` with the controller-wide base URL filled in where the policy sets none. */
export function withBaseUrls(
  source: CarbonSourceSpec,
  apiBaseUrls: SourceFactoryOptions['apiBaseUrls'] = {},
): CarbonSourceSpec {
  const out: CarbonSourceSpec = { ...source };
  for (const type of HTTP_SOURCE_TYPES) {
    const member = source[type];
    const base = apiBaseUrls[type];
    if (member && !member.apiUrl && base)
      (out as Record<string, unknown>)[type] = { ...member, apiUrl: base };
  }
  return out;
}

/** What identifies a source client: when it changes, the client (and its breaker and history) is rebuilt. */
export function sourceFingerprint(
  source: CarbonSourceSpec,
  settings: { breaker: unknown; forecastHorizonMs: number; refreshIntervalMs: number },
  credentials: ProviderCredentials,
): string {
  const credentialHash = createHash('sha256').update(JSON.stringify(credentials)).digest('hex');
  return createHash('sha256').update(JSON.stringify({ source, settings, credentialHash })).digest('hex');
}

/**
 * A provider that remembers how its last call ended, so the controller can tell `Unauthorized` from
 * `RateLimited` from `FetchFailed` (CarbonSource keeps only the message). History calls are not recorded: the
 * CarbonSource treats their failure as non-fatal.
 */
export class RecordingProvider implements IntensityProvider {
  /** Incremented on every current() call: tells whether a read() called the provider at all. */
  calls = 0;
  lastErrorKind: ProviderErrorKind | undefined;

  constructor(private readonly inner: IntensityProvider) {}

  get name(): string {
    return this.inner.name;
  }
  get kind() {
    return this.inner.kind;
  }

  async current(now: number) {
    this.calls++;
    return this.record(() => this.inner.current(now));
  }
  async forecast(now: number, horizonMs: number) {
    return this.record(() => this.inner.forecast(now, horizonMs));
  }
  history(now: number, lookbackMs: number) {
    return this.inner.history(now, lookbackMs);
  }

  private async record<T>(call: () => Promise<T>): Promise<T> {
    try {
      const value = await call();
      this.lastErrorKind = undefined;
      return value;
    } catch (err) {
      this.lastErrorKind = err instanceof ProviderError ? err.kind : 'network';
      throw err;
    }
  }
}

export interface BuiltSource {
  source: CarbonSource;
  provider: RecordingProvider;
}

export function buildSource(
  source: CarbonSourceSpec,
  credentials: ProviderCredentials,
  settings: {
    breaker: { failureThreshold: number; openDurationMs: number };
    forecastHorizonMs: number;
    refreshIntervalMs: number;
  },
  options: { http?: HttpOptions; clock: () => number },
): BuiltSource {
  const provider = new RecordingProvider(
    createProvider(source, credentials, {
      ...(options.http ?? {}),
      clock: options.clock,
      // The CarbonSource already reuses a reading for refreshInterval; a second cache below it would only
      // serve stale answers to the refresh that is due.
      cacheTtlMs: 0,
    }),
  );
  return {
    provider,
    source: new CarbonSource({
      provider,
      clock: options.clock,
      breaker: settings.breaker,
      forecastHorizonMs: settings.forecastHorizonMs,
      refreshIntervalMs: settings.refreshIntervalMs,
    }),
  };
}
