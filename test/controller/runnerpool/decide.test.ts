import { describe, expect, it } from 'vitest';
import type { RunnerPoolStatus } from '../../../src/api/v1alpha1/index.js';
import { decide, LISTING_SKEW_MS, restartBackoffMs } from '../../../src/controller/runnerpool/decide.js';
import type {
  Action,
  Observation,
  ObservedRunner,
  PoolSettings,
} from '../../../src/controller/runnerpool/model.js';

const NOW = 1_800_000_000_000;
const MIN = 60_000;

function pool(over: Partial<PoolSettings> = {}): PoolSettings {
  return {
    namespace: 'ci',
    name: 'gpu',
    generation: 3,
    deleting: false,
    hasFinalizer: true,
    minRunners: 0,
    maxRunners: 10,
    scaleDownDelayMs: 5 * MIN,
    runnerStartupTimeoutMs: 10 * MIN,
    maxRunnerRetries: 3,
    specHash: 'h1',
    ...over,
  };
}

let nextId = 100;
/** A runner with a Secret, a Pod and a GitHub registration, in the given state. */
function runner(
  name: string,
  state: 'idle' | 'busy' | 'starting' | 'succeeded' | 'failed',
  over: { ageMs?: number; idleMs?: number; specHash?: string } = {},
): ObservedRunner {
  const id = nextId++;
  const createdAt = NOW - (over.ageMs ?? 20 * MIN);
  const r: ObservedRunner = {
    name,
    secret: { createdAt, runnerId: id, failures: 0, deleting: false, specHash: over.specHash ?? 'h1' },
    pod: {
      uid: `uid-${name}`,
      createdAt,
      phase:
        state === 'starting'
          ? 'Pending'
          : state === 'succeeded'
            ? 'Succeeded'
            : state === 'failed'
              ? 'Failed'
              : 'Running',
      deleting: false,
      busyMarked: false,
      specHash: over.specHash ?? 'h1',
    },
    github: {
      id,
      name,
      status: state === 'idle' || state === 'busy' ? 'online' : 'offline',
      busy: state === 'busy',
    },
  };
  if (state === 'idle' || state === 'busy') r.pod!.startedAt = NOW - (over.idleMs ?? 10 * MIN);
  return r;
}

function obs(over: Partial<Observation> = {}): Observation {
  return {
    now: NOW,
    pool: pool(),
    runners: [],
    github: { reachable: true, listedAt: NOW },
    admittedJobs: [],
    deferredJobs: [],
    disruptionBudgetEnsured: true,
    previousStatus: undefined,
    ...over,
  };
}

const jobs = (n: number) =>
  Array.from({ length: n }, (_, i) => ({ id: 1000 + i, queuedAt: NOW - (n - i) * 1000 }));
const ofType = <T extends Action['type']>(actions: Action[], type: T) =>
  actions.filter((a): a is Extract<Action, { type: T }> => a.type === type);
const runnerActions = (actions: Action[], name: string) =>
  actions.filter((a) => 'runner' in a && a.runner === name).map((a) => a.type);

