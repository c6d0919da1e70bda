/**
 * Data a cost lint keeps on its diagnostic when a quick fix can rewrite the flagged text: the
 * diagnostic's range is replaced with `fixText`. Lints offer it only when the rewrite is a
 * single line and means what the documentation of the rule says.
 */
export interface ReplacementFixData {
  fixTitle: string;
  fixText: string;
  preferred?: boolean;
}

/** The replacement a diagnostic carries, if any. */
export function replacementFixOf(data: unknown): ReplacementFixData | undefined {
  const d = data as Partial<ReplacementFixData> | undefined;
  if (!d || typeof d.fixTitle !== 'string' || typeof d.fixText !== 'string') return undefined;
  return { fixTitle: d.fixTitle, fixText: d.fixText, preferred: d.preferred === true };
}
