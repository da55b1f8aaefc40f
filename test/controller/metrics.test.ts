import { describe, expect, it } from 'vitest';
import { createControllerMetrics, listMetricDefinitions } from '../../src/controller/metrics.js';

describe('controller metrics', () => {
  it('follows the Prometheus naming conventions', () => {
    const defs = listMetricDefinitions();
    expect(defs.length).toBeGreaterThan(10);
    for (const d of defs) {
      expect(d.name).toMatch(/^ai_ci_[a-z0-9_]+$/);
      expect(d.help.length).toBeGreaterThan(10);
      if (d.type === 'counter') expect(d.name).toMatch(/_total$/);
      else expect(d.name).not.toMatch(/_total$/);
      // Histograms carry their base unit (Prometheus naming: seconds, and joules and grams for energy and carbon).
      if (d.type === 'histogram') expect(d.name).toMatch(/_(seconds|joules|grams)$/);
    }
    expect(new Set(defs.map((d) => d.name)).size).toBe(defs.length);
  });

  it('registers every definition, with its labels, in its own registry', async () => {
    const m = createControllerMetrics();
    m.runners.set({ namespace: 'ci', pool: 'gpu', state: 'busy' }, 2);
    m.jobWaitSeconds.observe({ namespace: 'ci', pool: 'gpu' }, 12);
    m.githubApiRequests.inc({ route: 'GET /repos/{owner}/{repo}/actions/runners', status: '200' });
    const json = await m.registry.getMetricsAsJSON();
    expect(json.map((x) => x.name).sort()).toEqual(
      listMetricDefinitions()
        .map((d) => d.name)
        .sort(),
    );
    const text = await m.registry.metrics();
    expect(text).toContain('ai_ci_runners{namespace="ci",pool="gpu",state="busy"} 2');
    expect(text).toContain('ai_ci_job_wait_seconds_bucket{le="20",namespace="ci",pool="gpu"} 1');
    // A second instance does not collide (separate registries).
    expect(() => createControllerMetrics()).not.toThrow();
  });
});
