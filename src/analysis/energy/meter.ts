/**
 * Measures the energy of one command (a process tree or a cgroup) over its lifetime, sample by sample.
 *
 * CPU energy, one of:
 * - `rapl`: the package (+ DRAM) counters' joules per interval × the command's share of the machine's busy CPU time.
 * - the power model (power.ts): per interval, machine utilisation u = busy CPU time / (interval × CPUs), machine
 *   power P(u) = watts per thread at u × CPUs, times the command's share of the busy CPU time. So a command alone on
 *   a runner is charged the runner's power (idle included), and one among others only its CPU-time share: the
 *   attribution Kepler uses, which keeps a shared machine from charging every process the whole machine (the 2×
 *   over-count reported for CodeCarbon on shared hosts).
 * Memory: resident memory (tree or cgroup) × the per-GiB figure, unless RAPL measures DRAM. GPUs: nvidia-smi.
 * The clock and every root are injectable; nothing here writes anywhere.
 */
import { integrateGpu, NvidiaSmiSampler } from './gpu.js';
import { type CpuPowerModel, cpuPowerModel, cpuWatts, MEMORY_WATTS_PER_GIB, POWER_TABLE } from './power.js';
import { cpuModelName, DEFAULT_PROC, machineCpu, type ProcRoots, sampleCgroup, sampleTree } from './proc.js';
import { POWERCAP_ROOT, RaplMeter, raplZones } from './rapl.js';

export type EnergyMethod = 'rapl' | CpuPowerModel['method'];

export interface MeterOptions {
  /** Sampling interval, ms (default 1000). */
  intervalMs?: number;
  powercapRoot?: string;
  proc?: ProcRoots;
  /** Measure this cgroup v2 directory instead of the process tree. */
  cgroup?: string;
  /** nvidia-smi command; false: no GPU sampling. */
  nvidiaSmi?: string | false;
  /** CPU model name; default /proc/cpuinfo's. */
  cpuModel?: string;
  /** Power usage effectiveness (≥ 1), default 1. */
  pue?: number;
  clock?: () => number;
}

export interface DeviceEnergy {
  device: string;
  joules: number;
  method: string;
  /** Low and high joules of the uncertainty band. */
  band: [number, number];
  note?: string;
}

export interface EnergyMeasurement {
  startedAt: number;
  endedAt: number;
  durationSeconds: number;
  method: EnergyMethod;
  basis: string;
  source: string;
  cpuModel: string;
  attribution: {
    scope: 'process-tree' | 'cgroup';
    cpuSeconds: number;
    machineBusySeconds: number | null;
    cpus: number;
    share: number;
    meanUtilisation: number;
  };
  devices: DeviceEnergy[];
  pue: number;
  /** Total joules (PUE included) and its band. */
  joules: number;
  band: [number, number];
}

interface Point {
  t: number;
  cmdCpu: number;
  busy: number | undefined;
  memoryBytes: number;
}

const gib = 2 ** 30;

export class EnergyMeter {
  private readonly opts: Required<Omit<MeterOptions, 'cgroup' | 'cpuModel'>> &
    Pick<MeterOptions, 'cgroup' | 'cpuModel'>;
  private readonly model: CpuPowerModel;
  private readonly cpuModel: string;
  private readonly rapl: RaplMeter | undefined;
  private gpu: NvidiaSmiSampler | undefined;
  private pid = 0;
  private first: Point | undefined;
  private last: Point | undefined;
  private readonly cpus: number;
  private cpuJoules = 0;
  private memoryJoules = 0;
  private raplLast: Record<string, number> = {};
  private raplCpu = 0;
  private raplDram = 0;
  private maxCmdCpu = 0;

