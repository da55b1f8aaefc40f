/**
 * `npm run eval:review`: precision and recall of `ai-ci review`'s leakage rules per kind (selection, overlap,
 * preprocessing, target) on the labelled corpus data/review-corpus (see its README for sources and licences), file by
 * file: a leaky file counts as found when a finding of its kind is reported; a finding of a kind on a file not
 * labelled with it is a false positive. Every fixed twin must have no leakage finding.
 *
 * Nine parts, scored separately:
 * - tuning: the pairs the rules may be tuned on;
 * - held-out v1 (reported, tuning): the first held-out (heldout-v1.txt, hash checked); its figures were reported,
 *   so it judges no later change and is tuning data since v2;
 * - held-out v2 (reported, tuning): the pairs frozen before the second round of rule changes (heldout-v2.txt, hash
 *   checked); its figures were reported, so it is tuning data since v3;
 * - held-out v3 (reported, tuning): the pairs frozen before the third round of rule changes (heldout-v3.txt, hash
 *   checked); its figures were reported, so it is tuning data since v4;
 * - held-out v4 (reported, tuning): the pairs frozen before the fourth round of rule changes (heldout-v4.txt, hash
 *   checked); its figures were reported, so it is tuning data since v5;
 * - held-out v5 (reported, tuning): the pairs frozen before the fifth round of rule changes (heldout-v5.txt, hash
 *   checked); its figures were reported in the fifth round's run, so it is tuning data since v6;
 * - held-out v6 (reported, tuning): 24 pairs written blind and frozen by their hash alone (heldout-v6.sha256) while
 *   the fifth round went on; its figures were reported in the fifth round's run, so it is tuning data since v7;
 * - held-out v7 (reported, tuning): 24 pairs written blind and frozen by their hash alone (heldout-v7.sha256) while
 *   the sixth round went on; its figures were reported in the sixth round's run, so it is tuning data since v8;
 * - held-out v8 (reported, tuning): 24 pairs written blind and frozen by their hash alone (heldout-v8.sha256) while
 *   the seventh round went on; its figures were reported in the seventh round's run, so it is tuning data since v9;
 * - held-out v9 (reported, tuning): 24 pairs written blind and frozen by their hash alone (heldout-v9.sha256) while
 *   the eighth round went on; its figures were reported in the eighth round's run, so it is tuning data since v10;
 * - held-out v10 (reported, tuning): 24 pairs written blind (the writer reported only the hash and counts) and frozen
 *   by their hash alone while the ninth round went on; reported in the ninth round's run, tuning data since;
 * - held-out v11: the next blind part, to be frozen by its hash (heldout-v11.sha256) before the next round of changes,
 *   its files kept outside the repository until its reporting run. `--tuning` leaves it out entirely.
 *
 * A pair is `files/<pair>__leaky.py` and `__fixed.py`, or `.ipynb` for a notebook (its label, `# label: leakage/<kind>`
 * or `# label: leaky <kind>` / `# label: fixed`, is the first line of the file or of its first code cell; it is reviewed as a notebook, and the regex baseline and pylint read its code cells joined).
 *
 * Anchors in the same run: a regex baseline (the textual order of calls, what a grep-based check can do), ruff (npm's
 * WebAssembly build, @astral-sh/ruff-wasm-nodejs, with its NumPy and pandas rules: any message counted as a flag) and
 * pylint (Debian's `pylint`, when on PATH: a general linter, any message counted as a flag, errors and warnings only)
 * — leakage-analysis (Yang et al.) needs souffle and a patched pyright, neither installable here, and dslinter is a
 * PyPI-only pylint plugin (PyPI is not reachable here).
 *
 *   npm run eval:review [-- --json] [-- --tuning]
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PositionEncoding, Workspace } from '@astral-sh/ruff-wasm-nodejs';
import { reviewSources } from '../../src/analysis/review/index.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '../..');
const corpus = join(root, 'data/review-corpus');
const KINDS = ['selection', 'overlap', 'preprocessing', 'target'] as const;
type Kind = (typeof KINDS)[number];

interface Item {
  file: string;
  pair: string;
  label: Kind | 'none';
  /** The file as it is (a notebook's JSON), what ai-ci reviews. */
  text: string;
  /** Its Python code: the file, or a notebook's code cells joined. */
  code: string;
}

