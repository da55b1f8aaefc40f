// Function coverage of every Node.js process it is loaded into, for `ai-ci select-record --coverage-v8 DIR`:
//   AI_CI_V8_COVERAGE=DIR NODE_OPTIONS=--import=/path/to/v8-hook.mjs npx vitest run …
// Each process (vitest runs each test file in its own worker) writes DIR/v8-<pid>-<thread>.json when it exits,
// also when it is stopped with SIGTERM, as vitest stops its workers (NODE_V8_COVERAGE writes nothing then).
// Precise coverage with call counts only (no block counts): which functions ran, which were compiled and did not.
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector';
import { join } from 'node:path';
import { threadId } from 'node:worker_threads';

const dir = process.env.AI_CI_V8_COVERAGE;
if (dir) {
  const session = new Session();
  session.connect();
  session.post('Profiler.enable');
  session.post('Profiler.startPreciseCoverage', { callCount: true, detailed: false });
  let written = false;
  const write = () => {
    if (written) return;
    written = true;
    // A session of the same thread answers synchronously, so this works in an 'exit' handler.
    session.post('Profiler.takePreciseCoverage', (err, res) => {
      if (!err) writeFileSync(join(dir, `v8-${process.pid}-${threadId}.json`), JSON.stringify(res));
    });
  };
  process.on('exit', write);
  process.once('SIGTERM', () => {
    write();
    process.exit(143);
  });
}