describe('decide: desired = min(minRunners + admitted jobs + busy, maxRunners)', () => {
  const cases: {
    name: string;
    min: number;
    max: number;
    queued: number;
    runners: ObservedRunner[];
    creates: number;
    desired: number;
  }[] = [
    { name: 'empty pool, no demand', min: 0, max: 10, queued: 0, runners: [], creates: 0, desired: 0 },
    { name: 'warm pool of 2 from nothing', min: 2, max: 10, queued: 0, runners: [], creates: 2, desired: 2 },
    { name: 'one runner per queued job', min: 0, max: 10, queued: 3, runners: [], creates: 3, desired: 3 },
    { name: 'warm pool plus jobs', min: 2, max: 10, queued: 3, runners: [], creates: 5, desired: 5 },
    { name: 'capped by maxRunners', min: 2, max: 4, queued: 5, runners: [], creates: 4, desired: 4 },
    {
      name: 'busy runners count against max',
      min: 1,
      max: 3,
      queued: 5,
      runners: [runner('gpu-aaaa1', 'busy'), runner('gpu-aaaa2', 'busy')],
      creates: 1,
      desired: 3,
    },
    {
      name: 'a warm runner taken by a job is replaced',
      min: 1,
      max: 10,
      queued: 0,
      runners: [runner('gpu-aaaa1', 'busy')],
      creates: 1,
      desired: 2,
    },
    {
      name: 'starting runners count as available',
      min: 0,
      max: 10,
      queued: 2,
      runners: [runner('gpu-aaaa1', 'starting', { ageMs: MIN })],
      creates: 1,
      desired: 2,
    },
    {
      name: 'at desired: nothing to do',
      min: 1,
      max: 10,
      queued: 1,
      runners: [runner('gpu-aaaa1', 'idle'), runner('gpu-aaaa2', 'starting', { ageMs: MIN })],
      creates: 0,
      desired: 2,
    },
  ];
  it.each(cases)('$name', (c) => {
    const d = decide(
      obs({
        pool: pool({ minRunners: c.min, maxRunners: c.max }),
        admittedJobs: jobs(c.queued),
        runners: c.runners,
      }),
    );
    expect(ofType(d.actions, 'createRunner')).toHaveLength(c.creates);
    expect(d.desired).toBe(c.desired);
    expect(ofType(d.actions, 'deregisterRunner')).toHaveLength(0);
  });

  it('names the oldest unclaimed jobs on new runners, warm runners get none', () => {
    const r = runner('gpu-aaaa1', 'starting', { ageMs: MIN });
    r.secret!.createdForJob = 1000;
    const d = decide(obs({ pool: pool({ minRunners: 1 }), admittedJobs: jobs(3), runners: [r] }));
    expect(ofType(d.actions, 'createRunner')).toEqual([
      { type: 'createRunner', forJobId: 1001 },
      { type: 'createRunner', forJobId: 1002 },
      { type: 'createRunner' },
    ]);
  });

  it('counts the job of a runner still being created as claimed (no second runner for it)', () => {
    // Found by `npm run chaos`: two reconciles 100 ms apart, while the first runner's JIT registration was in
    // flight (no Secret yet, so no created-for-job annotation to read), both created a runner for job 1000.
    const d = decide(
      obs({
        admittedJobs: jobs(3),
        runners: [{ name: 'gpu-inflt', creating: true, creatingForJob: 1000 }],
      }),
    );
    expect(ofType(d.actions, 'createRunner')).toEqual([
      { type: 'createRunner', forJobId: 1001 },
      { type: 'createRunner', forJobId: 1002 },
    ]);
  });

  it('gives deferred jobs no runner and wakes up at their notBefore', () => {
    const d = decide(
      obs({
        deferredJobs: [
          { id: 1, queuedAt: NOW - MIN, notBefore: NOW + 30 * MIN, reason: 'Deferred' },
          { id: 2, queuedAt: NOW - MIN, notBefore: NOW + 10 * MIN, reason: 'Deferred' },
        ],
      }),
    );
    expect(ofType(d.actions, 'createRunner')).toHaveLength(0);
    expect(d.requeueAfterMs).toBe(10 * MIN);
    expect(d.status?.deferredJobs).toBe(2);
    expect(d.status?.queuedJobs).toBe(2);
  });
});

