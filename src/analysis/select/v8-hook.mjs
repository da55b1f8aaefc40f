// Completes Node.js's own V8 coverage (NODE_V8_COVERAGE) of test runs for `ai-ci select-record --coverage-v8 DIR`:
//   NODE_V8_COVERAGE=DIR NODE_OPTIONS=--import=/path/to/v8-hook.mjs npx vitest run …
// - vitest stops its worker processes with SIGTERM (then SIGKILL), and Node.js writes NODE_V8_COVERAGE only at a
//   normal exit: on SIGTERM this writes the coverage at once (v8.takeCoverage, native and quick) and exits;
// - each process writes DIR/meta-<pid>.json: its ancestors (so that a child process a test started counts for
//   the test) and the child processes it started, with whether each kept this hook in its environment (so that a
//   test whose children ran unrecorded is known not to be fully covered).
import childProcess from 'node:child_process';
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { syncBuiltinESMExports } from 'node:module';
import { basename, join } from 'node:path';
import v8 from 'node:v8';

const dir = process.env.NODE_V8_COVERAGE;

/** The pids above this process (parent first), read from /proc (Linux); empty elsewhere. */
function ancestors() {
  const out = [];
  let pid = process.ppid;
  try {
    while (pid > 1 && out.length < 64) {
      out.push(pid);
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      pid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
    }
  } catch {
    // The process is gone or /proc is absent: the chain known so far.
  }
  return out;
}

if (dir) {
  const above = ancestors();
  const hookOption = (process.env.NODE_OPTIONS ?? '').split(/\s+/).find((o) => o.includes('v8-hook'));
  const children = [];
  const noteChild = (file, options, child) => {
    const env = options?.env ?? process.env;
    const hooked =
      env.NODE_V8_COVERAGE === dir &&
      hookOption !== undefined &&
      (env.NODE_OPTIONS ?? '').includes(hookOption);
    const command = basename(String(file).trim().split(/\s+/)[0] ?? '');
    children.push({ command, pid: child?.pid ?? null, hooked });
  };
  // Patched on the module object and synced to its ESM exports: `import { spawnSync } from 'node:child_process'`
  // sees the wrappers too.
  for (const name of ['spawn', 'spawnSync', 'execFile', 'execFileSync', 'exec', 'execSync', 'fork']) {
    const original = childProcess[name];
    childProcess[name] = function (file, ...rest) {
      const options = rest.find((r) => typeof r === 'object' && r !== null && !Array.isArray(r));
      const child = original.call(this, file, ...rest);
      noteChild(name === 'fork' ? process.execPath : file, options, child);
      return child;
    };
  }
  syncBuiltinESMExports();
  let written = false;
  const writeMeta = () => {
    if (written) return;
    written = true;
    const file = join(dir, `meta-${process.pid}.json`);
    // Written whole or not at all: a process killed while writing leaves only the temporary file.
    writeFileSync(`${file}.tmp`, JSON.stringify({ pid: process.pid, ancestors: above, children }));
    renameSync(`${file}.tmp`, file);
  };
  process.on('exit', writeMeta);
  process.once('SIGTERM', () => {
    v8.takeCoverage();
    v8.stopCoverage();
    writeMeta();
    process.exit(143);
  });
}
