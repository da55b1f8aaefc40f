/**
 * The chart's RBAC is exactly what the controller needs. The chart's ServiceAccount, Roles and RoleBindings
 * (namespaced mode: `controller.watchNamespaces`) are installed for real; the controller (Manager + CarbonPolicy
 * controller, wired as the binary wires them) runs in-process with a TokenRequest token of that ServiceAccount,
 * through a recording proxy, against the GitHub fake, through a whole life: scale up for a job, busy, done,
 * cleanup, a warm runner that fails and is restarted, scale-down, pool deletion, a CarbonPolicy status, leader
 * election and the leader label. Then:
 *   - enough: no request of the controller was refused (a missing verb fails here, or earlier in a step);
 *   - nothing more: every (verb, group, resource) the chart grants was used;
 *   - the learned job durations are saved to their ConfigMap in the release namespace (create, get, update);
 *   - the ServiceAccount can not act outside its grants (other namespaces, nodes, verbs it does not use);
 *   - /metrics of that controller exports every metric family the Grafana dashboard queries.
 */
import {
  CoordinationV1Api,
  CoreV1Api,
  CustomObjectsApi,
  type KubeConfig,
  type KubernetesObject,
  type V1PolicyRule,
} from '@kubernetes/client-node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CarbonPolicy, RESOURCES } from '../../src/api/v1alpha1/index.js';
import { DURATIONS_CONFIGMAP, parseDurationsConfigMap } from '../../src/controller/carbonpolicy/durations.js';
import { type ControllerSet, withCarbonPolicies } from '../../src/controller/carbonpolicy/wiring.js';
import { LEADER_LABEL } from '../../src/controller/manager.js';
import { listMetricDefinitions } from '../../src/controller/metrics.js';
import { ANNOTATION_FAILURES, FINALIZER, LABEL_BUSY } from '../../src/controller/runnerpool/model.js';
import { mergePatch } from '../../src/kube/api.js';
import { RunnerPoolEnv, WEBHOOK_SECRET } from '../controller/support/runnerpool-env.js';
import { apply, installChartCrds } from '../delivery/support/cluster.js';
import { dashboardQueries, familyOf, seriesIn } from '../delivery/support/dashboard.js';
import { renderChart } from '../delivery/support/helm.js';
import { type Access, accessOf, RecordingProxy } from '../delivery/support/recording-proxy.js';
import {
  adminKubeConfig,
  finishPod,
  rejection,
  serviceAccountKubeConfig,
  statusCode,
  useNamespace,
  waitFor,
} from './setup/kube.js';

const release = useNamespace('rbac-rel');
const pools = useNamespace('rbac-pools');
const other = useNamespace('rbac-other');

const SA = 'ai-ci';
const LEASE = 'ai-ci-controller';
const SELF_POD = 'ai-ci-controller-0';
let admin: KubeConfig;
let sa: KubeConfig;
let rendered: KubernetesObject[];
let proxy: RecordingProxy;
let env: RunnerPoolEnv;
let controllers: ControllerSet;

