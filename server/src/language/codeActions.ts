import {
  CodeActionKind,
  type CodeAction,
  type Diagnostic,
  type Range,
  type TextEdit,
} from 'vscode-languageserver-types';
import type { DialectFixData } from './dialect/dialectExplainer';
import { builtinDialectFacts } from './dialect/dialectFacts';
import type { DocumentAnalysis } from './documentAnalysis';
import { blockAtDocumentOffset, regionRange, type BlockContext } from './engineBlocks';
import { UNKNOWN_NAME_CODES } from './engineCodes';
import { kusto, toArray } from './kustoEngine';
import type { CaseSensitiveNameData } from './lints/caseSensitiveName';
import { replacementFixOf } from './lints/cost/replacementFix';
import { LINT_RULES } from './lints/lintRules';
import type { MissingTimeFilterData } from './lints/missingTimeFilter';

/**
 * Picks the names closest to a misspelled one. The schema catalogue provides the real
 * implementation; this interface keeps the code actions independent of where it lives.
 */
export type ClosestNames = (name: string, candidates: readonly string[], max: number) => string[];

function engineToken(): Kusto.Language.Utils.CancellationToken {
  return new (kusto().Utils.CancellationToken)();
}

/** Flattens the engine's menus into the actions they hold. */
function flatten(actions: Kusto.Language.Editor.CodeAction[]): Kusto.Language.Editor.ApplyAction[] {
  const out: Kusto.Language.Editor.ApplyAction[] = [];
  for (const a of actions) {
    const menu = a as Kusto.Language.Editor.MenuAction;
    if (menu.Actions) out.push(...flatten(toArray(menu.Actions)));
    else out.push(a as Kusto.Language.Editor.ApplyAction);
  }
  return out;
}

/** The engine's fixes and refactorings at a position, each applied now to get its edits. */
function engineActions(
  analysis: DocumentAnalysis,
  at: BlockContext & { regionOffset: number },
  selectionLength: number,
  diagnostics: Diagnostic[],
): CodeAction[] {
  const E = kusto().Editor;
  const options = E.CodeActionOptions.Default!;
  const info = at.service.GetCodeActions(
    at.regionOffset,
    at.regionOffset,
    selectionLength,
    options,
    true,
    null,
    engineToken(),
  );
  const out: CodeAction[] = [];
  for (const action of flatten(toArray(info?.Actions))) {
    const result = at.service.ApplyCodeAction(action, at.regionOffset, options, engineToken());
    const edits: TextEdit[] = [];
    for (const r of toArray(result?.Actions)) {
      const change = r as Kusto.Language.Editor.ChangeTextAction;
      for (const e of toArray(change.Changes)) {
        edits.push({
          range: regionRange(analysis, at.query, e.Start, e.DeleteLength),
          newText: e.InsertText ?? '',
        });
      }
    }
    if (edits.length === 0) continue;
    // An engine action that fixes an analyzer warning under the caret is a quick fix; the
    // rest (extract expression, rewrite as ...) are refactorings.
    const fixes = diagnostics.filter((d) => typeof d.code === 'string' && /^KS\d+$/.test(d.code));
    out.push({
      title: action.Title ?? 'Apply',
      kind: fixes.length > 0 ? CodeActionKind.QuickFix : CodeActionKind.RefactorRewrite,
      diagnostics: fixes.length > 0 ? fixes : undefined,
      edit: { changes: { [analysis.document.uri]: edits } },
    });
  }
  return out;
}

function replaceAction(
  analysis: DocumentAnalysis,
  title: string,
  diagnostic: Diagnostic,
  range: Range,
  newText: string,
  preferred = false,
): CodeAction {
  return {
    title,
    kind: CodeActionKind.QuickFix,
    diagnostics: [diagnostic],
    isPreferred: preferred || undefined,
    edit: { changes: { [analysis.document.uri]: [{ range, newText }] } },
  };
}

