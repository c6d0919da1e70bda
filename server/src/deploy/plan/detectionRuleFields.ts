/**
 * Microsoft Graph custom detection rules (beta `security/rules/detectionRules`) as files hold
 * them: the detectionRule object itself, in a `*.detection.json` file. The fields below are set by
 * the service and never deployed or compared; the shape the product writes is in
 * rules/convert/detectionRuleShape.ts. Resource reference:
 * https://learn.microsoft.com/en-us/graph/api/resources/security-detectionrule?view=graph-rest-beta
 */
const SERVICE_FIELDS = new Set([
  'id',
  'createdBy',
  'createdDateTime',
  'lastModifiedBy',
  'lastModifiedDateTime',
  'lastRunDetails',
  'detectorId',
]);

/** A detectionRule without the fields the service owns (and without OData annotations). */
export function deployableDetectionFields(rule: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(rule).filter(([key]) => !SERVICE_FIELDS.has(key) && !key.startsWith('@odata.')),
  );
}

/** Why an object cannot be deployed as a detectionRule, or undefined when it can. */
export function detectionRuleProblem(rule: unknown): string | undefined {
  if (!rule || typeof rule !== 'object' || Array.isArray(rule))
    return 'a detection rule must be a JSON object';
  const r = rule as Record<string, unknown>;
  if (typeof r.displayName !== 'string' || !r.displayName.trim())
    return "a detection rule needs a 'displayName'";
  const condition = r.queryCondition as Record<string, unknown> | undefined;
  if (!condition || typeof condition.queryText !== 'string')
    return "a detection rule needs 'queryCondition.queryText'";
  return undefined;
}

/**
 * The id a file's rule is deployed under: the id it holds when that rule is deployed, else the id
 * of the deployed rule with its display name (Graph assigns ids, so a new file has none, and a
 * rule deleted in the portal leaves a stale one), else a name for a rule to create. Matching by
 * name keeps a second deployment from creating the rule twice.
 */
export function detectionRuleKey(
  rule: Record<string, unknown>,
  deployed: readonly Record<string, unknown>[],
): string {
  if (typeof rule.id === 'string' && rule.id && deployed.some((d) => d.id === rule.id)) return rule.id;
  const same = deployed.find((d) => d.displayName === rule.displayName && typeof d.id === 'string');
  return same ? String(same.id) : `new:${String(rule.displayName)}`;
}
