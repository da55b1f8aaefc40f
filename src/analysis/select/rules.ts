import { posix } from 'node:path';
import picomatch from 'picomatch';
import { parse as parseYaml } from 'yaml';
import { SelectInputError } from './errors.js';

/** What a change to a matching file means for the tests. */
export type RuleRun =
  | { run: 'all' }
  | { run: 'none' }
  /** The tests in the file's directory and below (how pytest applies a conftest.py). */
  | { run: 'directory' }
  | { run: 'tests'; tests: readonly string[] }
  /** Only the tests whose code, or code they import, names the file (its base name): the tests that read it. */
  | { run: 'referencing' };

/** A declared dependency of tests on files no import names (configs, lockfiles, data, CI files). */
export type DependencyRule = { name: string; paths: readonly string[] } & RuleRun;

/**
 * The rules used when the repository declares none for a file. Build, runner and CI configuration and lockfiles
 * can change any test's outcome, so they run everything (a `package.json` change that touches only metadata or
 * scripts no test run executes is narrowed by plan.ts, see manifest.ts). Lint and format configuration and prose
 * change no test's outcome except a test that reads them: they select the tests whose code names the file.
 * Declared rules come first and win.
 */
export const DEFAULT_RULES: readonly DependencyRule[] = [
  {
    name: 'test runner configuration',
    paths: [
      '**/vitest.config.*',
      '**/vitest.workspace.*',
      '**/vite.config.*',
      '**/jest.config.*',
      '**/jest.setup.*',
      '**/babel.config.*',
      '**/.babelrc*',
      '**/tsconfig*.json',
      '**/package.json',
      '**/pytest.ini',
      '**/tox.ini',
      '**/setup.cfg',
      '**/setup.py',
      '**/pyproject.toml',
      '**/.coveragerc',
      '**/noxfile.py',
    ],
    run: 'all',
  },
  {
    name: 'lockfile or dependency list',
    paths: [
      '**/package-lock.json',
      '**/npm-shrinkwrap.json',
      '**/yarn.lock',
      '**/pnpm-lock.yaml',
      '**/bun.lock*',
      '**/poetry.lock',
      '**/uv.lock',
      '**/Pipfile',
      '**/Pipfile.lock',
      '**/requirements*.txt',
      '**/requirements/**',
      '**/constraints*.txt',
    ],
    run: 'all',
  },
  {
    name: 'CI configuration',
    paths: [
      '.github/**',
      '.gitlab-ci.yml',
      '.ci/**',
      '.circleci/**',
      'azure-pipelines.yml',
      'Jenkinsfile',
      '.ai-ci/**',
    ],
    run: 'all',
  },
  {
    name: 'lint and format configuration',
    paths: [
      '**/biome.json',
      '**/biome.jsonc',
      '**/.eslintrc*',
      '**/eslint.config.*',
      '**/.eslintignore',
      '**/.prettierrc*',
      '**/prettier.config.*',
      '**/.prettierignore',
      '**/.stylelintrc*',
      '**/stylelint.config.*',
      '**/.markdownlint*',
      '**/ruff.toml',
      '**/.ruff.toml',
      '**/.flake8',
      '**/.pylintrc',
      '**/pylintrc',
      '**/.isort.cfg',
      '**/.pre-commit-config.yaml',
      '**/.yamllint*',
      '**/.codespellrc',
      '**/commitlint.config.*',
      '**/.commitlintrc*',
      '**/.lintstagedrc*',
      '**/.husky/**',
      '**/.vscode/**',
      '**/.idea/**',
    ],
    run: 'referencing',
  },
  {
    name: 'documentation',
    paths: [
      '**/*.md',
      '**/*.rst',
      'docs/**',
      'doc/**',
      '**/LICENSE*',
      '**/COPYING*',
      '**/AUTHORS*',
      '**/CHANGELOG*',
      '**/CHANGES*',
      '**/.gitignore',
      '**/.gitattributes',
      '**/.editorconfig',
      '**/*.png',
      '**/*.svg',
    ],
    run: 'referencing',
  },
];

function stringList(value: unknown, file: string, where: string): string[] {
  if (!Array.isArray(value) || value.length === 0 || !value.every((v) => typeof v === 'string' && v !== '')) {
    throw new SelectInputError(file, `${where} must be a non-empty list of glob strings`);
  }
  return value as string[];
}

/**
 * Reads declared rules (YAML or JSON):
 * ```yaml
 * rules:
 *   - name: golden files
 *     paths: ["tests/golden/**"]
 *     run: tests            # all | none | directory | tests | referencing
 *     tests: ["tests/test_render.py"]
 * ```
 */
export function parseRules(file: string, text: string): DependencyRule[] {
  let doc: unknown;
  try {
    doc = parseYaml(text);
  } catch (err) {
    throw new SelectInputError(file, `not valid YAML (${(err as Error).message.split('\n')[0]})`);
  }
  const rules = (doc as { rules?: unknown } | null)?.rules;
  if (!Array.isArray(rules)) throw new SelectInputError(file, 'needs a top-level "rules" list');
  return rules.map((raw, i): DependencyRule => {
    const where = `rules[${i}]`;
    if (typeof raw !== 'object' || raw === null)
      throw new SelectInputError(file, `${where} is not a mapping`);
    const r = raw as Record<string, unknown>;
    const name = typeof r.name === 'string' && r.name !== '' ? r.name : `${where}`;
    const paths = stringList(r.paths, file, `${where}.paths`);
    switch (r.run) {
      case 'all':
      case 'none':
      case 'directory':
      case 'referencing':
        return { name, paths, run: r.run };
      case 'tests':
        return { name, paths, run: 'tests', tests: stringList(r.tests, file, `${where}.tests`) };
      default:
        throw new SelectInputError(
          file,
          `${where}.run is ${JSON.stringify(r.run)}; expected one of all, none, directory, tests, referencing`,
        );
    }
  });
}

/** Rules with their globs compiled once (matching thousands of paths stays cheap). */
export class RuleSet {
  private readonly compiled: { rule: DependencyRule; match: (p: string) => boolean }[];

  constructor(rules: readonly DependencyRule[]) {
    this.compiled = rules.map((rule) => ({ rule, match: picomatch([...rule.paths], { dot: true }) }));
  }

  /** The first rule whose paths match the file. */
  match(path: string): DependencyRule | undefined {
    return this.compiled.find((c) => c.match(path))?.rule;
  }

  /** Whether a rule is one of the defaults (not declared by the repository). */
  static isDefault(rule: DependencyRule): boolean {
    return DEFAULT_RULES.includes(rule);
  }

  /** The tests a rule selects for a change to `path` ('all' when it runs everything). */
  static testsFor(rule: DependencyRule, path: string, tests: readonly string[]): readonly string[] | 'all' {
    switch (rule.run) {
      case 'all':
        return 'all';
      case 'none':
      case 'referencing': // the tests that name the file are found by selectTests (it has the graph)
        return [];
      case 'directory': {
        const dir = posix.dirname(path);
        return dir === '.' ? 'all' : tests.filter((t) => t.startsWith(`${dir}/`));
      }
      case 'tests': {
        const match = picomatch([...rule.tests], { dot: true });
        return tests.filter((t) => match(t));
      }
    }
  }
}
