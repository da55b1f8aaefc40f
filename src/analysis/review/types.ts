/** Shared types of `ai-ci review`: findings, rules and the files they are found in. */

/** Rule families, selectable by the design document's flags. */
export type Family = 'leakage' | 'reproducibility' | 'performance';

/** SARIF's levels; `error` fails the step by default (`--fail-on`). */
export type Severity = 'error' | 'warning' | 'note';

/** How sure the rule is that the finding is real. Name heuristics are `low`. */
export type Confidence = 'high' | 'medium' | 'low';

export const SEVERITY_RANK: Record<Severity, number> = { note: 1, warning: 2, error: 3 };

/** A place in a reviewed file. Lines and columns are 1-based, as editors, GitHub and SARIF count them. */
export interface Position {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

/** Where a finding in a notebook is: the cell (1-based, in document order), its execution count and line in it. */
export interface CellRef {
  cell: number;
  executionCount: number | null;
  line: number;
}

export interface Location extends Position {
  /** The file as given (relative to the working directory when it was found by walking a folder). */
  path: string;
  cell?: CellRef;
}

export interface RelatedLocation extends Location {
  message: string;
}

export interface Finding {
  ruleId: string;
  family: Family;
  /** Sub-kind within the family, e.g. `selection`, `overlap`, `preprocessing`, `target` for leakage. */
  kind: string;
  severity: Severity;
  confidence: Confidence;
  location: Location;
  /** What is wrong, in one line. */
  message: string;
  /** Why it matters: one sentence with the evidence found in this code. */
  why: string;
  /** How to fix it. */
  fix: string;
  related: RelatedLocation[];
  /** Set when an `# ai-ci: ignore[rule-id] reason` comment covers the finding; the reason is kept. */
  suppressed?: { reason: string };
}

/** A finding before it is placed in a file: positions are in the analysed source (a notebook's joined cells). */
export interface RawFinding {
  ruleId: string;
  kind: string;
  severity?: Severity;
  confidence: Confidence;
  at: Position;
  message: string;
  why: string;
  fix?: string;
  related?: { at: Position; message: string }[];
}
