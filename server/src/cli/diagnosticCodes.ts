import { engineDiagnosticCodes } from '../language/engineCodes';
import { LIMIT_CODES } from '../language/inputLimits';
import { ALL_LINT_RULES } from '../language/lints/lintRules';
import { RULE_CHECKS } from '../rules/ruleCheckTable';

/**
 * Whether `code` is one a diagnostic can carry, and so one `lints` may set: the engine's KS codes,
 * the hunting lints, the rule-file checks and the input limits. Anything else in `lints` (a typo,
 * `constructor`) would silently do nothing, which a CI policy must not.
 */
export function isKnownDiagnosticCode(code: string): boolean {
  if (ALL_LINT_RULES.some((r) => r.id === code)) return true;
  if (Object.hasOwn(RULE_CHECKS, code)) return true;
  if ((LIMIT_CODES as readonly string[]).includes(code)) return true;
  // Loading the engine costs a quarter of a second, so only for what looks like an engine code.
  return /^KS\d+$/.test(code) && engineDiagnosticCodes().has(code);
}

/** The families of codes, for a message that tells the user what is accepted. */
export function knownCodeFamilies(): string {
  return `the engine's KS codes (such as KS142), the hunting lints (${ALL_LINT_RULES.map((r) => r.id).join(', ')}), the rule checks (yaml-syntax, rule-*) and ${LIMIT_CODES.join(', ')}`;
}
