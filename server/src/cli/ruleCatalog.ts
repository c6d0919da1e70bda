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
const RULE_SOURCES: readonly ((code: string, example: Finding) => RuleDescription | undefined)[] = [engineRule];

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
    byCode.set(f.code, found ?? { id: f.code, summary: `${f.code}: ${f.message}`, help: f.message, defaultSeverity: f.severity });
  }
  return [...byCode.values()].sort((a, b) => a.id.localeCompare(b.id));
}
