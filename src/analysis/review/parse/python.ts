/**
 * Parsing a Python program with the shared tree-sitter front end (src/analysis/parsers), and the syntax errors
 * tree-sitter recovered from: a file with one bad cell is still reviewed elsewhere.
 */
import type { Node, Parser, Tree } from 'web-tree-sitter';

export interface SyntaxProblem {
  line: number;
  column: number;
  message: string;
}

export interface ParsedPython {
  tree: Tree;
  root: Node;
  /** Syntax errors tree-sitter recovered from (first few); the rest of the file is still analysed. */
  syntaxErrors: SyntaxProblem[];
}

export function parsePython(parser: Parser, source: string): ParsedPython {
  const tree = parser.parse(source);
  if (!tree) throw new Error('tree-sitter returned no tree');
  const root = tree.rootNode;
  const syntaxErrors: SyntaxProblem[] = [];
  if (root.hasError) {
    const visit = (n: Node) => {
      if (syntaxErrors.length >= 5) return;
      if (n.type === 'ERROR' || n.isMissing) {
        const near = n.text.split('\n')[0]!.slice(0, 40);
        syntaxErrors.push({
          line: n.startPosition.row + 1,
          column: n.startPosition.column + 1,
          message: n.isMissing ? `missing ${n.type}` : `invalid syntax near ${JSON.stringify(near)}`,
        });
        return;
      }
      if (n.hasError) for (const c of n.children) if (c) visit(c);
    };
    visit(root);
  }
  return { tree, root, syntaxErrors };
}