  constructor(options: MeterOptions = {}) {
    this.opts = {
      intervalMs: options.intervalMs ?? 1000,
      powercapRoot: options.powercapRoot ?? POWERCAP_ROOT,
      proc: options.proc ?? DEFAULT_PROC,
      nvidiaSmi: options.nvidiaSmi ?? 'nvidia-smi',
      pue: options.pue ?? 1,
      clock: options.clock ?? Date.now,
      cgroup: options.cgroup,
      cpuModel: options.cpuModel,
    };
    if (!(this.opts.pue >= 1)) throw new Error(`PUE must be ≥ 1, got ${this.opts.pue}`);
    this.cpuModel = options.cpuModel ?? cpuModelName(this.opts.proc) ?? 'unknown';
    this.model = cpuPowerModel(this.cpuModel);
    const zones = raplZones(this.opts.powercapRoot);
    this.rapl = zones.length > 0 ? new RaplMeter(zones) : undefined;
    this.cpus = machineCpu(this.opts.proc)?.cpus || 1;
  }

  get method(): EnergyMethod {
    return this.rapl ? 'rapl' : this.model.method;
  }

  /** Starts measuring the process tree of `pid` (and GPU sampling, if nvidia-smi runs). */
  start(pid: number): void {
    this.pid = pid;
    this.first = this.point(0);
    this.last = this.first;
    this.raplLast = this.rapl?.read() ?? {};
    if (this.opts.nvidiaSmi) {
      this.gpu = new NvidiaSmiSampler(this.opts.intervalMs, this.opts.nvidiaSmi, this.opts.clock);
      void this.gpu.start();
    }
  }

  private point(reapedCpu: number | undefined): Point {
    const t = this.opts.clock();
    const busy = machineCpu(this.opts.proc)?.busySeconds;
    if (this.opts.cgroup) {
      const c = sampleCgroup(this.opts.cgroup);
      return { t, busy, cmdCpu: c?.cpuSeconds ?? 0, memoryBytes: c?.memoryBytes ?? 0 };
    }
    const tree = sampleTree(this.pid, this.opts.proc);
    // A process that exits between samples takes its CPU time with it until its parent reaps it: never go back.
    this.maxCmdCpu = Math.max(this.maxCmdCpu, tree.cpuSeconds, reapedCpu ?? 0);
    return { t, busy, cmdCpu: this.maxCmdCpu, memoryBytes: tree.rssBytes };
  }

  /** Takes one sample; returns the joules so far (PUE included), for live budget checks. */
  sample(reapedCpu?: number): number {
    if (!this.last) throw new Error('EnergyMeter.sample() before start()');
    const now = this.point(reapedCpu);
    const prev = this.last;
    const dt = (now.t - prev.t) / 1000;
    if (dt > 0) {
      const dCmd = Math.max(0, now.cmdCpu - prev.cmdCpu);
      const dBusy = now.busy !== undefined && prev.busy !== undefined ? now.busy - prev.busy : undefined;
      const share = dBusy === undefined ? 1 : dBusy > 0 ? Math.min(1, dCmd / dBusy) : dCmd > 0 ? 1 : 0;
      const u = Math.min(1, (dBusy ?? dCmd) / (dt * this.cpus));
      if (this.rapl) {
        const j = this.rapl.read();
        for (const [zone, total] of Object.entries(j)) {
          const d = (total - (this.raplLast[zone] ?? 0)) * share;
          if (zone.startsWith('dram')) this.raplDram += d;
          else this.raplCpu += d;
        }
        this.raplLast = j;
      } else {
        this.cpuJoules += cpuWatts(this.model, this.cpus, u) * dt * share;
      }
      const memGiB = (prev.memoryBytes + now.memoryBytes) / 2 / gib;
      this.memoryJoules += memGiB * MEMORY_WATTS_PER_GIB * dt;
    }
    this.last = now;
    return this.joulesSoFar();
  }

  private joulesSoFar(): number {
    const cpu = this.rapl ? this.raplCpu + this.raplDram : this.cpuJoules;
    const gpu = this.gpu ? integrateGpu(this.gpu.samples, this.first!.t, this.last!.t) : [];
    const memory = this.rapl && this.raplDram > 0 ? 0 : this.memoryJoules;
    return (cpu + memory + gpu.reduce((a, g) => a + g.joules, 0)) * this.opts.pue;
  }

