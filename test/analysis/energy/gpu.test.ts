import { describe, expect, it } from 'vitest';
import { integrateGpu, NvidiaSmiSampler, parseNvidiaSmiLine } from '../../../src/analysis/energy/index.js';

const FAKE = new URL('../../fakes/nvidia-smi/nvidia-smi', import.meta.url).pathname;

describe('parseNvidiaSmiLine', () => {
  it('reads index, name (commas kept) and watts; skips [N/A]', () => {
    expect(parseNvidiaSmiLine('0, NVIDIA H100 80GB HBM3, 312.45', 5)).toEqual({
      index: 0,
      name: 'NVIDIA H100 80GB HBM3',
      watts: 312.45,
      t: 5,
    });
    expect(parseNvidiaSmiLine('1, Tesla T4, [N/A]', 5)).toBeUndefined();
    expect(parseNvidiaSmiLine('1, Tesla T4, [Not Supported]', 5)).toBeUndefined();
    expect(parseNvidiaSmiLine('garbage', 5)).toBeUndefined();
  });
});

describe('integrateGpu', () => {
  it('trapezoids per GPU, holding the first and last samples to the interval ends', () => {
    const s = (index: number, watts: number, t: number) => ({ index, name: 'g', watts, t });
    const e = integrateGpu([s(0, 100, 1000), s(0, 300, 2000), s(1, 50, 1500)], 0, 3000);
    // GPU 0: 100 W for 1 s, ramp 100→300 over 1 s (200 J), 300 W for 1 s: 600 J.
    expect(e.map((g) => [g.index, g.joules, g.samples])).toEqual([
      [0, 600, 2],
      [1, 150, 1],
    ]);
    expect(e[0]!.meanWatts).toBe(200);
  });
});

describe('NvidiaSmiSampler with a fake nvidia-smi', () => {
  it('samples every GPU with power until stopped', async () => {
    const sampler = new NvidiaSmiSampler(100, FAKE);
    expect(await sampler.start()).toBe(true);
    await new Promise((r) => setTimeout(r, 500));
    await sampler.stop();
    const gpus = new Set(sampler.samples.map((s) => s.index));
    expect([...gpus].sort()).toEqual([0, 1]);
    expect(sampler.samples.filter((s) => s.index === 0).every((s) => s.watts === 300)).toBe(true);
    expect(sampler.samples.length).toBeGreaterThanOrEqual(4);
  });
  it('start() is false when nvidia-smi is absent', async () => {
    const sampler = new NvidiaSmiSampler(100, '/nonexistent/nvidia-smi');
    expect(await sampler.start()).toBe(false);
    await sampler.stop();
  });
});
