/**
 * GitHub access per RunnerPool: a client per credentials Secret (reused while the Secret's resourceVersion is
 * unchanged, so App installation tokens are cached), and a short-lived cache of each scope's runner listing that
 * the controller's own registrations and removals keep current (one listRunners per scope per TTL, however many
 * pools and reconciles).
 */
import type { V1Secret } from '@kubernetes/client-node';
import type { RunnerPool } from '../../api/v1alpha1/index.js';
import { credentialsFromSecret } from '../../github/credentials.js';
import { CredentialsError } from '../../github/errors.js';
import { scopeFromSpec, scopeKey } from '../../github/scope.js';
import type {
  GitHubClient,
  GitHubClientFactory,
  GitHubClientOptions,
  GitHubScope,
  RunnerInfo,
} from '../../github/types.js';
import type { GitHubObservation, ListedRunner } from './model.js';

export interface PoolGitHub {
  client: GitHubClient;
  scope: GitHubScope;
  /** Cache key of the client (namespace/secret@resourceVersion|baseUrl). */
  clientKey: string;
  /** Credentials Secret as `namespace/name` (metrics label). */
  credentials: string;
}

export type PoolGitHubResult = { ok: true; gh: PoolGitHub } | { ok: false; observation: GitHubObservation };

export interface GitHubAccessOptions {
  factory: GitHubClientFactory;
  /** Reads a Secret; undefined when it does not exist. */
  readSecret: (namespace: string, name: string) => Promise<V1Secret | undefined>;
  /** Options for every client; `onResponse` receives the credentials label too. */
  clientOptions?: (credentials: string) => GitHubClientOptions;
  /** How long a runner listing is reused, ms. */
  listTtlMs?: number;
  /** Adapts a pool's client (a scale-set pool's JIT configs come from its scale set; see scaleset-source.ts). */
  decorate?: (pool: RunnerPool, gh: PoolGitHub) => PoolGitHub;
  now?: () => number;
}

/** The REST base URL of a pool: spec.github.apiUrl, else enterpriseUrl + /api/v3, else github.com. */
export function apiBaseUrl(pool: RunnerPool): string | undefined {
  const g = pool.spec.github;
  if (g.apiUrl) return g.apiUrl.replace(/\/+$/, '');
  if (g.enterpriseUrl) return `${g.enterpriseUrl.replace(/\/+$/, '')}/api/v3`;
  return undefined;
}

function decodeData(secret: V1Secret): Record<string, string> | undefined {
  return secret.data;
}

/** Listings are cached for every scope (10,000 runners at scale): only what decide() reads. */
function slimRunner(r: RunnerInfo): ListedRunner {
  return { id: r.id, name: r.name, status: r.status, busy: r.busy };
}

interface Listing {
  runners: Map<string, ListedRunner>;
  listedAt: number;
  /** When this controller registered a runner (so a listing started before it does not drop it). */
  registeredSince: Map<string, number>;
  inflight?: Promise<void>;
}

export class GitHubAccess {
  private readonly clients = new Map<string, GitHubClient>();
  private readonly listings = new Map<string, Listing>();
  private readonly listTtlMs: number;
  private readonly now: () => number;

  constructor(private readonly options: GitHubAccessOptions) {
    this.listTtlMs = options.listTtlMs ?? 10_000;
    this.now = options.now ?? Date.now;
  }

  /** The pool's client and scope, or why GitHub cannot be reached (the message names keys, never values). */
  async forPool(pool: RunnerPool): Promise<PoolGitHubResult> {
    const namespace = pool.metadata.namespace ?? 'default';
    const ref = pool.spec.github.credentialsSecretRef.name;
    const credentials = `${namespace}/${ref}`;
    let scope: GitHubScope;
    try {
      scope = scopeFromSpec(pool.spec.github);
    } catch (err) {
      return {
        ok: false,
        observation: { reachable: false, reason: 'CredentialsInvalid', message: (err as Error).message },
      };
    }
    const secret = await this.options.readSecret(namespace, ref);
    if (!secret) {
      return {
        ok: false,
        observation: {
          reachable: false,
          reason: 'CredentialsMissing',
          message: `credentials Secret ${credentials} (spec.github.credentialsSecretRef) does not exist`,
        },
      };
    }
    const baseUrl = apiBaseUrl(pool);
    const clientKey = `${credentials}@${secret.metadata?.resourceVersion ?? ''}|${baseUrl ?? ''}`;
    let client = this.clients.get(clientKey);
    if (!client) {
      try {
        const creds = credentialsFromSecret(decodeData(secret));
        const opts: GitHubClientOptions = { ...(this.options.clientOptions?.(credentials) ?? {}) };
        if (baseUrl) opts.baseUrl = baseUrl;
        client = this.options.factory(creds, opts);
      } catch (err) {
        const message =
          err instanceof CredentialsError
            ? `credentials Secret ${credentials}: ${err.message}`
            : `credentials Secret ${credentials} is unusable`;
        return { ok: false, observation: { reachable: false, reason: 'CredentialsInvalid', message } };
      }
      // Drop clients of older versions of the same Secret.
      for (const key of this.clients.keys()) {
        if (key.startsWith(`${credentials}@`) && key.endsWith(`|${baseUrl ?? ''}`)) this.clients.delete(key);
      }
      this.clients.set(clientKey, client);
    }
    const gh: PoolGitHub = { client, scope, clientKey, credentials };
    return { ok: true, gh: this.options.decorate ? this.options.decorate(pool, gh) : gh };
  }

