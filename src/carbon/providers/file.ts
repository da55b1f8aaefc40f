/**
 * A recorded or locally maintained trace as a source: for air-gapped clusters (a job or an admin keeps the file
 * current) and for replay. Formats: see ../traces.ts (Electricity Maps portal CSV, `time,intensity` CSV, a saved UK
 * API response, JSON points). The file is re-read when its modification time or size changes.
 *
 * "Now" is looked up in the trace: the current value is the point covering `now`. Points after now serve as the
 * forecast (a saved UK API response's own forecast is preferred where it has one); note that replaying a trace of
 * actual values this way gives a perfect forecast. With no points after now, the CarbonSource forecasts from the
 * trace's history.
 */
import { stat } from 'node:fs/promises';
import { pointAt, readTrace, type Trace, TraceParseError } from '../traces.js';
import type { IntensitySeries } from '../types.js';
import { pointsBetween, series } from './common.js';
import { ProviderError } from './errors.js';
import type { CurrentIntensity, IntensityProvider } from './types.js';

const NAME = 'file';

export interface FileOptions {
  path: string;
  /** Which column of an Electricity Maps CSV to read (default lifecycle). */
  emissionFactor?: 'lifecycle' | 'direct';
}

export class FileProvider implements IntensityProvider {
  readonly name = NAME;
  readonly kind = 'average' as const;
  private loaded: { trace: Trace; mtimeMs: number; size: number } | undefined;

  constructor(private readonly options: FileOptions) {
    if (!options.path) throw new ProviderError(NAME, 'config', 'path is required');
  }

  async current(now: number): Promise<CurrentIntensity> {
    const trace = await this.load();
    const p = pointAt(trace.actual, now);
    if (!p) {
      const pts = trace.actual.points;
      throw new ProviderError(
        NAME,
        'unavailable',
        `${this.options.path} covers ${iso(pts[0]!.start)} to ${iso(pts[pts.length - 1]!.end)}; nothing at ${iso(now)}`,
      );
    }
    return { ...p, origin: trace.actual.origin, kind: 'average', source: NAME };
  }

  async forecast(now: number, horizonMs: number): Promise<IntensitySeries | null> {
    const trace = await this.load();
    const own = trace.forecast ? pointsBetween(trace.forecast.points, now, now + horizonMs) : [];
    if (own.length > 0) return series(own, NAME, 'provider-forecast');
    const ahead = pointsBetween(trace.actual.points, now, now + horizonMs);
    // Only the interval holding now: the file says nothing about the future.
    if (ahead.every((p) => p.start <= now)) return null;
    return series(ahead, NAME, 'provider-forecast');
  }

  async history(now: number, lookbackMs: number): Promise<IntensitySeries | null> {
    const trace = await this.load();
    return series(pointsBetween(trace.actual.points, now - lookbackMs, now + 1), NAME, 'actual');
  }

  private async load(): Promise<Trace> {
    const { path } = this.options;
    let st: { mtimeMs: number; size: number };
    try {
      st = await stat(path);
    } catch (err) {
      throw new ProviderError(
        NAME,
        'unavailable',
        `cannot read ${path}: ${(err as NodeJS.ErrnoException).code ?? err}`,
      );
    }
    if (this.loaded && this.loaded.mtimeMs === st.mtimeMs && this.loaded.size === st.size)
      return this.loaded.trace;
    try {
      const trace = await readTrace(path, {
        source: NAME,
        emissionFactor: this.options.emissionFactor ?? 'lifecycle',
      });
      this.loaded = { trace, mtimeMs: st.mtimeMs, size: st.size };
      return trace;
    } catch (err) {
      if (err instanceof TraceParseError) throw new ProviderError(NAME, 'parse', err.message);
      throw err;
    }
  }
}

/** A fixed intensity: for tests, demos, and clusters that want the gate without a data source. */
export class StaticProvider implements IntensityProvider {
  readonly name = 'static';
  readonly kind = 'average' as const;

  constructor(private readonly intensity: number) {
    if (!(intensity >= 0))
      throw new ProviderError('static', 'config', `intensity ${intensity} must be a number ≥ 0`);
  }

  async current(now: number): Promise<CurrentIntensity> {
    return {
      value: this.intensity,
      start: now,
      end: now + 3_600_000,
      origin: 'actual',
      kind: 'average',
      source: 'static',
    };
  }

  async forecast(now: number, horizonMs: number): Promise<IntensitySeries | null> {
    return series(
      [{ start: now, end: now + horizonMs, value: this.intensity }],
      'static',
      'provider-forecast',
    );
  }

  async history(): Promise<IntensitySeries | null> {
    return null;
  }
}

const iso = (t: number) => new Date(t).toISOString();
