/**
 * Jupyter notebooks (nbformat 4): the code cells joined into one Python program in execution order, with a map
 * from each line of that program back to its cell, its line in the cell and its line in the .ipynb file (so that
 * GitHub annotations and diff filtering land on the line a reviewer sees in the pull request's diff).
 */
import { type Node as JsonNode, type ParseError, parseTree } from 'jsonc-parser';

export interface NotebookLine {
  /** 1-based cell number in document order (markdown cells counted, as Jupyter numbers them). */
  cell: number;
  executionCount: number | null;
  /** 1-based line within the cell. */
  line: number;
  /** 1-based line of the .ipynb file holding this source line. */
  fileLine: number;
}

export interface JoinedNotebook {
  /** The code cells joined, IPython magics and shell escapes blanked (line numbers kept). */
  source: string;
  /** lines[i] describes line i+1 of `source`. */
  lines: NotebookLine[];
  /** How the cells were ordered: by execution count when every code cell has a distinct one, else as written. */
  order: 'execution' | 'document';
}

export class NotebookError extends Error {}

/** Cell magics whose body is still Python. */
const PYTHON_CELL_MAGICS = new Set(['time', 'timeit', 'capture', 'prun', 'debug']);

function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) starts.push(i + 1);
  return starts;
}

function lineOf(starts: number[], offset: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid]! <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo + 1;
}

const prop = (obj: JsonNode | undefined, key: string): JsonNode | undefined =>
  obj?.children?.find((p) => p.children?.[0]?.value === key)?.children?.[1];

/**
 * A line IPython would not hand to Python: `%magic`, `!shell`, `obj?` help, and their results assigned
 * (`files = !ls`, `out = %sx ls`).
 */
function isIPythonLine(line: string): boolean {
  const t = line.trimStart();
  return t.startsWith('%') || t.startsWith('!') || /^[\w.]+\?\??\s*$/.test(t) || /^[\w.,\s]+=\s*[!%]/.test(t);
}

export function joinNotebook(text: string): JoinedNotebook {
  const errors: ParseError[] = [];
  const tree = parseTree(text, errors, { allowTrailingComma: false, disallowComments: true });
  if (!tree || errors.length > 0 || tree.type !== 'object') {
    throw new NotebookError(
      `not a notebook: invalid JSON${errors[0] ? ` at line ${lineOf(lineStarts(text), errors[0].offset)}` : ''}`,
    );
  }
  const cellsNode = prop(tree, 'cells');
  if (cellsNode?.type !== 'array') throw new NotebookError('not a notebook: no "cells" array');
  const starts = lineStarts(text);
  interface Code {
    cell: number;
    executionCount: number | null;
    rows: { text: string; fileLine: number }[];
  }
  const code: Code[] = [];
  (cellsNode.children ?? []).forEach((cellNode, i) => {
    if (prop(cellNode, 'cell_type')?.value !== 'code') return;
    const ec = prop(cellNode, 'execution_count')?.value;
    const src = prop(cellNode, 'source');
    const rows: Code['rows'] = [];
    const pieces: { text: string; offset: number }[] =
      src?.type === 'array'
        ? (src.children ?? []).map((c) => ({ text: String(c.value ?? ''), offset: c.offset }))
        : src?.type === 'string'
          ? [{ text: String(src.value), offset: src.offset }]
          : [];
    for (const piece of pieces) {
      const fileLine = lineOf(starts, piece.offset);
      const parts = piece.text.split('\n');
      if (parts.length > 1 && parts[parts.length - 1] === '') parts.pop();
      // A string source spans one JSON line: every cell line maps to it.
      parts.forEach((t, k) => {
        rows.push({ text: t, fileLine: src?.type === 'string' ? fileLine : fileLine + k });
      });
    }
    code.push({ cell: i + 1, executionCount: typeof ec === 'number' ? ec : null, rows });
  });
  const counts = code.map((c) => c.executionCount);
  const byExecution =
    code.length > 0 && counts.every((c) => c !== null) && new Set(counts).size === counts.length;
  if (byExecution) code.sort((a, b) => a.executionCount! - b.executionCount!);
  const out: string[] = [];
  const lines: NotebookLine[] = [];
  for (const c of code) {
    const first = c.rows[0]?.text.trimStart() ?? '';
    const cellMagic = first.startsWith('%%') ? (first.slice(2).split(/\s/)[0] ?? '') : undefined;
    const blankAll = cellMagic !== undefined && !PYTHON_CELL_MAGICS.has(cellMagic);
    // Inside brackets, after a backslash or inside a triple-quoted string, a line continues what came before
    // (`% b)` is a modulo, `!` in SQL text is text), not a magic.
    let depth = 0;
    let continued = false;
    let inString = false;
    c.rows.forEach((r, k) => {
      const cellBlank = blankAll || (k === 0 && cellMagic !== undefined);
      const magic = !cellBlank && depth === 0 && !continued && !inString && isIPythonLine(r.text);
      if (!cellBlank && !magic) {
        const wasString = inString;
        if ((r.text.match(/"""|'''/g)?.length ?? 0) % 2 === 1) inString = !inString;
        if (!wasString && !inString) {
          const code = r.text.replace(/(["'])(?:\\.|(?!\1).)*\1/g, '""').replace(/#.*$/, '');
          depth = Math.max(
            0,
            depth + (code.match(/[([{]/g)?.length ?? 0) - (code.match(/[)\]}]/g)?.length ?? 0),
          );
          continued = /\\\s*$/.test(code);
        }
      }
      // `%time stmt`, `%timeit stmt`: the statement runs (the magic only times it). Another indented magic
      // (`    !pip install x` in an if block) becomes `pass`, so that the block still parses.
      const indent = /^\s*/.exec(r.text)?.[0] ?? '';
      const timed = magic
        ? /^\s*%(?:time|timeit|prun|debug)\s+(?:-[nrp]\s*\d+\s+|-[a-z]\s+)*(.*)$/.exec(r.text)
        : null;
      const kept = timed?.[1] ? `${indent}${timed[1]}` : indent ? `${indent}pass` : '';
      out.push(cellBlank ? '' : magic ? kept : r.text);
      lines.push({ cell: c.cell, executionCount: c.executionCount, line: k + 1, fileLine: r.fileLine });
    });
    // A blank line between cells keeps an unterminated block in one cell from swallowing the next.
    out.push('');
    lines.push({
      cell: c.cell,
      executionCount: c.executionCount,
      line: c.rows.length + 1,
      fileLine: c.rows.at(-1)?.fileLine ?? 1,
    });
  }
  return { source: out.join('\n'), lines, order: byExecution ? 'execution' : 'document' };
}
