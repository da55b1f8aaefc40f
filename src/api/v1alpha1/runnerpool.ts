/**
 * RunnerPool: ephemeral GitHub Actions runner Pods that follow `workflow_job` demand for a set of labels.
 *
 * Size: the one schema of RunnerPool (TypeBox): the CRD, the TypeScript types, validation and the README API
 * reference are all generated from it, so each field is declared once here with its description and default.
 */
import { type Static, Type } from '@sinclair/typebox';
import {
  API_VERSION,
  CONFIG_KEY_PATTERN,
  Conditions,
  DateTime,
  DNS_SUBDOMAIN_PATTERN,
  Duration,
  HTTP_URL_PATTERN,
  LocalObjectReference,
  ObjectMeta,
  Quantity,
  StringEnum,
  StringMap,
} from './common.js';

export const RUNNER_POOL_KIND = 'RunnerPool';
export const RUNNER_POOL_PLURAL = 'runnerpools';
export const RUNNER_POOL_SINGULAR = 'runnerpool';
export const RUNNER_POOL_SHORT_NAMES = ['rp'] as const;

/** The runner image used when a pool does not name one; pinned, never `latest`. */
export const DEFAULT_RUNNER_IMAGE = 'ghcr.io/actions/actions-runner:2.336.0';

/** Keys the Secret named by `spec.github.credentialsSecretRef` may hold. */
export const GITHUB_CREDENTIAL_KEYS = {
  appId: 'github-app-id',
  appInstallationId: 'github-app-installation-id',
  appPrivateKey: 'github-app-private-key',
  token: 'github-token',
} as const;

/** Condition types the controller sets on a RunnerPool. */
/** Where a RunnerPool learns of queued jobs (`spec.github.demandSource`); the first is the default. */
export const DEMAND_SOURCES = ['webhook', 'scaleSet'] as const;
export type DemandSource = (typeof DEMAND_SOURCES)[number];

export const RunnerPoolConditionType = {
  /** The pool reconciled and can serve jobs. */
  Ready: 'Ready',
  /** Runners are being created or removed to reach the desired count. */
  Scaling: 'Scaling',
  /** The GitHub credentials work and the scope (org/repo) is reachable. */
  GitHubReachable: 'GitHubReachable',
  /** The referenced CarbonPolicy exists and answers (absent when the pool has no policy). */
  CarbonPolicyResolved: 'CarbonPolicyResolved',
} as const;

const GITHUB_LOGIN_PATTERN = '^[A-Za-z0-9]([A-Za-z0-9-]{0,37}[A-Za-z0-9])?$';
const GITHUB_REPOSITORY_PATTERN = '^[A-Za-z0-9]([A-Za-z0-9-]{0,37}[A-Za-z0-9])?/[A-Za-z0-9._-]{1,100}$';
/** Runner labels: no whitespace or commas (the runner's `--labels` is comma-separated). */
const RUNNER_LABEL_PATTERN = '^[A-Za-z0-9._-]+$';

export const GitHubSpec = Type.Object(
  {
    organization: Type.Optional(
      Type.String({
        description:
          'GitHub organization whose jobs the pool serves (organization-level runners). Exactly one of organization or repository.',
        maxLength: 39,
        pattern: GITHUB_LOGIN_PATTERN,
      }),
    ),
    repository: Type.Optional(
      Type.String({
        description:
          'Repository, as `owner/repo`, whose jobs the pool serves (repository-level runners). Exactly one of organization or repository.',
        maxLength: 140,
        pattern: GITHUB_REPOSITORY_PATTERN,
      }),
    ),
    runnerGroup: Type.Optional(
      Type.String({
        description:
          'Runner group the runners join; organization scope only. Default: the organization default group.',
        minLength: 1,
        maxLength: 128,
      }),
    ),
    credentialsSecretRef: LocalObjectReference(
      'Secret with the GitHub credentials, in the pool namespace. Either a GitHub App: keys `github-app-id`, ' +
        '`github-app-installation-id` and `github-app-private-key` (PEM); or a token: key `github-token` ' +
        '(fine-grained or classic PAT with administration rights on the scope). The App is used when both are present.',
    ),
    enterpriseUrl: Type.Optional(
      Type.String({
        description:
          'Base URL of a GitHub Enterprise Server, e.g. `https://github.example.com`; the API is at `/api/v3` under it. Default: github.com.',
        maxLength: 2048,
        pattern: HTTP_URL_PATTERN,
      }),
    ),
    apiUrl: Type.Optional(
      Type.String({
        description:
          'REST API base URL, overriding the one derived from enterpriseUrl (e.g. for a proxy or a test server).',
        maxLength: 2048,
        pattern: HTTP_URL_PATTERN,
      }),
    ),
    demandSource: Type.Optional(
      StringEnum(DEMAND_SOURCES, {
        description:
          'Where the pool learns of queued jobs. `webhook`: `workflow_job` webhooks to the controller plus the periodic REST resync (needs a public webhook endpoint). `scaleSet`: the GitHub Actions service message queue of a runner scale set named after the pool, long-polled by the leader over outbound HTTPS only (as ARC does); its runners get their JIT configs from the scale set. Default: webhook.',
      }),
    ),
  },
  {
    description: 'Where the runners register and whose jobs they take.',
    'x-kubernetes-validations': [
      {
        rule: 'has(self.organization) != has(self.repository)',
        message: 'exactly one of organization or repository must be set',
      },
      {
        rule: '!has(self.runnerGroup) || has(self.organization)',
        message: 'runnerGroup is only allowed with organization scope',
        fieldPath: '.runnerGroup',
        reason: 'FieldValueForbidden',
      },
    ],
  },
);

