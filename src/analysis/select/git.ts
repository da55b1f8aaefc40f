import { spawnSync } from 'node:child_process';
import type { FileChange, RepoFile } from './types.js';

/** A git command failed (unknown ref, not a repository); the message names the ref or directory. */
export class GitError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'GitError';
  }
}

function git(repo: string, args: string[], input?: string): Buffer {
  const r = spawnSync('git', ['-C', repo, ...args], { input, maxBuffer: 1 << 30 });
  if (r.error !== undefined) throw new GitError(`git could not be run (${r.error.message})`);
  if (r.status !== 0) {
    throw new GitError(
      `git ${args.join(' ')} in ${repo} failed: ${r.stderr.toString().trim().split('\n')[0]}`,
    );
  }
  return r.stdout;
}

/** The commit a ref names. */
export function resolveCommit(repo: string, ref: string): string {
  try {
    return git(repo, ['rev-parse', '--verify', '--quiet', `${ref}^{commit}`])
      .toString()
      .trim();
  } catch {
    throw new GitError(`${ref}: not a commit in ${repo}`);
  }
}

const NO_BLOB = /^0+$/;

/**
 * Files changed from the merge base of `base` and `head` to `head` (what a pull request changes), with the blob
 * ids of both sides.
 */
export function changedFiles(repo: string, base: string, head: string): FileChange[] {
  const out = git(repo, [
    'diff',
    '--raw',
    '--no-abbrev',
    '--no-renames',
    '-z',
    `${base}...${head}`,
  ]).toString();
  // Each entry: ":<old mode> <new mode> <old blob> <new blob> <letter>\0<path>\0".
  const parts = out.split('\0').filter((p) => p !== '');
  const changes: FileChange[] = [];
  for (let i = 0; i + 1 < parts.length; i += 2) {
    const [, , before, after, letters] = parts[i]!.split(' ');
    const letter = letters![0];
    const status = letter === 'A' ? 'added' : letter === 'D' ? 'deleted' : 'modified';
    changes.push({
      path: parts[i + 1]!,
      status,
      ...(before !== undefined && !NO_BLOB.test(before) ? { before } : {}),
      ...(after !== undefined && !NO_BLOB.test(after) ? { after } : {}),
    });
  }
  return changes;
}

/** `git diff -U0` from the merge base of `base` and `head` to `head`, for the paths given (hunks only). */
export function diffHunksText(repo: string, base: string, head: string, paths: readonly string[]): string {
  if (paths.length === 0) return '';
  return git(repo, [
    'diff',
    '-U0',
    '--no-renames',
    '--no-color',
    '--no-ext-diff',
    '--no-textconv',
    '--src-prefix=a/',
    '--dst-prefix=b/',
    `${base}...${head}`,
    '--',
    ...paths.map((p) => `:(literal)${p}`),
  ]).toString();
}

/** Every file of a commit with its blob id (the content hash the coverage is keyed by). */
export function listFiles(repo: string, ref: string): RepoFile[] {
  const out = git(repo, ['ls-tree', '-r', '-z', '--full-tree', ref]).toString();
  const files: RepoFile[] = [];
  // Each entry: "<mode> <type> <object>\t<path>\0".
  for (let pos = 0; pos < out.length; ) {
    const end = out.indexOf('\0', pos);
    const stop = end === -1 ? out.length : end;
    const sp1 = out.indexOf(' ', pos);
    const sp2 = out.indexOf(' ', sp1 + 1);
    const tab = out.indexOf('\t', sp2 + 1);
    if (sp1 !== -1 && tab !== -1 && tab < stop && out.startsWith('blob', sp1 + 1) && sp2 === sp1 + 5) {
      files.push({ path: out.slice(tab + 1, stop), hash: out.slice(sp2 + 1, tab) });
    }
    pos = stop + 1;
  }
  return files;
}

/** The contents of blobs, read in one `git cat-file --batch` process (buffered: not flushed after each blob). */
export function readBlobs(repo: string, hashes: readonly string[]): Map<string, string> {
  const unique = [...new Set(hashes)];
  const out = new Map<string, string>();
  if (unique.length === 0) return out;
  const buf = git(repo, ['cat-file', '--batch', '--buffer'], `${unique.join('\n')}\n`);
  let pos = 0;
  while (pos < buf.length) {
    const nl = buf.indexOf(10, pos);
    const [hash, kind, size] = buf.subarray(pos, nl).toString().split(' ');
    if (kind === 'missing') {
      pos = nl + 1;
      continue;
    }
    const n = Number(size);
    out.set(hash!, buf.subarray(nl + 1, nl + 1 + n).toString('utf8'));
    pos = nl + 1 + n + 1;
  }
  return out;
}

/** How many commits lead to `ref` (the full-run-every-N policy counts these). */
export function commitCount(repo: string, ref: string): number {
  return Number(git(repo, ['rev-list', '--count', ref]).toString().trim());
}
