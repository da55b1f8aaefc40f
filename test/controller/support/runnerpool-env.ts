/**
 * Test environment for RunnerPool end-to-end tests (test/e2e/runnerpool*.e2e.test.ts): the GitHub fake, a
 * credentials Secret, in-process controller managers against the local control plane, and a "runner player"
 * that plays the runner inside each Pod (kwok moves Pods to Running, but nothing runs in them): when a runner
 * Pod is Running, its GitHub runner comes online in the fake.
 */
import {
  CoreV1Api,
  CustomObjectsApi,
  type KubeConfig,
  type V1Pod,
  type V1Secret,
} from '@kubernetes/client-node';
import { RESOURCES, type RunnerPool } from '../../../src/api/v1alpha1/index.js';
import { jsonLogger } from '../../../src/controller/main.js';
import { Manager, type ManagerOptions } from '../../../src/controller/manager.js';
import { LABEL_POOL } from '../../../src/controller/runnerpool/model.js';
import { mergePatch } from '../../../src/kube/api.js';
import { POD_PHASE_ANNOTATION } from '../../e2e/cluster/harness.js';
import { GitHubFake } from '../../fakes/github/fake.js';

export const TOKEN = 'ghp_e2eTokenForTheFakeOnly0000000000000';
export const WEBHOOK_SECRET = 'e2e-webhook-secret';
export const REPO = 'octo-org/app';
export const LABELS = ['ubuntu-latest-gpu'];

export interface PoolSpecInput {
  name: string;
  minRunners?: number;
  maxRunners?: number;
  scaleDownDelay?: string;
  runnerStartupTimeout?: string;
  labels?: string[];
  gpus?: number;
  demandSource?: 'webhook' | 'scaleSet';
  /** A CarbonPolicy of the namespace gating the pool. */
  carbonPolicy?: string;
}

export class RunnerPoolEnv {
  readonly fake = new GitHubFake({ tokens: [TOKEN], repositories: [REPO] });
  readonly core: CoreV1Api;
  readonly custom: CustomObjectsApi;
  readonly managers: Manager[] = [];
  private player: NodeJS.Timeout | undefined;
  private playing = false;

  constructor(
    readonly kc: KubeConfig,
    readonly namespace: string,
  ) {
    this.core = kc.makeApiClient(CoreV1Api);
    this.custom = kc.makeApiClient(CustomObjectsApi);
  }

  async start(): Promise<void> {
    await this.fake.start();
    await this.core.createNamespacedSecret({
      namespace: this.namespace,
      body: { metadata: { name: 'gh' }, stringData: { 'github-token': TOKEN } } as V1Secret,
    });
  }

  /** A manager against the test cluster and the fake; the fake's webhooks go to the newest manager. */
  async startManager(over: Partial<ManagerOptions> = {}): Promise<Manager> {
    const m = new Manager({
      kubeConfig: this.kc,
      namespaces: [this.namespace],
      webhook: { secret: WEBHOOK_SECRET, port: 0, host: '127.0.0.1' },
      host: '127.0.0.1',
      metricsPort: 0,
      healthPort: 0,
      leaderElection: false,
      resyncIntervalMs: 60_000,
      githubListTtlMs: 300,
      workers: 2,
      retry: { baseDelayMs: 100, maxDelayMs: 2_000 },
      shutdownTimeoutMs: 5_000,
      // AI_CI_E2E_LOG=debug shows the controller's log.
      ...(process.env.AI_CI_E2E_LOG ? { logger: jsonLogger(process.env.AI_CI_E2E_LOG as 'debug') } : {}),
      ...over,
    });
    this.managers.push(m);
    await m.start();
    if (m.ports.webhook !== undefined) {
      this.fake.setWebhook({
        url: `http://127.0.0.1:${m.ports.webhook}/webhooks/github`,
        secret: WEBHOOK_SECRET,
      });
    }
    return m;
  }

