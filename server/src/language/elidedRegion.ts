import type { KqlRegion } from '../documents/regions';

/**
 * A region with some spans of its text left out, for queries the input limits refuse: the engine
 * sees only the rest, and offsets still map to the right document characters. An offset inside
 * a left-out span belongs to no region, so hovers and completions there find nothing.
 *
 * Text computed on what is left (formatting, renames, quick fixes) could not be written back
 * around the gaps safely, so the result is not editable.
 */
export function regionWithout(region: KqlRegion, spans: readonly (readonly [number, number])[]): KqlRegion {
  if (spans.length === 0) return region;
  // The kept runs of the region's text: [from, to) in the region, and where each starts in the new text.
  const kept: { from: number; to: number; at: number }[] = [];
  let text = '';
  let from = 0;
  for (const [start, end] of [...spans, [region.text.length, region.text.length] as const]) {
    if (start > from) {
      kept.push({ from, to: start, at: text.length });
      text += region.text.slice(from, start);
    }
    from = Math.max(from, end);
  }
  return {
    text,
    kind: region.kind,
    editable: false,
    toDocumentOffset(offset) {
      if (kept.length === 0) return region.toDocumentOffset(spans[0][0]);
      let lo = 0;
      let hi = kept.length - 1;
      while (lo < hi) {
        const mid = (lo + hi + 1) >> 1;
        if (kept[mid].at <= offset) lo = mid;
        else hi = mid - 1;
      }
      const run = kept[lo];
      return region.toDocumentOffset(run.from + Math.max(0, Math.min(offset - run.at, run.to - run.from)));
    },
    toRegionOffset(documentOffset) {
      const inRegion = region.toRegionOffset(documentOffset);
      if (inRegion === undefined) return undefined;
      const run = kept.find((r) => inRegion >= r.from && inRegion <= r.to);
      return run ? run.at + inRegion - run.from : undefined;
    },
  };
}
