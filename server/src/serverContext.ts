import type { Connection, TextDocuments } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { AnalysisCache } from './analysisCache';
import type { DocumentAnalysis } from './language/documentAnalysis';
import type { KqlLanguageService } from './language/languageService';
import type { KqlHuntingSettings } from './protocol/settings';
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
  /** The document, its settings and its (cached) analysis, or undefined when it is not open. */
  analysisFor(uri: string): Promise<{ document: TextDocument; settings: KqlHuntingSettings; analysis: DocumentAnalysis } | undefined>;
  /** Re-checks every open document, for example after a schema or settings change. */
  revalidateAll(): void;
}
