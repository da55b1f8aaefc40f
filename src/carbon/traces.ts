/**
 * Parsers for recorded carbon-intensity traces, shared by the file source (air-gapped clusters, replay) and
 * `ai-ci simulate`. Pure: text in, series out; `readTrace` is the only function that touches the file system.
 *
 * Formats understood (auto-detected by `parseTrace`):
 * - Electricity Maps data-portal CSV: `Datetime (UTC)` plus `Carbon Intensity gCO₂eq/kWh (LCA)` and/or `(direct)`
 *   (see ../shared/data/carbon/README.md). LCA is the default, as it is the Electricity Maps API's default
 *   (`emissionFactorType=lifecycle`).
 * - Plain CSV with a time column (`time`, `datetime`, `timestamp`, `start`, `from`) and an intensity column
 *   (`intensity`, `carbon intensity`, `value`, `carbon_intensity`), optionally an `end` column. The
 *   "Let's Wait Awhile" files (`Time,Carbon Intensity`) are of this kind.
 * - A saved UK Carbon Intensity API response (https://carbon-intensity.github.io/api-definitions/): national
 *   `{"data":[{"from","to","intensity":{"forecast","actual","index"}}]}` or regional
 *   `{"data":[{"regionid",…,"data":[…]}]}` / `{"data":{"regionid",…,"data":[…]}}` (regional data is forecast only).
 * - JSON points: `[{"time": ISO|epoch, "intensity": n}]` (optionally `end`), or `[{"start","end","value"}]`.
 *
 * Time values without a zone are read as UTC (the portal's column is UTC; the paper traces carry no zone and are
 * documented as UTC-like). Numbers are epoch seconds, or epoch milliseconds when larger than 1e11.
 *
 * Size: one parser per format (four formats) behind one auto-detecting entry point; they share the time and unit
 * parsing at the bottom.
 */
import { readFile } from 'node:fs/promises';
import { gunzipSync } from 'node:zlib';
import { parse as parseCsv } from 'csv-parse/sync';
import type { IntensityPoint, IntensitySeries, SeriesOrigin } from './types.js';

export type TraceFormat = 'electricitymaps-csv' | 'time-intensity-csv' | 'uk-api-json' | 'points-json';

/** A recorded trace: what happened (`actual`) and, where the recording has one, what the provider forecast. */
export interface Trace {
  format: TraceFormat;
  /** The best available record of the real intensity. For a regional UK API response, which has no actual
   *  values, this is the published forecast and its `origin` says `provider-forecast`. */
  actual: IntensitySeries;
  /** The provider's own published forecast, where the trace has one (UK API responses). */
  forecast?: IntensitySeries;
  /** Zone or region named inside the trace, if any (`Zone Id` of a portal CSV, `shortname` of a UK region). */
  zone?: string;
}

export interface TraceOptions {
  /** Which Electricity Maps column to read: life-cycle (default, as the API) or direct (operational only). */
  emissionFactor?: 'lifecycle' | 'direct';
  /** Name used in error messages (a file path). */
  fileName?: string;
  /** `source` of the returned series; default `file`. */
  source?: string;
}

/** Error for unreadable trace content; the message names the file, line or field. */
export class TraceParseError extends Error {
  override name = 'TraceParseError';
}

const HOUR_MS = 3_600_000;

/**
 * Reads and parses a trace file (format detected from content). A gzip-compressed file (recognised by its magic
 * bytes, whatever its name: the portal's downloads are often kept as .csv.gz) is decompressed first.
 */
export async function readTrace(path: string, options: TraceOptions = {}): Promise<Trace> {
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (err) {
    throw new TraceParseError(
      `cannot read trace ${path}: ${(err as NodeJS.ErrnoException).code ?? String(err)}`,
    );
  }
  if (bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b) {
    try {
      bytes = gunzipSync(bytes);
    } catch (err) {
      throw new TraceParseError(`${path}: not a valid gzip file (${(err as Error).message})`);
    }
  }
  return parseTrace(bytes.toString('utf8'), { fileName: path, ...options });
}

