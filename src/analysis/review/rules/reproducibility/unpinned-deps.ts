/**
 * repro-unpinned-deps: requirements files and pyproject.toml beside the reviewed code that leave versions open.
 * A file rule: it reads dependency manifests, not Python.
 */
import { parse as parseToml } from 'smol-toml';
import type { RawFinding } from '../../types.js';
import type { RuleMeta } from '../rule.js';

export const UNPINNED: RuleMeta = {
  id: 'repro-unpinned-deps',
  family: 'reproducibility',
  kind: 'dependencies',
  name: 'unpinned dependencies',
  severity: 'note',
  confidence: 'high',
  summary: 'A dependency beside the code is not pinned to one version (and no lock file pins it).',
  rationale:
    'An open range installs whatever is newest on the day; a new NumPy, PyTorch or scikit-learn release changes ' +
    'defaults and numerics, so the same commit gives different results (pip "Repeatable installs").',
  fix: 'Pin exact versions (name==x.y.z) in requirements, or commit a lock file (uv.lock, poetry.lock, pip-compile output with hashes).',
};

const finding = (line: number, name: string, spec: string, file: string): RawFinding => ({
  ruleId: UNPINNED.id,
  kind: UNPINNED.kind,
  confidence: UNPINNED.confidence,
  at: { line, column: 1, endLine: line, endColumn: 1 },
  message: `${name} is not pinned${spec ? ` (${spec})` : ''}`,
  why: `${file} line ${line} asks for ${name}${spec ? ` ${spec}` : ' at any version'}, so installs on different days get different versions.`,
});

/** Findings for a requirements*.txt file. */
export function checkRequirements(text: string, file: string): RawFinding[] {
  const out: RawFinding[] = [];
  text.split('\n').forEach((raw, i) => {
    const line = raw.replace(/\s+#.*$/, '').trim();
    if (!line || line.startsWith('#') || line.startsWith('-') || line.includes('://') || line.startsWith('.'))
      return;
    const m = /^([A-Za-z0-9][A-Za-z0-9._-]*)(\[[^\]]*\])?\s*(.*?)\s*(;.*)?$/.exec(line);
    if (!m) return;
    const spec = m[3] ?? '';
    if (/^===?\s*[^*,]+$/.test(spec) && !spec.includes('*')) return;
    if (line.includes('--hash')) return;
    out.push(finding(i + 1, m[1]!, spec, file));
  });
  return out;
}

/** Findings for a pyproject.toml (PEP 621 dependencies and Poetry's), unless a lock file sits beside it. */
export function checkPyproject(text: string, file: string): RawFinding[] {
  let doc: Record<string, unknown>;
  try {
    doc = parseToml(text) as Record<string, unknown>;
  } catch {
    return [];
  }
  const lines = text.split('\n');
  const lineOf = (name: string) => {
    const i = lines.findIndex(
      (l) =>
        new RegExp(`["']?${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\b`).test(l) && !/^\s*\[/.test(l),
    );
    return i >= 0 ? i + 1 : 1;
  };
  const out: RawFinding[] = [];
  const project = doc.project as { dependencies?: unknown } | undefined;
  for (const dep of Array.isArray(project?.dependencies) ? project.dependencies : []) {
    if (typeof dep !== 'string') continue;
    const m = /^([A-Za-z0-9][A-Za-z0-9._-]*)(\[[^\]]*\])?\s*([^;]*)/.exec(dep.trim());
    if (!m) continue;
    const spec = (m[3] ?? '').trim();
    if (/^==\s*[^*,]+$/.test(spec)) continue;
    out.push(finding(lineOf(m[1]!), m[1]!, spec, file));
  }
  const poetry = (doc.tool as { poetry?: { dependencies?: Record<string, unknown> } } | undefined)?.poetry;
  for (const [name, v] of Object.entries(poetry?.dependencies ?? {})) {
    if (name === 'python') continue;
    const spec =
      typeof v === 'string' ? v : typeof v === 'object' && v && 'version' in v ? String(v.version) : '';
    if (/^(==)?\d[\w.]*$/.test(spec)) continue;
    out.push(finding(lineOf(name), name, spec, file));
  }
  return out;
}
