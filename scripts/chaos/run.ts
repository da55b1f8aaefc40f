/**
 * `npm run chaos` (issue 18, part 3): random kills under load, on loopback only, stopping by itself.
 *
 * The real local control plane (test/e2e/cluster/harness.ts), two controller replicas as processes with leader
 * election (scripts/chaos/replicas.ts), the GitHub fake with sustained job load over several RunnerPools and random
 * 403 (secondary rate limit, retry-after) / 429 / 5xx answers, the runner player (scripts/chaos/load.ts). While the
 * load runs, the leader is SIGKILLed at random moments (restarted a few seconds later) and the kube-apiserver is
 * stopped and started again on the same port. Then the load stops, the run waits for convergence and checks what
 * is left. Invariants (scripts/chaos/invariants.ts) are checked continuously and at the end; the summary table
 * gives each with its violation count, and the exit code is 1 on any violation.
 *
 * Environment (defaults in brackets): CHAOS_MINUTES [10] of load; CHAOS_POOLS [4]; CHAOS_MAX_RUNNERS [3];
 * CHAOS_JOB_RATE [0.8] jobs/s over all pools; CHAOS_JOB_SECONDS [2-6]; CHAOS_KILL_WAIT_SECONDS [3-12] between a
 * leader being seen and its kill; CHAOS_RESTART_SECONDS [2-25] before a killed replica starts again;
 * CHAOS_APISERVER_RESTARTS [1]; CHAOS_GITHUB_ERROR_GAP_SECONDS [4] mean gap between injected GitHub failures;
 * CHAOS_SETTLE_SECONDS [240] allowed for convergence; CHAOS_SEED [1].
 */
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import {
  CoreV1Api,
  CustomObjectsApi,
  KubeConfig,
  type KubernetesObject,
  type V1Pod,
  type V1Secret,
} from '@kubernetes/client-node';
import { RESOURCES, type RunnerPool } from '../../src/api/v1alpha1/index.js';
import { ANNOTATION_CREATED_FOR_JOB, LABEL_POOL } from '../../src/controller/runnerpool/model.js';
import { Informer } from '../../src/kube/informer.js';
import { installCrds } from '../../test/e2e/cluster/crds.js';
import { startCluster } from '../../test/e2e/cluster/harness.js';
import { GitHubFake } from '../../test/fakes/github/fake.js';
import {
  ChaosLedger,
  checkDeadlines,
  checkMetrics,
  checkQuiescence,
  countByInvariant,
  type PoolSample,
  renderSummary,
} from './invariants.js';
import { FailureInjector, RunnerPlayer, rng, startWebhookService } from './load.js';
import { Replica, root, sleep } from './replicas.js';

const env = process.env;
const range = (v: string | undefined, d: [number, number]): [number, number] => {
  const m = /^(\d+(?:\.\d+)?)-(\d+(?:\.\d+)?)$/.exec(v ?? '');
  return m ? [Number(m[1]), Number(m[2])] : d;
};
const cfg = {
  minutes: Number(env.CHAOS_MINUTES ?? 10),
  pools: Number(env.CHAOS_POOLS ?? 4),
  maxRunners: Number(env.CHAOS_MAX_RUNNERS ?? 3),
  jobRate: Number(env.CHAOS_JOB_RATE ?? 0.8),
  jobSeconds: range(env.CHAOS_JOB_SECONDS, [2, 6]),
  killWait: range(env.CHAOS_KILL_WAIT_SECONDS, [3, 12]),
  restartDelay: range(env.CHAOS_RESTART_SECONDS, [2, 25]),
  apiserverRestarts: Number(env.CHAOS_APISERVER_RESTARTS ?? 1),
  errorGapS: Number(env.CHAOS_GITHUB_ERROR_GAP_SECONDS ?? 4),
  settleS: Number(env.CHAOS_SETTLE_SECONDS ?? 240),
  seed: Number(env.CHAOS_SEED ?? 1),
  /** Jobs per second of the CarbonPolicy-gated pool (its own load, beside the others'). */
  gatedJobRate: Number(env.CHAOS_GATED_JOB_RATE ?? 0.1),
  resync: '30s',
};
const NS = 'ai-ci-chaos';
/**
 * The gated pool and its policy: a 12-minute deadline over a grid that is dirty 4 minutes out of 8. A job with
 * history is planned as taking its longest run + 50 % + 5 min (the learner's margin), so the deadline must exceed
 * the dirty phase by more than that for learned jobs to be deferred too.
 */
