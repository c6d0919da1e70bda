import type { CodeAction, Range, TextEdit, WorkspaceEdit } from 'vscode-languageserver-types';
import type { DocumentAnalysis } from './documentAnalysis';

/**
 * Editing features compute text on the KQL the engine sees. Where the file encodes that KQL
 * (a quoted YAML scalar, a JSON string), writing the text back unescaped would break the file,
 * so edits that land in such a region are dropped here, in one place for every feature.
 */
export function isEditableAt(analysis: DocumentAnalysis, range: Range): boolean {
  const offset = analysis.document.offsetAt(range.start);
  for (const q of analysis.queries) {
    if (q.region.toRegionOffset(offset) !== undefined) return q.region.editable !== false;
  }
  // Outside every KQL region, for example a fix to the rule's own YAML keys.
  return true;
}

export function editableTextEdits(analysis: DocumentAnalysis, edits: TextEdit[]): TextEdit[] {
  return edits.filter((e) => isEditableAt(analysis, e.range));
}

function workspaceEditIsEditable(analysis: DocumentAnalysis, edit: WorkspaceEdit): boolean {
  const uri = analysis.document.uri;
  const own = [
    ...(edit.changes?.[uri] ?? []),
    ...(edit.documentChanges ?? []).flatMap((c) =>
      'textDocument' in c && c.textDocument.uri === uri ? c.edits : [],
    ),
  ];
  return own.every((e) => isEditableAt(analysis, e.range));
}

export function editableWorkspaceEdit(
  analysis: DocumentAnalysis,
  edit: WorkspaceEdit | { error: string },
): WorkspaceEdit | { error: string } {
  if ('error' in edit) return edit;
  return workspaceEditIsEditable(analysis, edit)
    ? edit
    : {
        error:
          'This query is written as a quoted or escaped string in the file, so it cannot be renamed here. Rewrite it as a block (query: |) first.',
      };
}

export function editableCodeActions(analysis: DocumentAnalysis, actions: CodeAction[]): CodeAction[] {
  return actions.filter((a) => !a.edit || workspaceEditIsEditable(analysis, a.edit));
}
