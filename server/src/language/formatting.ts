import type { Range, TextEdit } from 'vscode-languageserver-types';
import type { KqlFormatStyle } from '../protocol/settings';
import type { DocumentAnalysis } from './documentAnalysis';
import { allBlocks, regionRange } from './engineBlocks';
import { kusto } from './kustoEngine';
import { blockContentLength } from './symbols';

function engineOptions(
  style: KqlFormatStyle,
  insertSpaces: boolean,
  tabSize: number,
): Kusto.Language.Editor.FormattingOptions {
  const E = kusto().Editor;
  const placement = {
    newLine: E.PlacementStyle.NewLine,
    none: E.PlacementStyle.None,
    smart: E.PlacementStyle.Smart,
  };
  const bracketting = {
    vertical: E.BrackettingStyle.Vertical,
    diagonal: E.BrackettingStyle.Diagonal,
    none: E.BrackettingStyle.None,
  };
  return E.FormattingOptions.Default!.WithIndentationSize(insertSpaces ? style.indentationSize : tabSize)!
    .WithPipeOperatorStyle(placement[style.pipeOperatorStyle])!
    .WithExpressionStyle(placement[style.expressionStyle])!
    .WithBrackettingStyle(bracketting[style.brackettingStyle])!;
}

/**
 * Text for a document range that will replace region text: the engine writes CRLF, so line
 * ends follow the document, and lines after the first take the indentation the region has in
 * the document (a rule's YAML `query: |` block), so an edit never breaks the host file.
 */
function fitToDocument(analysis: DocumentAnalysis, text: string, documentStart: number): string {
  const docText = analysis.document.getText();
  const eol = docText.includes('\r\n') ? '\r\n' : '\n';
  const lineStart = docText.lastIndexOf('\n', documentStart - 1) + 1;
  const prefix = docText.slice(lineStart, documentStart);
  const indent = /^[ \t]*$/.test(prefix) ? prefix : '';
  return text
    .split(/\r?\n/)
    .map((line, i) => (i === 0 || line === '' ? line : indent + line))
    .join(eol);
}

/**
 * Formats every query block that overlaps `range` (the whole document when absent) with the
 * engine's formatter. Blocks are formatted whole: the formatter needs a complete query.
 */
export function formatDocument(
  analysis: DocumentAnalysis,
  style: KqlFormatStyle,
  editor: { insertSpaces: boolean; tabSize: number },
  range?: Range,
): TextEdit[] {
  const options = engineOptions(style, editor.insertSpaces, editor.tabSize);
  const doc = analysis.document;
  const from = range ? doc.offsetAt(range.start) : 0;
  const to = range ? doc.offsetAt(range.end) : Number.MAX_SAFE_INTEGER;
  const edits: TextEdit[] = [];
  for (const ctx of allBlocks(analysis)) {
    const length = blockContentLength(ctx.block);
    if (length === 0) continue;
    const blockRange = regionRange(analysis, ctx.query, ctx.block.Start, length);
    const start = doc.offsetAt(blockRange.start);
    const end = doc.offsetAt(blockRange.end);
    if (end < from || start > to) continue;
    const formatted = ctx.service.GetFormattedText(options, ctx.block.Start)?.Text;
    if (formatted === null || formatted === undefined) continue;
    const newText = fitToDocument(analysis, formatted.trimEnd(), start);
    if (newText !== doc.getText(blockRange)) edits.push({ range: blockRange, newText });
  }
  return edits;
}
