import ts from 'typescript';

/**
 * One hunk of a line diff: `count` lines of the base from line `start` (1-based) were replaced by `headCount`
 * lines of the head from line `headStart`. `count` 0 is an insertion after base line `start`; `headCount` 0 a
 * deletion (git's `@@ -start,count +headStart,headCount @@`).
 */
export interface Hunk {
  start: number;
  count: number;
  headStart: number;
  headCount: number;
}

/**
 * Where in the base version of a JS/TS file a hunk falls, for what runs it:
 * - `inert`: only comments, blank lines and type-only declarations (interfaces, type aliases, `declare`, `import
 *   type`, overload signatures) on both sides: erased before the code runs, no test's outcome can change;
 * - `functions`: inside the parameters and body of a function, with the names V8 gives the enclosing functions,
 *   innermost first ('' where V8's name is not known here): only a test that ran one of them can reach the change;
 * - `top`: anywhere else (module top level, class bodies, a function's name or modifiers): every test that loads
 *   the file runs it.
 */
export type Region = { kind: 'inert' } | { kind: 'top' } | { kind: 'functions'; names: string[] };

/** Parses `git diff -U0` output into hunks per file (the head path of each `+++ b/…` section). */
export function parseHunks(diff: string): Map<string, Hunk[]> {
  const out = new Map<string, Hunk[]>();
  let current: Hunk[] | undefined;
  for (const line of diff.split('\n')) {
    if (line.startsWith('+++ ')) {
      const path = line.slice(4);
      current = path === '/dev/null' ? undefined : [];
      if (current !== undefined) out.set(path.replace(/^b\//, ''), current);
      continue;
    }
    const m = /^@@ -(\d+)(?:,(\d+))? \+(\d+)(?:,(\d+))? @@/.exec(line);
    if (m !== null && current !== undefined)
      current.push({
        start: Number(m[1]),
        count: m[2] === undefined ? 1 : Number(m[2]),
        headStart: Number(m[3]),
        headCount: m[4] === undefined ? 1 : Number(m[4]),
      });
  }
  return out;
}

const FUNCTION_KINDS = new Set([
  ts.SyntaxKind.FunctionDeclaration,
  ts.SyntaxKind.FunctionExpression,
  ts.SyntaxKind.ArrowFunction,
  ts.SyntaxKind.MethodDeclaration,
  ts.SyntaxKind.Constructor,
  ts.SyntaxKind.GetAccessor,
  ts.SyntaxKind.SetAccessor,
]);

/** Declarations erased by the compiler: a change inside them changes no test's run. */
function isTypeOnly(node: ts.Node): boolean {
  if (ts.isInterfaceDeclaration(node) || ts.isTypeAliasDeclaration(node)) return true;
  if (ts.isImportDeclaration(node) || ts.isExportDeclaration(node))
    return ts.isImportDeclaration(node) ? node.importClause?.isTypeOnly === true : node.isTypeOnly;
  if (
    (ts.isFunctionDeclaration(node) || ts.isMethodDeclaration(node) || ts.isConstructorDeclaration(node)) &&
    node.body === undefined
  )
    return true; // an overload signature
  const mods = ts.canHaveModifiers(node) ? ts.getModifiers(node) : undefined;
  return mods?.some((m) => m.kind === ts.SyntaxKind.DeclareKeyword) === true;
}

const propertyName = (name: ts.PropertyName | ts.BindingName | undefined): string => {
  if (name === undefined) return '';
  if (ts.isIdentifier(name) || ts.isPrivateIdentifier(name)) return name.text;
  if (ts.isStringLiteral(name) || ts.isNumericLiteral(name)) return name.text;
  return '';
};

/** The name V8 reports for a function node in coverage ('' when not known here). */
function v8Name(fn: ts.Node): string {
  if (ts.isConstructorDeclaration(fn)) {
    const cls = fn.parent;
    return ts.isClassLike(cls) && cls.name !== undefined ? cls.name.text : '';
  }
  if (ts.isGetAccessorDeclaration(fn)) {
    const n = propertyName(fn.name);
    return n === '' ? '' : `get ${n}`;
  }
  if (ts.isSetAccessorDeclaration(fn)) {
    const n = propertyName(fn.name);
    return n === '' ? '' : `set ${n}`;
  }
  if (ts.isMethodDeclaration(fn)) return propertyName(fn.name);
  if ((ts.isFunctionDeclaration(fn) || ts.isFunctionExpression(fn)) && fn.name !== undefined)
    return fn.name.text;
  // An anonymous function takes the name of what it is assigned to.
  const p = fn.parent;
  if (
    p !== undefined &&
    (ts.isVariableDeclaration(p) || ts.isPropertyAssignment(p) || ts.isPropertyDeclaration(p))
  )
    return p.initializer === fn ? propertyName(p.name) : '';
  return '';
}

/** The span of a function that runs only when it is called: from its parameter list to the end of its body. */
function innerSpan(fn: ts.FunctionLikeDeclaration, text: string): [number, number] | undefined {
  if (fn.body === undefined) return undefined;
  // `x => …` has no parenthesis: its parameter starts the span; otherwise the `(` before the parameters.
  let start = fn.parameters.pos;
  if (start > 0 && text[start - 1] === '(') start -= 1;
  return [start, fn.body.end];
}

function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}

/** The offsets of lines `from`..`to` (1-based, inclusive), trimmed of surrounding whitespace; undefined if blank. */
function lineRange(text: string, starts: number[], from: number, to: number): [number, number] | undefined {
  let a = starts[from - 1] ?? text.length;
  let b = to < starts.length ? starts[to]! : text.length;
  while (a < b && /\s/.test(text[a]!)) a++;
  while (b > a && /\s/.test(text[b - 1]!)) b--;
  return a < b ? [a, b] : undefined;
}

/** A file as the scanner reads it: comment spans and the other tokens (strings and templates are not comments). */
function scan(text: string): { comments: [number, number][]; tokens: { start: number; text: string }[] } {
  const comments: [number, number][] = [];
  const tokens: { start: number; text: string }[] = [];
  const scanner = ts.createScanner(ts.ScriptTarget.Latest, false, ts.LanguageVariant.Standard, text);
  let last: ts.SyntaxKind = ts.SyntaxKind.Unknown;
  // Open `${…}` of templates, each with the depth of braces opened inside it.
  const templates: number[] = [];
  for (let kind = scanner.scan(); kind !== ts.SyntaxKind.EndOfFileToken; kind = scanner.scan()) {
    if (kind === ts.SyntaxKind.SingleLineCommentTrivia || kind === ts.SyntaxKind.MultiLineCommentTrivia) {
      comments.push([scanner.getTokenStart(), scanner.getTokenEnd()]);
      continue;
    }
    if (kind === ts.SyntaxKind.WhitespaceTrivia || kind === ts.SyntaxKind.NewLineTrivia) continue;
    if (kind === ts.SyntaxKind.SlashToken || kind === ts.SyntaxKind.SlashEqualsToken) {
      // A regular expression where no operand stands before the slash.
      if (
        last !== ts.SyntaxKind.Identifier &&
        last !== ts.SyntaxKind.CloseParenToken &&
        last !== ts.SyntaxKind.CloseBracketToken &&
        last !== ts.SyntaxKind.NumericLiteral &&
        last !== ts.SyntaxKind.StringLiteral
      )
        kind = scanner.reScanSlashToken();
    } else if (kind === ts.SyntaxKind.TemplateHead) templates.push(0);
    else if (kind === ts.SyntaxKind.OpenBraceToken && templates.length > 0)
      templates[templates.length - 1]! += 1;
    else if (kind === ts.SyntaxKind.CloseBraceToken && templates.length > 0) {
      if (templates.at(-1) === 0) {
        // The `}` closing a template's `${…}`: the template's text goes on.
        kind = scanner.reScanTemplateToken(false);
        if (kind === ts.SyntaxKind.TemplateTail) templates.pop();
      } else templates[templates.length - 1]! -= 1;
    }
    tokens.push({ start: scanner.getTokenStart(), text: scanner.getTokenText() });
    last = kind;
  }
  return { comments, tokens };
}

/** 1-based line of an offset. */
function lineOf(starts: readonly number[], offset: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid]! <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo + 1;
}

