/**
 * The data-flow facts of one Python program (a file, or a notebook's cells joined in execution order): an abstract
 * interpretation of each scope, statement by statement, that follows data frames and arrays from where they are
 * loaded through transformations, splits, fits and evaluations. Rows are followed as *origins*: a load makes one; a
 * split makes a train and a test origin whose parent is what was split; fit statistics remember the origins they
 * were computed on. Leakage rules then ask questions of these facts (did statistics of test rows reach training
 * data? was one test origin used to pick among models?) instead of matching text.
 *
 * Intra-procedural: each function body is interpreted on its own (its parameters unknown), module-level code
 * (notebook cells included) as one flow. Branches are taken in sequence; loop bodies once, with what they create
 * marked as varying per iteration.
 *
 * Size: the interpreter is one class of ~1,100 lines on purpose. Its statement and expression transfer functions are
 * mutually recursive over one scope state (a call evaluates arguments, which may be lambdas, comprehensions or calls);
 * split by syntax kind, every part would import every other. The facts it produces are in facts.ts, the API tables
 * it consults in apis.ts, the rules that read the facts in ../rules/.
 */
import type { Node } from 'web-tree-sitter';
import type { Position } from '../types.js';
import {
  CV_FUNCTIONS,
  DATEISH,
  isModelClass,
  LEARNING_TRANSFORMERS,
  LOADER_FUNCTIONS,
  METRICS,
  OVERSAMPLERS,
  PIPELINES,
  SEARCHES,
  SPLITTERS,
  STATISTICS,
  TIME_OPS,
  UNDERSAMPLERS,
} from './apis.js';
import type {
  DataVal,
  EstVal,
  EvalFact,
  Facts,
  GroupVal,
  IndexOfVal,
  Origin,
  OriginKind,
  Role,
  SplitFact,
  SplitterVal,
  StatVal,
  Taint,
  Val,
} from './facts.js';

const posOf = (n: Node): Position => ({
  line: n.startPosition.row + 1,
  column: n.startPosition.column + 1,
  endLine: n.endPosition.row + 1,
  endColumn: n.endPosition.column + 1,
});

const last = (qname: string) => qname.slice(qname.lastIndexOf('.') + 1);

const stringValue = (n: Node | null | undefined): string | undefined => {
  if (n?.type !== 'string') return undefined;
  const content = n.namedChildren.filter((c) => c?.type === 'string_content');
  return content.length === 1 ? content[0]!.text : n.namedChildren.length === 2 ? '' : undefined;
};

const stringList = (n: Node | null | undefined): string[] | undefined => {
  if (!n) return undefined;
  const one = stringValue(n);
  if (one !== undefined) return [one];
  if (n.type === 'list' || n.type === 'tuple') {
    const out = n.namedChildren.map((c) => stringValue(c));
    return out.every((s) => s !== undefined) ? (out as string[]) : undefined;
  }
  return undefined;
};

const STOPPING = /early_stopping|EarlyStopping|ModelCheckpoint|ReduceLROnPlateau/;

const BUILTINS = new Set([
  'print',
  'len',
  'range',
  'list',
  'dict',
  'set',
  'tuple',
  'str',
  'int',
  'float',
  'bool',
  'zip',
  'enumerate',
  'sorted',
  'min',
  'max',
  'sum',
  'abs',
  'round',
  'open',
  'type',
  'isinstance',
  'map',
  'filter',
  'self',
  'cls',
  'None',
  'True',
  'False',
  'super',
  'object',
  'Exception',
  'ValueError',
  'display',
  'np',
  'pd',
  'plt',
  'sns',
]);

class Scope {
  readonly vars = new Map<string, Val>();
  constructor(readonly parent?: Scope) {}
  get(name: string): Val | undefined {
    return this.vars.get(name) ?? this.parent?.get(name);
  }
  set(name: string, v: Val): void {
    this.vars.set(name, v);
  }
}

interface Args {
  pos: Node[];
  kw: Map<string, Node>;
}

/** Interprets a parsed program and returns its facts. */
export function interpret(root: Node): Facts {
  return new Interpreter().run(root);
}

class Interpreter {
  private nextId = 1;
  private readonly loops: number[] = [];
  private readonly facts: Facts = {
    origins: new Map(),
    splits: [],
    trainings: [],
    evals: [],
    cvs: [],
    transformerFits: [],
    imports: new Map(),
  };
  private readonly functions: { node: Node; scope: Scope }[] = [];
  private readonly torchClasses = new Set<string>();
  private scope = 0;
  /** Names bound to early-stopping callbacks (`stop = EarlyStopping(...)`, later `callbacks=[stop]`). */
  private readonly stoppers = new Set<string>();

  run(root: Node): Facts {
    const module = new Scope();
    this.block(root, module);
    // Function bodies after the module: module-level names (imports, globals) are known by then.
    for (let i = 0; i < this.functions.length; i++) {
      const f = this.functions[i]!;
      const body = f.node.childForFieldName('body');
      this.scope = f.node.id;
      if (body) this.block(body, new Scope(f.scope));
    }
    return this.facts;
  }

  // ---- values -------------------------------------------------------------------------------------------

  private origin(kind: OriginKind, parents: Iterable<number>, at: Position, how?: string): Origin {
    const o: Origin = {
      id: this.nextId++,
      kind,
      parents: [...parents],
      at,
      loop: this.loops.at(-1),
      scope: this.scope,
      names: new Set(),
      how,
    };
    this.facts.origins.set(o.id, o);
    return o;
  }

  private load(at: Position): DataVal {
    const o = this.origin('load', [], at);
    const id = this.nextId++;
    return { kind: 'data', rows: new Set([o.id]), taints: [], frame: id, whole: true, at };
  }

  private unknownData(at: Position): DataVal {
    const o = this.origin('unknown', [], at);
    return { kind: 'data', rows: new Set([o.id]), taints: [], frame: this.nextId++, at };
  }

