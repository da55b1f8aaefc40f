/**
 * CarbonPolicy: where grid carbon intensity comes from, and when queued jobs may start.
 *
 * Size: the one schema of CarbonPolicy (TypeBox): the CRD, the TypeScript types, validation and the README API
 * reference are all generated from it, so each field is declared once here with its description and default.
 */
import { type Static, Type } from '@sinclair/typebox';
import {
  API_VERSION,
  Conditions,
  DateTime,
  Duration,
  HTTP_URL_PATTERN,
  LocalObjectReference,
  ObjectMeta,
  SecretKeySelector,
  StringEnum,
} from './common.js';

export const CARBON_POLICY_KIND = 'CarbonPolicy';
export const CARBON_POLICY_PLURAL = 'carbonpolicies';
export const CARBON_POLICY_SINGULAR = 'carbonpolicy';
export const CARBON_POLICY_SHORT_NAMES = ['cp'] as const;

/** On a RunnerPool or a CarbonPolicy, `ai-ci.dev/force-run: "true"` admits every queued job at once. */
export const FORCE_RUN_ANNOTATION = 'ai-ci.dev/force-run';

/** The names of `spec.source`'s members, in the order the schema lists them. */
export const CARBON_SOURCE_TYPES = [
  'ukCarbonIntensity',
  'electricityMaps',
  'wattTime',
  'file',
  'static',
] as const;
export type CarbonSourceType = (typeof CARBON_SOURCE_TYPES)[number];

/** Keys the Secret named by `wattTime.credentialsSecretRef` holds. */
export const WATTTIME_CREDENTIAL_KEYS = { username: 'username', password: 'password' } as const;

/** Condition types the controller sets on a CarbonPolicy. */
export const CarbonPolicyConditionType = {
  /** Intensity data is current enough to decide with. */
  Ready: 'Ready',
  /** The last fetch from the source succeeded (the circuit breaker is closed). */
  SourceHealthy: 'SourceHealthy',
} as const;

const apiUrl = (what: string) =>
  Type.Optional(
    Type.String({
      description: `Base URL of the ${what} API, overriding the public one (for a proxy or a test server).`,
      maxLength: 2048,
      pattern: HTTP_URL_PATTERN,
    }),
  );

export const UkCarbonIntensitySource = Type.Object(
  {
    regionId: Type.Optional(
      Type.Integer({
        description:
          'Region of the GB grid, 1–17 as the Carbon Intensity API numbers them (1 North Scotland … 13 London … 15 England, 16 Scotland, 17 Wales). At most one of regionId or postcode; neither means national (GB) intensity.',
        minimum: 1,
        maximum: 17,
        format: 'int32',
      }),
    ),
    postcode: Type.Optional(
      Type.String({
        description: 'Outward part of a UK postcode, e.g. `RG41`, `SW1`, `BS7`: its region is used.',
        minLength: 2,
        maxLength: 4,
        pattern: '^[A-Za-z]{1,2}[0-9][A-Za-z0-9]?$',
      }),
    ),
    apiUrl: apiUrl('Carbon Intensity (carbonintensity.org.uk)'),
  },
  {
    description: 'GB National Energy System Operator Carbon Intensity API: free, no key, 48 h forecast.',
    'x-kubernetes-validations': [
      {
        rule: '!(has(self.regionId) && has(self.postcode))',
        message: 'at most one of regionId or postcode may be set',
        fieldPath: '.postcode',
      },
    ],
  },
);

export const ElectricityMapsSource = Type.Object(
  {
    zone: Type.String({
      description: 'Electricity Maps zone key, e.g. `DE`, `FR`, `US-CAL-CISO`, `GB`.',
      minLength: 2,
      maxLength: 64,
      pattern: '^[A-Za-z0-9]+(-[A-Za-z0-9]+)*$',
    }),
    tokenSecretRef: SecretKeySelector('Secret key holding the Electricity Maps API token.', 'auth-token'),
    apiUrl: apiUrl('Electricity Maps'),
  },
  { description: 'Electricity Maps API (token required; forecasts depend on the plan).' },
);

export const WattTimeSource = Type.Object(
  {
    region: Type.String({
      description: 'WattTime region (balancing authority) abbreviation, e.g. `CAISO_NORTH`.',
      minLength: 1,
      maxLength: 64,
      pattern: '^[A-Za-z0-9_-]+$',
    }),
    credentialsSecretRef: LocalObjectReference(
      'Secret with the WattTime account: keys `username` and `password`.',
    ),
    apiUrl: apiUrl('WattTime'),
  },
  { description: 'WattTime API: marginal emissions (MOER), converted to gCO2eq/kWh.' },
);

