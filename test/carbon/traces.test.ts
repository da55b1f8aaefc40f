import { readFileSync } from 'node:fs';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import {
  parseTimeValue,
  parseTrace,
  pointAt,
  readTrace,
  slicePoints,
  TraceParseError,
} from '../../src/carbon/traces.js';

// The real Electricity Maps traces the repository ships (ODbL; data/carbon/README.md), gzipped.
const BUNDLED = join(import.meta.dirname, '../../data/carbon/electricitymaps');
const readBundled = (file: string) =>
  parseTrace(gunzipSync(readFileSync(join(BUNDLED, file))).toString('utf8'));
const EM_HEADER =
  'Datetime (UTC),Country,Zone Name,Zone Id,Carbon Intensity gCO₂eq/kWh (direct),Carbon Intensity gCO₂eq/kWh (LCA),Low Carbon Percentage,Renewable Percentage,Data Source,Data Estimated,Data Estimation Method';
const T0 = Date.UTC(2024, 0, 1);
const H = 3_600_000;

describe('parseTrace: Electricity Maps portal CSV', () => {
  const csv = [
    EM_HEADER,
    '2024-01-01 00:00:00,Great Britain,Great Britain,GB,61.34,96.44,85.53,62.7, nationalgrideso.com; elexon.co.uk,false,',
    '2024-01-01 01:00:00,Great Britain,Great Britain,GB,59.96,94.21,85.85,63.32, nationalgrideso.com; elexon.co.uk,false,',
    '2024-01-01 02:00:00,Great Britain,Great Britain,GB,58.00,90.00,85.85,63.32, nationalgrideso.com; elexon.co.uk,false,',
  ].join('\n');

  it('reads the LCA column by default, hourly intervals in UTC', () => {
    const t = parseTrace(csv);
    expect(t.format).toBe('electricitymaps-csv');
    expect(t.zone).toBe('GB');
    expect(t.actual.points).toEqual([
      { start: T0, end: T0 + H, value: 96.44 },
      { start: T0 + H, end: T0 + 2 * H, value: 94.21 },
      { start: T0 + 2 * H, end: T0 + 3 * H, value: 90 },
    ]);
    expect(t.actual).toMatchObject({ unit: 'gCO2eq/kWh', kind: 'average', origin: 'actual', source: 'file' });
    expect(t.forecast).toBeUndefined();
  });

  it('reads the direct column on request', () => {
    const t = parseTrace(csv, { emissionFactor: 'direct' });
    expect(t.actual.points.map((p) => p.value)).toEqual([61.34, 59.96, 58]);
  });

  it('names file and line of a bad value', () => {
    const bad = `${EM_HEADER}\n2024-01-01 00:00:00,GB,GB,GB,61,abc,1,1,x,false,\n`;
    expect(() => parseTrace(bad, { fileName: 'gb.csv' })).toThrow(
      /gb\.csv:2: Carbon Intensity .*\(LCA\): not a non-negative/,
    );
  });

  it('parses a whole real year (GB 2024: 8784 hours, no gaps)', async () => {
    const t = readBundled('GB/GB_2024_hourly.csv.gz');
    expect(t.actual.points).toHaveLength(8784);
    expect(t.actual.points[0]).toEqual({ start: T0, end: T0 + H, value: 96.44 });
    for (let i = 1; i < t.actual.points.length; i++) {
      expect(t.actual.points[i]!.start).toBe(t.actual.points[i - 1]!.end);
    }
  });
});

