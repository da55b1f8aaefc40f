/** The README's table of `ai-ci review` rules, from the rules' own metadata (src/analysis/review/rules). */
import { RULES } from '../../src/analysis/review/index.js';

const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');

export function renderReviewRulesReference(): string {
  const rows = RULES.map(
    (r) =>
      `| \`${r.id}\` | ${r.family} / ${r.kind} | ${r.severity} | ${r.confidence} | ${cell(r.summary)} | ${cell(r.fix)} |`,
  );
  return [
    '| rule | family / kind | severity | confidence | finds | fix |',
    '| --- | --- | --- | --- | --- | --- |',
    ...rows,
  ].join('\n');
}
