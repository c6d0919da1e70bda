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
   * What the KQL is for. A scheduled rule's query is bounded by the rule's query period, and a
   * hunting query file's by the time range chosen on the hunting page, so lints about unbounded
   * time ranges do not apply to either. Absent means an ad hoc query.
   */
  readonly kind?: 'query' | 'scheduledRule' | 'huntingQuery';
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

/** A region that is a contiguous slice of the document, with no characters changed. */
export function sliceRegion(documentText: string, start: number, end: number): KqlRegion {
  const text = documentText.slice(start, end);
  return {
    text,
    toDocumentOffset: (offset) => start + offset,
    toRegionOffset: (offset) => (offset >= start && offset <= end ? offset - start : undefined),
  };
}
