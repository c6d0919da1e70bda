import type {
  CodeAction,
  CompletionItem,
  CompletionList,
  Diagnostic,
  DocumentHighlight,
  DocumentSymbol,
  FoldingRange,
  Hover,
  Location,
  Position,
  Range,
  SemanticTokens,
  SignatureHelp,
  TextEdit,
  WorkspaceEdit,
} from 'vscode-languageserver-types';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { KqlRegion } from '../documents/regions';
import { impliedEnvironment, regionsOfDocument } from '../documents/documentRegions';
import { ruleDiagnostics, withCiSkips } from '../rules/ruleDiagnostics';
import type { CiSkipLists } from '../rules/ciSkipLists';
import { ruleCompletionsAt } from '../rules/ruleCompletion';
import { ruleQuickFixes } from '../rules/ruleQuickFixes';
import type { RuleIdIndex } from '../rules/ruleChecks';
import { environmentPin } from '../schema/environment';
import type { SchemaProvider } from '../schema/schemaProvider';
import type { EnvironmentId } from '../schema/types';
import type { KqlHuntingSettings } from '../protocol/settings';
import { analyzeDocument, type DocumentAnalysis } from '../language/documentAnalysis';
import { engineDiagnostics } from '../language/diagnostics';
import { kusto } from '../language/kustoEngine';
import { buildQueryGrammar } from '../language/engineTuning/lazyGrammar';
import {
  editableCodeActions,
  editableTextEdits,
  editableWorkspaceEdit,
  isEditableAt,
} from '../language/editableRegions';
import {
  applyInputLimits,
  DEFAULT_INPUT_LIMITS,
  limitDiagnostics,
  unreadableTemplate,
} from '../language/inputLimits';
import { getCodeActions, type ClosestNames } from '../language/codeActions';
import { getCompletions, resolveCompletion, type CompletionClientOptions } from '../language/completion';
import { getFoldingRanges } from '../language/folding';
import { formatDocument } from '../language/formatting';
import { getHover } from '../language/hover';
import { lintDiagnostics } from '../language/lints';
import { withoutSupersededEngineFindings } from '../language/lints/cost/supersededEngineFindings';
import * as navigation from '../language/navigation';
import { getSemanticTokens } from '../language/semanticTokens';
import { getSignatureHelp } from '../language/signatureHelp';
import { applySuppressions, type DiagnosticReport } from '../language/suppressions/applySuppressions';
import { scanDirectives } from '../language/suppressions/suppressionDirectives';
import { suppressionQuickFixes } from '../language/suppressions/suppressionQuickFixes';
import { suppressionCompletionsAt, suppressionHoverAt } from '../language/suppressions/suppressionEditing';
import { getDocumentSymbols } from '../language/symbols';
import { convertDocument, type DocumentConversion } from '../language/dialect/convert/documentConversion';
import { builtinSchema } from '../schema/builtinSchemas';
import { closestNames as schemaClosestNames } from '../schema/nameSuggestions';

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
  analyze(
    document: TextDocument,
    settings: KqlHuntingSettings,
    previous?: DocumentAnalysis,
  ): DocumentAnalysis;
  /**
   * The engine's errors and analyzer warnings plus the hunting lints (lints/lintRules.ts) and rule
   * checks, less what inline suppressions hide: what the editor shows.
   */
  getDiagnostics(analysis: DocumentAnalysis, settings: KqlHuntingSettings): Diagnostic[];
  /** The same findings, with the suppressed ones kept apart (and their reasons), for reports. */
  getDiagnosticReport(analysis: DocumentAnalysis, settings: KqlHuntingSettings): DiagnosticReport;
  getCompletions(
    analysis: DocumentAnalysis,
    position: Position,
    options: CompletionClientOptions,
  ): CompletionList;
  /** Adds documentation to an item from getCompletions. */
  resolveCompletion(item: CompletionItem): CompletionItem;
  getHover(analysis: DocumentAnalysis, position: Position): Hover | null;
  getSignatureHelp(analysis: DocumentAnalysis, position: Position): SignatureHelp | null;
  getDefinition(analysis: DocumentAnalysis, position: Position): Location[];
  getReferences(analysis: DocumentAnalysis, position: Position, includeDeclaration: boolean): Location[];
  getDocumentHighlights(analysis: DocumentAnalysis, position: Position): DocumentHighlight[];
  /** The range of a renameable name at the position, or undefined when it cannot be renamed. */
  prepareRename(analysis: DocumentAnalysis, position: Position): Range | undefined;
  rename(analysis: DocumentAnalysis, position: Position, newName: string): WorkspaceEdit | { error: string };
  getDocumentSymbols(analysis: DocumentAnalysis): DocumentSymbol[];
  getFoldingRanges(analysis: DocumentAnalysis): FoldingRange[];
  /** Formats the queries overlapping `range`, or the whole document. */
  format(
    analysis: DocumentAnalysis,
    settings: KqlHuntingSettings,
    editor: { insertSpaces: boolean; tabSize: number },
    range?: Range,
  ): TextEdit[];
  getSemanticTokens(analysis: DocumentAnalysis): SemanticTokens;
  /** Quick fixes and refactorings for a range, given the diagnostics the client has there. */
  getCodeActions(analysis: DocumentAnalysis, range: Range, diagnostics: Diagnostic[]): CodeAction[];
  /**
   * Rewrites the document's queries for the other environment (language/dialect/convert), as
   * edits of the document, with the names that have no counterpart; `from` defaults to the
   * environment the document is checked in.
   */
  convert(
    document: TextDocument,
    settings: KqlHuntingSettings,
    to: EnvironmentId,
    from?: EnvironmentId,
  ): DocumentConversion & { from: EnvironmentId };
  /** Loads the engine and runs one analysis so that the first diagnostics are fast. */
  warmUp(): void;
  /**
   * Builds what only completion needs (the engine's query grammar and its built-in function items),
   * so that the first completion is fast; for idle time after `warmUp`.
   */
  warmCompletion(): void;
}

