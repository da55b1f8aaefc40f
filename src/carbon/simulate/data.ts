/**
 * The grid data shipped with ai-ci (data/carbon/, Electricity Maps, ODbL: see data/carbon/README.md) and reading
 * trace files, gzipped or not. Parsing is src/carbon/traces.ts's; this only finds and decompresses files.
 */
import { existsSync, readdirSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { getCountry, getTimezone } from 'countries-and-timezones';
import type { Trace, TraceOptions } from '../traces.js';
import { parseTrace, TraceParseError } from '../traces.js';

export interface BundledRegion {
  /** What `--region` accepts (case-insensitive), first the canonical name. */
  names: string[];
  /** Folder and file prefix under data/carbon/electricitymaps/. */
  zone: string;
  label: string;
  /** Where working hours are, for the diurnal job generator. */
  timeZone: string;
}

export const BUNDLED_REGIONS: readonly BundledRegion[] = [
  { names: ['GB'], zone: 'GB', label: 'Great Britain', timeZone: 'Europe/London' },
  { names: ['DE', 'DE-LU'], zone: 'DE-LU', label: 'Germany', timeZone: 'Europe/Berlin' },
  {
    names: ['US-CAL-CISO', 'CAISO'],
    zone: 'US-CAL-CISO',
    label: 'California (CAISO)',
    timeZone: 'America/Los_Angeles',
  },
  { names: ['SG'], zone: 'SG', label: 'Singapore', timeZone: 'Asia/Singapore' },
  {
    names: ['US-TEX-ERCO', 'ERCOT'],
    zone: 'US-TEX-ERCO',
    label: 'Texas (ERCOT)',
    timeZone: 'America/Chicago',
  },
];

/** data/carbon of this checkout or install: the same relative place from src/ and from dist/. */
export function dataDir(): string {
  const here = dirname(fileURLToPath(import.meta.url));
  return resolve(here, '../../../data/carbon');
}

export function findRegion(name: string): BundledRegion | undefined {
  const wanted = name.trim().toUpperCase();
  return BUNDLED_REGIONS.find((r) => r.names.some((n) => n.toUpperCase() === wanted));
}

/**
 * The IANA time zone of an Electricity Maps zone id (`FR`, `DK-DK1`, `US-CAL-CISO`): a bundled region's own; else
 * the zone's country (the id up to the first `-`) when the country has one time zone (the countries-and-timezones
 * table: one zone, or one whose primary country it is). Otherwise `reason` says why none could be chosen (`US-MIDA-PJM`:
 * the US spans 29 zones), and the caller asks for one.
 */
export function zoneTimeZone(zone: string): { timeZone?: string; reason?: string } {
  const bundled = findRegion(zone);
  if (bundled) return { timeZone: bundled.timeZone };
  const code = zone.trim().toUpperCase().split('-')[0]!;
  const country = /^[A-Z]{2}$/.test(code) ? getCountry(code) : null;
  if (!country) return { reason: `zone "${zone}" is not a known country or bundled region` };
  const zones = country.timezones;
  const own = zones.filter((z) => getTimezone(z)?.countries[0] === code);
  const chosen = zones.length === 1 ? zones : own;
  if (chosen.length === 1) return { timeZone: chosen[0]! };
  const list = (own.length > 0 ? own : zones).slice(0, 4).join(', ');
  return {
    reason: `zone "${zone}": ${country.name} spans ${(own.length > 0 ? own : zones).length} time zones (${list}, …)`,
  };
}

/** Years bundled for a region, ascending. */
export function bundledYears(region: BundledRegion, dir = dataDir()): number[] {
  const folder = join(dir, 'electricitymaps', region.zone);
  if (!existsSync(folder)) return [];
  return readdirSync(folder)
    .map((f) => new RegExp(`^${region.zone}_(\\d{4})_hourly\\.csv(\\.gz)?$`).exec(f)?.[1])
    .filter((y): y is string => y !== undefined)
    .map(Number)
    .sort((a, b) => a - b);
}

/** Path of a bundled trace; throws an Error listing what is there when the region or year is not bundled. */
export function bundledTracePath(
  regionName: string,
  year?: number,
  dir = dataDir(),
): { path: string; region: BundledRegion; year: number } {
  const region = findRegion(regionName);
  if (!region) {
    throw new Error(
      `no bundled data for region "${regionName}"; bundled: ${BUNDLED_REGIONS.map((r) => r.names.join('/')).join(', ')} (or give --trace FILE)`,
    );
  }
  const years = bundledYears(region, dir);
  if (years.length === 0) throw new Error(`bundled data for ${region.zone} is missing under ${dir}`);
  const chosen = year ?? (years.includes(2024) ? 2024 : years[years.length - 1]!);
  if (!years.includes(chosen)) {
    throw new Error(`no bundled ${region.zone} data for ${chosen}; bundled years: ${years.join(', ')}`);
  }
  const base = join(dir, 'electricitymaps', region.zone, `${region.zone}_${chosen}_hourly.csv`);
  return { path: existsSync(`${base}.gz`) ? `${base}.gz` : base, region, year: chosen };
}

/** Reads a trace file (gzip detected by its magic bytes) and parses it with the shared parsers. */
export async function loadTrace(path: string, options: TraceOptions = {}): Promise<Trace> {
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (err) {
    throw new TraceParseError(
      `cannot read trace ${path}: ${(err as NodeJS.ErrnoException).code ?? String(err)}`,
    );
  }
  if (bytes[0] === 0x1f && bytes[1] === 0x8b) {
    try {
      bytes = gunzipSync(bytes);
    } catch (err) {
      throw new TraceParseError(`${path}: corrupt gzip: ${(err as Error).message}`);
    }
  }
  return parseTrace(bytes.toString('utf8'), { fileName: path, ...options });
}
