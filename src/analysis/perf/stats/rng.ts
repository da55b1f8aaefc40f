import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';

/** A seeded uniform generator on [0, 1): the same seed gives the same sequence on every machine. */
export type UniformRandom = () => number;

export function seededRandom(seed: number): UniformRandom {
  const gen = xoroshiro128plus(seed | 0);
  return () => (gen.next() >>> 0) / 0x100000000;
}
