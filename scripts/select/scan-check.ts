/**
 * Checks the fast Python import scanner against the tree-sitter walk on real files: every distinct `.py` blob of
 * a git repository's whole history (`--git DIR`) and/or every `.py` file under a folder (`--dir DIR`). Prints how
 * many files the scanner answered, how many it left to tree-sitter, and every file where its answer differs
 * (there should be none).
 *
 *   npx tsx scripts/select/scan-check.ts --git /work/.mirror/mahmoud+boltons/repo --dir /usr/lib/python3.11
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { loadPythonParser } from '../../src/analysis/parsers/index.js';
import { readBlobs } from '../../src/analysis/select/git.js';
import { pythonImports } from '../../src/analysis/select/imports/python.js';
import { scanPythonImports } from '../../src/analysis/select/imports/python-scan.js';

const { values } = parseArgs({
  options: { git: { type: 'string', multiple: true }, dir: { type: 'string', multiple: true } },
});

function* gitFiles(dir: string): Generator<[string, string]> {
  const out = execFileSync('git', ['-C', dir, 'rev-list', '--objects', '--all'], {
    maxBuffer: 1 << 30,
  }).toString();
  const py = new Map<string, string>();
  for (const line of out.split('\n')) {
    const sp = line.indexOf(' ');
    if (sp > 0 && line.endsWith('.py')) py.set(line.slice(0, sp), line.slice(sp + 1));
  }
  const texts = readBlobs(dir, [...py.keys()]);
  for (const [hash, path] of py) {
    const text = texts.get(hash);
    if (text !== undefined) yield [`${dir}:${path}@${hash.slice(0, 8)}`, text];
  }
}

function* dirFiles(dir: string): Generator<[string, string]> {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) yield* dirFiles(p);
    else if (e.isFile() && e.name.endsWith('.py')) yield [p, readFileSync(p, 'utf8')];
  }
}

const parser = await loadPythonParser();
let files = 0;
let answered = 0;
let differ = 0;
let scanMs = 0;
let parseMs = 0;
const sources = [...(values.git ?? []).map(gitFiles), ...(values.dir ?? []).map(dirFiles)];
for (const source of sources) {
  for (const [name, text] of source) {
    if (!text.includes('import')) continue;
    files++;
    let t = performance.now();
    const fast = scanPythonImports(text);
    scanMs += performance.now() - t;
    t = performance.now();
    const full = pythonImports(parser, text);
    parseMs += performance.now() - t;
    if (fast === undefined) continue;
    answered++;
    if (JSON.stringify(fast) !== JSON.stringify(full)) {
      differ++;
      if (differ <= 20)
        console.log(`DIFFERS ${name}\n  scan:  ${JSON.stringify(fast)}\n  parse: ${JSON.stringify(full)}`);
    }
  }
}
parser.delete();
console.log(
  `${files} files with "import": scanner answered ${answered} (${((100 * answered) / files).toFixed(1)}%), left ${files - answered} to tree-sitter, ${differ} differ; scan ${scanMs.toFixed(0)} ms, parse ${parseMs.toFixed(0)} ms`,
);
