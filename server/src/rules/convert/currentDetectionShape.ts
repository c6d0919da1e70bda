import { toDefenderTactics, toSentinelAttack } from './attackFields';
import {
  ASSET_IDENTIFIERS,
  assetKindOf,
  FREQUENCY_OF,
  periodOf,
  type AssetKind,
  type EntityMappingConfiguration,
} from './detectionRuleShape';

/**
 * A detectionRule in the shape Graph documents since 2026-10-01, from one that may still hold the
 * removed properties (a tenant that returns them, a file an older version of this product wrote).
 * `schedule.period` becomes `frequency`, `category` and `mitreTechniques` become `tactics`, and
 * each impacted asset becomes the entity mapping that names the same column; `nextRunDateTime`
 * is the service's and is dropped. A rule already in the current shape comes back unchanged.
 */
export function currentDetectionShape(rule: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...rule };
  const schedule = asObject(rule.schedule);
  if (schedule && ('period' in schedule || 'nextRunDateTime' in schedule)) {
    const rest = { ...schedule };
    const period = rest.period;
    delete rest.period;
    delete rest.nextRunDateTime;
    const known = typeof period === 'string' ? periodOf(period) : undefined;
    out.schedule = {
      ...(rest.frequency === undefined && period !== undefined
        ? { frequency: known ? FREQUENCY_OF[known] : period }
        : {}),
      ...rest,
    };
  }
  const action = asObject(rule.detectionAction);
  const template = asObject(action?.alertTemplate);
  if (!action || !template) return out;
  const { category, mitreTechniques, impactedAssets, ...kept } = template;
  if (category === undefined && mitreTechniques === undefined && impactedAssets === undefined) return out;
  const techniques = Array.isArray(mitreTechniques)
    ? mitreTechniques.filter((t): t is string => typeof t === 'string')
    : [];
  if (kept.tactics === undefined && (category !== undefined || techniques.length > 0)) {
    const attack = toSentinelAttack(typeof category === 'string' ? category : undefined, techniques);
    kept.tactics = toDefenderTactics(attack.tactics, attack.relevantTechniques).tactics;
  }
  if (kept.entityMappings === undefined && Array.isArray(impactedAssets))
    kept.entityMappings = entityMappingsOfAssets(impactedAssets);
  out.detectionAction = { ...action, alertTemplate: kept };
  return out;
}

/** The entity-mapping property that names the same column as an impacted-asset identifier. */
function propertyOf(
  kind: AssetKind,
  identifier: string,
): [keyof EntityMappingConfiguration, string] | undefined {
  if (kind === 'mailbox')
    return identifier === 'senderDisplayName' ? undefined : ['mailboxes', 'primaryAddressColumn'];
  if (kind === 'device') return ['hosts', identifier === 'deviceId' ? 'deviceIdColumn' : 'nameColumn'];
  if (/^(accountId|servicePrincipal\w*)$/.test(identifier)) return undefined;
  const property = /ObjectId$/.test(identifier)
    ? 'aadUserIdColumn'
    : /Sid$/.test(identifier)
      ? 'sidColumn'
      : /Upn$/.test(identifier)
        ? 'upnColumn'
        : /Domain$/.test(identifier)
          ? 'ntDomainColumn'
          : 'nameColumn';
  return ['accounts', property];
}

function entityMappingsOfAssets(assets: readonly unknown[]): EntityMappingConfiguration {
  const configuration: EntityMappingConfiguration = {};
  for (const raw of assets) {
    const asset = asObject(raw);
    const type = asset?.['@odata.type'];
    const identifier = asset?.identifier;
    const kind = typeof type === 'string' ? assetKindOf(type) : undefined;
    if (!kind || typeof identifier !== 'string') continue;
    const column = ASSET_IDENTIFIERS[kind][identifier];
    const target = propertyOf(kind, identifier);
    if (column && target) (configuration[target[0]] ??= []).push({ [target[1]]: column });
  }
  return configuration;
}

function asObject(value: unknown): Record<string, unknown> | undefined {
  return value && typeof value === 'object' && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined;
}
