import { readFile } from 'node:fs/promises';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Diagnostic } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { parseBaseline, type Baseline } from './language/baseline/baselineFile';
import { applyBaseline } from './language/baseline/baselineDiagnostics';
import type { KqlHuntingSettings } from './protocol/settings';

/** What the baselines need from the editor: its workspace folders, and a way to say a file is bad. */
export interface BaselineHost {
  /** The workspace folders, as file-system paths. */
  workspaceFolders(): Promise<string[]>;
  warn(message: string): void;
}

/**
 * The baseline files named by `kqlHunting.baseline.file` (relative to the document's workspace
 * folder, as `kqlhunt check` is run at the repository root), read once and kept until the
 * settings or the file change. A document's findings are matched under its path relative to that
 * folder, the path the command line writes; the matching is language/baseline's.
 */
export class EditorBaselines {
  private folders: Promise<string[]> | undefined;
  private readonly files = new Map<string, Promise<Baseline | undefined>>();
  private readonly loadListeners: (() => void)[] = [];

  constructor(private readonly host: BaselineHost) {}

  async apply(
    document: TextDocument,
    settings: KqlHuntingSettings,
    diagnostics: Diagnostic[],
  ): Promise<Diagnostic[]> {
    const { file, display } = settings.baseline;
    if (file === '' || display === 'show' || !document.uri.startsWith('file:')) return diagnostics;
    const documentPath = fileURLToPath(document.uri);
    // The innermost folder holding the document, for nested workspace folders.
    const folder = (await this.workspaceFolders())
      .filter((f) => isInside(f, documentPath))
      .sort((a, b) => b.length - a.length)[0];
    if (folder === undefined) return diagnostics;
    const baseline = await this.load(path.resolve(folder, file));
    if (!baseline) return diagnostics;
    const relative = path.relative(folder, documentPath).split(path.sep).join('/');
    return applyBaseline(document, relative, diagnostics, baseline, display);
  }

  /** The baseline files read so far, as file-system paths. */
  inUse(): string[] {
    return [...this.files.keys()];
  }

  /** Called when a baseline file was read for the first time, so that it can be watched. */
  onLoaded(listener: () => void): void {
    this.loadListeners.push(listener);
  }

  /** Forgets everything read: the settings or the workspace folders changed. */
  clear(): void {
    this.folders = undefined;
    this.files.clear();
  }

  /** Forgets the baseline files among `changed` (paths); true when there was one. */
  forgetChanged(changed: readonly string[]): boolean {
    let any = false;
    for (const p of changed) any = this.files.delete(p) || any;
    return any;
  }

  private workspaceFolders(): Promise<string[]> {
    this.folders ??= this.host.workspaceFolders().catch(() => []);
    return this.folders;
  }

  private load(file: string): Promise<Baseline | undefined> {
    let loading = this.files.get(file);
    if (!loading) {
      loading = readFile(file, 'utf8').then(
        (text) => {
          const parsed = parseBaseline(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
          if (!('problem' in parsed)) return parsed;
          this.host.warn(`KQL Hunting: the baseline ${file} is not used: ${parsed.problem}.`);
          return undefined;
        },
        (e: NodeJS.ErrnoException) => {
          this.host.warn(
            `KQL Hunting: the baseline ${file} cannot be read (${e.code === 'ENOENT' ? 'no such file' : e.message}); write it with kqlhunt check --write-baseline.`,
          );
          return undefined;
        },
      );
      this.files.set(file, loading);
      for (const listener of this.loadListeners) listener();
    }
    return loading;
  }
}

function isInside(folder: string, p: string): boolean {
  const prefix = folder.endsWith(path.sep) ? folder : folder + path.sep;
  return p === folder || p.startsWith(prefix);
}
