#!/usr/bin/env node
import { runCli } from './program.js';

// `ai-ci … | head`: once the reader has gone, writing fails with EPIPE. End quietly, as Unix tools do, instead of
// dying with an unhandled 'error' event and its stack trace.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw err;
  });
}

process.exitCode = await runCli(process.argv.slice(2));
