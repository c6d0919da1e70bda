/**
 * The baseline file of `kqlhunt check --write-baseline` / `--baseline`, which the editor reads as
 * well: a JSON object with a format version and one entry per finding that was accepted when it
 * was written. Entries are sorted and written one to a line, so that the file reads well in a
 * review and a change to it shows as added and removed lines in git.
 */

/** Raised when what an entry means changes; a file of another version is refused, not misread. */
export const BASELINE_VERSION = 1;

/**
 * One accepted finding. No line or column: the entry must still match after lines move. `text`
 * is the flagged text with its whitespace collapsed (fingerprints.ts); `occurrence` tells apart
 * findings of one file with the same code and text, counted in report order from 0.
 */
export interface BaselineEntry {
  /** The file's path relative to the folder the check ran in (the repository root), with `/`. */
  readonly file: string;
  readonly code: string;
  readonly text: string;
  readonly occurrence: number;
}

export interface Baseline {
  readonly entries: readonly BaselineEntry[];
}

const KEYS = ['file', 'code', 'text', 'occurrence'] as const;

/** One entry as the string it is matched by. */
export const entryKey = (e: BaselineEntry): string => JSON.stringify([e.file, e.code, e.text, e.occurrence]);

/** Code-unit order, so that the file is written the same on every machine and locale. */
function compareEntries(a: BaselineEntry, b: BaselineEntry): number {
  for (const k of ['file', 'code', 'text'] as const) if (a[k] !== b[k]) return a[k] < b[k] ? -1 : 1;
  return a.occurrence - b.occurrence;
}

/** The file's text: sorted, without duplicates, one entry to a line, ending with a line break. */
export function serializeBaseline(entries: readonly BaselineEntry[]): string {
  const seen = new Set<string>();
  const lines: string[] = [];
  for (const e of [...entries].sort(compareEntries)) {
    const key = entryKey(e);
    if (seen.has(key)) continue;
    seen.add(key);
    lines.push(
      `    ${JSON.stringify({ file: e.file, code: e.code, text: e.text, occurrence: e.occurrence })}`,
    );
  }
  const body = lines.length === 0 ? '[]' : `[\n${lines.join(',\n')}\n  ]`;
  return `{\n  "kqlhuntBaseline": ${BASELINE_VERSION},\n  "entries": ${body}\n}\n`;
}

/** The baseline in `text`, or what is wrong with it, in words for an error message. */
export function parseBaseline(text: string): Baseline | { problem: string } {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    return { problem: `it is not valid JSON (${e instanceof Error ? e.message : String(e)})` };
  }
  if (!raw || typeof raw !== 'object' || Array.isArray(raw))
    return { problem: 'it is not a JSON object with "kqlhuntBaseline" and "entries"' };
  const r = raw as Record<string, unknown>;
  if (r.kqlhuntBaseline !== BASELINE_VERSION)
    return typeof r.kqlhuntBaseline === 'number' && r.kqlhuntBaseline > BASELINE_VERSION
      ? {
          problem: `it was written by a newer kqlhunt (baseline version ${r.kqlhuntBaseline}; this one reads version ${BASELINE_VERSION})`,
        }
      : { problem: `it has no "kqlhuntBaseline": ${BASELINE_VERSION} (is it a kqlhunt baseline?)` };
  if (!Array.isArray(r.entries)) return { problem: '"entries" is not a list' };
  const entries: BaselineEntry[] = [];
  for (const [i, item] of r.entries.entries()) {
    const problem = entryProblem(item);
    if (problem) return { problem: `entry ${i + 1} ${problem}` };
    const e = item as BaselineEntry;
    entries.push({ file: e.file, code: e.code, text: e.text, occurrence: e.occurrence });
  }
  return { entries };
}

function entryProblem(item: unknown): string | undefined {
  if (!item || typeof item !== 'object' || Array.isArray(item)) return 'is not an object';
  const e = item as Record<string, unknown>;
  for (const k of KEYS.slice(0, 3)) if (typeof e[k] !== 'string') return `has no "${k}" string`;
  const n = e.occurrence;
  if (typeof n !== 'number' || !Number.isInteger(n) || n < 0)
    return 'has no "occurrence" (a whole number from 0)';
  const extra = Object.keys(e).find((k) => !(KEYS as readonly string[]).includes(k));
  return extra === undefined ? undefined : `has an unknown key "${extra}"`;
}