export const FileSource = Type.Object(
  {
    path: Type.String({
      description:
        'Absolute path, in the controller container, of a CSV or JSON intensity trace (e.g. a mounted ConfigMap). The format is chosen by the extension.',
      minLength: 2,
      maxLength: 4096,
      pattern: '^/.*\\.(csv|json)$',
    }),
  },
  { description: 'A recorded or synthetic intensity trace, for air-gapped clusters and replays.' },
);

export const StaticSource = Type.Object(
  {
    intensity: Type.Number({
      description: 'The constant intensity, gCO2eq/kWh.',
      minimum: 0,
      maximum: 10000,
    }),
  },
  { description: 'A constant intensity, for tests and air-gapped clusters.' },
);

export const CarbonSource = Type.Object(
  {
    ukCarbonIntensity: Type.Optional(UkCarbonIntensitySource),
    electricityMaps: Type.Optional(ElectricityMapsSource),
    wattTime: Type.Optional(WattTimeSource),
    file: Type.Optional(FileSource),
    static: Type.Optional(StaticSource),
  },
  {
    description: 'Where intensity data comes from: exactly one of the members.',
    'x-kubernetes-validations': [
      {
        rule: '[has(self.ukCarbonIntensity), has(self.electricityMaps), has(self.wattTime), has(self.file), has(self.static)].exists_one(x, x)',
        message: 'exactly one of ukCarbonIntensity, electricityMaps, wattTime, file or static must be set',
      },
    ],
  },
);

export const ForceRun = Type.Object(
  {
    labels: Type.Optional(
      Type.Array(Type.String({ minLength: 1, maxLength: 128, description: 'A runner label.' }), {
        description: 'Jobs with any of these `runs-on` labels start at once, whatever the grid.',
        maxItems: 32,
        'x-kubernetes-list-type': 'set',
      }),
    ),
    branches: Type.Optional(
      Type.Array(Type.String({ minLength: 1, maxLength: 255, description: 'A branch glob.' }), {
        description:
          'Jobs of runs on branches matching any of these globs (`*` within a path segment, `**` across) start at once, e.g. `main`, `release/**`.',
        maxItems: 32,
        'x-kubernetes-list-type': 'set',
      }),
    ),
  },
  {
    description:
      'Jobs that are never deferred. Besides these, the annotation `ai-ci.dev/force-run: "true"` on the RunnerPool or the CarbonPolicy admits every job.',
    default: {},
  },
);

export const CircuitBreaker = Type.Object(
  {
    failureThreshold: Type.Optional(
      Type.Integer({
        description: 'Consecutive failed fetches that open the breaker.',
        minimum: 1,
        maximum: 100,
        default: 3,
        format: 'int32',
      }),
    ),
    openDuration: Type.Optional(
      Duration('How long the breaker stays open before one trial fetch (half-open).', '5m'),
    ),
  },
  { description: 'Protects the source from retry storms and the scheduler from stale data.', default: {} },
);

