import { changeInWords, percent, quantity } from './format.js';
import type { AnalysisReport, BenchmarkAnalysis, BenchmarkVerdict } from './types.js';

/** Hidden marker that identifies ai-ci's PR comment, so a later run updates it instead of adding another. */
export const COMMENT_MARKER = '<!-- ai-ci:perf-regression-report -->';

const VERDICT_LABEL: Record<BenchmarkVerdict, string> = {
  regression: '🔴 regression',
  improvement: '🟢 improvement',
  'no-change': '⚪ no change',
  inconclusive: '🟡 inconclusive',
  'no-baseline': '⚫ no baseline',
};

/** Markdown table cells must not contain pipes or line breaks. */
function cell(s: string): string {
  return s.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}

function headline(report: AnalysisReport): string {
  const failing = report.benchmarks.filter((b) => b.failing).length;
  const n = report.benchmarks.length;
  if (failing > 0) {
    return `❌ Performance: ${failing} regression${failing === 1 ? '' : 's'} of ${n} benchmark${n === 1 ? '' : 's'}`;
  }
  if (report.verdict === 'inconclusive') {
    return `⚠️ Performance: no confident regression, ${report.counts.inconclusive} of ${n} inconclusive`;
  }
  const without = report.benchmarks.filter((b) => b.verdict === 'no-baseline').length;
  if (without === n)
    return `⚫ Performance: nothing to compare yet, no baseline for any of ${n} benchmark${n === 1 ? '' : 's'}`;
  const compared = n - without;
  return (
    `✅ Performance: no regression in ${compared} compared benchmark${compared === 1 ? '' : 's'}` +
    (without > 0 ? `, ${without} without a baseline` : '')
  );
}

function row(b: BenchmarkAnalysis): string {
  const change = b.change
    ? `${percent(b.change.estimate)} (${changeInWords(b.change.estimate, b.direction)})`
    : '–';
  const range = b.change ? `${percent(b.change.low)} … ${percent(b.change.high)}` : '–';
  const p = b.probabilityRegressed !== undefined ? b.probabilityRegressed.toFixed(3) : '–';
  const base = b.baseline
    ? `${quantity(b.baseline.median, b.unit)} (${b.baseline.runs} run${b.baseline.runs === 1 ? '' : 's'})`
    : '–';
  const cand = `${quantity(b.candidate.median, b.unit)} (${b.candidate.samples} sample${b.candidate.samples === 1 ? '' : 's'})`;
  return `| ${cell(`\`${b.name}\``)} | ${VERDICT_LABEL[b.verdict]} | ${change} | ${range} | ${p} | ${base} | ${cand} |`;
}

/** The job summary / PR comment: headline, one table row per benchmark, then the reasons and the settings. */
export function markdownSummary(report: AnalysisReport): string {
  const order: BenchmarkVerdict[] = ['regression', 'inconclusive', 'improvement', 'no-change', 'no-baseline'];
  const sorted = [...report.benchmarks].sort(
    (a, b) => Number(b.failing) - Number(a.failing) || order.indexOf(a.verdict) - order.indexOf(b.verdict),
  );
  const lines = [
    `## ${headline(report)}`,
    '',
    `Results \`${cell(report.file)}\` (${report.format}) against ${cell(report.baselineSource)}. ` +
      `A regression fails the check when P(regression) ≥ ${report.threshold}.`,
    '',
    '| Benchmark | Verdict | Change of the median | Interval | P(regression) | Baseline | This run |',
    '| --- | --- | --- | --- | --- | --- | --- |',
    ...sorted.map(row),
    '',
  ];
  const notes = sorted.filter((b) => b.verdict !== 'no-change');
  if (notes.length > 0) {
    lines.push('<details><summary>Why</summary>', '');
    for (const b of notes) {
      const rounds =
        b.roundsNeeded !== undefined ? ` (about ${b.roundsNeeded} rounds per run would tell)` : '';
      lines.push(`- \`${cell(b.name)}\`: ${cell(b.reason)}${rounds}`);
    }
    lines.push('', '</details>', '');
  }
  const model = report.model.used
    ? `model \`${cell(report.model.path ?? '')}\` (${report.model.executionProvider ?? 'cpu'}) with statistics`
    : `statistics alone${report.model.problem ? ` (${cell(report.model.problem)})` : ''}`;
  lines.push(`<sub>Decided by ${model}. ai-ci perf analyze.</sub>`);
  if (report.warnings.length > 0) {
    lines.push('', ...report.warnings.map((w) => `> ⚠️ ${cell(w)}`));
  }
  return `${lines.join('\n')}\n`;
}

/** Plain-text report for a terminal. */
export function textReport(report: AnalysisReport): string {
  const lines = [headline(report).replace(/^\S+ /, '')];
  for (const b of report.benchmarks) {
    const c = b.change;
    const change = c ? ` ${percent(c.estimate)} [${percent(c.low)}, ${percent(c.high)}]` : '';
    const p =
      b.probabilityRegressed !== undefined ? ` P(regression)=${b.probabilityRegressed.toFixed(3)}` : '';
    lines.push(
      `  ${b.failing ? 'FAIL' : '    '} ${b.verdict.padEnd(12)} ${b.name}${change}${p} — ${b.reason}`,
    );
  }
  return `${lines.join('\n')}\n`;
}