describe('decide: scale-down', () => {
  it('removes only idle runners past scaleDownDelay, deregistering before deleting', () => {
    const old = runner('gpu-old01', 'idle', { idleMs: 6 * MIN });
    const fresh = runner('gpu-new01', 'idle', { idleMs: 1 * MIN });
    const busy = runner('gpu-busy1', 'busy');
    const d = decide(obs({ runners: [old, fresh, busy] }));
    expect(runnerActions(d.actions, 'gpu-old01')).toEqual([
      'deregisterRunner',
      'deleteSecret',
      'deleteRunnerPod',
    ]);
    expect(runnerActions(d.actions, 'gpu-new01')).toEqual([]);
    expect(runnerActions(d.actions, 'gpu-busy1')).toEqual(['markBusy']);
    // The fresh one becomes eligible 4 minutes from now.
    expect(d.requeueAfterMs).toBe(4 * MIN);
  });

  it('never removes a busy runner, even far above maxRunners', () => {
    const rs = [runner('gpu-b0001', 'busy'), runner('gpu-b0002', 'busy'), runner('gpu-b0003', 'busy')];
    const d = decide(obs({ pool: pool({ maxRunners: 1 }), runners: rs }));
    expect(ofType(d.actions, 'deregisterRunner')).toHaveLength(0);
    expect(ofType(d.actions, 'deleteRunnerPod')).toHaveLength(0);
  });

  it('treats a runner with an assigned job (webhook) as busy before GitHub lists it busy', () => {
    const r = runner('gpu-aaaa1', 'idle', { idleMs: 60 * MIN });
    r.assignedJobId = 77;
    const d = decide(obs({ runners: [r] }));
    expect(d.actions).toContainEqual({ type: 'markBusy', runner: 'gpu-aaaa1', jobId: 77 });
    expect(ofType(d.actions, 'deregisterRunner')).toHaveLength(0);
  });

  it('keeps the warm pool', () => {
    const rs = [
      runner('gpu-w0001', 'idle', { idleMs: 60 * MIN }),
      runner('gpu-w0002', 'idle', { idleMs: 60 * MIN }),
    ];
    const d = decide(obs({ pool: pool({ minRunners: 1 }), runners: rs }));
    expect(ofType(d.actions, 'deregisterRunner')).toHaveLength(1);
  });

  it('replaces an idle runner built from an older spec when at desired', () => {
    const r = runner('gpu-old01', 'idle', { specHash: 'h0' });
    const d = decide(obs({ pool: pool({ minRunners: 1 }), runners: [r] }));
    expect(runnerActions(d.actions, 'gpu-old01')).toEqual([
      'deregisterRunner',
      'deleteSecret',
      'deleteRunnerPod',
    ]);
    expect(ofType(d.actions, 'deregisterRunner')[0]?.reason).toBe('outdated');
  });
});

describe('decide: runner lifecycle', () => {
  it('cleans up a Succeeded Pod with its Secret; GitHub busy must not block it', () => {
    const r = runner('gpu-done1', 'succeeded');
    r.github!.busy = true;
    const d = decide(obs({ runners: [r] }));
    expect(runnerActions(d.actions, 'gpu-done1')).toEqual([
      'deregisterRunner',
      'deleteSecret',
      'deleteRunnerPod',
    ]);
    expect(ofType(d.actions, 'deregisterRunner')[0]?.ignoreBusy).toBe(true);
  });

  it('cleans up a Succeeded Pod whose ephemeral runner already left GitHub without deregistering', () => {
    const r = runner('gpu-done1', 'succeeded');
    delete r.github;
    const d = decide(obs({ runners: [r] }));
    expect(runnerActions(d.actions, 'gpu-done1')).toEqual(['deleteSecret', 'deleteRunnerPod']);
  });

  it('retries a runner that failed before taking a job, with backoff, a bounded number of times', () => {
    const r = runner('gpu-fail1', 'failed');
    r.secret!.failures = 1;
    let d = decide(obs({ runners: [r] }));
    expect(runnerActions(d.actions, 'gpu-fail1')).toEqual(['recordFailure', 'deleteRunnerPod']);
    expect(ofType(d.actions, 'recordFailure')[0]).toMatchObject({
      failures: 2,
      failedPodUid: 'uid-gpu-fail1',
      at: NOW,
    });
    expect(ofType(d.actions, 'createRunner')).toHaveLength(0); // the restarting runner still counts

    // Recorded already for this Pod (a crash after the patch): only the delete is repeated.
    r.secret!.failures = 2;
    r.secret!.failedPodUid = 'uid-gpu-fail1';
    d = decide(obs({ runners: [r] }));
    expect(runnerActions(d.actions, 'gpu-fail1')).toEqual(['deleteRunnerPod']);

    // Pod gone: wait for the backoff, then recreate the Pod from the same Secret.
    delete r.pod;
    r.secret!.lastFailureAt = NOW - 1000;
    d = decide(obs({ runners: [r], admittedJobs: jobs(1) }));
    expect(runnerActions(d.actions, 'gpu-fail1')).toEqual([]);
    expect(d.requeueAfterMs).toBe(restartBackoffMs(2) - 1000);
    d = decide(obs({ runners: [r], admittedJobs: jobs(1), now: NOW + restartBackoffMs(2) }));
    expect(runnerActions(d.actions, 'gpu-fail1')).toEqual(['createPod']);
    // Without demand, a runner waiting out its backoff is just excess: scaled down like an idle one.
    d = decide(obs({ runners: [r] }));
    expect(runnerActions(d.actions, 'gpu-fail1')).toEqual(['deregisterRunner', 'deleteSecret']);

    // Out of retries: replaced (deregistered and removed), a new runner takes its place.
    const spent = runner('gpu-fail2', 'failed');
    spent.secret!.failures = 3;
    d = decide(obs({ runners: [spent], admittedJobs: jobs(1) }));
    expect(runnerActions(d.actions, 'gpu-fail2')).toEqual([
      'deregisterRunner',
      'deleteSecret',
      'deleteRunnerPod',
    ]);
    expect(ofType(d.actions, 'createRunner')).toHaveLength(1);
    expect(ofType(d.actions, 'emitEvent').map((e) => e.reason)).toContain('RunnerFailed');
  });

  it('does not retry a runner that failed while running a job', () => {
    const r = runner('gpu-fail1', 'failed');
    r.pod!.jobId = 5;
    const d = decide(obs({ runners: [r] }));
    expect(runnerActions(d.actions, 'gpu-fail1')).toEqual([
      'deregisterRunner',
      'deleteSecret',
      'deleteRunnerPod',
    ]);
  });

  it('replaces a runner that never came online within runnerStartupTimeout', () => {
    const slow = runner('gpu-slow1', 'starting', { ageMs: 11 * MIN });
    const ok = runner('gpu-okay1', 'starting', { ageMs: 2 * MIN });
    const d = decide(obs({ runners: [slow, ok], admittedJobs: jobs(2) }));
    expect(runnerActions(d.actions, 'gpu-slow1')).toEqual([
      'deregisterRunner',
      'deleteSecret',
      'deleteRunnerPod',
    ]);
    expect(ofType(d.actions, 'deregisterRunner')[0]?.reason).toBe('startup_timeout');
    expect(runnerActions(d.actions, 'gpu-okay1')).toEqual([]);
    expect(ofType(d.actions, 'createRunner')).toHaveLength(1);
    expect(ofType(d.actions, 'emitEvent').map((e) => e.reason)).toContain('RunnerStartupTimeout');
  });

  it('marks a busy runner once, with its job', () => {
    const r = runner('gpu-busy1', 'busy');
    r.assignedJobId = 9;
    let d = decide(obs({ runners: [r] }));
    expect(d.actions).toContainEqual({ type: 'markBusy', runner: 'gpu-busy1', jobId: 9 });
    r.pod!.busyMarked = true;
    d = decide(obs({ runners: [r] }));
    expect(ofType(d.actions, 'markBusy')).toHaveLength(0);
  });
});

