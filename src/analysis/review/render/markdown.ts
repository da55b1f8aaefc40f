/** The Markdown job summary ($GITHUB_STEP_SUMMARY): counts per family and severity, then each finding. */
import type { FileProblem } from '../review.js';
import type { Finding, Severity } from '../types.js';

const ICON: Record<Severity, string> = { error: '🔴', warning: '🟠', note: '🔵' };
const cellEscape = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');

export function toMarkdown(
  findings: readonly Finding[],
  problems: readonly FileProblem[],
  files: number,
): string {
  const active = findings.filter((f) => !f.suppressed);
  const out: string[] = ['## ai-ci review: ML code review', ''];
  if (active.length === 0) out.push(`No findings in ${files} file${files === 1 ? '' : 's'}.`, '');
  else {
    out.push(
      `${active.length} finding${active.length === 1 ? '' : 's'} in ${files} file${files === 1 ? '' : 's'}.`,
      '',
    );
    out.push('| family | error | warning | note |', '| --- | ---: | ---: | ---: |');
    for (const family of ['leakage', 'reproducibility', 'performance'] as const) {
      const n = (s: Severity) => active.filter((f) => f.family === family && f.severity === s).length;
      out.push(`| ${family} | ${n('error')} | ${n('warning')} | ${n('note')} |`);
    }
    out.push('', '| | where | rule | what | why | fix |', '| --- | --- | --- | --- | --- | --- |');
    for (const f of active) {
      const where = `\`${f.location.path}:${f.location.line}\`${f.location.cell ? ` (cell ${f.location.cell.cell}, line ${f.location.cell.line})` : ''}`;
      out.push(
        `| ${ICON[f.severity]} | ${cellEscape(where)} | \`${f.ruleId}\` | ${cellEscape(f.message)} | ${cellEscape(f.why)} | ${cellEscape(f.fix)} |`,
      );
    }
    out.push('');
  }
  const suppressed = findings.filter((f) => f.suppressed);
  if (suppressed.length) {
    out.push(`<details><summary>${suppressed.length} suppressed</summary>`, '');
    for (const f of suppressed)
      out.push(
        `- \`${f.location.path}:${f.location.line}\` \`${f.ruleId}\`: ${cellEscape(f.suppressed!.reason)}`,
      );
    out.push('', '</details>', '');
  }
  if (problems.length) {
    out.push('### Not fully reviewed', '');
    for (const p of problems)
      out.push(`- \`${p.path}${p.line ? `:${p.line}` : ''}\`: ${cellEscape(p.message)}`);
    out.push('');
  }
  return out.join('\n');
}
