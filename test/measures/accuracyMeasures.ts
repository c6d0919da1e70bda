import type { EnvironmentSchema } from '../../server/src/schema/types';
import { KNOWN_RULE_ERRORS } from './knownRuleErrors';
import {
  catalogueNames,
  corpusErrors,
  errorKey,
  errorsOf,
  misspell,
  type CorpusRule,
  type RuleErrors,
} from './ruleCorpus';

/** The figures the accuracy test asserts and `npm run accuracy` prints. */
export interface AccuracyResult {
  rules: number;
  withErrors: RuleErrors[];
  /** Rules with errors that knownRuleErrors.ts does not pin, holding only those errors. */
  unexplained: RuleErrors[];
  /** Pinned errors that no longer occur, as `file: CODE text`, so the list cannot go stale. */
  stale: string[];
}

export function measureAccuracy(
  globals: Kusto.Language.GlobalState,
  rules: readonly CorpusRule[],
): AccuracyResult {
  const withErrors = corpusErrors(globals, rules);
  const unexplained: RuleErrors[] = [];
  const stale: string[] = [];
  const byFile = new Map(withErrors.map((r) => [r.file, r.errors]));
  for (const [file, known] of Object.entries(KNOWN_RULE_ERRORS)) {
    // Each pinned error excuses one occurrence of its key, no more.
    const left = [...known.errors];
    const extra = (byFile.get(file) ?? []).filter((e) => {
      const at = left.indexOf(errorKey(e));
      if (at < 0) return true;
      left.splice(at, 1);
      return false;
    });
    if (extra.length) unexplained.push({ file, errors: extra });
    stale.push(...left.map((k) => `${file}: ${k}`));
  }
  unexplained.push(...withErrors.filter((r) => !KNOWN_RULE_ERRORS[r.file]));
  return { rules: rules.length, withErrors, unexplained, stale };
}

export interface Misspelling {
  file: string;
  kind: 'table' | 'column';
  original: string;
  misspelled: string;
  start: number;
  /** What was reported instead, when the error was missing or elsewhere. */
  got?: string;
}

/**
 * Sources whose result accepts any column (watchlists, ASIM parsers, AzureDiagnostics,
 * bag_unpack, whose columns are only known at run time) and fuzzy unions (which ignore a missing
 * table, as the service does) cannot show a misspelling, so rules using them are not sampled.
 */
function canShowMisspelling(query: string, schema: EnvironmentSchema): boolean {
  if (/isfuzzy\s*=\s*true|bag_unpack/i.test(query)) return false;
  const open = [
    ...schema.functions.filter((f) => f.openResult).map((f) => f.name),
    ...schema.tables.filter((t) => t.open).map((t) => t.name),
  ];
  return !open.some((name) => new RegExp(`\\b${name}\\b`).test(query));
}

/**
 * Changes one character of one catalogue name in each of `count` rules (spread evenly over the
 * corpus, alternating tables and columns where a rule has both) and records whether exactly that
 * name's range got an error.
 */
export function measureMisspellings(
  globals: Kusto.Language.GlobalState,
  schema: EnvironmentSchema,
  rules: readonly CorpusRule[],
  count: number,
): { tried: Misspelling[]; missed: Misspelling[] } {
  const knownNames = new Set<string>([
    ...schema.tables.flatMap((t) => [t.name, ...t.columns.map((c) => c.name)]),
    ...schema.functions.flatMap((f) => [f.name, ...(f.resultColumns ?? []).map((c) => c.name)]),
  ]);
  const candidates = rules.filter((r) => canShowMisspelling(r.query, schema));
  const step = Math.max(1, candidates.length / count);
  const tried: Misspelling[] = [];
  const missed: Misspelling[] = [];
  for (let i = 0; tried.length < count && i < candidates.length * 2; i++) {
    const rule = candidates[Math.floor((i * step) % candidates.length)];
    if (tried.some((t) => t.file === rule.file)) continue;
    const names = catalogueNames(rule.query, globals);
    if (!names.length) continue;
    const wanted = tried.length % 2 === 0 ? 'column' : 'table';
    const pool = names.filter((n) => n.kind === wanted);
    const chosen = (pool.length ? pool : names)[(tried.length * 7) % (pool.length || names.length)];
    const misspelled = misspell(
      chosen.text,
      (c) => knownNames.has(c) || new RegExp(`\\b${c}\\b`).test(rule.query),
    );
    const query =
      rule.query.slice(0, chosen.start) + misspelled + rule.query.slice(chosen.start + chosen.text.length);
    const attempt: Misspelling = {
      file: rule.file,
      kind: chosen.kind,
      original: chosen.text,
      misspelled,
      start: chosen.start,
    };
    tried.push(attempt);
    const errors = errorsOf(globals, query);
    const hit = errors.some((e) => e.start === chosen.start && e.end === chosen.start + misspelled.length);
    if (!hit)
      missed.push({
        ...attempt,
        got: errors.map((e) => `'${e.text}' ${e.message}`).join('; ') || 'no error',
      });
  }
  return { tried, missed };
}
