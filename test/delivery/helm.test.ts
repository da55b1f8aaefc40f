/**
 * The Helm chart, rendered by the real helm (bin/helm): lint, default and full values, what each value turns on,
 * values.schema.json rejecting bad values, the controller's flags/env/ports matching src/controller/main.ts, and
 * the chart's CRDs being the generated ones. (Server-side dry-run and RBAC on a real apiserver: test/e2e/.)
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type {
  KubernetesObject,
  V1ClusterRole,
  V1ConfigMap,
  V1Deployment,
  V1Ingress,
  V1Role,
  V1RoleBinding,
  V1Service,
} from '@kubernetes/client-node';
import { beforeAll, describe, expect, it } from 'vitest';
import { crdPath, renderCrd } from '../../src/api/generated.js';
import { KINDS } from '../../src/api/v1alpha1/index.js';
import { validateResource } from '../../src/api/validate.js';
import { chartDir, find, fullValuesFile, helm, renderChart, repoRoot } from './support/helm.js';

let defaults: KubernetesObject[];
let full: KubernetesObject[];

beforeAll(async () => {
  [defaults, full] = await Promise.all([
    renderChart(),
    renderChart({ valuesFiles: [fullValuesFile], namespace: 'ci' }),
  ]);
});

const deployment = (objects: KubernetesObject[]) => find<V1Deployment>(objects, 'Deployment')[0]!;
const container = (objects: KubernetesObject[]) => deployment(objects).spec!.template.spec!.containers[0]!;
const envOf = (objects: KubernetesObject[]) =>
  Object.fromEntries((container(objects).env ?? []).map((e) => [e.name, e.value ?? e.valueFrom]));

describe('helm lint', () => {
  it('passes --strict with default and with full values', async () => {
    for (const args of [[], ['--values', fullValuesFile]]) {
      const r = await helm(['lint', '--strict', chartDir, '--namespace', 'ci', ...args]);
      expect(r.stderr + r.stdout).toContain('0 chart(s) failed');
      expect(r.code).toBe(0);
    }
  });
});

describe('helm template, default values', () => {
  it('renders the controller, its ServiceAccount, cluster-wide RBAC, two Services and a webhook Secret', () => {
    expect(defaults.map((o) => `${o.kind}/${o.metadata?.name}`).sort()).toEqual(
      [
        'ClusterRole/ai-ci',
        'ClusterRoleBinding/ai-ci',
        'Deployment/ai-ci',
        'PodDisruptionBudget/ai-ci',
        'Role/ai-ci-leader-election',
        'RoleBinding/ai-ci-leader-election',
        'Secret/ai-ci-webhook',
        'Service/ai-ci-metrics',
        'Service/ai-ci-webhook',
        'ServiceAccount/ai-ci',
      ].sort(),
    );
    // Nothing optional by default.
    for (const kind of ['CarbonPolicy', 'RunnerPool', 'ServiceMonitor', 'ConfigMap', 'Ingress'])
      expect(find(defaults, kind)).toEqual([]);
  });

  it('runs 2 replicas (leader election) non-root, read-only, without capabilities, seccomp RuntimeDefault', () => {
    const d = deployment(defaults);
    expect(d.spec!.replicas).toBe(2);
    const pod = d.spec!.template.spec!;
    expect(pod.serviceAccountName).toBe('ai-ci');
    expect(pod.securityContext).toMatchObject({
      runAsNonRoot: true,
      runAsUser: 1000,
      seccompProfile: { type: 'RuntimeDefault' },
    });
    const c = container(defaults);
    expect(c.securityContext).toEqual({
      allowPrivilegeEscalation: false,
      readOnlyRootFilesystem: true,
      capabilities: { drop: ['ALL'] },
    });
    expect(c.resources?.requests).toBeDefined();
    expect(c.resources?.limits?.memory).toBeDefined();
    expect(c.livenessProbe?.httpGet).toEqual({ path: '/healthz', port: 'health' });
    expect(c.readinessProbe?.httpGet).toEqual({ path: '/readyz', port: 'health' });
    expect(c.args ?? []).not.toContain('--no-leader-election');
    expect(c.image).toBe('ai-ci-controller:0.1.0');
  });

  it('sets only environment variables that src/controller/main.ts reads, with the ports the Services target', () => {
    // main.ts and the carbon flags it registers (carbonpolicy/wiring.ts).
    const main = ['src/controller/main.ts', 'src/controller/carbonpolicy/wiring.ts']
      .map((f) => readFileSync(path.join(repoRoot, f), 'utf8'))
      .join('\n');
    const env = envOf(defaults);
    for (const name of Object.keys(env))
      expect(main, `the controller reads ${name}`).toContain(`env.${name}`);
    expect(env).toMatchObject({
      AI_CI_NAMESPACES: '',
      AI_CI_LEASE_NAMESPACE: 'ai-ci',
      AI_CI_METRICS_PORT: '8080',
      AI_CI_HEALTH_PORT: '8081',
      AI_CI_WEBHOOK_PORT: '9443',
      AI_CI_WEBHOOK_SECRET_FILE: '/etc/ai-ci/webhook/webhook-secret',
      AI_CI_JOB_DURATIONS_CONFIGMAP: 'ai-ci-job-durations',
    });
    const ports = Object.fromEntries((container(defaults).ports ?? []).map((p) => [p.name, p.containerPort]));
    expect(ports).toEqual({ webhook: 9443, metrics: 8080, health: 8081 });
    const webhook = find<V1Service>(defaults, 'Service', 'ai-ci-webhook')[0]!;
    expect(webhook.spec!.ports![0]!.targetPort).toBe('webhook');
    // Only the leader acts on webhooks: the Service selects the Pod the leader labels.
    expect(webhook.spec!.selector).toMatchObject({ 'ai-ci.dev/leader': 'true' });
    const metrics = find<V1Service>(defaults, 'Service', 'ai-ci-metrics')[0]!;
    expect(metrics.spec!.selector).not.toHaveProperty(['ai-ci.dev/leader']);
    // The secret file is the mounted Secret's key.
    const mount = container(defaults).volumeMounts!.find((m) => m.name === 'webhook-secret')!;
    expect(env.AI_CI_WEBHOOK_SECRET_FILE).toBe(`${mount.mountPath}/webhook-secret`);
  });

  it('turns tracing on only with tracing.otlpEndpoint, through the OTEL_* variables the controller honours', () => {
    expect(Object.keys(envOf(defaults)).filter((k) => k.startsWith('OTEL_'))).toEqual([]);
    const env = envOf(full);
    expect(env).toMatchObject({
      OTEL_EXPORTER_OTLP_ENDPOINT: 'http://otel-collector.monitoring:4318',
      OTEL_SERVICE_NAME: 'ai-ci-controller-ci',
      OTEL_BSP_MAX_QUEUE_SIZE: '4096',
      OTEL_EXPORTER_OTLP_HEADERS: { secretKeyRef: { name: 'otel-headers', key: 'headers' } },
    });
    // The controller reads them through telemetry/ (the OTLP exporter reads the endpoint and headers itself).
    const telemetry = readFileSync(path.join(repoRoot, 'src/telemetry/index.ts'), 'utf8');
    for (const name of ['OTEL_EXPORTER_OTLP_ENDPOINT', 'OTEL_SERVICE_NAME', 'OTEL_BSP_MAX_QUEUE_SIZE'])
      expect(telemetry).toContain(name);
  });

  it('gives cluster-wide watch access through a ClusterRole and the Lease in the release namespace only', () => {
    const cr = find<V1ClusterRole>(defaults, 'ClusterRole')[0]!;
    expect(cr.rules!.some((r) => r.resources?.includes('leases'))).toBe(false);
    const le = find<V1Role>(defaults, 'Role', 'ai-ci-leader-election')[0]!;
    expect(le.metadata?.namespace).toBe('ai-ci');
    expect(le.rules).toContainEqual({
      apiGroups: ['coordination.k8s.io'],
      resources: ['leases'],
      verbs: ['get', 'create', 'update'],
    });
    // The learned-durations ConfigMap: read and replaced by name, created in the release namespace only.
    expect(le.rules).toContainEqual({
      apiGroups: [''],
      resources: ['configmaps'],
      resourceNames: ['ai-ci-job-durations'],
      verbs: ['get', 'update'],
    });
    expect(le.rules).toContainEqual({ apiGroups: [''], resources: ['configmaps'], verbs: ['create'] });
    expect(cr.rules!.some((r) => r.resources?.includes('configmaps'))).toBe(false);
    // No wildcards anywhere.
    for (const rule of [...cr.rules!, ...le.rules!]) {
      expect(rule.verbs).not.toContain('*');
      expect(rule.resources).not.toContain('*');
      expect(rule.apiGroups).not.toContain('*');
    }
  });
});

describe('helm template, full values', () => {
  it('scopes RBAC to the watched namespaces: a Role and RoleBinding in each, no ClusterRole', () => {
    expect(find(full, 'ClusterRole')).toEqual([]);
    const roles = find<V1Role>(full, 'Role').filter((r) => r.metadata?.name === 'ai-ci');
    expect(roles.map((r) => r.metadata?.namespace).sort()).toEqual(['ci', 'ci-gpu']);
    const bindings = find<V1RoleBinding>(full, 'RoleBinding').filter((r) => r.metadata?.name === 'ai-ci');
    for (const b of bindings)
      expect(b.subjects).toEqual([{ kind: 'ServiceAccount', name: 'ai-ci', namespace: 'ci' }]);
    expect(envOf(full).AI_CI_NAMESPACES).toBe('ci,ci-gpu');
  });

  it('renders the ServiceMonitor, the dashboard ConfigMap, the Ingress, the default CarbonPolicy and RunnerPool', () => {
    const sm = find(full, 'ServiceMonitor')[0] as KubernetesObject & {
      spec: {
        endpoints: { port: string; path: string }[];
        selector: { matchLabels: Record<string, string> };
      };
    };
    expect(sm.metadata?.labels).toMatchObject({ release: 'prometheus' });
    expect(sm.spec.endpoints).toEqual([{ port: 'metrics', path: '/metrics', interval: '30s' }]);
    const metricsService = find<V1Service>(full, 'Service', 'ai-ci-metrics')[0]!;
    for (const [k, v] of Object.entries(sm.spec.selector.matchLabels))
      expect(metricsService.metadata?.labels?.[k]).toBe(v);

    const cm = find<V1ConfigMap>(full, 'ConfigMap', 'ai-ci-dashboard')[0]!;
    expect(cm.metadata?.labels).toMatchObject({ grafana_dashboard: '1' });
    expect(JSON.parse(cm.data!['ai-ci.json']!)).toEqual(
      JSON.parse(readFileSync(path.join(chartDir, 'dashboards/ai-ci.json'), 'utf8')),
    );

    const ing = find<V1Ingress>(full, 'Ingress')[0]!;
    expect(ing.spec!.rules![0]!.host).toBe('ai-ci.example.com');
    expect(ing.spec!.rules![0]!.http!.paths[0]).toMatchObject({
      path: '/webhooks/github',
      pathType: 'Exact',
    });

    // The user's webhook Secret, so the chart makes none.
    expect(find(full, 'Secret')).toEqual([]);
    expect(find(full, 'PodDisruptionBudget')).toHaveLength(1);
  });

  it('fills the default RunnerPool from the values, and both custom resources pass the API schema and CEL rules', () => {
    const pool = find(full, 'RunnerPool')[0] as KubernetesObject & { spec: Record<string, unknown> };
    expect(pool.spec).toMatchObject({
      github: { organization: 'example-org', credentialsSecretRef: { name: 'github-app' } },
      carbonPolicyRef: { name: 'uk-grid' },
      labels: ['ubuntu-latest-gpu'],
    });
    for (const kind of ['RunnerPool', 'CarbonPolicy']) {
      const obj = find(full, kind)[0]!;
      expect(validateResource(obj).issues, kind).toEqual([]);
    }
  });
});

describe('values.schema.json and template guards', () => {
  const rejects = async (set: Record<string, string>, message: RegExp) => {
    const args = ['template', 'x', chartDir];
    for (const [k, v] of Object.entries(set)) args.push('--set', `${k}=${v}`);
    const r = await helm(args);
    expect(r.code, `helm template --set ${JSON.stringify(set)} should fail`).not.toBe(0);
    expect(r.stderr).toMatch(message);
  };

  it.each([
    [{ replicaCount: '0' }, /replicaCount/],
    [{ 'controller.logLevel': 'loud' }, /logLevel/],
    [{ 'controller.resyncInterval': 'soon' }, /resyncInterval/],
    [{ 'controller.watchNamespaces[0]': 'Not_A_Namespace' }, /watchNamespaces/],
    [{ 'webhook.port': '70000' }, /port/],
    [{ 'webhook.service.type': 'Internal' }, /type/],
    [{ 'image.pullPolicy': 'Sometimes' }, /pullPolicy/],
    [{ replicaz: '2' }, /replicaz/],
    [{ 'controller.leaderElection.enabled': 'false' }, /leaderElection/],
    [{ 'runnerPool.create': 'true' }, /github.existingSecret/],
    [{ 'runnerPool.create': 'true', 'github.existingSecret': 'gh' }, /organization or repository/],
  ])('rejects %j', async (set, message) => rejects(set, message));

  it('accepts a single replica without leader election', async () => {
    const objects = await renderChart({
      set: { replicaCount: '1', 'controller.leaderElection.enabled': 'false' },
    });
    expect(container(objects).args).toContain('--no-leader-election');
    expect(find(objects, 'PodDisruptionBudget')).toEqual([]);
  });
});

describe('chart CRDs', () => {
  it('are the generated CRDs (npm run generate writes both)', () => {
    for (const kind of KINDS) {
      const rel = crdPath(kind).replace(/^crds\//, 'charts/ai-ci/crds/');
      expect(readFileSync(path.join(repoRoot, rel), 'utf8'), rel).toBe(renderCrd(kind));
    }
  });
});

describe('NOTES.txt', () => {
  const notes = async (set: Record<string, string>) => {
    const args = ['install', 'ai-ci', chartDir, '--namespace', 'ai-ci', '--dry-run=client'];
    for (const [k, v] of Object.entries(set)) args.push('--set', `${k}=${v}`);
    const r = await helm(args);
    expect(r.code, r.stderr).toBe(0);
    return r.stdout.slice(r.stdout.indexOf('NOTES:'));
  };

  it('tells where GitHub delivers webhooks and where the secret is', async () => {
    const text = await notes({ 'webhook.ingress.enabled': 'true', 'webhook.ingress.host': 'ci.example.com' });
    expect(text).toContain('Payload URL:  https://ci.example.com/webhooks/github');
    expect(text).toContain('key "webhook-secret" of Secret ai-ci/ai-ci-webhook');
    expect(text).toContain('Events:       Workflow jobs');
    expect(text).toContain('kubectl apply --server-side -f charts/ai-ci/crds/');
  });

  it('names the user’s Secret, and says when webhooks are off', async () => {
    expect(await notes({ 'webhook.existingSecret': 'my-hook' })).toContain('Secret ai-ci/my-hook');
    expect(await notes({ 'webhook.enabled': 'false' })).toContain(
      'queued jobs are found by the periodic resync',
    );
  });
});

describe('RBAC modes', () => {
  it('grant the same rules cluster-wide (ClusterRole) as per namespace (the set the RBAC e2e test proves)', () => {
    const cluster = find<V1ClusterRole>(defaults, 'ClusterRole')[0]!.rules;
    const perNamespace = find<V1Role>(full, 'Role').filter((r) => r.metadata?.name === 'ai-ci');
    expect(perNamespace.length).toBe(2);
    for (const role of perNamespace) expect(role.rules).toEqual(cluster);
  });
});
