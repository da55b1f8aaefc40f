#!/usr/bin/env node
import { enableCompileCache } from 'node:module';

// V8's code cache on disk (Node >= 22.1, as tsc does): later runs skip compiling the bundle's modules again.
enableCompileCache();

// `ai-ci … | head`: once the reader has gone, writing fails with EPIPE. End quietly, as Unix tools do, instead of
// dying with an unhandled 'error' event and its stack trace.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw err;
  });
}

const argv = process.argv.slice(2);
// `carbon track` wraps CI steps and its own CPU time is its overhead: it loads only its own command
// (track-program.ts), a separate chunk of the bundle; every other command loads the whole tree.
process.exitCode =
  argv[0] === 'carbon' && argv[1] === 'track'
    ? await (await import('./track-program.js')).runTrackCli(argv)
    : await (await import('./program.js')).runCli(argv);
