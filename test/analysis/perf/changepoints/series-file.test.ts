import { parse as parseCsv } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { readSeriesText, splitPlain } from '../../../../src/analysis/perf/changepoints/series-file.js';

const csvParse = (text: string, delimiter: string) =>
  parseCsv(text, { delimiter, skip_empty_lines: true, relax_column_count: true }) as string[][];

describe('delimited series files without quotes are split directly', () => {
  it.each([
    { name: 'comma, LF, trailing newline', text: 'a,b\n1,2\n3,4\n', delimiter: ',' },
    { name: 'CRLF, empty lines, no trailing newline', text: 'a;b\r\n1;2\r\n\r\n3;\r\n;4', delimiter: ';' },
    { name: 'tab, ragged rows, spaces kept', text: 'x\ty\tz\n 1 \t2\n3\t4\t5\t6\n', delimiter: '\t' },
    { name: 'pipe, missing markers', text: 'v|w\nNaN|1\nNA|\n|n/a\n', delimiter: '|' },
  ])('as csv-parse splits them: $name', ({ text, delimiter }) => {
    expect(splitPlain(text, delimiter)).toEqual(csvParse(text, delimiter));
  });

  it('leaves quoted fields and lone carriage returns to csv-parse', () => {
    expect(splitPlain('"a,b",c\n1,2\n', ',')).toBeUndefined();
    expect(splitPlain('a,b\r1,2\r', ',')).toBeUndefined();
    // Either way the file reads the same.
    expect(readSeriesText('a,b\r1,2\r3,4\r', 'old-mac.csv').series).toEqual([
      { name: 'a', values: [1, 3] },
      { name: 'b', values: [2, 4] },
    ]);
  });

  it('reads numbers with surrounding spaces, missing values as NaN, and leaves other text out', () => {
    const file = readSeriesText('t,v,label\n1, 2.5 ,x\n2,,y\n3, NA ,z\n4,0,w\n', 'mixed.csv');
    expect(file.series).toEqual([
      { name: 't', values: [1, 2, 3, 4] },
      { name: 'v', values: [2.5, Number.NaN, Number.NaN, 0] },
    ]);
    expect(file.skippedColumns).toEqual(['label']);
  });
});
