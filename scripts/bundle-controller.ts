/**
 * Bundles the controller process (src/controller/main.ts and every package it imports) into ONE ES module,
 * `dist/controller/main.js`, replacing tsc's output of that file (the other dist/ files stay as tsc wrote them).
 * `npm run build` runs it after tsc; the controller image and `npm run bench:controller` run this bundle.
 *
 * Why: memory. @kubernetes/client-node's index loads every generated API group and model (25 MB of JavaScript,
 * whose source text V8 keeps for lazy compilation), although the controller uses four API groups; a tree-shaken
 * bundle loads a fraction of that, and one module instead of ~1,300 (each with its loader bookkeeping). Measured
 * with 1,000 pools and 10,000 runners: see README → RunnerPool → Performance.
 *
 *   scripts/node-env.sh npx tsx scripts/bundle-controller.ts [--out FILE]
 */
import { rmSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/** CommonJS dependencies inside an ESM bundle call require() for Node built-ins. */
const BANNER = [
  "import { createRequire as __aiCiCreateRequire } from 'node:module';",
  'const require = __aiCiCreateRequire(import.meta.url);',
].join('\n');

export async function bundleController(outfile = join(root, 'dist/controller/main.js')): Promise<number> {
  await build({
    entryPoints: [join(root, 'src/controller/main.ts')],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node24',
    // ESM builds first: tree-shaking works on ES modules only.
    mainFields: ['module', 'main'],
    banner: { js: BANNER },
    // No comments and no indentation: V8 keeps the module's source text for lazy compilation, as one byte per
    // character only if every character is ASCII (a single "§" in a dependency's comment doubles it to UTF-16).
    // Identifiers keep their names, so stack traces and logs stay readable.
    minifyWhitespace: true,
    minifySyntax: true,
    charset: 'ascii',
    legalComments: 'linked',
    logLevel: 'warning',
  });
  // tsc's source map described the file this bundle replaced.
  rmSync(`${outfile}.map`, { force: true });
  return statSync(outfile).size;
}

const isMain = process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1];
if (isMain) {
  const i = process.argv.indexOf('--out');
  const out = i > 0 ? process.argv[i + 1] : undefined;
  const bytes = await bundleController(out);
  process.stdout.write(
    `bundle-controller: ${relative(root, out ?? join(root, 'dist/controller/main.js'))} (${(bytes / 1e6).toFixed(1)} MB)\n`,
  );
}