const GATED = 'chaos-gated';
const GATED_MAX_DEFERRAL_MS = 12 * 60_000;
const TOKEN = 'ghp_chaosTokenForTheFakeOnly0000000000000';
const SECRET = 'chaos-webhook-secret';
const REPO = 'octo-org/app';
const log = (m: string) => process.stderr.write(`[chaos ${new Date().toISOString().slice(11, 19)}] ${m}\n`);
const random = rng(cfg.seed);
const uniform = ([lo, hi]: [number, number]) => lo + random() * (hi - lo);

function poolObject(i: number, apiUrl: string): RunnerPool {
  return {
    apiVersion: 'ai-ci.dev/v1alpha1',
    kind: 'RunnerPool',
    metadata: { name: `chaos-${i}`, namespace: NS },
    spec: {
      github: { repository: REPO, credentialsSecretRef: { name: 'gh' }, apiUrl },
      labels: [`chaos-${i}`],
      minRunners: 0,
      maxRunners: cfg.maxRunners,
      scaleDownDelay: '5s',
      runnerStartupTimeout: '10m',
      template: {
        image: 'ghcr.io/actions/actions-runner:2.336.0',
        tolerations: [{ key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoSchedule' }],
      },
    },
  };
}

function forJob(o: KubernetesObject): number | undefined {
  const v = o.metadata?.annotations?.[ANNOTATION_CREATED_FOR_JOB];
  return v === undefined ? undefined : Number(v);
}

async function main(): Promise<number> {
  if (!readdirSync(path.join(root, 'dist/controller')).includes('main.js'))
    throw new Error('dist/controller/main.js is missing: npm run build');
  const runDir = path.join(root, '.cache', 'chaos', new Date().toISOString().replace(/[:.]/g, '-'));
  mkdirSync(runDir, { recursive: true });
  log(`config ${JSON.stringify(cfg)}; logs in ${path.relative(root, runDir)}`);
  const t0 = Date.now();
  const cluster = await startCluster({ log });
  const cleanups: (() => Promise<unknown> | unknown)[] = [() => cluster.stop()];
  const replicas: Replica[] = [];
  process.on('exit', () => {
    for (const r of replicas) if (r.alive) r.child?.kill('SIGKILL');
  });
  try {
    const kc = new KubeConfig();
    kc.loadFromFile(cluster.kubeconfigPath);
    const core = kc.makeApiClient(CoreV1Api);
    await installCrds(kc, 'ai-ci-chaos');
    // The Lease lives in this namespace: it must exist before the replicas start.
    await core.createNamespace({ body: { metadata: { name: NS } } });
    const fake = await new GitHubFake({ tokens: [TOKEN], repositories: [REPO] }).start();
    cleanups.unshift(() => fake.stop());
    await core.createNamespacedSecret({
      namespace: NS,
      body: { metadata: { name: 'gh' }, stringData: { 'github-token': TOKEN } } as V1Secret,
    });
    const custom = kc.makeApiClient(CustomObjectsApi);
    const pools = Array.from({ length: cfg.pools }, (_, i) => poolObject(i, fake.url));
    // "No job started past its deadline": one more pool, gated by a CarbonPolicy whose file trace alternates 4 min
    // at 400 g and 4 min at 100 g (threshold 200), so a job queued in a dirty phase is deferred to the next clean
    // one, well before its 12-minute deadline.
    const trace = path.join(runDir, 'gated-trace.csv');
    const traceStart = Math.floor(Date.now() / 60_000) * 60_000 - 10 * 60_000;
    const rows = Array.from(
      { length: cfg.minutes + 60 },
      (_, m) =>
        `${new Date(traceStart + m * 60_000).toISOString()},${Math.floor(m / 4) % 2 === 0 ? 400 : 100}`,
    );
    writeFileSync(trace, `time,intensity\n${rows.join('\n')}\n`);
    await custom.createNamespacedCustomObject({
      ...RESOURCES.CarbonPolicy,
      namespace: NS,
      body: {
        apiVersion: 'ai-ci.dev/v1alpha1',
        kind: 'CarbonPolicy',
        metadata: { name: 'gated', namespace: NS },
        spec: {
          source: { file: { path: trace } },
          threshold: 200,
          maxDeferral: `${GATED_MAX_DEFERRAL_MS / 1000}s`,
          maxJobDuration: '1m',
          defaultJobDuration: '1m',
          refreshInterval: '30s',
        },
      },
    });
    const gated = poolObject(0, fake.url);
    gated.metadata.name = GATED;
    gated.spec.labels = [GATED];
    gated.spec.carbonPolicyRef = { name: 'gated' };
    pools.push(gated);
    for (const body of pools)
      await custom.createNamespacedCustomObject({ ...RESOURCES.RunnerPool, namespace: NS, body });

    const ledger = new ChaosLedger();
    const jobOfRunner = new Map<string, number>();
    fake.onJob((action, job) => {
      if (action === 'in_progress' && job.runnerName) jobOfRunner.set(job.runnerName, job.id);
    });
    const podInformer = new Informer<V1Pod>({
      name: 'pods',
      kubeConfig: kc,
      path: `/api/v1/namespaces/${NS}/pods`,
      labelSelector: LABEL_POOL,
      list: (p) =>
        core.listNamespacedPod({
          namespace: NS,
          labelSelector: LABEL_POOL,
          limit: p.limit,
          ...(p.continueToken ? { _continue: p.continueToken } : {}),
        }),
    });
    const secretInformer = new Informer<V1Secret>({
      name: 'secrets',
      kubeConfig: kc,
      path: `/api/v1/namespaces/${NS}/secrets`,
      labelSelector: LABEL_POOL,
      list: (p) =>
        core.listNamespacedSecret({
          namespace: NS,
          labelSelector: LABEL_POOL,
          limit: p.limit,
          ...(p.continueToken ? { _continue: p.continueToken } : {}),
        }),
    });
    const player = new RunnerPlayer({
      fake,
      core,
      namespace: NS,
      pods: () => podInformer.list(NS),
      ledger,
      random,
      jobMs: [cfg.jobSeconds[0] * 1000, cfg.jobSeconds[1] * 1000],
    });
    const note = (kind: 'Pod' | 'Secret') => (o: KubernetesObject) => {
      const f = forJob(o);
      ledger.noteRunnerObject(
        {
          kind,
          name: o.metadata?.name ?? '',
          pool: o.metadata?.labels?.[LABEL_POOL] ?? '',
          ...(f !== undefined ? { forJob: f } : {}),
        },
        (runner) => jobOfRunner.get(runner),
      );
    };
    for (const verb of ['add', 'update'] as const) {
      podInformer.on(verb, note('Pod'));
      secretInformer.on(verb, note('Secret'));
    }
    podInformer.on('delete', (p) => player.podDeleted(p.metadata?.name ?? ''));
    await podInformer.start();
    await secretInformer.start();
    cleanups.unshift(
      () => podInformer.stop(),
      () => secretInformer.stop(),
    );

    for (const id of ['a', 'b']) {
      const r = new Replica({
        id,
        kubeconfig: cluster.kubeconfigPath,
        namespace: NS,
        webhookSecret: SECRET,
        logDir: runDir,
        resyncInterval: cfg.resync,
      });
      replicas.push(r);
      await r.start();
    }
    const webhook = await startWebhookService(replicas);
    cleanups.unshift(() => new Promise((r) => webhook.server.close(r)));
    fake.setWebhook({ url: webhook.url, secret: SECRET });
    const scrapeAll = () => Promise.all(replicas.map((r) => r.scrape()));
    for (let i = 0; !replicas.some((r) => r.leader); i++) {
      if (i > 1200) throw new Error('no replica took the Lease within 2 minutes');
      await scrapeAll();
      await sleep(100);
    }
    log(`leader: ${replicas.find((r) => r.leader)?.identity}; load for ${cfg.minutes} min`);

    // ---- load, kills, outages ----
    const loadMs = cfg.minutes * 60_000;
    const tLoad = Date.now();
    let loading = true;
    let sampling = true;
    let lastLeader = '';
    let leaderChanges = 0;
    const jobs: number[] = [];
    const queueing: Promise<unknown>[] = [];
    const injector = new FailureInjector(fake, random, cfg.errorGapS * 1000);
    injector.start();
    player.start();

    const sampler = (async () => {
      while (loading || sampling) {
        await scrapeAll();
        const at = Date.now();
        const live = podInformer.list(NS);
        const samples: PoolSample[] = pools.map((p) => {
          const name = p.metadata?.name ?? '';
          return {
            at,
            pool: name,
            maxRunners: cfg.maxRunners,
            activePods: live.filter(
              (x) =>
                x.metadata?.labels?.[LABEL_POOL] === name &&
                !x.metadata?.deletionTimestamp &&
                x.status?.phase !== 'Succeeded' &&
                x.status?.phase !== 'Failed',
            ).length,
            githubRunners: [...fake.runners.values()].filter((r) => r.name.startsWith(`${name}-`)).length,
          };
        });
        const leaders = replicas.filter((r) => r.alive && r.leader);
        ledger.noteSample(samples, leaders.length, at);
        if (leaders.length === 1 && leaders[0]!.identity !== lastLeader) {
          if (lastLeader !== '') leaderChanges++;
          lastLeader = leaders[0]!.identity;
        }
        await sleep(1000);
      }
    })();

    const generator = (async () => {
      while (Date.now() - tLoad < loadMs) {
        await sleep((-Math.log(1 - random()) / cfg.jobRate) * 1000);
        const i = Math.floor(random() * cfg.pools);
        queueing.push(
          fake.queueJob({ labels: [`chaos-${i}`], workflowName: `wf-${i}` }).then((j) => jobs.push(j.id)),
        );
      }
    })();
    const gatedJobs: number[] = [];
    const gatedGenerator = (async () => {
      while (Date.now() - tLoad < loadMs) {
        await sleep((-Math.log(1 - random()) / cfg.gatedJobRate) * 1000);
        if (Date.now() - tLoad >= loadMs) break;
        queueing.push(
          fake.queueJob({ labels: [GATED], workflowName: 'wf-gated' }).then((j) => gatedJobs.push(j.id)),
        );
      }
    })();

    let kills = 0;
    const restarts: Promise<unknown>[] = [];
    const killer = (async () => {
      while (Date.now() - tLoad < loadMs) {
        const leader = replicas.find((r) => r.alive && r.leader);
        if (!leader || replicas.some((r) => !r.alive)) {
          await sleep(250);
          continue;
        }
        await sleep(uniform(cfg.killWait) * 1000);
        if (Date.now() - tLoad >= loadMs || !leader.alive || !leader.leader) continue;
        await leader.scrape(); // its count up to now: the blind window before the kill stays short
        await leader.kill();
        kills++;
        const delay = uniform(cfg.restartDelay);
        log(`kill #${kills}: SIGKILL ${leader.identity}; restarts in ${delay.toFixed(1)} s`);
        restarts.push(
          sleep(delay * 1000).then(() =>
            leader.start().catch((err: unknown) => log(`restart of ${leader.identity} failed: ${err}`)),
          ),
        );
      }
    })();

    const outages: { downMs: number }[] = [];
    const apiserver = (async () => {
      for (let k = 1; k <= cfg.apiserverRestarts; k++) {
        const at = tLoad + (loadMs * k) / (cfg.apiserverRestarts + 1);
        await sleep(Math.max(0, at - Date.now()));
        log('kube-apiserver: stopping');
        const down = Date.now();
        await cluster.stopComponent('kube-apiserver');
        await sleep(3000);
        await cluster.startComponent('kube-apiserver');
        outages.push({ downMs: Date.now() - down });
        log(`kube-apiserver: serving again after ${((Date.now() - down) / 1000).toFixed(1)} s`);
      }
    })();

    let lastReport = Date.now();
    while (Date.now() - tLoad < loadMs) {
      await sleep(1000);
      if (Date.now() - lastReport >= 30_000) {
        lastReport = Date.now();
        const done = [...fake.jobs.values()].filter((j) => j.status === 'completed').length;
        log(
          `${((Date.now() - tLoad) / 60_000).toFixed(1)} min: ${fake.jobs.size} jobs (${done} done), ${kills} kills, ${ledger.violations.length} violations`,
        );
      }
    }
    await Promise.all([generator, gatedGenerator, killer, apiserver]);
    loading = false;
    injector.stop();
    await Promise.all(queueing);
    await Promise.all(restarts);
    log(`load stopped after ${((Date.now() - tLoad) / 60_000).toFixed(1)} min; converging`);

    // ---- quiescence ----
    const tSettle = Date.now();
    const leftover = async () => {
      const [p, s] = await Promise.all([
        core.listNamespacedPod({ namespace: NS, labelSelector: LABEL_POOL }),
        core.listNamespacedSecret({ namespace: NS, labelSelector: LABEL_POOL }),
      ]);
      return {
        unfinishedJobs: [...fake.jobs.values()].filter((j) => j.status !== 'completed').map((j) => j.id),
        pods: p.items.map((x) => x.metadata?.name ?? ''),
        secrets: s.items.map((x) => x.metadata?.name ?? ''),
        githubRunners: [...fake.runners.values()].map((r) => r.name),
      };
    };
    let state = await leftover();
    while (Date.now() - tSettle < cfg.settleS * 1000) {
      const n =
        state.unfinishedJobs.length + state.pods.length + state.secrets.length + state.githubRunners.length;
      if (n === 0) break;
      await sleep(2000);
      state = await leftover().catch(() => state);
    }
    const settleS = (Date.now() - tSettle) / 1000;
    sampling = false;
    await sampler;
    player.stop();
    await scrapeAll();
    for (const r of replicas) await r.stop();

    // ---- verdict ----
    const metrics = checkMetrics({
      incarnations: replicas.flatMap((r) => r.incarnations),
      jitAnsweredAt: fake.requests
        .filter((q) => q.route?.endsWith('/generate-jitconfig') && q.status === 201)
        .map((q) => q.answeredAt ?? 0),
      secrets: ledger.secretsSeen.size,
      pods: ledger.podsSeen.size,
      slackMs: 2000,
    });
    const deadlines = checkDeadlines(
      gatedJobs.map((id) => {
        const j = fake.jobs.get(id)!;
        return {
          id,
          queuedAt: j.createdAt,
          ...(j.status === 'queued' ? {} : { startedAt: j.startedAt }),
        };
      }),
      GATED_MAX_DEFERRAL_MS,
      Date.now(),
    );
    const violations = [
      ...ledger.violations,
      ...checkQuiescence(state),
      ...metrics.violations,
      ...deadlines.violations,
    ];
    const served = injector.served();
    const injectedTotal = [...served.values()].reduce((a, b) => a + b, 0);
    const deliveries = fake.deliveries.length;
    const failedDeliveries = fake.deliveries.filter((d) => d.status !== 200).length;
    const figures: [string, string | number][] = [
      ['load duration (min)', (loadMs / 60_000).toFixed(1)],
      ['whole run incl. start-up and settling (min)', ((Date.now() - t0) / 60_000).toFixed(1)],
      ['RunnerPools × maxRunners', `${cfg.pools} + 1 gated × ${cfg.maxRunners}`],
      [
        'gated pool: jobs / deferred > 20 s / longest wait (s)',
        `${gatedJobs.length} / ${deadlines.deferred} / ${(deadlines.longestWaitMs / 1000).toFixed(0)} (deadline ${GATED_MAX_DEFERRAL_MS / 1000} s)`,
      ],
      ['jobs queued', fake.jobs.size],
      ['jobs completed', [...fake.jobs.values()].filter((j) => j.status === 'completed').length],
      ['leader SIGKILLs', kills],
      ['leadership moved to the other replica', leaderChanges],
      ['replica incarnations', replicas.reduce((s, r) => s + r.incarnations.length, 0)],
      [
        'apiserver restarts (down s)',
        `${outages.length} (${outages.map((o) => (o.downMs / 1000).toFixed(1)).join(', ')})`,
      ],
      [
        'injected GitHub errors answered',
        `${injectedTotal} (${[...served].map(([k, v]) => `${k}: ${v}`).join(', ')})`,
      ],
      ['webhook deliveries (not accepted)', `${deliveries} (${failedDeliveries})`],
      ['JIT configs issued', metrics.figures.jit],
      ['runners that ran a job', jobOfRunner.size],
      ['runners re-created for a job whose runner took another', ledger.recreated],
      ['runner Secrets / Pods seen', `${metrics.figures.secrets} / ${metrics.figures.pods}`],
      [
        'Σ ai_ci_runners_created_total (lost-window bound)',
        `${metrics.figures.counted} (${metrics.figures.lostBound})`,
      ],
      ['peak active Pods per pool', [...ledger.peak.values()].map((p) => p.pods).join(' ')],
      ['samples (≈1/s)', ledger.samples],
      ['convergence after load (s)', settleS.toFixed(0)],
    ];
    const table = renderSummary(figures, countByInvariant(violations));
    process.stdout.write(`\n${table}\n`);
    for (const v of violations.slice(0, 50)) process.stdout.write(`VIOLATION ${v.invariant}: ${v.detail}\n`);
    writeFileSync(
      path.join(runDir, 'summary.json'),
      JSON.stringify({ config: cfg, figures: Object.fromEntries(figures), violations }, null, 2),
    );
    writeFileSync(path.join(runDir, 'summary.txt'), `${table}\n`);
    log(`summary in ${path.relative(root, runDir)}`);
    return violations.length > 0 ? 1 : 0;
  } finally {
    for (const r of replicas) if (r.alive) r.child?.kill('SIGKILL');
    for (const c of cleanups) await Promise.resolve(c()).catch(() => {});
  }
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    log(`failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
    process.exit(2);
  },
);