/** Detects the format of `text` and parses it. */
export function parseTrace(text: string, options: TraceOptions = {}): Trace {
  const body = text.replace(/^\uFEFF/, '');
  const first = body.trimStart()[0];
  if (first === '{' || first === '[') {
    let json: unknown;
    try {
      json = JSON.parse(body);
    } catch (err) {
      throw new TraceParseError(`${where(options)}: invalid JSON: ${(err as Error).message}`);
    }
    if (Array.isArray(json)) return parsePointsJson(json, options);
    return parseUkApiJson(json, options);
  }
  const header = (body.split(/\r?\n/, 1)[0] ?? '').toLowerCase();
  if (header.includes('datetime (utc)') && header.includes('carbon intensity gco')) {
    return parseElectricityMapsCsv(body, options);
  }
  return parseTimeIntensityCsv(body, options);
}

/** Parses an Electricity Maps data-portal CSV (hourly/daily downloads). */
export function parseElectricityMapsCsv(text: string, options: TraceOptions = {}): Trace {
  const rows = readCsv(text, options);
  const header = rows[0] ?? [];
  const timeCol = findColumn(header, (h) => h === 'datetime (utc)');
  const wanted = options.emissionFactor === 'direct' ? '(direct)' : '(lca)';
  const valueCol = findColumn(header, (h) => h.startsWith('carbon intensity gco') && h.endsWith(wanted));
  if (timeCol < 0 || valueCol < 0) {
    throw new TraceParseError(
      `${where(options)}: not an Electricity Maps CSV: need columns "Datetime (UTC)" and "Carbon Intensity gCO₂eq/kWh ${wanted.toUpperCase()}"`,
    );
  }
  const zoneCol = findColumn(header, (h) => h === 'zone id');
  const starts: number[] = [];
  const values: number[] = [];
  for (let i = 1; i < rows.length; i++) {
    const row = rows[i]!;
    if (row.length === 1 && row[0] === '') continue;
    starts.push(parseTime(row[timeCol], options, i + 1, header[timeCol]!));
    values.push(parseIntensity(row[valueCol], options, i + 1, header[valueCol]!));
  }
  const zone = zoneCol >= 0 ? rows[1]?.[zoneCol] : undefined;
  return {
    format: 'electricitymaps-csv',
    actual: seriesFromStarts(starts, values, undefined, 'actual', options),
    ...(zone ? { zone } : {}),
  };
}

const TIME_HEADERS = ['time', 'datetime', 'timestamp', 'start', 'from', 'date'];
const VALUE_HEADERS = ['intensity', 'carbon intensity', 'carbon_intensity', 'carbonintensity', 'value'];

/** Parses a plain CSV with a time and an intensity column (and an optional `end`/`to` column). */
export function parseTimeIntensityCsv(text: string, options: TraceOptions = {}): Trace {
  const rows = readCsv(text, options);
  const header = rows[0] ?? [];
  const timeCol = findColumn(header, (h) => TIME_HEADERS.includes(h));
  const valueCol = findColumn(header, (h) => VALUE_HEADERS.includes(h));
  if (timeCol < 0 || valueCol < 0) {
    throw new TraceParseError(
      `${where(options, 1)}: expected a header with a time column (${TIME_HEADERS.join('|')}) and an intensity column (${VALUE_HEADERS.join('|')}), got "${header.join(',')}"`,
    );
  }
  const endCol = findColumn(header, (h) => h === 'end' || h === 'to');
  const starts: number[] = [];
  const ends: number[] = [];
  const values: number[] = [];
  for (let i = 1; i < rows.length; i++) {
    const row = rows[i]!;
    if (row.length === 1 && row[0] === '') continue;
    starts.push(parseTime(row[timeCol], options, i + 1, header[timeCol]!));
    values.push(parseIntensity(row[valueCol], options, i + 1, header[valueCol]!));
    if (endCol >= 0) ends.push(parseTime(row[endCol], options, i + 1, header[endCol]!));
  }
  return {
    format: 'time-intensity-csv',
    actual: seriesFromStarts(starts, values, endCol >= 0 ? ends : undefined, 'actual', options),
  };
}

interface UkPeriod {
  from: string;
  to: string;
  intensity: { forecast?: number | null; actual?: number | null; index?: string };
}

/**
 * Parses a saved UK Carbon Intensity API response. National responses give both the actual (where published)
 * and the forecast; regional ones give the forecast only.
 */