/** The names the engine would offer at a diagnostic's end: what is in scope there. */
function namesInScope(analysis: DocumentAnalysis, d: Diagnostic): string[] {
  const at = blockAtDocumentOffset(analysis, analysis.document.offsetAt(d.range.end));
  if (!at) return [];
  const info = at.service.GetCompletionItems(at.regionOffset);
  const C = kusto().Editor.CompletionKind;
  const NAME_KINDS = new Set([
    C.Column,
    C.Table,
    C.Variable,
    C.Parameter,
    C.BuiltInFunction,
    C.AggregateFunction,
    C.DatabaseFunction,
    C.LocalFunction,
  ]);
  const names = new Set<string>();
  for (const item of toArray(info?.Items)) {
    if (NAME_KINDS.has(item.Kind)) names.add(item.MatchText ?? item.DisplayText ?? '');
  }
  names.delete('');
  return [...names];
}

/**
 * Fixes for an unknown name: the other environment's name for it (dialect/unknownName.ts) when
 * that name is in scope here, then "did you mean" for the names closest to it.
 */
function unknownNameFixes(
  analysis: DocumentAnalysis,
  d: Diagnostic,
  closestNames: ClosestNames,
): CodeAction[] {
  const wrong = analysis.document.getText(d.range);
  if (!wrong) return [];
  const names = namesInScope(analysis, d);
  const wanted = (d.data as Partial<DialectFixData> | undefined)?.dialectReplacement;
  const dialect = wanted && names.includes(wanted) ? wanted : undefined;
  const here = builtinDialectFacts()[analysis.environment].displayName;
  const closest = closestNames(
    wrong,
    names.filter((n) => n !== dialect),
    3,
  ).map((name, i) => replaceAction(analysis, `Change to '${name}'`, d, d.range, name, !dialect && i === 0));
  if (!dialect) return closest;
  return [
    replaceAction(analysis, `Change to '${dialect}' (the ${here} name)`, d, d.range, dialect, true),
    ...closest,
  ];
}

/**
 * Code actions for a range: the engine's own (for example `contains` to `has`), "did you
 * mean" for unknown names, `=~` for case-sensitive name comparisons and a time filter after
 * a table read without one.
 */
export function getCodeActions(
  analysis: DocumentAnalysis,
  range: Range,
  diagnostics: Diagnostic[],
  closestNames: ClosestNames,
): CodeAction[] {
  const doc = analysis.document;
  const out: CodeAction[] = [];
  for (const d of diagnostics) {
    if (typeof d.code === 'string' && UNKNOWN_NAME_CODES.has(d.code))
      out.push(...unknownNameFixes(analysis, d, closestNames));
    if (d.code === LINT_RULES.caseSensitiveName.id) {
      const data = d.data as Partial<CaseSensitiveNameData> | undefined;
      if (data?.replacement)
        out.push(
          replaceAction(
            analysis,
            `Compare case-insensitively with '${data.replacement}'`,
            d,
            d.range,
            data.replacement,
            true,
          ),
        );
    }
    const replacement = replacementFixOf(d.data);
    if (replacement)
      out.push(
        replaceAction(analysis, replacement.fixTitle, d, d.range, replacement.fixText, replacement.preferred),
      );
    if (d.code === LINT_RULES.missingTimeFilter.id) {
      const data = d.data as Partial<MissingTimeFilterData> | undefined;
      const column =
        data?.timeColumn ?? (analysis.environment === 'sentinel' ? 'TimeGenerated' : 'Timestamp');
      out.push(
        replaceAction(
          analysis,
          `Add a time filter on ${column}`,
          d,
          { start: d.range.end, end: d.range.end },
          ` | where ${column} > ago(1d)`,
          true,
        ),
      );
    }
  }
  const start = doc.offsetAt(range.start);
  const at = blockAtDocumentOffset(analysis, start);
  if (at) {
    const engineDiagnostics = diagnostics.filter((d) => typeof d.code === 'string' && /^KS\d+$/.test(d.code));
    const end = at.query.region.toRegionOffset(doc.offsetAt(range.end)) ?? at.regionOffset;
    out.push(...engineActions(analysis, at, Math.max(0, end - at.regionOffset), engineDiagnostics));
  }
  return out;
}
