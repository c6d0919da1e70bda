import type { KqlRegion } from './regions';

/**
 * Builds a region whose text differs from the document's characters: indentation removed,
 * quotes and escapes decoded, line breaks folded. The text is assembled from pieces, each tied
 * to the document characters it came from, so offsets map both ways by binary search.
 *
 * A piece is either copied (region and document characters are the same, offset by offset) or
 * an atom (one decoded unit such as `\n` from an escape, `'` from `''`, or a line break from
 * CRLF, standing for a run of document characters of another length).
 */
interface Piece {
  readonly regionStart: number;
  readonly documentStart: number;
  readonly regionLength: number;
  readonly documentLength: number;
  readonly copied: boolean;
}

export class MappedRegionBuilder {
  private text = '';
  private readonly pieces: Piece[] = [];

  /** Appends document characters unchanged. */
  copy(documentStart: number, characters: string): void {
    if (characters.length === 0) return;
    this.push({
      regionStart: this.text.length,
      documentStart,
      regionLength: characters.length,
      documentLength: characters.length,
      copied: true,
    });
    this.text += characters;
  }

  /** Appends `value` standing for `documentLength` document characters from `documentStart`. */
  atom(documentStart: number, documentLength: number, value: string): void {
    if (value.length === 0) return;
    this.push({
      regionStart: this.text.length,
      documentStart,
      regionLength: value.length,
      documentLength,
      copied: false,
    });
    this.text += value;
  }

  get length(): number {
    return this.text.length;
  }

  /** Drops pieces from the end until the text is `length` long (pieces are never split). */
  truncate(length: number): void {
    while (this.pieces.length > 0 && this.text.length > length) {
      const last = this.pieces.pop()!;
      this.text = this.text.slice(0, last.regionStart);
    }
  }

  /**
   * The finished region. Document offsets in [spanStart, spanEnd] belong to it; an offset in a
   * gap between pieces (indentation, a quote, a trimmed space) maps to the next piece's start,
   * which is where a caret there would type.
   */
  build(spanStart: number, spanEnd: number, kind?: KqlRegion['kind']): KqlRegion {
    return createMappedRegion(this.text, [...this.pieces], spanStart, spanEnd, kind);
  }

  private push(piece: Piece): void {
    // Merging adjacent copies keeps the search short for long unchanged runs.
    const last = this.pieces[this.pieces.length - 1];
    if (
      last &&
      last.copied &&
      piece.copied &&
      last.documentStart + last.documentLength === piece.documentStart
    ) {
      this.pieces[this.pieces.length - 1] = {
        ...last,
        regionLength: last.regionLength + piece.regionLength,
        documentLength: last.documentLength + piece.documentLength,
      };
      return;
    }
    this.pieces.push(piece);
  }
}

function createMappedRegion(
  text: string,
  pieces: Piece[],
  spanStart: number,
  spanEnd: number,
  kind?: KqlRegion['kind'],
): KqlRegion {
  const documentEnd = (p: Piece) => p.documentStart + p.documentLength;
  return {
    text,
    kind,
    toDocumentOffset(regionOffset) {
      if (pieces.length === 0) return spanStart;
      // The last piece that starts at or before the offset.
      let lo = 0;
      let hi = pieces.length - 1;
      if (regionOffset < pieces[0].regionStart) return pieces[0].documentStart;
      while (lo < hi) {
        const mid = (lo + hi + 1) >> 1;
        if (pieces[mid].regionStart <= regionOffset) lo = mid;
        else hi = mid - 1;
      }
      const p = pieces[lo];
      const into = regionOffset - p.regionStart;
      // The end of a text that ends in a line break stays on the last line, inside the span,
      // rather than moving to the start of the next line of the document.
      if (into >= p.regionLength) return p.copied || !text.endsWith('\n') ? documentEnd(p) : p.documentStart;
      return p.copied ? p.documentStart + into : p.documentStart;
    },
    toRegionOffset(documentOffset) {
      if (documentOffset < spanStart || documentOffset > spanEnd) return undefined;
      if (pieces.length === 0 || documentOffset < pieces[0].documentStart) return 0;
      let lo = 0;
      let hi = pieces.length - 1;
      while (lo < hi) {
        const mid = (lo + hi + 1) >> 1;
        if (pieces[mid].documentStart <= documentOffset) lo = mid;
        else hi = mid - 1;
      }
      const p = pieces[lo];
      const into = documentOffset - p.documentStart;
      if (into === 0) return p.regionStart;
      if (into < p.documentLength) return p.copied ? p.regionStart + into : p.regionStart + p.regionLength;
      if (into === p.documentLength) return p.regionStart + p.regionLength;
      const next = pieces[lo + 1];
      return next ? next.regionStart : text.length;
    },
  };
}
