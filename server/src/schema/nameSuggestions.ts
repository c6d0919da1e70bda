/**
 * "Did you mean …" candidates for an unknown table, column or function name. The ranking puts
 * a difference of case first (KQL names are case-sensitive and that is the commonest slip
 * between Defender XDR and Sentinel), then the fewest single-character edits, where swapping two
 * neighbouring letters counts as one edit.
 */

/** Edit distance with adjacent transpositions (optimal string alignment), stopping past `limit`. */
export function editDistance(a: string, b: string, limit = Infinity): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let prevPrev: number[] = [];
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        d = Math.min(d, prevPrev[j - 2] + 1);
      row.push(d);
      rowMin = Math.min(rowMin, d);
    }
    if (rowMin > limit) return limit + 1;
    prevPrev = prev;
    prev = row;
  }
  return prev[b.length];
}

/** How many edits still read as a slip rather than a different name: more for longer names. */
function allowedEdits(name: string): number {
  return Math.max(1, Math.min(4, Math.floor(name.length / 3)));
}

/**
 * Up to `max` candidates closest to `name`, best first. Names equal but for case come first;
 * the rest are within a few edits (ignoring case), ties broken by a shared prefix, then
 * alphabetically so that the order is stable.
 */
export function closestNames(name: string, candidates: Iterable<string>, max = 3): string[] {
  if (!name || max <= 0) return [];
  const lower = name.toLowerCase();
  const limit = allowedEdits(name);
  const scored: { candidate: string; score: number; prefix: number }[] = [];
  const seen = new Set<string>();
  for (const candidate of candidates) {
    if (candidate === name || seen.has(candidate)) continue;
    seen.add(candidate);
    const candidateLower = candidate.toLowerCase();
    // A case-only difference scores below any real edit.
    const distance =
      candidateLower === lower
        ? 0.5
        : editDistance(lower, candidateLower, limit) + (hasSameCase(name, candidate) ? 0 : 0.1);
    if (distance > limit + 0.1) continue;
    scored.push({ candidate, score: distance, prefix: commonPrefix(lower, candidateLower) });
  }
  scored.sort((x, y) => x.score - y.score || y.prefix - x.prefix || x.candidate.localeCompare(y.candidate));
  return scored.slice(0, max).map((s) => s.candidate);
}

/** True when the letters both names share keep their case, so the slip is in the letters alone. */
function hasSameCase(a: string, b: string): boolean {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) if (a[i].toLowerCase() === b[i].toLowerCase() && a[i] !== b[i]) return false;
  return true;
}

function commonPrefix(a: string, b: string): number {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return i;
}
