/**
 * What a change to a package manifest or npm lockfile can do to test outcomes. `package.json` and the lockfile run
 * everything by default (its dependencies, `type`, `exports`, `imports`, test-runner sections and test scripts
 * change how every test resolves and runs), but many edits touch nothing of that: an added `bench:…` script, the
 * description, the version, a newly added dependency. Such a change is **inert**: the tests that read the file
 * (their code names it, or imports it) are the only ones it can affect.
 */

/** Fields that no module resolution, runner or install step reads. */
const INERT_FIELDS = new Set([
  'description',
  'keywords',
  'author',
  'contributors',
  'maintainers',
  'license',
  'homepage',
  'bugs',
  'repository',
  'funding',
  'private',
  'publishConfig',
  'files',
  'version',
]);

/** Scripts npm runs by itself around installs and tests (a change to one can change any test's outcome). */
const LIFECYCLE = new Set([
  'preinstall',
  'install',
  'postinstall',
  'prepare',
  'preprepare',
  'postprepare',
  'prepublish',
  'prepublishOnly',
  'prepack',
  'postpack',
  'dependencies',
]);

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function regexEscape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * The scripts a test run may execute: `test`, `pretest`, `posttest`, every `test…` script (`test:unit`), the
 * install lifecycle scripts, and — transitively — every script one of those names in its command
 * (`"test": "npm run build && vitest"` makes `build` one).
 */
export function testScripts(scripts: Record<string, unknown>): Set<string> {
  const names = Object.keys(scripts);
  const out = new Set(names.filter((n) => /^(?:pre|post)?test/.test(n) || LIFECYCLE.has(n)));
  const queue = [...out];
  while (queue.length > 0) {
    const command = String(scripts[queue.pop()!] ?? '');
    for (const n of names) {
      if (out.has(n)) continue;
      if (new RegExp(`(?:^|[\\s"'=])${regexEscape(n)}(?:$|[\\s"'&;|)])`).test(command)) {
        out.add(n);
        queue.push(n);
      }
    }
  }
  return out;
}

export type ManifestChange = { inert: true; detail: string } | { inert: false; detail: string };

/** The dependency lists of a manifest (and of a lockfile's root entry). */
const DEPENDENCY_FIELDS = ['dependencies', 'devDependencies', 'optionalDependencies', 'peerDependencies'];

/**
 * The dependencies a manifest gained when only that changed in its dependency lists: none removed, none of the
 * existing ones given another range (`undefined` otherwise). A package that was not there before is loaded only by
 * code that imports it, and that code changed too.
 */
function addedDependencies(a: Record<string, unknown>, b: Record<string, unknown>): string[] | undefined {
  const added: string[] = [];
  for (const field of DEPENDENCY_FIELDS) {
    const da = a[field] ?? {};
    const db = b[field] ?? {};
    if (!isObject(da) || !isObject(db)) return undefined;
    for (const [name, range] of Object.entries(da))
      if (JSON.stringify(db[name]) !== JSON.stringify(range)) return undefined;
    for (const name of Object.keys(db)) if (!(name in da)) added.push(name);
  }
  return added;
}

function parsePair(before: string | undefined, after: string | undefined): [unknown, unknown] | undefined {
  try {
    return [
      before === undefined ? undefined : JSON.parse(before),
      after === undefined ? undefined : JSON.parse(after),
    ];
  } catch {
    return undefined;
  }
}

/**
 * Compares two versions of an npm lockfile (`package-lock.json` or `npm-shrinkwrap.json`, lockfile version 2 or
 * 3 with its `packages` map): inert when it only gained packages — every package it held before is there with the
 * same version, resolution and dependencies, none is newly nested under an existing one (which would change what
 * that one loads), and the root entry only gained dependencies. Existing code then loads exactly what it loaded
 * before; the new packages are loaded only by code that imports them, which changed too.
 */
