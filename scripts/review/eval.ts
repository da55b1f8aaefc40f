/**
 * `npm run eval:review`: precision and recall of `ai-ci review`'s leakage rules per kind (selection, overlap,
 * preprocessing, target) on the labelled corpus data/review-corpus (see its README for sources and licences), file by
 * file: a leaky file counts as found when a finding of its kind is reported; a finding of a kind on a file not
 * labelled with it is a false positive. Every fixed twin must have no leakage finding.
 *
 * Parts, scored separately:
 * - tuning: the pairs the rules may be tuned on;
 * - held-out vN (reported, tuning), for every `heldout-vN.txt` here: the pairs frozen before a round of rule changes
 *   (v1–v5 by their list, v6 onwards written blind and frozen by their hash alone, `heldout-vN.sha256`, the files kept
 *   outside the repository until their one reporting run, then added with the list and checked against the hash).
 *   Once reported, a part judges no later change: it is tuning data (data/review-corpus/README.md says which
 *   round each one measured);
 * - the part being held out: a `heldout-vN.sha256` without its list — nothing of it is here, so nothing is run on it
 *   (the first line says which, or that none is frozen: freeze the next one before changing the rules).
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
 *   npm run eval:review [-- --json]   (`-- --tuning` is accepted and changes nothing: a part held out is never here)
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

/** The held-out parts, by version: their pairs when their list is here (hash checked), else frozen by hash alone. */
interface HeldOut {
  version: number;
  pairs: Set<string>;
  /** Frozen by its hash, files and list kept outside the repository until its reporting run. */
  pending: boolean;
}

function load(): { items: Item[]; heldOuts: HeldOut[] } {
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
  // Every heldout-vN.sha256: reported (its list and files here, hash checked) or still pending (hash only).
  const heldOuts = readdirSync(corpus)
    .flatMap((f) => {
      const m = /^heldout-v(\d+)\.sha256$/.exec(f);
      return m ? [Number(m[1])] : [];
    })
    .sort((a, b) => a - b)
    .map((version) => {
      const listed = existsSync(join(corpus, `heldout-v${version}.txt`));
      return {
        version,
        pairs: listed ? heldOut(`heldout-v${version}`) : new Set<string>(),
        pending: !listed,
      };
    });
  return { items, heldOuts };
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

const { items: all, heldOuts } = load();
// The parts being held out: every version while only its hash is here (nothing of it can be run; a later one may be
// frozen for the round after the next report). A version whose list and files are here has had (or is having) its one
// reporting run: scored as its own part, tuning data after.
const pending = heldOuts.filter((h) => h.pending);
const reported = heldOuts.filter((h) => !h.pending);
const items = all;
const parts: Record<string, Item[]> = {
  tuning: items.filter((i) => !heldOuts.some((h) => h.pairs.has(i.pair))),
};
for (const h of reported)
  parts[`held-out v${h.version} (reported, tuning)`] = items.filter((i) => h.pairs.has(i.pair));
const currentState =
  pending.length > 0
    ? `${pending.map((h) => `v${h.version}`).join(' and ')}, frozen by ${pending.length > 1 ? 'their hashes' : 'its hash'} (files not here)`
    : 'none frozen (freeze the next part before changing the rules)';
const detectors: [string, Detector][] = [
  ['ai-ci review', aiCi],
  ['regex baseline', regexBaseline],
];
detectors.push([`ruff ${Workspace.version()} (${RUFF_RULES.join(', ')}; any message)`, ruffDetector]);
const pylint = pylintDetector();
if (pylint) detectors.push(['pylint (any message)', pylint]);

const json: Record<string, unknown> = {};
const lines: string[] = [
  `eval:review — ${all.length} files (${all.length / 2} leaky/fixed pairs): held-out ${reported.map((h) => `v${h.version} ${h.pairs.size}`).join(', ')} pairs (reported, tuning); being held out: ${currentState}; hashes checked`,
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