export function parseUkApiJson(json: unknown, options: TraceOptions = {}): Trace {
  const periods = ukPeriods(json, options);
  const region = ukRegion(json);
  const actualPts: IntensityPoint[] = [];
  const forecastPts: IntensityPoint[] = [];
  periods.forEach((p, i) => {
    const field = `data[${i}]`;
    const start = parseTime(p.from, options, undefined, `${field}.from`);
    const end = parseTime(p.to, options, undefined, `${field}.to`);
    const { forecast, actual } = p.intensity;
    if (typeof actual === 'number') actualPts.push({ start, end, value: actual });
    if (typeof forecast === 'number') forecastPts.push({ start, end, value: forecast });
  });
  const source = options.source ?? 'file';
  const forecast = makeSeries(forecastPts, 'provider-forecast', source);
  const actual = actualPts.length > 0 ? makeSeries(actualPts, 'actual', source) : forecast;
  if (actual.points.length === 0) {
    throw new TraceParseError(`${where(options)}: UK API response has no intensity values`);
  }
  return {
    format: 'uk-api-json',
    actual,
    ...(forecastPts.length > 0 ? { forecast } : {}),
    ...(region ? { zone: region } : {}),
  };
}

function ukPeriods(json: unknown, options: TraceOptions): UkPeriod[] {
  const data = (json as { data?: unknown } | null)?.data;
  const candidates: unknown[] = Array.isArray(data) ? data : data && typeof data === 'object' ? [data] : [];
  if (candidates.length === 0) {
    throw new TraceParseError(`${where(options)}: not a UK Carbon Intensity API response: missing "data"`);
  }
  const out: UkPeriod[] = [];
  for (const entry of candidates) {
    const nested = (entry as { data?: unknown }).data;
    const list = Array.isArray(nested) ? nested : [entry];
    for (const p of list) {
      const period = p as Partial<UkPeriod>;
      if (typeof period?.from !== 'string' || typeof period.to !== 'string' || !period.intensity) {
        throw new TraceParseError(
          `${where(options)}: UK API period without "from", "to" and "intensity": ${JSON.stringify(p).slice(0, 120)}`,
        );
      }
      out.push(period as UkPeriod);
    }
  }
  // A response for all regions at once (`/regional`) would mix regions in one series.
  const regions = new Set(candidates.map((c) => (c as { regionid?: number }).regionid));
  if (regions.size > 1) {
    throw new TraceParseError(
      `${where(options)}: UK API response holds several regions; save a single region`,
    );
  }
  return out;
}

function ukRegion(json: unknown): string | undefined {
  const data = (json as { data?: unknown }).data;
  const first = (Array.isArray(data) ? data[0] : data) as { shortname?: unknown } | undefined;
  return typeof first?.shortname === 'string' ? first.shortname : undefined;
}

/** Parses `[{"time","intensity"(,"end")}]` or `[{"start","end","value"}]`. */
export function parsePointsJson(json: unknown[], options: TraceOptions = {}): Trace {
  const starts: number[] = [];
  const ends: number[] = [];
  const values: number[] = [];
  let allHaveEnd = json.length > 0;
  json.forEach((item, i) => {
    const o = item as Record<string, unknown>;
    const field = `[${i}]`;
    if (!o || typeof o !== 'object')
      throw new TraceParseError(`${where(options)}: ${field} is not an object`);
    const t = o.time ?? o.start ?? o.datetime;
    const v = o.intensity ?? o.value ?? o.carbonIntensity;
    if (t === undefined || v === undefined) {
      throw new TraceParseError(`${where(options)}: ${field} needs "time" and "intensity"`);
    }
    starts.push(parseTime(t, options, undefined, `${field}.time`));
    values.push(parseIntensity(v, options, undefined, `${field}.intensity`));
    if (o.end !== undefined) ends.push(parseTime(o.end, options, undefined, `${field}.end`));
    else allHaveEnd = false;
  });
  return {
    format: 'points-json',
    actual: seriesFromStarts(starts, values, allHaveEnd ? ends : undefined, 'actual', options),
  };
}

/**
 * The point covering `time` (start ≤ time < end), or undefined when the series does not cover it.
 * Binary search: traces are a year of hourly points and replay looks up every step.
 */
export function pointAt(series: IntensitySeries, time: number): IntensityPoint | undefined {
  const pts = series.points;
  let lo = 0;
  let hi = pts.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const p = pts[mid]!;
    if (time < p.start) hi = mid - 1;
    else if (time >= p.end) lo = mid + 1;
    else return p;
  }
  return undefined;
}

/** The points of `series` overlapping [from, to). */
export function slicePoints(series: IntensitySeries, from: number, to: number): IntensityPoint[] {
  return series.points.filter((p) => p.end > from && p.start < to);
}

