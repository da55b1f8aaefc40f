/**
 * The rooms of src/ keep to their import rule (scripts/architecture/rules.ts): on the real tree no finding, and on
 * small temporary trees each kind of forbidden import is reported as `file → import`.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  checkArchitecture,
  checkEdges,
  checkFileSizes,
  collectEdges,
  formatViolation,
  roomCycles,
  SIZE_LIMIT_LINES,
} from '../scripts/architecture/check.js';
import { ANALYSES, ROOMS, renderFolderTable } from '../scripts/architecture/rules.js';

const repoRoot = path.resolve(import.meta.dirname, '..');

describe('the import rule on this repository', () => {
  it('has no import, cycle, folder or test-mirror finding', () => {
    const findings = checkArchitecture(repoRoot).map(formatViolation);
    expect(findings, `architecture findings:\n${findings.join('\n')}`).toEqual([]);
  }, 30_000); // parses every src/ file: seconds on a loaded machine

  it('sees the imports of src/ (static, export-from, type-only and multi-line)', () => {
    const edges = collectEdges(repoRoot);
    expect(edges.length).toBeGreaterThan(300);
    // controller/main.ts imports the manager; the CLI imports the perf analysis.
    expect(edges).toContainEqual(
      expect.objectContaining({ from: 'src/controller/main.ts', to: 'src/controller/manager.ts' }),
    );
    expect(
      edges.some((e) => e.from.startsWith('src/runner-image/') && e.to.startsWith('src/analysis/perf/')),
    ).toBe(true);
  });
});

describe('the checker on a tree that breaks the rule', () => {
  let root = '';
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  function tree(files: Record<string, string>, analyses: string[] = ['perf', 'energy']): string {
    root = mkdtempSync(path.join(tmpdir(), 'ai-ci-arch-'));
    for (const [rel, text] of Object.entries(files)) {
      mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
      writeFileSync(path.join(root, rel), text);
    }
    for (const a of analyses) mkdirSync(path.join(root, 'src/analysis', a), { recursive: true });
    return root;
  }

  it('reports each forbidden import as file → import, and passes the allowed ones', () => {
    tree({
      'src/api/types.ts': "import { x } from '../controller/manager.js';\n",
      'src/controller/manager.ts': "export const x = 1;\nimport '../runner-image/cli/main.js';\n",
      'src/runner-image/cli/main.ts': "import { y } from '../../analysis/perf/index.js';\n",
      'src/kube/api.ts':
        "import type { T } from '../github/client.js';\nimport { a } from '../api/types.js';\n",
      'src/github/client.ts': 'export type T = 1;\n',
      'src/carbon/gate.ts': "const m = await import('../kube/api.js');\n",
      'src/analysis/perf/index.ts': "export { d } from './detect.js';\n",
      'src/analysis/perf/detect.ts':
        "export { e } from '../energy/model.js';\nimport '../../carbon/gate.js';\n",
      'src/analysis/energy/index.ts': "export const e = 1;\nimport { d } from '../perf/index.js';\n",
      'src/analysis/energy/model.ts': "import {\n  a,\n} from '../../../scripts/x.js';\n",
    });
    const findings = checkEdges(collectEdges(root)).map(formatViolation);
    expect(findings).toEqual([
      'src/analysis/energy/model.ts → ../../../scripts/x.js: imports scripts/x.ts, which is in no room of src/',
      'src/analysis/perf/detect.ts → ../energy/model.js: one analysis imports another only through its index.ts (src/analysis/energy/index.ts)',
      'src/api/types.ts → ../controller/manager.js: nothing may import controller/',
      'src/carbon/gate.ts → ../kube/api.js: carbon/ may import only api/, not kube/',
      'src/controller/manager.ts → ../runner-image/cli/main.js: nothing may import runner-image/',
      'src/kube/api.ts → ../github/client.js: kube/ may import only api/, not github/',
    ]);
  });

  it('reports rooms that import each other around a cycle, even through allowed edges', () => {
    tree({
      'src/analysis/perf/index.ts': "export { e } from '../energy/index.js';\nimport '../../api/x.js';\n",
      'src/analysis/energy/index.ts': "export { d } from '../perf/index.js';\n",
      'src/api/x.ts': 'export {};\n',
    });
    const edges = collectEdges(root);
    expect(checkEdges(edges)).toEqual([]);
    expect(roomCycles(edges)).toEqual([['analysis/energy', 'analysis/perf']]);
    expect(checkArchitecture(root, { perf: 'p', energy: 'e' }).map(formatViolation)).toEqual([
      'src/analysis/energy/ src/analysis/perf/: import each other around a cycle (analysis/energy, analysis/perf)',
    ]);
  });

  it('reports a file outside the rooms, an unknown room, an analysis missing from ANALYSES and a test that mirrors nothing', () => {
    tree(
      {
        'src/helpers.ts': "import '../x.js';\n",
        'src/utils/a.ts': 'export {};\n',
        'src/analysis/quantum/index.ts': 'export {};\n',
        'test/kube/api.test.ts': '',
        'test/kube/support/env.ts': '',
        'test/kube/watch/w.test.ts': '',
        'test/e2e/x.e2e.test.ts': '',
      },
      Object.keys(ANALYSES),
    );
    mkdirSync(path.join(root, 'src/kube'));
    const findings = checkArchitecture(root).map(formatViolation);
    expect(findings).toEqual([
      'src/helpers.ts: is in no room of src/',
      'src/utils/: is no room of scripts/architecture/rules.ts (ROOMS)',
      'src/analysis/quantum/: has no line in ANALYSES of scripts/architecture/rules.ts (the README folder table comes from it)',
      'test/kube/watch/: mirrors no folder of src/ (no src/kube/watch/)',
    ]);
  });

  it('reports a long file that gives no reason at its top, and passes one that does', () => {
    const body = 'export const x = 1;\n'.repeat(SIZE_LIMIT_LINES);
    tree({
      'src/kube/long.ts': `/** Talks to the API server. */\n${body}`,
      'src/kube/reasoned.ts': `/**\n * Talks to the API server.\n *\n * Size: one state machine.\n */\n${body}`,
      'src/kube/short.ts': body,
    });
    expect(checkFileSizes(root).map(formatViolation)).toEqual([
      `src/kube/long.ts: ${SIZE_LIMIT_LINES + 1} lines (over ${SIZE_LIMIT_LINES}) and no "Size:" reason in its leading comment: split it, or say why it is one file`,
    ]);
  });
});

describe('the README folder table', () => {
  it('has one row per room and per analysis, with what each may import', () => {
    const table = renderFolderTable();
    const rows = table.split('\n').filter((l) => l.startsWith('| `src/'));
    expect(rows).toHaveLength(ROOMS.length - 1 + Object.keys(ANALYSES).length);
    expect(table).toContain('| `src/api/` |');
    expect(table).toMatch(/\| `src\/kube\/` \| [^|]+ \| `api\/` \|/);
    expect(table).toMatch(
      /\| `src\/analysis\/perf\/` \| [^|]+ \| `api\/` `carbon\/` another analysis via its `index.ts` \|/,
    );
  });
});
