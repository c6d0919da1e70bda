import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { RuleIdIndex } from './rules/ruleChecks';

/**
 * Which rule file declares which id, across the workspace folders, so that the pure
 * duplicate-id check can name the other file. Files on disk are read once at start with a cheap
 * scan; open documents then keep their own entries current as they are edited.
 */
const SKIPPED_FOLDERS = new Set(['node_modules', '.git', 'out', 'dist', '.cache', '.vscode-test']);
const MAX_FILES = 20000;
const ID_LINE = /^[ \t]*id[ \t]*:[ \t]*['"]?([0-9A-Fa-f{}()-]{32,40})['"]?[ \t]*(?:#.*)?$/m;
const QUERY_LINE = /^[ \t]*query[ \t]*:/m;

export class WorkspaceRuleIds implements RuleIdIndex {
  private readonly idByUri = new Map<string, string>();

  otherFilesWithId(id: string, uri: string): readonly string[] {
    const wanted = id.trim().toLowerCase();
    const others: string[] = [];
    for (const [other, otherId] of this.idByUri) if (other !== uri && otherId === wanted) others.push(other);
    return others.sort();
  }

  /** Records the id a file declares now; returns true when that changed. */
  set(uri: string, id: string | undefined): boolean {
    const normalized = id?.trim().toLowerCase();
    if (this.idByUri.get(uri) === normalized) return false;
    if (normalized) this.idByUri.set(uri, normalized);
    else this.idByUri.delete(uri);
    return true;
  }

  /** Ids that more than one file declares. */
  duplicatedIds(): Set<string> {
    const seen = new Map<string, number>();
    for (const id of this.idByUri.values()) seen.set(id, (seen.get(id) ?? 0) + 1);
    return new Set([...seen].filter(([, n]) => n > 1).map(([id]) => id));
  }

  /** Reads the rule files under `folder` (a file system path), skipping build and dependency folders. */
  async scanFolder(folder: string): Promise<number> {
    let files = 0;
    const walk = async (dir: string): Promise<void> => {
      const entries = await fs.readdir(dir, { withFileTypes: true }).catch(() => []);
      for (const entry of entries) {
        if (files >= MAX_FILES) return;
        const full = path.join(dir, entry.name);
        if (entry.isDirectory() && !SKIPPED_FOLDERS.has(entry.name)) await walk(full);
        else if (entry.isFile() && /\.ya?ml$/i.test(entry.name)) {
          files++;
          const text = await fs.readFile(full, 'utf8').catch(() => '');
          if (QUERY_LINE.test(text)) this.set(pathToFileURL(full).toString(), ID_LINE.exec(text)?.[1]);
        }
      }
    };
    await walk(folder);
    return files;
  }
}
