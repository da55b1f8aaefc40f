import { describe, expect, it } from 'vitest';
import { mergePatchBetween } from '../../../src/controller/carbonpolicy/patch.js';

describe('mergePatchBetween', () => {
  it('is undefined when nothing changed, whatever the key order', () => {
    expect(
      mergePatchBetween(
        { a: 1, source: { healthy: true, type: 'static' } },
        { source: { type: 'static', healthy: true }, a: 1 },
      ),
    ).toBeUndefined();
  });

  it('writes changes, nulls removed keys (nested too) and ignores undefined values', () => {
    expect(
      mergePatchBetween(
        {
          currentIntensity: 100,
          lowCarbon: true,
          source: { healthy: false, lastError: 'x' },
          nextWindow: { start: 'a' },
        },
        { currentIntensity: 120, source: { healthy: true }, lowCarbon: undefined },
      ),
    ).toEqual({
      currentIntensity: 120,
      lowCarbon: null,
      nextWindow: null,
      source: { healthy: true, lastError: null },
    });
  });

  it('replaces arrays whole (conditions)', () => {
    const c = (status: string) => [
      { type: 'Ready', status },
      { type: 'SourceHealthy', status: 'True' },
    ];
    expect(mergePatchBetween({ conditions: c('True') }, { conditions: c('False') })).toEqual({
      conditions: c('False'),
    });
    expect(mergePatchBetween({ conditions: c('True') }, { conditions: c('True') })).toBeUndefined();
  });

  it('treats a missing previous status as empty', () => {
    expect(mergePatchBetween(undefined, { deferredJobs: 0 })).toEqual({ deferredJobs: 0 });
  });
});