beforeAll(async () => {
  admin = adminKubeConfig();
  await installChartCrds(admin);
  rendered = await renderChart({
    release: 'ai-ci',
    namespace: release.name,
    set: { 'controller.watchNamespaces': `{${pools.name}}` },
  });
  const rbac = rendered.filter((o) =>
    ['ServiceAccount', 'Role', 'RoleBinding', 'ClusterRole', 'ClusterRoleBinding'].includes(o.kind ?? ''),
  );
  await apply(admin, rbac);
  // The controller's own Pod (it labels itself while leading); nothing runs in it.
  await admin.makeApiClient(CoreV1Api).createNamespacedPod({
    namespace: release.name,
    body: {
      metadata: { name: SELF_POD },
      spec: { containers: [{ name: 'controller', image: 'ai-ci-controller:test' }] },
    },
  });

  // The ServiceAccount's own credentials (TokenRequest), used directly (negative checks) and through the proxy.
  sa = await serviceAccountKubeConfig(admin, release.name, SA);
  const token = sa.getCurrentUser()?.token;
  if (!token) throw new Error('no ServiceAccount token');
  proxy = await new RecordingProxy().start(admin);
  const controllerKc = proxy.kubeConfig(token, `system:serviceaccount:${release.name}:${SA}`);

  env = new RunnerPoolEnv(admin, pools.name);
  await env.start();
  controllers = withCarbonPolicies(
    {
      kubeConfig: controllerKc,
      namespaces: [pools.name],
      webhook: { secret: WEBHOOK_SECRET, port: 0, host: '127.0.0.1' },
      host: '127.0.0.1',
      metricsPort: 0,
      healthPort: 0,
      leaderElection: {
        namespace: release.name,
        name: LEASE,
        identity: SELF_POD,
        leaseDurationMs: 4_000,
        renewDeadlineMs: 3_000,
        retryPeriodMs: 500,
      },
      self: { namespace: release.name, name: SELF_POD },
      resyncIntervalMs: 2_000,
      githubListTtlMs: 300,
      workers: 2,
      retry: { baseDelayMs: 100, maxDelayMs: 2_000 },
      shutdownTimeoutMs: 5_000,
    },
    { durations: { namespace: release.name, name: DURATIONS_CONFIGMAP, flushIntervalMs: 300 } },
  );
  await controllers.start();
  env.fake.setWebhook({
    url: `http://127.0.0.1:${controllers.manager.ports.webhook}/webhooks/github`,
    secret: WEBHOOK_SECRET,
  });
  env.startRunnerPlayer();
}, 120_000);

afterAll(async () => {
  await controllers?.stop().catch(() => {});
  await env?.stop();
  await proxy?.stop();
});

const custom = () => admin.makeApiClient(CustomObjectsApi);
const podsOf = async (pool: string) => env.pods(pool);