export const Toleration = Type.Object(
  {
    key: Type.Optional(
      Type.String({
        description: 'Taint key the toleration applies to; empty with operator Exists matches all taints.',
        maxLength: 316,
      }),
    ),
    operator: Type.Optional(
      StringEnum(['Exists', 'Equal'] as const, {
        description: 'How key and value are compared. Default: Equal.',
      }),
    ),
    value: Type.Optional(
      Type.String({ description: 'Taint value matched with operator Equal.', maxLength: 63 }),
    ),
    effect: Type.Optional(
      StringEnum(['NoSchedule', 'PreferNoSchedule', 'NoExecute'] as const, {
        description: 'Taint effect to match; empty matches all effects.',
      }),
    ),
    tolerationSeconds: Type.Optional(
      Type.Integer({
        description: 'With effect NoExecute: how long the Pod stays bound after the taint appears.',
        format: 'int64',
      }),
    ),
  },
  {
    description: 'A Pod toleration (core/v1 Toleration).',
    'x-kubernetes-validations': [
      {
        rule: "!has(self.operator) || self.operator != 'Exists' || !has(self.value) || self.value == ''",
        message: 'value must be empty when operator is Exists',
        fieldPath: '.value',
      },
    ],
  },
);

export const EnvVar = Type.Object(
  {
    name: Type.String({ description: 'Environment variable name.', minLength: 1, maxLength: 256 }),
    value: Type.Optional(Type.String({ description: 'Literal value.', maxLength: 32768 })),
    valueFrom: Type.Optional(
      Type.Object(
        {
          secretKeyRef: Type.Optional(
            Type.Object(
              {
                name: Type.String({
                  description: 'Secret name.',
                  minLength: 1,
                  maxLength: 253,
                  pattern: DNS_SUBDOMAIN_PATTERN,
                }),
                key: Type.String({
                  description: 'Key in the Secret.',
                  minLength: 1,
                  maxLength: 253,
                  pattern: CONFIG_KEY_PATTERN,
                }),
              },
              { description: 'A key of a Secret in the pool namespace.' },
            ),
          ),
          configMapKeyRef: Type.Optional(
            Type.Object(
              {
                name: Type.String({
                  description: 'ConfigMap name.',
                  minLength: 1,
                  maxLength: 253,
                  pattern: DNS_SUBDOMAIN_PATTERN,
                }),
                key: Type.String({
                  description: 'Key in the ConfigMap.',
                  minLength: 1,
                  maxLength: 253,
                  pattern: CONFIG_KEY_PATTERN,
                }),
              },
              { description: 'A key of a ConfigMap in the pool namespace.' },
            ),
          ),
        },
        {
          description: 'Source of the value.',
          'x-kubernetes-validations': [
            {
              rule: 'has(self.secretKeyRef) != has(self.configMapKeyRef)',
              message: 'exactly one of secretKeyRef or configMapKeyRef must be set',
            },
          ],
        },
      ),
    ),
  },
  {
    description: 'An environment variable of the runner container.',
    'x-kubernetes-validations': [
      {
        rule: '!(has(self.value) && has(self.valueFrom))',
        message: 'value and valueFrom are mutually exclusive',
        fieldPath: '.valueFrom',
      },
    ],
  },
);

const ResourceList = (description: string) =>
  StringMap(Quantity('A quantity, e.g. `2`, `500m`, `16Gi`.'), { description, maxProperties: 32 });