/**
 * Whether the unchanged lines read the same on both sides (the same code tokens in the same order): a hunk that
 * opens or closes a comment or a template turns unchanged lines into code or text, and then no hunk is inert.
 */
function unchangedLinesAgree(
  base: { text: string; starts: number[]; tokens: { start: number; text: string }[] },
  head: { text: string; starts: number[]; tokens: { start: number; text: string }[] },
  hunks: readonly Hunk[],
): boolean {
  const changedBase = new Set<number>();
  const changedHead = new Set<number>();
  for (const h of hunks) {
    for (let i = 0; i < h.count; i++) changedBase.add(h.start + i);
    for (let i = 0; i < h.headCount; i++) changedHead.add(h.headStart + i);
  }
  const kept = (side: typeof base, changed: Set<number>) =>
    side.tokens.filter((t) => !changed.has(lineOf(side.starts, t.start))).map((t) => t.text);
  const a = kept(base, changedBase);
  const b = kept(head, changedHead);
  return a.length === b.length && a.every((t, i) => t === b[i]);
}

/** Spans of type-only declarations anywhere in the file (erased by the compiler). */
function typeSpans(file: ts.SourceFile): [number, number][] {
  const spans: [number, number][] = [];
  const visit = (node: ts.Node): void => {
    if (isTypeOnly(node)) spans.push([node.getStart(file), node.end]);
    else ts.forEachChild(node, visit);
  };
  ts.forEachChild(file, visit);
  return spans;
}