export interface LanguageServiceParams {
  schemas: SchemaProvider;
  /** Ranks names for "did you mean" fixes; the schema catalogue's ranking when absent. */
  closestNames?: ClosestNames;
  /** Rule ids across the workspace, for the duplicate-id rule check; skipped when absent. */
  ruleIds?: RuleIdIndex;
  /** The CI skip lists of the repository a document is in (ciSkipLists.ts); none when absent. */
  ciSkipsOf?: (document: TextDocument) => CiSkipLists | undefined;
  /** The workspace a document runs on, whose live schema it is checked against; none when absent. */
  liveWorkspaceOf?: (document: TextDocument) => string | undefined;
}

const WARM_UP_QUERY = 'DeviceNetworkEvents | where Timestamp > ago(1d) | summarize count() by DeviceName';

export function getLanguageService(params: LanguageServiceParams): KqlLanguageService {
  const { schemas } = params;
  const warmUpService = () =>
    kusto().Editor.CodeScript.From$1(WARM_UP_QUERY, schemas.globalsFor('defender'))!.Blocks!.getItem(0)
      .Service!;
  const closestNames = params.closestNames ?? schemaClosestNames;
  const timeColumn = (analysis: DocumentAnalysis) => builtinSchema(analysis.environment).timeColumn;
  const service: KqlLanguageService = {
    regionsOf: (document) => regionsOfDocument(document),
    environmentOf: (document, settings) =>
      environmentPin(document.getText()) ?? impliedEnvironment(document) ?? settings.environment,
    analyze(document, settings, previous) {
      const env = service.environmentOf(document, settings);
      const globals = schemas.globalsFor(env, params.liveWorkspaceOf?.(document));
      const limited = applyInputLimits(service.regionsOf(document), {
        ...DEFAULT_INPUT_LIMITS,
        ...settings.limits,
      });
      const unreadable = unreadableTemplate(document);
      return analyzeDocument(
        document,
        limited.regions,
        env,
        globals,
        previous,
        unreadable ? [unreadable, ...limited.findings] : limited.findings,
      );
    },
    getDiagnostics: (analysis, settings) => service.getDiagnosticReport(analysis, settings).diagnostics,
    getDiagnosticReport: (analysis, settings) =>
      applySuppressions(
        analysis.document,
        withCiSkips(
          analysis.document,
          withoutSupersededEngineFindings([
            ...limitDiagnostics(analysis.document, analysis.limits, settings),
            ...engineDiagnostics(analysis, settings),
            ...lintDiagnostics(analysis, settings, timeColumn(analysis)),
            ...ruleDiagnostics(analysis, settings, params.ruleIds),
          ]),
          params.ciSkipsOf?.(analysis.document),
          settings,
        ),
        scanDirectives(analysis),
        settings,
      ),
    getCompletions: (analysis, position, options) =>
      suppressionCompletionsAt(analysis, position) ??
      ruleCompletionsAt(analysis, position) ??
      getCompletions(analysis, position, options),
    resolveCompletion: (item) =>
      resolveCompletion(item, (env) =>
        env === 'defender' || env === 'sentinel' ? schemas.globalsFor(env) : undefined,
      ),
    getHover: (analysis, position) =>
      suppressionHoverAt(analysis, position) ?? getHover(analysis, position, timeColumn(analysis)),
    getSignatureHelp,
    getDefinition: navigation.getDefinition,
    getReferences: navigation.getReferences,
    getDocumentHighlights: navigation.getDocumentHighlights,
    prepareRename: (analysis, position) => {
      const range = navigation.prepareRename(analysis, position);
      return range && isEditableAt(analysis, range) ? range : undefined;
    },
    rename: (analysis, position, newName) =>
      editableWorkspaceEdit(analysis, navigation.rename(analysis, position, newName)),
    getDocumentSymbols,
    getFoldingRanges,
    format: (analysis, settings, editor, range) =>
      editableTextEdits(analysis, formatDocument(analysis, settings.format, editor, range)),
    getSemanticTokens,
    getCodeActions: (analysis, range, diagnostics) =>
      editableCodeActions(analysis, [
        ...getCodeActions(analysis, range, diagnostics, closestNames),
        ...ruleQuickFixes(analysis.document, diagnostics),
        ...suppressionQuickFixes(analysis, diagnostics),
      ]),
    convert(document, settings, to, from) {
      const source = from ?? service.environmentOf(document, settings);
      const limited = applyInputLimits(service.regionsOf(document), {
        ...DEFAULT_INPUT_LIMITS,
        ...settings.limits,
      });
      const result = convertDocument(document, limited.regions, { from: source, to, schemas });
      // A query over an input limit is not read, so it is not converted either: say so.
      const refused = limited.findings.map((f) => ({
        name: 'query',
        kind: 'region' as const,
        reason: `left as it is: ${f.message}`,
        range: { start: document.positionAt(f.start), end: document.positionAt(f.end) },
      }));
      return { ...result, unconverted: [...refused, ...result.unconverted], from: source };
    },
    warmUp() {
      warmUpService().GetDiagnostics();
    },
    warmCompletion() {
      buildQueryGrammar(kusto());
      const engineService = warmUpService();
      engineService.GetCompletionItems(WARM_UP_QUERY.indexOf('| where') + 2);
      engineService.GetCompletionItems(WARM_UP_QUERY.indexOf('DeviceName'));
    },
  };
  return service;
}