describe('the controller with exactly the chart’s permissions', () => {
  it('leads (Lease in the release namespace) and labels its own Pod for the webhook Service', async () => {
    await waitFor('leader', async () => controllers.manager.isLeader || undefined);
    const core = admin.makeApiClient(CoreV1Api);
    await waitFor('leader label', async () => {
      const pod = await core.readNamespacedPod({ name: SELF_POD, namespace: release.name });
      return pod.metadata?.labels?.[LEADER_LABEL] === 'true' || undefined;
    });
  });

  it('runs a job end to end behind a CarbonPolicy: scale up, busy, done, cleanup', async () => {
    const policy: CarbonPolicy = {
      apiVersion: 'ai-ci.dev/v1alpha1',
      kind: 'CarbonPolicy',
      metadata: { name: 'green', namespace: pools.name },
      spec: { source: { static: { intensity: 100 } }, threshold: 200, maxDeferral: '1h' },
    } as CarbonPolicy;
    await custom().createNamespacedCustomObject({
      ...RESOURCES.CarbonPolicy,
      namespace: pools.name,
      body: policy,
    });
    const body = env.pool({ name: 'rbac', labels: ['rbac-gpu'], maxRunners: 2 });
    body.spec.carbonPolicyRef = { name: 'green' };
    await custom().createNamespacedCustomObject({ ...RESOURCES.RunnerPool, namespace: pools.name, body });

    const job = await env.fake.queueJob({ labels: ['self-hosted', 'rbac-gpu'] });
    const pod = await waitFor('runner Pod', async () => (await podsOf('rbac'))[0]);
    const name = pod.metadata!.name!;
    await waitFor('runner online', async () => env.runnerByName(name)?.status === 'online' || undefined);
    await env.fake.takeJob(env.runnerByName(name)!.id, job.id);
    await waitFor('busy label', async () => {
      const p = (await podsOf('rbac')).find((x) => x.metadata?.name === name);
      return p?.metadata?.labels?.[LABEL_BUSY] === 'true' || undefined;
    });
    await env.fake.finishJob(job.id);
    await finishPod(admin, pools.name, name, 'Succeeded');
    await waitFor(
      'cleanup',
      async () =>
        ((await podsOf('rbac')).length === 0 && (await env.secrets('rbac')).length === 0) || undefined,
    );

    const status = await waitFor('CarbonPolicy status', async () => {
      const p = (await custom().getNamespacedCustomObject({
        ...RESOURCES.CarbonPolicy,
        namespace: pools.name,
        name: 'green',
      })) as CarbonPolicy;
      return p.status?.lowCarbon === true ? p.status : undefined;
    });
    expect(status.currentIntensity).toBeDefined();

    // The finished job's duration is saved in the release namespace (created, then replaced by the next run).
    const core = admin.makeApiClient(CoreV1Api);
    const runsOf = async () =>
      parseDurationsConfigMap(
        await core.readNamespacedConfigMap({ namespace: release.name, name: DURATIONS_CONFIGMAP }),
      ).state?.runs ?? {};
    await waitFor('durations ConfigMap created', async () => {
      const runs = Object.values(await runsOf().catch(() => ({})));
      return runs.flat().length === 1 || undefined;
    });
    controllers.carbon.gate.observeRun({ repository: 'o/r', workflowName: 'ci', jobName: 'x' }, 60_000);
    await waitFor('durations ConfigMap updated', async () => {
      const runs = Object.values(await runsOf());
      return runs.flat().length === 2 || undefined;
    });
  });

  it('restarts a warm runner that fails before taking a job, then scales down and deletes the pool', async () => {
    await env.patchPoolSpec('rbac', { minRunners: 1 });
    const warm = await waitFor('warm runner online', async () => {
      const p = (await podsOf('rbac'))[0];
      return p && env.runnerByName(p.metadata!.name!)?.status === 'online' ? p : undefined;
    });
    const name = warm.metadata!.name!;
    await finishPod(admin, pools.name, name, 'Failed');
    await waitFor('failure recorded on the runner Secret', async () => {
      const s = (await env.secrets('rbac')).find((x) => x.metadata?.name === name);
      return s?.metadata?.annotations?.[ANNOTATION_FAILURES] === '1' || undefined;
    });

    await env.patchPoolSpec('rbac', { minRunners: 0 });
    await waitFor(
      'scale-down to zero',
      async () =>
        ((await podsOf('rbac')).length === 0 && env.githubRunners('rbac').length === 0) || undefined,
    );

    const pool = await env.getPool('rbac');
    expect((pool.metadata as { finalizers?: string[] }).finalizers).toContain(FINALIZER);
    await custom().deleteNamespacedCustomObject({
      ...RESOURCES.RunnerPool,
      namespace: pools.name,
      name: 'rbac',
    });
    await waitFor('pool gone (finalizer removed)', async () => {
      try {
        await env.getPool('rbac');
        return undefined;
      } catch (err) {
        return statusCode(err) === 404 || undefined;
      }
    });
  });
});

/** Each (verb, group, resource) a rule grants. */
function grants(rules: V1PolicyRule[]): Access[] {
  return rules.flatMap((r) =>
    (r.apiGroups ?? []).flatMap((group) =>
      (r.resources ?? []).flatMap((resource) => r.verbs.map((verb) => ({ verb, group, resource }))),
    ),
  );
}
const key = (a: Access) => `${a.verb} ${a.group || 'core'}/${a.resource}`;

