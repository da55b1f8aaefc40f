import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { runCliCaptured } from '../../../support/cli.js';

const examples = new URL('../../../../examples/', import.meta.url).pathname;

const run = (...argv: string[]) => runCliCaptured(argv);

const POOL = `apiVersion: ai-ci.dev/v1alpha1
kind: RunnerPool
metadata:
  name: gpu
spec:
  github:
    organization: acme
    credentialsSecretRef: {name: gh}
  labels: [ubuntu-latest-gpu]
`;

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'ai-ci-validate-'));
  mkdirSync(join(dir, 'manifests/workflows'), { recursive: true });
  writeFileSync(join(dir, 'manifests/pool.yaml'), POOL);
  writeFileSync(
    join(dir, 'manifests/workflows/ci.yml'),
    'name: CI\non: [push]\njobs:\n  build:\n    runs-on: ubuntu-latest-gpu\n    steps: [{run: make}]\n',
  );
  writeFileSync(join(dir, 'manifests/notes.txt'), 'not a manifest, not even looked at');
  writeFileSync(join(dir, 'bad.yaml'), `${POOL}  minRunners: 4\n  maxRunners: 2\n  colour: blue\n`);
  writeFileSync(join(dir, 'broken.yaml'), 'kind: [RunnerPool\n');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));
afterEach(() => {
  process.exitCode = undefined;
});

describe('ai-ci validate', () => {
  it('accepts the examples directory (the README quick start)', async () => {
    const r = await run('validate', examples);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/runnerpool-gpu\.yaml:3:1: RunnerPool\/gpu: valid/);
    expect(r.err).toMatch(/validate: 7 resources in \d+ files: 7 valid, 0 invalid/);
  });

  it('recurses into directories and skips what is not an ai-ci manifest, saying so', async () => {
    const r = await run('validate', join(dir, 'manifests'));
    expect(r.code).toBe(0);
    expect(r.out).toBe(`${join(dir, 'manifests/pool.yaml')}:1:1: RunnerPool/gpu: valid\n`);
    expect(r.err).toContain(
      `${join(dir, 'manifests/workflows/ci.yml')}:1:1: skipped: not a Kubernetes manifest`,
    );
    expect(r.err).not.toContain('notes.txt');
  });

  it('exits 1 and prints FILE:LINE:COL: kind/name: field: message for an invalid resource', async () => {
    const r = await run('validate', join(dir, 'bad.yaml'), join(dir, 'manifests/pool.yaml'));
    expect(r.code).toBe(1);
    const bad = join(dir, 'bad.yaml');
    expect(r.out).toContain(`${bad}:12:3: RunnerPool/gpu: spec.colour: unknown field`);
    expect(r.out).toContain(
      `${bad}:10:3: RunnerPool/gpu: spec.minRunners: minRunners must be less than or equal to maxRunners`,
    );
    expect(r.out).toContain('pool.yaml:1:1: RunnerPool/gpu: valid');
    expect(r.err).toMatch(/2 resources in 2 files: 1 valid, 1 invalid/);
  });

  it('exits 3 when a file cannot be parsed or read, and still reports the others', async () => {
    const r = await run(
      'validate',
      join(dir, 'broken.yaml'),
      join(dir, 'missing.yaml'),
      join(dir, 'bad.yaml'),
    );
    expect(r.code).toBe(3);
    expect(r.err).toMatch(new RegExp(`${join(dir, 'broken.yaml')}:\\d+:\\d+: error: `));
    expect(r.err).toContain(`${join(dir, 'missing.yaml')}: error: no such file or directory`);
    expect(r.out).toContain('spec.colour: unknown field');
  });

  it('prints a JSON report with --json', async () => {
    const r = await run('validate', '--json', join(dir, 'bad.yaml'));
    expect(r.code).toBe(1);
    const report = JSON.parse(r.out);
    expect(report.summary).toMatchObject({ files: 1, resources: 1, valid: 0, invalid: 1, unreadable: 0 });
    const doc = report.files[0].documents[0];
    expect(doc).toMatchObject({ status: 'invalid', kind: 'RunnerPool', name: 'gpu' });
    expect(doc.issues).toContainEqual(
      expect.objectContaining({ field: 'spec.colour', line: 12, column: 3, path: ['spec', 'colour'] }),
    );
  });

  it('exits 2 without a path', async () => {
    const r = await run('validate');
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/missing required argument/);
  });
});
