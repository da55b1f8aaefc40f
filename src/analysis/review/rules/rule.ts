/**
 * A rule, modelled on ruff's: one module per rule with its id, family, rationale (why it matters, with the
 * evidence it rests on) and fix, and fixtures beside it (`fixtures/<id>.py`: lines marked `# expect: <id>` are
 * where the rule must fire; every other line is where it must not).
 */
import type { Node } from 'web-tree-sitter';
import type { Facts } from '../flow/facts.js';
import type { Confidence, Family, RawFinding, Severity } from '../types.js';
import type { CallSite } from './syntax.js';

export interface ProgramContext {
  root: Node;
  facts: Facts;
  calls: CallSite[];
  /** Source lines of the analysed program (a notebook's joined cells). */
  lines: string[];
}

export interface RuleMeta {
  id: string;
  family: Family;
  /** Sub-kind, e.g. `selection` for leakage; the eval scores per kind. */
  kind: string;
  name: string;
  severity: Severity;
  confidence: Confidence;
  /** One line: what the rule finds. */
  summary: string;
  /** Why it matters, with the evidence (literature, library docs). */
  rationale: string;
  /** How to fix it, in general. */
  fix: string;
}

export interface Rule extends RuleMeta {
  check(ctx: ProgramContext): RawFinding[];
}
