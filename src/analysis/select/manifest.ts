/**
 * What a change to a package manifest can do to test outcomes. `package.json` runs everything by default (its
 * dependencies, `type`, `exports`, `imports`, test-runner sections and test scripts change how every test
 * resolves and runs), but most of its edits touch nothing of that: an added `bench:…` script, the description, the
 * version. Such a change is **inert**: the tests that read the manifest (their code names it, or imports it) are
 * the only ones it can affect.
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

/**
 * Compares two versions of a `package.json`: inert when only metadata fields and scripts that no test run
 * executes changed; not inert (with the reason) otherwise, or when either side is missing or not a JSON object.
 */
export function packageJsonChange(before: string | undefined, after: string | undefined): ManifestChange {
  let a: unknown;
  let b: unknown;
  try {
    a = before === undefined ? undefined : JSON.parse(before);
    b = after === undefined ? undefined : JSON.parse(after);
  } catch {
    return { inert: false, detail: 'not valid JSON' };
  }
  if (!isObject(a) || !isObject(b)) return { inert: false, detail: 'added, deleted or not an object' };
  const changed = [...new Set([...Object.keys(a), ...Object.keys(b)])].filter(
    (k) => JSON.stringify(a[k]) !== JSON.stringify(b[k]),
  );
  const other = changed.filter((k) => k !== 'scripts' && !INERT_FIELDS.has(k));
  if (other.length > 0) return { inert: false, detail: `"${other.join('", "')}" changed` };
  const parts = changed.filter((k) => k !== 'scripts').map((k) => `"${k}"`);
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