describe('RBAC: enough, and nothing more', () => {
  it('no request of the controller was refused', () => {
    const refused = proxy.calls.filter((c) => c.status === 401 || c.status === 403);
    expect(refused.map((c) => `${c.method} ${c.path} → ${c.status}`)).toEqual([]);
    expect(proxy.calls.length).toBeGreaterThan(20);
  });

  it('every verb the chart grants was used by the controller, in the namespace it is granted in', () => {
    const used = new Set(
      proxy.calls
        // Authorized (a 404 is answered after authorization: reading the durations ConfigMap before it exists).
        .filter((c) => c.status > 0 && c.status !== 401 && c.status !== 403)
        .map((c) => accessOf(c))
        .filter((a): a is Access => a !== undefined)
        .map((a) => `${a.namespace ?? '*'} ${key(a)}`),
    );
    const roles = rendered.filter((o) => o.kind === 'Role') as (KubernetesObject & {
      rules: V1PolicyRule[];
    })[];
    expect(roles.map((r) => r.metadata?.namespace).sort()).toEqual([pools.name, release.name].sort());
    const unused: string[] = [];
    for (const role of roles) {
      for (const g of grants(role.rules)) {
        const k = `${role.metadata?.namespace} ${key(g)}`;
        if (!used.has(k)) unused.push(k);
      }
    }
    expect(unused, `granted but never used:\n${unused.join('\n')}`).toEqual([]);
  });

  it('the ServiceAccount can not act outside its grants', async () => {
    const core = sa.makeApiClient(CoreV1Api);
    const crs = sa.makeApiClient(CustomObjectsApi);
    const denied = async (what: string, call: Promise<unknown>) =>
      expect(statusCode(await rejection(call)), what).toBe(403);
    await denied('read Secrets in another namespace', core.listNamespacedSecret({ namespace: other.name }));
    await denied('read Secrets cluster-wide', core.listSecretForAllNamespaces());
    await denied(
      'create Pods in another namespace',
      core.createNamespacedPod({
        namespace: other.name,
        body: { metadata: { name: 'x' }, spec: { containers: [{ name: 'x', image: 'x' }] } },
      }),
    );
    await denied(
      'read Secrets of the release namespace',
      core.listNamespacedSecret({ namespace: release.name }),
    );
    await denied('delete Nodes', core.deleteNode({ name: 'kwok-node-0' }));
    await denied('list Nodes', core.listNode());
    await denied(
      'update (PUT) a RunnerPool, a verb it does not use',
      crs.replaceNamespacedCustomObject({
        ...RESOURCES.RunnerPool,
        namespace: pools.name,
        name: 'x',
        body: env.pool({ name: 'x' }),
      }),
    );
    await denied(
      'delete a RunnerPool',
      crs.deleteNamespacedCustomObject({ ...RESOURCES.RunnerPool, namespace: pools.name, name: 'x' }),
    );
    await denied(
      'write a Lease outside the release namespace',
      sa.makeApiClient(CoordinationV1Api).createNamespacedLease({
        namespace: pools.name,
        body: { metadata: { name: 'x' }, spec: {} },
      }),
    );
    await denied(
      'read a ConfigMap of the release namespace other than its own',
      core.readNamespacedConfigMap({ namespace: release.name, name: 'kube-root-ca.crt' }),
    );
    // While it can do what it needs (the same credentials, no proxy).
    await core.listNamespacedPod({ namespace: pools.name });
    await core.patchNamespacedPod(
      { name: SELF_POD, namespace: release.name, body: { metadata: { labels: { probe: 'ok' } } } },
      mergePatch(),
    );
  });
});

/** Values of every sample of a series in Prometheus text format. */
function samples(text: string, series: string): number[] {
  return text
    .split('\n')
    .filter((l) => l.startsWith(`${series}{`) || l.startsWith(`${series} `))
    .map((l) => Number(l.slice(l.lastIndexOf(' ') + 1)));
}

describe('/metrics of the running controller', () => {
  it('exports every metric family the Grafana dashboard queries, histograms as _bucket/_sum/_count', async () => {
    const text = await (await fetch(`http://127.0.0.1:${controllers.manager.ports.metrics}/metrics`)).text();
    const defs = listMetricDefinitions();
    const families = new Set(
      dashboardQueries()
        .flatMap(([, e]) => seriesIn(e))
        .map((s) => familyOf(s, defs)!),
    );
    expect(families.size).toBeGreaterThan(15);
    for (const f of families) expect(text, f.name).toContain(`# TYPE ${f.name} ${f.type}`);
    // What this run exercised has samples, not only declarations.
    for (const series of [
      'ai_ci_job_wait_seconds_bucket',
      'ai_ci_job_wait_seconds_count',
      'ai_ci_reconcile_duration_seconds_bucket',
      'ai_ci_github_api_requests_total',
      'ai_ci_github_rate_limit_remaining',
      'ai_ci_runners_created_total',
      'ai_ci_webhook_deliveries_total',
    ])
      expect(
        samples(text, series).some((v) => v > 0),
        series,
      ).toBe(true);
    expect(text).toMatch(/^ai_ci_carbon_intensity_grams_per_kwh\{[^}]*policy="green"[^}]*\} 100$/m);
    expect(text).toMatch(/^ai_ci_leader 1$/m);
  });
});
