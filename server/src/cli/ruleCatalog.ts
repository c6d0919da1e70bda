import { LIMIT_SUMMARY } from '../language/diagnosticCodeCatalog';
import { isLimitCode } from '../language/inputLimits';
import { ALL_LINT_RULES } from '../language/lints/lintRules';
import type { LintSeverity } from '../protocol/settings';
import { RULE_CHECKS } from '../rules/ruleCheckTable';
import type { Finding, FindingSeverity } from './findings';

/** What SARIF's `tool.driver.rules` says about one diagnostic code. */
export interface RuleDescription {
  id: string;
  /** One sentence: what the rule finds. */
  summary: string;
  /** Longer help shown by code scanning next to a result. */
  help: string;
  defaultSeverity: FindingSeverity;
}

/**
 * Where rule descriptions come from, tried in order; the first that knows a code wins. Each
 * table of checks that reports diagnostics (the hunting lints, the rule-file checks) adds one
 * lookup here, so that SARIF carries its descriptions.
 */
const RULE_SOURCES: readonly ((code: string, example: Finding) => RuleDescription | undefined)[] = [
  lintRule,
  ruleCheck,
  limitRule,
  engineRule,
];

/** Hints are not reported, so a lint that defaults to one is described as information. */
function fromSetting(severity: Exclude<LintSeverity, 'off'>): FindingSeverity {
  return severity === 'error' ? 'error' : severity === 'warning' ? 'warning' : 'info';
}

/** The hunting lints' table (language/lints/lintRules.ts). */
function lintRule(code: string): RuleDescription | undefined {
  const rule = ALL_LINT_RULES.find((r) => r.id === code);
  if (!rule) return undefined;
  return {
    id: code,
    summary: rule.description,
    help: `${rule.description}${rule.documentation ? ` ${rule.documentation}` : ''} Hunting lint '${code}': change its severity or turn it off with "lints": { "${code}": "off" } in .kqlhunt.json or the kqlHunting.lints setting.`,
    defaultSeverity: fromSetting(rule.defaultSeverity),
  };
}

/** The Sentinel rule-file checks' table (rules/ruleCheckTable.ts). */
function ruleCheck(code: string): RuleDescription | undefined {
  if (!Object.hasOwn(RULE_CHECKS, code)) return undefined;
  const check = RULE_CHECKS[code as keyof typeof RULE_CHECKS];
  return {
    id: code,
    summary: check.description,
    help: `${check.description} Sentinel rule check '${code}', made on analytic rule and hunting query YAML as Sentinel's own template validation does.`,
    defaultSeverity: fromSetting(check.severity),
  };
}

/** The input limits (language/inputLimits.ts): the marked KQL was not checked at all. */
function limitRule(code: string): RuleDescription | undefined {
  if (!isLimitCode(code)) return undefined;
  return {
    id: code,
    summary: LIMIT_SUMMARY[code],
    help: `${LIMIT_SUMMARY[code]} The KQL marked was not checked, so this is an error by default: split the file or query, or raise the limit. "lints": { "${code}": "warning" } lowers it.`,
    defaultSeverity: 'error',
  };
}

/**
 * Kusto.Language's own diagnostics have codes such as KS142. The engine publishes no table of
 * them, so the severity is the one it gave the first finding.
 */
function engineRule(code: string, example: Finding): RuleDescription | undefined {
  if (!/^KS\d+$/.test(code)) return undefined;
  return {
    id: code,
    summary: `Kusto.Language diagnostic ${code}, for example: ${example.message.replace(/\s*\r?\n\s*/g, ' ')}`,
    help: `Reported by Microsoft's Kusto.Language engine (the one behind Azure Data Explorer, Microsoft Sentinel and Defender XDR advanced hunting) while parsing and binding the query against the schema. The result's message says what is wrong at the marked range.`,
    defaultSeverity: example.severity,
  };
}

/**
 * Descriptions for every code among the findings, sorted by id. A code that no table knows is
 * described from its first finding, so that SARIF always has a rule for each result.
 */
export function describeRules(findings: readonly Finding[]): RuleDescription[] {
  const byCode = new Map<string, RuleDescription>();
  for (const f of findings) {
    if (byCode.has(f.code)) continue;
    let found: RuleDescription | undefined;
    for (const source of RULE_SOURCES) {
      found = source(f.code, f);
      if (found) break;
    }
    byCode.set(
      f.code,
      found ?? {
        id: f.code,
        summary: `${f.code}: ${f.message}`,
        help: f.message,
        defaultSeverity: f.severity,
      },
    );
  }
  return [...byCode.values()].sort((a, b) => a.id.localeCompare(b.id));
}
