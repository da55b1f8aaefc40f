/**
 * The images, as far as they can be checked without a container engine: both Dockerfiles pass a Dockerfile
 * linter (dockerfile-utils, the validator of the VS Code Docker language server) and our image policy; the
 * controller image's `npm ci --omit=dev` has every package the controller imports (and onnxruntime is not one);
 * the CLI bundle the runner image copies in is built and run.
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { DockerfileParser } from 'dockerfile-ast';
import { ValidationSeverity, validate } from 'dockerfile-utils';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundleCli, NATIVE_PACKAGES } from '../../scripts/bundle-cli.js';
import { RunnerPool } from '../../src/api/v1alpha1/index.js';
import { repoRoot } from './support/helm.js';

const run = promisify(execFile);
const DOCKERFILES = ['Dockerfile', 'src/runner-image/Dockerfile'];
const pkg = JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as {
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
};

const strict = {
  deprecatedMaintainer: ValidationSeverity.ERROR,
  directiveCasing: ValidationSeverity.ERROR,
  emptyContinuationLine: ValidationSeverity.ERROR,
  instructionCasing: ValidationSeverity.ERROR,
  instructionCmdMultiple: ValidationSeverity.ERROR,
  instructionEntrypointMultiple: ValidationSeverity.ERROR,
  instructionHealthcheckMultiple: ValidationSeverity.ERROR,
  instructionJSONInSingleQuotes: ValidationSeverity.ERROR,
  instructionWorkdirRelative: ValidationSeverity.ERROR,
};

function lint(text: string): string[] {
  return validate(text, strict).map((d) => `${d.range.start.line + 1}: ${d.message}`);
}

/** Our policy (hadolint's DL3006/DL3007/DL3002/DL3016 in spirit, hadolint itself is not in our registries). */
function policy(file: string, text: string): string[] {
  const df = DockerfileParser.parse(text);
  const problems: string[] = [];
  const args = new Map(
    df
      .getInitialARGs()
      .flatMap((a) => a.getProperties())
      .map((p) => [p.getName(), p.getValue() ?? ''] as const),
  );
  const stages = df.getFROMs();
  const stageNames = new Set(stages.map((f) => f.getBuildStage()).filter(Boolean));
  for (const from of stages) {
    const image = (from.getImage() ?? '').replace(/\$\{(\w+)\}/g, (_m, n: string) => args.get(n) ?? '');
    if (stageNames.has(image)) continue;
    if (!/:[\w.-]+$/.test(image) || image.endsWith(':latest'))
      problems.push(`${file}:${from.getRange().start.line + 1}: base image ${image} is not pinned to a tag`);
  }
  if (stages.length < 2) problems.push(`${file}: not a multi-stage build`);
  const last = stages.at(-1)!.getRange().start.line;
  const users = df
    .getInstructions()
    .filter((i) => i.getKeyword() === 'USER' && i.getRange().start.line > last);
  const finalUser = users.at(-1)?.getArgumentsContent() ?? 'root';
  if (/^(root|0)(:|$)/.test(finalUser)) problems.push(`${file}: the final stage runs as ${finalUser}`);
  for (const r of df.getInstructions().filter((i) => i.getKeyword() === 'RUN')) {
    if (/\bnpm (install|i)\b/.test(r.getArgumentsContent() ?? ''))
      problems.push(`${file}:${r.getRange().start.line + 1}: npm install instead of npm ci (lockfile)`);
  }
  // COPY sources from the build context must exist and not be excluded by .dockerignore.
  const ignored = readFileSync(path.join(repoRoot, '.dockerignore'), 'utf8')
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith('#') && !l.startsWith('!'));
  for (const c of df.getCOPYs()) {
    if (c.getFromFlag()) continue;
    const sources = c
      .getArguments()
      .slice(0, -1)
      .map((a) => a.getValue());
    for (const s of sources) {
      if (s === '.') continue;
      if (!existsSync(path.join(repoRoot, s))) problems.push(`${file}: COPY ${s}: not in the repository`);
      if (ignored.includes(s)) problems.push(`${file}: COPY ${s}: excluded by .dockerignore`);
    }
  }
  return problems;
}

