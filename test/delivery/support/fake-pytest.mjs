// A stand-in for `pytest --benchmark-json=FILE` in the ai-performance.yml A/B test: each call writes the next of
// the real pytest-benchmark files in FAKE_PYTEST_FIXTURES (rounds of real noise, written by pytest-benchmark on the
// build machine), every time multiplied by FAKE_PYTEST_HEAD_FACTOR unless it runs in the base checkout (a folder
// named `base`).
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';

const arg = process.argv.find((a) => a.startsWith('--benchmark-json='));
if (!arg) {
  process.stderr.write('fake pytest: no --benchmark-json=FILE\n');
  process.exit(4);
}
const out = arg.slice('--benchmark-json='.length);
const dir = process.env.FAKE_PYTEST_FIXTURES;
const counter = path.join(process.env.FAKE_PYTEST_STATE, 'calls');
const n = existsSync(counter) ? Number(readFileSync(counter, 'utf8')) : 0;
writeFileSync(counter, String(n + 1));
const files = readdirSync(dir)
  .filter((f) => f.startsWith('nodata-') && f.endsWith('.json.gz'))
  .sort();
const doc = JSON.parse(gunzipSync(readFileSync(path.join(dir, files[n % files.length]))).toString('utf8'));
const factor =
  path.basename(process.cwd()) === 'base' ? 1 : Number(process.env.FAKE_PYTEST_HEAD_FACTOR ?? '1');
for (const b of doc.benchmarks) {
  const s = b.stats;
  for (const k of [
    'min',
    'max',
    'mean',
    'median',
    'stddev',
    'iqr',
    'q1',
    'q3',
    'ld15iqr',
    'hd15iqr',
    'total',
  ])
    if (typeof s[k] === 'number') s[k] *= factor;
  if (Array.isArray(s.data)) s.data = s.data.map((v) => v * factor);
  if (typeof s.ops === 'number') s.ops /= factor;
}
writeFileSync(path.resolve(out), JSON.stringify(doc));
