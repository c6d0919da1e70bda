import type {
  CancellationToken,
  ClientCapabilities,
  Connection,
  DidChangeWatchedFilesParams,
  InitializeParams,
  TextDocuments,
} from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { AnalysisCache } from './analysisCache';
import type { EditorBaselines } from './editorBaselines';
import type { DocumentAnalysis } from './language/documentAnalysis';
import type { KqlLanguageService } from './service/languageService';
import type { KqlHuntingSettings } from './protocol/settings';
import type { ServerParts } from './serverParts';
import type { SettingsCache } from './settingsCache';

/**
 * What every group of LSP handlers gets: the connection, the open documents and the shared
 * analysis and settings caches. Handler modules take this and register themselves, so adding a
 * feature adds a file under handlers/ and one line in handlers/index.ts.
 */
export interface ServerContext {
  readonly connection: Connection;
  readonly documents: TextDocuments<TextDocument>;
  readonly service: KqlLanguageService;
  readonly analyses: AnalysisCache;
  readonly settings: SettingsCache;
  /** The server's stateful parts, made once in serverParts.ts. */
  readonly parts: ServerParts;
  /** What the client sent at initialize (undefined before it); handlers register before it arrives. */
  initializeParams(): InitializeParams | undefined;
  /** The client's capabilities from initialize, or none before it. */
  clientCapabilities(): ClientCapabilities;
  /** Wraps a request handler: cancellation and exceptions answer with the fallback (handlerGuard.ts). */
  guard<P, R>(
    name: string,
    fallback: R,
    handler: (params: P, token: CancellationToken) => R | Promise<R>,
  ): (params: P, token: CancellationToken) => Promise<R>;
  /** Called after the client's settings changed, once the documents were scheduled for re-checking. */
  onSettingsChanged(listener: () => void): void;
  /** Called with every change to a file the client was asked to watch (by any module). */
  onWatchedFilesChanged(listener: (params: DidChangeWatchedFilesParams) => void): void;
  /** The `kqlHunting.baseline.file` baselines applied to published diagnostics. */
  readonly baselines: EditorBaselines;
  /** The document, its settings and its (cached) analysis, or undefined when it is not open. */
  analysisFor(
    uri: string,
  ): Promise<
    { document: TextDocument; settings: KqlHuntingSettings; analysis: DocumentAnalysis } | undefined
  >;
  /** Re-checks every open document, for example after a schema or settings change. */
  revalidateAll(): void;
}
