/**
 * Fault injection for `npm run eval:select`: small mutmut/Stryker-style operator mutations at one site of a
 * file — comparison and arithmetic operators swapped, `and`/`or` (`&&`/`||`) swapped, booleans flipped, integer
 * constants moved by one. Python sites come from tree-sitter-python, TypeScript sites from the TypeScript
 * compiler's AST; each mutation replaces the exact source range of one operator or literal.
 */
import ts from 'typescript';
import { loadPythonParser } from '../../src/analysis/parsers/index.js';

export interface Mutation {
  /** 1-based line of the site. */
  line: number;
  start: number;
  end: number;
  from: string;
  to: string;
}

const SWAP: Record<string, string> = {
  '==': '!=',
  '!=': '==',
  '===': '!==',
  '!==': '===',
  '<': '>=',
  '>=': '<',
  '>': '<=',
  '<=': '>',
  '+': '-',
  '-': '+',
  '*': '/',
  and: 'or',
  or: 'and',
  '&&': '||',
  '||': '&&',
  True: 'False',
  False: 'True',
  true: 'false',
  false: 'true',
  in: 'not in',
  is: 'is not',
};

function lineOf(text: string, index: number): number {
  let n = 1;
  for (let i = 0; i < index; i++) if (text.charCodeAt(i) === 10) n++;
  return n;
}

/** Every mutation site of a Python file. */
export async function pythonMutations(source: string): Promise<Mutation[]> {
  const parser = await loadPythonParser();
  const tree = parser.parse(source);
  const out: Mutation[] = [];
  if (tree === null) return out;
  const visit = (node: import('web-tree-sitter').Node) => {
    if (['comparison_operator', 'binary_operator', 'boolean_operator'].includes(node.type)) {
      for (const child of node.children) {
        if (child === null || child.isNamed) continue;
        const to = SWAP[child.type];
        if (to !== undefined && source.slice(child.startIndex, child.endIndex) === child.type) {
          out.push({
            line: child.startPosition.row + 1,
            start: child.startIndex,
            end: child.endIndex,
            from: child.type,
            to,
          });
        }
      }
    } else if (node.type === 'true' || node.type === 'false') {
      const text = source.slice(node.startIndex, node.endIndex);
      if (SWAP[text] !== undefined)
        out.push({
          line: node.startPosition.row + 1,
          start: node.startIndex,
          end: node.endIndex,
          from: text,
          to: SWAP[text]!,
        });
    } else if (node.type === 'integer') {
      const text = source.slice(node.startIndex, node.endIndex);
      if (/^\d+$/.test(text))
        out.push({
          line: node.startPosition.row + 1,
          start: node.startIndex,
          end: node.endIndex,
          from: text,
          to: String(Number(text) + 1),
        });
    }
    for (const c of node.namedChildren)
      if (c !== null && c.type !== 'string' && c.type !== 'comment') visit(c);
  };
  visit(tree.rootNode);
  tree.delete();
  parser.delete();
  return out;
}

/** Every mutation site of a TypeScript file. */
export function scriptMutations(fileName: string, source: string): Mutation[] {
  const sf = ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, true);
  const out: Mutation[] = [];
  const add = (start: number, end: number, to: string) =>
    out.push({ line: lineOf(source, start), start, end, from: source.slice(start, end), to });
  const visit = (node: ts.Node) => {
    if (ts.isBinaryExpression(node)) {
      const op = node.operatorToken;
      const to = SWAP[op.getText(sf)];
      if (to !== undefined) add(op.getStart(sf), op.end, to);
    } else if (node.kind === ts.SyntaxKind.TrueKeyword || node.kind === ts.SyntaxKind.FalseKeyword) {
      add(node.getStart(sf), node.end, SWAP[node.getText(sf)]!);
    } else if (ts.isNumericLiteral(node) && /^\d+$/.test(node.text)) {
      add(node.getStart(sf), node.end, String(Number(node.text) + 1));
    }
    if (!ts.isTypeNode(node) && !ts.isImportDeclaration(node)) ts.forEachChild(node, visit);
  };
  visit(sf);
  return out;
}

export function applyMutation(source: string, m: Mutation): string {
  return source.slice(0, m.start) + m.to + source.slice(m.end);
}
