/**
 * RAPL energy counters through Linux's powercap sysfs (`/sys/class/powercap`, root configurable for tests).
 *
 * Zones are named `<control type>:<package>` and `<control type>:<package>:<subzone>`; the control types read are
 * `intel-rapl` (Intel, and AMD Zen since Linux 5.8, which registers its RAPL MSRs under the same driver) and
 * `amd-rapl`. `intel-rapl-mmio` repeats a package's counter through MMIO and is skipped, as is `psys` (the whole
 * platform, which contains the packages). Counted: every package zone, plus `dram` subzones (outside the package
 * counter). Each counter wraps at its `max_energy_range_uj`; a reading lower than the last is taken as one wrap,
 * so the meter must read more often than a counter can wrap (≈ 262 J / 200 W ≈ 20 min on common parts).
 * Since Linux 5.10 (CVE-2020-8694) `energy_uj` is readable by root only: unreadable counters mean "no RAPL".
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export const POWERCAP_ROOT = '/sys/class/powercap';

export interface RaplZone {
  /** Directory name, e.g. `intel-rapl:0`. */
  id: string;
  /** The zone's `name`: `package-0`, `dram`, … */
  name: string;
  path: string;
  maxRangeUj: number;
}

const ZONE = /^(intel-rapl|amd-rapl):\d+(:\d+)?$/;

const readText = (path: string) => readFileSync(path, 'utf8').trim();

/** The countable zones under `root`, or [] when there are none or their counters cannot be read. */
export function raplZones(root: string = POWERCAP_ROOT): RaplZone[] {
  let entries: string[];
  try {
    entries = readdirSync(root);
  } catch {
    return [];
  }
  const zones: RaplZone[] = [];
  for (const id of entries.sort()) {
    if (!ZONE.test(id)) continue;
    const path = join(root, id);
    try {
      const name = readText(join(path, 'name'));
      const sub = id.split(':').length === 3;
      if (name === 'psys' || (sub && name !== 'dram')) continue;
      const maxRangeUj = Number(readText(join(path, 'max_energy_range_uj')));
      if (!Number.isFinite(Number(readText(join(path, 'energy_uj'))))) continue;
      zones.push({ id, name, path, maxRangeUj });
    } catch {
      // energy_uj unreadable (not root) or the zone vanished: RAPL is not usable here.
      return [];
    }
  }
  return zones;
}

/** Microjoules gone by between two readings of a counter that wraps at `maxRangeUj`. */
export function counterDelta(previous: number, current: number, maxRangeUj: number): number {
  if (current >= previous) return current - previous;
  return maxRangeUj - previous + current;
}

/** Accumulates energy per zone over successive `read()`s, handling wrap-around. */
export class RaplMeter {
  private readonly last = new Map<string, number>();
  private readonly total = new Map<string, number>();

  constructor(readonly zones: readonly RaplZone[]) {
    for (const z of zones) {
      this.last.set(z.id, this.counter(z));
      this.total.set(z.id, 0);
    }
  }

  private counter(zone: RaplZone): number {
    return Number(readText(join(zone.path, 'energy_uj')));
  }

  /** Reads every counter; returns the joules per zone name (`package-0`, `dram`, …) since construction. */
  read(): Record<string, number> {
    for (const z of this.zones) {
      const now = this.counter(z);
      this.total.set(z.id, this.total.get(z.id)! + counterDelta(this.last.get(z.id)!, now, z.maxRangeUj));
      this.last.set(z.id, now);
    }
    return this.joules();
  }

  /** Joules per zone (zones of the same name on several packages are keyed `dram@intel-rapl:1:0`). */
  joules(): Record<string, number> {
    const out: Record<string, number> = {};
    for (const z of this.zones) {
      const key = z.name in out ? `${z.name}@${z.id}` : z.name;
      out[key] = this.total.get(z.id)! / 1e6;
    }
    return out;
  }
}
