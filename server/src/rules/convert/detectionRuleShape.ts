/**
 * The Microsoft Graph `detectionRule` (Defender XDR custom detection) as this product writes it:
 * `security/rules/detectionRules` with `schedule.frequency` (and `lookback`) and the alert
 * template's `tactics` and `entityMappings`. Graph deprecated `schedule.period`,
 * `schedule.nextRunDateTime`, `alertTemplate.category`, `mitreTechniques` and `impactedAssets`
 * and announced their removal on 2026-10-01, so they are only read (files written by older
 * versions of this product, tenants that still return them), never written. The look-back is
 * documented on beta only (v1.0's ruleSchedule has `frequency` alone), so the rule is written
 * in the beta shape with the newer properties. Sources:
 * - https://learn.microsoft.com/graph/api/resources/security-detectionrule?view=graph-rest-beta
 * - https://learn.microsoft.com/graph/api/resources/security-detectionrule?view=graph-rest-1.0
 * - https://learn.microsoft.com/graph/api/resources/security-ruleschedule?view=graph-rest-beta
 * - https://learn.microsoft.com/graph/api/resources/security-alerttemplate?view=graph-rest-beta
 * - https://learn.microsoft.com/graph/api/resources/security-mitretactic?view=graph-rest-1.0
 * - https://learn.microsoft.com/graph/api/resources/security-mitretechnique?view=graph-rest-1.0
 * - https://learn.microsoft.com/graph/api/resources/security-entitymappingconfiguration?view=graph-rest-1.0
 * - https://learn.microsoft.com/graph/api/resources/security-accountentitymapping?view=graph-rest-beta
 * - https://learn.microsoft.com/graph/api/resources/security-hostentitymapping?view=graph-rest-1.0
 * - https://learn.microsoft.com/graph/api/resources/security-mailboxentitymapping?view=graph-rest-beta
 * - (read only) https://learn.microsoft.com/graph/api/resources/security-impactedasset?view=graph-rest-beta
 */
export interface DetectionRule {
  '@odata.type'?: string;
  id?: string;
  displayName: string;
  isEnabled: boolean;
  queryCondition: { queryText: string };
  schedule: { frequency: string; lookback?: string };
  detectionAction: {
    alertTemplate: AlertTemplate;
    organizationalScope?: unknown;
    responseActions: unknown[];
  };
}

export interface AlertTemplate {
  title: string;
  description: string;
  severity: GraphSeverity;
  recommendedActions?: string;
  tactics: MitreTactic[];
  entityMappings: EntityMappingConfiguration;
}

export interface MitreTactic {
  tactic: string;
  techniques: MitreTechnique[];
}

export interface MitreTechnique {
  technique: string;
  subTechniques: string[];
}

/**
 * The entity kinds a Sentinel mapping and a custom detection share, with each kind's columns.
 * The property names are those of entityMappingConfiguration (beta, as documented 2026-05-25):
 * each holds a collection of the kind's entity mapping (`accounts` accountEntityMapping, `ips`
 * ipEntityMapping, ...).
 */
export interface EntityMappingConfiguration {
  accounts?: Record<string, string>[];
  hosts?: Record<string, string>[];
  mailboxes?: Record<string, string>[];
  ips?: Record<string, string>[];
  urls?: Record<string, string>[];
  files?: Record<string, string>[];
  dns?: Record<string, string>[];
  securityGroups?: Record<string, string>[];
  registryValues?: Record<string, string>[];
  azureResources?: Record<string, string>[];
  cloudApplications?: Record<string, string>[];
}

export type GraphSeverity = 'informational' | 'low' | 'medium' | 'high';
export const GRAPH_SEVERITIES: readonly GraphSeverity[] = ['informational', 'low', 'medium', 'high'];

/** The removed `impactedAssets` shape, still read (entityAssets.ts) and checked. */
export type AssetKind = 'device' | 'user' | 'mailbox';

export interface ImpactedAsset {
  '@odata.type': string;
  identifier: string;
}

export const ASSET_ODATA_TYPES: Readonly<Record<AssetKind, string>> = {
  device: '#microsoft.graph.security.impactedDeviceAsset',
  user: '#microsoft.graph.security.impactedUserAsset',
  mailbox: '#microsoft.graph.security.impactedMailboxAsset',
};

