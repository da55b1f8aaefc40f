/**
 * Writes the delivery files generated from other sources: charts/ai-ci/crds/ (from the API schema, as crds/), and
 * the README's "Configuration reference" (charts/ai-ci/values.yaml comments) and "Metrics reference"
 * (src/controller/metrics.ts). `--check` writes nothing and exits 1, naming the stale files.
 * Run by `npm run generate` / `npm run generate:check` after scripts/generate.ts.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { README_PATH, renderDeliveryFiles, VALUES_PATH } from './generated.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '../..');
const check = process.argv.includes('--check');

function readOrEmpty(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return '';
  }
}

const files = renderDeliveryFiles(
  readFileSync(join(root, README_PATH), 'utf8'),
  readFileSync(join(root, VALUES_PATH), 'utf8'),
);
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
      `generate:check (docs): stale generated files (run \`npm run generate\` and commit them):\n${stale.map((f) => `  ${f}\n`).join('')}`,
    );
    process.exitCode = 1;
  } else {
    process.stdout.write(`generate:check (docs): ${files.size} generated files are up to date\n`);
  }
} else {
  process.stdout.write(
    stale.length
      ? `generate (docs): wrote ${stale.join(', ')}\n`
      : `generate (docs): ${files.size} files already up to date\n`,
  );
}
