/**
 * The rooms of `src/` and what each may import: the one rule list that test/architecture.test.ts enforces over every
 * import in src/ and that `npm run generate` renders as the README's folder table (section "Architecture").
 *
 * A new analysis gets a line in ANALYSES (its folder `src/analysis/<name>/` is otherwise reported as unknown); it
 * may import `api/` and `carbon/`, and another analysis only through that analysis's `index.ts`.
 */

export interface Room {
  /** Folder under src/, without slashes: `api`, `carbon`, `analysis/*` (every folder under src/analysis/). */
  readonly room: string;
  /** What it holds, for the README table (Markdown). */
  readonly holds: string;
  /** Rooms it may import from. `analysis` means any analysis (each other analysis only through its index.ts). */
  readonly mayImport: readonly string[];
}

export const ROOMS: readonly Room[] = [
  {
    room: 'api',
    holds: 'the one schema of `RunnerPool` and `CarbonPolicy`; CRDs and types are generated from it',
    mayImport: [],
  },
  { room: 'kube', holds: 'helpers over `@kubernetes/client-node`', mayImport: ['api'] },
  { room: 'github', holds: 'GitHub client, auth, JIT config', mayImport: ['api'] },
  {
    room: 'telemetry',
    holds:
      'OpenTelemetry tracing for the controller and the CLI: OTLP/HTTP export from `OTEL_*` settings, bounded queue with drop counts, job trace ids, `TRACEPARENT`',
    mayImport: [],
  },
  {
    room: 'carbon',
    holds:
      'intensity providers, forecast, circuit breaker, the scheduler; `simulate/`, the replay of the scheduler over real traces',
    mayImport: ['api'],
  },
  {
    room: 'analysis/*',
    holds: 'one library per analysis (its line in ANALYSES), no CLI code',
    mayImport: ['api', 'carbon', 'analysis'],
  },
  {
    room: 'export',
    holds:
      "exports of a command's result to MLOps platforms: `mlflow/`, a client of MLflow's REST API 2.0 and what each command logs",
    mayImport: ['analysis'],
  },
  {
    room: 'controller',
    holds:
      'the operator: one manager (`manager.ts`: shared informer cache, leadership events, servers) and the generic controller loop (`loop.ts`) that `runnerpool/` and `carbonpolicy/` register with',
    mayImport: ['api', 'kube', 'github', 'carbon', 'analysis', 'telemetry'],
  },
  {
    room: 'runner-image',
    holds: 'the runner image and the thin `ai-ci` CLI (`cli/`: flags → analysis → render)',
    mayImport: ['api', 'kube', 'github', 'carbon', 'analysis', 'export', 'telemetry'],
  },
];

/** One line per folder of src/analysis/ (what it holds, for the README table). */
export const ANALYSES: Readonly<Record<string, string>> = {
  energy:
    'energy and carbon of CI work: the one power model (SPECpower/TDP table, pod resources), meters (RAPL, process tree / cgroup CPU time, nvidia-smi), `trackCommand`',
  perf: 'performance-regression detection: parsers, history (SQLite), statistics, change points, model',
  parsers: 'shared parser front ends (tree-sitter Python as WebAssembly), loaded once for every analysis',
  select:
    'test selection and sharding: import graphs, dependency rules, coverage and failure history (SQLite), LPT shards',
  review:
    'ML code review: tree-sitter Python/notebook front end, data-flow facts, leakage/reproducibility/performance rules, SARIF and annotations',
};

/** The room a src-relative path (`carbon/simulate/run.ts`) belongs to: `carbon`, `analysis/perf`, or undefined. */
export function roomOf(srcRelative: string): string | undefined {
  const parts = srcRelative.split('/');
  if (parts.length < 2) return undefined; // a file directly under src/ is in no room
  if (parts[0] === 'analysis') return parts.length >= 3 ? `analysis/${parts[1]}` : undefined;
  return ROOMS.some((r) => r.room === parts[0]) ? parts[0] : undefined;
}

/** The rule for a room name as roomOf returns it. */
export function ruleFor(room: string): Room | undefined {
  return ROOMS.find((r) => r.room === (room.startsWith('analysis/') ? 'analysis/*' : room));
}

/** The README folder table (Markdown), one row per room and one per analysis. */
export function renderFolderTable(): string {
  const rows = ['| folder | what it holds | may import |', '| --- | --- | --- |'];
  const may = (r: Room) =>
    r.mayImport.length === 0
      ? '—'
      : r.mayImport
          .map((m) =>
            m === 'analysis' && r.room === 'analysis/*' ? 'another analysis via its `index.ts`' : `\`${m}/\``,
          )
          .join(' ');
  for (const r of ROOMS) {
    if (r.room !== 'analysis/*') {
      rows.push(`| \`src/${r.room}/\` | ${r.holds} | ${may(r)} |`);
      continue;
    }
    for (const [name, holds] of Object.entries(ANALYSES)) {
      rows.push(`| \`src/analysis/${name}/\` | ${holds} | ${may(r)} |`);
    }
  }
  rows.push(
    '',
    'Nothing imports `controller/` or `runner-image/`, and no rooms import each other around a cycle. The table is',
    'generated from scripts/architecture/rules.ts, which test/architecture.test.ts enforces over every import in src/.',
  );
  return rows.join('\n');
}
