import type { Range, TextEdit } from 'vscode-languageserver-types';
import type { KqlFormatStyle } from '../protocol/settings';
import type { DocumentAnalysis, QueryAnalysis } from './documentAnalysis';
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
 *
 * The indentation is read where the block's first line with text lies in the document, not
 * where the block starts: a query that opens with a blank line (`query: |` then an empty line)
 * starts at the start of that empty line, where there is no indentation to read, and its
 * formatted lines written flush left would end the YAML block.
 */
function fitToDocument(
  analysis: DocumentAnalysis,
  query: QueryAnalysis,
  text: string,
  regionStart: number,
): string {
  const docText = analysis.document.getText();
  const eol = docText.includes('\r\n') ? '\r\n' : '\n';
  const indent = regionIndentation(docText, query, regionStart);
  return text
    .split(/\r?\n/)
    .map((line, i) => (i === 0 || line === '' ? line : indent + line))
    .join(eol);
}

/** The whitespace before the region's first non-blank line from `regionStart`, as the document has it. */
function regionIndentation(docText: string, query: QueryAnalysis, regionStart: number): string {
  const regionText = query.region.text;
  const content = regionText.slice(regionStart).search(/\S/);
  const lineInRegion =
    content < 0 ? regionStart : regionText.lastIndexOf('\n', regionStart + content - 1) + 1;
  const documentStart = query.region.toDocumentOffset(Math.max(lineInRegion, regionStart));
  const lineStart = docText.lastIndexOf('\n', documentStart - 1) + 1;
  const prefix = docText.slice(lineStart, documentStart);
  return /^[ \t]*$/.test(prefix) ? prefix : '';
}

/**
 * How many times the engine's formatter may run on one query. It is not idempotent: its smart
 * expression style judges a line's length as written, before it adds spaces around `=` and after
 * `,`, so a list it kept on one line can be broken on the next run; and a call's arguments after a
 * comment inside a nested pipeline are aligned to where the call stood before re-indentation. Each
 * settles on the second run; the third is a margin. Formatting the engine's own output again is
 * what the user would do, so the fixed point is the formatting, and formatting twice changes
 * nothing. A query that has not settled by then keeps the last run's text; `kqlhunt fmt` checks
 * its output once more and leaves such a file as it is (fmt/formatText.ts).
 */
export const FORMAT_PASSES = 3;

/** The engine's formatting of `text` run again until it no longer changes, at most FORMAT_PASSES in all. */
function settledFormatting(
  text: string,
  options: Kusto.Language.Editor.FormattingOptions,
  globals: Kusto.Language.GlobalState,
): string {
  let current = text;
  for (let pass = 2; pass <= FORMAT_PASSES; pass++) {
    const service = new (kusto().Editor.KustoCodeService.$ctor1)(current, globals);
    const next = service.GetFormattedText(options, 0)?.Text;
    if (next === null || next === undefined || next === current) break;
    current = next;
  }
  return current;
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
    const first = ctx.service.GetFormattedText(options, ctx.block.Start)?.Text;
    if (first === null || first === undefined) continue;
    const formatted = settledFormatting(first, options, analysis.globals);
    const newText = fitToDocument(analysis, ctx.query, formatted.trimEnd(), ctx.block.Start);
    if (newText !== doc.getText(blockRange)) edits.push({ range: blockRange, newText });
  }
  return edits;
}
