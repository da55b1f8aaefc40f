/**
 * Report mode, for rolling a gate out gradually (the design document's "feature flags for AI-enhanced workflows"):
 * with `--mode report` (anywhere before a `--`) or `AI_CI_MODE=report`, every gate computes and prints what it
 * always does, but its verdict does not fail the step: the exit code a verdict would give (1, a confident
 * regression, a review finding, a selection miss; 4, a carbon budget exceeded) becomes 0, and one line, plus a
 * warning annotation inside GitHub Actions, says what enforce mode would have done. Broken set-ups still fail
 * (usage 2, unreadable input 3), and `carbon track` always passes its command's own exit code through.
 * `ai-ci select` in report mode runs as `--shadow`: everything is selected and the report says what the
 * selection would have left out.
 */
import { ExitCode } from './exit-codes.js';

export type GateMode = 'enforce' | 'report';
export const GATE_MODES: readonly GateMode[] = ['enforce', 'report'];

let current: GateMode = 'enforce';

/** The mode of this run (set by `takeMode` before the command runs). */
export function gateMode(): GateMode {
  return current;
}

/**
 * Reads the mode from `--mode X` / `--mode=X` (removed from argv; only before a `--`, after which the arguments
 * belong to the wrapped command) or AI_CI_MODE. Throws a message naming the value when it is not a mode.
 */
export function takeMode(
  argv: readonly string[],
  env: NodeJS.ProcessEnv = process.env,
): { mode: GateMode; argv: string[] } {
  const out: string[] = [];
  let flag: string | undefined;
  let i = 0;
  for (; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--') break;
    if (a === '--mode') {
      flag = argv[++i] ?? '';
      continue;
    }
    if (a.startsWith('--mode=')) {
      flag = a.slice('--mode='.length);
      continue;
    }
    out.push(a);
  }
  out.push(...argv.slice(i));
  const raw = flag ?? env.AI_CI_MODE ?? 'enforce';
  const value = raw.trim().toLowerCase();
  if (!(GATE_MODES as readonly string[]).includes(value)) {
    throw new Error(
      `${flag !== undefined ? '--mode' : 'AI_CI_MODE'}: "${raw}" is not a mode: enforce (default) or report`,
    );
  }
  current = value as GateMode;
  return { mode: current, argv: out };
}

/**
 * The verdict an exit code means for a command, when it is a gate's verdict rather than a failure to work:
 * exit 1 of perf analyze / perf ab / review / select-report, exit 4 of carbon track (whose other codes are its
 * wrapped command's own and pass through). Not, e.g., `validate`'s invalid manifests.
 */
export function verdictOf(argv: readonly string[], code: number): string | undefined {
  const words = argv.slice(0, argv.indexOf('--') < 0 ? argv.length : argv.indexOf('--'));
  const [a, b] = words.filter((x) => !x.startsWith('-'));
  if (a === 'carbon' && b === 'track')
    return code === ExitCode.CarbonBudgetExceeded ? 'the carbon budget exceeded' : undefined;
  if (code !== ExitCode.Finding) return undefined;
  if (a === 'perf' && (b === 'analyze' || b === 'ab')) return 'a confident performance regression';
  if (a === 'review') return 'review findings at or above --fail-on';
  if (a === 'select-report') return 'tests the selection would have missed';
  return undefined;
}

/**
 * The exit code of a run in `mode`: in report mode a gate's verdict becomes 0, with a line on stderr (and a
 * warning annotation in GitHub Actions) saying what enforce mode would have done.
 */
export function applyMode(
  code: number,
  argv: readonly string[],
  mode: GateMode,
  env: NodeJS.ProcessEnv = process.env,
): number {
  if (mode !== 'report') return code;
  const verdict = verdictOf(argv, code);
  if (verdict === undefined) return code;
  const message = `report mode: enforce mode would have failed this step with exit ${code} (${verdict}); it passes`;
  process.stderr.write(`ai-ci: ${message}\n`);
  // Workflow commands are read from stdout.
  if (env.GITHUB_ACTIONS === 'true') process.stdout.write(`::warning title=ai-ci report mode::${message}\n`);
  return ExitCode.Ok;
}
