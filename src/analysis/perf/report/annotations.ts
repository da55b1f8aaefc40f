import { changeInWords, percent } from './format.js';
import type { AnalysisReport, BenchmarkAnalysis } from './types.js';

/*
 * GitHub Actions workflow commands (`::error file=F,line=L,title=T::message`). Escaping follows the runner's
 * rules: in the message %, CR and LF are percent-encoded; in properties also ':' and ','.
 */
export function escapeData(s: string): string {
  return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

export function escapeProperty(s: string): string {
  return escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

export function workflowCommand(
  level: 'error' | 'warning' | 'notice',
  props: { file?: string; line?: number; title?: string },
  message: string,
): string {
  const parts: string[] = [];
  if (props.file !== undefined) parts.push(`file=${escapeProperty(props.file)}`);
  if (props.line !== undefined) parts.push(`line=${props.line}`);
  if (props.title !== undefined) parts.push(`title=${escapeProperty(props.title)}`);
  return `::${level}${parts.length > 0 ? ` ${parts.join(',')}` : ''}::${escapeData(message)}`;
}

/** 1-based line of the first mention of the benchmark's name in the results file, so the annotation points at it. */
export function lineOfBenchmark(fileText: string | undefined, name: string): number | undefined {
  if (fileText === undefined) return undefined;
  const at = fileText.indexOf(JSON.stringify(name));
  return at < 0 ? undefined : fileText.slice(0, at).split('\n').length;
}

function interval(b: BenchmarkAnalysis): string {
  const c = b.change!;
  return `${Math.round(c.confidence * 100)}% interval ${percent(c.low)} to ${percent(c.high)}`;
}

/** One annotation per benchmark that needs attention, and one for a model that could not be used. */
export function annotations(report: AnalysisReport, fileText?: string): string[] {
  const out: string[] = [];
  for (const b of report.benchmarks) {
    const where = { file: report.file, line: lineOfBenchmark(fileText, b.name) };
    const p = b.probabilityRegressed;
    if (b.failing && b.change) {
      out.push(
        workflowCommand(
          'error',
          { ...where, title: `Performance regression: ${b.name}` },
          `${b.name} is ${changeInWords(b.change.estimate, b.direction)} (${interval(b)}), ` +
            `P(regression) = ${p!.toFixed(3)} ≥ ${report.threshold}. ${b.reason}`,
        ),
      );
    } else if (b.verdict === 'regression' && b.change) {
      out.push(
        workflowCommand(
          'warning',
          { ...where, title: `Performance regression below the failing threshold: ${b.name}` },
          `${b.name} is ${changeInWords(b.change.estimate, b.direction)} (${interval(b)}), P(regression) = ${p!.toFixed(3)}. ${b.reason}`,
        ),
      );
    } else if (b.verdict === 'inconclusive') {
      const rounds =
        b.roundsNeeded !== undefined ? ` About ${b.roundsNeeded} rounds per run would tell.` : '';
      out.push(
        workflowCommand(
          'warning',
          { ...where, title: `Performance inconclusive: ${b.name}` },
          `${b.name}: ${b.reason}.${rounds}`.replace('..', '.'),
        ),
      );
    } else if (b.verdict === 'improvement' && b.change) {
      out.push(
        workflowCommand(
          'notice',
          { ...where, title: `Performance improvement: ${b.name}` },
          `${b.name} is ${changeInWords(b.change.estimate, b.direction)} (${interval(b)}).`,
        ),
      );
    }
  }
  if (report.model.problem) {
    out.push(workflowCommand('warning', { title: 'Performance model not used' }, report.model.problem));
  }
  return out;
}
