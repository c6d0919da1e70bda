import { engineDiagnosticCodes } from './engineCodes';
import { LIMIT_CODES, type LimitCode } from './inputLimits';
import { ALL_LINT_RULES } from './lints/lintRules';
import { RULE_CHECKS } from '../rules/ruleCheckTable';

/**
 * Every diagnostic code this project reports, with what each means: the engine's KS codes, the
 * hunting lints, the rule-file checks and the input limits. Settings files (`lints`), inline
 * suppressions and their completion and hover all read it, so they agree on what a code is.
 */

export const LIMIT_SUMMARY: Record<LimitCode, string> = {
  'KQLH-LIMIT-BINARY': 'A query holds a NUL or many control characters, so it was not analysed.',
  'KQLH-LIMIT-SIZE':
    'A query, or the queries of a file together, passed kqlHunting.limits.maxDocumentSize, so some were not analysed.',
  'KQLH-LIMIT-QUERIES':
    'A file holds more queries than kqlHunting.limits.maxQueries, so the rest were not analysed.',
  'KQLH-LIMIT-NESTING': 'Brackets nest too deeply for a query to be analysed safely.',
};

/**
 * Whether `code` is one a diagnostic can carry. Anything else named in `lints` or in a suppression
 * (a typo, `constructor`) would silently do nothing, which a CI policy must not.
 */
export function isKnownDiagnosticCode(code: string): boolean {
  if (ALL_LINT_RULES.some((r) => r.id === code)) return true;
  if (Object.hasOwn(RULE_CHECKS, code)) return true;
  if ((LIMIT_CODES as readonly string[]).includes(code)) return true;
  // Loading the engine costs a quarter of a second, so only for what looks like an engine code.
  return /^KS\d+$/.test(code) && engineDiagnosticCodes().has(code);
}

/** What a code is, in a sentence; undefined for a code that does not exist. */
export function describeCode(code: string): string | undefined {
  const lint = ALL_LINT_RULES.find((r) => r.id === code);
  if (lint) return `Hunting lint: ${lint.description}`;
  if (Object.hasOwn(RULE_CHECKS, code))
    return `Rule check: ${RULE_CHECKS[code as keyof typeof RULE_CHECKS].description}`;
  if ((LIMIT_CODES as readonly string[]).includes(code))
    return `Input limit: ${LIMIT_SUMMARY[code as LimitCode]}`;
  if (/^KS\d+$/.test(code) && engineDiagnosticCodes().has(code))
    return 'A diagnostic of Kusto.Language, the engine that parses and binds the query against the schema.';
  return undefined;
}

/** Codes that can be suppressed, with their descriptions, for completion: the lints, or the rule checks. */
export function suppressibleCodes(ruleChecks: boolean): { code: string; description: string }[] {
  if (ruleChecks)
    return Object.entries(RULE_CHECKS).map(([code, check]) => ({ code, description: check.description }));
  return [
    ...ALL_LINT_RULES.filter((r) => !r.id.includes('suppression')).map((r) => ({
      code: r.id,
      description: r.description,
    })),
    ...LIMIT_CODES.map((code) => ({ code, description: LIMIT_SUMMARY[code] })),
  ];
}
