import { armRuleFromYaml, yamlFromArmRule, type ArmAlertRule } from './plan/sentinelRuleFields';
import { planRules, type RulePlan } from './plan/rulePlan';
import { isFileKind, type DeployedAlertRule } from './sentinelRulesClient';
import type { SentinelRuleFile } from '../cli/deployFiles';

/**
 * The Sentinel side of `kqlhunt deploy` and `pull`: the plan of repository rules against the
 * workspace's analytic rules, and applying it. A PUT replaces the whole rule, so the comparison
 * covers the fields on both sides: a field set in the portal and missing from the file is a
 * change (it would be removed).
 */

/** A deployed rule's fields as they would read if written to a file and deployed again. */
export function normalizedDeployed(rule: DeployedAlertRule): ArmAlertRule | undefined {
  if (!isFileKind(rule.kind)) return undefined;
  const mapped = armRuleFromYaml(
    yamlFromArmRule(rule.name, { kind: rule.kind, properties: rule.properties }),
  );
  return mapped.ok ? mapped.rule : undefined;
}

/** Both the kind and the properties are compared; a rule whose kind changes must be recreated. */
function comparable(rule: ArmAlertRule): Record<string, unknown> {
  return { kind: rule.kind, ...rule.properties };
}

export function sentinelPlan(
  files: readonly SentinelRuleFile[],
  deployed: readonly DeployedAlertRule[],
): RulePlan<SentinelRuleFile, DeployedAlertRule> {
  const remotes = deployed.filter((d) => isFileKind(d.kind)).map((d) => ({ key: d.name, remote: d }));
  return planRules(
    files.map((f) => ({ key: f.id, rule: f })),
    remotes,
    {
      local: (f) => comparable(f.rule),
      remote: (d) => {
        const n = normalizedDeployed(d);
        return n ? comparable(n) : {};
      },
    },
    { replaces: true, depth: 0 },
  );
}