/** A pair's file of one variant: `.py`, or `.ipynb` for a notebook pair. */
function pairFile(pair: string, variant: 'leaky' | 'fixed'): string {
  const py = `${pair}__${variant}.py`;
  return existsSync(join(corpus, 'files', py)) ? py : `${pair}__${variant}.ipynb`;
}

function notebookCode(text: string): string {
  const nb = JSON.parse(text) as { cells: { cell_type: string; source: string | string[] }[] };
  return nb.cells
    .filter((c) => c.cell_type === 'code')
    .map((c) => (Array.isArray(c.source) ? c.source.join('') : c.source))
    .join('\n\n');
}

/** The pairs of a held-out list, after checking their contents against the frozen hash. */
function heldOut(name: string): Set<string> {
  const pairs = readFileSync(join(corpus, `${name}.txt`), 'utf8')
    .split('\n')
    .filter(Boolean);
  const h = createHash('sha256');
  for (const p of pairs)
    for (const v of ['leaky', 'fixed'] as const)
      h.update(readFileSync(join(corpus, 'files', pairFile(p, v))));
  const frozen = readFileSync(join(corpus, `${name}.sha256`), 'utf8').split(/\s/)[0];
  if (h.digest('hex') !== frozen)
    throw new Error(`data/review-corpus: the held-out files of ${name}.txt differ from ${name}.sha256`);
  return new Set(pairs);
}

function load(): {
  items: Item[];
  v1: Set<string>;
  v2: Set<string>;
  v3: Set<string>;
  v4: Set<string>;
  v5: Set<string>;
  v6: Set<string>;
  v7: Set<string>;
  v8: Set<string>;
  v9: Set<string>;
  v10: Set<string>;
  v11: Set<string>;
} {
  const files = readdirSync(join(corpus, 'files'))
    .filter((f) => f.endsWith('.py') || f.endsWith('.ipynb'))
    .sort();
  const items = files.map((f) => {
    const text = readFileSync(join(corpus, 'files', f), 'utf8');
    const code = f.endsWith('.ipynb') ? notebookCode(text) : text;
    // `# label: leakage/<kind>` (`leakage/none` for a fixed twin), or as held-out v9's writer put it,
    // `# label: leaky <kind>` / `# label: fixed` (the files are hashed as written, so both are read).
    const m = /^# label: (?:leakage\/(\w+)|leaky (\w+)|(fixed))\b/.exec(code);
    const label = (m?.[1] ?? m?.[2] ?? (m?.[3] ? 'none' : undefined)) as Item['label'];
    if (!label) throw new Error(`data/review-corpus/files/${f}: no "# label:" line first`);
    return { file: f, pair: f.split('__')[0]!, label, text, code };
  });
  return {
    items,
    v1: heldOut('heldout-v1'),
    v2: heldOut('heldout-v2'),
    v3: heldOut('heldout-v3'),
    v4: heldOut('heldout-v4'),
    v5: heldOut('heldout-v5'),
    v6: heldOut('heldout-v6'),
    v7: heldOut('heldout-v7'),
    v8: heldOut('heldout-v8'),
    v9: heldOut('heldout-v9'),
    v10: heldOut('heldout-v10'),
    // Until its reporting run at most the hash of v11 is here (its files are kept outside while the rules change).
    v11: existsSync(join(corpus, 'heldout-v11.txt')) ? heldOut('heldout-v11') : new Set<string>(),
  };
}

type Detector = (items: Item[]) => Promise<Map<string, Set<Kind>>>;

const aiCi: Detector = async (items) => {
  const r = await reviewSources(
    items.map((i) => ({ path: i.file, text: i.text })),
    { families: ['leakage'] },
  );
  const out = new Map<string, Set<Kind>>(items.map((i) => [i.file, new Set()]));
  for (const f of r.findings) out.get(f.location.path)?.add(f.kind as Kind);
  return out;
};

