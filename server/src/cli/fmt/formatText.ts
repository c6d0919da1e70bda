import { TextDocument } from 'vscode-languageserver-textdocument';
import type { KqlLanguageService } from '../../service/languageService';
import type { KqlHuntingSettings } from '../../protocol/settings';
import type { DocumentAnalysis } from '../../language/documentAnalysis';
import { allBlocks, analysedCode } from '../../language/engineBlocks';
import { FORMAT_PASSES } from '../../language/formatting';
import { toArray } from '../../language/kustoEngine';
import { documentMeaning, meaningChange } from './queryMeaning';
import { yamlChangeOutsideQuery } from './yamlIntact';

/**
 * What `kqlhunt fmt` does to one file's text. `text` is the new text only when formatting changed
 * it and every check passed; `notes` say why some or all of the file was left as it is.
 */
export interface FormatResult {
  readonly text?: string;
  readonly notes: readonly string[];
  /** KQL regions in the file: a rule's query, a Markdown fence, the whole of a .kql file. */
  readonly queries: number;
  /** How many of them formatting rewrote (when `text` is set). */
  readonly changedQueries?: number;
  /** True when a formatted file was refused because it would not mean what the original meant. */
  readonly meaningChanged?: boolean;
}

/**
 * Formats the KQL in a document's text exactly as the editor's Format Document does (the same
 * language service call, the same `format` settings, spaces of the configured width as a new
 * editor would indent), then checks the result: the queries must bind to the same result columns
 * with no new errors, and in a rule YAML nothing but the query may have changed. A query with a
 * syntax error is not formatted, since the formatter's reading of broken text is a guess.
 */
export function formatText(
  service: KqlLanguageService,
  uri: string,
  languageId: string,
  text: string,
  settings: KqlHuntingSettings,
): FormatResult {
  const document = TextDocument.create(uri, languageId, 1, text);
  const analysis = service.analyze(document, settings);
  const queries = analysis.queries.length;
  if (queries === 0) return { notes: [], queries };
  if (analysis.limits.length > 0)
    return {
      notes: ['some of its KQL is over an input limit (KQLH-LIMIT), so it is left as it is'],
      queries,
    };
  const broken = firstSyntaxError(analysis);
  if (broken) return { notes: [`${broken}; the file is left as it is`], queries };
  const notes = encodedQueries(analysis)
    ? [
        'a query written as a quoted, plain or folded (>) YAML scalar is left as it is: only a literal block (query: |) can be rewritten line for line',
      ]
    : [];

  const editor = { insertSpaces: true, tabSize: settings.format.indentationSize };
  const edits = service.format(analysis, settings, editor);
  const formatted = TextDocument.applyEdits(document, edits);
  if (formatted === text) return { notes, queries };

  const after = service.analyze(TextDocument.create(uri, languageId, 2, formatted), settings);
  const problem =
    meaningChange(documentMeaning(analysis), documentMeaning(after)) ??
    (languageId === 'yaml' ? yamlChangeOutsideQuery(text, formatted) : undefined);
  if (problem)
    return {
      notes: [...notes, `formatting would change it (${problem}), so it is left as it is`],
      meaningChanged: true,
      queries,
    };
  // A check that passes once must pass on the next run too: output that formatting would change
  // again (a query the engine's formatter does not settle on, or text written back into the file
  // differently than it was read) is not written.
  const again = service.format(after, settings, editor);
  if (again.length > 0) {
    const line = originalLine(analysis, after, after.document.offsetAt(again[0].range.start));
    return {
      notes: [
        ...notes,
        `line ${line}: formatting its formatted text would change it again (the formatter does not settle on this query within ${FORMAT_PASSES} passes), so it is left as it is`,
      ],
      queries,
    };
  }
  const touched = new Set(edits.map((e) => regionAt(analysis, document.offsetAt(e.range.start))));
  return { text: formatted, notes, queries, changedQueries: touched.size };
}

/** `line N: syntax error: message` for the first syntax error in the KQL, if there is one. */
function firstSyntaxError(analysis: DocumentAnalysis): string | undefined {
  for (const { query, block } of allBlocks(analysis)) {
    const code = analysedCode(block);
    if (!code) {
      const line = analysis.document.positionAt(query.region.toDocumentOffset(block.Start)).line + 1;
      return `line ${line}: the engine could not analyse the query`;
    }
    const first = toArray(code.GetSyntaxDiagnostics()).find((d) => d.Severity === 'Error');
    if (first) {
      const offset = query.region.toDocumentOffset(block.Start + first.Start);
      const line = analysis.document.positionAt(offset).line + 1;
      return `line ${line}: syntax error: ${first.Message ?? 'unknown'}`;
    }
  }
  return undefined;
}

/**
 * The line in the original text where the query block holding `offset` of the formatted text
 * starts. Formatting kept the number of queries and blocks (the meaning check saw to it), so the
 * block has the same place in both.
 */
function originalLine(analysis: DocumentAnalysis, after: DocumentAnalysis, offset: number): number {
  const q = regionAt(after, offset);
  const blocks = toArray(after.queries[q].script.Blocks);
  const regionOffset = after.queries[q].region.toRegionOffset(offset) ?? 0;
  const b = Math.max(0, blocks.filter((block) => block.Start <= regionOffset).length - 1);
  const query = analysis.queries[q];
  const start = toArray(query.script.Blocks)[b]?.Start ?? 0;
  // A block may start with the blank lines before its query; the line named is its first text.
  const text = query.region.text.slice(start).search(/\S/);
  return analysis.document.positionAt(query.region.toDocumentOffset(start + Math.max(0, text))).line + 1;
}

function regionAt(analysis: DocumentAnalysis, offset: number): number {
  return analysis.queries.findIndex((q) => q.region.toRegionOffset(offset) !== undefined);
}

function encodedQueries(analysis: DocumentAnalysis): boolean {
  return analysis.queries.some((q) => q.region.editable === false && q.region.text.trim() !== '');
}
