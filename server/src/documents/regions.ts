/**
 * Where KQL lives inside a file. A `.kql` file is one region covering the whole text; rule
 * YAML, Markdown and ARM templates hold regions inside other text, where the KQL the engine
 * sees may differ from the file's characters (indentation removed, escapes decoded), so each
 * region maps offsets both ways.
 */
export interface KqlRegion {
  /** The KQL text exactly as the engine analyses it. */
  readonly text: string;
  /** Maps an offset in `text` to an offset in the containing document. */
  toDocumentOffset(regionOffset: number): number;
  /** Maps a document offset into `text`, or undefined when it falls outside this region. */
  toRegionOffset(documentOffset: number): number | undefined;
  /**
   * What the KQL is for. A scheduled rule's query is bounded by the rule's query period, so
   * lints about unbounded time ranges do not apply to it. Absent means an ad hoc query.
   */
  readonly kind?: 'query' | 'scheduledRule';
  /**
   * False when the file encodes the KQL (quotes and escapes, folded lines), so text computed on
   * the KQL cannot be written back as it is: formatting, rename and quick fixes leave such
   * regions alone rather than break the file. Absent means the KQL is the file's own lines.
   */
  readonly editable?: boolean;
}

/** A region that is the whole document, as for `.kql`, `.csl` and `.kusto` files. */
export function wholeTextRegion(text: string): KqlRegion {
  return {
    text,
    toDocumentOffset: (offset) => offset,
    toRegionOffset: (offset) => (offset >= 0 && offset <= text.length ? offset : undefined),
  };
}