export function assetKindOf(odataType: string): AssetKind | undefined {
  const bare = odataType.replace(/^#/, '').toLowerCase();
  return (Object.keys(ASSET_ODATA_TYPES) as AssetKind[]).find(
    (kind) => ASSET_ODATA_TYPES[kind].replace(/^#/, '').toLowerCase() === bare,
  );
}

/**
 * Each asset identifier with the query column it names. The identifiers are the documented enum
 * values (deviceAssetIdentifier, userAssetIdentifier, mailboxAssetIdentifier); most are a column name
 * with its first letter lowered. Where an enum value is not a column of the advanced hunting
 * schema (`initiatingAccountSid`, `processAccountObjectId`, ...), the column is the one the
 * custom detection page lists for that role (InitiatingProcessAccountSid, ...).
 */
export const ASSET_IDENTIFIERS: Readonly<Record<AssetKind, Readonly<Record<string, string>>>> = {
  device: {
    deviceId: 'DeviceId',
    deviceName: 'DeviceName',
    remoteDeviceName: 'RemoteDeviceName',
    targetDeviceName: 'TargetDeviceName',
    destinationDeviceName: 'DestinationDeviceName',
  },
  user: {
    accountObjectId: 'AccountObjectId',
    accountSid: 'AccountSid',
    accountUpn: 'AccountUpn',
    accountName: 'AccountName',
    accountDomain: 'AccountDomain',
    accountId: 'AccountId',
    requestAccountSid: 'RequestAccountSid',
    requestAccountName: 'RequestAccountName',
    requestAccountDomain: 'RequestAccountDomain',
    recipientObjectId: 'RecipientObjectId',
    processAccountObjectId: 'InitiatingProcessAccountObjectId',
    initiatingAccountSid: 'InitiatingProcessAccountSid',
    initiatingProcessAccountUpn: 'InitiatingProcessAccountUpn',
    initiatingAccountName: 'InitiatingProcessAccountName',
    initiatingAccountDomain: 'InitiatingProcessAccountDomain',
    servicePrincipalId: 'ServicePrincipalId',
    servicePrincipalName: 'ServicePrincipalName',
    targetAccountUpn: 'TargetAccountUpn',
  },
  mailbox: {
    accountUpn: 'AccountUpn',
    fileOwnerUpn: 'FileOwnerUpn',
    initiatingProcessAccountUpn: 'InitiatingProcessAccountUpn',
    lastModifyingAccountUpn: 'LastModifyingAccountUpn',
    targetAccountUpn: 'TargetAccountUpn',
    senderFromAddress: 'SenderFromAddress',
    senderDisplayName: 'SenderDisplayName',
    recipientEmailAddress: 'RecipientEmailAddress',
    senderMailFromAddress: 'SenderMailFromAddress',
  },
};

/**
 * Frequencies a custom detection accepts, kept under the short names the product used for the
 * removed `period` ("0" runs continuously, near real time; the others every 1, 3, 12 or 24
 * hours). The documented `frequency` is an ISO 8601 duration (PT1H, P1D); a zero duration is
 * the near-real-time rule, which takes no `lookback`. The look-back the service derives when
 * none is given comes from https://learn.microsoft.com/defender-xdr/custom-detection-rules#rule-frequency
 * ("Every hour ... checking data from the past 4 hours"); the 30 days of the daily rule is longer
 * than any Sentinel rule may look back.
 */
export const DEFENDER_PERIODS = ['0', '1H', '3H', '12H', '24H'] as const;
export type DefenderPeriod = (typeof DEFENDER_PERIODS)[number];

/** The ISO 8601 `frequency` written for each period. */
export const FREQUENCY_OF: Readonly<Record<DefenderPeriod, string>> = {
  '0': 'PT0S',
  '1H': 'PT1H',
  '3H': 'PT3H',
  '12H': 'PT12H',
  '24H': 'P1D',
};

/** The allowed frequencies as messages name them. */
export const FREQUENCY_LIST = 'PT0S (continuous), PT1H, PT3H, PT12H or P1D';

export const PERIOD_MINUTES: Readonly<Record<DefenderPeriod, number>> = {
  '0': 0,
  '1H': 60,
  '3H': 180,
  '12H': 720,
  '24H': 1440,
};

export const PERIOD_LOOKBACK_MINUTES: Readonly<Record<DefenderPeriod, number>> = {
  '0': 0,
  '1H': 4 * 60,
  '3H': 12 * 60,
  '12H': 48 * 60,
  '24H': 30 * 1440,
};

/** The period of an ISO 8601 `frequency` (PT1H, P1D, PT0S), or of a removed `period` value ("1H"). */
export function periodOf(text: string): DefenderPeriod | undefined {
  const trimmed = text.trim().toUpperCase();
  const direct = DEFENDER_PERIODS.find((p) => p === trimmed);
  if (direct) return direct;
  const minutes = isoDurationMinutes(trimmed);
  return DEFENDER_PERIODS.find((p) => PERIOD_MINUTES[p] === minutes);
}

/** An ISO 8601 duration of whole minutes, as `lookback` is written (PT4H, P2D, PT90M). */
export function isoDuration(minutes: number): string {
  if (minutes === 0) return 'PT0S';
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  const rest = minutes % 60;
  const time = `${hours ? `${hours}H` : ''}${rest ? `${rest}M` : ''}`;
  return `P${days ? `${days}D` : ''}${time ? `T${time}` : ''}`;
}

/** Minutes in an ISO 8601 duration of days, hours, minutes and seconds, or undefined. */
export function isoDurationMinutes(text: string): number | undefined {
  const m = /^P(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?)?$/i.exec(text.trim());
  if (!m || text.trim().toUpperCase() === 'P' || /T$/i.test(text.trim())) return undefined;
  const [, d, h, min, s] = m;
  return Number(d ?? 0) * 1440 + Number(h ?? 0) * 60 + Number(min ?? 0) + Number(s ?? 0) / 60;
}
