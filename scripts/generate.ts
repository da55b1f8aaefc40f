/**
 * Writes every generated file: from the one API schema (src/api/v1alpha1) crds/*.yaml, the chart's CRD copies and
 * the README's API reference; from charts/ai-ci/values.yaml comments and src/controller/metrics.ts the README's
 * configuration and metrics references; from scripts/architecture/rules.ts the README's folder table. `--check`
 * writes nothing and exits 1, naming the stale files, when any differs from what it would write.
 *   npm run generate          npm run generate:check
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { README_PATH, renderGeneratedFiles } from '../src/api/generated.js';
import { renderDeliveryFiles, VALUES_PATH } from './docs/generated.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const check = process.argv.includes('--check');

function readOrEmpty(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return '';
  }
}

// Both stages rewrite sections of README.md: the second starts from the first's README, so one pass is final.
const apiFiles = renderGeneratedFiles(readFileSync(join(root, README_PATH), 'utf8'));
const readme = apiFiles.get(README_PATH) ?? readFileSync(join(root, README_PATH), 'utf8');
const files = new Map([
  ...apiFiles,
  ...renderDeliveryFiles(readme, readFileSync(join(root, VALUES_PATH), 'utf8')),
]);

const stale: string[] = [];
for (const [rel, content] of files) {
  const abs = join(root, rel);
  if (readOrEmpty(abs) === content) continue;
  stale.push(rel);
  if (!check) {
    mkdirSync(dirname(abs), { recursive: true });
    writeFileSync(abs, content);
  }
}

if (check) {
  if (stale.length > 0) {
    process.stderr.write(
      `generate:check: stale generated files (run \`npm run generate\` and commit them):\n${stale.map((f) => `  ${f}\n`).join('')}`,
    );
    process.exitCode = 1;
  } else {
    process.stdout.write(`generate:check: ${files.size} generated files are up to date\n`);
  }
} else {
  process.stdout.write(
    stale.length
      ? `generate: wrote ${stale.join(', ')}\n`
      : `generate: ${files.size} files already up to date\n`,
  );
}
