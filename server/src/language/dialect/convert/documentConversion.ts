import type { Range, TextEdit } from 'vscode-languageserver-types';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { KqlRegion } from '../../../documents/regions';
import type { EnvironmentId } from '../../../schema/types';
import type { ConversionRequest, ConvertedNameKind } from './conversionTypes';
import { convertQuery } from './convertQuery';

/** A name left unconverted, placed in the document. */
export interface UnconvertedName {
  readonly name: string;
  readonly kind: ConvertedNameKind | 'region';
  readonly reason: string;
  readonly range: Range;
}

/** A rewrite that changes more than a name (a conversion written around a column), placed in the document. */
export interface ConversionNote {
  readonly name: string;
  readonly note: string;
  readonly range: Range;
}

export interface DocumentConversion {
  /** Edits of the document's own characters: one per name that changes, none elsewhere. */
  readonly edits: TextEdit[];
  readonly unconverted: UnconvertedName[];
  /** The rewrites the user should know of, by name: each conversion written around a column. */
  readonly notes: ConversionNote[];
  /** How many names were rewritten, for a summary. */
  readonly converted: number;
}

/** `// kql-environment: defender` on the first line, with where its value is. */
const PIN = /^(\s*\/\/\s*kql-environment\s*:\s*)([A-Za-z]+)/;

/**
 * Converts every KQL region of a document (a .kql file, a rule's `query:`, Markdown fences) from
 * one environment to the other, as edits of the document: each name's characters are replaced
 * through the region's offset map, so YAML indentation and everything outside the query stay.
 * A region whose KQL the file encodes (a quoted or folded YAML scalar) cannot take an edit
 * written on the KQL, so it is listed as unconverted instead. A first-line environment pin
 * naming the source environment is switched to the target.
 */
export function convertDocument(
  document: TextDocument,
  regions: readonly KqlRegion[],
  request: ConversionRequest,
): DocumentConversion {
  const edits: TextEdit[] = [];
  const unconverted: UnconvertedName[] = [];
  const notes: ConversionNote[] = [];
  let converted = 0;
  const rangeOf = (region: KqlRegion, start: number, end: number): Range => ({
    start: document.positionAt(region.toDocumentOffset(start)),
    end: document.positionAt(region.toDocumentOffset(end)),
  });
  for (const region of regions) {
    const result = convertQuery(region.text, request);
    for (const u of result.unconverted)
      unconverted.push({
        name: u.name,
        kind: u.kind,
        reason: u.reason,
        range: rangeOf(region, u.start, u.end),
      });
    if (result.edits.length === 0) continue;
    if (region.editable === false) {
      unconverted.push({
        name: 'query',
        kind: 'region',
        reason: `${result.edits.length} name(s) would change, but the file writes this query as a quoted or folded scalar; rewrite it as a block (query: |) and convert again`,
        range: rangeOf(region, 0, region.text.length),
      });
      continue;
    }
    converted += result.edits.length;
    for (const e of result.edits) {
      const range = rangeOf(region, e.start, e.end);
      edits.push({ range, newText: e.newText });
      if (e.note) notes.push({ name: e.name ?? e.oldText, note: e.note, range });
    }
  }
  const pin = pinEdit(document, request.from, request.to);
  if (pin) edits.unshift(pin);
  return { edits, unconverted, notes, converted };
}

function pinEdit(document: TextDocument, from: EnvironmentId, to: EnvironmentId): TextEdit | undefined {
  const match = PIN.exec(document.getText().slice(0, 200));
  if (!match || match[2].toLowerCase() !== from) return undefined;
  return {
    range: {
      start: document.positionAt(match[1].length),
      end: document.positionAt(match[1].length + match[2].length),
    },
    newText: to,
  };
}
