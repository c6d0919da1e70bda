import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { DidChangeWatchedFilesNotification, type Disposable } from 'vscode-languageserver/node';
import type { HandlerModule } from './handlerModule';

/**
 * Keeps the editor's baselines (editorBaselines.ts) current: they are read again when the
 * settings change, and when a baseline file in use changes on disk (the client is asked to watch
 * each one once it has been read), after which every open document is checked again.
 */
export const baselineHandlers: HandlerModule = {
  name: 'baseline',
  capabilities: () => ({}),
  register(ctx) {
    const baselines = ctx.baselines;
    ctx.onSettingsChanged(() => baselines.clear());
    ctx.onWatchedFilesChanged(({ changes }) => {
      const paths = changes.filter((c) => c.uri.startsWith('file:')).map((c) => fileURLToPath(c.uri));
      if (baselines.forgetChanged(paths)) ctx.revalidateAll();
    });

    let watching: Disposable | undefined;
    let watched = '';
    let registering: Promise<void> = Promise.resolve();
    baselines.onLoaded(() => {
      const watch = ctx.clientCapabilities().workspace?.didChangeWatchedFiles;
      if (!watch?.dynamicRegistration) return;
      // Each registration replaces the last, in order, so that none is left behind.
      registering = registering
        .then(async () => {
          const files = baselines.inUse().sort();
          const key = JSON.stringify(files);
          if (key === watched) return;
          watched = key;
          watching?.dispose();
          watching = await ctx.connection.client.register(DidChangeWatchedFilesNotification.type, {
            watchers: files.map((file) => ({
              globPattern: watch.relativePatternSupport
                ? { baseUri: pathToFileURL(path.dirname(file)).href, pattern: path.basename(file) }
                : file.split(path.sep).join('/'),
            })),
          });
        })
        .catch((e) => ctx.connection.console.error(`baseline watch: ${String(e)}`));
    });
  },
};