describe('decide: orphans and crash recovery', () => {
  it('creates the missing Pod for a Secret whose runner is registered (crash between the creates)', () => {
    const r = runner('gpu-half1', 'starting', { ageMs: MIN });
    delete r.pod;
    const d = decide(obs({ runners: [r], admittedJobs: jobs(1) }));
    expect(runnerActions(d.actions, 'gpu-half1')).toEqual(['createPod']);
    expect(ofType(d.actions, 'createRunner')).toHaveLength(0);
  });

  it('deletes a Pod and Secret whose GitHub runner is gone (crash between deregister and delete)', () => {
    const r = runner('gpu-orph1', 'idle');
    delete r.github;
    const d = decide(obs({ runners: [r] }));
    expect(runnerActions(d.actions, 'gpu-orph1')).toEqual(['deleteSecret', 'deleteRunnerPod']);
    expect(ofType(d.actions, 'emitEvent').map((e) => e.reason)).toContain('OrphanRemoved');
  });

  it('does not judge a runner gone from a GitHub listing older than its Secret', () => {
    const r = runner('gpu-new01', 'starting', { ageMs: 1000 });
    delete r.github;
    const d = decide(obs({ runners: [r], github: { reachable: true, listedAt: NOW - 2000 } }));
    expect(runnerActions(d.actions, 'gpu-new01')).toEqual([]);
    const s = runner('gpu-new02', 'starting', { ageMs: 1000 });
    delete s.github;
    delete s.pod;
    const d2 = decide(obs({ runners: [s], github: { reachable: true, listedAt: NOW } }));
    expect(runnerActions(d2.actions, 'gpu-new02')).toEqual([]);
    expect(d2.requeueAfterMs).toBe(LISTING_SKEW_MS - 1000);
  });

  it('deregisters a GitHub runner of the pool that has no Secret or Pod; leaves a busy one', () => {
    const d = decide(
      obs({
        runners: [
          {
            name: 'gpu-ghost',
            github: { id: 5, name: 'gpu-ghost', status: 'offline', busy: false },
          },
          {
            name: 'gpu-ghbsy',
            github: { id: 6, name: 'gpu-ghbsy', status: 'online', busy: true },
          },
        ],
      }),
    );
    expect(ofType(d.actions, 'deregisterRunner')).toEqual([
      { type: 'deregisterRunner', runner: 'gpu-ghost', runnerId: 5, reason: 'orphan' },
    ]);
  });

  it('deletes a Pending Pod whose Secret is gone (it can never start)', () => {
    const r = runner('gpu-nosec', 'starting', { ageMs: MIN });
    delete r.secret;
    const d = decide(obs({ runners: [r] }));
    expect(runnerActions(d.actions, 'gpu-nosec')).toEqual(['deregisterRunner', 'deleteRunnerPod']);
  });

  it('without GitHub: creates nothing, removes nothing that needs GitHub, still cleans finished Pods', () => {
    const done = runner('gpu-done1', 'succeeded');
    const idle = runner('gpu-idle1', 'idle', { idleMs: 60 * MIN });
    const half = runner('gpu-half1', 'starting');
    delete half.pod;
    const d = decide(
      obs({
        runners: [done, idle, half],
        admittedJobs: jobs(3),
        github: {
          reachable: false,
          reason: 'APIError',
          message: 'GET /repos/{owner}/{repo}/actions/runners: 503',
        },
      }),
    );
    expect(runnerActions(d.actions, 'gpu-done1')).toEqual(['deleteSecret', 'deleteRunnerPod']);
    expect(runnerActions(d.actions, 'gpu-idle1')).toEqual([]);
    expect(runnerActions(d.actions, 'gpu-half1')).toEqual([]);
    expect(ofType(d.actions, 'createRunner')).toHaveLength(0);
    expect(d.status?.conditions?.find((c) => c.type === 'GitHubReachable')).toMatchObject({
      status: 'False',
      reason: 'APIError',
    });
    expect(ofType(d.actions, 'emitEvent').map((e) => e.reason)).toContain('GitHubUnreachable');
  });
});

