/**
 * The README's generated references (values of the chart, metrics of the controller) and the chart's CRDs are
 * what scripts/generate.ts would write now; and the generators themselves say what they should.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { MARKERS, README_PATH, renderDeliveryFiles, VALUES_PATH } from '../../scripts/docs/generated.js';
import { renderMetricsReference } from '../../scripts/docs/metrics-reference.js';
import {
  figuresStamp,
  readFiguresStamp,
  renderSimReportFigures,
  renderSimReportSetup,
  reportSections,
  SIM_REPORT_DEADLINES,
  SIM_REPORT_MARKERS,
  SIM_REPORT_REGIONS,
} from '../../scripts/docs/sim-report.js';
import { collectValueDocs, renderValuesReference } from '../../scripts/docs/values-reference.js';
import { CARBON_POLICY_DEFAULTS } from '../../src/api/v1alpha1/index.js';
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

describe('npm run sim:report and its README section', () => {
  const readme = read(README_PATH);
  const block = readme.slice(
    readme.indexOf(SIM_REPORT_MARKERS.figures.start),
    readme.indexOf(SIM_REPORT_MARKERS.figures.end),
  );

  it('README figures were measured with the code’s current defaults (else: npm run sim:report -- --write-readme)', () => {
    expect(block.length).toBeGreaterThan(0);
    expect(
      readFiguresStamp(block),
      'README sim:report figures are stale: run npm run sim:report -- --write-readme',
    ).toBe(figuresStamp());
    const rows = block.split('\n').filter((l) => /^\| [A-Z][-A-Z]* \| \d+h \|/.test(l));
    expect(rows).toHaveLength(SIM_REPORT_REGIONS.length * SIM_REPORT_DEADLINES.length);
  });

  it('names the CRD’s defaults, not numbers written by hand', () => {
    const sections = reportSections('1');
    const d = CARBON_POLICY_DEFAULTS;
    expect(sections[1]!.title).toContain(`tolerance ${d.tolerancePercent}%`);
    expect(sections[1]!.title).toContain(`defaultJobDuration ${d.defaultJobDuration}`);
    expect(sections[3]!.title).toContain(`instead of the CRD default of ${d.tolerancePercent}%`);
    expect(sections[3]!.argv).toEqual(expect.arrayContaining(['--tolerance', '0']));
    // Section 2 passes no tolerance: `ai-ci simulate` itself defaults to the CRD's.
    expect(sections[1]!.argv).not.toContain('--tolerance');
    expect(renderSimReportSetup()).toContain(`tolerance ${d.tolerancePercent}%`);
  });

  it('a stamp from other defaults reads as stale', () => {
    const table = renderSimReportFigures([]);
    expect(readFiguresStamp(table)).toBe(figuresStamp());
    const other = table.replace(
      `"tolerancePercent":${CARBON_POLICY_DEFAULTS.tolerancePercent}`,
      '"tolerancePercent":10',
    );
    expect(readFiguresStamp(other)).not.toBe(figuresStamp());
    expect(readFiguresStamp('| a | b |')).toBeUndefined();
  });
});
