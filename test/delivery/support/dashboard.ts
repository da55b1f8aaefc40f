/**
 * The metric names the Grafana dashboard (charts/ai-ci/dashboards/ai-ci.json) queries, from every PromQL
 * expression in it (panel targets and template variables), mapped to the metric families of the controller's
 * registry (a histogram's _bucket/_sum/_count belong to it). Shared by the unit test and the e2e scrape.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { MetricDefinition } from '../../../src/controller/metrics.js';
import { chartDir } from './helm.js';

export interface DashboardPanel {
  id: number;
  type: string;
  title: string;
  targets?: { expr: string; refId: string }[];
}

export interface Dashboard {
  uid: string;
  title: string;
  panels: DashboardPanel[];
  templating: { list: { name: string; type: string; query?: unknown; definition?: string }[] };
}

export function loadDashboard(): Dashboard {
  return JSON.parse(readFileSync(path.join(chartDir, 'dashboards/ai-ci.json'), 'utf8')) as Dashboard;
}

/** Every PromQL expression: `[where, expr]`. */
export function dashboardQueries(d: Dashboard = loadDashboard()): [string, string][] {
  const out: [string, string][] = [];
  for (const p of d.panels)
    for (const t of p.targets ?? []) out.push([`panel "${p.title}" ${t.refId}`, t.expr]);
  for (const v of d.templating.list) {
    if (v.type !== 'query') continue;
    const q = typeof v.query === 'string' ? v.query : (v.query as { query?: string } | undefined)?.query;
    if (q) out.push([`variable $${v.name}`, q]);
  }
  return out;
}

/** Series names in an expression: identifiers of our namespace (`ai_ci_…`). */
export function seriesIn(expr: string): string[] {
  return [...new Set(expr.match(/\bai_ci_[a-zA-Z0-9_]+\b/g) ?? [])];
}

/**
 * The metric family of a series name, or undefined when the registry has none: `ai_ci_x_bucket` is family
 * `ai_ci_x` only when that is a histogram.
 */
export function familyOf(series: string, defs: readonly MetricDefinition[]): MetricDefinition | undefined {
  const exact = defs.find((d) => d.name === series);
  if (exact) return exact.type === 'histogram' ? undefined : exact;
  const m = /^(.*)_(bucket|sum|count)$/.exec(series);
  if (!m) return undefined;
  const base = defs.find((d) => d.name === m[1]);
  return base?.type === 'histogram' ? base : undefined;
}
