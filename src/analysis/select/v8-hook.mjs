// Completes Node.js's own V8 coverage (NODE_V8_COVERAGE) of test runs for `ai-ci select-record --coverage-v8 DIR`:
//   NODE_V8_COVERAGE=DIR NODE_OPTIONS=--import=/path/to/v8-hook.mjs npx vitest run …
// - vitest stops its worker processes with SIGTERM (then SIGKILL 500 ms later), and Node.js writes NODE_V8_COVERAGE
//   only at a normal exit: this writes the coverage (v8.takeCoverage) when a worker reports its test file finished,
//   and again on SIGTERM before exiting;
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
  // Node.js read the folder at start; without the variable it no longer copies every source map into the
  // coverage (vitest's modules carry inline ones), which makes writing it slow enough for vitest to kill the worker
  // first. Child processes get it back (below).
  delete process.env.NODE_V8_COVERAGE;
  const withHook = (env) => {
    const options = env.NODE_OPTIONS ?? '';
    return {
      ...env,
      NODE_V8_COVERAGE: dir,
      NODE_OPTIONS:
        hookOption === undefined || options.includes(hookOption)
          ? options
          : `${options} ${hookOption}`.trim(),
    };
  };
  const children = [];
  const file = join(dir, `meta-${process.pid}.json`);
  const writeMeta = () => {
    // Written whole or not at all: a process killed while writing leaves only the temporary file.
    writeFileSync(`${file}.tmp`, JSON.stringify({ pid: process.pid, ancestors: above, children }));
    renameSync(`${file}.tmp`, file);
  };
  writeMeta();
  // Every child process gets the hook (a test that spawns `node` with an environment of its own included), and is
  // noted. Patched on the module object and synced to its ESM exports: `import { spawnSync } from
  // 'node:child_process'` sees the wrappers too.
  for (const name of ['spawn', 'spawnSync', 'execFile', 'execFileSync', 'exec', 'execSync', 'fork']) {
    const original = childProcess[name];
    childProcess[name] = function (command, ...rest) {
      const at = rest.findIndex((r) => typeof r === 'object' && r !== null && !Array.isArray(r));
      if (at === -1) rest.splice(Array.isArray(rest[0]) ? 1 : 0, 0, { env: withHook(process.env) });
      else rest[at] = { ...rest[at], env: withHook(rest[at].env ?? process.env) };
      const child = original.call(this, command, ...rest);
      const program = name === 'fork' ? process.execPath : String(command);
      children.push({
        command: basename(program.trim().split(/\s+/)[0] ?? ''),
        pid: child?.pid ?? null,
        hooked: hookOption !== undefined,
      });
      writeMeta();
      return child;
    };
  }
  syncBuiltinESMExports();
  // A vitest worker says it finished its test file, and is stopped right after (SIGTERM, SIGKILL 500 ms later):
  // its coverage is written first, while nothing hurries it.
  if (typeof process.send === 'function') {
    const send = process.send.bind(process);
    process.send = (message, ...rest) => {
      if (message?.__vitest_worker_response__ === true && message.type === 'testfileFinished')
        v8.takeCoverage();
      return send(message, ...rest);
    };
  }
  process.once('SIGTERM', () => {
    v8.takeCoverage();
    process.exit(143);
  });
}
