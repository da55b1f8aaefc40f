/**
 * Reviews Python files and notebooks: parse (tree-sitter), interpret (data-flow facts), run the rules, place the
 * findings in their files (notebook cells mapped back), apply inline suppressions. Pure over its inputs: reading
 * files and git is the caller's business.
 */

import { loadPythonParser } from '../parsers/index.js';
import { interpret } from './flow/interpret.js';
import { joinNotebook, NotebookError, type NotebookLine } from './parse/notebook.js';
import { parsePython } from './parse/python.js';
import { PROGRAM_RULES, RULES, type RuleMeta } from './rules/index.js';
import { checkPyproject, checkRequirements, UNPINNED } from './rules/reproducibility/unpinned-deps.js';
import { collectCalls } from './rules/syntax.js';
import { suppressionsOf } from './suppress.js';
import {
  type Family,
  type Finding,
  type Location,
  type Position,
  type RawFinding,
  SEVERITY_RANK,
} from './types.js';

export interface SourceFile {
  path: string;
  text: string;
}

export interface FileProblem {
  path: string;
  line?: number;
  column?: number;
  message: string;
}

export interface Selection {
  /** Families to run (the design document's --check-* flags); all when empty. */
  families?: readonly Family[];
  /** Rule ids or families to keep (config `select`); all when empty. */
  select?: readonly string[];
  /** Rule ids or families to drop (config `ignore`). */
  ignore?: readonly string[];
}

export interface ReviewResult {
  findings: Finding[];
  /** Files that could not be read or parsed (a notebook that is not JSON), and syntax errors recovered from. */
  problems: FileProblem[];
  files: number;
  rules: readonly RuleMeta[];
}

export function selectedRules(sel: Selection): RuleMeta[] {
  const match = (r: RuleMeta, keys: readonly string[]) =>
    keys.some(
      (k) =>
        k === r.id ||
        k === r.family ||
        k === `${r.family}/${r.kind}` ||
        (k.endsWith('*') && r.id.startsWith(k.slice(0, -1))),
    );
  return RULES.filter(
    (r) =>
      (!sel.families?.length || sel.families.includes(r.family)) &&
      (!sel.select?.length || match(r, sel.select)) &&
      !(sel.ignore?.length && match(r, sel.ignore)),
  );
}

const isRequirements = (p: string) => /(^|\/)requirements[\w.-]*\.(txt|in)$/.test(p);
const isPyproject = (p: string) => /(^|\/)pyproject\.toml$/.test(p);

const isLockFile = (p: string) => /(^|\/)(uv|poetry|pdm)\.lock$/.test(p);

/** Whether `review` reads this file (Python, notebooks, dependency manifests and the lock files beside them). */
export function isReviewable(path: string): boolean {
  return /\.(py|pyi|ipynb)$/.test(path) || isRequirements(path) || isPyproject(path) || isLockFile(path);
}

