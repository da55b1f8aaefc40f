/**
 * client-go's "expectations": objects this controller created that its informer cache has not delivered yet.
 * Between a create and the watch event, a reconcile would otherwise see the runner without its Secret (and
 * register another) or without its Pod (and create it again, answered 409). Per pool key, runner name → when it
 * was created and what the reconcile needs to know of it until the cache has it. An entry ends when the cache
 * shows the object, when the object is deleted, or after `ttlMs` (a watch event that never came).
 */
export class CreatedNotSeen<T extends object = object> {
  private readonly byPool = new Map<string, Map<string, T & { at: number }>>();

  constructor(private readonly ttlMs: number) {}

  add(key: string, name: string, at: number, entry: T): void {
    let created = this.byPool.get(key);
    if (!created) {
      created = new Map();
      this.byPool.set(key, created);
    }
    created.set(name, { ...entry, at });
  }

  /** The cache delivered it (or it was deleted): nothing to wait for. */
  seen(key: string, name: string): void {
    const created = this.byPool.get(key);
    if (!created?.delete(name)) return;
    if (created.size === 0) this.byPool.delete(key);
  }

  forget(key: string): void {
    this.byPool.delete(key);
  }

  /**
   * The pool's entries still awaited at `now`; those for which `settled(name)` holds (the cache shows the
   * object) or older than the TTL are dropped on the way.
   */
  awaited(key: string, now: number, settled: (name: string) => boolean): [string, T & { at: number }][] {
    const created = this.byPool.get(key);
    if (!created) return [];
    const out: [string, T & { at: number }][] = [];
    for (const [name, e] of created) {
      if (settled(name) || now - e.at > this.ttlMs) created.delete(name);
      else out.push([name, e]);
    }
    if (created.size === 0) this.byPool.delete(key);
    return out;
  }
}
