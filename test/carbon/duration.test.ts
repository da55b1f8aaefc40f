import { describe, expect, it } from 'vitest';
import { formatDuration, parseDuration } from '../../src/carbon/duration.js';

describe('parseDuration', () => {
  it.each([
    ['30s', 30_000],
    ['5m', 300_000],
    ['1.5h', 5_400_000],
    ['4h30m', 16_200_000],
    ['250ms', 250],
    ['1h1m1s1ms', 3_661_001],
    [' 6h ', 21_600_000],
  ])('%s → %d ms', (text, ms) => {
    expect(parseDuration(text)).toBe(ms);
  });

  it.each(['', '6', '1d', 'h', '-5m', '1 h', '5m-', '1.h'])('rejects %j and names the field', (text) => {
    expect(() => parseDuration(text, '--within')).toThrow(/^--within: ".*" is not a duration/);
  });
});

describe('formatDuration', () => {
  it.each([
    [0, '0s'],
    [16_200_000, '4h30m'],
    [90_000, '1m30s'],
    [1500, '1s500ms'],
    [172_800_000, '48h'],
  ])('%d ms → %s', (ms, text) => {
    expect(formatDuration(ms)).toBe(text);
    expect(parseDuration(text)).toBe(ms);
  });

  it('rejects negatives', () => {
    expect(() => formatDuration(-1)).toThrow(/cannot format/);
  });
});
