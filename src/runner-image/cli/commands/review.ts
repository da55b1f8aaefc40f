/**
 * `ai-ci review`: ML code review of Python files and notebooks (data leakage, reproducibility, performance
 * pitfalls). Flags → src/analysis/review → annotations / SARIF / JSON / Markdown / text.
 */
import { execFile } from 'node:child_process';
import { appendFileSync, existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { promisify } from 'node:util';
import { type Command, Option } from 'commander';
import picomatch from 'picomatch';
import {
  type ChangedLines,
  ConfigError,
  changedLines,
  type FailOn,
  type Family,
  type Finding,
  isReviewable,
  parseConfig,
  type ReviewConfig,
  reviewSources,
  SEVERITY_RANK,
  type SourceFile,
  toAnnotations,
  toMarkdown,
  toSarif,
  touchesChange,
} from '../../../analysis/review/index.js';
import { CliError, ExitCode } from '../exit-codes.js';
import { type MlflowFlags, mlflowExport, mlflowOptions } from '../mlflow.js';
import { traceResult } from '../tracing.js';
import { packageVersion } from '../version.js';

const run = promisify(execFile);

export const OUTPUT_FORMATS = ['text', 'github-annotations', 'sarif', 'json', 'markdown'] as const;
type OutputFormat = (typeof OUTPUT_FORMATS)[number];
const FAIL_ON = ['error', 'warning', 'note', 'never'] as const;
export const DEFAULT_CONFIG = '.ai-ci-review.yaml';

interface Flags extends MlflowFlags {
  checkDataLeakage?: boolean;
  checkReproducibility?: boolean;
  checkPerformanceImpact?: boolean;
  outputFormat: OutputFormat;
  output?: string;
  sarif?: string;
  summary?: string;
  baseRef?: string;
  headRef: string;
  diff?: string;
  config?: string;
  failOn?: FailOn;
  select?: string;
  ignore?: string;
}

const SKIP_DIRS = new Set(['node_modules', '__pycache__', 'venv', 'site-packages', 'dist', 'build']);

/** Reviewable files named or under named folders, sorted; dot-folders and virtualenvs skipped. */
function collect(paths: string[], exclude: (p: string) => boolean): { files: string[]; missing: string[] } {
  const files: string[] = [];
  const missing: string[] = [];
  const walk = (dir: string) => {
    for (const e of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const p = dir === '.' ? e.name : join(dir, e.name);
      if (e.isDirectory()) {
        if (!e.name.startsWith('.') && !SKIP_DIRS.has(e.name) && !exclude(p)) walk(p);
      } else if (isReviewable(p) && !exclude(p)) files.push(p);
    }
  };
  for (const p of paths) {
    try {
      if (statSync(p).isDirectory()) walk(p);
      else if (!exclude(p)) files.push(p);
    } catch {
      missing.push(p);
    }
  }
  return { files: [...new Set(files)], missing };
}

async function gitDiff(base: string, head: string): Promise<string> {
  try {
    const { stdout } = await run(
      'git',
      ['diff', '--no-color', '--no-ext-diff', '--unified=0', `${base}...${head}`],
      {
        maxBuffer: 256 * 1024 * 1024,
      },
    );
    return stdout;
  } catch (err) {
    const e = err as { stderr?: string; message?: string };
    throw new CliError(
      `git diff ${base}...${head} failed: ${(e.stderr || e.message || '').trim().split('\n')[0]} (in a shallow clone, fetch the base: actions/checkout with fetch-depth: 0)`,
      ExitCode.InputError,
    );
  }
}

function readDiff(source: string): string {
  try {
    return readFileSync(source === '-' ? 0 : source, 'utf8');
  } catch (err) {
    throw new CliError(
      `${source === '-' ? 'stdin' : source}: cannot read the diff (${(err as Error).message})`,
      ExitCode.InputError,
    );
  }
}

function loadConfig(path: string | undefined): ReviewConfig {
  const file = path ?? (existsSync(DEFAULT_CONFIG) ? DEFAULT_CONFIG : undefined);
  if (!file) return { select: [], ignore: [], exclude: [] };
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    throw new CliError(
      `${file}: cannot read the config file (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`,
      ExitCode.InputError,
    );
  }
  try {
    return parseConfig(text);
  } catch (err) {
    if (err instanceof ConfigError) throw new CliError(`${file}: ${err.message}`, ExitCode.Usage);
    throw err;
  }
}

