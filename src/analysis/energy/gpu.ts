/**
 * GPU power by sampling `nvidia-smi` (found on PATH) in its loop mode:
 *   nvidia-smi --query-gpu=index,name,power.draw --format=csv,noheader,nounits --loop-ms=<ms>
 * One long-lived process instead of one per sample (nvidia-smi takes ~50 ms of CPU to start). Each line is one GPU
 * at one instant: `0, NVIDIA H100 80GB HBM3, 312.45`; `[N/A]` or `[Not Supported]` power is skipped. Energy per GPU is
 * the trapezoid integral of its samples over time; a GPU's power is the whole board's, attributed wholly to the
 * tracked command (a CI runner owns its GPUs). nvidia-smi(1): power.draw is accurate to within ±5 W.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { createInterface } from 'node:readline';

export interface GpuSample {
  index: number;
  name: string;
  watts: number;
  /** ms since the epoch, taken when the line arrived. */
  t: number;
}

/** One CSV line of `nvidia-smi --query-gpu=index,name,power.draw --format=csv,noheader,nounits`. */
export function parseNvidiaSmiLine(line: string, t: number): GpuSample | undefined {
  const parts = line.split(',').map((p) => p.trim());
  if (parts.length < 3) return undefined;
  const index = Number(parts[0]);
  const watts = Number(parts.at(-1));
  if (!Number.isInteger(index) || !Number.isFinite(watts)) return undefined;
  return { index, name: parts.slice(1, -1).join(','), watts, t };
}

export interface GpuEnergy {
  index: number;
  name: string;
  joules: number;
  samples: number;
  meanWatts: number;
}

/** Trapezoid integral per GPU over [from, to]: the first and last samples are held flat to the interval's ends. */
export function integrateGpu(samples: readonly GpuSample[], from: number, to: number): GpuEnergy[] {
  const byGpu = new Map<number, GpuSample[]>();
  for (const s of samples) {
    if (!byGpu.has(s.index)) byGpu.set(s.index, []);
    byGpu.get(s.index)!.push(s);
  }
  const out: GpuEnergy[] = [];
  for (const [index, list] of [...byGpu].sort((a, b) => a[0] - b[0])) {
    list.sort((a, b) => a.t - b.t);
    const points = [{ t: from, w: list[0]!.watts }, ...list.map((s) => ({ t: s.t, w: s.watts }))];
    points.push({ t: to, w: list.at(-1)!.watts });
    let joules = 0;
    for (let i = 1; i < points.length; i++) {
      const a = points[i - 1]!;
      const b = points[i]!;
      const dt = Math.max(0, Math.min(b.t, to) - Math.max(a.t, from)) / 1000;
      joules += ((a.w + b.w) / 2) * dt;
    }
    const seconds = Math.max(1e-9, (to - from) / 1000);
    out.push({ index, name: list[0]!.name, joules, samples: list.length, meanWatts: joules / seconds });
  }
  return out;
}

/** Samples nvidia-smi until `stop()`. `start()` resolves false when nvidia-smi is absent or fails at once. */
export class NvidiaSmiSampler {
  readonly samples: GpuSample[] = [];
  private child: ChildProcess | undefined;
  private exited: Promise<void> = Promise.resolve();

  constructor(
    private readonly intervalMs: number,
    private readonly command = 'nvidia-smi',
    private readonly clock: () => number = Date.now,
  ) {}

  start(): Promise<boolean> {
    return new Promise((resolve) => {
      let child: ChildProcess;
      try {
        child = spawn(
          this.command,
          [
            '--query-gpu=index,name,power.draw',
            '--format=csv,noheader,nounits',
            `--loop-ms=${Math.max(100, Math.round(this.intervalMs))}`,
          ],
          { stdio: ['ignore', 'pipe', 'ignore'] },
        );
      } catch {
        return resolve(false);
      }
      this.child = child;
      let settled = false;
      const settle = (ok: boolean) => {
        if (!settled) {
          settled = true;
          resolve(ok);
        }
      };
      this.exited = new Promise((done) => child.once('close', () => done()));
      child.once('error', () => settle(false));
      child.once('exit', (code) => settle(code === 0 && this.samples.length > 0));
      createInterface({ input: child.stdout! }).on('line', (line) => {
        const s = parseNvidiaSmiLine(line, this.clock());
        if (s) {
          this.samples.push(s);
          settle(true);
        }
      });
    });
  }

  async stop(): Promise<void> {
    if (this.child && this.child.exitCode === null && this.child.signalCode === null)
      this.child.kill('SIGTERM');
    await this.exited;
  }
}
