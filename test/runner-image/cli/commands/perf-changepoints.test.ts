import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { runCliCaptured } from '../../../support/cli.js';

const dir = mkdtempSync(join(tmpdir(), 'ai-ci-changepoints-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function file(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

const run = (args: string[]) => runCliCaptured(['perf', 'changepoints', ...args]);

// A step from ~10 to ~12 at index 20, with a little deterministic wobble.
const step = Array.from({ length: 40 }, (_, i) => (i < 20 ? 10 : 12) + ((i * 7) % 5) * 0.01);
const flat = Array.from({ length: 40 }, (_, i) => 5 + ((i * 3) % 7) * 0.01);

describe('ai-ci perf changepoints', () => {
  it('reads a JSON array and prints 0-based indices', async () => {
    const r = await run([file('a.json', JSON.stringify(step))]);
    expect(r.code).toBe(0);
    expect(r.out.trim()).toBe('20');
  });

  it('reads an object of named arrays, with --json details', async () => {
    const r = await run([file('named.json', JSON.stringify({ step, flat })), '--json']);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.out);
    expect(doc.series.map((s: { name: string }) => s.name)).toEqual(['step', 'flat']);
    expect(doc.series[0].changePoints).toEqual([20]);
    expect(doc.series[0].details[0].relativeChange).toBeCloseTo(0.2, 1);
    expect(doc.series[1].changePoints).toEqual([]);
  });

  it('reports a short excursion once, with the index where it ends in --json', async () => {
    const incident = Array.from(
      { length: 60 },
      (_, i) => (i >= 30 && i < 33 ? 20 : 10) + ((i * 7) % 5) * 0.01,
    );
    const r = await run([file('incident.json', JSON.stringify(incident)), '--json']);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.out);
    expect(doc.series[0].changePoints).toEqual([30]);
    expect(doc.series[0].details[0].burstEnd).toBe(33);
    expect(doc.series[0].details[0].relativeChange).toBeCloseTo(1, 1);
  });

  it('prints each named series on its own line', async () => {
    const r = await run([file('named2.json', JSON.stringify({ step, flat }))]);
    expect(r.out).toBe('step: 20\nflat: (none)\n');
  });

  it('reads a CSV column', async () => {
    const csv = ['time,value', ...step.map((v, i) => `${i},${v}`)].join('\n');
    const r = await run([file('s.csv', csv), '--column', 'value', '--json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out).series[0]).toMatchObject({ name: 'value', length: 40, changePoints: [20] });
  });

  it('reads a gzip-compressed file and one with a UTF-8 byte order mark; a broken gzip is one line and exit 3', async () => {
    const csv = ['time,value', ...step.map((v, i) => `${i},${v}`)].join('\n');
    const gz = join(dir, 's.csv.gz');
    writeFileSync(gz, gzipSync(csv));
    expect((await run([gz, '--column', 'value'])).out.trim()).toBe('value: 20');
    expect((await run([file('bom.json', `\uFEFF${JSON.stringify(step)}`)])).out.trim()).toBe('20');
    const broken = join(dir, 'broken.json.gz');
    writeFileSync(broken, gzipSync(JSON.stringify(step)).subarray(0, 12));
    const r = await run([broken]);
    expect(r.code).toBe(3);
    expect(r.err.trim().split('\n')).toEqual([
      `ai-ci: ${broken}: is not a valid gzip file (unexpected end of file)`,
    ]);
  });

  it('passes tuning options through', async () => {
    const r = await run([file('tuned.json', JSON.stringify(step)), '--min-change', '0.5']);
    expect(r.out.trim()).toBe('(none)');
    const low = [...step.slice(0, 36), 12.5, 12.6, 12.5, 12.6];
    const lowFile = file('penalty.json', JSON.stringify(low));
    expect((await run([lowFile])).out.trim()).toBe('20 36');
    // A much higher penalty keeps only the large step; segments of ≥ 5 points move the short last one.
    expect((await run([lowFile, '--penalty', '100'])).out.trim()).toBe('20');
    expect((await run([lowFile, '--min-segment', '5'])).out.trim()).toBe('20 35');
    // A short excursion: one event by default, its start and end with --merge-within 0.
    const incident = Array.from(
      { length: 60 },
      (_, i) => (i >= 30 && i < 33 ? 20 : 10) + ((i * 7) % 5) * 0.01,
    );
    const incidentFile = file('incident-flags.json', JSON.stringify(incident));
    expect((await run([incidentFile])).out.trim()).toBe('30');
    expect((await run([incidentFile, '--merge-within', '0'])).out.trim()).toBe('30 33');
    // A steady rise: no change point by default, a staircase with --trend-fit 0.
    const rise = Array.from({ length: 200 }, (_, i) => 100 + 0.05 * i + ((i * 7) % 5) * 0.05);
    const riseFile = file('rise.json', JSON.stringify(rise));
    expect((await run([riseFile])).out.trim()).toBe('(none)');
    expect((await run([riseFile, '--trend-fit', '0'])).out.trim().split(' ').length).toBeGreaterThan(1);
  });

  it('keeps missing values (null, empty cells, NaN, NA) in the row numbering', async () => {
    const withGaps = step.map((v, i) => (i === 5 || i === 30 ? null : v));
    expect((await run([file('gaps.json', JSON.stringify(withGaps))])).out.trim()).toBe('20');
    const rows = step.map((v, i) => `${i};${i === 3 ? '' : i === 10 ? 'NaN' : i === 25 ? 'NA' : v}`);
    const r = await run([file('gaps.csv', ['t;value', ...rows].join('\n')), '--column', 'value', '--json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out).series[0]).toMatchObject({
      name: 'value',
      length: 40,
      missing: 3,
      changePoints: [20],
    });
  });

  it('guesses the delimiter, reads every numeric column, and names the ones left out', async () => {
    const rows = step.map((v, i) => `2026-01-${String((i % 28) + 1).padStart(2, '0')}\t${v}\t${flat[i]}`);
    const r = await run([file('wide.tsv', ['date\tstep\tflat', ...rows].join('\n'))]);
    expect(r.code).toBe(0);
    expect(r.out).toBe('step: 20\nflat: (none)\n');
    expect(r.err).toMatch(/wide\.tsv: not numeric, left out: date/);
  });

  it('takes --delimiter and columns by position', async () => {
    const rows = step.map((v, i) => `${i}|${v}`);
    const path = file('piped.txt', ['i|v', ...rows].join('\n'));
    const r = await run([path, '--delimiter', '|', '--column', '2']);
    expect(r.out).toBe('v: 20\n');
    const semi = file('semi.csv', ['a;b', ...step.map((v) => `${v};${v}`)].join('\n'));
    expect((await run([semi, '--column', 'a,b'])).out).toBe('a: 20\nb: 20\n');
  });

  it('reads a file with a UTF-8 byte-order mark', async () => {
    const r = await run([file('bom.csv', `\uFEFFvalue\n${step.join('\n')}\n`)]);
    expect(r.out).toBe('value: 20\n');
  });

  it.each([
    {
      name: 'bad.json',
      text: '[1, 2, "x"]',
      args: [],
      code: 3,
      message: /bad\.json: element \[2\] is "x", not a number or a missing value/,
    },
    {
      name: 'badfield.json',
      text: '{"a": [1, 2], "b": 3}',
      args: [],
      code: 3,
      message: /badfield\.json: field "b" is not an array/,
    },
    {
      name: 'nested.json',
      text: '{"a": [1, {}]}',
      args: [],
      code: 3,
      message: /nested\.json: field "a"\[1\] is \{\}/,
    },
    {
      name: 'column.json',
      text: '[1, 2]',
      args: ['--column', 'a'],
      code: 2,
      message: /column\.json: --column and --delimiter apply to delimited text files; this file is JSON/,
    },
    { name: 'broken.json', text: '[1, 2', args: [], code: 3, message: /broken\.json: not valid JSON/ },
    { name: 'empty.json', text: '', args: [], code: 3, message: /empty\.json: the file is empty/ },
    {
      name: 'bad.csv',
      text: 'v\n1\n2\nabc\n',
      args: [],
      code: 3,
      message: /bad\.csv: line 4, column "v": "abc" is not a number/,
    },
    {
      name: 'words.csv',
      text: 'a,b\nx,y\n',
      args: [],
      code: 3,
      message:
        /words\.csv: no column holds only numbers and missing values \(the header has: a, b; split with ","; first bad cell: line 2, column "a": "x" is not a number\)/,
    },
    {
      name: 'explicit.csv',
      text: 'a,b\n1,y\n',
      args: ['--column', 'b'],
      code: 3,
      message: /explicit\.csv: line 2, column "b": "y" is not a number/,
    },
    {
      name: 'nocol.csv',
      text: 'a,b\n1,2\n',
      args: ['--column', 'c'],
      code: 3,
      message: /nocol\.csv: no column "c" \(the header has: a, b; split with ","\)/,
    },
  ])('fails cleanly on $name', async ({ name, text, args, code, message }) => {
    const r = await run([file(name, text), ...args]);
    expect(r.code).toBe(code);
    expect(r.err).toMatch(message);
    expect(r.out).toBe('');
  });

  it('names a missing file', async () => {
    const r = await run([join(dir, 'missing.json')]);
    expect(r.code).toBe(3);
    expect(r.err).toMatch(/missing\.json: does not exist/);
  });

  it('rejects bad option values as usage errors', async () => {
    for (const bad of [
      ['--penalty', '0'],
      ['--min-segment', '1.5'],
      ['--trend-fit', '-1'],
      ['--merge-within', '2.5'],
      ['--delimiter', 'ab'],
    ]) {
      const r = await run([file('ok.json', JSON.stringify(step)), ...bad]);
      expect(r.code).toBe(2);
    }
  });
});
