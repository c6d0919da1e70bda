import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { DocumentAnalysis } from './language/documentAnalysis';
import type { KqlLanguageService } from './service/languageService';
import type { KqlHuntingSettings } from './protocol/settings';

/**
 * Each document version is parsed and bound once; every feature asks this cache. When the
 * version moves on, the previous analysis is handed back to the service so that unchanged
 * queries keep their bound trees.
 */
export class AnalysisCache {
  private readonly analyses = new Map<string, DocumentAnalysis>();

  constructor(private readonly service: KqlLanguageService) {}

  get(document: TextDocument, settings: KqlHuntingSettings): DocumentAnalysis {
    const previous = this.analyses.get(document.uri);
    if (
      previous &&
      previous.version === document.version &&
      previous.environment === this.service.environmentOf(document, settings)
    ) {
      return previous;
    }
    const analysis = this.service.analyze(document, settings, previous);
    this.analyses.set(document.uri, analysis);
    return analysis;
  }

  delete(uri: string): void {
    this.analyses.delete(uri);
  }

  clear(): void {
    this.analyses.clear();
  }
}
