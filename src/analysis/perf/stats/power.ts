/**
 * How many rounds a benchmark needs to detect a change of a given size, from its measured noise.
 * Two-sample normal approximation n = 2·(z₁₋α/₂ + z₁₋β)²·(σ/δ)² per sample, divided by the asymptotic
 * relative efficiency of the Mann-Whitney test against the t-test under normality (3/π ≈ 0.955), as in
 * Lehmann, Nonparametrics (1975), §2.4 / Noether (1987) for rank-test sample sizes.
 */
import { normalQuantile } from './distributions.js';

const MANN_WHITNEY_EFFICIENCY = 3 / Math.PI;

export interface PowerOptions {
  /** Two-sided significance level. Default 0.05. */
  alpha?: number;
  /** Probability of detecting the change. Default 0.8. */
  power?: number;
}

/**
 * Rounds per sample (baseline and candidate alike) to detect a relative change `relativeChange` (0.05 = 5%)
 * when one round's relative noise (robust standard deviation / median) is `relativeNoise`. At least 2;
 * Infinity when the change is 0.
 */
export function roundsNeeded(
  relativeNoise: number,
  relativeChange: number,
  options: PowerOptions = {},
): number {
  const alpha = options.alpha ?? 0.05;
  const power = options.power ?? 0.8;
  const delta = Math.abs(relativeChange);
  if (delta === 0) return Number.POSITIVE_INFINITY;
  const zSum = normalQuantile(1 - alpha / 2) + normalQuantile(power);
  const n = (2 * zSum * zSum * (relativeNoise / delta) ** 2) / MANN_WHITNEY_EFFICIENCY;
  return Math.max(2, Math.ceil(n));
}

/** The smallest relative change detectable with `rounds` rounds per sample at the given noise (inverse of the above). */
export function detectableChange(relativeNoise: number, rounds: number, options: PowerOptions = {}): number {
  const alpha = options.alpha ?? 0.05;
  const power = options.power ?? 0.8;
  const zSum = normalQuantile(1 - alpha / 2) + normalQuantile(power);
  return zSum * relativeNoise * Math.sqrt(2 / (rounds * MANN_WHITNEY_EFFICIENCY));
}