describe('parseTrace: plain time,intensity CSV', () => {
  it('reads ISO and zone-less times as UTC, last interval gets the median step', () => {
    const t = parseTrace(
      'time,intensity\n2024-01-01T00:00:00Z,100\n2024-01-01 00:30,120\n2024-01-01T01:00+00:00,80\n',
    );
    expect(t.format).toBe('time-intensity-csv');
    const half = H / 2;
    expect(t.actual.points).toEqual([
      { start: T0, end: T0 + half, value: 100 },
      { start: T0 + half, end: T0 + H, value: 120 },
      { start: T0 + H, end: T0 + H + half, value: 80 },
    ]);
  });

  it('sorts rows and keeps the last of a repeated start', () => {
    const t = parseTrace(
      'Time,Carbon Intensity\n2024-01-01 01:00:00,5\n2024-01-01 00:00:00,1\n2024-01-01 00:00:00,2\n',
    );
    expect(t.actual.points.map((p) => [p.start, p.value])).toEqual([
      [T0, 2],
      [T0 + H, 5],
    ]);
  });

  it('honours an end column and epoch seconds', () => {
    const s = T0 / 1000;
    const t = parseTrace(`start,end,value\n${s},${s + 900},10\n${s + 3600},${s + 7200},20\n`);
    expect(t.actual.points).toEqual([
      { start: T0, end: T0 + H / 4, value: 10 },
      { start: T0 + H, end: T0 + 2 * H, value: 20 },
    ]);
  });

  it('rejects a header without the needed columns, naming the file', () => {
    expect(() => parseTrace('when,how much\n1,2\n', { fileName: 'x.csv' })).toThrow(
      /x\.csv:1: expected a header/,
    );
  });

  it('rejects a bad time with its line', () => {
    expect(() => parseTrace('time,intensity\n2024-01-01,1\nyesterday,2\n')).toThrow(
      /trace:3: time: not a time/,
    );
  });

  it('rejects an empty trace', () => {
    expect(() => parseTrace('time,intensity\n')).toThrow(TraceParseError);
  });

  it('parses the Let’s Wait Awhile dataset’s format (`Time,Carbon Intensity`, zone-less times, float values)', () => {
    // The paper's files are for research use only and are not shipped; these rows have their exact format.
    const t = parseTrace(
      'Time,Carbon Intensity\n2019-12-20 00:00:00,120.99546661944396\n2019-12-20 00:30:00,135.08869637679902\n2019-12-20 01:00:00,128.5\n',
    );
    expect(t.actual.points).toHaveLength(3);
    expect(t.actual.points[0]).toEqual({
      start: Date.UTC(2019, 11, 20),
      end: Date.UTC(2019, 11, 20, 0, 30),
      value: 120.99546661944396,
    });
    expect(t.actual.points[2]!.end).toBe(Date.UTC(2019, 11, 20, 1, 30));
  });
});

describe('parseTrace: UK Carbon Intensity API JSON', () => {
  const national = {
    data: [
      {
        from: '2024-01-01T00:00Z',
        to: '2024-01-01T00:30Z',
        intensity: { forecast: 120, actual: 118, index: 'moderate' },
      },
      {
        from: '2024-01-01T00:30Z',
        to: '2024-01-01T01:00Z',
        intensity: { forecast: 110, actual: null, index: 'low' },
      },
    ],
  };

  it('gives actual and forecast of a national response', () => {
    const t = parseTrace(JSON.stringify(national));
    expect(t.format).toBe('uk-api-json');
    expect(t.actual.origin).toBe('actual');
    expect(t.actual.points).toEqual([{ start: T0, end: T0 + H / 2, value: 118 }]);
    expect(t.forecast?.origin).toBe('provider-forecast');
    expect(t.forecast?.points.map((p) => p.value)).toEqual([120, 110]);
  });

  it('reads a regional fw48h response (data is an object, forecast only)', () => {
    const regional = {
      data: {
        regionid: 13,
        dnoregion: 'UKPN London',
        shortname: 'London',
        data: [
          {
            from: '2024-01-01T00:00Z',
            to: '2024-01-01T00:30Z',
            intensity: { forecast: 150, index: 'moderate' },
            generationmix: [{ fuel: 'gas', perc: 40 }],
          },
        ],
      },
    };
    const t = parseTrace(JSON.stringify(regional));
    expect(t.zone).toBe('London');
    expect(t.actual.origin).toBe('provider-forecast');
    expect(t.actual.points).toEqual([{ start: T0, end: T0 + H / 2, value: 150 }]);
  });

  it('reads a regional /regional/regionid response (data is an array)', () => {
    const t = parseTrace(
      JSON.stringify({
        data: [
          {
            regionid: 3,
            shortname: 'North West England',
            data: [
              {
                from: '2024-01-01T00:00Z',
                to: '2024-01-01T00:30Z',
                intensity: { forecast: 99, index: 'low' },
              },
            ],
          },
        ],
      }),
    );
    expect(t.zone).toBe('North West England');
    expect(t.actual.points[0]!.value).toBe(99);
  });

  it('rejects malformed JSON and responses without data', () => {
    expect(() => parseTrace('{"data": [', { fileName: 'uk.json' })).toThrow(/uk\.json: invalid JSON/);
    expect(() => parseTrace('{"error": "x"}')).toThrow(/missing "data"/);
    expect(() => parseTrace('{"data":[{"from":"2024-01-01T00:00Z"}]}')).toThrow(
      /without "from", "to" and "intensity"/,
    );
  });

  it('rejects a response holding several regions', () => {
    const period = { from: '2024-01-01T00:00Z', to: '2024-01-01T00:30Z', intensity: { forecast: 1 } };
    const all = {
      data: [
        { regionid: 1, data: [period] },
        { regionid: 2, data: [period] },
      ],
    };
    expect(() => parseTrace(JSON.stringify(all))).toThrow(/several regions/);
  });
});