const list = (v: string | undefined) =>
  v
    ? v
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean)
    : [];

function textReport(
  findings: readonly Finding[],
  problems: { path: string; line?: number; message: string }[],
): string {
  const out: string[] = [];
  for (const f of findings) {
    if (f.suppressed) continue;
    const l = f.location;
    const cell = l.cell ? ` (cell ${l.cell.cell}, line ${l.cell.line})` : '';
    out.push(`${l.path}:${l.line}:${l.column}: ${f.severity} [${f.ruleId}] ${f.message}${cell}`);
    out.push(`    why: ${f.why}`);
    out.push(`    fix: ${f.fix}`);
  }
  for (const p of problems) out.push(`${p.path}${p.line ? `:${p.line}` : ''}: ${p.message}`);
  const active = findings.filter((f) => !f.suppressed);
  const suppressed = findings.length - active.length;
  out.push(
    `${active.length} finding${active.length === 1 ? '' : 's'}${suppressed ? ` (${suppressed} suppressed)` : ''}`,
  );
  return `${out.join('\n')}\n`;
}

export async function reviewCommand(paths: string[], flags: Flags, env = process.env): Promise<number> {
  const config = loadConfig(flags.config);
  const exclude = config.exclude.length ? picomatch(config.exclude, { dot: true }) : () => false;
  let changed: ChangedLines | undefined;
  if (flags.diff !== undefined) changed = changedLines(readDiff(flags.diff));
  else if (flags.baseRef) changed = changedLines(await gitDiff(flags.baseRef, flags.headRef));

  let targets = paths.length ? paths : ['.'];
  if (changed) {
    // Only changed files (under the named paths) are read; findings are then kept on changed lines only.
    const under = (p: string) =>
      !paths.length ||
      paths.some((root) => root === '.' || p === root || p.startsWith(`${root.replace(/\/$/, '')}/`));
    targets = [...changed.keys()].filter((p) => isReviewable(p) && under(p) && existsSync(p));
    if (targets.length === 0) targets = [];
  }
  const { files, missing } = targets.length ? collect(targets, exclude) : { files: [], missing: [] };
  const sources: SourceFile[] = [];
  const unreadable: { path: string; message: string }[] = missing.map((p) => ({
    path: p,
    message: 'no such file or directory',
  }));
  for (const f of files) {
    try {
      const rel = relative('.', f);
      sources.push({ path: rel && !rel.startsWith('..') ? rel : f, text: readFileSync(f, 'utf8') });
    } catch (err) {
      unreadable.push({
        path: f,
        message: `cannot be read (${(err as NodeJS.ErrnoException).code ?? 'error'})`,
      });
    }
  }
  const families: Family[] = [
    ...(flags.checkDataLeakage ? (['leakage'] as const) : []),
    ...(flags.checkReproducibility ? (['reproducibility'] as const) : []),
    ...(flags.checkPerformanceImpact ? (['performance'] as const) : []),
  ];
  const result = await reviewSources(sources, {
    families,
    select: [...config.select, ...list(flags.select)],
    ignore: [...config.ignore, ...list(flags.ignore)],
  });
  let findings = result.findings;
  if (changed) {
    const c = changed;
    findings = findings.filter((f) => touchesChange(c, f.location, f.related));
  }
  const problems = [...unreadable, ...result.problems];
  const version = packageVersion();
  const render = (format: OutputFormat): string => {
    switch (format) {
      case 'github-annotations':
        return toAnnotations(findings, problems);
      case 'sarif':
        return `${JSON.stringify(toSarif(findings, result.rules, problems, { toolVersion: version }), null, 2)}\n`;
      case 'json':
        return `${JSON.stringify(
          {
            version,
            files: result.files,
            rules: result.rules.map((r) => r.id),
            findings,
            problems,
            ...(changed ? { changedFiles: changed.size } : {}),
          },
          null,
          2,
        )}\n`;
      case 'markdown':
        return toMarkdown(findings, problems, result.files);
      default:
        return textReport(findings, problems);
    }
  };
  const body = render(flags.outputFormat);
  if (flags.output) writeFileSync(flags.output, body);
  else process.stdout.write(body);
  if (flags.sarif) writeFileSync(flags.sarif, render('sarif'));
  const summaryFile =
    flags.summary ?? (flags.outputFormat === 'github-annotations' ? env.GITHUB_STEP_SUMMARY : undefined);
  if (summaryFile) appendFileSync(summaryFile, toMarkdown(findings, problems, result.files));

  for (const u of unreadable) process.stderr.write(`ai-ci: ${u.path}: ${u.message}\n`);
  const failOn = flags.failOn ?? config.failOn ?? 'error';
  const failing =
    failOn !== 'never' &&
    findings.some((f) => !f.suppressed && SEVERITY_RANK[f.severity] >= SEVERITY_RANK[failOn]);
  const code = unreadable.length ? ExitCode.InputError : failing ? ExitCode.Finding : ExitCode.Ok;
  traceResult((t) => t.review(findings, { files: result.files, problems }, failOn, failing));
  await mlflowExport(flags, (m) => m.reviewRun({ ...result, findings, problems }, render('json'), code));
  return code;
}

