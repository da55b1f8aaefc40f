/**
 * The README's generated references (values of the chart, metrics of the controller) and the chart's CRDs are
 * what scripts/generate.ts would write now; and the generators themselves say what they should.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { MARKERS, README_PATH, renderDeliveryFiles, VALUES_PATH } from '../../scripts/docs/generated.js';
import { renderMetricsReference } from '../../scripts/docs/metrics-reference.js';
import { collectValueDocs, renderValuesReference } from '../../scripts/docs/values-reference.js';
import { listMetricDefinitions } from '../../src/controller/metrics.js';
import { repoRoot } from './support/helm.js';

const read = (rel: string) => readFileSync(path.join(repoRoot, rel), 'utf8');

describe('generated delivery files', () => {
  it.each([...renderDeliveryFiles(read(README_PATH), read(VALUES_PATH))])(
    '%s is up to date (npm run generate)',
    (rel, expected) => {
      expect(read(rel) === expected, `${rel} is stale: run npm run generate`).toBe(true);
    },
  );
});

describe('values reference', () => {
  it('documents every value of values.yaml with its default', () => {
    const docs = collectValueDocs(read(VALUES_PATH));
    const keys = docs.map((d) => d.key);
    expect(keys).toEqual(
      expect.arrayContaining(['replicaCount', 'controller.watchNamespaces', 'webhook.existingSecret']),
    );
    expect(docs.find((d) => d.key === 'replicaCount')).toMatchObject({ type: 'int', default: 2 });
    // A documented map is one row; its children are not listed separately.
    expect(keys).toContain('resources');
    expect(keys).not.toContain('resources.requests');
    for (const d of docs) expect(d.description.length, d.key).toBeGreaterThan(5);
  });

  it('fails on a value without a description, naming it', () => {
    expect(() => collectValueDocs('# -- documented\na: 1\nb:\n  c: 2\n')).toThrow(/key b\.c has no/);
  });

  it('renders continuation lines and escapes pipes', () => {
    const table = renderValuesReference('# -- first line\n# second | line\nkey: "x"\n');
    expect(table).toContain('| `key` | string | `"x"` | first line second \\| line |');
  });
});

describe('metrics reference', () => {
  it('has one row per metric of the registry, histograms with their buckets', () => {
    const defs = listMetricDefinitions();
    const table = renderMetricsReference();
    const rows = table.split('\n').slice(2);
    expect(rows).toHaveLength(defs.length);
    for (const d of defs) expect(table).toContain(`| \`${d.name}\` | ${d.type} |`);
    expect(table).toMatch(/ai_ci_job_wait_seconds` \| histogram \|.*Buckets: 1, 2, 5/);
  });

  it('sits between its markers in the README', () => {
    const readme = read(README_PATH);
    const start = readme.indexOf(MARKERS.metrics.start);
    const end = readme.indexOf(MARKERS.metrics.end);
    expect(start).toBeGreaterThan(0);
    expect(readme.slice(start, end)).toContain('`ai_ci_runners`');
  });
});