describe.each(DOCKERFILES)('%s', (file) => {
  const text = readFileSync(path.join(repoRoot, file), 'utf8');
  it('passes the Dockerfile linter with every rule an error', () => expect(lint(text)).toEqual([]));
  it('passes the image policy: pinned bases, multi-stage, non-root, npm ci, COPY sources present', () =>
    expect(policy(file, text)).toEqual([]));
});

describe('the linter and policy catch problems (the checks are real)', () => {
  it('flags a bad Dockerfile', () => {
    const bad = "FROM node\nWORKDIR app\nRUN npm install\nEXPOSE web\nCMD ['node']\n";
    expect(lint(bad).length).toBeGreaterThanOrEqual(3);
    expect(policy('bad', bad)).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/not pinned/),
        expect.stringMatching(/multi-stage/),
        expect.stringMatching(/runs as root/),
        expect.stringMatching(/npm install/),
      ]),
    );
  });
});

describe('images and the code they run', () => {
  it('the runner image starts from the runner version the RunnerPool defaults to', () => {
    const text = readFileSync(path.join(repoRoot, 'src/runner-image/Dockerfile'), 'utf8');
    const version = /^ARG RUNNER_VERSION=(\S+)$/m.exec(text)?.[1];
    const template = RunnerPool.properties.spec.properties.template as unknown as {
      properties: { image: { default: string } };
    };
    expect(template.properties.image.default).toBe(`ghcr.io/actions/actions-runner:${version}`);
    // The base is a build arg (a local stand-in for `npm run images`), whose default stays the upstream runner.
    expect(text).toMatch(/^ARG RUNNER_IMAGE=ghcr\.io\/actions\/actions-runner$/m);
    expect(text).toMatch(/^FROM \$\{RUNNER_IMAGE\}:\$\{RUNNER_VERSION\}$/m);
    expect(text).toMatch(/^ARG ONNXRUNTIME_NODE_INSTALL=skip$/m);
    expect(text).toContain('--build-arg ONNXRUNTIME_NODE_INSTALL=cuda12');
    // The CUDA build runs onnxruntime-node's installer itself (npm 11 skips dependencies' install scripts) and
    // fails the build when the provider library is missing.
    expect(text).toContain('(cd node_modules/onnxruntime-node && node script/install)');
    expect(text).toContain('libonnxruntime_providers_cuda.so');
  });

  it('the controller imports only production dependencies, and no onnxruntime (the image drops it)', async () => {
    const r = await build({
      entryPoints: [path.join(repoRoot, 'src/controller/main.ts')],
      bundle: true,
      platform: 'node',
      format: 'esm',
      packages: 'external',
      write: false,
      metafile: true,
      logLevel: 'silent',
    });
    const builtins = new Set(builtinModules.flatMap((m) => [m, `node:${m}`]));
    const packages = new Set<string>();
    for (const input of Object.values(r.metafile!.inputs)) {
      for (const i of input.imports) {
        if (!i.external || builtins.has(i.path)) continue;
        const parts = i.path.split('/');
        packages.add(i.path.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0]!);
      }
    }
    expect(packages.size).toBeGreaterThan(3);
    for (const p of packages)
      expect(Object.keys(pkg.dependencies), `${p} is a production dependency`).toContain(p);
    for (const p of NATIVE_PACKAGES) expect(packages).not.toContain(p);
    const dockerfile = readFileSync(path.join(repoRoot, 'Dockerfile'), 'utf8');
    expect(dockerfile).toContain('npm ci --omit=dev');
    expect(dockerfile).toContain('rm -rf node_modules/onnxruntime-node node_modules/onnxruntime-common');
  });
});