export function registerReview(program: Command): void {
  const review = program
    .command('review')
    .description(
      'ML code review of Python files and notebooks: data leakage (selection, overlap, preprocessing, target), reproducibility and performance pitfalls',
    )
    .argument('[paths...]', 'files or folders (.py, .ipynb, requirements*.txt, pyproject.toml); default: .')
    .option('--check-data-leakage', 'run the leakage rules (with none of the three --check flags, all run)')
    .option('--check-reproducibility', 'run the reproducibility rules')
    .option('--check-performance-impact', 'run the performance rules')
    .addOption(
      new Option('--output-format <format>', 'output format').choices([...OUTPUT_FORMATS]).default('text'),
    )
    .option('-o, --output <file>', 'write the output here instead of stdout')
    .option('--sarif <file>', 'also write SARIF 2.1.0 here (for github/codeql-action/upload-sarif)')
    .option(
      '--summary <file>',
      'append the Markdown summary here (default with github-annotations: $GITHUB_STEP_SUMMARY)',
    )
    .option('--base-ref <ref>', 'report only findings on lines changed since the merge base with this ref')
    .option('--head-ref <ref>', 'the head of the change, with --base-ref', 'HEAD')
    .option('--diff <file>', "report only findings on lines added in this unified diff ('-' for stdin)")
    .option('--config <file>', `configuration file (default: ${DEFAULT_CONFIG} if present)`)
    .addOption(
      new Option(
        '--fail-on <severity>',
        'exit 1 when a finding is at least this severe (default: error)',
      ).choices([...FAIL_ON]),
    )
    .option('--select <rules>', 'comma-separated rule ids or families to run')
    .option('--ignore <rules>', 'comma-separated rule ids or families to skip');
  mlflowOptions(review).action(async (paths: string[], flags: Flags) => {
    try {
      process.exitCode = await reviewCommand(paths, flags);
    } catch (err) {
      if (err instanceof ConfigError) throw new CliError(err.message, ExitCode.Usage);
      throw err;
    }
  });
}
