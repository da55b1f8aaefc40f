import type { PythonImport } from './python.js';

/**
 * A fast scanner for the imports of ordinary Python files, giving the same answer as the tree-sitter walk
 * (`pythonImports`) for what it models: `import` and `from … import` statements wherever they stand (after `;`,
 * after the `:` of a one-line compound statement, inside functions) and `import_module('x')` / `__import__('x')`
 * calls whose first argument is a plain string literal. It tokenises just enough of Python to know what is code:
 * strings (prefixes, triple quotes, escapes, f-string replacement fields and their format specs), comments,
 * brackets and line continuations.
 *
 * It returns `undefined` — and the caller parses the file with tree-sitter — for anything it does not model: an
 * unterminated string or bracket, a mismatched bracket, a character Python 3 has no use for, an `import` keyword
 * outside an import statement, an import statement of unusual shape (a dotted name split by spaces or a line
 * break), an import name inside an f-string's code. Checked against tree-sitter on real code with
 * `scripts/select/scan-check.ts`: every Python file of boltons' history, the Python 3.11 standard library and
 * Debian's dist-packages — 4,244 of 4,247 files answered, none differently, at about a twentieth of the parse's cost.
 */
export function scanPythonImports(source: string): PythonImport[] | undefined {
  try {
    return new Scanner(source).run();
  } catch (err) {
    if (err === UNSURE) return undefined;
    throw err;
  }
}

/** Thrown inside the scanner when the file is beyond it; never escapes `scanPythonImports`. */
const UNSURE = Symbol('unsure');
function unsure(): never {
  throw UNSURE;
}

const STRING_PREFIX = /^(?:[rRuUbBfFtT]|[bBfFtT][rR]|[rR][bBfFtT])$/;
const CLOSER: Record<string, string> = { '(': ')', '[': ']', '{': '}' };

function isIdentStart(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95 || c >= 128;
}
function isIdentChar(c: number): boolean {
  return isIdentStart(c) || (c >= 48 && c <= 57);
}

class Scanner {
  private i = 0;
  private readonly found: PythonImport[] = [];
  private readonly brackets: string[] = [];
  /** The next token begins a statement (start of a logical line, after `;` or a block's `:`). */
  private atStart = true;
  /** The previous token's text (identifiers, keywords and punctuation). */
  private prev = '';

  constructor(private readonly s: string) {}

  run(): PythonImport[] {
    const s = this.s;
    while (this.i < s.length) {
      const c = s.charCodeAt(this.i);
      if (c === 0xfeff) {
        unsure(); // a byte order mark: left to the parser
      } else if (c === 32 || c === 9 || c === 12 || c === 13) {
        this.i++;
      } else if (c === 10) {
        this.i++;
        if (this.brackets.length === 0) this.atStart = true;
      } else if (c === 35 /* # */) {
        this.skipComment();
      } else if (c === 92 /* \ */) {
        this.skipContinuation();
      } else if (c === 39 || c === 34) {
        this.i = this.skipString(this.i, '');
        this.token('str');
      } else if (isIdentStart(c)) {
        this.identifier();
      } else if (c >= 48 && c <= 57) {
        while (this.i < s.length && (isIdentChar(s.charCodeAt(this.i)) || s[this.i] === '.')) this.i++;
        this.token('num');
      } else {
        this.punctuation(s[this.i]!);
      }
    }
    if (this.brackets.length > 0) unsure();
    return this.found;
  }

  private token(text: string) {
    this.atStart = false;
    this.prev = text;
  }

  private skipComment() {
    const nl = this.s.indexOf('\n', this.i);
    this.i = nl === -1 ? this.s.length : nl;
  }

  /** A backslash outside strings joins two lines; anything else after it is beyond the scanner. */
  private skipContinuation() {
    const s = this.s;
    let j = this.i + 1;
    if (s[j] === '\r') j++;
    if (s[j] !== '\n') unsure();
    this.i = j + 1;
  }

  private punctuation(ch: string) {
    const depth = this.brackets.length;
    if (ch === '(' || ch === '[' || ch === '{') {
      this.brackets.push(CLOSER[ch]!);
    } else if (ch === ')' || ch === ']' || ch === '}') {
      if (this.brackets.pop() !== ch) unsure();
    } else if (ch === '`' || ch === '$' || ch === '?') {
      unsure();
    }
    this.i++;
    this.token(ch);
    // A statement follows `;` and the `:` of a compound statement (`if x: import y`); at depth 0 a `:` is one of
    // those, an annotation's or a lambda's — after the last two, `import` and `from` cannot follow.
    if (depth === 0 && (ch === ';' || (ch === ':' && this.s[this.i] !== '='))) this.atStart = true;
  }

