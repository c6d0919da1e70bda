import {
  DocumentHighlightKind,
  type DocumentHighlight,
  type Location,
  type Position,
  type Range,
  type TextEdit,
  type WorkspaceEdit,
} from 'vscode-languageserver-types';
import type { DocumentAnalysis } from './documentAnalysis';
import { blockAtDocumentOffset, regionRange } from './engineBlocks';
import { kusto, toArray } from './kustoEngine';

/**
 * Definition, references, rename and highlights, all from the engine's related elements: for
 * a name it returns the declaration (a let, a function parameter, a column made by extend,
 * project or summarize) and every reference to it within the query.
 */

interface Related {
  ranges: { range: Range; kind: Kusto.Language.Editor.RelatedElementKind; start: number; length: number }[];
  current: number;
}

function related(analysis: DocumentAnalysis, position: Position): Related | undefined {
  const at = blockAtDocumentOffset(analysis, analysis.document.offsetAt(position));
  if (!at) return undefined;
  const info = at.service.GetRelatedElements(at.regionOffset);
  const elements = toArray(info?.Elements);
  if (!info || elements.length === 0) return undefined;
  return {
    ranges: elements.map((e) => ({
      range: regionRange(analysis, at.query, e.Start, e.Length),
      kind: e.Kind,
      start: e.Start,
      length: e.Length,
    })),
    current: info.CurrentIndex,
  };
}

function isNameRelation(r: Related): boolean {
  const K = kusto().Editor.RelatedElementKind;
  return r.ranges.some((e) => e.kind === K.Declaration || e.kind === K.Reference);
}

export function getDefinition(analysis: DocumentAnalysis, position: Position): Location[] {
  const r = related(analysis, position);
  if (!r) return [];
  const K = kusto().Editor.RelatedElementKind;
  return r.ranges
    .filter((e) => e.kind === K.Declaration)
    .map((e) => ({ uri: analysis.document.uri, range: e.range }));
}

export function getReferences(
  analysis: DocumentAnalysis,
  position: Position,
  includeDeclaration: boolean,
): Location[] {
  const r = related(analysis, position);
  if (!r || !isNameRelation(r)) return [];
  const K = kusto().Editor.RelatedElementKind;
  return r.ranges
    .filter((e) => e.kind === K.Reference || (includeDeclaration && e.kind === K.Declaration))
    .map((e) => ({ uri: analysis.document.uri, range: e.range }));
}

export function getDocumentHighlights(analysis: DocumentAnalysis, position: Position): DocumentHighlight[] {
  const r = related(analysis, position);
  if (!r) return [];
  const K = kusto().Editor.RelatedElementKind;
  return r.ranges.map((e) => ({
    range: e.range,
    kind:
      e.kind === K.Declaration
        ? DocumentHighlightKind.Write
        : e.kind === K.Reference
          ? DocumentHighlightKind.Read
          : DocumentHighlightKind.Text,
  }));
}

/**
 * The range of the name to rename, or undefined when the name is not declared in the query
 * (a table or a schema column cannot be renamed from here).
 */
export function prepareRename(analysis: DocumentAnalysis, position: Position): Range | undefined {
  const r = related(analysis, position);
  const K = kusto().Editor.RelatedElementKind;
  if (!r || !r.ranges.some((e) => e.kind === K.Declaration)) return undefined;
  const current = r.ranges[r.current];
  return current && (current.kind === K.Declaration || current.kind === K.Reference)
    ? current.range
    : undefined;
}

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** The edits that rename the declared name at `position`, or a message saying why not. */
export function rename(
  analysis: DocumentAnalysis,
  position: Position,
  newName: string,
): WorkspaceEdit | { error: string } {
  if (!IDENTIFIER.test(newName)) return { error: `'${newName}' is not a valid KQL name` };
  if (!prepareRename(analysis, position))
    return {
      error: 'Only names declared in this query (let, parameters, extend, project, summarize) can be renamed',
    };
  const r = related(analysis, position)!;
  const K = kusto().Editor.RelatedElementKind;
  const edits: TextEdit[] = r.ranges
    .filter((e) => e.kind === K.Declaration || e.kind === K.Reference)
    .map((e) => ({ range: e.range, newText: newName }));
  return { changes: { [analysis.document.uri]: edits } };
}