describe('parseTrace: JSON points', () => {
  it('reads time/intensity objects', () => {
    const t = parseTrace(
      JSON.stringify([
        { time: '2024-01-01T00:00Z', intensity: 5 },
        { time: T0 + H, intensity: 6 },
      ]),
    );
    expect(t.format).toBe('points-json');
    expect(t.actual.points).toEqual([
      { start: T0, end: T0 + H, value: 5 },
      { start: T0 + H, end: T0 + 2 * H, value: 6 },
    ]);
  });

  it('reads start/end/value objects and rejects negatives', () => {
    const t = parseTrace(JSON.stringify([{ start: T0, end: T0 + 60_000, value: 1 }]));
    expect(t.actual.points).toEqual([{ start: T0, end: T0 + 60_000, value: 1 }]);
    expect(() => parseTrace(JSON.stringify([{ time: T0, intensity: -1 }]))).toThrow(/\[0\]\.intensity/);
  });
});

describe('helpers', () => {
  it('pointAt finds the covering interval or nothing', () => {
    const t = parseTrace('time,intensity\n2024-01-01T00:00Z,1\n2024-01-01T01:00Z,2\n2024-01-01T02:00Z,3\n');
    expect(pointAt(t.actual, T0 - 1)).toBeUndefined();
    expect(pointAt(t.actual, T0)?.value).toBe(1);
    expect(pointAt(t.actual, T0 + H - 1)?.value).toBe(1);
    expect(pointAt(t.actual, T0 + H)?.value).toBe(2);
    expect(pointAt(t.actual, T0 + 3 * H - 1)?.value).toBe(3);
    expect(pointAt(t.actual, T0 + 3 * H)).toBeUndefined();
    expect(slicePoints(t.actual, T0 + H / 2, T0 + H + 1).map((p) => p.value)).toEqual([1, 2]);
  });

  it('parseTimeValue handles the supported forms', () => {
    expect(parseTimeValue('2024-01-01')).toBe(T0);
    expect(parseTimeValue('2024-01-01 00:00:00')).toBe(T0);
    expect(parseTimeValue('2024-01-01T01:00:00+01:00')).toBe(T0);
    expect(parseTimeValue(T0)).toBe(T0);
    expect(parseTimeValue(T0 / 1000)).toBe(T0);
    expect(parseTimeValue('soon')).toBeUndefined();
    expect(parseTimeValue('')).toBeUndefined();
  });

  it('readTrace names a missing file', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'trace-'));
    await expect(readTrace(join(dir, 'nope.csv'))).rejects.toThrow(/cannot read trace .*nope\.csv: ENOENT/);
    await writeFile(join(dir, 'ok.csv'), 'time,intensity\n2024-01-01,7\n');
    expect((await readTrace(join(dir, 'ok.csv'))).actual.points[0]!.value).toBe(7);
  });

  it('readTrace reads a gzip-compressed trace (the portal files as kept in data/carbon) and names a broken one', async () => {
    const portal = join(import.meta.dirname, '../../data/carbon/electricitymaps/GB/GB_2024_hourly.csv.gz');
    const trace = await readTrace(portal);
    expect(trace.format).toBe('electricitymaps-csv');
    expect(trace.actual.points.length).toBeGreaterThan(8000);
    const dir = await mkdtemp(join(tmpdir(), 'trace-'));
    await writeFile(join(dir, 'bom.csv.gz'), gzipSync('\uFEFFtime,intensity\n2024-01-01,7\n'));
    expect((await readTrace(join(dir, 'bom.csv.gz'))).actual.points[0]!.value).toBe(7);
    await writeFile(join(dir, 'broken.csv.gz'), gzipSync('time,intensity\n2024-01-01,7\n').subarray(0, 10));
    await expect(readTrace(join(dir, 'broken.csv.gz'))).rejects.toThrow(
      /broken\.csv\.gz: not a valid gzip file \(unexpected end of file\)$/,
    );
  });
});