export const CarbonPolicySpec = Type.Object(
  {
    source: CarbonSource,
    threshold: Type.Unsafe<number>({
      type: 'number',
      description:
        'Intensity, gCO2eq/kWh, at or below which the grid counts as low-carbon and queued jobs start at once.',
      minimum: 0,
      // OpenAPI v3.0 (the CRD dialect) writes "> 0" as a boolean next to minimum; the validator translates it.
      exclusiveMinimum: true,
      maximum: 10000,
    }),
    maxDeferral: Type.Optional(
      Duration(
        'Deadline after queueing: a job still deferred this long after it was queued starts whatever the grid.',
        '4h',
      ),
    ),
    forecastHorizon: Type.Optional(Duration('How far ahead forecasts are fetched and searched.', '24h')),
    tolerancePercent: Type.Optional(
      Type.Integer({
        description:
          'Now is as good as the best window when its intensity is within this percentage of the best forecast window: such jobs start at once instead of waiting for a marginal gain. The default is small because what a few hours of deferral can save is often under 10% (`ai-ci simulate` measures it on real grid data).',
        minimum: 0,
        maximum: 100,
        default: 2,
        format: 'int32',
      }),
    ),
    defaultJobDuration: Type.Optional(
      Duration(
        "Expected run time of a typical job: the status's nextWindow is sized by it. A job with too little duration history is planned with the longest of this, maxJobDuration and the longest job learned.",
        '30m',
      ),
    ),
    maxJobDuration: Type.Optional(
      Duration(
        "The longest a job can run (its `timeout-minutes`; GitHub's default is 6h). A job with too little duration history to plan with is deferred only as far as finishing by maxDeferral would allow even if it ran this long; with the defaults (maxDeferral 4h) such jobs start at once.",
        '6h',
      ),
    ),
    forceRun: Type.Optional(ForceRun),
    failureMode: Type.Optional(
      StringEnum(['runAnyway', 'wait'] as const, {
        description:
          'What happens while the source is failing and no usable data is left: `runAnyway` starts jobs at once; `wait` keeps them deferred, but never past maxDeferral.',
        default: 'runAnyway',
      }),
    ),
    circuitBreaker: Type.Optional(CircuitBreaker),
    refreshInterval: Type.Optional(Duration('How often intensity and forecast are fetched.', '5m')),
    mode: Type.Optional(
      StringEnum(['Enforce', 'Observe'] as const, {
        description:
          '`Enforce` defers jobs as decided; `Observe` decides the same way but never defers: every job starts at once, and status.observedDeferrals, the ai_ci_carbon_observed_deferrals_total and ai_ci_carbon_observed_avoidable_grams_total metrics and WouldDefer Events show what Enforce would have done (a gradual rollout).',
        default: 'Enforce',
      }),
    ),
  },
  {
    description: 'Desired behaviour of the CarbonPolicy.',
    'x-kubernetes-validations': [
      {
        rule: "duration(self.maxDeferral) <= duration('168h')",
        message: 'maxDeferral must be at most 168h (7 days)',
        fieldPath: '.maxDeferral',
      },
      {
        rule: "duration(self.forecastHorizon) >= duration('1h') && duration(self.forecastHorizon) <= duration('168h')",
        message: 'forecastHorizon must be between 1h and 168h',
        fieldPath: '.forecastHorizon',
      },
      {
        rule: "duration(self.defaultJobDuration) >= duration('1m')",
        message: 'defaultJobDuration must be at least 1m',
        fieldPath: '.defaultJobDuration',
      },
      {
        rule: "duration(self.maxJobDuration) >= duration('1m') && duration(self.maxJobDuration) <= duration('168h')",
        message: 'maxJobDuration must be between 1m and 168h',
        fieldPath: '.maxJobDuration',
      },
      {
        rule: "duration(self.refreshInterval) >= duration('30s')",
        message: 'refreshInterval must be at least 30s',
        fieldPath: '.refreshInterval',
      },
    ],
  },
);

export const IntensityWindow = Type.Object(
  {
    start: DateTime('Window start (RFC 3339).'),
    end: DateTime('Window end (RFC 3339).'),
    expectedIntensity: Type.Number({ description: 'Mean forecast intensity over the window, gCO2eq/kWh.' }),
  },
  { description: 'A forecast window.' },
);

export const SourceHealth = Type.Object(
  {
    type: Type.Optional(
      StringEnum(CARBON_SOURCE_TYPES, { description: 'Which member of spec.source is in use.' }),
    ),
    healthy: Type.Optional(Type.Boolean({ description: 'Whether the last fetch succeeded.' })),
    breakerState: Type.Optional(
      StringEnum(['closed', 'open', 'halfOpen'] as const, { description: 'Circuit breaker state.' }),
    ),
    consecutiveFailures: Type.Optional(
      Type.Integer({ description: 'Failed fetches since the last success.', minimum: 0, format: 'int32' }),
    ),
    lastSuccessTime: Type.Optional(DateTime('When a fetch last succeeded.')),
    lastError: Type.Optional(
      Type.String({ description: 'The last fetch error (never contains credentials).', maxLength: 1024 }),
    ),
  },
  { description: 'Health of the intensity source.' },
);

