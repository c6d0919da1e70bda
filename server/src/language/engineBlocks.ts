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
export function blockAtDocumentOffset(
  analysis: DocumentAnalysis,
  documentOffset: number,
): (BlockContext & { regionOffset: number }) | undefined {
  const found = blockAt(analysis, documentOffset);
  if (!found) return undefined;
  return {
    query: found.query,
    block: found.block,
    service: found.block.Service!,
    regionOffset: found.regionOffset,
  };
}

/** A document range for `length` characters from a region offset. */
export function regionRange(
  analysis: DocumentAnalysis,
  query: QueryAnalysis,
  regionStart: number,
  length: number,
): Range {
  const doc = analysis.document;
  return {
    start: doc.positionAt(query.region.toDocumentOffset(regionStart)),
    end: doc.positionAt(query.region.toDocumentOffset(regionStart + length)),
  };
}

interface InnerService {
  TryGetBoundCode(
    token: unknown,
    waitForAnalysis: boolean,
    code: { v: Kusto.Language.KustoCode | null },
  ): boolean;
}

/**
 * The KustoCode (syntax tree and bindings) the block's service has already analysed. The bridge
 * typings do not declare the service's inner code, so it is read through a narrow structural
 * check. Undefined when that shape is missing (another engine version) or when the engine's
 * binder throws, which it does on some malformed text (found by fuzzing); the diagnostics report
 * that query.
 */
export function analysedCode(block: Kusto.Language.Editor.CodeBlock): Kusto.Language.KustoCode | undefined {
  const inner = (block.Service as unknown as { _service?: Partial<InnerService> })._service;
  if (typeof inner?.TryGetBoundCode !== 'function') return undefined;
  const out: { v: Kusto.Language.KustoCode | null } = { v: null };
  try {
    return inner.TryGetBoundCode(null, true, out) && out.v ? out.v : undefined;
  } catch {
    return undefined;
  }
}

const fallbackCodes = new WeakMap<Kusto.Language.Editor.CodeBlock, Kusto.Language.KustoCode>();

/**
 * The block's analysed code, or, when the service's cannot be had, the block parsed and bound
 * afresh (correct, but without sharing the cached work). Where binding throws, the syntax tree
 * alone still serves outlines, hovers on keywords and the syntax-level lints.
 */
export function boundCode(ctx: BlockContext, globals: Kusto.Language.GlobalState): Kusto.Language.KustoCode {
  // A block that needed the fallback once is not offered to the engine again: its binder would
  // fail the same way each time.
  let code = fallbackCodes.get(ctx.block) ?? analysedCode(ctx.block);
  if (code) return code;
  try {
    code = kusto().KustoCode.ParseAndAnalyze(ctx.block.Text ?? '', globals)!;
  } catch {
    code = kusto().KustoCode.Parse(ctx.block.Text ?? '', globals)!;
  }
  fallbackCodes.set(ctx.block, code);
  return code;
}
