import * as fs from 'node:fs';
import * as path from 'node:path';
// Required, not imported, so that the bundle takes tinyglobby's CommonJS build: its ES module
// build reads import.meta.url, which a CommonJS bundle does not have.
import tinyglobby = require('tinyglobby');
import { UsageError } from './exitCodes';
import { GitignoreRules } from './gitignoreRules';
import { CHECKED_EXTENSIONS, languageIdOf } from './languageIds';

/** Folders never walked into: version control data and installed packages are not the user's queries. */
const ALWAYS_SKIPPED = new Set(['.git', 'node_modules']);

/**
 * The files that `kqlhunt check ARG...` checks, as absolute paths, sorted and without repeats.
 * A file named outright is always checked (it must be of a kind kqlhunt reads); a folder is
 * walked recursively and a glob is expanded, both leaving out what .gitignore ignores and files
 * of other kinds. A path that does not exist, or a glob that matches nothing, is an error, so
 * that a CI job with a typo fails instead of passing on nothing.
 */
export async function collectFiles(args: readonly string[], cwd: string): Promise<string[]> {
  const rules = new GitignoreRules();
  const found = new Set<string>();
  for (const arg of args) {
    const abs = path.resolve(cwd, arg);
    const stat = statOrUndefined(abs);
    if (stat?.isFile()) {
      if (!languageIdOf(abs)) throw new UsageError(`${arg} is not a file kqlhunt checks (extensions: ${CHECKED_EXTENSIONS.join(' ')})`);
      found.add(abs);
    } else if (stat?.isDirectory()) {
      await walk(abs, abs, rules, found);
    } else if (tinyglobby.isDynamicPattern(arg)) {
      const matches = await tinyglobby.glob(arg, { cwd, absolute: true, onlyFiles: true, dot: false, ignore: ['**/.git/**', '**/node_modules/**'] });
      const kept = matches.map((m) => path.resolve(m)).filter((m) => languageIdOf(m) && !rules.isIgnored(m, false, cwd));
      if (kept.length === 0) throw new UsageError(`no files kqlhunt checks match ${arg}`);
      for (const m of kept) found.add(m);
    } else {
      throw new UsageError(`${arg}: no such file or directory`);
    }
  }
  return [...found].sort();
}

async function walk(dir: string, top: string, rules: GitignoreRules, found: Set<string>): Promise<void> {
  let entries: fs.Dirent[];
  try {
    entries = await fs.promises.readdir(dir, { withFileTypes: true });
  } catch (e) {
    throw new UsageError(`cannot read folder ${dir}: ${(e as Error).message}`);
  }
  for (const entry of entries) {
    const abs = path.join(dir, entry.name);
    let isDir = entry.isDirectory();
    let isFile = entry.isFile();
    if (entry.isSymbolicLink()) {
      // Linked folders are not followed, so that a link cycle cannot make the walk endless.
      isFile = statOrUndefined(abs)?.isFile() ?? false;
      isDir = false;
    }
    if (isDir) {
      if (ALWAYS_SKIPPED.has(entry.name) || rules.isIgnored(abs, true, top)) continue;
      await walk(abs, top, rules, found);
    } else if (isFile && languageIdOf(abs) && !rules.isIgnored(abs, false, top)) {
      found.add(abs);
    }
  }
}

function statOrUndefined(p: string): fs.Stats | undefined {
  try {
    return fs.statSync(p);
  } catch {
    return undefined;
  }
}