  /** Data derived from others, same rows (columns, types, values change; rows do not). */
  private derive(from: DataVal[], at: Position, keepCols = false): DataVal {
    const rows = new Set<number>();
    const taints: Taint[] = [];
    let time: DataVal['time'];
    for (const d of from) {
      for (const r of d.rows) rows.add(r);
      for (const t of d.taints) if (!taints.includes(t)) taints.push(t);
      time ??= d.time;
    }
    const first = from[0];
    return {
      kind: 'data',
      rows,
      taints,
      time,
      frame: first?.frame ?? this.nextId++,
      cols: keepCols ? first?.cols : undefined,
      column: keepCols ? first?.column : undefined,
      whole: keepCols ? first?.whole : undefined,
      at,
    };
  }

  private withRows(d: DataVal, origin: Origin, at: Position): DataVal {
    return { ...this.derive([d], at, true), rows: new Set([origin.id]) };
  }

  private est(cls: string, role: Role, at: Position, steps: EstVal[] = []): EstVal {
    return {
      kind: 'est',
      id: this.nextId++,
      cls,
      role,
      at,
      fits: [],
      loop: this.loops.at(-1),
      steps,
      earlyStopping: false,
    };
  }

  private dataOf(v: Val | undefined): DataVal[] {
    if (!v) return [];
    if (v.kind === 'data') return [v];
    if (v.kind === 'tuple') return v.items.flatMap((i) => this.dataOf(i));
    if (v.kind === 'coll') return v.items.flatMap((i) => this.dataOf(i));
    if (v.kind === 'pred') return [v.data];
    if (v.kind === 'group') return [v.data];
    return [];
  }

  // ---- statements ---------------------------------------------------------------------------------------

  private block(node: Node, scope: Scope): void {
    for (const s of node.namedChildren) if (s) this.statement(s, scope);
  }

  private statement(s: Node, scope: Scope): void {
    switch (s.type) {
      case 'expression_statement':
        for (const e of s.namedChildren) if (e) this.exprStatement(e, scope);
        return;
      case 'import_statement':
      case 'import_from_statement':
        this.importStatement(s, scope);
        return;
      case 'if_statement':
      case 'try_statement':
      case 'else_clause':
      case 'elif_clause':
      case 'except_clause':
      case 'finally_clause':
      case 'block':
        for (const c of s.namedChildren) {
          if (!c) continue;
          if (c.type === 'block' || c.type.endsWith('_clause')) this.statement(c, scope);
          else if (s.type === 'if_statement' || s.type === 'elif_clause') this.expr(c, scope);
        }
        return;
      case 'with_statement': {
        for (const item of s.descendantsOfType('with_item')) {
          const value = item?.childForFieldName('value');
          if (!value) continue;
          if (value.type === 'as_pattern') {
            const v = this.expr(value.namedChildren[0]!, scope);
            const target = value.childForFieldName('alias')?.namedChildren[0] ?? value.namedChildren[1];
            if (target && v) this.bind(target, v, scope);
          } else this.expr(value, scope);
        }
        const body = s.childForFieldName('body');
        if (body) this.block(body, scope);
        return;
      }
      case 'for_statement':
        this.loop(s, scope, () => {
          const right = s.childForFieldName('right');
          const left = s.childForFieldName('left');
          if (right && left) this.bindIteration(left, this.expr(right, scope), scope, posOf(s));
          const body = s.childForFieldName('body');
          if (body) this.block(body, scope);
          const alt = s.childForFieldName('alternative');
          if (alt) this.statement(alt, scope);
        });
        return;
      case 'while_statement':
        this.loop(s, scope, () => {
          const cond = s.childForFieldName('condition');
          if (cond) this.expr(cond, scope);
          const body = s.childForFieldName('body');
          if (body) this.block(body, scope);
        });
        return;
      case 'function_definition':
        this.functions.push({ node: s, scope });
        return;
      case 'decorated_definition': {
        const def = s.childForFieldName('definition');
        if (def) this.statement(def, scope);
        return;
      }
      case 'class_definition': {
        const name = s.childForFieldName('name')?.text;
        const supers = s.childForFieldName('superclasses')?.text ?? '';
        const torch = /\b(nn\.)?Module\b|LightningModule|keras\.Model|\bModel\b/.test(supers);
        if (name) {
          scope.set(name, { kind: 'class', name, torch });
          if (torch) this.torchClasses.add(name);
        }
        const body = s.childForFieldName('body');
        for (const c of body?.namedChildren ?? []) {
          if (c?.type === 'function_definition' || c?.type === 'decorated_definition') {
            const def = c.type === 'decorated_definition' ? c.childForFieldName('definition') : c;
            if (def) this.functions.push({ node: def, scope });
          }
        }
        return;
      }
      case 'return_statement':
      case 'delete_statement':
      case 'assert_statement':
      case 'print_statement':
      case 'raise_statement':
        for (const c of s.namedChildren) if (c) this.expr(c, scope);
        return;
      default:
        return;
    }
  }

  private loop(s: Node, _scope: Scope, body: () => void): void {
    this.loops.push(s.id);
    try {
      body();
    } finally {
      this.loops.pop();
    }
  }

  private importStatement(s: Node, scope: Scope): void {
    if (s.type === 'import_statement') {
      for (const n of s.namedChildren) {
        if (!n) continue;
        if (n.type === 'aliased_import') {
          const name = n.childForFieldName('name')?.text ?? '';
          const alias = n.childForFieldName('alias')?.text ?? name;
          scope.set(alias, { kind: 'module', name });
          this.facts.imports.set(alias, name);
        } else if (n.type === 'dotted_name') {
          const top = n.text.split('.')[0]!;
          scope.set(top, { kind: 'module', name: top });
          this.facts.imports.set(top, top);
          this.facts.imports.set(n.text, n.text);
        }
      }
      return;
    }
    const module = s.childForFieldName('module_name')?.text ?? '';
    for (const n of s.namedChildren) {
      if (!n || n.id === s.childForFieldName('module_name')?.id) continue;
      if (n.type === 'aliased_import') {
        const name = n.childForFieldName('name')?.text ?? '';
        const alias = n.childForFieldName('alias')?.text ?? name;
        scope.set(alias, { kind: 'module', name: `${module}.${name}` });
        this.facts.imports.set(alias, `${module}.${name}`);
      } else if (n.type === 'dotted_name') {
        scope.set(n.text, { kind: 'module', name: `${module}.${n.text}` });
        this.facts.imports.set(n.text, `${module}.${n.text}`);
      }
    }
  }