  private readIdent(): string {
    const s = this.s;
    const start = this.i;
    while (this.i < s.length && isIdentChar(s.charCodeAt(this.i))) this.i++;
    return s.slice(start, this.i);
  }

  private identifier() {
    const s = this.s;
    const name = this.readIdent();
    const next = s[this.i];
    if (next === '"' || next === "'") {
      if (!STRING_PREFIX.test(name)) unsure();
      this.i = this.skipString(this.i, name);
      this.token('str');
      return;
    }
    if (this.atStart && name === 'import') {
      this.importStatement();
      return;
    }
    if (this.atStart && name === 'from') {
      this.fromStatement();
      return;
    }
    if (name === 'import') unsure();
    if ((name === 'import_module' || name === '__import__') && this.prev !== 'def' && this.prev !== 'class') {
      this.call();
    }
    this.token(name);
  }

  /** Skips spaces and tabs (and, inside brackets, newlines and comments); returns the next character. */
  private skipSpace(multiline: boolean): string | undefined {
    const s = this.s;
    while (this.i < s.length) {
      const ch = s[this.i]!;
      if (ch === ' ' || ch === '\t' || ch === '\f' || ch === '\r') this.i++;
      else if (multiline && ch === '\n') this.i++;
      else if (multiline && ch === '#') this.skipComment();
      else if (ch === '\\') this.skipContinuation();
      else return ch;
    }
    return undefined;
  }

