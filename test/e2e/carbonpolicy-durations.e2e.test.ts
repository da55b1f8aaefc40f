/**
 * Learned job durations survive a controller restart, on the local control plane: a controller (Manager +
 * CarbonPolicy controller, wired as the binary wires them) learns durations from completed `workflow_job` events
 * and keeps them in the ConfigMap `ai-ci-job-durations` of its namespace; it crashes (no graceful stop), and the
 * next controller plans with what the first one learned. A graceful stop saves runs learned since the last flush.
 */
import { CoreV1Api, type KubeConfig } from '@kubernetes/client-node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DURATION_DEFAULTS, durationKey } from '../../src/carbon/durations-learning.js';
import {
  DURATIONS_CONFIGMAP,
  DURATIONS_DATA_KEY,
  parseDurationsConfigMap,
} from '../../src/controller/carbonpolicy/durations.js';
import { type ControllerSet, withCarbonPolicies } from '../../src/controller/carbonpolicy/wiring.js';
import type { WorkflowJobEvent } from '../../src/github/types.js';
import { adminKubeConfig, installCrds, useNamespace, waitFor } from './setup/kube.js';

const ns = useNamespace('cpdur');
const M = 60_000;
const BUILD = { repository: 'acme/app', workflowName: 'ci', jobName: 'build' };
const LINT = { repository: 'acme/app', workflowName: 'ci', jobName: 'lint' };
let kc: KubeConfig;
const running: ControllerSet[] = [];
let nextJob = 1;
/** The learner's default plan for a job whose longest recent run took `longestMs`. */
const plan = (longestMs: number) => longestMs * (1 + DURATION_DEFAULTS.margin) + DURATION_DEFAULTS.marginMs;

beforeAll(async () => {
  kc = adminKubeConfig();
  await installCrds(kc);
});

afterAll(async () => {
  for (const c of running) await c.manager.kill().catch(() => undefined);
});

async function startController(flushIntervalMs: number): Promise<ControllerSet> {
  const c = withCarbonPolicies(
    {
      kubeConfig: kc,
      namespaces: [ns.name],
      host: '127.0.0.1',
      leaderElection: false,
      resyncIntervalMs: 60_000,
      shutdownTimeoutMs: 5_000,
    },
    { durations: { namespace: ns.name, flushIntervalMs } },
  );
  running.push(c);
  await c.start();
  return c;
}

/** A job that ran `minutes` on a runner, as GitHub reports it: in_progress, then completed. */
function runJob(c: ControllerSet, parts: typeof BUILD, minutes: number): void {
  const id = nextJob++;
  const end = Date.now();
  const start = end - minutes * M;
  const job = {
    id,
    runId: 1000 + id,
    ...parts,
    labels: ['self-hosted', 'gpu'],
    queuedAt: start - M,
    runnerName: `runner-${id}`,
    startedAt: start,
  };
  const event = (action: WorkflowJobEvent['action'], extra: object): WorkflowJobEvent => ({
    action,
    deliveryId: `${id}-${action}`,
    job: { ...job, status: action === 'completed' ? 'completed' : 'in_progress', ...extra },
  });
  c.manager.handleJobEvent(event('in_progress', {}));
  c.manager.handleJobEvent(event('completed', { conclusion: 'success', completedAt: end }));
}

async function savedRuns(): Promise<Record<string, number[]> | undefined> {
  try {
    const cm = await kc
      .makeApiClient(CoreV1Api)
      .readNamespacedConfigMap({ namespace: ns.name, name: DURATIONS_CONFIGMAP });
    return parseDurationsConfigMap(cm).state?.runs;
  } catch {
    return undefined;
  }
}

describe('learned job durations across controller restarts', () => {
  it('are saved to the ConfigMap, and a controller started after a crash plans with them', async () => {
    const first = await startController(300);
    for (const minutes of [10, 12, 11, 14, 9]) runJob(first, BUILD, minutes);
    runJob(first, LINT, 2);
    const learned = first.carbon.gate.durations;
    const buildKey = durationKey(BUILD);
    expect(learned.sampleCount(buildKey)).toBe(5);
    const planned = learned.expected(buildKey, 30 * M);
    // The default planning: the longest of the runs + margin (50%) + 5 min.
    expect(planned).toBe(plan(14 * M));

    const saved = await waitFor('durations saved', async () => {
      const runs = await savedRuns();
      return runs?.[buildKey]?.length === 5 && runs[durationKey(LINT)]?.length === 1 ? runs : undefined;
    });
    expect(saved[buildKey]).toEqual([600, 720, 660, 840, 540]);
    await first.manager.kill(); // a crash: no last flush, no cleanup

    const second = await startController(60_000);
    await second.carbon.durationStore!.ready();
    const relearned = second.carbon.gate.durations;
    expect(relearned.sampleCount(buildKey)).toBe(5);
    expect(relearned.expected(buildKey, 30 * M)).toBe(planned);
    // A job never seen is planned as long as the longest known one, not with the 30-minute default.
    expect(relearned.expected(durationKey({ ...BUILD, jobName: 'new' }), 10 * M)).toBe(planned);

    // Runs learned after the last flush are saved by a graceful stop (the flush interval is a minute here).
    runJob(second, BUILD, 20);
    await second.stop();
    expect((await savedRuns())?.[buildKey]).toEqual([600, 720, 660, 840, 540, 1200]);

    const third = await startController(60_000);
    await third.carbon.durationStore!.ready();
    expect(third.carbon.gate.durations.expected(buildKey, 30 * M)).toBe(plan(20 * M));
    // Nothing was counted twice across the three processes, and one ConfigMap holds it all.
    expect(third.carbon.gate.durations.sampleCount(buildKey)).toBe(6);
    const cms = await kc.makeApiClient(CoreV1Api).listNamespacedConfigMap({ namespace: ns.name });
    const ours = cms.items.filter((c) => c.data?.[DURATIONS_DATA_KEY] !== undefined);
    expect(ours.map((c) => c.metadata?.name)).toEqual([DURATIONS_CONFIGMAP]);
    await third.stop();
  });
});
