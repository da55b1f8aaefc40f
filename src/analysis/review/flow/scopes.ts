/**
 * Python's scopes for the flow interpreter (interpret.ts), by the LEGB rule: a name assigned anywhere in a function's
 * body (a parameter, an assignment or augmented assignment, a `for`/`with`/`except … as` target, an import, a nested
 * `def` or `class`) is local to that function for all of its body, unless declared `global` or `nonlocal`; a
 * comprehension's iteration variables are local to it, and a lambda's parameters to the lambda. A local name whose
 * value is unknown (not assigned yet, or assigned something the interpreter does not follow) is unknown: it never
 * reads the module's variable of the same name. `make_data` returning its own `X, y` is not the module's
 * `X = iris.data`, and `[str(path) for path in d.glob("*")]` does not read a `path` assigned elsewhere.
 */
import type { Node } from 'web-tree-sitter';
import type { Val } from './facts.js';

/** The names a function (or comprehension, or lambda) binds itself, and those it declares global or nonlocal. */
export interface ScopeNames {
  locals: ReadonlySet<string>;
  globals?: ReadonlySet<string>;
  nonlocals?: ReadonlySet<string>;
}

/**
 * One scope's variables. Without `names` (the module, or a scope the interpreter opens for its own purposes) every
 * name it does not hold is looked up in the enclosing scope; with them, a local name is looked up only here.
 */
export class Scope {
  readonly vars = new Map<string, Val>();
  constructor(
    readonly parent?: Scope,
    readonly names?: ScopeNames,
  ) {}

  get(name: string): Val | undefined {
    const home = this.declared(name);
    if (home !== this) return home.get(name);
    const v = this.vars.get(name);
    if (v !== undefined || this.names?.locals.has(name)) return v;
    return this.parent?.get(name);
  }

  set(name: string, v: Val): void {
    this.declared(name).vars.set(name, v);
  }

  /** The name no longer has a known value (assigned something unknown): it is unknown here, not the outer one. */
  delete(name: string): void {
    this.declared(name).vars.delete(name);
  }

  /** Whether this scope (or the one a `global`/`nonlocal` declaration sends the name to) holds a value for it. */
  holds(name: string): boolean {
    return this.declared(name).vars.has(name);
  }

  /** The scope a name's assignments go to: the module for `global`, the enclosing function's for `nonlocal`. */
  private declared(name: string): Scope {
    if (this.names?.globals?.has(name)) {
      let s: Scope = this;
      while (s.parent) s = s.parent;
      return s;
    }
    if (this.names?.nonlocals?.has(name)) {
      for (let s = this.parent; s; s = s.parent) if (s.names?.locals.has(name) && s.parent) return s;
    }
    return this;
  }
}

/** Nodes whose bodies are scopes of their own: names bound inside them are not the enclosing function's. */
const OWN_SCOPE = new Set([
  'function_definition',
  'class_definition',
  'lambda',
  'list_comprehension',
  'set_comprehension',
  'dictionary_comprehension',
  'generator_expression',
]);

/** Names a binding target binds (`x`, `x, (y, *z)`, `[a, b]`); attributes and subscripts bind no name. */
export function targetNames(t: Node | null | undefined, out: Set<string> = new Set()): Set<string> {
  if (!t) return out;
  switch (t.type) {
    case 'identifier':
      out.add(t.text);
      break;
    case 'pattern_list':
    case 'tuple_pattern':
    case 'list_pattern':
    case 'tuple':
    case 'list':
    case 'list_splat_pattern':
    case 'dictionary_splat_pattern':
    case 'list_splat':
    case 'parenthesized_expression':
    case 'as_pattern_target':
      for (const c of t.namedChildren) targetNames(c, out);
      break;
    default:
      break;
  }
  return out;
}

/** The parameters' names of a function or lambda. */
function parameterNames(def: Node, out: Set<string>): void {
  for (const p of def.childForFieldName('parameters')?.namedChildren ?? []) {
    if (!p) continue;
    if (p.type === 'identifier') out.add(p.text);
    else if (p.type === 'list_splat_pattern' || p.type === 'dictionary_splat_pattern') targetNames(p, out);
    else {
      const name = p.childForFieldName('name') ?? p.namedChildren.find((c) => c?.type === 'identifier');
      if (name?.type === 'identifier') out.add(name.text);
    }
  }
}

/**
 * The names a function (or lambda) binds in its own scope, and those it declares `global` / `nonlocal`; a walrus
 * (`:=`) inside a comprehension binds in the function around it.
 */
export function functionNames(def: Node): ScopeNames {
  const locals = new Set<string>();
  const globals = new Set<string>();
  const nonlocals = new Set<string>();
  parameterNames(def, locals);
  const visit = (n: Node, inComprehension: boolean): void => {
    switch (n.type) {
      case 'assignment':
      case 'augmented_assignment':
        if (!inComprehension) targetNames(n.childForFieldName('left'), locals);
        break;
      case 'for_statement':
        targetNames(n.childForFieldName('left'), locals);
        break;
      case 'as_pattern':
        // with open(p) as f, except E as err
        targetNames(n.childForFieldName('alias'), locals);
        break;
      case 'named_expression':
        targetNames(n.childForFieldName('name'), locals);
        break;
      case 'import_statement':
      case 'import_from_statement':
        for (const name of n.childrenForFieldName('name')) {
          if (name?.type === 'aliased_import') targetNames(name.childForFieldName('alias'), locals);
          else if (name?.type === 'dotted_name' && n.type === 'import_statement')
            targetNames(name.namedChildren[0], locals);
          else if (name?.type === 'dotted_name') targetNames(name.namedChildren.at(-1), locals);
        }
        break;
      case 'global_statement':
        for (const c of n.namedChildren) if (c?.type === 'identifier') globals.add(c.text);
        break;
      case 'nonlocal_statement':
        for (const c of n.namedChildren) if (c?.type === 'identifier') nonlocals.add(c.text);
        break;
      default:
        break;
    }
    if (n.type === 'function_definition' || n.type === 'class_definition') {
      targetNames(n.childForFieldName('name'), locals);
      return;
    }
    if (n.type === 'lambda') return;
    const comprehension = inComprehension || OWN_SCOPE.has(n.type);
    for (const c of n.namedChildren) if (c) visit(c, comprehension);
  };
  const body = def.childForFieldName('body');
  if (body) {
    if (def.type === 'lambda') visit(body, true);
    else for (const c of body.namedChildren) if (c) visit(c, false);
  }
  for (const g of [...globals, ...nonlocals]) locals.delete(g);
  return { locals, globals, nonlocals };
}

/** The iteration variables of a comprehension (`[str(p) for p in files]`, `for i, (a, b) in …`): its locals. */
export function comprehensionNames(n: Node): ScopeNames {
  const locals = new Set<string>();
  for (const c of n.namedChildren) {
    if (c?.type === 'for_in_clause') targetNames(c.childForFieldName('left'), locals);
  }
  return { locals };
}
