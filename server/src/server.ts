import {
  createConnection,
  DidChangeConfigurationNotification,
  MessageType,
  ProposedFeatures,
  ShowMessageNotification,
  TextDocuments,
  TextDocumentSyncKind,
  type DidChangeWatchedFilesParams,
  type InitializeParams,
  type InitializeResult,
} from 'vscode-languageserver/node';
import { fileURLToPath } from 'node:url';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { AnalysisCache } from './analysisCache';
import { EditorBaselines } from './editorBaselines';
import { HANDLER_MODULES } from './handlers';
import { EnvironmentsChangedNotification, ServerStatusNotification } from './protocol/messages';
import type { ServerContext } from './serverContext';
import { createServerParts } from './serverParts';
import { PublishedDiagnostics } from './publishedDiagnostics';
import { SettingsCache } from './settingsCache';
import { stdioTransport } from './startup/stdioTransport';
import { ValidationScheduler } from './validationScheduler';

/**
 * LSP wiring. Handlers stay thin: each gets the document, its cached analysis and its settings,
 * and calls the pure language service. The transport (--stdio, --node-ipc, --socket) is chosen
 * from the command line by vscode-languageserver.
 */
let shutdownReceived = false;
const connection = process.argv.includes('--stdio')
  ? createConnection(ProposedFeatures.all, ...stdioTransport(() => shutdownReceived))
  : createConnection(ProposedFeatures.all);
const documents = new TextDocuments(TextDocument);
// The composition root: every stateful part is made here, once, and handed to the handlers.
const parts = createServerParts();
const { service, requests } = parts;
const analyses = new AnalysisCache(service);
const settings = new SettingsCache(connection);
let engineReady = false;
let initializeParams: InitializeParams | undefined;
const settingsListeners: (() => void)[] = [];
const watchedFileListeners: ((params: DidChangeWatchedFilesParams) => void)[] = [];
const baselines = new EditorBaselines({
  async workspaceFolders() {
    const folders =
      (await connection.workspace.getWorkspaceFolders().catch(() => null)) ??
      initializeParams?.workspaceFolders ??
      (initializeParams?.rootUri ? [{ uri: initializeParams.rootUri }] : []);
    return folders.filter((f) => f.uri.startsWith('file:')).map((f) => fileURLToPath(f.uri));
  },
  warn: (message) =>
    void connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Warning, message }),
});

const published = new PublishedDiagnostics();
const scheduler = new ValidationScheduler(async (uri) => {
  const document = documents.get(uri);
  if (!document) return;
  const version = document.version;
  try {
    const s = await settings.get(uri);
    // A newer edit arrived while settings were fetched: its own run will publish.
    if (documents.get(uri)?.version !== version) return;
    const diagnostics = await baselines.apply(
      document,
      s,
      service.getDiagnostics(analyses.get(document, s), s),
    );
    if (documents.get(uri)?.version !== version) return;
    if (!published.changed(uri, version, diagnostics)) return;
    await connection.sendDiagnostics({ uri, version, diagnostics });
  } catch (e) {
    connection.console.error(
      `validation of ${uri} failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`,
    );
  }
});

/** Runs `work` once no validation or request has been pending for `quietMs`, checking every `pollMs`. */
function whenIdle(what: string, work: () => void, quietMs = 300, pollMs = 100): void {
  const check = () => {
    if (!scheduler.idleFor(quietMs) || !requests.quietFor(quietMs)) return void setTimeout(check, pollMs);
    try {
      work();
    } catch (e) {
      connection.console.error(`${what} failed: ${String(e)}`);
    }
  };
  setTimeout(check, pollMs);
}

async function revalidate(uri: string, immediate = false): Promise<void> {
  const delay = immediate || !engineReady ? 0 : (await settings.get(uri)).validationDelay;
  scheduler.schedule(uri, delay);
}

const ctx: ServerContext = {
  connection,
  documents,
  service,
  analyses,
  settings,
  parts,
  initializeParams: () => initializeParams,
  clientCapabilities: () => initializeParams?.capabilities ?? {},
  guard: (name, fallback, handler) => requests.guard(connection, name, fallback, handler),
  onSettingsChanged: (listener) => void settingsListeners.push(listener),
  onWatchedFilesChanged: (listener) => void watchedFileListeners.push(listener),
  baselines,
  async analysisFor(uri) {
    const document = documents.get(uri);
    if (!document) return undefined;
    const s = await settings.get(uri);
    return { document, settings: s, analysis: analyses.get(document, s) };
  },
  revalidateAll() {
    analyses.clear();
    for (const d of documents.all()) void revalidate(d.uri, true);
  },
};

connection.onInitialize((params): InitializeResult => {
  initializeParams = params;
  settings.setClientSupportsConfiguration(!!params.capabilities.workspace?.configuration);
  const capabilities = Object.assign(
    { textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental } },
    ...HANDLER_MODULES.map((m) => m.capabilities(params.capabilities, params)),
  );
  return { capabilities, serverInfo: { name: 'kql-language-server', version: '0.1.0' } };
});

connection.onInitialized(() => {
  void connection.client
    .register(DidChangeConfigurationNotification.type, { section: 'kqlHunting' })
    .catch(() => undefined);
  // Warm the engine after the handshake so that initialize answers at once; documents opened
  // meanwhile are validated when it is ready.
  setImmediate(() => {
    try {
      service.warmUp();
      engineReady = true;
      void connection.sendNotification(ServerStatusNotification, { state: 'ready' });
      // What only completion needs takes half a second: it waits until the documents opened at
      // start have their diagnostics and typing pauses. A completion asked for before then builds
      // it itself.
      whenIdle('Warming up completion', () => service.warmCompletion());
    } catch (e) {
      void connection.sendNotification(ServerStatusNotification, { state: 'error', message: String(e) });
    }
  });
});

connection.onDidChangeConfiguration((change) => {
  settings.invalidate(change.settings);
  void connection.sendNotification(EnvironmentsChangedNotification, {});
  ctx.revalidateAll();
  for (const listener of settingsListeners) listener();
});

// One handler per notification: the modules that watch files each get every change.
connection.onDidChangeWatchedFiles((params) => {
  for (const listener of watchedFileListeners) listener(params);
});

documents.onDidOpen((e) => void revalidate(e.document.uri, true));
documents.onDidChangeContent((e) => void revalidate(e.document.uri));
documents.onDidClose((e) => {
  scheduler.cancel(e.document.uri);
  analyses.delete(e.document.uri);
  settings.forget(e.document.uri);
  published.forget(e.document.uri);
  void connection.sendDiagnostics({ uri: e.document.uri, diagnostics: [] });
});

for (const module of HANDLER_MODULES) module.register(ctx);

connection.onShutdown(() => {
  shutdownReceived = true;
  scheduler.dispose();
});

documents.listen(connection);
connection.listen();