describe('the ai-ci CLI bundle of the runner image', () => {
  let dir: string;
  let entry: string;
  const cli = async (args: string[]) => {
    try {
      const { stdout, stderr } = await run(process.execPath, [entry, ...args], { cwd: tmpdir() });
      return { code: 0, stdout, stderr };
    } catch (err) {
      const e = err as { code?: number; stdout?: string; stderr?: string };
      return { code: e.code ?? 1, stdout: e.stdout ?? '', stderr: e.stderr ?? '' };
    }
  };

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'ai-ci-cli-bundle-'));
    ({ entry } = await bundleCli(path.join(dir, 'ai-ci')));
  }, 60_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('is one entry and its chunks plus onnxruntime, outside the repository, and loads onnxruntime from its own node_modules', () => {
    expect(entry.startsWith(repoRoot)).toBe(false);
    const bin = readdirSync(path.dirname(entry)).filter((f) => f.endsWith('.mjs'));
    expect(bin).toContain('ai-ci.mjs');
    // main.ts's dynamic imports split it: `carbon track` loads a small chunk, not the whole tree.
    expect(bin.filter((f) => f.startsWith('chunk-')).length).toBeGreaterThan(1);
    for (const p of NATIVE_PACKAGES) expect(existsSync(path.join(dir, 'ai-ci/node_modules', p))).toBe(true);
    expect(existsSync(path.join(dir, 'ai-ci/data/perf/noise.json.gz'))).toBe(true);
  });

  it('carries the V8 coverage hook where `ai-ci select-v8-hook` says', async () => {
    const r = await cli(['select-v8-hook']);
    expect(r.code).toBe(0);
    const hook = r.stdout.trim();
    expect(hook.startsWith(path.join(dir, 'ai-ci'))).toBe(true);
    expect(readFileSync(hook, 'utf8')).toContain('NODE_V8_COVERAGE');
  });

  it('prints its version (every module loads, the native onnxruntime binding included)', async () => {
    const r = await cli(['--version']);
    expect(r.stderr).toBe('');
    expect(r.stdout.trim()).toBe(
      JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8')).version,
    );
    expect(r.code).toBe(0);
    // onnxruntime is imported only where a model runs; --onnxruntime loads the native binding.
    const ort = await cli(['version', '--json', '--onnxruntime']);
    expect(ort.stderr).toBe('');
    expect(JSON.parse(ort.stdout).onnxruntime).toBe(
      JSON.parse(readFileSync(path.join(repoRoot, 'node_modules/onnxruntime-node/package.json'), 'utf8'))
        .version,
    );
  });

  it('validates the examples', async () => {
    const r = await cli(['validate', path.join(repoRoot, 'examples')]);
    expect(r.stdout).toMatch(/RunnerPool\/gpu: valid/);
    expect(r.stdout + r.stderr).toMatch(/7 valid, 0 invalid/);
    expect(r.code).toBe(0);
    const bad = path.join(dir, 'bad.yaml');
    writeFileSync(
      bad,
      'apiVersion: ai-ci.dev/v1alpha1\nkind: RunnerPool\nmetadata: {name: p}\nspec:\n  github: {repository: o/r, credentialsSecretRef: {name: gh}}\n  labels: [gpu]\n  minRunners: 5\n  maxRunners: 2\n',
    );
    const invalid = await cli(['validate', bad]);
    expect(invalid.stdout + invalid.stderr).toMatch(/spec\.minRunners/);
    expect(invalid.code).toBe(1);
  });

  it('reviews Python with the tree-sitter WebAssembly files shipped beside the bundle', async () => {
    const file = path.join(dir, 'leaky.py');
    writeFileSync(
      file,
      'import pandas as pd\nfrom sklearn.utils import resample\nfrom sklearn.model_selection import train_test_split\ndf = pd.read_csv("d.csv")\nup = resample(df, replace=True, n_samples=100)\ntrain, test = train_test_split(up)\n',
    );
    const r = await cli(['review', '--check-data-leakage', file]);
    expect(r.stderr).toBe('');
    expect(r.stdout).toMatch(/leaky\.py:5:6: error \[leak-overlap\]/);
    expect(r.code).toBe(1);
  }, 30_000);

  it('reports whether the grid is low-carbon', async () => {
    const r = await cli([
      'carbon',
      'now',
      '--source',
      'static',
      '--intensity',
      '120',
      '--threshold',
      '200',
      '--json',
    ]);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ lowCarbon: true });
  });

  it('predicts carbon with the model shipped beside the bundle (onnxruntime loaded on use)', async () => {
    const history = path.join(repoRoot, 'examples/carbon_reports');
    const [base, head] = readdirSync(history)
      .filter((f) => /^[0-9a-f]{40}$/.test(f))
      .slice(0, 2);
    const r = await cli([
      'carbon',
      'predict',
      '--repo',
      repoRoot,
      '--history',
      history,
      '--base-ref',
      base!,
      '--head-ref',
      head!,
      '--json',
    ]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).headWh.value).toBeGreaterThan(0);
  }, 30_000);
});