  pool(input: PoolSpecInput): RunnerPool {
    const template: NonNullable<RunnerPool['spec']['template']> = {
      image: 'ghcr.io/actions/actions-runner:2.336.0',
      // The test cluster's simulated Nodes may still carry the not-ready taint that the node-lifecycle controller
      // (not run there) would lift; runner Pods tolerate it so scheduling does not depend on that race.
      tolerations: [{ key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoSchedule' }],
    };
    if (input.gpus) template.resources = { limits: { 'nvidia.com/gpu': input.gpus } };
    return {
      apiVersion: 'ai-ci.dev/v1alpha1',
      kind: 'RunnerPool',
      metadata: { name: input.name, namespace: this.namespace },
      spec: {
        github: {
          repository: REPO,
          credentialsSecretRef: { name: 'gh' },
          apiUrl: this.fake.url,
          ...(input.demandSource ? { demandSource: input.demandSource } : {}),
        },
        labels: input.labels ?? LABELS,
        minRunners: input.minRunners ?? 0,
        maxRunners: input.maxRunners ?? 5,
        scaleDownDelay: input.scaleDownDelay ?? '1s',
        runnerStartupTimeout: input.runnerStartupTimeout ?? '10m',
        ...(input.carbonPolicy ? { carbonPolicyRef: { name: input.carbonPolicy } } : {}),
        template,
      },
    };
  }

  async createPool(input: PoolSpecInput): Promise<void> {
    await this.custom.createNamespacedCustomObject({
      ...RESOURCES.RunnerPool,
      namespace: this.namespace,
      body: this.pool(input),
    });
  }

  async patchPoolSpec(name: string, spec: Partial<RunnerPool['spec']>): Promise<void> {
    await this.custom.patchNamespacedCustomObject(
      { ...RESOURCES.RunnerPool, namespace: this.namespace, name, body: { spec } },
      mergePatch(),
    );
  }

  async getPool(name: string): Promise<RunnerPool> {
    return (await this.custom.getNamespacedCustomObject({
      ...RESOURCES.RunnerPool,
      namespace: this.namespace,
      name,
    })) as RunnerPool;
  }

  async pods(pool: string): Promise<V1Pod[]> {
    const list = await this.core.listNamespacedPod({
      namespace: this.namespace,
      labelSelector: `${LABEL_POOL}=${pool}`,
    });
    return list.items;
  }

  async secrets(pool: string): Promise<V1Secret[]> {
    const list = await this.core.listNamespacedSecret({
      namespace: this.namespace,
      labelSelector: `${LABEL_POOL}=${pool}`,
    });
    return list.items;
  }

  /** The runner process of Pod `name` exits: kwok moves the Pod to `phase` (the harness's annotation). Unlike
   *  finishPod it does not wait to see the phase: the controller may clean the Pod up before a poll would, or
   *  before this call (then there is nothing left to end). */
  async endRunnerPod(name: string, phase: 'Succeeded' | 'Failed' = 'Succeeded'): Promise<void> {
    try {
      await this.core.patchNamespacedPod(
        {
          name,
          namespace: this.namespace,
          body: { metadata: { annotations: { [POD_PHASE_ANNOTATION]: phase } } },
        },
        mergePatch(),
      );
    } catch (err) {
      // Already gone: once its job completed and the ephemeral runner left GitHub, the controller may delete the
      // Pod before the runner process would have exited (a race of the test, not a failure).
      if ((err as { code?: number }).code !== 404) throw err;
    }
  }

  /** GitHub runners of the fake whose name belongs to `pool`. */
  githubRunners(pool: string) {
    return [...this.fake.runners.values()].filter((r) => r.name.startsWith(`${pool}-`));
  }

  runnerByName(name: string) {
    return [...this.fake.runners.values()].find((r) => r.name === name);
  }

  /** Plays the runner process of every Running runner Pod: its GitHub runner comes online. */
  startRunnerPlayer(intervalMs = 200): void {
    this.playing = true;
    const tick = async () => {
      if (!this.playing) return;
      try {
        const pods = await this.core.listNamespacedPod({
          namespace: this.namespace,
          labelSelector: LABEL_POOL,
        });
        for (const p of pods.items) {
          if (p.status?.phase !== 'Running' || p.metadata?.deletionTimestamp) continue;
          const r = this.runnerByName(p.metadata?.name ?? '');
          if (r && r.status === 'offline') this.fake.connectRunner(r.id);
        }
      } catch {
        // the namespace may be going away
      }
      if (this.playing) this.player = setTimeout(() => void tick(), intervalMs);
    };
    void tick();
  }

  async stop(): Promise<void> {
    this.playing = false;
    if (this.player) clearTimeout(this.player);
    this.player = undefined;
    for (const m of this.managers) await m.kill().catch(() => {});
    await this.fake.stop();
  }
}

/** Resolves after `ms`. */
export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