/** Parses a time value: ISO 8601 (zone optional, UTC assumed), `YYYY-MM-DD HH:MM[:SS]`, or epoch s/ms. */
export function parseTimeValue(value: unknown): number | undefined {
  if (typeof value === 'number')
    return Number.isFinite(value) ? (value > 1e11 ? value : value * 1000) : undefined;
  if (typeof value !== 'string') return undefined;
  const s = value.trim();
  if (s === '') return undefined;
  if (/^\d+(\.\d+)?$/.test(s)) return parseTimeValue(Number(s));
  let iso = s.replace(' ', 'T');
  // Date-only, or date-time without a zone: UTC (Date.parse would read a zone-less date-time as local time).
  if (/^\d{4}-\d{2}-\d{2}$/.test(iso)) iso += 'T00:00:00Z';
  else if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?$/.test(iso)) iso += 'Z';
  const t = Date.parse(iso);
  return Number.isNaN(t) ? undefined : t;
}

function parseTime(value: unknown, options: TraceOptions, line: number | undefined, field: string): number {
  const t = parseTimeValue(value);
  if (t === undefined) {
    throw new TraceParseError(`${where(options, line)}: ${field}: not a time: ${JSON.stringify(value)}`);
  }
  return t;
}

function parseIntensity(
  value: unknown,
  options: TraceOptions,
  line: number | undefined,
  field: string,
): number {
  const n =
    typeof value === 'number'
      ? value
      : typeof value === 'string' && value.trim() !== ''
        ? Number(value)
        : NaN;
  if (!Number.isFinite(n) || n < 0) {
    throw new TraceParseError(
      `${where(options, line)}: ${field}: not a non-negative intensity: ${JSON.stringify(value)}`,
    );
  }
  return n;
}

/**
 * Builds a series from interval starts: each point ends where the next begins; the last one lasts the median step
 * (one hour when there is a single point). Rows are sorted; a repeated start keeps its last value.
 */
function seriesFromStarts(
  starts: number[],
  values: number[],
  ends: number[] | undefined,
  origin: SeriesOrigin,
  options: TraceOptions,
): IntensitySeries {
  if (starts.length === 0) throw new TraceParseError(`${where(options)}: trace has no data rows`);
  const order = starts.map((_, i) => i).sort((a, b) => starts[a]! - starts[b]! || a - b);
  const uniq: number[] = [];
  for (const i of order) {
    const last = uniq[uniq.length - 1];
    if (last !== undefined && starts[last] === starts[i]) uniq[uniq.length - 1] = i;
    else uniq.push(i);
  }
  const step = medianStep(uniq.map((i) => starts[i]!));
  const points: IntensityPoint[] = uniq.map((i, k) => {
    const start = starts[i]!;
    const next = uniq[k + 1];
    const nextStart = next === undefined ? undefined : starts[next]!;
    let end = ends ? ends[i]! : (nextStart ?? start + step);
    if (nextStart !== undefined && end > nextStart) end = nextStart;
    if (end <= start) {
      throw new TraceParseError(
        `${where(options)}: interval at ${new Date(start).toISOString()} ends before it starts`,
      );
    }
    return { start, end, value: values[i]! };
  });
  return makeSeries(points, origin, options.source ?? 'file');
}

function makeSeries(points: IntensityPoint[], origin: SeriesOrigin, source: string): IntensitySeries {
  const sorted = [...points].sort((a, b) => a.start - b.start);
  return { points: sorted, unit: 'gCO2eq/kWh', kind: 'average', origin, source };
}

function medianStep(sortedStarts: number[]): number {
  const diffs: number[] = [];
  for (let i = 1; i < sortedStarts.length; i++) diffs.push(sortedStarts[i]! - sortedStarts[i - 1]!);
  if (diffs.length === 0) return HOUR_MS;
  diffs.sort((a, b) => a - b);
  return diffs[diffs.length >> 1]!;
}

function readCsv(text: string, options: TraceOptions): string[][] {
  try {
    return parseCsv(text, {
      relax_column_count: true,
      skip_empty_lines: true,
      trim: true,
      bom: true,
    }) as string[][];
  } catch (err) {
    throw new TraceParseError(`${where(options)}: invalid CSV: ${(err as Error).message}`);
  }
}

function findColumn(header: string[], match: (normalised: string) => boolean): number {
  return header.findIndex((h) => match(h.trim().toLowerCase()));
}

function where(options: TraceOptions, line?: number): string {
  const name = options.fileName ?? 'trace';
  return line === undefined ? name : `${name}:${line}`;
}
