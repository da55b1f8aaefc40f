/**
 * Builds the `ai-ci` CLI as the self-contained folder the runner image copies to /opt/ai-ci
 * (src/runner-image/Dockerfile):
 *
 *   dist/ai-ci-cli/
 *     bin/ai-ci.mjs       the ESM bundle of src/runner-image/cli/main.ts and its dependencies (esbuild), split
 *     bin/chunk-*.mjs     at main.ts's dynamic imports: `carbon track` loads its own ~1 MB, not the whole ~13 MB
 *     bin/ai-ci           shell launcher (node on PATH)
 *     package.json        name and version (`ai-ci --version`)
 *     data/  models/      the data files the CLI reads (carbon traces, benchmark noise, the performance model)
 *     src/analysis/select/v8-hook.mjs  the V8 coverage hook test runs load (`ai-ci select-v8-hook` prints its path)
 *     node_modules/       onnxruntime-node + onnxruntime-common only (native, so not bundled), this platform's
 *                         binaries only; the WebAssembly files of web-tree-sitter and tree-sitter-python
 *                         (`ai-ci review` loads them at run time, so they cannot be inlined)
 *
 * Modules find their data files relative to `import.meta.url` at their depth under src/ (e.g.
 * `../../../../models/…`); in one bundle every module would share the bundle's URL. So each module's
 * `import.meta.url` is rewritten to the URL its source file would have under the bundle folder, which keeps every
 * relative lookup pointing into dist/ai-ci-cli/.
 *
 *   scripts/node-env.sh npx tsx scripts/bundle-cli.ts [--out DIR]
 */
import { chmodSync, cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, type Plugin } from 'esbuild';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/** Packages left out of the bundle (native addons), copied into node_modules/ instead. */
export const NATIVE_PACKAGES = ['onnxruntime-node', 'onnxruntime-common'] as const;

/** WebAssembly files read at run time (src/analysis/review/parse/python.ts finds them under node_modules/). */
export const WASM_FILES = [
  'web-tree-sitter/web-tree-sitter.wasm',
  'tree-sitter-python/tree-sitter-python.wasm',
  'tree-sitter-python/LICENSE',
  'web-tree-sitter/LICENSE',
] as const;

/** Source files that are not bundled but loaded by path at run time (src/analysis/select/v8-hook-path.ts). */
export const RUNTIME_FILES = ['src/analysis/select/v8-hook.mjs'] as const;

const moduleUrlPlugin: Plugin = {
  name: 'ai-ci-module-url',
  setup(b) {
    b.onLoad({ filter: /[\\/]src[\\/].*\.ts$/ }, (args) => {
      const source = readFileSync(args.path, 'utf8');
      if (!source.includes('import.meta.url')) return undefined;
      const rel = relative(root, args.path).split(sep).join('/');
      return {
        contents: source.replaceAll('import.meta.url', `__aiCiModuleUrl(${JSON.stringify(rel)})`),
        loader: 'ts',
      };
    });
  },
};

/** The bundle's files are in bin/ (ai-ci.mjs and its chunks): the package root is one level up. (esbuild keeps main.ts's shebang.) */
const BANNER = [
  "import { createRequire as __aiCiCreateRequire } from 'node:module';",
  // CommonJS dependencies inside an ESM bundle call require() for Node built-ins.
  'const require = __aiCiCreateRequire(import.meta.url);',
  // …and some read __filename/__dirname (the TypeScript compiler, which `ai-ci select` uses).
  'const __filename = import.meta.filename;',
  'const __dirname = import.meta.dirname;',
  "const __aiCiRoot = new URL('../', import.meta.url);",
  'const __aiCiModuleUrl = (rel) => new URL(rel, __aiCiRoot).href;',
].join('\n');

export interface BundleResult {
  outDir: string;
  entry: string;
  bytes: number;
}

export async function bundleCli(outDir = join(root, 'dist/ai-ci-cli')): Promise<BundleResult> {
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(join(outDir, 'bin'), { recursive: true });
  const entry = join(outDir, 'bin/ai-ci.mjs');
  const result = await build({
    entryPoints: { 'ai-ci': join(root, 'src/runner-image/cli/main.ts') },
    outdir: join(outDir, 'bin'),
    outExtension: { '.js': '.mjs' },
    // Chunks beside the entry: the banner's `../` from import.meta.url is the package root for each of them.
    splitting: true,
    chunkNames: 'chunk-[hash]',
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node22',
    external: [...NATIVE_PACKAGES],
    // ESM builds first: some packages' `main` is a UMD wrapper whose require() calls esbuild cannot follow
    // (jsonc-parser).
    mainFields: ['module', 'main'],
    banner: { js: BANNER },
    plugins: [moduleUrlPlugin],
    legalComments: 'linked',
    logLevel: 'warning',
    metafile: true,
  });
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
    version: string;
    license?: string;
    engines?: Record<string, string>;
  };
  writeFileSync(
    join(outDir, 'package.json'),
    `${JSON.stringify(
      {
        name: 'ai-ci',
        version: pkg.version,
        private: true,
        type: 'module',
        license: pkg.license,
        engines: pkg.engines,
        bin: { 'ai-ci': 'bin/ai-ci.mjs' },
      },
      null,
      2,
    )}\n`,
  );
  const launcher = join(outDir, 'bin/ai-ci');
  writeFileSync(launcher, '#!/bin/sh\nexec node "$(dirname "$(readlink -f "$0")")/ai-ci.mjs" "$@"\n');
  chmodSync(launcher, 0o755);
  chmodSync(entry, 0o755);
  for (const folder of ['data', 'models']) {
    if (existsSync(join(root, folder))) cpSync(join(root, folder), join(outDir, folder), { recursive: true });
  }
  // Files loaded by other processes, not imported: at their source path, where their module's rewritten
  // import.meta.url finds them (`ai-ci select-v8-hook` prints this one's path).
  for (const file of RUNTIME_FILES) {
    mkdirSync(dirname(join(outDir, file)), { recursive: true });
    cpSync(join(root, file), join(outDir, file));
  }
  // Only this platform's native binaries (the npm package carries five platforms, ~290 MB).
  const napi = `${sep}bin${sep}napi-v6${sep}`;
  const here = `${napi}${process.platform}${sep}${process.arch}`;
  for (const name of NATIVE_PACKAGES) {
    const from = join(root, 'node_modules', name);
    cpSync(from, join(outDir, 'node_modules', name), {
      recursive: true,
      filter: (src) => {
        const i = src.indexOf(napi);
        if (i < 0) return true;
        const rest = src.slice(i);
        return rest.startsWith(here) || here.startsWith(rest);
      },
    });
  }
  for (const file of WASM_FILES) {
    mkdirSync(dirname(join(outDir, 'node_modules', file)), { recursive: true });
    cpSync(join(root, 'node_modules', file), join(outDir, 'node_modules', file));
  }
  const bytes = result.metafile ? Object.values(result.metafile.outputs).reduce((n, o) => n + o.bytes, 0) : 0;
  return { outDir, entry, bytes };
}

const isMain = process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1];
if (isMain) {
  const i = process.argv.indexOf('--out');
  const out = i > 0 ? process.argv[i + 1] : undefined;
  const r = await bundleCli(out);
  process.stdout.write(
    `bundle-cli: ${relative(root, r.entry)} (${(r.bytes / 1e6).toFixed(1)} MB) with ${NATIVE_PACKAGES.join(', ')}\n`,
  );
}