  private exprStatement(e: Node, scope: Scope): void {
    if (e.type === 'assignment') {
      const right = e.childForFieldName('right');
      const left = e.childForFieldName('left');
      if (!right || !left) return;
      if (left.type === 'identifier' && STOPPING.test(right.text)) this.stoppers.add(left.text);
      const v = this.expr(right, scope);
      if (v) this.bind(left, v, scope, right);
      else this.unbind(left, scope);
      return;
    }
    if (e.type === 'augmented_assignment') {
      const left = e.childForFieldName('left');
      const right = e.childForFieldName('right');
      if (!left || !right) return;
      const a = this.expr(left, scope);
      const b = this.expr(right, scope);
      const merged = this.binary(a, b, posOf(e));
      if (merged) this.bind(left, merged, scope);
      return;
    }
    this.expr(e, scope);
  }

  private unbind(target: Node, scope: Scope): void {
    if (target.type === 'identifier') scope.vars.delete(target.text);
    else if (
      target.type === 'pattern_list' ||
      target.type === 'tuple_pattern' ||
      target.type === 'list_pattern'
    )
      for (const c of target.namedChildren) if (c) this.unbind(c, scope);
  }

  private bind(target: Node, v: Val, scope: Scope, valueNode?: Node): void {
    switch (target.type) {
      case 'identifier': {
        let bound = v;
        if (v.kind === 'est' && this.loops.length > 0 && v.loop === undefined) bound = v; // re-bound, not re-made
        scope.set(target.text, bound);
        if (v.kind === 'data') for (const r of v.rows) this.facts.origins.get(r)?.names.add(target.text);
        return;
      }
      case 'pattern_list':
      case 'tuple_pattern':
      case 'list_pattern':
      case 'tuple':
      case 'list': {
        const targets = target.namedChildren.filter((c): c is Node => !!c);
        if (v.kind === 'tuple') {
          targets.forEach((t, i) => {
            const item = v.items[i];
            if (item) this.bind(t, item, scope);
            else this.unbind(t, scope);
          });
        } else for (const t of targets) this.bind(t, v, scope);
        return;
      }
      case 'subscript': {
        // df['col'] = expr: the frame now carries what expr carries (taints, time evidence).
        const obj = target.childForFieldName('value');
        const base = obj ? this.expr(obj, scope) : undefined;
        if (base?.kind === 'data') {
          for (const d of this.dataOf(v)) {
            for (const t of d.taints) if (!base.taints.includes(t)) base.taints.push(t);
            base.time ??= d.time;
          }
          if (v.kind === 'stat') base.taints.push({ by: v.by, fitRows: v.rows, at: v.at });
          if (valueNode && /\bto_datetime\b/.test(valueNode.text)) {
            base.time ??= { at: posOf(valueNode), evidence: 'a datetime column' };
          }
        }
        return;
      }
      case 'attribute':
        return;
      default:
        return;
    }
  }

  /** Binds a loop target to one item of what is iterated (a collection of models, a splitter's folds). */
  private bindIteration(target: Node, it: Val | undefined, scope: Scope, at: Position): void {
    if (!it) {
      this.unbind(target, scope);
      return;
    }
    if (it.kind === 'coll') {
      const ests = it.items.filter((i): i is EstVal => i.kind === 'est');
      const data = it.items.filter((i): i is DataVal => i.kind === 'data');
      let item: Val | undefined;
      if (ests.length > 0) {
        // One of several models, different each iteration.
        item = {
          ...this.est(ests.map((e) => e.cls).join(' | '), ests[0]!.role, at),
          loop: this.loops.at(-1),
        };
      } else if (data.length > 0) item = this.derive(data, at);
      const nested = it.items.find((i) => i.kind === 'tuple');
      if (!item && nested) item = nested;
      if (item) {
        if (target.type === 'pattern_list' || target.type === 'tuple_pattern') {
          const parts = target.namedChildren.filter((c): c is Node => !!c);
          if (item.kind === 'tuple') this.bind(target, item, scope);
          else this.bind(parts.at(-1)!, item, scope);
        } else this.bind(target, item, scope);
      } else this.unbind(target, scope);
      return;
    }
    if (it.kind === 'tuple') {
      // enumerate()/zip() results and splitter folds come as tuples of items.
      this.bind(target, it, scope);
      return;
    }
    if (it.kind === 'data') {
      // Iterating a data loader or a frame: batches of the same rows.
      const batch = this.derive([it], at, true);
      if (target.type === 'pattern_list' || target.type === 'tuple_pattern') {
        for (const t of target.namedChildren) if (t) this.bind(t, batch, scope);
      } else this.bind(target, batch, scope);
      return;
    }
    this.unbind(target, scope);
  }

  // ---- expressions --------------------------------------------------------------------------------------

