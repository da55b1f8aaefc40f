/**
 * `ai-ci carbon track` alone: main.ts loads this instead of the whole command tree (program.ts) when the command
 * line starts with `carbon track`, so the tracker's own start-up costs a CI step what it must and no more: the
 * full tree pulls in the TypeScript compiler, the Kubernetes and GitHub clients and the model code (~13 MB of
 * bundle to compile, ~0.4 s of CPU), which is most of `track`'s overhead on a 10 s command
 * (`npm run bench:energy-overhead`). The command itself is the same registration as in the full tree.
 */
import { Command } from 'commander';
import { registerCarbonTrack } from './commands/carbon-track.js';
import { hintAfterErrors, runProgram } from './run.js';
import { packageVersion } from './version.js';

export function buildTrackProgram(): Command {
  const program = new Command('ai-ci').version(packageVersion(), '-V, --version').exitOverride();
  registerCarbonTrack(
    program
      .command('carbon')
      .description(
        'grid carbon intensity for workflows: is it low now, when is the best window, what did a step emit',
      ),
  );
  hintAfterErrors(program, 'ai-ci');
  return program;
}

/** Runs `ai-ci carbon track …` and returns the process exit code; never throws. */
export function runTrackCli(argv: string[]): Promise<number> {
  return runProgram(buildTrackProgram(), argv);
}