/** What a text search can do: the order of calls in the file. */
const regexBaseline: Detector = async (items) => {
  const out = new Map<string, Set<Kind>>();
  for (const i of items) {
    const k = new Set<Kind>();
    const split = i.code.search(/train_test_split\(|random_split\(|cross_val_score\(/);
    const fitAll = i.code.search(/\.fit_transform\(|\.fit\(X\)|fillna\(|\.mean\(\)/);
    if (split >= 0 && fitAll >= 0 && fitAll < split) k.add('preprocessing');
    const resample = i.code.search(/fit_resample\(|resample\(/);
    if (split >= 0 && resample >= 0 && resample < split) k.add('overlap');
    if (
      (
        i.code.match(
          /\.score\(|accuracy_score\(|f1_score\(|mean_squared_error\(|roc_auc_score\(|eval_set|validation_data/g,
        ) ?? []
      ).length >= 2
    )
      k.add('selection');
    out.set(i.file, k);
  }
  return out;
};

function pylintDetector(): Detector | undefined {
  try {
    execFileSync('pylint', ['--version'], { stdio: 'ignore' });
  } catch {
    return undefined;
  }
  return async (items) => {
    const out = new Map<string, Set<Kind>>();
    const dir = join(corpus, 'files');
    // Notebooks go to pylint as their code cells joined, in a temporary .py file of the same base name.
    const nbDir = mkdtempSync(join(tmpdir(), 'eval-review-'));
    const paths = items.map((i) => {
      if (!i.file.endsWith('.ipynb')) return join(dir, i.file);
      const p = join(nbDir, `${i.file}.py`);
      writeFileSync(p, i.code);
      return p;
    });
    let text = '';
    try {
      text = execFileSync(
        'pylint',
        [
          // Conventions and refactoring advice are style; import errors only say that the ML libraries are not
          // installed here.
          '--disable=C,R,import-error,no-name-in-module',
          '--output-format=parseable',
          '--score=n',
          ...paths,
        ],
        {
          encoding: 'utf8',
          maxBuffer: 64 * 1024 * 1024,
        },
      );
    } catch (err) {
      text = (err as { stdout?: string }).stdout ?? '';
    } finally {
      rmSync(nbDir, { recursive: true, force: true });
    }
    const flagged = new Set(
      text
        .split('\n')
        .map((l) => l.split(':')[0]?.split('/').pop())
        .filter(Boolean),
    );
    // A general linter says nothing about leakage kinds: a flagged file counts as a flag of every kind.
    for (const i of items)
      out.set(i.file, flagged.has(i.file) || flagged.has(`${i.file}.py`) ? new Set(KINDS) : new Set());
    return out;
  };
}

/**
 * ruff (npm's WebAssembly build of it, the same rules as the binary) with its data-science rule sets: NPY (NumPy,
 * e.g. legacy unseeded `np.random`) and PD (pandas-vet, the pandas part of the ML code-smell catalogues). ruff has
 * no data-flow or leakage rule; as for pylint, a file with any message counts as a flag of every kind.
 */
const RUFF_RULES = ['NPY', 'PD'];
const ruffDetector: Detector = async (items) => {
  const ws = new Workspace({ lint: { select: RUFF_RULES } }, PositionEncoding.Utf16);
  const out = new Map<string, Set<Kind>>();
  for (const i of items) {
    const messages = ws.check(i.code) as unknown[];
    out.set(i.file, messages.length > 0 ? new Set(KINDS) : new Set());
  }
  return out;
};

interface Score {
  tp: number;
  fp: number;
  fn: number;
}
const pct = (n: number, d: number) => (d === 0 ? '—' : `${((100 * n) / d).toFixed(0)}%`);

function score(
  items: Item[],
  found: Map<string, Set<Kind>>,
): Record<Kind, Score> & { twinsWithFinding: string[] } {
  const s = Object.fromEntries(KINDS.map((k) => [k, { tp: 0, fp: 0, fn: 0 }])) as Record<Kind, Score>;
  for (const i of items) {
    const f = found.get(i.file) ?? new Set();
    for (const k of KINDS) {
      if (i.label === k) {
        if (f.has(k)) s[k].tp++;
        else s[k].fn++;
      } else if (f.has(k)) s[k].fp++;
    }
  }
  const twinsWithFinding = items
    .filter((i) => i.label === 'none' && (found.get(i.file)?.size ?? 0) > 0)
    .map((i) => i.file);
  return { ...s, twinsWithFinding };
}

const { items: all, v1, v2, v3, v4, v5, v6, v7, v8, v9, v10, v11 } = load();
const tuningOnly = process.argv.includes('--tuning');
// With --tuning nothing of held-out v11 is loaded into any part (its hash was checked by load()).
const items = tuningOnly ? all.filter((i) => !v11.has(i.pair)) : all;
const parts: Record<string, Item[]> = {
  tuning: items.filter(
    (i) =>
      !v1.has(i.pair) &&
      !v2.has(i.pair) &&
      !v3.has(i.pair) &&
      !v4.has(i.pair) &&
      !v5.has(i.pair) &&
      !v6.has(i.pair) &&
      !v7.has(i.pair) &&
      !v8.has(i.pair) &&
      !v9.has(i.pair) &&
      !v10.has(i.pair) &&
      !v11.has(i.pair),
  ),
  'held-out v1 (reported, tuning)': items.filter((i) => v1.has(i.pair)),
  'held-out v2 (reported, tuning)': items.filter((i) => v2.has(i.pair)),
  'held-out v3 (reported, tuning)': items.filter((i) => v3.has(i.pair)),
  'held-out v4 (reported, tuning)': items.filter((i) => v4.has(i.pair)),
  'held-out v5 (reported, tuning)': items.filter((i) => v5.has(i.pair)),
  'held-out v6 (reported, tuning)': items.filter((i) => v6.has(i.pair)),
  'held-out v7 (reported, tuning)': items.filter((i) => v7.has(i.pair)),
  'held-out v8 (reported, tuning)': items.filter((i) => v8.has(i.pair)),
  'held-out v9 (reported, tuning)': items.filter((i) => v9.has(i.pair)),
  'held-out v10 (reported, tuning)': items.filter((i) => v10.has(i.pair)),
};
if (!tuningOnly && v11.size > 0) parts['held-out v11'] = items.filter((i) => v11.has(i.pair));
const v11State =
  v11.size > 0
    ? `${v11.size} pairs`
    : existsSync(join(corpus, 'heldout-v11.sha256'))
      ? 'frozen by its hash, files not here yet'
      : 'not frozen yet (freeze one before the next round of changes)';
const detectors: [string, Detector][] = [
  ['ai-ci review', aiCi],
  ['regex baseline', regexBaseline],
];
detectors.push([`ruff ${Workspace.version()} (${RUFF_RULES.join(', ')}; any message)`, ruffDetector]);
const pylint = pylintDetector();
if (pylint) detectors.push(['pylint (any message)', pylint]);

const json: Record<string, unknown> = {};
const lines: string[] = [
  `eval:review — ${all.length} files (${all.length / 2} leaky/fixed pairs): held-out v1 ${v1.size}, v2 ${v2.size}, v3 ${v3.size}, v4 ${v4.size}, v5 ${v5.size}, v6 ${v6.size}, v7 ${v7.size}, v8 ${v8.size}, v9 ${v9.size} and v10 ${v10.size} pairs (reported, tuning), held-out v11 ${v11State}${tuningOnly ? ' (left out: --tuning)' : ''}; hashes checked`,
  '',
];
for (const [partName, part] of Object.entries(parts)) {
  lines.push(
    `${partName} (${part.length} files)`,
    '| detector | kind | precision | recall | TP | FP | FN | fixed twins with a leakage finding |',
    '| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |',
  );
  for (const [name, detect] of detectors) {
    const s = score(part, await detect(part));
    json[`${partName}/${name}`] = s;
    for (const k of KINDS) {
      const x = s[k];
      lines.push(
        `| ${name} | ${k} | ${pct(x.tp, x.tp + x.fp)} | ${pct(x.tp, x.tp + x.fn)} | ${x.tp} | ${x.fp} | ${x.fn} | ${k === 'selection' ? `${s.twinsWithFinding.length}/${part.length / 2}` : ''} |`,
      );
    }
    if (name === 'ai-ci review' && s.twinsWithFinding.length)
      lines.push(`|  | twins flagged: ${s.twinsWithFinding.join(', ')} | | | | | | |`);
  }
  lines.push('');
}
if (process.argv.includes('--json')) process.stdout.write(`${JSON.stringify(json, null, 2)}\n`);
else process.stdout.write(`${lines.join('\n')}\n`);