export function packageLockChange(before: string | undefined, after: string | undefined): ManifestChange {
  const pair = parsePair(before, after);
  if (pair === undefined) return { inert: false, detail: 'not valid JSON' };
  const [a, b] = pair;
  if (!isObject(a) || !isObject(b)) return { inert: false, detail: 'added, deleted or not an object' };
  if (!isObject(a.packages) || !isObject(b.packages))
    return { inert: false, detail: 'no "packages" map (lockfile version 1)' };
  const other = [...new Set([...Object.keys(a), ...Object.keys(b)])].filter(
    (k) =>
      !['packages', 'dependencies', 'name', 'version'].includes(k) &&
      JSON.stringify(a[k]) !== JSON.stringify(b[k]),
  );
  if (other.length > 0) return { inert: false, detail: `"${other.join('", "')}" changed` };
  const pa = a.packages;
  const pb = b.packages;
  for (const [key, entry] of Object.entries(pa)) {
    if (key === '') continue;
    if (!(key in pb)) return { inert: false, detail: `${key} removed` };
    if (JSON.stringify(pb[key]) !== JSON.stringify(entry)) return { inert: false, detail: `${key} changed` };
  }
  const rootA = pa[''] ?? {};
  const rootB = pb[''] ?? {};
  if (!isObject(rootA) || !isObject(rootB)) return { inert: false, detail: 'root entry is not an object' };
  const rootOther = [...new Set([...Object.keys(rootA), ...Object.keys(rootB)])].filter(
    (k) =>
      !DEPENDENCY_FIELDS.includes(k) &&
      !INERT_FIELDS.has(k) &&
      k !== 'name' &&
      JSON.stringify(rootA[k]) !== JSON.stringify(rootB[k]),
  );
  if (rootOther.length > 0) return { inert: false, detail: `root "${rootOther.join('", "')}" changed` };
  if (addedDependencies(rootA, rootB) === undefined)
    return { inert: false, detail: 'a dependency of the root was removed or changed' };
  const added = Object.keys(pb).filter((k) => !(k in pa));
  for (const key of added) {
    // node_modules/a/node_modules/b under an existing a: a now loads that b instead of the one it loaded.
    const at = key.lastIndexOf('/node_modules/');
    if (at > 0 && key.slice(0, at) in pa)
      return { inert: false, detail: `${key} newly nested under an existing package` };
  }
  const names = added.map((k) => k.slice(k.lastIndexOf('node_modules/') + 'node_modules/'.length));
  return {
    inert: true,
    detail:
      added.length === 0
        ? 'no package changed'
        : `only packages added (${[...new Set(names)].slice(0, 5).join(', ')}${names.length > 5 ? ', …' : ''})`,
  };
}

/**
 * Compares two versions of a `package.json`: inert when only metadata fields, scripts that no test run executes
 * and added dependencies (none removed or given another range) changed; not inert (with the reason) otherwise, or
 * when either side is missing or not a JSON object.
 */
export function packageJsonChange(before: string | undefined, after: string | undefined): ManifestChange {
  const pair = parsePair(before, after);
  if (pair === undefined) return { inert: false, detail: 'not valid JSON' };
  const [a, b] = pair;
  if (!isObject(a) || !isObject(b)) return { inert: false, detail: 'added, deleted or not an object' };
  const changed = [...new Set([...Object.keys(a), ...Object.keys(b)])].filter(
    (k) => JSON.stringify(a[k]) !== JSON.stringify(b[k]),
  );
  const deps = changed.filter((k) => DEPENDENCY_FIELDS.includes(k));
  const added = deps.length === 0 ? [] : addedDependencies(a, b);
  if (added === undefined) return { inert: false, detail: `"${deps.join('", "')}" changed` };
  const other = changed.filter(
    (k) => k !== 'scripts' && !INERT_FIELDS.has(k) && !DEPENDENCY_FIELDS.includes(k),
  );
  if (other.length > 0) return { inert: false, detail: `"${other.join('", "')}" changed` };
  const parts = changed.filter((k) => k !== 'scripts' && !DEPENDENCY_FIELDS.includes(k)).map((k) => `"${k}"`);
  if (added.length > 0) parts.push(`added dependencies ${added.map((n) => `"${n}"`).join(', ')}`);
  if (changed.includes('scripts')) {
    const sa = a.scripts ?? {};
    const sb = b.scripts ?? {};
    if (!isObject(sa) || !isObject(sb)) return { inert: false, detail: '"scripts" is not an object' };
    const names = [...new Set([...Object.keys(sa), ...Object.keys(sb)])].filter((n) => sa[n] !== sb[n]);
    const runByTests = new Set([...testScripts(sa), ...testScripts(sb)]);
    const hit = names.filter((n) => runByTests.has(n));
    if (hit.length > 0)
      return { inert: false, detail: `script "${hit.join('", "')}" changed (a test run executes it)` };
    parts.push(`scripts ${names.map((n) => `"${n}"`).join(', ')}`);
  }
  return {
    inert: true,
    detail: parts.length === 0 ? 'only its layout changed' : `only ${parts.join(' and ')} changed`,
  };
}
