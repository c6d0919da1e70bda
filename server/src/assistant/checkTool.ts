import { TextDocument } from 'vscode-languageserver-textdocument';
import { CodeActionKind, DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver-types';
import type { KqlLanguageService } from '../service/languageService';
import type { KqlHuntingSettings } from '../protocol/settings';
import type { EnvironmentId } from '../schema/types';
import type { CheckToolInput } from './toolInputs';

/**
 * kql_check: the findings the editor would show for a query or a rule, in a compact form a
 * model can act on: where (1-based line and column), what, and the quick fixes the editor would
 * offer there (did-you-mean names among them), as the replacement text.
 */
export interface CheckAnswer {
  environment: EnvironmentId;
  /** True when nothing at error level was found. */
  ok: boolean;
  findings: {
    severity: 'error' | 'warning' | 'info';
    code: string;
    message: string;
    line: number;
    column: number;
    /** The text the finding is about. */
    text: string;
    /** Fixes the editor offers, e.g. "Change to 'DeviceNetworkEvents'". */
    fixes?: string[];
  }[];
}

const SEVERITY: Partial<Record<DiagnosticSeverity, CheckAnswer['findings'][number]['severity']>> = {
  [DiagnosticSeverity.Error]: 'error',
  [DiagnosticSeverity.Warning]: 'warning',
  [DiagnosticSeverity.Information]: 'info',
};

/** At most this many findings go back; a model cannot use hundreds, and they cost its context. */
const MAX_FINDINGS = 50;

export function checkForAssistant(
  service: KqlLanguageService,
  input: CheckToolInput,
  settings: KqlHuntingSettings,
  environment: EnvironmentId,
): CheckAnswer {
  const rule = input.kind === 'rule';
  // The document's name tells the service where the KQL lives: all of a .kql file, or a rule's query.
  const document = TextDocument.create(
    rule ? 'untitled:assistant/rule.yaml' : 'untitled:assistant/query.kql',
    rule ? 'yaml' : 'kql',
    1,
    input.text,
  );
  const effective: KqlHuntingSettings = { ...settings, environment };
  const analysis = service.analyze(document, effective);
  const diagnostics = service
    .getDiagnostics(analysis, effective)
    .filter((d) => SEVERITY[d.severity ?? DiagnosticSeverity.Error] !== undefined);
  const findings = diagnostics.slice(0, MAX_FINDINGS).map((d) => {
    const fixes = fixesFor(service, analysis, d, document);
    return {
      severity: SEVERITY[d.severity ?? DiagnosticSeverity.Error]!,
      code: String(d.code ?? d.source ?? 'kql'),
      message: typeof d.message === 'string' ? d.message : d.message.value,
      line: d.range.start.line + 1,
      column: d.range.start.character + 1,
      text: document.getText(d.range).slice(0, 200),
      ...(fixes.length ? { fixes } : {}),
    };
  });
  return {
    environment: service.environmentOf(document, effective),
    ok: !findings.some((f) => f.severity === 'error'),
    findings,
  };
}

function fixesFor(
  service: KqlLanguageService,
  analysis: ReturnType<KqlLanguageService['analyze']>,
  d: Diagnostic,
  document: TextDocument,
): string[] {
  const fixes: string[] = [];
  for (const action of service.getCodeActions(analysis, d.range, [d])) {
    if (action.kind !== CodeActionKind.QuickFix) continue;
    const edits = Object.values(action.edit?.changes ?? {}).flat();
    const single = edits.length === 1 ? edits[0] : undefined;
    const replaced = single ? document.getText(single.range) : '';
    const edit =
      single && single.newText.length <= 200
        ? replaced
          ? `replace '${replaced}' with '${single.newText}'`
          : `insert '${single.newText}'`
        : undefined;
    fixes.push(edit ? `${action.title}: ${edit}` : action.title);
    if (fixes.length === 3) break;
  }
  return fixes;
}
