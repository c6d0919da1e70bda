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
} as const satisfies Record<string, LintRule>;

export const ALL_LINT_RULES: readonly LintRule[] = Object.values(LINT_RULES);

/** Fills a rule's message placeholders. */
export function lintMessage(rule: LintRule, values: Record<string, string>): string {
  return rule.message.replace(/\{(\w+)\}/g, (whole, key: string) => values[key] ?? whole);
}
