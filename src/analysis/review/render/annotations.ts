/**
 * GitHub workflow commands (`::error file=…,line=…::message`): each finding becomes an annotation on the pull
 * request's diff. Escaping as the runner's toolkit does (`%`, CR and LF in data; also `:` and `,` in properties).
 */
import type { FileProblem } from '../review.js';
import type { Finding } from '../types.js';

const escapeData = (s: string) => s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
const escapeProperty = (s: string) => escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');

export function toAnnotations(findings: readonly Finding[], problems: readonly FileProblem[] = []): string {
  const lines: string[] = [];
  for (const f of findings) {
    if (f.suppressed) continue;
    const l = f.location;
    const props = [
      `file=${escapeProperty(l.path)}`,
      `line=${l.line}`,
      `endLine=${Math.max(l.endLine, l.line)}`,
      ...(l.endLine <= l.line ? [`col=${l.column}`, `endColumn=${Math.max(l.endColumn, l.column)}`] : []),
      `title=${escapeProperty(`ai-ci review: ${f.ruleId}${l.cell ? ` (cell ${l.cell.cell}, line ${l.cell.line})` : ''}`)}`,
    ];
    lines.push(`::${f.severity} ${props.join(',')}::${escapeData(`${f.message}\n${f.why}\nFix: ${f.fix}`)}`);
  }
  for (const p of problems) {
    const props = [
      `file=${escapeProperty(p.path)}`,
      ...(p.line ? [`line=${p.line}`] : []),
      'title=ai-ci review',
    ];
    lines.push(`::warning ${props.join(',')}::${escapeData(p.message)}`);
  }
  return lines.length ? `${lines.join('\n')}\n` : '';
}