  private expr(n: Node, scope: Scope): Val | undefined {
    switch (n.type) {
      case 'identifier': {
        // A name never bound here (a parameter, a star import, an earlier notebook session) used as a value: unknown
        // data, bound so that every later use is the same rows.
        const v = scope.get(n.text);
        if (v || BUILTINS.has(n.text)) return v;
        const d = this.unknownData(posOf(n));
        scope.set(n.text, d);
        return d;
      }
      case 'parenthesized_expression':
        return n.namedChildren[0] ? this.expr(n.namedChildren[0], scope) : undefined;
      case 'attribute':
        return this.attribute(n, scope);
      case 'call':
        return this.call(n, scope);
      case 'subscript':
        return this.subscript(n, scope);
      case 'binary_operator': {
        const l = n.childForFieldName('left');
        const r = n.childForFieldName('right');
        return this.binary(
          l ? this.expr(l, scope) : undefined,
          r ? this.expr(r, scope) : undefined,
          posOf(n),
        );
      }
      case 'unary_operator':
      case 'not_operator': {
        const a = n.childForFieldName('argument') ?? n.namedChildren.at(-1);
        return a ? this.expr(a, scope) : undefined;
      }
      case 'comparison_operator':
      case 'boolean_operator': {
        const vals = n.namedChildren.map((c) => (c ? this.expr(c, scope) : undefined));
        const data = vals.flatMap((v) => this.dataOf(v));
        return data.length ? this.derive(data, posOf(n)) : undefined;
      }
      case 'tuple':
      case 'expression_list':
        return { kind: 'tuple', items: n.namedChildren.map((c) => (c ? this.expr(c, scope) : undefined)) };
      case 'list':
      case 'set': {
        const items = n.namedChildren
          .map((c) => (c ? this.expr(c, scope) : undefined))
          .filter((v): v is Val => !!v);
        return { kind: 'coll', items };
      }
      case 'dictionary': {
        const items: Val[] = [];
        for (const p of n.namedChildren) {
          const v = p?.type === 'pair' ? p.childForFieldName('value') : undefined;
          const val = v ? this.expr(v, scope) : undefined;
          if (val) items.push(val);
        }
        return { kind: 'coll', items };
      }
      case 'list_comprehension':
      case 'generator_expression':
      case 'set_comprehension':
      case 'dictionary_comprehension':
        return this.comprehension(n, scope);
      case 'conditional_expression': {
        const vals = n.namedChildren.map((c) => (c ? this.expr(c, scope) : undefined));
        return vals[0] ?? vals[2];
      }
      case 'keyword_argument': {
        const v = n.childForFieldName('value');
        return v ? this.expr(v, scope) : undefined;
      }
      case 'await':
        return n.namedChildren[0] ? this.expr(n.namedChildren[0], scope) : undefined;
      default:
        return undefined;
    }
  }

  /** The object of `obj.attr`: an unbound name there is a module or global, not data. */
  private receiver(n: Node, scope: Scope): Val | undefined {
    return n.type === 'identifier' ? scope.get(n.text) : this.expr(n, scope);
  }

  private comprehension(n: Node, scope: Scope): Val | undefined {
    const inner = new Scope(scope);
    const id = n.id;
    this.loops.push(id);
    try {
      for (const clause of n.namedChildren) {
        if (clause?.type !== 'for_in_clause') continue;
        const left = clause.childForFieldName('left');
        const right = clause.childForFieldName('right');
        if (left && right) this.bindIteration(left, this.expr(right, inner), inner, posOf(clause));
      }
      const body = n.childForFieldName('body') ?? n.namedChildren[0];
      const v = body ? this.expr(body, inner) : undefined;
      return v ? { kind: 'coll', items: [v] } : undefined;
    } finally {
      this.loops.pop();
    }
  }

  private binary(a: Val | undefined, b: Val | undefined, at: Position): Val | undefined {
    const data = [...this.dataOf(a), ...this.dataOf(b)];
    const stats = [a, b].filter((v): v is StatVal => v?.kind === 'stat');
    if (data.length === 0) return stats[0];
    const out = this.derive(data, at, true);
    // (X - X.mean()) / X.std(): the statistics' rows reach the result.
    for (const s of stats) out.taints = [...out.taints, { by: s.by, fitRows: s.rows, at: s.at }];
    return out;
  }

  private attribute(n: Node, scope: Scope): Val | undefined {
    const objNode = n.childForFieldName('object');
    const attr = n.childForFieldName('attribute')?.text ?? '';
    if (!objNode) return undefined;
    const obj = this.receiver(objNode, scope);
    if (!obj) return undefined;
    switch (obj.kind) {
      case 'module':
        return { kind: 'module', name: `${obj.name}.${attr}` };
      case 'data':
        if (attr === 'index') return { kind: 'indexof', data: obj };
        if (attr === 'columns' || attr === 'shape' || attr === 'dtypes') return undefined;
        if (
          attr === 'iloc' ||
          attr === 'loc' ||
          attr === 'values' ||
          attr === 'T' ||
          attr === 'dt' ||
          attr === 'str'
        )
          return obj;
        // df.price: a column.
        return { ...this.derive([obj], posOf(n)), column: { frame: obj.frame, name: attr } };
      case 'est':
        if (attr === 'best_estimator_' || attr === 'estimator') return obj;
        return undefined;
      case 'pred':
        return obj;
      default:
        return undefined;
    }
  }

  private args(n: Node): Args {
    const out: Args = { pos: [], kw: new Map() };
    const list = n.childForFieldName('arguments');
    for (const a of list?.namedChildren ?? []) {
      if (!a || a.type === 'comment') continue;
      if (a.type === 'keyword_argument') {
        const name = a.childForFieldName('name')?.text;
        const value = a.childForFieldName('value');
        if (name && value) out.kw.set(name, value);
      } else if (a.type !== 'list_splat' && a.type !== 'dictionary_splat') out.pos.push(a);
    }
    return out;
  }

  private call(n: Node, scope: Scope): Val | undefined {
    const fn = n.childForFieldName('function');
    if (!fn) return undefined;
    const args = this.args(n);
    const at = posOf(n);
    if (fn.type === 'attribute') {
      const objNode = fn.childForFieldName('object')!;
      const method = fn.childForFieldName('attribute')?.text ?? '';
      const obj = this.receiver(objNode, scope);
      if (obj?.kind === 'module') return this.callFunction(`${obj.name}.${method}`, args, n, scope);
      if (obj?.kind === 'est') return this.estMethod(obj, method, args, n, scope);
      if (obj?.kind === 'data') return this.dataMethod(obj, method, args, n, scope);
      if (obj?.kind === 'splitter') return this.splitterMethod(obj, method, args, n, scope);
      if (obj?.kind === 'group') return this.groupMethod(obj, method, args, n);
      if (obj?.kind === 'coll' && (method === 'items' || method === 'values')) return obj;
      if (obj?.kind === 'stat') return obj;
      if (obj?.kind === 'pred') return obj;
      if (!obj && objNode.type === 'identifier' && !scope.get(objNode.text)) {
        return this.callFunction(`${objNode.text}.${method}`, args, n, scope);
      }
      // Unknown receiver: evaluate the arguments for their effects; data in, data out.
      return this.generic(args, scope, at);
    }
    const callee = fn.type === 'identifier' ? scope.get(fn.text) : this.expr(fn, scope);
    if (callee?.kind === 'module') return this.callFunction(callee.name, args, n, scope);
    if (callee?.kind === 'class') {
      for (const a of args.pos) this.expr(a, scope);
      return callee.torch ? this.est(callee.name, 'model', at) : undefined;
    }
    if (callee?.kind === 'est') {
      // model(x): a forward pass.
      const data = args.pos.flatMap((a) => this.dataOf(this.expr(a, scope)));
      if (data.length > 0) return { kind: 'pred', model: callee, data: data[0]! };
      return undefined;
    }
    if (!callee && fn.type === 'identifier') return this.callFunction(fn.text, args, n, scope);
    return this.generic(args, scope, at);
  }