  private listingKey(gh: PoolGitHub): string {
    return `${gh.clientKey}#${scopeKey(gh.scope)}`;
  }

  /**
   * The scope's runners. A listing older than listTtlMs is refreshed in the background while the previous one is
   * returned (stale-while-revalidate: a reconcile never waits for GitHub's list round trip, and every decision
   * knows the listing's real age through `listedAt`); the first listing, or `fresh`, is awaited.
   */
  async runners(
    gh: PoolGitHub,
    fresh = false,
  ): Promise<{ runners: Map<string, ListedRunner>; listedAt: number }> {
    const key = this.listingKey(gh);
    const listing = this.listings.get(key);
    const stale = !listing || fresh || this.now() - listing.listedAt >= this.listTtlMs;
    if (stale) {
      const refresh = listing?.inflight ?? this.refresh(key, gh);
      if (!listing || listing.listedAt === 0 || fresh) await refresh;
      else void refresh.catch(() => {}); // a failed background refresh is retried by the next reconcile
    }
    const current = this.listings.get(key);
    if (!current || current.listedAt === 0) throw new Error('no runner listing');
    return { runners: current.runners, listedAt: current.listedAt };
  }

  private refresh(key: string, gh: PoolGitHub): Promise<void> {
    const startedAt = this.now();
    const previous = this.listings.get(key);
    const inflight = gh.client.listRunners(gh.scope).then(
      (list) => {
        const runners = new Map<string, ListedRunner>();
        for (const r of list) runners.set(r.name, slimRunner(r));
        // Runners registered while the list was in flight are kept (the list may predate them).
        const current = this.listings.get(key);
        for (const [name, r] of current?.runners ?? []) {
          if (!runners.has(name) && (current?.registeredSince.get(name) ?? 0) >= startedAt)
            runners.set(name, r);
        }
        this.listings.set(key, {
          runners,
          listedAt: startedAt,
          registeredSince: current?.registeredSince ?? new Map(),
        });
      },
      (err: unknown) => {
        const l = this.listings.get(key);
        if (l) delete l.inflight;
        throw err;
      },
    );
    this.listings.set(key, {
      runners: previous?.runners ?? new Map(),
      listedAt: previous?.listedAt ?? 0,
      registeredSince: previous?.registeredSince ?? new Map(),
      inflight,
    });
    return inflight;
  }

  /** Records a runner the controller just registered, so the cached listing knows it. */
  noteRegistered(gh: PoolGitHub, runner: RunnerInfo): void {
    const l = this.listings.get(this.listingKey(gh));
    if (!l) return;
    l.runners.set(runner.name, slimRunner(runner));
    l.registeredSince.set(runner.name, this.now());
    if (l.registeredSince.size > 10_000) {
      for (const [name, at] of l.registeredSince)
        if (this.now() - at > 10 * this.listTtlMs) l.registeredSince.delete(name);
    }
  }

  /** Records a runner the controller just deregistered. */
  noteRemoved(gh: PoolGitHub, runnerName: string): void {
    this.listings.get(this.listingKey(gh))?.runners.delete(runnerName);
  }

  /** Marks the scope's listing stale (e.g. a webhook said a runner took or finished a job). */
  invalidate(gh: PoolGitHub): void {
    const l = this.listings.get(this.listingKey(gh));
    if (l && !l.inflight) l.listedAt = 0;
  }

  /** Every distinct client+scope in use (for the queued-jobs resync). */
  knownScopes(): string[] {
    return [...this.listings.keys()];
  }
}