describe('decide: pool deletion', () => {
  it('deregisters and removes idle runners, waits for busy ones, then removes the finalizer', () => {
    const idle = runner('gpu-idle1', 'idle');
    const busy = runner('gpu-busy1', 'busy');
    let d = decide(obs({ pool: pool({ deleting: true }), runners: [idle, busy] }));
    expect(runnerActions(d.actions, 'gpu-idle1')).toEqual([
      'deregisterRunner',
      'deleteSecret',
      'deleteRunnerPod',
    ]);
    expect(runnerActions(d.actions, 'gpu-busy1')).toEqual([]);
    expect(ofType(d.actions, 'removeFinalizer')).toHaveLength(0);
    expect(ofType(d.actions, 'createRunner')).toHaveLength(0);
    expect(d.requeueAfterMs).toBeGreaterThan(0);

    d = decide(obs({ pool: pool({ deleting: true }), runners: [runner('gpu-done1', 'succeeded')] }));
    expect(ofType(d.actions, 'removeFinalizer')).toHaveLength(0);

    d = decide(obs({ pool: pool({ deleting: true }), runners: [] }));
    expect(d.actions).toEqual([{ type: 'removeFinalizer' }]);
  });

  it('does nothing for a deleting pool without the finalizer', () => {
    const d = decide(
      obs({ pool: pool({ deleting: true, hasFinalizer: false }), runners: [runner('gpu-x0001', 'idle')] }),
    );
    expect(d.actions).toEqual([]);
  });

  it('adds the finalizer and the disruption budget before anything else', () => {
    const d = decide(
      obs({ pool: pool({ hasFinalizer: false }), disruptionBudgetEnsured: false, admittedJobs: jobs(1) }),
    );
    expect(d.actions[0]).toEqual({ type: 'addFinalizer' });
    expect(d.actions[1]).toEqual({ type: 'ensureDisruptionBudget' });
  });
});

