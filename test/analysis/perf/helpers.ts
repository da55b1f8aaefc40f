import { seededRandom } from '../../../src/analysis/perf/stats/rng.js';

/** Seeded normal noise (Box-Muller) around `level` with relative sd `rel`. */
export function noisy(length: number, level: number, rel: number, seed: number): number[] {
  const random = seededRandom(seed);
  return Array.from({ length }, () => {
    const u = Math.max(random(), 1e-12);
    const v = random();
    return level * (1 + rel * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v));
  });
}
