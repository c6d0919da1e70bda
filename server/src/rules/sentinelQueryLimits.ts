import type { ParsedRuleYaml } from '../documents/ruleYaml';
import type { FindingList } from './ruleFindings';

/**
 * What Sentinel refuses in an analytic rule's query beyond its length: "The query length should be
 * between 1 and 10,000 characters and cannot contain `search *` or `union *`"
 * (https://learn.microsoft.com/azure/sentinel/scheduled-rules-overview#rule-query). The length is
 * checked with the other field limits (metadataChecks.ts); the hunting lints report the same
 * operators as a cost, which for a rule is not enough since the rule cannot be saved.
 * Strings and comments are blanked first so that text inside them is not taken for the operator.
 */
const WILDCARD =
  /(?:^|\|)\s*(union)\s+(?:(?:kind|withsource|isfuzzy)\s*=\s*\w+\s+)*\*|(?:^|\|)\s*(search)\s+(?:(?:kind)\s*=\s*\w+\s+)?\*/gm;

export function sentinelQueryLimits(rule: ParsedRuleYaml, out: FindingList): void {
  if (rule.type === 'hunting' || !rule.region) return;
  const region = rule.region;
  const code = blankStringsAndComments(region.text);
  for (const match of code.matchAll(WILDCARD)) {
    const operator = match[1] ?? match[2];
    const start = match.index + match[0].indexOf(operator);
    const end = match.index + match[0].length;
    out.add(
      'rule-query-wildcard',
      { range: [region.toDocumentOffset(start), region.toDocumentOffset(end)] },
      { value: `${operator} *` },
    );
  }
}

/** The text with string literals and `//` comments replaced by spaces, offsets unchanged. */
function blankStringsAndComments(text: string): string {
  return text.replace(/\/\/[^\n]*|@?"(?:[^"\\\n]|\\.)*"|@?'(?:[^'\\\n]|\\.)*'/g, (m) => ' '.repeat(m.length));
}
