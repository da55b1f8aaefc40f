/** Changed lines of a unified diff (`git diff base...head`, or a diff on stdin): the lines a PR review shows. */
import parseDiff from 'parse-diff';

/** path (new side) → 1-based line numbers added or changed. */
export type ChangedLines = Map<string, Set<number>>;

export function changedLines(diff: string): ChangedLines {
  const out: ChangedLines = new Map();
  for (const file of parseDiff(diff)) {
    const to = file.to;
    if (!to || to === '/dev/null') continue;
    const lines = new Set<number>();
    for (const chunk of file.chunks) {
      for (const change of chunk.changes) if (change.type === 'add') lines.add(change.ln);
    }
    out.set(to, lines);
  }
  return out;
}

/** Whether a finding touches a changed line: its own line range or one of its related locations. */
export function touchesChange(
  changed: ChangedLines,
  loc: { path: string; line: number; endLine: number },
  related: readonly { path: string; line: number }[] = [],
): boolean {
  const norm = (p: string) => p.replace(/\\/g, '/').replace(/^\.\//, '');
  const lines = changed.get(norm(loc.path));
  if (lines) for (let l = loc.line; l <= Math.max(loc.line, loc.endLine); l++) if (lines.has(l)) return true;
  return related.some((r) => changed.get(norm(r.path))?.has(r.line));
}
