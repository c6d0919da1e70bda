import { deployableDetectionFields, detectionRuleKey } from './plan/detectionRuleFields';
import { planRules, type RulePlan } from './plan/rulePlan';
import type { DetectionRuleFile } from '../cli/deployFiles';

/**
 * The Defender side of `kqlhunt deploy` and `pull`: repository detectionRule objects against the
 * tenant's custom detections. Graph updates with PATCH, which leaves unnamed fields alone, so only
 * the file's fields are compared, nested objects field by field.
 */
export function defenderPlan(
  files: readonly DetectionRuleFile[],
  deployed: readonly Record<string, unknown>[],
): RulePlan<DetectionRuleFile, Record<string, unknown>> {
  return planRules(
    files.map((f) => ({ key: detectionRuleKey(f.rule, deployed), rule: f })),
    deployed.map((d) => ({ key: String(d.id), remote: d })),
    {
      local: (f) => deployableDetectionFields(f.rule),
      remote: (d) => deployableDetectionFields(d),
    },
    { replaces: false, depth: 3 },
  );
}

/** The top-level fields a PATCH must send for a change: each changed field's whole new value. */
export function patchBody(file: DetectionRuleFile, changedPaths: readonly string[]): Record<string, unknown> {
  const local = deployableDetectionFields(file.rule);
  const top = new Set(changedPaths.map((p) => p.split('.')[0]));
  return Object.fromEntries(Object.entries(local).filter(([k]) => top.has(k)));
}
