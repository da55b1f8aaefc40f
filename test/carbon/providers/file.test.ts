import { mkdtemp, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { ProviderError } from '../../../src/carbon/providers/errors.js';
import { FileProvider, StaticProvider } from '../../../src/carbon/providers/file.js';

const H = 3_600_000;
const T0 = Date.UTC(2024, 0, 1);
let dir: string;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'carbon-file-'));
});

const csv = (values: number[]) =>
  `time,intensity\n${values.map((v, i) => `${new Date(T0 + i * H).toISOString()},${v}`).join('\n')}\n`;

async function failure(p: Promise<unknown>): Promise<ProviderError> {
  const err = await p.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(ProviderError);
  return err as ProviderError;
}

describe('FileProvider', () => {
  it('looks "now" up in the trace and serves later points as the forecast', async () => {
    const path = join(dir, 't.csv');
    await writeFile(path, csv([100, 200, 50, 80]));
    const p = new FileProvider({ path });
    expect(await p.current(T0 + H + 5)).toEqual({
      value: 200,
      start: T0 + H,
      end: T0 + 2 * H,
      origin: 'actual',
      kind: 'average',
      source: 'file',
    });
    const f = (await p.forecast(T0 + H + 5, 2 * H))!;
    expect(f.origin).toBe('provider-forecast');
    expect(f.points.map((x) => x.value)).toEqual([200, 50, 80]);
    const h = (await p.history(T0 + H + 5, 24 * H))!;
    expect(h.points.map((x) => x.value)).toEqual([100, 200]);
  });

  it('has no forecast at the end of the trace (the source then forecasts from history)', async () => {
    const path = join(dir, 't.csv');
    await writeFile(path, csv([100, 200]));
    expect(await new FileProvider({ path }).forecast(T0 + H + 1, 6 * H)).toBeNull();
  });

  it('prefers the saved UK API response’s own forecast', async () => {
    const path = join(dir, 'uk.json');
    const period = (h: number, forecast: number, actual: number | null) => ({
      from: new Date(T0 + h * H).toISOString().replace(':00.000Z', 'Z'),
      to: new Date(T0 + (h + 1) * H).toISOString().replace(':00.000Z', 'Z'),
      intensity: { forecast, actual, index: 'low' },
    });
    await writeFile(path, JSON.stringify({ data: [period(0, 110, 100), period(1, 90, null)] }));
    const p = new FileProvider({ path });
    expect((await p.current(T0)).value).toBe(100);
    expect((await p.forecast(T0, 2 * H))!.points.map((x) => x.value)).toEqual([110, 90]);
  });

  it('re-reads the file when it changes', async () => {
    const path = join(dir, 't.csv');
    await writeFile(path, csv([100]));
    const p = new FileProvider({ path });
    expect((await p.current(T0)).value).toBe(100);
    await writeFile(path, csv([300, 310]));
    await utimes(path, new Date(), new Date(Date.now() + 5000));
    expect((await p.current(T0)).value).toBe(300);
  });

  it('says which time range the trace covers when now is outside it', async () => {
    const path = join(dir, 't.csv');
    await writeFile(path, csv([1, 2]));
    const err = await failure(new FileProvider({ path }).current(T0 + 10 * H));
    expect(err.kind).toBe('unavailable');
    expect(err.message).toBe(
      `file: ${path} covers 2024-01-01T00:00:00.000Z to 2024-01-01T02:00:00.000Z; nothing at 2024-01-01T10:00:00.000Z`,
    );
  });

  it('reports a missing file and a malformed file with their names', async () => {
    const missing = join(dir, 'none.csv');
    expect((await failure(new FileProvider({ path: missing }).current(T0))).message).toMatch(
      /cannot read .*none\.csv: ENOENT/,
    );
    const bad = join(dir, 'bad.csv');
    await writeFile(bad, 'time,intensity\n2024-01-01T00:00Z,lots\n');
    const err = await failure(new FileProvider({ path: bad }).current(T0));
    expect(err.kind).toBe('parse');
    expect(err.message).toContain('bad.csv:2: intensity: not a non-negative intensity');
  });
});

describe('StaticProvider', () => {
  it('is flat, now and ahead', async () => {
    const p = new StaticProvider(120);
    expect(await p.current(T0)).toMatchObject({ value: 120, start: T0, origin: 'actual' });
    expect((await p.forecast(T0, 6 * H))!.points).toEqual([{ start: T0, end: T0 + 6 * H, value: 120 }]);
    expect(await p.history()).toBeNull();
  });

  it('rejects a negative intensity', () => {
    expect(() => new StaticProvider(-1)).toThrow(/must be a number/);
  });
});
