import { LIMIT_CODES } from '../language/inputLimits';
import { ALL_LINT_RULES } from '../language/lints/lintRules';

/** The families of codes, for a message that tells the user what is accepted. */
export function knownCodeFamilies(): string {
  return `the engine's KS codes (such as KS142), the hunting lints (${ALL_LINT_RULES.map((r) => r.id).join(', ')}), the rule checks (yaml-syntax, rule-*) and ${LIMIT_CODES.join(', ')}`;
}
