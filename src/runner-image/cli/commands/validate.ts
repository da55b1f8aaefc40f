import { readdirSync, readFileSync, statSync } from 'node:fs';
import { extname, join } from 'node:path';
import type { Command } from 'commander';
import { type DocumentReport, validateManifestText } from '../../../api/manifest.js';
import { ExitCode } from '../exit-codes.js';

const MANIFEST_EXTENSIONS = new Set(['.yaml', '.yml', '.json']);

interface FileReport {
  file: string;
  /** Set when the file could not be read or parsed. */
  error?: { line?: number; column?: number; message: string };
  documents: DocumentReport[];
}

/** Files named on the command line, and manifest files under named directories (sorted; dot-folders skipped). */
function collect(paths: string[]): { files: string[]; unreadable: FileReport[] } {
  const files: string[] = [];
  const unreadable: FileReport[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) =>
      a.name.localeCompare(b.name),
    )) {
      const p = join(dir, entry.name);
      if (entry.isDirectory()) {
        if (!entry.name.startsWith('.') && entry.name !== 'node_modules') walk(p);
      } else if (MANIFEST_EXTENSIONS.has(extname(entry.name).toLowerCase())) files.push(p);
    }
  };
  for (const p of paths) {
    try {
      if (statSync(p).isDirectory()) walk(p);
      else files.push(p);
    } catch (err) {
      unreadable.push({ file: p, error: { message: errorText(err) }, documents: [] });
    }
  }
  return { files, unreadable };
}

function errorText(err: unknown): string {
  const e = err as NodeJS.ErrnoException;
  if (e?.code === 'ENOENT') return 'no such file or directory';
  if (e?.code === 'EACCES') return 'permission denied';
  return e instanceof Error ? e.message : String(err);
}

function validateFile(file: string): FileReport {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    return { file, error: { message: errorText(err) }, documents: [] };
  }
  const report = validateManifestText(text);
  const first = report.parseErrors[0];
  if (first) {
    return { file, error: { line: first.line, column: first.column, message: first.message }, documents: [] };
  }
  return { file, documents: report.documents };
}

export function registerValidate(program: Command): void {
  program
    .command('validate')
    .description(
      'check RunnerPool and CarbonPolicy manifests against the ai-ci.dev/v1alpha1 schema and CEL rules (what the ' +
        'apiserver enforces, plus unknown fields); directories are searched for *.yaml, *.yml and *.json, and ' +
        'documents that are not ai-ci resources are skipped',
    )
    .argument('<paths...>', 'manifest files or directories')
    .option('--json', 'print the report as JSON')
    .addHelpText(
      'after',
      '\nOutput: FILE:LINE:COL: KIND/NAME: FIELD: MESSAGE for each problem.\n' +
        'Exit codes: 0 all valid, 1 an invalid resource, 3 a file could not be read or parsed.',
    )
    .action((paths: string[], opts: { json?: boolean }) => {
      const { files, unreadable } = collect(paths);
      const reports = [...unreadable, ...files.map(validateFile)];
      const docs = reports.flatMap((r) => r.documents);
      const summary = {
        files: reports.length,
        resources: docs.filter((d) => d.status !== 'skipped').length,
        valid: docs.filter((d) => d.status === 'valid').length,
        invalid: docs.filter((d) => d.status === 'invalid').length,
        skipped: docs.filter((d) => d.status === 'skipped').length,
        unreadable: reports.filter((r) => r.error).length,
      };
      const exitCode =
        summary.unreadable > 0 ? ExitCode.InputError : summary.invalid > 0 ? ExitCode.Finding : ExitCode.Ok;

      if (opts.json) {
        process.stdout.write(`${JSON.stringify({ summary, files: reports }, null, 2)}\n`);
      } else {
        for (const r of reports) {
          if (r.error) {
            const at = r.error.line ? `:${r.error.line}:${r.error.column}` : '';
            process.stderr.write(`${r.file}${at}: error: ${r.error.message}\n`);
          }
          for (const d of r.documents) {
            const what = `${d.kind ?? '?'}/${d.name ?? '(no name)'}`;
            if (d.status === 'skipped') {
              process.stderr.write(`${r.file}:${d.line}:${d.column}: skipped: ${d.note}\n`);
            } else if (d.status === 'valid') {
              process.stdout.write(`${r.file}:${d.line}:${d.column}: ${what}: valid\n`);
            } else {
              for (const i of d.issues) {
                process.stdout.write(`${r.file}:${i.line}:${i.column}: ${what}: ${i.field}: ${i.message}\n`);
              }
            }
          }
        }
        process.stderr.write(
          `validate: ${summary.resources} resources in ${summary.files} files: ${summary.valid} valid, ` +
            `${summary.invalid} invalid, ${summary.skipped} documents skipped` +
            (summary.unreadable ? `, ${summary.unreadable} files unreadable` : '') +
            (summary.resources === 0 && summary.unreadable === 0 ? ' (no ai-ci resources found)' : '') +
            '\n',
        );
      }
      process.exitCode = exitCode;
    });
}
