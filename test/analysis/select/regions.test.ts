import { describe, expect, it } from 'vitest';
import { changeRegions, type Hunk, parseHunks } from '../../../src/analysis/select/regions.js';

const BASE = [
  '/** Adds. */', // 1
  'export function add(a: number, b: number): number {', // 2
  '  return a + b;', // 3
  '}', // 4
  '', // 5
  'export interface Shape {', // 6
  '  area: number;', // 7
  '}', // 8
  '', // 9
  'export class Box {', // 10
  '  constructor(private readonly w: number) {', // 11
  '    this.w = w;', // 12
  '  }', // 13
  '  get width(): number {', // 14
  '    return [1, 2].map((x) => x * this.w)[0]!;', // 15
  '  }', // 16
  '}', // 17
  '', // 18
  'export const twice = (x: number) => {', // 19
  '  return 2 * x;', // 20
  '};', // 21
  'const LIMIT = 3;', // 22
].join('\n');

/** The head after replacing base lines `from`..`to` (1-based) with `lines`, and its hunk. */
function edit(from: number, count: number, lines: string[]): { head: string; hunk: Hunk } {
  const base = BASE.split('\n');
  const at = count === 0 ? from : from - 1;
  base.splice(at, count, ...lines);
  return {
    head: base.join('\n'),
    hunk: { start: from, count, headStart: count === 0 ? from + 1 : from, headCount: lines.length },
  };
}

const region = (from: number, count: number, lines: string[]) => {
  const { head, hunk } = edit(from, count, lines);
  return changeRegions('src/x.ts', BASE, head, [hunk])[0];
};

describe('changeRegions', () => {
  it('puts a change in a body under its function and every function around it, innermost first', () => {
    expect(region(3, 1, ['  return a - b;'])).toEqual({ kind: 'functions', names: ['add'] });
    expect(region(15, 1, ['    return [1, 2].map((x) => x + this.w)[0]!;'])).toEqual({
      kind: 'functions',
      names: ['get width'], // the line holds more than the callback: its getter
    });
    expect(region(12, 1, ['    this.w = w + 1;'])).toEqual({ kind: 'functions', names: ['Box'] });
    expect(region(20, 1, ['  return 3 * x;'])).toEqual({ kind: 'functions', names: ['twice'] });
    // Inserted before a body's closing brace: inside.
    expect(region(3, 0, ['  console.log(a);'])).toEqual({ kind: 'functions', names: ['add'] });
  });

  it('puts a change of the top level, a signature or a name at the top', () => {
    expect(region(22, 1, ['const LIMIT = 4;'])).toEqual({ kind: 'top' });
    expect(region(2, 1, ['export function add(a: number, b = 1): number {'])).toEqual({ kind: 'top' });
    expect(region(14, 1, ['  get height(): number {'])).toEqual({ kind: 'top' });
    // Inserted after a function, at the top level.
    expect(region(4, 0, ['add(1, 2);'])).toEqual({ kind: 'top' });
  });

  it('finds comments, blank lines and type-only declarations inert', () => {
    expect(region(1, 1, ['/** Adds two numbers. */'])).toEqual({ kind: 'inert' });
    expect(region(7, 1, ['  area: number;', '  name?: string;'])).toEqual({ kind: 'inert' });
    expect(region(9, 0, ['export type Id = string;', ''])).toEqual({ kind: 'inert' });
    expect(region(3, 0, ['  // a comment in a body'])).toEqual({ kind: 'inert' });
  });

  it('is not fooled by a hunk that opens a comment over unchanged code', () => {
    expect(region(18, 0, ['/*'])).toEqual({ kind: 'top' });
    // Code turned into a comment is a change of what runs.
    expect(region(3, 1, ['  // return a + b;'])).toEqual({ kind: 'functions', names: ['add'] });
  });
});

describe('parseHunks', () => {
  it('reads git diff -U0 hunks per head path', () => {
    const diff = [
      'diff --git a/src/x.ts b/src/x.ts',
      '--- a/src/x.ts',
      '+++ b/src/x.ts',
      '@@ -3 +3 @@ export function add',
      '-  return a + b;',
      '+  return a - b;',
      '@@ -9,0 +10,2 @@',
      '+x',
      '+y',
      'diff --git a/src/gone.ts b/src/gone.ts',
      '--- a/src/gone.ts',
      '+++ /dev/null',
      '@@ -1,2 +0,0 @@',
    ].join('\n');
    expect(parseHunks(diff)).toEqual(
      new Map([
        [
          'src/x.ts',
          [
            { start: 3, count: 1, headStart: 3, headCount: 1 },
            { start: 9, count: 0, headStart: 10, headCount: 2 },
          ],
        ],
      ]),
    );
  });
});