  private generic(args: Args, scope: Scope, at: Position): Val | undefined {
    const vals = [...args.pos, ...args.kw.values()].map((a) => this.expr(a, scope));
    const data = vals.flatMap((v) => this.dataOf(v));
    return data.length ? this.derive(data, at) : undefined;
  }

  private kwBool(args: Args, name: string): boolean | undefined {
    const v = args.kw.get(name)?.text;
    return v === 'True' ? true : v === 'False' ? false : undefined;
  }

  private callFunction(qname: string, args: Args, n: Node, scope: Scope): Val | undefined {
    const name = last(qname);
    const at = posOf(n);
    if (name === 'train_test_split') return this.trainTestSplit(args, n, scope);
    if (name === 'random_split') return this.randomSplit(args, n, scope);
    if (CV_FUNCTIONS.has(name)) {
      const est = args.pos[0] ? this.expr(args.pos[0], scope) : undefined;
      const xNode = args.pos[1] ?? args.kw.get('X');
      const x = xNode ? this.dataOf(this.expr(xNode, scope))[0] : undefined;
      const cvNode = args.kw.get('cv');
      const cv = cvNode ? this.expr(cvNode, scope) : undefined;
      if (x) {
        this.facts.cvs.push({
          fn: name,
          est: est?.kind === 'est' ? est : undefined,
          data: x,
          at,
          cv,
          cvText: cvNode?.text,
        });
      }
      return name === 'cross_val_predict' && x ? this.derive([x], at) : undefined;
    }
    if (LOADER_FUNCTIONS.test(name) && !qname.startsWith('json.') && !qname.startsWith('pickle.')) {
      const d = this.load(at);
      const parse = args.kw.get('parse_dates');
      const index = stringValue(args.kw.get('index_col'));
      if (parse && parse.text !== 'False') d.time = { at, evidence: 'parse_dates in the loader' };
      else if (index && DATEISH.test(index)) d.time = { at, evidence: `index_col=${JSON.stringify(index)}` };
      return d;
    }
    if (/^(load_|fetch_)/.test(name) && name !== 'load_data' && /datasets/.test(qname)) {
      const d = this.load(at);
      if (this.kwBool(args, 'return_X_y') || this.kwBool(args, 'return_X_y') === undefined) {
        return this.kwBool(args, 'return_X_y') ? { kind: 'tuple', items: [d, this.derive([d], at)] } : d;
      }
      return d;
    }
    if (name === 'load_data' && /datasets/.test(qname)) {
      // keras.datasets.*.load_data(): ((x_train, y_train), (x_test, y_test)), already split.
      const whole = this.load(at);
      const fact = this.registerSplit('load_data', at, whole, false);
      const tr = this.withRows(whole, this.facts.origins.get(fact.train)!, at);
      const te = this.withRows(whole, this.facts.origins.get(fact.test)!, at);
      return {
        kind: 'tuple',
        items: [
          { kind: 'tuple', items: [tr, this.derive([tr], at, true)] },
          { kind: 'tuple', items: [te, this.derive([te], at, true)] },
        ],
      };
    }
    if (/^make_/.test(name) && /datasets/.test(qname)) {
      const d = this.load(at);
      return { kind: 'tuple', items: [d, this.derive([d], at)] };
    }
    if (name === 'resample' && /utils|sklearn/.test(qname)) {
      const data = args.pos.flatMap((a) => this.dataOf(this.expr(a, scope)));
      if (this.kwBool(args, 'replace') === false || data.length === 0) return this.tupleOrOne(data, at);
      const o = this.origin(
        'oversampled',
        data.flatMap((d) => [...d.rows]),
        at,
        'resample(replace=True)',
      );
      const out = data.map((d) => this.withRows(d, o, at));
      return out.length === 1 ? out[0] : { kind: 'tuple', items: out };
    }
    if (name === 'shuffle' && /utils|sklearn/.test(qname)) {
      const data = args.pos.flatMap((a) => this.dataOf(this.expr(a, scope)));
      return this.tupleOrOne(
        data.map((d) => this.derive([d], at, true)),
        at,
      );
    }
    if (name === 'to_datetime') {
      const v = this.generic(args, scope, at);
      if (v?.kind === 'data') v.time ??= { at, evidence: 'pd.to_datetime' };
      return v;
    }
    if (METRICS.test(name) && /metrics|sklearn|^[a-z_]+$/.test(qname)) {
      for (const a of [...args.pos, ...args.kw.values()]) {
        const v = this.expr(a, scope);
        if (v?.kind === 'pred') this.evaluate(v.model, v.data, at, 'metric');
      }
      return undefined;
    }
    if (STATISTICS.has(name) && /^(numpy|np|torch)\b/.test(qname)) {
      const data = args.pos.flatMap((a) => this.dataOf(this.expr(a, scope)));
      if (data.length === 0) return undefined;
      return {
        kind: 'stat',
        rows: new Set(data.flatMap((d) => [...d.rows])),
        by: `statistics (${name})`,
        at,
      };
    }
    if (name === 'train' && /^(lightgbm|xgboost)/.test(qname))
      return this.boosterTrain(qname, args, n, scope);
    if (SPLITTERS.has(name)) {
      const shuffle = name.includes('Shuffle') || this.kwBool(args, 'shuffle') === true;
      return { kind: 'splitter', cls: name, shuffle, at };
    }
    if (PIPELINES.has(name)) {
      const steps: EstVal[] = [];
      const collect = (v: Val | undefined) => {
        if (!v) return;
        if (v.kind === 'est') steps.push(v);
        else if (v.kind === 'tuple' || v.kind === 'coll') for (const i of v.items) collect(i);
      };
      for (const a of [...args.pos, ...args.kw.values()]) collect(this.expr(a, scope));
      const lastStep = steps.at(-1);
      const role: Role = lastStep && lastStep.role === 'model' ? 'model' : 'transformer';
      return this.est(name, role, at, steps);
    }
    if (SEARCHES.has(name)) {
      const inner = args.pos[0] ? this.expr(args.pos[0], scope) : undefined;
      const e = this.est(name, 'search', at, inner?.kind === 'est' ? [inner] : []);
      for (const v of args.kw.values()) this.expr(v, scope);
      return e;
    }
    if (OVERSAMPLERS.has(name) || UNDERSAMPLERS.has(name)) return this.est(name, 'resampler', at);
    if (LEARNING_TRANSFORMERS.has(name)) {
      return this.est(name, 'transformer', at);
    }
    if (/^[A-Z]/.test(name) && isModelClass(name)) {
      const e = this.est(name, 'model', at);
      for (const [k, v] of args.kw) {
        if (k === 'early_stopping_rounds' || (k === 'early_stopping' && v.text === 'True'))
          e.earlyStopping = true;
        if (k === 'callbacks' && /early_stopping|EarlyStopping/.test(v.text)) e.earlyStopping = true;
      }
      return e;
    }
    if (name === 'Dataset' && /lightgbm|^lgb/.test(qname)) return this.generic(args, scope, at);
    if (name === 'DMatrix') return this.generic(args, scope, at);
    if (
      name === 'concat' ||
      name === 'concatenate' ||
      name === 'vstack' ||
      name === 'hstack' ||
      name === 'merge'
    ) {
      return this.generic(args, scope, at);
    }
    return this.generic(args, scope, at);
  }

