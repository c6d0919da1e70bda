import type { ClosestNames } from './codeActions';

/**
 * Until the schema catalogue's name suggestions land (TODO(issue 3): switch to
 * server/src/schema/nameSuggestions.ts and delete this file), "did you mean" ranks candidates
 * by case-insensitive edit distance, keeping those within a third of the name's length.
 */
export const closestNamesFallback: ClosestNames = (name, candidates, max) => {
  const target = name.toLowerCase();
  const limit = Math.max(2, Math.floor(target.length / 3));
  return candidates
    .map((c) => ({ c, d: distance(target, c.toLowerCase(), limit) }))
    .filter((x) => x.d <= limit)
    .sort((a, b) => a.d - b.d || a.c.localeCompare(b.c))
    .slice(0, max)
    .map((x) => x.c);
};

/** Levenshtein distance, giving up (returning limit + 1) once every path exceeds `limit`. */
function distance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      row[j] = Math.min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
      best = Math.min(best, row[j]);
    }
    if (best > limit) return limit + 1;
    prev = row;
  }
  return prev[b.length];
}
