import { execFile } from 'node:child_process';
import * as path from 'node:path';
import { UsageError } from './exitCodes';

/**
 * What `kqlhunt check --changed [BASE]` asks of git: the files that differ between the merge base
 * of HEAD and BASE and the working tree as it is (committed, staged, unstaged and untracked
 * alike), as a pull request's reviewer sees them. git runs as a child process with its arguments
 * as a list, never through a shell, so a branch or file name cannot become a command.
 */

/** When no BASE is named: the remote's default branch, else the usual local and remote names. */
const DEFAULT_BASES = ['origin/HEAD', 'main', 'master', 'origin/main', 'origin/master'];

/** Larger output (a file's old text, a list of paths) is refused rather than held in memory. */
const MAX_OUTPUT = 64 * 1024 * 1024;

export interface GitChanges {
  /** The repository's top folder, as git gives it (a real path). */
  top: string;
  /** The base as named (or found), and the merge base commit the changes are taken from. */
  base: string;
  mergeBase: string;
  /** Files that exist now and differ from the merge base (a renamed file under its new path), absolute. */
  changed: Set<string>;
  /** Paths, relative to `top`, that held a file at the merge base and hold none now (deleted, or renamed away). */
  removed: string[];
}

type GitResult = { ok: true; stdout: string } | { ok: false; message: string };

function git(cwd: string, args: readonly string[]): Promise<GitResult> {
  return new Promise((resolve, reject) => {
    execFile(
      'git',
      args,
      { cwd, maxBuffer: MAX_OUTPUT, encoding: 'utf8', windowsHide: true },
      (error, stdout, stderr) => {
        if (!error) return resolve({ ok: true, stdout });
        if ((error as NodeJS.ErrnoException).code === 'ENOENT')
          return reject(new UsageError('--changed needs git, and no git program was found on the PATH'));
        resolve({ ok: false, message: (stderr || error.message).trim().split('\n')[0] });
      },
    );
  });
}

async function gitOrFail(cwd: string, args: readonly string[], what: string): Promise<string> {
  const r = await git(cwd, args);
  if (!r.ok) throw new UsageError(`--changed: ${what}: ${r.message}`);
  return r.stdout;
}

/** The commit `name` names, or undefined when git knows none by that name. */
async function commitOf(cwd: string, name: string): Promise<string | undefined> {
  const r = await git(cwd, ['rev-parse', '--verify', '--quiet', '--end-of-options', `${name}^{commit}`]);
  return r.ok ? r.stdout.trim() : undefined;
}

/** `base` empty means the default branch. Every failure is a UsageError that says what to do. */
export async function gitChanges(cwd: string, base: string): Promise<GitChanges> {
  const topRun = await git(cwd, ['rev-parse', '--show-toplevel']);
  if (!topRun.ok)
    throw new UsageError(`--changed compares with git history, and ${cwd} is not inside a git repository`);
  const top = path.resolve(topRun.stdout.trim());
  if (!(await commitOf(top, 'HEAD')))
    throw new UsageError('--changed: the repository has no commit yet, so there is nothing to compare with');

  let baseName = base;
  let baseCommit: string | undefined;
  if (base === '') {
    for (const candidate of DEFAULT_BASES) {
      baseCommit = await commitOf(top, candidate);
      if (baseCommit) {
        baseName = candidate;
        break;
      }
    }
    if (!baseCommit)
      throw new UsageError(
        `--changed: no default branch to compare with (none of ${DEFAULT_BASES.join(', ')} exists here); name the base, as in --changed origin/develop`,
      );
  } else {
    baseCommit = await commitOf(top, base);
    if (!baseCommit)
      throw new UsageError(
        `--changed ${base}: git knows no commit of that name (in CI, fetch the base branch too: actions/checkout with fetch-depth: 0). Paths to check go before --changed or after --`,
      );
  }
  const mergeRun = await git(top, ['merge-base', 'HEAD', baseCommit]);
  if (!mergeRun.ok)
    throw new UsageError(
      `--changed ${baseName}: HEAD and ${baseName} have no common commit in this clone; fetch the whole history (actions/checkout: fetch-depth: 0)`,
    );
  const mergeBase = mergeRun.stdout.trim();

  // Against the working tree, so staged and unstaged edits count; -M follows renames.
  const diff = await gitOrFail(
    top,
    ['-c', 'core.quotePath=false', 'diff', '--name-status', '-z', '-M', '--no-ext-diff', mergeBase, '--'],
    'cannot list the changed files',
  );
  const untracked = await gitOrFail(
    top,
    ['ls-files', '--others', '--exclude-standard', '-z', '--', '.'],
    'cannot list the untracked files',
  );
  const changed = new Set<string>();
  const removed: string[] = [];
  const fields = diff.split('\0');
  for (let i = 0; i + 1 < fields.length;) {
    const status = fields[i];
    if (status.startsWith('R') || status.startsWith('C')) {
      const [from, to] = [fields[i + 1], fields[i + 2]];
      if (status.startsWith('R')) removed.push(from);
      changed.add(path.resolve(top, to));
      i += 3;
    } else {
      if (status === 'D') removed.push(fields[i + 1]);
      else changed.add(path.resolve(top, fields[i + 1]));
      i += 2;
    }
  }
  for (const rel of untracked.split('\0')) if (rel) changed.add(path.resolve(top, rel));
  return { top, base: baseName, mergeBase, changed, removed };
}

/** The text of `rel` at `commit`, or undefined when it cannot be read. */
export async function textAt(top: string, commit: string, rel: string): Promise<string | undefined> {
  const r = await git(top, ['show', '--no-textconv', `${commit}:${rel}`]);
  return r.ok ? r.stdout : undefined;
}