  private tupleOrOne(data: DataVal[], at: Position): Val | undefined {
    if (data.length === 0) return undefined;
    return data.length === 1
      ? data[0]
      : { kind: 'tuple', items: data.map((d) => this.derive([d], at, true)) };
  }

  private registerSplit(fn: string, at: Position, source: DataVal, shuffled: boolean): SplitFact {
    const train = this.origin('train', source.rows, at);
    const test = this.origin('test', source.rows, at);
    const fact: SplitFact = { id: this.nextId++, fn, at, source, train: train.id, test: test.id, shuffled };
    train.split = fact;
    test.split = fact;
    this.facts.splits.push(fact);
    return fact;
  }

  private trainTestSplit(args: Args, n: Node, scope: Scope): Val | undefined {
    const at = posOf(n);
    const arrays = args.pos.map((a) => this.dataOf(this.expr(a, scope))[0] ?? this.unknownData(posOf(a)));
    for (const v of args.kw.values()) this.expr(v, scope);
    if (arrays.length === 0) return undefined;
    const shuffled = this.kwBool(args, 'shuffle') !== false;
    const source = this.derive(arrays, at);
    const fact = this.registerSplit('train_test_split', at, source, shuffled);
    const items: Val[] = [];
    for (const a of arrays) {
      items.push(this.withRows(a, this.facts.origins.get(fact.train)!, at));
      items.push(this.withRows(a, this.facts.origins.get(fact.test)!, at));
    }
    return { kind: 'tuple', items };
  }

  private randomSplit(args: Args, n: Node, scope: Scope): Val | undefined {
    const at = posOf(n);
    const ds = args.pos[0] ? this.dataOf(this.expr(args.pos[0], scope))[0] : undefined;
    if (!ds) return undefined;
    const parts = args.pos[1]?.type === 'list' ? args.pos[1].namedChildren.length : 2;
    const fact = this.registerSplit('random_split', at, ds, true);
    const items: Val[] = [this.withRows(ds, this.facts.origins.get(fact.train)!, at)];
    for (let i = 1; i < parts; i++) {
      const o = i === 1 ? this.facts.origins.get(fact.test)! : this.origin('test', ds.rows, at);
      o.split = fact;
      items.push(this.withRows(ds, o, at));
    }
    return { kind: 'tuple', items };
  }

  private boosterTrain(qname: string, args: Args, n: Node, scope: Scope): Val | undefined {
    const at = posOf(n);
    const model = this.est(qname.startsWith('lightgbm') ? 'lightgbm.train' : 'xgboost.train', 'model', at);
    const dtrain = args.pos[1] ?? args.kw.get('train_set') ?? args.kw.get('dtrain');
    const x = dtrain ? this.dataOf(this.expr(dtrain, scope))[0] : undefined;
    const early =
      args.kw.has('early_stopping_rounds') || /early_stopping/.test(args.kw.get('callbacks')?.text ?? '');
    if (x) this.train(model, x, undefined, at);
    const evals = args.kw.get('valid_sets') ?? args.kw.get('evals');
    if (evals && early) {
      for (const d of this.dataOf(this.expr(evals, scope))) {
        if (![...d.rows].every((r) => x?.rows.has(r))) this.evaluate(model, d, at, 'early-stopping');
      }
    }
    return model;
  }

  private train(model: EstVal, x: DataVal, y: DataVal | undefined, at: Position): void {
    model.fits.push({ rows: new Set(x.rows), at });
    this.facts.trainings.push({ model, x, y, at });
  }

  private evaluate(model: EstVal, data: DataVal, at: Position, how: EvalFact['how']): void {
    this.facts.evals.push({
      model,
      data,
      at,
      how,
      loops: [...this.loops],
      fitsBefore: model.fits.map((f) => ({ rows: f.rows, at: f.at })),
    });
  }