  /**
   * `import_module(…)` / `__import__(…)`: tree-sitter takes the first argument when it is a string literal (not
   * a concatenation, an expression or a keyword argument; a comment before it counts as the first argument). Reads
   * ahead without moving on: the tokens are scanned again as ordinary code.
   */
  private call() {
    const s = this.s;
    const resume = this.i;
    const inside = this.brackets.length > 0;
    let literal: string | undefined;
    if (this.skipSpace(inside) === '(') {
      this.i++;
      this.skipSpace(false);
      while (s[this.i] === '\n') {
        this.i++;
        this.skipSpace(false);
      }
      const q0 = this.i;
      let prefix = '';
      if (isIdentStart(s.charCodeAt(this.i))) prefix = this.readIdent();
      const quote = s[this.i];
      if ((quote === '"' || quote === "'") && (prefix === '' || STRING_PREFIX.test(prefix))) {
        const end = this.skipString(this.i, prefix);
        const text = s.slice(q0, end);
        this.i = end;
        const after = this.skipSpace(true);
        if (after === ',' || after === ')') literal = text;
        else if (after === 'f' && s.startsWith('for', this.i)) unsure(); // a generator argument
      }
    }
    this.i = resume;
    if (literal === undefined) return;
    const value = literal.replace(/^[rbuRBU]*(['"]{1,3})(.*)\1$/s, '$2');
    if (/^\.*[\w.]+$/.test(value)) {
      const level = value.length - value.replace(/^\.+/, '').length;
      this.found.push({ module: value.slice(level), names: [], level });
    }
  }

  /** A dotted name (`a.b.c`): no spaces, comments or line breaks inside, or the scanner is unsure. */
  private dottedName(): string {
    const s = this.s;
    if (!isIdentStart(s.charCodeAt(this.i))) unsure();
    let name = this.readIdent();
    while (s[this.i] === '.') {
      this.i++;
      if (!isIdentStart(s.charCodeAt(this.i))) unsure();
      name += `.${this.readIdent()}`;
    }
    return name;
  }

  /** Spaces, tabs and backslash continuations (not newlines: they end an import statement outside brackets). */
  private blanks(): string | undefined {
    const s = this.s;
    for (;;) {
      const ch = s[this.i];
      if (ch === ' ' || ch === '\t' || ch === '\f') this.i++;
      else if (ch === '\\') this.skipContinuation();
      else return ch;
    }
  }

  /** The statement ends at a newline, `;`, a comment or the end of the file (the main loop reads those). */
  private endOfStatement() {
    const ch = this.blanks();
    if (!(ch === undefined || ch === '\n' || ch === '\r' || ch === '#' || ch === ';')) unsure();
    this.token('import');
  }

  /** `as NAME` after an imported name, if present. */
  private alias() {
    const s = this.s;
    if (s.startsWith('as', this.i) && !isIdentChar(s.charCodeAt(this.i + 2))) {
      this.i += 2;
      this.blanks();
      if (!isIdentStart(s.charCodeAt(this.i))) unsure();
      this.readIdent();
    }
  }

  private importStatement() {
    for (;;) {
      this.blanks();
      const module = this.dottedName();
      this.found.push({ module, names: [], level: 0 });
      this.blanks();
      this.alias();
      if (this.blanks() !== ',') break;
      this.i++;
    }
    this.endOfStatement();
  }

  private fromStatement() {
    const s = this.s;
    this.blanks();
    let level = 0;
    while (s[this.i] === '.') {
      level++;
      this.i++;
    }
    let module = '';
    if (this.blanks() === undefined) unsure();
    if (!(s.startsWith('import', this.i) && !isIdentChar(s.charCodeAt(this.i + 6))))
      module = this.dottedName();
    else if (level === 0) unsure();
    this.blanks();
    if (!(s.startsWith('import', this.i) && !isIdentChar(s.charCodeAt(this.i + 6)))) unsure();
    this.i += 6;
    const names: string[] = [];
    const ch = this.blanks();
    if (ch === '*') {
      this.i++;
    } else if (ch === '(') {
      this.i++;
      for (;;) {
        if (this.skipSpace(true) === ')') break;
        names.push(this.dottedName());
        this.skipSpace(true);
        this.alias();
        const sep = this.skipSpace(true);
        if (sep === ',') this.i++;
        else if (sep !== ')') unsure();
      }
      this.i++;
    } else {
      for (;;) {
        this.blanks();
        names.push(this.dottedName());
        this.blanks();
        this.alias();
        if (this.blanks() !== ',') break;
        this.i++;
      }
    }
    // `from __future__ import …` is its own statement kind in the grammar: the tree-sitter walk skips it.
    if (!(level === 0 && module === '__future__')) this.found.push({ module, names, level });
    this.endOfStatement();
  }

  /** The index just past the string literal whose opening quote is at `q` (its prefix already read). */
  private skipString(q: number, prefix: string): number {
    const s = this.s;
    const quote = s[q]!;
    const triple = s[q + 1] === quote && s[q + 2] === quote;
    const raw = /[rR]/.test(prefix);
    const fmt = /[fFtT]/.test(prefix);
    let i = q + (triple ? 3 : 1);
    for (;;) {
      if (i >= s.length) unsure();
      const ch = s[i]!;
      if (ch === '\\') {
        // `\N{NAME}` in a (non-raw) f-string is an escape, not a replacement field.
        if (fmt && !raw && s[i + 1] === 'N' && s[i + 2] === '{') {
          const close = s.indexOf('}', i);
          if (close === -1) unsure();
          i = close + 1;
        } else i += 2;
      } else if (ch === quote) {
        if (!triple) return i + 1;
        if (s[i + 1] === quote && s[i + 2] === quote) return i + 3;
        i++;
      } else if (ch === '\n' && !triple) {
        unsure();
      } else if (fmt && ch === '{') {
        if (s[i + 1] === '{') i += 2;
        else i = this.skipField(i + 1);
      } else i++;
    }
  }

  /**
   * An f-string's replacement field from just past its `{`: code (which may hold strings and brackets) up to a
   * top-level `!conversion`, `:format spec` (literal text with nested fields) or the closing `}`. Code naming an
   * import is beyond the scanner (tree-sitter would find it).
   */
  private skipField(from: number): number {
    const s = this.s;
    let depth = 0;
    let i = from;
    for (;;) {
      if (i >= s.length) unsure();
      const ch = s[i]!;
      const c = s.charCodeAt(i);
      if (ch === '"' || ch === "'") {
        i = this.skipString(i, '');
      } else if (isIdentStart(c)) {
        const start = i;
        while (i < s.length && isIdentChar(s.charCodeAt(i))) i++;
        const word = s.slice(start, i);
        if (word.includes('import')) unsure();
        if (s[i] === '"' || s[i] === "'") {
          if (!STRING_PREFIX.test(word)) unsure();
          i = this.skipString(i, word);
        }
      } else if (ch === '(' || ch === '[' || ch === '{') {
        depth++;
        i++;
      } else if ((ch === ')' || ch === ']' || ch === '}') && depth > 0) {
        depth--;
        i++;
      } else if (ch === '}') {
        return i + 1;
      } else if (depth === 0 && ch === '!' && s[i + 1] !== '=') {
        i++;
      } else if (depth === 0 && ch === ':') {
        return this.skipFormatSpec(i + 1);
      } else if (ch === '#' || ch === '\\') {
        unsure();
      } else i++;
    }
  }

  private skipFormatSpec(from: number): number {
    const s = this.s;
    let i = from;
    for (;;) {
      if (i >= s.length) unsure();
      const ch = s[i]!;
      if (ch === '{') i = this.skipField(i + 1);
      else if (ch === '}') return i + 1;
      else if (ch === '\n') unsure();
      else i++;
    }
  }
}
