import type { Range } from 'vscode-languageserver-types';
import type { DocumentAnalysis, QueryAnalysis } from './documentAnalysis';
import { blockAt } from './documentAnalysis';
import { kusto, toArray } from './kustoEngine';

/**
 * Shared plumbing between the editing features and the engine's per-block services.
 *
 * Positions: a block's Service takes and returns offsets into the region's text (the engine
 * adds the block's start itself), while a block's bound syntax tree counts from the start of
 * the block. Every feature maps region offsets to the document through the region, never by
 * assuming the region is the document.
 */

export interface BlockContext {
  query: QueryAnalysis;
  block: Kusto.Language.Editor.CodeBlock;
  service: Kusto.Language.Editor.CodeService;
}

/** Every engine block of every KQL region in the document. */
export function allBlocks(analysis: DocumentAnalysis): BlockContext[] {
  const out: BlockContext[] = [];
  for (const query of analysis.queries) {
    for (const block of toArray(query.script.Blocks)) out.push({ query, block, service: block.Service! });
  }
  return out;
}

/** The block at a document offset with the offset translated into region text. */
export function blockAtDocumentOffset(analysis: DocumentAnalysis, documentOffset: number): (BlockContext & { regionOffset: number }) | undefined {
  const found = blockAt(analysis, documentOffset);
  if (!found) return undefined;
  return { query: found.query, block: found.block, service: found.block.Service!, regionOffset: found.regionOffset };
}

/** A document range for `length` characters from a region offset. */
export function regionRange(analysis: DocumentAnalysis, query: QueryAnalysis, regionStart: number, length: number): Range {
  const doc = analysis.document;
  return {
    start: doc.positionAt(query.region.toDocumentOffset(regionStart)),
    end: doc.positionAt(query.region.toDocumentOffset(regionStart + length)),
  };
}

/** The region offset of a document position, or undefined outside the region. */
export function regionOffsetOf(analysis: DocumentAnalysis, query: QueryAnalysis, position: { line: number; character: number }): number | undefined {
  return query.region.toRegionOffset(analysis.document.offsetAt(position));
}

/**
 * The KustoCode (syntax tree and bindings) the block's service has already analysed. The
 * bridge typings do not declare the service's inner code, so it is read through a narrow
 * structural check; when that shape is missing (another engine version), the block text is
 * parsed and bound afresh, which is correct but does not share the cached work.
 */
interface InnerService {
  TryGetBoundCode(token: unknown, waitForAnalysis: boolean, code: { v: Kusto.Language.KustoCode | null }): boolean;
}

const fallbackCodes = new WeakMap<Kusto.Language.Editor.CodeBlock, Kusto.Language.KustoCode>();

export function boundCode(ctx: BlockContext, globals: Kusto.Language.GlobalState): Kusto.Language.KustoCode {
  let code = fallbackCodes.get(ctx.block);
  if (code) return code;
  try {
    const inner = (ctx.service as unknown as { _service?: Partial<InnerService> })._service;
    if (inner && typeof inner.TryGetBoundCode === 'function') {
      const out: { v: Kusto.Language.KustoCode | null } = { v: null };
      if (inner.TryGetBoundCode(null, true, out) && out.v) return out.v;
    }
    code = kusto().KustoCode.ParseAndAnalyze(ctx.block.Text ?? '', globals)!;
  } catch {
    // The engine's binder throws on some malformed text (found by fuzzing). The syntax tree alone
    // still serves outlines, hovers on keywords and the syntax-level lints; the failure itself is
    // reported once, by the diagnostics (diagnostics.ts).
    code = kusto().KustoCode.Parse(ctx.block.Text ?? '', globals)!;
  }
  fallbackCodes.set(ctx.block, code);
  return code;
}

/** The name of an engine enum member, for readable comparisons and messages. */
export function syntaxKind(): typeof Kusto.Language.Syntax.SyntaxKind {
  return kusto().Syntax.SyntaxKind;
}

/** The elements of a syntax list (the bridge types it as a list of a generic element). */
export function syntaxItems<T>(list: { Count: number; getItem(i: number): T } | null | undefined): T[] {
  const out: T[] = [];
  for (let i = 0; i < (list?.Count ?? 0); i++) out.push(list!.getItem(i));
  return out;
}
