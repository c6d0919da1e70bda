/**
 * Every rule check, as data: its id (the diagnostic's `code`, and the key for severity
 * overrides in settings and in the command line's configuration), its default severity and its
 * message. Messages name their parameters in braces; `ruleMessage` fills them in. The server and
 * the command line both read this one table.
 */
export type RuleCheckSeverity = 'error' | 'warning' | 'information';

export interface RuleCheck {
  readonly severity: RuleCheckSeverity;
  /** The message, with `{name}` placeholders. */
  readonly message: string;
  /** What the check is for, for help texts (SARIF rules, hovers). */
  readonly description: string;
}

export const RULE_CHECKS = {
  'yaml-syntax': {
    severity: 'error',
    message: '{message}',
    description: 'The file is not well-formed YAML.',
  },
  'rule-required-field': {
    severity: 'error',
    message: "'{field}' is required in {ruleType}.",
    description: 'Sentinel rejects a rule that lacks a required field.',
  },
  'rule-field-type': {
    severity: 'error',
    message: "'{field}' must be {expected}.",
    description: 'A field holds a value of the wrong kind.',
  },
  'rule-expected-list': {
    severity: 'error',
    message: "'{field}' must be a list, for example [{value}].",
    description: 'Sentinel reads this field only as a list.',
  },
  'rule-id-format': {
    severity: 'error',
    message: "'id' must be a GUID such as 6a2f1a0e-3c4b-4d5e-8f90-123456789abc, not '{value}'.",
    description: 'Rule ids are GUIDs.',
  },
  'rule-id-duplicate': {
    severity: 'error',
    message: 'The id {value} is also used by {others}.',
    description: 'Two rules in one workspace folder share an id; deploying one replaces the other.',
  },
  'rule-hunting-id-duplicate': {
    severity: 'warning',
    message:
      "The id {value} is also used by {others}. Sentinel's CI does not compare hunting query ids, but a content package holds one hunting query per id, so one would replace the other.",
    description: 'Two hunting queries share an id.',
  },
  'rule-kind': {
    severity: 'error',
    message: "'kind' must be Scheduled or NRT (case-sensitive), not '{value}'.",
    description: 'Only scheduled and near-real-time rules are query-based templates.',
  },
  'rule-length': {
    severity: 'error',
    message: "'{field}' is {length} characters long; the limit is {max}.",
    description: 'Sentinel limits the length of names, descriptions, queries and versions.',
  },
  'rule-severity': {
    severity: 'error',
    message: "'severity' must be Informational, Low, Medium or High, not '{value}'.",
    description: 'Severity values are fixed.',
  },
  'rule-tactic': {
    severity: 'error',
    message: "'{value}' is not a MITRE ATT&CK tactic Sentinel knows.{hint}",
    description: 'Tactics come from a fixed list, written without spaces.',
  },
  'rule-hunting-tactic': {
    severity: 'information',
    message:
      "'{value}' is not a MITRE ATT&CK tactic, so the hunting page cannot group the query by it.{hint}",
    description: 'Hunting queries are grouped by ATT&CK tactic.',
  },
  'rule-technique-format': {
    severity: 'error',
    message: "Technique '{value}' must look like T1234 or T1234.001.",
    description: 'Technique ids follow the ATT&CK format.',
  },
  'rule-technique-tactic': {
    severity: 'error',
    message: 'Technique {value} belongs to {expected}, none of which is in tactics.',
    description: "Sentinel's validation requires a listed tactic for every technique.",
  },
  'rule-timespan-format': {
    severity: 'error',
    message: "'{field}' must be a number followed by m, h or d (such as 5m, 1h, 14d), not '{value}'.",
    description: 'Query frequency and period are short time spans.',
  },
  'rule-timespan-range': {
    severity: 'error',
    message: "'{field}' must be between 5 minutes and 14 days; {value} is out of range.",
    description: 'Scheduled rules run every 5 minutes at most and look back 14 days at most.',
  },
  'rule-period-frequency': {
    severity: 'error',
    message: "'queryPeriod' ({period}) must not be shorter than 'queryFrequency' ({frequency}).",
    description: 'A rule that looks back less than its interval misses events.',
  },
  'rule-long-period-frequency': {
    severity: 'error',
    message: "With a 'queryPeriod' of 2 days or more, 'queryFrequency' must be at least 1 hour.",
    description: 'Long look-backs may not run more often than hourly.',
  },
  'rule-trigger-operator': {
    severity: 'error',
    message:
      "'triggerOperator' must be gt, lt, eq or ne (or GreaterThan, LessThan, Equal, NotEqual), not '{value}'.",
    description: 'Trigger operators are fixed.',
  },
  'rule-trigger-threshold': {
    severity: 'error',
    message: "'triggerThreshold' must be a whole number from 0 to 10000, not '{value}'.",
    description: 'Trigger thresholds are bounded.',
  },
  'rule-entity-mappings-count': {
    severity: 'error',
    message: "'entityMappings' has {count} mappings; Sentinel accepts 1 to 5.",
    description: 'A rule maps at most five entities.',
  },
  'rule-field-mappings-count': {
    severity: 'error',
    message: "'fieldMappings' has {count} fields; Sentinel accepts 1 to 3.",
    description: 'An entity maps at most three identifiers.',
  },
  'rule-entity-type': {
    severity: 'error',
    message: "'{value}' is not an entity type. Known types: {expected}.",
    description: 'Entity types come from a fixed list.',
  },
  'rule-entity-identifier': {
    severity: 'error',
    message: "'{value}' is not an identifier of {entityType}. Valid identifiers: {expected}.",
    description: 'Each entity type has its own identifiers.',
  },
  'rule-entity-identifier-duplicate': {
    severity: 'error',
    message: "Identifier '{value}' is mapped more than once in this entity.",
    description: 'An identifier may be mapped once per entity.',
  },
  'rule-entity-required-identifiers': {
    severity: 'error',
    message: '{entityType} needs one of these identifier sets: {expected}.',
    description: 'Without a strong identifier the entity is not created.',
  },
  'rule-column-name-format': {
    severity: 'error',
    message:
      "'{value}' is not a valid column name: start with a letter or underscore and use only letters, digits and underscores.",
    description: 'Mapped columns must be plain identifiers.',
  },
  'rule-column-not-in-output': {
    severity: 'error',
    message: "Column '{value}' is not in the query's output. Output columns: {expected}.",
    description: 'Entity mappings and custom details can only use the columns the query returns.',
  },
  'rule-custom-details': {
    severity: 'error',
    message: '{message}',
    description:
      "Custom details: at most 20, keys of letters, digits and '_' up to 20 characters, values that are column names.",
  },
  'rule-legacy-entity-column': {
    severity: 'error',
    message: "The query returns the legacy column '{value}' but no entity mapping uses it.",
    description: 'Legacy *CustomEntity columns need a matching entity mapping.',
  },
  'rule-version-format': {
    severity: 'error',
    message: "'version' must look like 1.0.0 (three numbers), not '{value}'.",
    description: 'Template versions are X.Y.Z.',
  },
  'rule-connector-id': {
    severity: 'warning',
    message:
      "Data connector '{value}' is not in the list of connector ids Sentinel's CI accepted ({asOf}); check its spelling. (The CI fails a rule with an id missing from its current list; newer connectors may be in it, so this is a warning.)",
    description: 'Connector ids come from the connectors installed in Sentinel.',
  },
  'rule-hunting-connector-id': {
    severity: 'information',
    message:
      "Data connector '{value}' is not in the list of connector ids Sentinel's CI accepted ({asOf}); check its spelling. (The CI does not check hunting queries' connectors.)",
    description: "A hunting query names a connector id that Sentinel's CI list lacks.",
  },
  'rule-ci-skip-valid': {
    severity: 'information',
    message:
      "This rule is in the CI's KQL skip list (SkipValidationsTemplates.json: \"{reason}\"), but its query has no error here. Azure-Sentinel's CI fails a skipped analytic rule once its own engine finds the query valid, so remove the entry when the CI's engine agrees. (Most entries stand for errors of the CI's older engine, so this is information.)",
    description:
      "An analytic rule listed in the repository's KQL skip list validates cleanly; the CI fails such a rule once its engine agrees.",
  },
  'rule-data-types': {
    severity: 'warning',
    message:
      "The query reads {value}, which no entry in 'requiredDataConnectors' lists under dataTypes. (Sentinel's CI does not check this; the data connectors page uses dataTypes to show what the rule needs.)",
    description: 'Required data connectors should cover every table the query reads.',
  },
  'rule-aggregation-kind': {
    severity: 'error',
    message: "'aggregationKind' must be SingleAlert or AlertPerResult, not '{value}'.",
    description: 'Event grouping has two modes.',
  },
  'rule-placeholders': {
    severity: 'error',
    message: "'{field}' uses {count} {{column}} placeholders; the limit is 3.",
    description: 'Alert details overrides allow at most three dynamic placeholders.',
  },
  'rule-query-wildcard': {
    severity: 'error',
    message: "An analytic rule's query cannot contain `{value}`; name the tables it reads.",
    description: 'Sentinel refuses analytic rules whose query uses `search *` or `union *`.',
  },
  'rule-defender-required-field': {
    severity: 'error',
    message: "'{field}' is required in a Defender custom detection.",
    description: 'Graph refuses a detection rule without its name, query, schedule and alert.',
  },
  'rule-defender-frequency': {
    severity: 'error',
    message:
      "The frequency '{value}' is not one a custom detection accepts: PT0S (continuous), PT1H, PT3H, PT12H or P1D.",
    description:
      'Custom detections run continuously or every 1, 3, 12 or 24 hours (schedule.frequency, ISO 8601).',
  },
  'rule-defender-severity': {
    severity: 'error',
    message: "'severity' must be informational, low, medium or high, not '{value}'.",
    description: 'Alert severities are fixed.',
  },
  'rule-defender-required-column': {
    severity: 'error',
    message: "The query must return '{value}' for a custom detection ({why}). Output columns: {expected}.",
    description: 'A custom detection needs Timestamp, and ReportId for event tables, in its results.',
  },
  'rule-defender-entity-column': {
    severity: 'error',
    message:
      'The query must return a column that identifies a device, user or mailbox ({expected}); it returns {value}.',
    description: 'A custom detection needs an entity identifier column in its results.',
  },
  'rule-defender-impacted-asset': {
    severity: 'error',
    message: '{message}',
    description: 'Impacted assets name a documented identifier column that the query returns, one per kind.',
  },
  'rule-defender-removed-field': {
    severity: 'warning',
    message: "Microsoft Graph removed '{field}' on 2026-10-01; {instead} (deploy sends the current shape).",
    description:
      'Graph no longer accepts schedule.period, nextRunDateTime, alertTemplate.category, mitreTechniques or impactedAssets.',
  },
  'rule-defender-lookback': {
    severity: 'error',
    message: '{message}',
    description:
      'A look-back is an ISO 8601 duration at least as long as the frequency; continuous rules take none.',
  },
  'rule-defender-entity-mapping': {
    severity: 'error',
    message: '{message}',
    description: 'Alert entity mappings name query columns that the query returns.',
  },
  'rule-defender-continuous-query': {
    severity: 'error',
    message: 'A continuous (NRT) custom detection {message}',
    description: 'Continuous custom detections accept one supported table and no joins, unions or comments.',
  },
} as const satisfies Record<string, RuleCheck>;

export type RuleCheckId = keyof typeof RULE_CHECKS;

export type MessageArgs = Record<string, string | number>;

export function ruleMessage(id: RuleCheckId, args: MessageArgs = {}): string {
  return RULE_CHECKS[id].message.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in args ? String(args[name]) : whole,
  );
}

/** The source name rule-check diagnostics carry, distinct from the engine's `kql`. */
export const RULE_DIAGNOSTIC_SOURCE = 'kql-rules';
