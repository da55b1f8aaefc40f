/**
 * Every query of the Grafana dashboard uses metrics the controller really exports: each series name in its
 * PromQL is a family of the controller's metric registry (src/controller/metrics.ts), used as its type allows.
 * (test/e2e/rbac.e2e.test.ts scrapes a running controller for the same families.)
 */
import { describe, expect, it } from 'vitest';
import { listMetricDefinitions } from '../../src/controller/metrics.js';
import { dashboardQueries, familyOf, loadDashboard, seriesIn } from './support/dashboard.js';

const defs = listMetricDefinitions();
const dashboard = loadDashboard();
const queries = dashboardQueries(dashboard);

describe('Grafana dashboard', () => {
  it('has a query on every panel that is not a row, and unique panel ids', () => {
    const panels = dashboard.panels.filter((p) => p.type !== 'row');
    expect(panels.length).toBeGreaterThan(10);
    for (const p of panels) expect(p.targets?.length ?? 0, p.title).toBeGreaterThan(0);
    const ids = dashboard.panels.map((p) => p.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it.each(queries)('%s queries only metrics of the controller registry', (_where, expr) => {
    const series = seriesIn(expr);
    expect(series.length, expr).toBeGreaterThan(0);
    for (const s of series) expect(familyOf(s, defs), `${s} in ${expr}`).toBeDefined();
  });

  it('uses rate()/increase() only on counters and histogram series, never on gauges', () => {
    for (const [where, expr] of queries) {
      for (const m of expr.matchAll(/\b(rate|increase)\((ai_ci_[a-zA-Z0-9_]+)/g)) {
        const def = familyOf(m[2]!, defs)!;
        expect(def.type, `${where}: ${m[0]}`).not.toBe('gauge');
      }
      for (const m of expr.matchAll(/histogram_quantile\([^,]+,[^)]*?\b(ai_ci_[a-zA-Z0-9_]+)/g))
        expect(m[1], `${where}: histogram_quantile needs _bucket`).toMatch(/_bucket$/);
    }
  });

  it('shows what operators ask for: runners by state, queue and wait, deferral, carbon, errors, GitHub API', () => {
    const used = new Set(queries.flatMap(([, e]) => seriesIn(e)).map((s) => familyOf(s, defs)!.name));
    for (const name of [
      'ai_ci_runners',
      'ai_ci_queued_jobs',
      'ai_ci_job_wait_seconds',
      'ai_ci_deferred_jobs',
      'ai_ci_carbon_intensity_grams_per_kwh',
      'ai_ci_carbon_avoided_grams_total',
      'ai_ci_reconcile_errors_total',
      'ai_ci_github_rate_limit_remaining',
      'ai_ci_github_api_requests_total',
    ])
      expect(used, name).toContain(name);
  });

  it('detects a metric the controller does not export (the check can fail)', () => {
    expect(familyOf('ai_ci_runners_total', defs)).toBeUndefined();
    expect(familyOf('ai_ci_runners_bucket', defs)).toBeUndefined(); // a gauge has no buckets
    expect(familyOf('ai_ci_job_wait_seconds_bucket', defs)?.name).toBe('ai_ci_job_wait_seconds');
  });
});
