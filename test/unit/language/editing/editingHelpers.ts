import type { Position } from 'vscode-languageserver-types';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { KqlRegion } from '../../../../server/src/documents/regions';
import { analyzeDocument, type DocumentAnalysis } from '../../../../server/src/language/documentAnalysis';
import { BuiltinSchemaProvider } from '../../../../server/src/schema/schemaProvider';
import { parseMarkers } from '../../../helpers/markers';
import { doc, settings, testService } from '../../../helpers/languageService';

const schemas = new BuiltinSchemaProvider();

/** The analysis of a marked text and the caret position, through the shared service. */
export function caretIn(
  marked: string,
  env: 'defender' | 'sentinel' = 'defender',
): {
  analysis: DocumentAnalysis;
  position: Position;
  text: string;
  ranges: { start: number; end: number }[];
} {
  const m = parseMarkers(marked);
  const d = doc(m.text);
  const analysis = testService().analyze(d, settings({ environment: env }));
  return { analysis, position: d.positionAt(m.caret ?? 0), text: m.text, ranges: m.ranges };
}

/**
 * An analysis over explicit regions, as rule YAML or Markdown produce: the KQL the engine sees
 * is not the document's text at the same offsets.
 */
export function analysisOfRegions(text: string, regions: KqlRegion[]): DocumentAnalysis {
  const d = TextDocument.create('file:///host.md', 'markdown', 1, text);
  return analyzeDocument(d, regions, 'defender', schemas.globalsFor('defender'));
}

/**
 * A region whose KQL is the document's lines from `start` to `end` with `indent` characters
 * removed from each line, as a YAML block scalar is de-indented. Maps offsets both ways.
 */
export function indentedRegion(
  documentText: string,
  start: number,
  end: number,
  indent: number,
  kind?: KqlRegion['kind'],
): KqlRegion {
  const docOffsets: number[] = [];
  let text = '';
  let col = 0;
  for (let i = start; i < end; i++) {
    const ch = documentText[i];
    if (col < indent && ch === ' ') {
      col++;
      continue;
    }
    docOffsets.push(i);
    text += ch;
    col = ch === '\n' ? 0 : indent;
  }
  docOffsets.push(end);
  return {
    text,
    kind,
    toDocumentOffset: (o) => docOffsets[Math.max(0, Math.min(o, docOffsets.length - 1))],
    toRegionOffset: (o) => {
      if (o < start || o > end) return undefined;
      const i = docOffsets.findIndex((d) => d >= o);
      return i < 0 ? text.length : i;
    },
  };
}