export const RunnerTemplate = Type.Object(
  {
    image: Type.Optional(
      Type.String({
        description: 'Runner container image; it must contain the GitHub Actions runner and the ai-ci CLI.',
        minLength: 1,
        maxLength: 512,
        default: DEFAULT_RUNNER_IMAGE,
      }),
    ),
    imagePullPolicy: Type.Optional(
      StringEnum(['Always', 'IfNotPresent', 'Never'] as const, {
        description: 'Image pull policy. Default: IfNotPresent for a tagged image.',
      }),
    ),
    imagePullSecrets: Type.Optional(
      Type.Array(LocalObjectReference('A Secret of type kubernetes.io/dockerconfigjson.'), {
        description: 'Secrets used to pull the image.',
        maxItems: 16,
        'x-kubernetes-list-type': 'map',
        'x-kubernetes-list-map-keys': ['name'],
      }),
    ),
    resources: Type.Optional(
      Type.Object(
        {
          requests: Type.Optional(
            ResourceList('Minimum resources, e.g. `cpu: "4"`, `memory: 16Gi`, `nvidia.com/gpu: 1`.'),
          ),
          limits: Type.Optional(
            ResourceList('Maximum resources; extended resources such as `nvidia.com/gpu` need a limit.'),
          ),
        },
        { description: 'Compute resources of the runner container.' },
      ),
    ),
    nodeSelector: Type.Optional(
      StringMap(Type.String({ maxLength: 63 }), {
        description: 'Node labels the runner Pod must match, e.g. `nvidia.com/gpu.present: "true"`.',
        maxProperties: 32,
      }),
    ),
    tolerations: Type.Optional(
      Type.Array(Toleration, {
        description: 'Tolerations of the runner Pod, e.g. for tainted GPU nodes.',
        maxItems: 32,
        'x-kubernetes-list-type': 'atomic',
      }),
    ),
    env: Type.Optional(
      Type.Array(EnvVar, {
        description: 'Extra environment variables of the runner container.',
        maxItems: 64,
        'x-kubernetes-list-type': 'map',
        'x-kubernetes-list-map-keys': ['name'],
      }),
    ),
    serviceAccountName: Type.Optional(
      Type.String({
        description:
          'ServiceAccount of the runner Pod. Default: the namespace default, without a token mounted.',
        maxLength: 253,
        pattern: DNS_SUBDOMAIN_PATTERN,
      }),
    ),
    runtimeClassName: Type.Optional(
      Type.String({
        description: 'RuntimeClass of the runner Pod, e.g. `nvidia`.',
        maxLength: 253,
        pattern: DNS_SUBDOMAIN_PATTERN,
      }),
    ),
    labels: Type.Optional(
      StringMap(Type.String({ maxLength: 63 }), {
        description: 'Extra labels of the runner Pods.',
        maxProperties: 64,
      }),
    ),
    annotations: Type.Optional(
      StringMap(Type.String({ maxLength: 65536 }), {
        description: 'Extra annotations of the runner Pods.',
        maxProperties: 64,
      }),
    ),
  },
  { description: 'Template of the runner Pods.', default: {} },
);

export const RunnerPoolSpec = Type.Object(
  {
    github: GitHubSpec,
    labels: Type.Array(
      Type.String({
        minLength: 1,
        maxLength: 128,
        pattern: RUNNER_LABEL_PATTERN,
        description: 'A runner label.',
      }),
      {
        description:
          'Runner labels the pool serves, e.g. `[ubuntu-latest-gpu]`. Matching is exact: a queued job is for this pool only when its `runs-on` labels, ignoring `self-hosted` and letter case, equal this set, so a CPU job never lands on a GPU runner.',
        minItems: 1,
        maxItems: 32,
        'x-kubernetes-list-type': 'set',
      },
    ),
    minRunners: Type.Optional(
      Type.Integer({
        description:
          'Idle runners kept even without queued jobs (a warm pool). Carbon deferral never stops these.',
        minimum: 0,
        maximum: 1000,
        default: 0,
        format: 'int32',
      }),
    ),
    maxRunners: Type.Optional(
      Type.Integer({
        description: 'Upper bound on runner Pods of the pool, busy and idle together.',
        minimum: 1,
        maximum: 1000,
        default: 10,
        format: 'int32',
      }),
    ),
    template: Type.Optional(RunnerTemplate),
    carbonPolicyRef: Type.Optional(
      LocalObjectReference(
        'CarbonPolicy, in the pool namespace, that decides when queued jobs get a runner. Without it jobs start at once.',
      ),
    ),
    scaleDownDelay: Type.Optional(
      Duration('How long a runner above minRunners may stay idle before it is removed.', '5m'),
    ),
    runnerStartupTimeout: Type.Optional(
      Duration('How long a runner Pod may take to register with GitHub before it is replaced.', '10m'),
    ),
    maxRunnerRetries: Type.Optional(
      Type.Integer({
        description:
          'How many times a runner that failed to start is replaced for the same job before the pool reports it as failing.',
        minimum: 0,
        maximum: 100,
        default: 3,
        format: 'int32',
      }),
    ),
  },
  {
    description: 'Desired state of the RunnerPool.',
    'x-kubernetes-validations': [
      {
        rule: 'self.minRunners <= self.maxRunners',
        message: 'minRunners must be less than or equal to maxRunners',
        fieldPath: '.minRunners',
      },
      {
        rule: "duration(self.runnerStartupTimeout) >= duration('30s')",
        message: 'runnerStartupTimeout must be at least 30s',
        fieldPath: '.runnerStartupTimeout',
      },
    ],
  },
);