  /**
   * Ends the measurement. `reapedCpu`: the command's exact CPU seconds once reaped, when the caller knows them
   * (the change of its own children's time); it closes the last interval.
   */
  async stop(reapedCpu?: number): Promise<EnergyMeasurement> {
    this.sample(reapedCpu);
    await this.gpu?.stop();
    const first = this.first!;
    const last = this.last!;
    const durationSeconds = (last.t - first.t) / 1000;
    const busy =
      last.busy !== undefined && first.busy !== undefined ? Math.max(0, last.busy - first.busy) : null;
    const cpuSeconds = Math.max(0, last.cmdCpu - first.cmdCpu);
    const devices: DeviceEnergy[] = [];
    const rel = (j: number, r: number): [number, number] => [j * (1 - r), j * (1 + r)];
    const bands = POWER_TABLE.bands;
    if (this.rapl) {
      const r = bands.rapl?.relative ?? 0.1;
      devices.push({ device: 'cpu', joules: this.raplCpu, method: 'rapl', band: rel(this.raplCpu, r) });
      if (this.raplDram > 0)
        devices.push({
          device: 'memory',
          joules: this.raplDram,
          method: 'rapl',
          band: rel(this.raplDram, r),
        });
    } else {
      devices.push({
        device: 'cpu',
        joules: this.cpuJoules,
        method: this.model.method,
        band: rel(this.cpuJoules, this.model.band),
        ...(this.model.includesPlatform
          ? { note: 'SPECpower whole-system power: includes fans, PSU losses and the reference memory' }
          : {}),
      });
    }
    if (!this.rapl || this.raplDram === 0) {
      const r = bands.memory?.relative ?? 0.5;
      devices.push({
        device: 'memory',
        joules: this.memoryJoules,
        method: `${MEMORY_WATTS_PER_GIB} W/GiB resident`,
        band: rel(this.memoryJoules, r),
      });
    }
    const gpuBand = bands['nvidia-smi']?.absoluteWattsPerGpu ?? 5;
    for (const g of this.gpu ? integrateGpu(this.gpu.samples, first.t, last.t) : []) {
      const d = gpuBand * durationSeconds;
      devices.push({
        device: `gpu${g.index}`,
        joules: g.joules,
        method: 'nvidia-smi',
        band: [Math.max(0, g.joules - d), g.joules + d],
        note: `${g.name}, ${g.samples} samples, mean ${g.meanWatts.toFixed(1)} W`,
      });
    }
    const pue = this.opts.pue;
    const joules = devices.reduce((a, d) => a + d.joules, 0) * pue;
    const band: [number, number] = [
      devices.reduce((a, d) => a + d.band[0], 0) * pue,
      devices.reduce((a, d) => a + d.band[1], 0) * pue,
    ];
    return {
      startedAt: first.t,
      endedAt: last.t,
      durationSeconds,
      method: this.method,
      basis: this.rapl ? `RAPL ${this.rapl.zones.map((z) => z.id).join(', ')}` : this.model.basis,
      source: this.rapl ? this.opts.powercapRoot : this.model.source,
      cpuModel: this.cpuModel,
      attribution: {
        scope: this.opts.cgroup ? 'cgroup' : 'process-tree',
        cpuSeconds,
        machineBusySeconds: busy,
        cpus: this.cpus,
        share: busy ? Math.min(1, cpuSeconds / busy) : 1,
        meanUtilisation: busy !== null && durationSeconds > 0 ? busy / (durationSeconds * this.cpus) : 0,
      },
      devices,
      pue,
      joules,
      band,
    };
  }
}

/** kWh × gCO2e/kWh: grams CO2e of `joules` at `intensity`. */
export function gramsCo2e(joules: number, intensity: number): number {
  return (joules / 3.6e6) * intensity;
}

/** Joules → watt-hours. */
export const wattHours = (joules: number) => joules / 3600;