  private estMethod(e: EstVal, method: string, args: Args, n: Node, scope: Scope): Val | undefined {
    const at = posOf(n);
    const xNode = args.pos[0] ?? args.kw.get('X') ?? args.kw.get('x');
    const yNode = args.pos[1] ?? args.kw.get('y');
    const x = xNode ? (this.dataOf(this.expr(xNode, scope))[0] ?? undefined) : undefined;
    const y = yNode ? this.dataOf(this.expr(yNode, scope))[0] : undefined;
    switch (method) {
      case 'fit':
      case 'partial_fit':
      case 'fit_transform':
      case 'fit_predict':
      case 'fit_resample':
      case 'adapt':
      case 'fit_on_texts': {
        if (!x) return method === 'fit' ? e : undefined;
        if (e.role === 'resampler' || method === 'fit_resample') {
          const over = OVERSAMPLERS.has(e.cls);
          const o = this.origin(
            over ? 'oversampled' : 'part',
            [...x.rows, ...(y?.rows ?? [])],
            at,
            `${e.cls}.fit_resample`,
          );
          const xs = this.withRows(x, o, at);
          return y ? { kind: 'tuple', items: [xs, this.withRows(y, o, at)] } : xs;
        }
        if (e.role === 'transformer' || method === 'adapt' || method === 'fit_on_texts') {
          e.fits.push({ rows: new Set(x.rows), at });
          this.facts.transformerFits.push({ est: e, data: x, at });
          if (method === 'fit_transform') {
            const out = this.derive([x], at);
            out.taints = [...out.taints, { by: e.cls, fitRows: new Set(x.rows), at }];
            return out;
          }
          return e;
        }
        if (e.role === 'search') {
          this.facts.cvs.push({
            fn: `${e.cls}.fit`,
            est: e.steps[0],
            data: x,
            at,
            cv: undefined,
            cvText: undefined,
          });
        }
        this.train(e, x, y, at);
        this.earlyStopping(e, args, scope, at, x);
        if (method === 'fit_predict' || method === 'fit_transform')
          return { kind: 'pred', model: e, data: x };
        return e;
      }
      case 'transform':
      case 'inverse_transform':
      case 'texts_to_sequences': {
        if (!x) return undefined;
        const out = this.derive([x], at);
        const fit = e.fits.at(-1);
        if (fit && e.role !== 'model')
          out.taints = [...out.taints, { by: e.cls, fitRows: fit.rows, at: fit.at }];
        if (e.role === 'model' && e.fits.length > 0) return { kind: 'pred', model: e, data: x };
        return out;
      }
      case 'predict':
      case 'predict_proba':
      case 'predict_log_proba':
      case 'decision_function':
      case 'score_samples':
      case 'predict_on_batch':
      case 'forward':
        return x ? { kind: 'pred', model: e, data: x } : undefined;
      case 'score':
      case 'evaluate':
        if (x) this.evaluate(e, x, at, 'score');
        return undefined;
      case 'eval':
      case 'train':
      case 'to':
      case 'cuda':
      case 'cpu':
      case 'set_params':
      case 'compile':
        return e;
      default:
        return undefined;
    }
  }

  private earlyStopping(e: EstVal, args: Args, scope: Scope, at: Position, x: DataVal): void {
    const evalSet = args.kw.get('eval_set') ?? args.kw.get('validation_data');
    const callbacks = args.kw.get('callbacks')?.text ?? '';
    const names = callbacks.match(/\w+/g) ?? [];
    const early =
      e.earlyStopping ||
      args.kw.has('early_stopping_rounds') ||
      STOPPING.test(callbacks) ||
      names.some((n) => this.stoppers.has(n));
    if (!evalSet || !early) return;
    for (const d of this.dataOf(this.expr(evalSet, scope))) {
      // eval_set often also lists the training data itself (to watch the training loss).
      if ([...d.rows].every((r) => x.rows.has(r))) continue;
      this.evaluate(e, d, at, 'early-stopping');
    }
  }

  private splitterMethod(s: SplitterVal, method: string, args: Args, n: Node, scope: Scope): Val | undefined {
    const at = posOf(n);
    if (method !== 'split') return undefined;
    const x = args.pos[0] ? this.dataOf(this.expr(args.pos[0], scope))[0] : undefined;
    if (!x) return undefined;
    const fact = this.registerSplit(`${s.cls}.split`, at, x, s.shuffle);
    // for train_idx, test_idx in kf.split(X): one fold's indices.
    return {
      kind: 'coll',
      items: [
        {
          kind: 'tuple',
          items: [
            { kind: 'index', origin: fact.train },
            { kind: 'index', origin: fact.test },
          ],
        },
      ],
    };
  }

  private groupMethod(g: GroupVal, method: string, _args: Args, n: Node): Val | undefined {
    const at = posOf(n);
    const out = this.derive([g.data], at);
    if (/^(transform|agg|aggregate|mean|median|sum|std|count|nunique|max|min)$/.test(method)) {
      out.taints = [...out.taints, { by: `group statistics (${method})`, fitRows: new Set(g.data.rows), at }];
    }
    return out;
  }

