import type { LintSeverity } from '../../protocol/settings';

/**
 * The hunting lints, as data: one row per rule with its id (the diagnostic's `code`, and the
 * key that `kqlHunting.lints` settings use to change its severity or turn it off), its
 * default severity and its message. The server and the command line both read this table.
 * Messages may hold `{placeholders}` that the lint fills in.
 */
export interface LintRule {
  readonly id: string;
  readonly defaultSeverity: Exclude<LintSeverity, 'off'>;
  readonly message: string;
  /** One sentence for documentation and `kqlhunt --list-lints`. */
  readonly description: string;
  /** Editors fade the text out instead of underlining it. */
  readonly unnecessary?: boolean;
  /** Why the shape costs, and what the quick fix changes; SARIF's help text carries it. */
  readonly documentation?: string;
}

export const LINT_RULES = {
  constantCondition: {
    id: 'constant-condition',
    defaultSeverity: 'warning',
    message: 'This condition is always {value}: {column} cannot equal both {first} and {second}. {advice}',
    description:
      'A condition that is always true or always false, such as `X != "a" or X != "b"`, so the filter does nothing or removes everything.',
  },
  missingTimeFilter: {
    id: 'missing-time-filter',
    defaultSeverity: 'warning',
    message:
      'No time filter on {table}: the query reads its whole retention. Add `| where {timeColumn} > ago(...)`.',
    description:
      'A query over an event table without a filter on its time column (not reported for scheduled rules, whose query period bounds them).',
  },
  caseSensitiveName: {
    id: 'case-sensitive-name',
    defaultSeverity: 'information',
    message:
      '`{operator}` compares {column} case-sensitively, but file and process names are not case-sensitive on Windows; `{replacement}` is almost certainly meant.',
    description:
      'A case-sensitive comparison (`==`, `!=`, `in`, `!in`) of a file or process name with a string.',
  },
  unusedLet: {
    id: 'unused-let',
    defaultSeverity: 'hint',
    message: "'{name}' is declared but never used.",
    description: 'A let statement whose name is never used in the query.',
    unnecessary: true,
  },
  unusedSuppression: {
    id: 'unused-suppression',
    defaultSeverity: 'warning',
    message: '{detail}',
    description:
      'A `kqlhunt-disable` comment that suppresses nothing: no finding of the code it names is where it applies, or the code does not exist.',
  },
  suppressionWithoutReason: {
    id: 'suppression-without-reason',
    defaultSeverity: 'hint',
    message: 'This suppression gives no reason. Add one after `--`, such as `-- the parser filters by time`.',
    description:
      'A `kqlhunt-disable` comment without `-- reason`; `kqlhunt check --require-suppression-reason` makes it an error.',
  },
  defenderOnlyTable: {
    id: 'defender-only-table',
    defaultSeverity: 'warning',
    message: "'{table}' is a Defender XDR table {reason}",
    description:
      'A query checked as Microsoft Sentinel reads a Defender XDR table that Sentinel never fills: a vulnerability-management (DeviceTvm*) table, shown in its schema only, or one Log Analytics does not hold.',
  },
  containsVsHas: {
    id: 'contains-vs-has',
    defaultSeverity: 'information',
    message:
      '`{operator}` scans every substring of every value; `{replacement}` looks the whole term "{term}" up in the term index and is much faster. The two differ only where "{term}" is part of a longer word, which `has` does not match.',
    description:
      '`contains` (or `!contains`, `contains_cs`) with a literal that is a single whole term of three or more letters and digits, where `has` uses the term index. The quick fix changes the meaning for values where the literal is only part of a longer word.',
    documentation:
      'Kusto keeps an index of the terms (runs of three or more letters and digits) of every string column; `has` looks a term up there, while `contains` reads every value. `contains` and `has` both ignore case, and `contains_cs` and `has_cs` both respect it, so the rewrite keeps case sensitivity. It does change what matches: `contains "admin"` matches "Administrators", `has "admin"` does not. The quick fix is offered, never preferred; use it when the value is a word of its own in the data. Where this lint reports, the engine\'s KS500 on the same operator is not repeated.',
  },
  caseConversionCompare: {
    id: 'case-conversion-compare',
    defaultSeverity: 'information',
    message:
      '`{function}()` converts the whole column on every row before comparing; `{replacement}` compares case-insensitively without building a new string.',
    description:
      '`tolower(x) == "abc"` or `toupper(x) != "ABC"` (also `in`, `!in`) where the case-insensitive `=~`, `!~`, `in~` or `!in~` compares without converting every value.',
    documentation:
      '`=~`, `!~`, `in~` and `!in~` compare ignoring case without converting each value and can use the term index. The quick fix is offered only when every literal is printable ASCII already in the converted case (lower for `tolower`, upper for `toupper`); then both forms match the same values, except the few non-ASCII letters whose case mapping yields an ASCII letter (the Kelvin sign, the long s).',
  },
  unboundedJoin: {
    id: 'unbounded-join',
    defaultSeverity: 'information',
    message:
      "Neither side of this join is bounded in time: both read their tables' whole retention before matching. Filter one side, usually the smaller, with `| where {timeColumn} > ago(...)`.",
    description:
      'A join whose two sides both read event tables with no filter on the time column (nor `ago()`) in either side or after the join (not reported for scheduled rules, whose query period bounds them).',
    documentation:
      'A join reads both sides in full before matching; with no time filter on either, both read their whole retention. A time filter on one side (or after the join, which the engine moves into the left side) bounds it. Sides that call a parser or saved function are not reported, since they may filter by time themselves.',
  },
  unscopedSearch: {
    id: 'unscoped-search',
    defaultSeverity: 'warning',
    message:
      '`{operator}` without a table scope reads every table in the database. Name the tables: `{operator} in ({example}) ...`.',
    description:
      '`search` or `find` as the start of a query with no `in (...)` table list, which scans every column of every table.',
    documentation:
      'Without `in (...)`, `search` and `find` look in every table of the database, including ones the query never meant. `T | search ...` (piped) is scoped to `T` and not reported.',
  },
  wildcardUnion: {
    id: 'wildcard-union',
    defaultSeverity: 'information',
    message: '`union {pattern}` reads {scope}; list the tables the query needs.',
    description:
      '`union *` or a table name pattern such as `union Device*`, which reads every table that matches now or is added later.',
    documentation:
      'A wildcard union reads every matching table, including tables added to the workspace later, so its cost grows without the query changing.',
  },
  literalRegex: {
    id: 'literal-regex',
    defaultSeverity: 'information',
    message:
      'The regular expression "{pattern}" has no special characters, so `{replacement}` gives the same result without running the regex engine on every row.',
    description:
      '`matches regex` with a pattern that is plain text (optionally anchored with `^` or `$`), which `contains_cs`, `startswith_cs`, `endswith_cs` or `==` match exactly and faster; also `isnotempty(extract(pattern, 0, x))` and `isempty(...)`, the same test written with extract.',
    documentation:
      'Regular expressions in Kusto use RE2. A pattern with none of `\\ . ^ $ | ? * + ( ) [ ] { }` (apart from a leading `^`, a trailing `$` and a leading `(?i)`) matches as plain text, so `contains_cs` (or `startswith_cs`, `endswith_cs`, `==`; the case-insensitive forms after `(?i)`) give exactly the same rows. The quick fix rewrites it when the column is a string and the text fits a plain string literal. `isnotempty(extract(pattern, 0, x))` on a string x is the same test (and `isempty` its negation, `!contains_cs` and so on); other uses of extract return the text itself, which no operator gives, and extract_all is not reported: counting its matches is not `countof`, which counts overlapping ones.',
  },
  unboundedMvExpand: {
    id: 'unbounded-mv-expand',
    defaultSeverity: 'information',
    message:
      '`mv-expand` without `limit` on unfiltered table rows makes one row per element of every array, however long, before anything is filtered. Filter the rows first, or add `limit N` when only the first elements matter.',
    description:
      '`mv-expand` with no `limit` applied straight to a table, before any `where` or aggregation: a row with a very long array multiplies into as many rows, for every row of the table.',
    documentation:
      'Reported only where `mv-expand` works on table rows that nothing before it has filtered or aggregated: there, every row of the table is expanded before anything is thrown away. Filtering first is usually the fix; `limit` changes the result (it drops elements) and is not offered as a fix.',
  },
  unboundedSort: {
    id: 'unbounded-sort',
    defaultSeverity: 'information',
    message:
      '`{operator}` sorts every row the query has read, and no `take` or `top` follows. Use `top N by ...` when only the first rows are looked at.',
    description:
      '`sort`/`order by` over raw rows (no `summarize`, `distinct`, `top`, `take` before it) with no `take`, `limit` or `top` after it.',
    documentation:
      'Reported only where the sort orders raw table rows and only projections and filters follow, so nothing uses the order but the reader; a sort feeding `prev()`, `row_number()`, `serialize`, `scan` or an ordered `make_list` is left alone. `top N by` keeps only N rows while it reads, which a sort cannot.',
  },
  takeInDetection: {
    id: 'take-in-detection',
    defaultSeverity: 'warning',
    message:
      '`{operator}` without an order keeps an arbitrary {count} rows: the rule can drop the events that matter, differently on each run. Use `top {count} by ...` or `summarize` instead.',
    description:
      '`take`/`limit` with no `sort`, `order by` or `top` before it in the query of a scheduled rule, where the rows kept are arbitrary.',
    documentation:
      'Reported only in the query of a scheduled (or NRT) rule: `take` keeps the first rows that arrive, which are not the same on each run, so an alert can miss events. `top N by` or an aggregation picks rows deterministically.',
  },
} as const satisfies Record<string, LintRule>;

export const ALL_LINT_RULES: readonly LintRule[] = Object.values(LINT_RULES);

/** Fills a rule's message placeholders. */
export function lintMessage(rule: LintRule, values: Record<string, string>): string {
  return rule.message.replace(/\{(\w+)\}/g, (whole, key: string) => values[key] ?? whole);
}