describe('decide: status and conditions', () => {
  it('reports counts, observedGeneration and the three conditions', () => {
    const d = decide(
      obs({
        pool: pool({ minRunners: 1 }),
        runners: [
          runner('gpu-i0001', 'idle'),
          runner('gpu-b0001', 'busy'),
          runner('gpu-s0001', 'starting', { ageMs: MIN }),
        ],
        admittedJobs: jobs(1),
      }),
    );
    const s = d.status!;
    expect(s).toMatchObject({
      observedGeneration: 3,
      replicas: 3,
      busy: 1,
      idle: 1,
      pending: 1,
      queuedJobs: 1,
      deferredJobs: 0,
    });
    const types = s.conditions!.map((c) => [c.type, c.status, c.observedGeneration]);
    expect(types).toEqual([
      ['GitHubReachable', 'True', 3],
      ['Scaling', 'False', 3],
      ['Ready', 'True', 3],
    ]);
    expect(s.runners!.map((r) => [r.name, r.phase])).toEqual([
      ['gpu-b0001', 'Busy'],
      ['gpu-i0001', 'Idle'],
      ['gpu-s0001', 'Pending'],
    ]);
  });

  it('moves lastTransitionTime only when a condition changes status, and skips identical status updates', () => {
    const first = decide(obs({ pool: pool({ minRunners: 1 }), runners: [runner('gpu-i0001', 'idle')] }));
    const prev = first.status as RunnerPoolStatus;
    const later = decide(
      obs({
        now: NOW + 60_000,
        pool: pool({ minRunners: 1 }),
        runners: [runner('gpu-i0001', 'idle')],
        previousStatus: prev,
      }),
    );
    expect(ofType(later.actions, 'updateStatus')).toHaveLength(0);
    const changed = decide(
      obs({
        now: NOW + 120_000,
        pool: pool({ minRunners: 1 }),
        runners: [runner('gpu-i0001', 'idle')],
        github: { reachable: false, reason: 'APIError', message: 'down' },
        previousStatus: prev,
      }),
    );
    const conds = ofType(changed.actions, 'updateStatus')[0]!.status.conditions!;
    const ready = conds.find((c) => c.type === 'Ready')!;
    const scaling = conds.find((c) => c.type === 'Scaling')!;
    expect(ready.status).toBe('False');
    expect(ready.lastTransitionTime).not.toBe(
      prev.conditions!.find((c) => c.type === 'Ready')!.lastTransitionTime,
    );
    expect(scaling.lastTransitionTime).toBe(
      prev.conditions!.find((c) => c.type === 'Scaling')!.lastTransitionTime,
    );
  });

  it('reports a missing CarbonPolicy', () => {
    const d = decide(obs({ pool: pool({ carbonPolicy: 'green' }), carbonPolicyFound: false }));
    expect(d.status!.conditions!.find((c) => c.type === 'CarbonPolicyResolved')).toMatchObject({
      status: 'False',
      reason: 'NotFound',
    });
  });

  it('never puts the JIT config or credentials in events or status', () => {
    const d = decide(
      obs({
        runners: [runner('gpu-done1', 'failed')],
        github: {
          reachable: false,
          reason: 'CredentialsInvalid',
          message: 'credentials Secret is missing key github-token',
        },
      }),
    );
    const text = JSON.stringify(d);
    expect(text).not.toMatch(/jitconfig|BEGIN RSA|ghp_/i);
  });
});

describe('decide: runners being created', () => {
  it('counts a runner in creation as starting and touches nothing of it', () => {
    const creating: ObservedRunner = { name: 'gpu-new01', creating: true };
    const half = runner('gpu-new02', 'starting', { ageMs: 1000 });
    delete half.pod;
    half.creating = true;
    const d = decide(obs({ runners: [creating, half], admittedJobs: jobs(2) }));
    expect(d.actions.filter((a) => a.type !== 'updateStatus' && a.type !== 'emitEvent')).toEqual([]);
    expect(d.counts.pending).toBe(2);
    const del = decide(obs({ pool: pool({ deleting: true }), runners: [creating] }));
    expect(ofType(del.actions, 'removeFinalizer')).toHaveLength(0);
  });
});

describe('decide: after a restart', () => {
  it('scales nothing down before the queued jobs were listed from GitHub once', () => {
    const idle = runner('gpu-idle1', 'idle', { idleMs: 60 * MIN });
    const d = decide(obs({ runners: [idle], demandSynced: false }));
    expect(ofType(d.actions, 'deregisterRunner')).toHaveLength(0);
    expect(d.requeueAfterMs).toBeGreaterThan(0);
    expect(
      ofType(decide(obs({ runners: [idle], demandSynced: true })).actions, 'deregisterRunner'),
    ).toHaveLength(1);
  });
});
