/** Number formatting shared by the text, annotation and Markdown reports. */

export function percent(v: number, digits = 1): string {
  const s = (v * 100).toFixed(digits);
  return `${v > 0 && Number(s) !== 0 ? '+' : ''}${s}%`;
}

/** A value with its unit, rescaled for reading when the unit is a time (0.00123 s → 1.23 ms). */
export function quantity(value: number, unit: string): string {
  const seconds: Record<string, number> = { s: 1, ms: 1e-3, us: 1e-6, ns: 1e-9 };
  const factor = seconds[unit];
  if (factor !== undefined && value !== 0) {
    const abs = Math.abs(value * factor);
    const [scale, name] =
      abs >= 1 ? [1, 's'] : abs >= 1e-3 ? [1e-3, 'ms'] : abs >= 1e-6 ? [1e-6, 'µs'] : [1e-9, 'ns'];
    return `${significant((value * factor) / scale)} ${name}`;
  }
  return `${significant(value)} ${unit}`.trim();
}

function significant(v: number): string {
  return Math.abs(v) >= 1000 ? v.toFixed(0) : Number(v.toPrecision(3)).toString();
}

/** "20.3% slower" / "4.1% less throughput": a change in words, oriented by the benchmark's direction. */
export function changeInWords(relative: number, direction: 'smaller-is-better' | 'bigger-is-better'): string {
  const worse = direction === 'smaller-is-better' ? relative > 0 : relative < 0;
  const size = `${(Math.abs(relative) * 100).toFixed(1)}%`;
  if (direction === 'smaller-is-better') return `${size} ${worse ? 'slower' : 'faster'}`;
  return `${size} ${worse ? 'lower' : 'higher'}`;
}

/** A relative change without a "+" (the reasons' wording: "15.7% worse"), one decimal, never "-0.0%". */
export function pct(v: number): string {
  const p = v * 100;
  return `${(Math.abs(p) < 0.05 ? 0 : p).toFixed(1)}%`;
}
