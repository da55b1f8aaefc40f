/**
 * The README's "Metrics reference": every Prometheus metric of the controller, from its registry of definitions
 * (src/controller/metrics.ts), so the table cannot drift from what /metrics exports.
 */
import { listMetricDefinitions, type MetricDefinition } from '../../src/controller/metrics.js';

function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}

/** The series names a metric exposes (a histogram's _bucket/_sum/_count). */
export function seriesNames(def: MetricDefinition): string[] {
  return def.type === 'histogram'
    ? [`${def.name}_bucket`, `${def.name}_sum`, `${def.name}_count`]
    : [def.name];
}

export function renderMetricsReference(defs: readonly MetricDefinition[] = listMetricDefinitions()): string {
  const rows = defs.map((d) => {
    const labels = d.labelNames.length ? d.labelNames.map((l) => `\`${l}\``).join(', ') : '—';
    const buckets = d.type === 'histogram' && d.buckets ? ` Buckets: ${d.buckets.join(', ')}.` : '';
    return `| \`${d.name}\` | ${d.type} | ${labels} | ${cell(d.help)}${buckets} |`;
  });
  return ['| metric | type | labels | description |', '| --- | --- | --- | --- |', ...rows].join('\n');
}
