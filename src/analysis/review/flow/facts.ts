/**
 * What the interpreter (interpret.ts) learns about a program and the leakage rules read: origins of rows, values
 * (data, estimators) and the facts of splits, fits, evaluations and cross-validations.
 */
import type { Position } from '../types.js';

export type OriginKind = 'load' | 'train' | 'test' | 'part' | 'oversampled' | 'unknown';

export interface Origin {
  id: number;
  kind: OriginKind;
  parents: number[];
  at: Position;
  /** Loop (statement id) the origin was made in, if any. */
  loop: number | undefined;
  /** The function (node id) or module (0) whose code made it. */
  scope: number;
  /** Names it was bound to (`X_val`, `test`): they say which part a hand-made split is. */
  names: Set<string>;
  split?: SplitFact;
  /** For oversampled origins: the resampling call. */
  how?: string;
}

export interface Taint {
  /** What learnt from the rows: `StandardScaler`, `statistics (mean)`, … */
  by: string;
  fitRows: ReadonlySet<number>;
  at: Position;
}

export interface ColsView {
  frame: number;
  mode: 'drop' | 'only';
  names: Set<string>;
}

export interface DataVal {
  kind: 'data';
  rows: Set<number>;
  taints: Taint[];
  /** Evidence that the rows are a time series (lag features, datetime index). */
  time?: { at: Position; evidence: string };
  /** The frame (data value id) this one's columns come from, and which columns. */
  cols?: ColsView;
  /** A rolling/expanding window: its statistics are per-row features, not statistics of the rows. */
  windowed?: boolean;
  /** A single column of a frame, e.g. `y = df['price']`. */
  column?: { frame: number; name: string };
  /** All columns of the loaded frame (no column dropped or selected yet). */
  whole?: boolean;
  frame: number;
  at: Position;
}

export type Role = 'transformer' | 'model' | 'resampler' | 'search';

export interface EstVal {
  kind: 'est';
  id: number;
  cls: string;
  role: Role;
  at: Position;
  fits: { rows: Set<number>; at: Position }[];
  /** Made (or bound) inside a loop: a different model each iteration. */
  loop: number | undefined;
  steps: EstVal[];
  earlyStopping: boolean;
}

export interface PredVal {
  kind: 'pred';
  model: EstVal;
  data: DataVal;
}
export interface IndexVal {
  kind: 'index';
  origin: number;
}
export interface IndexOfVal {
  kind: 'indexof';
  data: DataVal;
}
export interface StatVal {
  kind: 'stat';
  rows: Set<number>;
  by: string;
  at: Position;
}
export interface ModuleVal {
  kind: 'module';
  name: string;
}
export interface TupleVal {
  kind: 'tuple';
  items: (Val | undefined)[];
}
export interface CollVal {
  kind: 'coll';
  items: Val[];
}
export interface SplitterVal {
  kind: 'splitter';
  cls: string;
  shuffle: boolean;
  at: Position;
}
export interface GroupVal {
  kind: 'group';
  data: DataVal;
}
export interface ClassVal {
  kind: 'class';
  name: string;
  torch: boolean;
}

export type Val =
  | DataVal
  | EstVal
  | PredVal
  | IndexVal
  | IndexOfVal
  | StatVal
  | ModuleVal
  | TupleVal
  | CollVal
  | SplitterVal
  | GroupVal
  | ClassVal;

export interface SplitFact {
  id: number;
  fn: string;
  at: Position;
  source: DataVal;
  train: number;
  test: number;
  /** False when the call turns shuffling off (`shuffle=False`) or the splitter keeps order. */
  shuffled: boolean;
}

export interface TrainFact {
  model: EstVal;
  x: DataVal;
  y: DataVal | undefined;
  at: Position;
}

export interface EvalFact {
  model: EstVal;
  data: DataVal;
  at: Position;
  /** `score`/`evaluate`/a metric; early stopping and monitoring (eval_set, validation_data) also choose. */
  how: 'score' | 'metric' | 'early-stopping';
  /** Loops the evaluation is in (innermost last). */
  loops: number[];
  /** The model's fits made before this evaluation. */
  fitsBefore: { rows: Set<number>; at: Position }[];
}

export interface CvFact {
  fn: string;
  est: EstVal | undefined;
  data: DataVal;
  at: Position;
  cv: Val | undefined;
  cvText: string | undefined;
}

export interface TransformerFitFact {
  est: EstVal;
  data: DataVal;
  at: Position;
}

export interface Facts {
  origins: Map<number, Origin>;
  splits: SplitFact[];
  trainings: TrainFact[];
  evals: EvalFact[];
  cvs: CvFact[];
  transformerFits: TransformerFitFact[];
  /** Names of imported modules by alias (`np` → `numpy`), for the syntactic rules. */
  imports: Map<string, string>;
}

/** Strict ancestors of an origin (what it was split or sampled from). */
export function ancestors(facts: Facts, id: number): Set<number> {
  const out = new Set<number>();
  const stack = [...(facts.origins.get(id)?.parents ?? [])];
  while (stack.length) {
    const o = stack.pop()!;
    if (out.has(o)) continue;
    out.add(o);
    stack.push(...(facts.origins.get(o)?.parents ?? []));
  }
  return out;
}
