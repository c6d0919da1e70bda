import type { CiSkipLists } from '../rules/ciSkipLists';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
  DiagnosticSeverity,
  DidChangeWatchedFilesNotification,
  type Diagnostic,
  type Disposable,
  type FileSystemWatcher,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { ENVIRONMENT_IDS } from '../schema/types';
import type { SchemaFileProblem } from '../schema/customSchemaFiles';
import {
  discoverRepository,
  looksLikeRepository,
  REPOSITORY_WATCH_GLOBS,
} from '../schemaFiles/repositoryDiscovery';
import { findSchemaFiles, loadSchemaFile, type LoadedSchemaFile } from '../schemaFiles/schemaFileLoader';
import type { ServerContext } from '../serverContext';
import type { HandlerModule } from './handlerModule';

/**
 * Custom schema files (`kqlHunting.schemaFiles`): found by glob in every workspace folder, merged
 * into the shared catalogue, reloaded when a file or the setting changes, and checked: a problem
 * in a file is a diagnostic on that file, and never stops the other files from loading. The
 * catalogue is the server's (ctx.parts.schemas).
 */

const SOURCE = 'kql-schema';
/** Edits arrive in bursts (a save writes, a formatter rewrites); one reload covers them. */
const RELOAD_DELAY_MS = 100;

export const schemaHandlers: HandlerModule = {
  name: 'schemaFiles',
  capabilities: () => ({}),
  register(ctx) {
    const state = new SchemaFilesState(ctx);
    let started = false;
    // The `kqlHunting.schemaFiles` setting may have changed.
    ctx.onSettingsChanged(() => state.scheduleReload(0));
    ctx.documents.onDidOpen(() => {
      if (started) return;
      started = true;
      state.scheduleReload(0);
    });
    ctx.onWatchedFilesChanged(() => state.scheduleReload(RELOAD_DELAY_MS));
  },
};

class SchemaFilesState {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> = Promise.resolve();
  // No schema files is where the catalogue starts, so finding none at start changes nothing.
  private signature = JSON.stringify([]);
  private published = new Set<string>();
  private watching: Disposable | undefined;
  private watchedPatterns = '';

  constructor(private readonly ctx: ServerContext) {}

  scheduleReload(delay: number): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.running = this.running
        .then(() => this.reload())
        .catch((e) =>
          this.ctx.connection.console.error(
            `schema files: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`,
          ),
        );
    }, delay);
  }

  private async reload(): Promise<void> {
    const folders = (await this.ctx.connection.workspace.getWorkspaceFolders().catch(() => null)) ?? [];
    const loaded: LoadedSchemaFile[] = [];
    const skips: [string, CiSkipLists][] = [];
    const watchers: FileSystemWatcher[] = [];
    for (const folder of folders) {
      if (!folder.uri.startsWith('file:')) continue;
      const { schemaFiles, repositoryDiscovery } = await this.ctx.settings.get(folder.uri);
      const dir = fileURLToPath(folder.uri);
      const watch = (pattern: string) =>
        watchers.push({
          globPattern: this.ctx.clientCapabilities().workspace?.didChangeWatchedFiles?.relativePatternSupport
            ? { baseUri: folder.uri, pattern }
            : path.join(dir, pattern).split(path.sep).join('/'),
        });
      // A detection repository's own tables and parsers first (off in Restricted Mode, where the
      // client answers false); the schemaFiles setting is laid over them, as in kqlhunt check.
      if (repositoryDiscovery && (await looksLikeRepository(dir))) {
        REPOSITORY_WATCH_GLOBS.forEach(watch);
        const repository = await discoverRepository(dir);
        loaded.push(...repository.files);
        if (repository.skips) skips.push([folder.uri, repository.skips]);
      }
      schemaFiles.forEach(watch);
      for (const file of await findSchemaFiles(dir, schemaFiles)) loaded.push(await loadSchemaFile(file));
    }
    await this.watch(watchers);
    const signature = JSON.stringify([loaded.map((l) => [l.file, l.text]), skips]);
    if (signature === this.signature) return;
    this.signature = signature;
    this.ctx.parts.ciSkips.set(skips);
    this.ctx.parts.schemas.setCustomSources(loaded.map((l) => l.source));
    this.publish(loaded);
    this.ctx.revalidateAll();
  }

  /** Asks the client to report changes to the schema files, replacing the previous registration. */
  private async watch(watchers: FileSystemWatcher[]): Promise<void> {
    if (!this.ctx.clientCapabilities().workspace?.didChangeWatchedFiles?.dynamicRegistration) return;
    const key = JSON.stringify(watchers);
    if (key === this.watchedPatterns) return;
    this.watchedPatterns = key;
    this.watching?.dispose();
    this.watching = undefined;
    if (watchers.length)
      this.watching = await this.ctx.connection.client.register(DidChangeWatchedFilesNotification.type, {
        watchers,
      });
  }

  private publish(loaded: LoadedSchemaFile[]): void {
    // Merge and type warnings are found while the environments are built; both have the same ones.
    // Without custom files there are none, and the large Sentinel catalogue is left for a document
    // that needs it.
    if (loaded.length > 0) for (const env of ENVIRONMENT_IDS) this.ctx.parts.schemas.globalsFor(env);
    const mergeWarnings = new Map<string, Set<string>>();
    for (const w of this.ctx.parts.schemas.warnings())
      (mergeWarnings.get(w.source) ?? mergeWarnings.set(w.source, new Set()).get(w.source)!).add(w.message);
    const next = new Set<string>();
    for (const l of loaded) {
      const uri = pathToFileURL(l.file).href;
      const text = TextDocument.create(uri, 'json', 0, l.text);
      const diagnostics: Diagnostic[] = [
        ...l.problems.map((p) => toDiagnostic(text, p)),
        ...[...(mergeWarnings.get(l.file) ?? [])].map((message) =>
          toDiagnostic(text, { severity: 'warning', message: `${message}.`, offset: 0, length: 0 }),
        ),
      ];
      if (diagnostics.length || this.published.has(uri))
        void this.ctx.connection.sendDiagnostics({ uri, diagnostics });
      if (diagnostics.length) next.add(uri);
    }
    for (const uri of this.published)
      if (!next.has(uri) && !loaded.some((l) => pathToFileURL(l.file).href === uri))
        void this.ctx.connection.sendDiagnostics({ uri, diagnostics: [] });
    this.published = next;
  }
}

const SEVERITY: Record<SchemaFileProblem['severity'], DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
};

function toDiagnostic(text: TextDocument, p: SchemaFileProblem): Diagnostic {
  return {
    range: { start: text.positionAt(p.offset), end: text.positionAt(p.offset + p.length) },
    severity: SEVERITY[p.severity],
    source: SOURCE,
    message: p.message,
  };
}
