import { entryKey, type Baseline, type BaselineEntry } from './baselineFile';

/** How the findings of a run compare with a baseline. */
export interface BaselineComparison {
  /** For each current finding, in the order given, whether the baseline holds it. */
  readonly inBaseline: boolean[];
  /** Entries of the considered files that no current finding matched: fixed, or changed. */
  readonly absent: BaselineEntry[];
}

/**
 * Matches `current` (the fingerprints of this run's findings) against the baseline. Only entries
 * whose file `considered` accepts can be absent: a run over part of a repository says nothing of
 * the files it did not check.
 */
export function compareWithBaseline(
  baseline: Baseline,
  current: readonly BaselineEntry[],
  considered: (file: string) => boolean,
): BaselineComparison {
  const remaining = new Set(baseline.entries.map(entryKey));
  const inBaseline = current.map((e) => remaining.delete(entryKey(e)));
  const absent: BaselineEntry[] = [];
  for (const e of baseline.entries) {
    // Deleted once listed, so an entry written twice by hand is reported once.
    if (considered(e.file) && remaining.delete(entryKey(e))) absent.push(e);
  }
  return { inBaseline, absent };
}
