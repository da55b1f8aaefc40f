/**
 * Typed reading of provider JSON: each accessor names the field path in its error, so a changed or broken
 * response says exactly what was missing ("electricityMaps: GET /v3/…: forecast[3].datetime is not a time").
 */
import { ProviderError } from './errors.js';

export class JsonReader {
  constructor(
    private readonly provider: string,
    private readonly what: string,
  ) {}

  fail(path: string, problem: string): never {
    throw new ProviderError(this.provider, 'parse', `${this.what}: ${path} ${problem}`);
  }

  object(value: unknown, path: string): Record<string, unknown> {
    if (value === null || typeof value !== 'object' || Array.isArray(value))
      this.fail(path, 'is not an object');
    return value as Record<string, unknown>;
  }

  array(value: unknown, path: string): unknown[] {
    if (!Array.isArray(value)) this.fail(path, 'is not an array');
    return value;
  }

  number(value: unknown, path: string): number {
    if (typeof value !== 'number' || !Number.isFinite(value)) this.fail(path, 'is not a number');
    return value;
  }

  /** A number, or undefined for null/absent (fields the provider documents as nullable). */
  optionalNumber(value: unknown, path: string): number | undefined {
    return value === null || value === undefined ? undefined : this.number(value, path);
  }

  string(value: unknown, path: string): string {
    if (typeof value !== 'string') this.fail(path, 'is not a string');
    return value;
  }

  time(value: unknown, path: string): number {
    const t = typeof value === 'string' ? Date.parse(value) : Number.NaN;
    if (Number.isNaN(t)) this.fail(path, 'is not a time');
    return t;
  }
}
