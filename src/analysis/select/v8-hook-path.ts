import { fileURLToPath } from 'node:url';

/**
 * Absolute path of ai-ci's V8 coverage hook (v8-hook.mjs, beside this module in the sources and in the CLI bundle,
 * scripts/bundle-cli.ts), to load with `NODE_OPTIONS=--import=PATH` in a run whose `NODE_V8_COVERAGE` folder
 * `ai-ci select-record --coverage-v8` reads.
 */
export function v8HookPath(): string {
  return fileURLToPath(new URL('./v8-hook.mjs', import.meta.url));
}