export const CarbonPolicyStatus = Type.Object(
  {
    observedGeneration: Type.Optional(
      Type.Integer({ description: 'The .metadata.generation last reconciled.', minimum: 0, format: 'int64' }),
    ),
    currentIntensity: Type.Optional(Type.Number({ description: 'Latest intensity.' })),
    intensityUnit: Type.Optional(
      Type.String({ description: 'Unit of the intensities, `gCO2eq/kWh`.', maxLength: 32 }),
    ),
    intensityKind: Type.Optional(
      StringEnum(['average', 'marginal'] as const, {
        description:
          'Average (UK, Electricity Maps) or marginal (WattTime) intensity; the two do not compare.',
      }),
    ),
    lowCarbon: Type.Optional(
      Type.Boolean({ description: 'Whether currentIntensity is at or below the threshold.' }),
    ),
    lastUpdateTime: Type.Optional(DateTime('When currentIntensity was measured or estimated.')),
    nextWindow: Type.Optional(IntensityWindow),
    forecastOrigin: Type.Optional(
      StringEnum(['provider-forecast', 'history-forecast'] as const, {
        description:
          'Where the forecast comes from: the provider, or ai-ci estimating it from recent history when the provider has none.',
      }),
    ),
    source: Type.Optional(SourceHealth),
    deferredJobs: Type.Optional(
      Type.Integer({
        description: 'Jobs deferred by this policy, over all RunnerPools using it.',
        minimum: 0,
        format: 'int32',
      }),
    ),
    observedDeferrals: Type.Optional(
      Type.Integer({
        description:
          'mode Observe: jobs of the last 24 hours that started at once but that Enforce would have deferred.',
        minimum: 0,
        format: 'int32',
      }),
    ),
    conditions: Type.Optional(Conditions),
  },
  { description: 'Observed state of the CarbonPolicy.' },
);

export const CarbonPolicy = Type.Object(
  {
    apiVersion: Type.Literal(API_VERSION, { description: 'API version: `ai-ci.dev/v1alpha1`.' }),
    kind: Type.Literal(CARBON_POLICY_KIND, { description: 'Kind: `CarbonPolicy`.' }),
    metadata: ObjectMeta,
    spec: CarbonPolicySpec,
    status: Type.Optional(CarbonPolicyStatus),
  },
  {
    description:
      'Carbon-aware admission for RunnerPools: the intensity source, a low-carbon threshold, and how long a queued job may wait for a cleaner forecast window.',
  },
);

export type CarbonSource = Static<typeof CarbonSource>;
export type ForceRun = Static<typeof ForceRun>;
export type CircuitBreaker = Static<typeof CircuitBreaker>;
export type CarbonPolicySpec = Static<typeof CarbonPolicySpec>;
export type IntensityWindow = Static<typeof IntensityWindow>;
export type SourceHealth = Static<typeof SourceHealth>;
export type CarbonPolicyStatus = Static<typeof CarbonPolicyStatus>;
export type CarbonPolicy = Static<typeof CarbonPolicy>;

/** A CarbonPolicy spec as the apiserver stores it (and `validateCarbonPolicy` returns it): schema defaults filled in. */
export type DefaultedCarbonPolicySpec = Omit<CarbonPolicySpec, 'forceRun' | 'circuitBreaker'> &
  Required<
    Pick<
      CarbonPolicySpec,
      | 'maxDeferral'
      | 'forecastHorizon'
      | 'tolerancePercent'
      | 'defaultJobDuration'
      | 'maxJobDuration'
      | 'failureMode'
      | 'refreshInterval'
      | 'mode'
    >
  > & { forceRun: ForceRun; circuitBreaker: Required<CircuitBreaker> };
export type DefaultedCarbonPolicy = Omit<CarbonPolicy, 'spec'> & { spec: DefaultedCarbonPolicySpec };

/**
 * The spec defaults the apiserver fills in, read from the schema above (one source of truth): what a CarbonPolicy
 * applied without these fields gets. `ai-ci simulate` runs with them so its headline is what a user gets.
 */
export const CARBON_POLICY_DEFAULTS = (() => {
  const props = CarbonPolicySpec.properties as unknown as Record<string, { default?: unknown }>;
  const get = <T>(name: string): T => {
    const value = props[name]?.default;
    if (value === undefined) throw new Error(`CarbonPolicySpec has no default for ${name}`);
    return value as T;
  };
  return {
    maxDeferral: get<string>('maxDeferral'),
    forecastHorizon: get<string>('forecastHorizon'),
    tolerancePercent: get<number>('tolerancePercent'),
    defaultJobDuration: get<string>('defaultJobDuration'),
    maxJobDuration: get<string>('maxJobDuration'),
  } as const;
})();
