import * as fs from 'node:fs';
import * as path from 'node:path';
import ignore, { type Ignore } from 'ignore';
import { readRegularText } from './regularFile';

/**
 * Answers "would git ignore this path?" from the .gitignore files of the repository the path is
 * in: the one in each folder from the repository root (the nearest folder above holding `.git`)
 * down to the path's own folder, deeper files overriding shallower ones as git does. Outside a
 * repository, only the .gitignore files from the folder being checked downwards apply. The
 * pattern matching itself is the `ignore` library's, which follows git's rules.
 */
export class GitignoreRules {
  private readonly rulesByDir = new Map<string, Ignore | null>();
  private readonly rootByDir = new Map<string, string | null>();

  /**
   * @param fallbackTop where to start reading .gitignore files for paths that are not in a git
   * repository (the folder or glob base that was asked for).
   */
  isIgnored(absPath: string, isDirectory: boolean, fallbackTop: string): boolean {
    const dir = path.dirname(absPath);
    const top = this.repositoryRoot(dir) ?? fallbackTop;
    if (!isInside(dir, top)) return false;
    let ignored = false;
    for (const level of foldersFrom(top, dir)) {
      const rules = this.rulesIn(level);
      if (!rules) continue;
      const relative = path.relative(level, absPath).split(path.sep).join('/') + (isDirectory ? '/' : '');
      const verdict = rules.test(relative);
      if (verdict.ignored) ignored = true;
      else if (verdict.unignored) ignored = false;
    }
    return ignored;
  }

  private rulesIn(dir: string): Ignore | null {
    let rules = this.rulesByDir.get(dir);
    if (rules === undefined) {
      let text: string | undefined;
      try {
        // A .gitignore that is a link to a FIFO or a device is taken as absent, not waited on.
        text = readRegularText(path.join(dir, '.gitignore'));
      } catch {
        text = undefined;
      }
      rules = text === undefined ? null : ignore().add(text);
      this.rulesByDir.set(dir, rules);
    }
    return rules;
  }

  private repositoryRoot(dir: string): string | undefined {
    const cached = this.rootByDir.get(dir);
    if (cached !== undefined) return cached ?? undefined;
    let root: string | null;
    if (fs.existsSync(path.join(dir, '.git'))) root = dir;
    else {
      const parent = path.dirname(dir);
      root = parent === dir ? null : (this.repositoryRoot(parent) ?? null);
    }
    this.rootByDir.set(dir, root);
    return root ?? undefined;
  }
}

function isInside(child: string, parent: string): boolean {
  const rel = path.relative(parent, child);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}

/** `top`, then each folder below it down to and including `dir`. */
function foldersFrom(top: string, dir: string): string[] {
  const out = [top];
  const rel = path.relative(top, dir);
  if (rel === '') return out;
  let current = top;
  for (const part of rel.split(path.sep)) {
    current = path.join(current, part);
    out.push(current);
  }
  return out;
}
