import { TextDocument } from 'vscode-languageserver-textdocument';
import { getLanguageService, type KqlLanguageService } from '../../server/src/service/languageService';
import { BuiltinSchemaProvider } from '../../server/src/schema/schemaProvider';
import { DEFAULT_SETTINGS, type KqlHuntingSettings } from '../../server/src/protocol/settings';

/** One service for the whole test process: building schemas is the slow part. */
let shared: KqlLanguageService | undefined;

export function testService(): KqlLanguageService {
  shared ??= getLanguageService({ schemas: new BuiltinSchemaProvider() });
  return shared;
}

export function doc(text: string, uri = 'file:///test.kql', languageId = 'kql'): TextDocument {
  return TextDocument.create(uri, languageId, 1, text);
}

export function settings(overrides: Partial<KqlHuntingSettings> = {}): KqlHuntingSettings {
  return { ...DEFAULT_SETTINGS, ...overrides };
}

export function diagnosticsOf(text: string, s: KqlHuntingSettings = settings(), uri?: string) {
  const service = testService();
  const d = doc(text, uri);
  return { document: d, diagnostics: service.getDiagnostics(service.analyze(d, s), s) };
}
