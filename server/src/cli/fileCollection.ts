import * as fs from 'node:fs';
import * as path from 'node:path';
// Required, not imported, so that the bundle takes tinyglobby's CommonJS build: its ES module
// build reads import.meta.url, which a CommonJS bundle does not have.
import tinyglobby = require('tinyglobby');
import { UsageError } from './exitCodes';
import { GitignoreRules } from './gitignoreRules';
import { kqlhuntOwnFile } from './kqlhuntOwnFiles';
import { CHECKED_EXTENSIONS, languageIdOf } from './languageIds';
import { isInside, kindOf, pseudoFileSystemOf } from './regularFile';

/** Folders never walked into: version control data and installed packages are not the user's queries. */
const ALWAYS_SKIPPED = new Set(['.git', 'node_modules']);

/** Called for each file the walk or a glob found but will not check, with the reason. */
export type SkipNote = (file: string, reason: string) => void;

/**
 * The files that `kqlhunt check ARG...` checks, as absolute paths, sorted and without repeats.
 * A file named outright is always checked (it must be of a kind kqlhunt reads); a folder is
 * walked recursively and a glob is expanded, both leaving out what .gitignore ignores and files
 * of other kinds. A path that does not exist, or a glob that matches nothing, is an error, so
 * that a CI job with a typo fails instead of passing on nothing.
 *
 * Only regular files are collected. A pull request can add links, so a link found by the walk
 * or a glob is followed only when its real target lies inside the folders being checked (the
 * folder arguments and the glob bases); other links, FIFOs, sockets and devices are skipped and
 * reported to `onSkip`. An argument inside the working folder must also really be inside it
 * (a linked file or folder named outright must not lead out of it), and nothing under /proc or
 * /sys is read even when named: such an argument is an error, as is a named FIFO or device.
 *
 * kqlhunt's own files, `.kqlhunt.json` and baselines, are never collected (kqlhuntOwnFiles.ts);
 * one named outright is reported to `onSkip`.
 */
export async function collectFiles(
  args: readonly string[],
  cwd: string,
  onSkip: SkipNote = () => undefined,
): Promise<string[]> {
  const rules = new GitignoreRules();
  const found = new Set<string>();
  const named = new Set<string>();
  const cwdReal = realPathOrSelf(cwd);
  const roots = args.flatMap((arg) => {
    const abs = path.resolve(cwd, arg);
    if (fs.existsSync(abs)) return statOrUndefined(abs)?.isDirectory() ? [realPathOrSelf(abs)] : [];
    return tinyglobby.isDynamicPattern(arg) ? [realPathOrSelf(globBase(arg, cwd))] : [];
  });
  for (const arg of args) {
    const abs = path.resolve(cwd, arg);
    const stat = statOrUndefined(abs);
    if (stat) {
      checkArgumentStaysInside(arg, abs, cwd, cwdReal);
      if (stat.isFile()) {
        if (!languageIdOf(abs))
          throw new UsageError(
            `${arg} is not a file kqlhunt checks (extensions: ${CHECKED_EXTENSIONS.join(' ')})`,
          );
        found.add(abs);
        named.add(abs);
      } else if (stat.isDirectory()) {
        await walk(abs, abs, { rules, found, roots, cwd, onSkip });
      } else {
        throw new UsageError(
          `${arg} is ${kindOf(stat)}, not a regular file: kqlhunt reads only files and folders`,
        );
      }
    } else if (tinyglobby.isDynamicPattern(arg)) {
      const base = globBase(arg, cwd);
      if (fs.existsSync(base)) checkArgumentStaysInside(arg, base, cwd, cwdReal);
      // Matches through links (to files, or inside linked folders) are judged like any other
      // link: kept only when their real path is inside the glob's base folder.
      const matches = await tinyglobby.glob(arg, {
        cwd,
        absolute: true,
        onlyFiles: true,
        dot: false,
        ignore: ['**/.git/**', '**/node_modules/**'],
      });
      const named = matches
        .map((m) => path.resolve(m))
        .filter((m) => languageIdOf(m) && !rules.isIgnored(m, false, cwd));
      if (named.length === 0) throw new UsageError(`no files kqlhunt checks match ${arg}`);
      for (const m of named) if (readable(m, [realPathOrSelf(base)], cwd, onSkip)) found.add(m);
    } else {
      throw new UsageError(`${arg}: no such file or directory`);
    }
  }
  return [...found]
    .filter((file) => {
      const own = kqlhuntOwnFile(file);
      if (own && named.has(file)) onSkip(path.relative(cwd, file).split(path.sep).join('/') || file, own);
      return own === undefined;
    })
    .sort();
}