export async function reviewSources(
  files: readonly SourceFile[],
  sel: Selection = {},
): Promise<ReviewResult> {
  const rules = selectedRules(sel);
  const ids = new Set(rules.map((r) => r.id));
  const programRules = PROGRAM_RULES.filter((r) => ids.has(r.id));
  const parser = await loadPythonParser();
  const findings: Finding[] = [];
  const problems: FileProblem[] = [];
  const paths = new Set(files.map((f) => f.path));
  for (const file of files) {
    // Lock files are inputs only for what they say about the manifests beside them.
    if (isLockFile(file.path)) continue;
    if (isRequirements(file.path) || isPyproject(file.path)) {
      if (!ids.has(UNPINNED.id)) continue;
      const dir = file.path.includes('/') ? file.path.slice(0, file.path.lastIndexOf('/') + 1) : '';
      if (
        isPyproject(file.path) &&
        ['uv.lock', 'poetry.lock', 'pdm.lock'].some((l) => paths.has(`${dir}${l}`))
      )
        continue;
      const raw = isRequirements(file.path)
        ? checkRequirements(file.text, file.path)
        : checkPyproject(file.text, file.path);
      const lines = file.text.split('\n');
      const sup = suppressionsOf(lines);
      for (const r of raw) findings.push(place(r, UNPINNED, file.path, undefined, sup));
      continue;
    }
    let source = file.text;
    let cells: NotebookLine[] | undefined;
    if (file.path.endsWith('.ipynb')) {
      try {
        const nb = joinNotebook(file.text);
        source = nb.source;
        cells = nb.lines;
      } catch (err) {
        problems.push({ path: file.path, message: err instanceof NotebookError ? err.message : String(err) });
        continue;
      }
    }
    const parsed = parsePython(parser, source);
    try {
      for (const e of parsed.syntaxErrors) {
        const cell = cells?.[e.line - 1];
        problems.push({
          path: file.path,
          line: cell ? cell.fileLine : e.line,
          column: e.column,
          message: `syntax error${cell ? ` in cell ${cell.cell}, line ${cell.line}` : ''}: ${e.message} (the rest of the file is still reviewed)`,
        });
      }
      const facts = interpret(parsed.root);
      const lines = source.split('\n');
      const ctx = { root: parsed.root, facts, calls: collectCalls(parsed.root, facts.imports), lines };
      const sup = suppressionsOf(lines);
      for (const rule of programRules) {
        let raw: RawFinding[];
        try {
          raw = rule.check(ctx);
        } catch (err) {
          problems.push({
            path: file.path,
            message: `rule ${rule.id} failed: ${err instanceof Error ? err.message : String(err)}`,
          });
          continue;
        }
        // A helper interpreted at each of its calls can report the same place twice: once is enough.
        const seen = new Set<string>();
        for (const r of raw) {
          const key = `${r.at.line}:${r.at.column}:${r.message}`;
          if (seen.has(key)) continue;
          seen.add(key);
          findings.push(place(r, rule, file.path, cells, sup));
        }
      }
    } finally {
      parsed.tree.delete();
    }
  }
  findings.sort(compareFindings);
  return { findings, problems, files: files.length, rules };
}

const RULE_ORDER = new Map(RULES.map((r, i) => [r.id, i]));

/** By file, then severity (errors first), then rule rank, then line. */
export function compareFindings(a: Finding, b: Finding): number {
  return (
    a.location.path.localeCompare(b.location.path) ||
    SEVERITY_RANK[b.severity] - SEVERITY_RANK[a.severity] ||
    (RULE_ORDER.get(a.ruleId) ?? 0) - (RULE_ORDER.get(b.ruleId) ?? 0) ||
    a.location.line - b.location.line
  );
}

function locate(at: Position, path: string, cells: NotebookLine[] | undefined): Location {
  if (!cells) return { path, ...at };
  const start = cells[at.line - 1];
  const end = cells[at.endLine - 1] ?? start;
  if (!start) return { path, ...at };
  return {
    path,
    line: start.fileLine,
    column: at.column,
    endLine: Math.max(end?.fileLine ?? start.fileLine, start.fileLine),
    endColumn: at.endColumn,
    cell: { cell: start.cell, executionCount: start.executionCount, line: start.line },
  };
}

function place(
  r: RawFinding,
  rule: RuleMeta,
  path: string,
  cells: NotebookLine[] | undefined,
  sup: ReturnType<typeof suppressionsOf>,
): Finding {
  const location = locate(r.at, path, cells);
  const where = (l: Location) => (l.cell ? `cell ${l.cell.cell} line ${l.cell.line}` : `line ${l.line}`);
  // Rules speak of program lines; in a notebook, name the cell and line instead.
  const why = cells
    ? r.why.replace(/\bline (\d+)/g, (_m, n: string) =>
        where(locate({ line: Number(n), column: 1, endLine: Number(n), endColumn: 1 }, path, cells)),
      )
    : r.why;
  const finding: Finding = {
    ruleId: r.ruleId,
    family: rule.family,
    kind: r.kind,
    severity: r.severity ?? rule.severity,
    confidence: r.confidence,
    location,
    message: r.message,
    why,
    fix: r.fix ?? rule.fix,
    related: (r.related ?? []).map((x) => ({ ...locate(x.at, path, cells), message: x.message })),
  };
  const s = sup(r.at.line, r.ruleId, rule.family);
  if (s) finding.suppressed = { reason: s.reason };
  return finding;
}
