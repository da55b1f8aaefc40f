/** Syntactic facts the reproducibility and performance rules share: every call with its resolved name and context. */
import type { Node } from 'web-tree-sitter';
import type { Position } from '../types.js';

export interface CallSite {
  node: Node;
  /** Qualified name through the file's imports (`np.random.seed` → `numpy.random.seed`); else as written. */
  name: string;
  at: Position;
  /** Enclosing for/while loop statements, innermost last. */
  loops: Node[];
  /** Enclosing `with` context expressions (text), innermost last. */
  withs: string[];
  /** Enclosing function definition, if any. */
  fn: Node | undefined;
}

export const posOf = (n: Node): Position => ({
  line: n.startPosition.row + 1,
  column: n.startPosition.column + 1,
  endLine: n.endPosition.row + 1,
  endColumn: n.endPosition.column + 1,
});

/** Resolves a dotted callee through the import aliases; `self.model.eval` stays as written. */
export function qualify(text: string, imports: ReadonlyMap<string, string>): string {
  const parts = text.split('.');
  for (let i = parts.length; i > 0; i--) {
    const head = parts.slice(0, i).join('.');
    const q = imports.get(head);
    if (q) return [q, ...parts.slice(i)].join('.');
  }
  return text;
}

export function collectCalls(root: Node, imports: ReadonlyMap<string, string>): CallSite[] {
  const out: CallSite[] = [];
  const loops: Node[] = [];
  const withs: string[] = [];
  let fn: Node | undefined;
  const visit = (n: Node) => {
    const isLoop = n.type === 'for_statement' || n.type === 'while_statement';
    const isFn = n.type === 'function_definition';
    const prevFn = fn;
    if (isFn) fn = n;
    let pushedWiths = 0;
    if (n.type === 'with_statement') {
      for (const item of n.descendantsOfType('with_item')) {
        if (item) {
          withs.push(item.text);
          pushedWiths++;
        }
      }
    }
    if (n.type === 'call') {
      const f = n.childForFieldName('function');
      if (f && (f.type === 'identifier' || f.type === 'attribute')) {
        out.push({
          node: n,
          name: qualify(f.text.replace(/\s+/g, ''), imports),
          at: posOf(n),
          loops: [...loops],
          withs: [...withs],
          fn,
        });
      }
    }
    if (isLoop) {
      // The iterable is evaluated once, outside the loop.
      const right = n.childForFieldName('right') ?? n.childForFieldName('condition');
      if (right && n.type === 'for_statement') visit(right);
      loops.push(n);
      for (const c of n.namedChildren) if (c && c.id !== right?.id) visit(c);
      loops.pop();
    } else {
      for (const c of n.namedChildren) if (c) visit(c);
    }
    withs.length -= pushedWiths;
    fn = prevFn;
  };
  visit(root);
  return out;
}

/** Keyword argument value node of a call, if given. */
export function kwarg(call: Node, name: string): Node | undefined {
  for (const a of call.childForFieldName('arguments')?.namedChildren ?? []) {
    if (a?.type === 'keyword_argument' && a.childForFieldName('name')?.text === name) {
      return a.childForFieldName('value') ?? undefined;
    }
  }
  return undefined;
}

export const lastName = (q: string) => q.slice(q.lastIndexOf('.') + 1);