  private dataMethod(d: DataVal, method: string, args: Args, n: Node, scope: Scope): Val | undefined {
    const at = posOf(n);
    const argVals = [...args.pos, ...args.kw.values()].map((a) => this.expr(a, scope));
    if (d.windowed) {
      const out = this.derive([d], at, true);
      out.windowed = false;
      return out;
    }
    if (STATISTICS.has(method) && args.pos.length <= 1) {
      return { kind: 'stat', rows: new Set(d.rows), by: `statistics (${method})`, at };
    }
    if (method === 'groupby') return { kind: 'group', data: d };
    if (method === 'pop') {
      const name = stringValue(args.pos[0]);
      if (name === undefined) return this.derive([d], at);
      const prev = d.cols?.mode === 'drop' ? d.cols.names : new Set<string>();
      if (d.whole || d.cols?.mode === 'drop')
        d.cols = { frame: d.frame, mode: 'drop', names: new Set([...prev, name]) };
      d.whole = false;
      return { ...this.derive([d], at), column: { frame: d.frame, name } };
    }
    if (method === 'sample') {
      const replace = this.kwBool(args, 'replace') === true;
      const frac = Number(args.kw.get('frac')?.text ?? 'NaN');
      const over = replace || frac > 1;
      const o = this.origin(
        over ? 'oversampled' : 'part',
        d.rows,
        at,
        over ? 'sample(replace=True)' : undefined,
      );
      return this.withRows(d, o, at);
    }
    if (method === 'drop') {
      const idx = argVals.find((v): v is IndexOfVal => v?.kind === 'indexof');
      if (idx) {
        // test = df.drop(train.index): the complement of a sampled part, a hand-made split.
        const part = [...idx.data.rows].map((r) => this.facts.origins.get(r)).find((o) => o?.kind === 'part');
        if (part) {
          const source = this.derive([d], part.at);
          const test = this.origin('test', part.parents, at);
          part.kind = 'train';
          const fact: SplitFact = {
            id: this.nextId++,
            fn: 'sample/drop',
            at: part.at,
            source,
            train: part.id,
            test: test.id,
            shuffled: true,
          };
          part.split = fact;
          test.split = fact;
          this.facts.splits.push(fact);
          return this.withRows(d, test, at);
        }
      }
      const cols = stringList(args.kw.get('columns') ?? args.pos[0]);
      const out = this.derive([d], at);
      const axisCols =
        args.kw.has('columns') ||
        args.kw.get('axis')?.text === '1' ||
        args.pos[1]?.text === '1' ||
        /'columns'|"columns"/.test(args.kw.get('axis')?.text ?? '');
      if (cols && axisCols && (d.whole || d.cols?.mode === 'drop')) {
        const prev = d.cols?.mode === 'drop' ? d.cols.names : new Set<string>();
        out.cols = { frame: d.cols?.frame ?? d.frame, mode: 'drop', names: new Set([...prev, ...cols]) };
      }
      out.whole = false;
      return out;
    }
    if (
      method === 'fillna' ||
      method === 'replace' ||
      method === 'clip' ||
      method === 'where' ||
      method === 'mask'
    ) {
      const out = this.derive([d], at, true);
      for (const v of argVals) {
        if (v?.kind === 'stat') out.taints = [...out.taints, { by: v.by, fitRows: v.rows, at: v.at }];
      }
      return out;
    }
    if (TIME_OPS.has(method)) {
      const out = this.derive([d], at, true);
      out.time ??= { at, evidence: `.${method}() lag features` };
      out.windowed = /^(rolling|expanding|ewm|resample)$/.test(method);
      return out;
    }
    if (method === 'set_index' || method === 'sort_values') {
      const out = this.derive([d], at, true);
      const keys = stringList(args.pos[0] ?? args.kw.get('by') ?? args.kw.get('keys'));
      if (
        keys?.some((k) => DATEISH.test(k)) &&
        (d.time || method === 'set_index' || /date|time/i.test(keys.join()))
      )
        out.time ??= { at, evidence: `.${method}(${JSON.stringify(keys[0])})` };
      return out;
    }
    if (method === 'take' || method === 'skip') {
      const o = this.origin('part', d.rows, at);
      return this.withRows(d, o, at);
    }
    if (method === 'apply' || method === 'map' || method === 'pipe' || method === 'assign') {
      const data = argVals.flatMap((v) => this.dataOf(v));
      return this.derive([d, ...data], at, true);
    }
    if (method === 'join' || method === 'merge' || method === 'append' || method === 'concatenate') {
      return this.derive([d, ...argVals.flatMap((v) => this.dataOf(v))], at);
    }
    if (method === 'item' || method === 'tolist' || method === 'nunique' || method === 'value_counts')
      return undefined;
    return this.derive([d], at, true);
  }

  private subscript(n: Node, scope: Scope): Val | undefined {
    const valueNode = n.childForFieldName('value');
    const subs = n.childrenForFieldName('subscript').filter((c): c is Node => !!c);
    const base = valueNode ? this.expr(valueNode, scope) : undefined;
    const at = posOf(n);
    const first = subs[0];
    if (!base) {
      for (const s of subs) this.expr(s, scope);
      return undefined;
    }
    if (base.kind === 'tuple' || base.kind === 'coll') {
      const i = first?.type === 'integer' ? Number(first.text) : Number.NaN;
      if (base.kind === 'tuple' && Number.isInteger(i)) return base.items.at(i);
      return base.items[0];
    }
    if (base.kind === 'pred') return base;
    if (base.kind !== 'data' || !first) return base.kind === 'data' ? base : undefined;
    // df.loc[rows, cols] / X[:, 1:]: the first part selects rows.
    const rowPart = first;
    const colPart = subs.length > 1 ? subs[1] : undefined;
    if (rowPart.type === 'slice') {
      const bounds = rowPart.namedChildren.filter((c): c is Node => !!c);
      if (bounds.length === 0) return this.columns(base, colPart, at);
      const startOnly = rowPart.text.trim().endsWith(':');
      const o = this.origin('part', base.rows, at);
      o.how = startOnly ? 'tail' : 'head';
      return this.columns(this.withRows(base, o, at), colPart, at);
    }
    const idx = this.expr(rowPart, scope);
    if (idx?.kind === 'index') {
      const o = this.facts.origins.get(idx.origin)!;
      return this.columns(this.withRows(base, o, at), colPart, at);
    }
    const strs = stringList(rowPart);
    if (strs && colPart === undefined) {
      const out = this.derive([base], at);
      if (rowPart.type === 'string') out.column = { frame: base.frame, name: strs[0]! };
      else out.cols = { frame: base.frame, mode: 'only', names: new Set(strs) };
      out.whole = false;
      return out;
    }
    return this.columns(this.derive([base], at, true), colPart, at);
  }

  private columns(d: DataVal, colPart: Node | undefined, at: Position): DataVal {
    if (!colPart) return d;
    const strs = stringList(colPart);
    if (!strs) return { ...d, cols: undefined, column: undefined, whole: false };
    const out = this.derive([d], at);
    if (colPart.type === 'string') out.column = { frame: d.frame, name: strs[0]! };
    else out.cols = { frame: d.frame, mode: 'only', names: new Set(strs) };
    out.whole = false;
    return out;
  }
}
