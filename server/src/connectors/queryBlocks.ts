import type { TextDocument } from 'vscode-languageserver-textdocument';
import { parseDocument } from 'yaml';
import { hostFormatOf } from '../documents/documentRegions';
import type { DocumentAnalysis } from '../language/documentAnalysis';
import { toArray } from '../language/kustoEngine';
import type { QueryBlock } from '../protocol/queryRun';
import { rulePeriodToIso } from './timespan';

/**
 * The runnable queries of a document. In a `.kql` file, blocks separated by blank lines are
 * separate queries, as the engine's CodeScript splits them; the query inside a rule, a Markdown
 * fence or an ARM template is one query even when it has blank lines.
 */
export function queryBlocksOf(analysis: DocumentAnalysis): QueryBlock[] {
  const document = analysis.document;
  const splitIntoBlocks = hostFormatOf(document) === 'kql';
  const blocks: QueryBlock[] = [];
  for (const query of analysis.queries) {
    const pieces = splitIntoBlocks
      ? toArray(query.script.Blocks).map((b) => ({ start: b.Start, text: b.Text ?? '' }))
      : [{ start: 0, text: query.region.text }];
    for (const piece of pieces) {
      if (piece.text.replace(/\/\/[^\n]*/g, '').trim() === '') continue;
      const lead = piece.text.length - piece.text.trimStart().length;
      const text = piece.text.trim();
      const start = query.region.toDocumentOffset(piece.start + lead);
      const end = query.region.toDocumentOffset(piece.start + lead + text.length);
      blocks.push({ range: { start: document.positionAt(start), end: document.positionAt(end) }, text });
    }
  }
  return blocks;
}

/** A rule file's `queryPeriod` as an ISO duration, or undefined for anything else. */
export function ruleTimespan(
  document: Pick<TextDocument, 'uri' | 'languageId' | 'getText'>,
): string | undefined {
  if (hostFormatOf(document) !== 'yaml') return undefined;
  try {
    const period = parseDocument(document.getText()).get('queryPeriod');
    return typeof period === 'string' ? rulePeriodToIso(period) : undefined;
  } catch {
    return undefined;
  }
}