interface WalkState {
  rules: GitignoreRules;
  found: Set<string>;
  /** Real paths of the folders being checked: a link may lead anywhere inside them. */
  roots: readonly string[];
  /** Skipped files are named relative to it, as the report names files. */
  cwd: string;
  onSkip: SkipNote;
}

async function walk(dir: string, top: string, state: WalkState): Promise<void> {
  let entries: fs.Dirent[];
  try {
    entries = await fs.promises.readdir(dir, { withFileTypes: true });
  } catch (e) {
    throw new UsageError(`cannot read folder ${dir}: ${(e as Error).message}`);
  }
  for (const entry of entries) {
    const abs = path.join(dir, entry.name);
    // Linked folders are not followed, so that a link cycle cannot make the walk endless.
    if (entry.isDirectory()) {
      if (ALWAYS_SKIPPED.has(entry.name) || state.rules.isIgnored(abs, true, top)) continue;
      await walk(abs, top, state);
    } else if (languageIdOf(abs) && !state.rules.isIgnored(abs, false, top)) {
      if (entry.isFile() || readable(abs, state.roots, state.cwd, state.onSkip, entry)) state.found.add(abs);
    }
  }
}

/**
 * Whether a file found by the walk or a glob may be read: a regular file, or a link whose real
 * target is a regular file inside one of `roots`. Anything else is reported to `onSkip`, except
 * links to folders, which the walk has never followed.
 */
function readable(
  file: string,
  roots: readonly string[],
  cwd: string,
  onSkip: SkipNote,
  entry?: fs.Dirent,
): boolean {
  const display = path.relative(cwd, file).split(path.sep).join('/') || file;
  const linked = entry ? entry.isSymbolicLink() : fs.lstatSync(file).isSymbolicLink();
  let real: string;
  let stat: fs.Stats;
  try {
    real = fs.realpathSync(file);
    stat = fs.statSync(real);
  } catch {
    if (linked) onSkip(display, 'it is a broken link');
    return false;
  }
  if (stat.isDirectory() && linked) return false;
  const pseudo = pseudoFileSystemOf(real);
  if (pseudo) {
    onSkip(display, `it leads into ${pseudo}, which kqlhunt never reads`);
    return false;
  }
  if (!roots.some((root) => isInside(root, real))) {
    onSkip(
      display,
      linked
        ? 'it is a link to a file outside the folders being checked'
        : 'it is reached through a linked folder that leads outside the folders being checked',
    );
    return false;
  }
  if (!stat.isFile()) {
    onSkip(display, `it is ${kindOf(stat)}, not a regular file`);
    return false;
  }
  return true;
}

/**
 * An argument inside the working folder (as a CI job names the repository's files) must lead to
 * something inside it: a linked file or folder committed to the repository must not make kqlhunt
 * read the runner's files. An argument that names a place outside is the user's own choice,
 * except for /proc and /sys.
 */
function checkArgumentStaysInside(arg: string, abs: string, cwd: string, cwdReal: string): void {
  const real = realPathOrSelf(abs);
  const pseudo = pseudoFileSystemOf(real);
  if (pseudo) throw new UsageError(`${arg} leads into ${pseudo}, which kqlhunt never reads`);
  if (isInside(cwd, abs) && !isInside(cwdReal, real))
    throw new UsageError(`${arg} is a link that leads outside the working folder; name its target instead`);
}

/** The folder a glob starts from: its leading segments up to the first one with a wildcard. */
function globBase(pattern: string, cwd: string): string {
  const segments = pattern.split('/');
  const fixed: string[] = [];
  for (const s of segments.slice(0, -1)) {
    if (tinyglobby.isDynamicPattern(s)) break;
    fixed.push(s);
  }
  if (pattern.startsWith('/') && fixed.length <= 1) return '/';
  return path.resolve(cwd, fixed.join('/') || '.');
}

function realPathOrSelf(p: string): string {
  try {
    return fs.realpathSync(p);
  } catch {
    return p;
  }
}

function statOrUndefined(p: string): fs.Stats | undefined {
  try {
    return fs.statSync(p);
  } catch {
    return undefined;
  }
}
