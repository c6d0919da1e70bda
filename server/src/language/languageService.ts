import type { Diagnostic } from 'vscode-languageserver-types';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { wholeTextRegion, type KqlRegion } from '../documents/regions';
import { environmentPin } from '../schema/environment';
import type { SchemaProvider } from '../schema/schemaProvider';
import type { EnvironmentId } from '../schema/types';
import type { KqlHuntingSettings } from '../protocol/settings';
import { analyzeDocument, type DocumentAnalysis } from './documentAnalysis';
import { engineDiagnostics } from './diagnostics';
import { kusto } from './kustoEngine';

/**
 * The pure KQL language service: text and settings in, plain LSP-shaped values out. The
 * language server, the command line and the tests all go through this one interface.
 */
export interface KqlLanguageService {
  /** Where the KQL is in a document; `.kql` files are one region. */
  regionsOf(document: TextDocument): KqlRegion[];
  /** The environment a document is checked in: a pin in the file, else the setting. */
  environmentOf(document: TextDocument, settings: KqlHuntingSettings): EnvironmentId;
  /** Parses and binds the document, reusing the unchanged queries of a previous analysis. */
  analyze(document: TextDocument, settings: KqlHuntingSettings, previous?: DocumentAnalysis): DocumentAnalysis;
  getDiagnostics(analysis: DocumentAnalysis, settings: KqlHuntingSettings): Diagnostic[];
  /** Loads the engine and runs one analysis so that the first real request is fast. */
  warmUp(): void;
}

export interface LanguageServiceParams {
  schemas: SchemaProvider;
}

export function getLanguageService(params: LanguageServiceParams): KqlLanguageService {
  const { schemas } = params;
  const service: KqlLanguageService = {
    // Only KQL documents are KQL throughout; YAML, Markdown and JSON hold none until their regions are found (issue 5).
    regionsOf: (document) => (document.languageId === 'kql' ? [wholeTextRegion(document.getText())] : []),
    environmentOf: (document, settings) => environmentPin(document.getText()) ?? settings.environment,
    analyze(document, settings, previous) {
      const env = service.environmentOf(document, settings);
      return analyzeDocument(document, service.regionsOf(document), env, schemas.globalsFor(env), previous);
    },
    getDiagnostics: (analysis, settings) => engineDiagnostics(analysis, settings),
    warmUp() {
      const K = kusto();
      const script = K.Editor.CodeScript.From$1('DeviceNetworkEvents | where Timestamp > ago(1d) | summarize count() by DeviceName', schemas.globalsFor('defender'));
      script!.Blocks!.getItem(0).Service!.GetDiagnostics();
    },
  };
  return service;
}
