/**
 * SARIF 2.1.0 for GitHub code scanning (`github/codeql-action/upload-sarif`): one run, the rules with their help,
 * results with locations relative to the repository root (%SRCROOT%), in-source suppressions with their reasons,
 * and syntax errors as tool execution notifications. Validated against the OASIS schema in the tests.
 */
import type { FileProblem } from '../review.js';
import type { RuleMeta } from '../rules/rule.js';
import type { Finding, Severity } from '../types.js';

export interface SarifOptions {
  toolVersion: string;
  informationUri?: string;
}

const SECURITY_SEVERITY: Record<Severity, string> = { error: '8.0', warning: '5.0', note: '2.0' };

const uri = (p: string) => p.replace(/\\/g, '/').replace(/^\.\//, '');

export function toSarif(
  findings: readonly Finding[],
  rules: readonly RuleMeta[],
  problems: readonly FileProblem[],
  opts: SarifOptions,
): object {
  const index = new Map(rules.map((r, i) => [r.id, i]));
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'ai-ci review',
            semanticVersion: opts.toolVersion,
            version: opts.toolVersion,
            informationUri:
              opts.informationUri ?? 'https://github.com/ai-ci/ai-ci#ml-code-review-ai-ci-review',
            rules: rules.map((r) => ({
              id: r.id,
              name: r.name.replace(/[^A-Za-z0-9]+(.)?/g, (_m, c: string | undefined) =>
                c ? c.toUpperCase() : '',
              ),
              shortDescription: { text: r.summary },
              fullDescription: { text: `${r.summary} ${r.rationale}` },
              help: {
                text: `${r.rationale}\n\nFix: ${r.fix}`,
                markdown: `**${r.name}** (${r.family})\n\n${r.rationale}\n\n**Fix:** ${r.fix}\n\nSuppress one finding with \`# ai-ci: ignore[${r.id}] reason\`.`,
              },
              defaultConfiguration: { level: r.severity },
              properties: {
                tags: [r.family, r.kind, 'machine-learning'],
                precision: r.confidence === 'high' ? 'high' : r.confidence === 'medium' ? 'medium' : 'low',
                'problem.severity': r.severity === 'note' ? 'recommendation' : r.severity,
                ...(r.family === 'leakage' ? { 'security-severity': SECURITY_SEVERITY[r.severity] } : {}),
              },
            })),
          },
        },
        invocations: [
          {
            executionSuccessful: true,
            toolExecutionNotifications: problems.map((p) => ({
              level: 'warning',
              message: { text: p.message },
              ...(p.line
                ? {
                    locations: [
                      {
                        physicalLocation: {
                          artifactLocation: { uri: uri(p.path), uriBaseId: '%SRCROOT%' },
                          region: { startLine: p.line, ...(p.column ? { startColumn: p.column } : {}) },
                        },
                      },
                    ],
                  }
                : {}),
            })),
          },
        ],
        originalUriBaseIds: { '%SRCROOT%': { description: { text: 'The repository root.' } } },
        results: findings.map((f) => ({
          ruleId: f.ruleId,
          ...(index.has(f.ruleId) ? { ruleIndex: index.get(f.ruleId) } : {}),
          level: f.severity,
          message: {
            text: `${f.message}${f.location.cell ? ` (cell ${f.location.cell.cell}, line ${f.location.cell.line})` : ''}. ${f.why} Fix: ${f.fix}`,
          },
          locations: [physical(f.location)],
          ...(f.related.length
            ? {
                relatedLocations: f.related.map((r, i) => ({
                  id: i,
                  ...physical(r),
                  message: { text: r.message },
                })),
              }
            : {}),
          partialFingerprints: {
            'aiCiReview/v1': `${f.ruleId}:${uri(f.location.path)}:${f.message}`,
          },
          ...(f.suppressed
            ? { suppressions: [{ kind: 'inSource', justification: f.suppressed.reason }] }
            : {}),
          properties: {
            confidence: f.confidence,
            family: f.family,
            kind: f.kind,
            ...(f.location.cell
              ? { notebookCell: f.location.cell.cell, notebookCellLine: f.location.cell.line }
              : {}),
          },
        })),
      },
    ],
  };
}

function physical(l: Finding['location']) {
  return {
    physicalLocation: {
      artifactLocation: { uri: uri(l.path), uriBaseId: '%SRCROOT%' },
      region: {
        startLine: l.line,
        startColumn: l.column,
        endLine: Math.max(l.endLine, l.line),
        ...(l.endLine > l.line || l.endColumn > l.column ? { endColumn: l.endColumn } : {}),
      },
    },
  };
}
