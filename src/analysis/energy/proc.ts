/**
 * CPU time and memory of a process tree or a cgroup v2, and of the whole machine, from procfs/cgroupfs
 * (roots configurable for tests). Linux only; elsewhere every reader returns undefined.
 *
 * Process tree: the live processes under a root pid (found through /proc/<pid>/task/<tid>/children) with their
 * utime+stime plus cutime+cstime (the CPU time of children they have waited for), in clock ticks of USER_HZ = 100
 * (fixed by the Linux ABI on every architecture Node runs on). An orphan re-parented outside the tree is lost,
 * as in every procfs meter; a cgroup (`--cgroup`) has no such gap.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const USER_HZ = 100;

export interface ProcRoots {
  proc: string;
}
export const DEFAULT_PROC: ProcRoots = { proc: '/proc' };

function read(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}

/** Fields of /proc/<pid>/stat after the command name (which may hold spaces and parentheses). */
function statFields(text: string): string[] {
  return text.slice(text.lastIndexOf(')') + 2).split(' ');
}

/** utime+stime+cutime+cstime of one process, seconds; undefined when it is gone. */
export function processCpuSeconds(pid: number, roots: ProcRoots = DEFAULT_PROC): number | undefined {
  const text = read(join(roots.proc, String(pid), 'stat'));
  if (text === undefined) return undefined;
  const f = statFields(text);
  // After the name: state(0) ppid(1) … utime(11) stime(12) cutime(13) cstime(14).
  return (Number(f[11]) + Number(f[12]) + Number(f[13]) + Number(f[14])) / USER_HZ;
}

/** The root pid and every live descendant. */
export function processTree(root: number, roots: ProcRoots = DEFAULT_PROC): number[] {
  const out: number[] = [];
  const queue = [root];
  const seen = new Set<number>();
  while (queue.length > 0) {
    const pid = queue.pop()!;
    if (seen.has(pid)) continue;
    seen.add(pid);
    let tasks: string[];
    try {
      tasks = readdirSync(join(roots.proc, String(pid), 'task'));
    } catch {
      continue;
    }
    out.push(pid);
    for (const tid of tasks) {
      const children = read(join(roots.proc, String(pid), 'task', tid, 'children'));
      for (const c of children?.trim().split(/\s+/) ?? []) if (c) queue.push(Number(c));
    }
  }
  return out;
}

export interface TreeSample {
  cpuSeconds: number;
  rssBytes: number;
  processes: number;
}

/** CPU seconds and resident memory of a process tree now. */
export function sampleTree(root: number, roots: ProcRoots = DEFAULT_PROC): TreeSample {
  let cpuSeconds = 0;
  let rssBytes = 0;
  const pids = processTree(root, roots);
  for (const pid of pids) {
    cpuSeconds += processCpuSeconds(pid, roots) ?? 0;
    const status = read(join(roots.proc, String(pid), 'status'));
    const rssKb = status ? /^VmRSS:\s+(\d+) kB$/m.exec(status)?.[1] : undefined;
    if (rssKb) rssBytes += Number(rssKb) * 1024;
  }
  return { cpuSeconds, rssBytes, processes: pids.length };
}

/** Our own children's CPU time (cutime+cstime of this process), seconds: the exact total of a reaped child. */
export function reapedChildrenCpuSeconds(roots: ProcRoots = DEFAULT_PROC): number | undefined {
  const text = read(join(roots.proc, 'self', 'stat'));
  if (text === undefined) return undefined;
  const f = statFields(text);
  return (Number(f[13]) + Number(f[14])) / USER_HZ;
}

export interface MachineCpu {
  /** Busy CPU seconds of all CPUs since boot (user+nice+system+irq+softirq+steal). */
  busySeconds: number;
  /** Number of CPUs (cpuN lines). */
  cpus: number;
}

/** Whole-machine CPU time from /proc/stat. */
export function machineCpu(roots: ProcRoots = DEFAULT_PROC): MachineCpu | undefined {
  const text = read(join(roots.proc, 'stat'));
  if (!text) return undefined;
  const lines = text.split('\n');
  const total = lines[0]?.split(/\s+/);
  if (total?.[0] !== 'cpu') return undefined;
  const [user, nice, system, , , irq, softirq, steal] = total.slice(1).map(Number);
  const busy = [user, nice, system, irq, softirq, steal].reduce((a: number, b) => a + (b ?? 0), 0);
  const cpus = lines.filter((l) => /^cpu\d+ /.test(l)).length;
  return { busySeconds: busy / USER_HZ, cpus };
}

/** The CPU model name from /proc/cpuinfo (first `model name`), or undefined. */
export function cpuModelName(roots: ProcRoots = DEFAULT_PROC): string | undefined {
  const text = read(join(roots.proc, 'cpuinfo'));
  return text ? /^model name\s*:\s*(.+)$/m.exec(text)?.[1]?.trim() : undefined;
}

/** CPU seconds (`cpu.stat` usage_usec) and memory (`memory.current`) of a cgroup v2 directory. */
export function sampleCgroup(dir: string): { cpuSeconds: number; memoryBytes: number } | undefined {
  const stat = read(join(dir, 'cpu.stat'));
  const usage = stat ? /^usage_usec (\d+)$/m.exec(stat)?.[1] : undefined;
  if (usage === undefined) return undefined;
  const memory = Number(read(join(dir, 'memory.current'))?.trim() ?? 0);
  return { cpuSeconds: Number(usage) / 1e6, memoryBytes: Number.isFinite(memory) ? memory : 0 };
}
