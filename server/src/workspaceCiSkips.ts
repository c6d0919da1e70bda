import type { CiSkipLists } from './rules/ciSkipLists';

/**
 * The CI skip lists of each workspace folder that is a detection repository, so that a rule file
 * gets the lists of the folder it lies in (the editor's side of ciSkipLists.ts).
 */
export class WorkspaceCiSkips {
  /** Folder URI with a trailing slash, to its lists. */
  private byFolder: [string, CiSkipLists][] = [];

  /** Replaces every folder's lists. */
  set(folders: readonly [folderUri: string, lists: CiSkipLists][]): void {
    this.byFolder = folders.map(([uri, lists]) => [uri.endsWith('/') ? uri : `${uri}/`, lists]);
  }

  /** The lists of the innermost folder holding `uri`, if it has any. */
  of(uri: string): CiSkipLists | undefined {
    let best: [string, CiSkipLists] | undefined;
    for (const entry of this.byFolder)
      if (uri.startsWith(entry[0]) && (!best || entry[0].length > best[0].length)) best = entry;
    return best?.[1];
  }
}