export const RunnerSummary = Type.Object(
  {
    name: Type.String({ description: 'Runner Pod name (also the GitHub runner name).', maxLength: 253 }),
    phase: StringEnum(['Pending', 'Idle', 'Busy', 'Terminating', 'Failed'] as const, {
      description: 'Runner lifecycle phase.',
    }),
    jobId: Type.Optional(
      Type.Integer({ description: 'GitHub workflow job id the runner is running.', format: 'int64' }),
    ),
    since: Type.Optional(DateTime('When the runner entered its phase.')),
  },
  { description: 'One runner of the pool.' },
);

export const RunnerPoolStatus = Type.Object(
  {
    observedGeneration: Type.Optional(
      Type.Integer({ description: 'The .metadata.generation last reconciled.', minimum: 0, format: 'int64' }),
    ),
    replicas: Type.Optional(
      Type.Integer({ description: 'Runner Pods that exist, in any phase.', minimum: 0, format: 'int32' }),
    ),
    busy: Type.Optional(Type.Integer({ description: 'Runners running a job.', minimum: 0, format: 'int32' })),
    idle: Type.Optional(
      Type.Integer({ description: 'Registered runners waiting for a job.', minimum: 0, format: 'int32' }),
    ),
    pending: Type.Optional(
      Type.Integer({
        description: 'Runner Pods starting, not yet registered with GitHub.',
        minimum: 0,
        format: 'int32',
      }),
    ),
    queuedJobs: Type.Optional(
      Type.Integer({
        description: 'Queued GitHub jobs for the pool labels, deferred ones included.',
        minimum: 0,
        format: 'int32',
      }),
    ),
    deferredJobs: Type.Optional(
      Type.Integer({
        description: 'Queued jobs the CarbonPolicy holds back for a cleaner window.',
        minimum: 0,
        format: 'int32',
      }),
    ),
    lastScaleTime: Type.Optional(DateTime('When the pool last created or removed a runner.')),
    runners: Type.Optional(
      Type.Array(RunnerSummary, {
        description: 'The runners of the pool.',
        maxItems: 1000,
        'x-kubernetes-list-type': 'map',
        'x-kubernetes-list-map-keys': ['name'],
      }),
    ),
    conditions: Type.Optional(Conditions),
  },
  { description: 'Observed state of the RunnerPool.' },
);

export const RunnerPool = Type.Object(
  {
    apiVersion: Type.Literal(API_VERSION, { description: 'API version: `ai-ci.dev/v1alpha1`.' }),
    kind: Type.Literal(RUNNER_POOL_KIND, { description: 'Kind: `RunnerPool`.' }),
    metadata: ObjectMeta,
    spec: RunnerPoolSpec,
    status: Type.Optional(RunnerPoolStatus),
  },
  {
    description:
      'A pool of ephemeral GitHub Actions runners on Kubernetes: runner Pods created just in time for queued jobs whose labels the pool serves, optionally only in low-carbon windows.',
  },
);

export type GitHubSpec = Static<typeof GitHubSpec>;
export type Toleration = Static<typeof Toleration>;
export type EnvVar = Static<typeof EnvVar>;
export type RunnerTemplate = Static<typeof RunnerTemplate>;
export type RunnerPoolSpec = Static<typeof RunnerPoolSpec>;
export type RunnerSummary = Static<typeof RunnerSummary>;
export type RunnerPoolStatus = Static<typeof RunnerPoolStatus>;
export type RunnerPool = Static<typeof RunnerPool>;

/** A RunnerPool spec as the apiserver stores it (and `validateRunnerPool` returns it): schema defaults filled in. */
export type DefaultedRunnerPoolSpec = Omit<
  RunnerPoolSpec,
  'minRunners' | 'maxRunners' | 'template' | 'scaleDownDelay' | 'runnerStartupTimeout' | 'maxRunnerRetries'
> &
  Required<
    Pick<
      RunnerPoolSpec,
      'minRunners' | 'maxRunners' | 'scaleDownDelay' | 'runnerStartupTimeout' | 'maxRunnerRetries'
    >
  > & { template: RunnerTemplate & { image: string } };
export type DefaultedRunnerPool = Omit<RunnerPool, 'spec'> & { spec: DefaultedRunnerPoolSpec };
