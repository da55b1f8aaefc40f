/**
 * Seeded randomness for the simulator: the same seed gives the same jobs, the same forecast errors and so the
 * same report. Uniform numbers come from pure-rand's xoroshiro128+; the few distributions built on them (normal,
 * Poisson, log-normal) are textbook one-liners that pure-rand does not ship.
 */
import { uniformFloat64 } from 'pure-rand/distribution/uniformFloat64';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';

export interface Random {
  /** Uniform in [0, 1). */
  uniform(): number;
  /** Standard normal (Box–Muller). */
  normal(): number;
  /** Poisson-distributed count with mean `lambda` (Knuth's method; means here are a few per hour). */
  poisson(lambda: number): number;
  /** An independent stream for another purpose, so adding draws in one part never shifts another's. */
  fork(purpose: string): Random;
}

export function createRandom(seed: number): Random {
  const rng = xoroshiro128plus(seed | 0);
  let spare: number | undefined;
  const random: Random = {
    uniform: () => uniformFloat64(rng),
    normal() {
      if (spare !== undefined) {
        const s = spare;
        spare = undefined;
        return s;
      }
      let u = 0;
      while (u === 0) u = random.uniform();
      const v = random.uniform();
      const r = Math.sqrt(-2 * Math.log(u));
      spare = r * Math.sin(2 * Math.PI * v);
      return r * Math.cos(2 * Math.PI * v);
    },
    poisson(lambda) {
      if (!(lambda > 0)) return 0;
      if (lambda > 50) return Math.max(0, Math.round(lambda + Math.sqrt(lambda) * random.normal()));
      const limit = Math.exp(-lambda);
      let k = 0;
      let p = random.uniform();
      while (p > limit) {
        k++;
        p *= random.uniform();
      }
      return k;
    },
    fork: (purpose) => createRandom((seed * 31 + hashString(purpose)) | 0),
  };
  return random;
}

/** FNV-1a: a stable 32-bit number from a name. */
function hashString(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h | 0;
}
