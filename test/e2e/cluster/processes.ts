/**
 * Process groups and ports of the local test components (the control plane in harness.ts, Jaeger in jaeger.ts):
 * each runs in a process group of its own, remembered here so that an exit without stop() still kills it
 * (synchronously, in the exit hook), and listens on free ports of 127.0.0.1. Imports only node: modules.
 */
import net from 'node:net';

const liveGroups = new Set<number>();
let exitHookInstalled = false;

/** Remembers a running process group; the first call installs the exit hook that kills what is left. */
export function trackGroup(pgid: number): void {
  if (!exitHookInstalled) {
    exitHookInstalled = true;
    // Last line of defence when the process exits without stop(): kill what is left, synchronously.
    process.on('exit', () => {
      for (const g of liveGroups) killGroup(g, 'SIGKILL');
    });
  }
  liveGroups.add(pgid);
}

/** Forgets a process group that ended. */
export function untrackGroup(pgid: number): void {
  liveGroups.delete(pgid);
}

export function killGroup(pgid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pgid, signal);
  } catch {
    // already gone
  }
}

export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Free TCP ports on 127.0.0.1 (all held open together while choosing, so they differ). */
export async function freePorts(count: number): Promise<number[]> {
  const servers: net.Server[] = [];
  try {
    const ports: number[] = [];
    for (let i = 0; i < count; i++) {
      const server = net.createServer();
      servers.push(server);
      await new Promise<void>((resolve, reject) => {
        server.once('error', reject);
        server.listen(0, '127.0.0.1', () => resolve());
      });
      ports.push((server.address() as net.AddressInfo).port);
    }
    return ports;
  } finally {
    await Promise.all(servers.map((s) => new Promise<void>((resolve) => s.close(() => resolve()))));
  }
}
