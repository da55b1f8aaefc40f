import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The small pytest project under test/fixtures/select/pyproj (it runs under real pytest). */
export const PYPROJ = fileURLToPath(new URL('../../fixtures/select/pyproj', import.meta.url));
export const FIXTURES = fileURLToPath(new URL('../../fixtures/select', import.meta.url));

/** Every file of a folder, relative, with `/` separators. */
export function filesOf(root: string): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      if (e.name === '__pycache__') continue;
      if (e.isDirectory()) walk(join(dir, e.name));
      else out.push(relative(root, join(dir, e.name)).split('\\').join('/'));
    }
  };
  walk(root);
  return out.sort();
}

/** A reader over a folder for buildGraph. */
export function folderReader(root: string) {
  return (paths: readonly string[]) => new Map(paths.map((p) => [p, readFileSync(join(root, p), 'utf8')]));
}

/** A reader over in-memory files for buildGraph. */
export function memoryReader(files: Record<string, string>) {
  return (paths: readonly string[]) =>
    new Map(paths.filter((p) => files[p] !== undefined).map((p) => [p, files[p]!]));
}