/** Whether every non-blank character of [a, b) lies in one of `spans` (comments, type-only declarations). */
function onlyErased(text: string, spans: readonly [number, number][], a: number, b: number): boolean {
  const sorted = [...spans].sort((x, y) => x[0] - y[0]);
  let i = a;
  for (const [s, e] of sorted) {
    if (e <= i) continue;
    if (s >= b) break;
    for (; i < s && i < b; i++) if (!/\s/.test(text[i]!)) return false;
    i = Math.max(i, e);
    if (i >= b) return true;
  }
  for (; i < b; i++) if (!/\s/.test(text[i]!)) return false;
  return true;
}

/** The enclosing functions of [a, b) whose parameters and body hold it, innermost first. */
function enclosing(file: ts.SourceFile, text: string, a: number, b: number): ts.FunctionLikeDeclaration[] {
  const chain: ts.FunctionLikeDeclaration[] = [];
  const visit = (node: ts.Node): void => {
    if (node.pos > a || node.end < b) return;
    if (FUNCTION_KINDS.has(node.kind)) {
      const span = innerSpan(node as ts.FunctionLikeDeclaration, text);
      if (span === undefined || span[0] > a || span[1] < b) return;
      chain.unshift(node as ts.FunctionLikeDeclaration);
    }
    ts.forEachChild(node, visit);
  };
  ts.forEachChild(file, visit);
  return chain;
}

const parse = (name: string, text: string) =>
  ts.createSourceFile(
    name,
    text,
    ts.ScriptTarget.Latest,
    true,
    /\.[cm]?jsx?$/.test(name) ? ts.ScriptKind.JS : undefined,
  );

/**
 * Classifies each hunk of a change of one JS/TS file by what runs it (see `Region`), from the base and head texts.
 * A hunk is judged on the base text (where the tests that ran were recorded); an insertion by the point it is
 * inserted at; `inert` needs both sides to be comments or type-only declarations.
 */
export function changeRegions(path: string, base: string, head: string, hunks: readonly Hunk[]): Region[] {
  const baseFile = parse(path, base);
  const headFile = parse(path, head);
  const baseStarts = lineStarts(base);
  const headStarts = lineStarts(head);
  const baseScan = scan(base);
  const headScan = scan(head);
  const agree = unchangedLinesAgree(
    { text: base, starts: baseStarts, tokens: baseScan.tokens },
    { text: head, starts: headStarts, tokens: headScan.tokens },
    hunks,
  );
  const baseErased = [...baseScan.comments, ...typeSpans(baseFile)];
  const headErased = [...headScan.comments, ...typeSpans(headFile)];
  const sideInert = (
    text: string,
    starts: number[],
    from: number,
    count: number,
    erased: [number, number][],
  ) => {
    if (count === 0) return true;
    const r = lineRange(text, starts, from, from + count - 1);
    return r === undefined || onlyErased(text, erased, r[0], r[1]);
  };
  return hunks.map((h): Region => {
    const inert =
      agree &&
      sideInert(base, baseStarts, h.start, h.count, baseErased) &&
      sideInert(head, headStarts, h.headStart, h.headCount, headErased);
    if (inert) return { kind: 'inert' };
    let range: [number, number] | undefined;
    if (h.count === 0) {
      // Inserted after line `start`: the point where the next base line begins (its indentation skipped).
      let p = baseStarts[h.start] ?? base.length;
      while (p < base.length && (base[p] === ' ' || base[p] === '\t')) p++;
      range = [p, p];
    } else range = lineRange(base, baseStarts, h.start, h.start + h.count - 1);
    if (range === undefined) {
      // Blank base lines replaced by code: judged where they stand.
      const p = baseStarts[h.start - 1] ?? base.length;
      range = [p, p];
    }
    const chain = enclosing(baseFile, base, range[0], range[1]);
    if (chain.length === 0) return { kind: 'top' };
    return { kind: 'functions', names: chain.map(v8Name) };
  });
}
