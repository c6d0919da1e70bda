import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { KqlRegion } from '../documents/regions';
import type { EnvironmentId } from '../schema/types';
import { kusto } from './kustoEngine';
import type { LimitFinding } from './inputLimits';
import { queryBlockStarts } from './querySeparator';

/**
 * One document's analysis: its KQL regions, each held as the engine's CodeScript. A CodeScript
 * splits its text into blocks at blank lines (see querySeparator.ts) and binds each block once; when the text changes,
 * `WithText` keeps the blocks whose text did not change, so only the edited query is analysed again.
 */
export interface QueryAnalysis {
  readonly region: KqlRegion;
  readonly script: Kusto.Language.Editor.CodeScript;
}

export interface DocumentAnalysis {
  /** The document; a server's TextDocument is updated in place, so compare `version`, not this. */
  readonly document: TextDocument;
  /** The document version this analysis was made from. */
  readonly version: number;
  readonly environment: EnvironmentId;
  readonly globals: Kusto.Language.GlobalState;
  readonly queries: readonly QueryAnalysis[];
  /**
   * Queries the input limits refused (inputLimits.ts); they are left out of `queries`' text and
   * the rest is analysed.
   */
  readonly limits: readonly LimitFinding[];
}

export function analyzeDocument(
  document: TextDocument,
  regions: readonly KqlRegion[],
  environment: EnvironmentId,
  globals: Kusto.Language.GlobalState,
  previous?: DocumentAnalysis,
  limits: readonly LimitFinding[] = [],
): DocumentAnalysis {
  const reuse = previous && previous.globals === globals ? previous.queries : [];
  const queries = regions.map((region, i): QueryAnalysis => {
    const before = reuse[i];
    const script = before
      ? before.script.WithText(region.text)!
      : kusto()
          .Editor.CodeScript.From$1(region.text, globals)!
          .WithSeparator(queryBlockStarts as never)!;
    return { region, script };
  });
  return { document, version: document.version, environment, globals, queries, limits };
}

/** The query (region) and engine block at a document offset, if the offset is inside KQL. */
export function blockAt(
  analysis: DocumentAnalysis,
  documentOffset: number,
): { query: QueryAnalysis; block: Kusto.Language.Editor.CodeBlock; regionOffset: number } | undefined {
  for (const query of analysis.queries) {
    const regionOffset = query.region.toRegionOffset(documentOffset);
    if (regionOffset === undefined) continue;
    const block = query.script.GetBlockAtPosition(regionOffset);
    if (block) return { query, block, regionOffset };
  }
  return undefined;
}
