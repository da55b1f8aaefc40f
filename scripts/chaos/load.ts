/**
 * The GitHub side of `npm run chaos`: the webhook "Service" in front of the replicas, the job load, the runner
 * player (the runner process inside each Pod, which kwok does not run) and GitHub's random 403/429/5xx answers.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { CoreV1Api, V1Pod } from '@kubernetes/client-node';
import { mergePatch } from '../../src/kube/api.js';
import { POD_PHASE_ANNOTATION } from '../../test/e2e/cluster/harness.js';
import type { FakeFailure, GitHubFake } from '../../test/fakes/github/fake.js';
import type { ChaosLedger } from './invariants.js';
import type { Replica } from './replicas.js';

/** A seeded PRNG (mulberry32): a run is repeatable in what it decides (not in how the processes interleave). */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * The webhook Service: each delivery is posted to every live replica (as the leader e2e test does). Every replica
 * folds a delivery into its demand store, the standby included, so the replica that takes over after a kill knows
 * the queued jobs at once. (The chart's Service selects only the Pod labelled ai-ci.dev/leader; here there are no
 * Pods to label, and during a failover such a Service has no endpoint: those deliveries are lost and only the
 * resync finds their jobs.) Answers 200 when one replica accepted it, else 503 (GitHub then shows it failed).
 */
export async function startWebhookService(
  replicas: readonly Replica[],
): Promise<{ url: string; server: Server }> {
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      const headers: Record<string, string> = {};
      for (const [k, v] of Object.entries(req.headers)) if (typeof v === 'string') headers[k] = v;
      delete headers.host;
      delete headers['content-length'];
      const live = replicas.filter((r) => r.alive);
      void Promise.all(
        live.map((r) =>
          fetch(`http://127.0.0.1:${r.ports.webhook}/webhooks/github`, {
            method: 'POST',
            body,
            headers,
            signal: AbortSignal.timeout(5000),
          }).then(
            async (x) => {
              await x.arrayBuffer();
              return x.ok;
            },
            () => false,
          ),
        ),
      ).then((oks) => {
        res.writeHead(oks.some(Boolean) ? 200 : 503);
        res.end();
      });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`, server };
}

/** GitHub's failures, one at a time at random moments, on the routes the controller calls. */
export class FailureInjector {
  readonly injected = new Map<string, number>();
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly fake: GitHubFake,
    private readonly random: () => number,
    private readonly meanGapMs: number,
  ) {}

  start(): void {
    const kinds: FakeFailure['failure'][] = ['secondary-rate-limit', 429, 500, 502, 503];
    const paths = [
      /\/actions\/runners\/generate-jitconfig$/,
      /\/actions\/runners$/,
      /\/actions\/runners\/\d+$/,
      /\/actions\/runs/,
    ];
    const tick = () => {
      const failure = kinds[Math.floor(this.random() * kinds.length)]!;
      const pathRe = paths[Math.floor(this.random() * paths.length)]!;
      this.fake.failNext({ path: pathRe, failure, retryAfter: 1 + Math.floor(this.random() * 2) });
      this.timer = setTimeout(tick, this.meanGapMs * (0.5 + this.random()));
    };
    this.timer = setTimeout(tick, this.meanGapMs);
  }

  stop(): void {
    if (this.timer) clearTimeout(this.timer);
  }

  /** Injected failures the fake actually answered with (by kind). */
  served(): Map<string, number> {
    const out = new Map<string, number>();
    for (const r of this.fake.requests) {
      const body = r.responseBody as { message?: string } | undefined;
      let kind: string | undefined;
      if (r.status === 403 && body?.message?.includes('secondary rate limit'))
        kind = '403 secondary rate limit';
      else if (r.status === 429 || (r.status >= 500 && !body?.message?.startsWith('fake internal error')))
        kind = String(r.status);
      if (kind) out.set(kind, (out.get(kind) ?? 0) + 1);
    }
    return out;
  }
}

export interface PlayerOptions {
  fake: GitHubFake;
  core: CoreV1Api;
  namespace: string;
  /** The run's Pod informer cache. */
  pods: () => V1Pod[];
  ledger: ChaosLedger;
  random: () => number;
  jobMs: [number, number];
}

/**
 * Plays the runner inside each runner Pod: once the Pod is Running its runner comes online, takes the oldest
 * queued job it fits (as GitHub assigns them), runs it for a random time, completes it (the fake removes the
 * ephemeral runner) and exits, which ends the Pod (kwok moves it to Succeeded).
 */
export class RunnerPlayer {
  /** Pods whose runner finished and whose end is still to be written (retried while the apiserver is down). */
  private readonly toEnd = new Set<string>();
  private readonly running = new Map<string, number>();
  private timer: NodeJS.Timeout | undefined;
  private stopped = false;
  jobsRun = 0;

  constructor(private readonly o: PlayerOptions) {}

  start(): void {
    const tick = async () => {
      if (this.stopped) return;
      await this.tick().catch(() => {});
      if (!this.stopped) this.timer = setTimeout(() => void tick(), 250);
    };
    void tick();
  }

  stop(): void {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
  }

  /** A runner Pod is gone: a runner still running a job in it is a violation. */
  podDeleted(name: string): void {
    const jobId = this.running.get(name);
    if (jobId !== undefined) this.o.ledger.noteBusyPodDeleted(name, jobId);
  }

  private async tick(): Promise<void> {
    const { fake } = this.o;
    const byName = new Map([...fake.runners.values()].map((r) => [r.name, r]));
    for (const pod of this.o.pods()) {
      const name = pod.metadata?.name ?? '';
      if (pod.status?.phase !== 'Running' || pod.metadata?.deletionTimestamp) continue;
      if (this.toEnd.has(name) || this.running.has(name)) continue;
      const runner = byName.get(name);
      if (!runner) continue;
      if (runner.status === 'offline') fake.connectRunner(runner.id);
      if (runner.busy) continue;
      const have = new Set(runner.labels.map((l) => l.toLowerCase()));
      const fits = [...fake.jobs.values()].some(
        (j) => j.status === 'queued' && j.labels.every((l) => have.has(l.toLowerCase())),
      );
      if (!fits) continue;
      const job = await fake.takeJob(runner.id).catch(() => undefined);
      if (!job) continue;
      this.running.set(name, job.id);
      const [lo, hi] = this.o.jobMs;
      setTimeout(
        () => {
          // finishJob completes the job and removes the runner before it awaits the webhook delivery: from here
          // on, the controller may remove the Pod.
          this.running.delete(name);
          this.toEnd.add(name);
          this.jobsRun++;
          void fake.finishJob(job.id).catch(() => {});
        },
        lo + this.o.random() * (hi - lo),
      );
    }
    for (const name of [...this.toEnd]) {
      try {
        await this.o.core.patchNamespacedPod(
          {
            name,
            namespace: this.o.namespace,
            body: { metadata: { annotations: { [POD_PHASE_ANNOTATION]: 'Succeeded' } } },
          },
          mergePatch(),
        );
        this.toEnd.delete(name);
      } catch (err) {
        if ((err as { code?: number }).code === 404) this.toEnd.delete(name);
      }
    }
  }
}
