/**
 * Inline suppression: `# ai-ci: ignore[rule-id, other-id] the reason` on the finding's line, or alone on the line
 * above it. A family name (`leakage`) covers its rules; `ignore` with no brackets covers all. The reason is kept
 * (SARIF `suppressions[].justification`), and a suppression without one says so.
 */
const PATTERN = /#\s*ai-ci:\s*ignore(?:\[([^\]]*)\])?\s*(.*)$/;

export interface Suppression {
  ids: string[] | 'all';
  reason: string;
}

export function parseSuppression(line: string): Suppression | undefined {
  const m = PATTERN.exec(line);
  if (!m) return undefined;
  const ids =
    m[1] === undefined
      ? 'all'
      : m[1]
          .split(',')
          .map((s) => s.trim())
          .filter(Boolean);
  return { ids, reason: m[2]?.trim() || '(no reason given)' };
}

/** A lookup: the suppression covering a finding of `ruleId` on 1-based `line`, if any. */
export function suppressionsOf(lines: readonly string[]) {
  const byLine = new Map<number, Suppression>();
  lines.forEach((l, i) => {
    if (!l.includes('ai-ci:')) return;
    const s = parseSuppression(l);
    if (s) byLine.set(i + 1, s);
  });
  return (line: number, ruleId: string, family: string): Suppression | undefined => {
    const covers = (s: Suppression | undefined) =>
      s && (s.ids === 'all' || s.ids.includes(ruleId) || s.ids.includes(family)) ? s : undefined;
    const same = covers(byLine.get(line));
    if (same) return same;
    const above = byLine.get(line - 1);
    return above && /^\s*#/.test(lines[line - 2] ?? '') ? covers(above) : undefined;
  };
}
