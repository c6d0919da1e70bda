/**
 * The Microsoft Graph `detectionRule` (Defender XDR custom detection) as this product reads and
 * writes it: the beta `security/rules/detectionRules` shape with `schedule.period` and
 * `alertTemplate.impactedAssets`. Sources:
 * - https://learn.microsoft.com/graph/api/resources/security-detectionrule?view=graph-rest-beta
 * - https://learn.microsoft.com/graph/api/resources/security-alerttemplate?view=graph-rest-beta
 * - https://learn.microsoft.com/graph/api/resources/security-ruleschedule?view=graph-rest-beta
 * - https://learn.microsoft.com/graph/api/resources/security-impacteddeviceasset?view=graph-rest-beta
 *   (and security-impacteduserasset, security-impactedmailboxasset)
 * Graph has since announced a newer shape (`schedule.frequency`/`lookback`, `status`,
 * `alertTemplate.entityMappings` and `tactics`) and the removal of `period` and `impactedAssets`
 * on 2026-10-01; the reader below accepts `frequency` and `lookback` too, the writer keeps the shape
 * the deploy path and its stand-in server implement.
 */
export interface DetectionRule {
  '@odata.type'?: string;
  id?: string;
  displayName: string;
  isEnabled: boolean;
  queryCondition: { queryText: string };
  schedule: { period: string; frequency?: string; lookback?: string };
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
  category: string;
  recommendedActions?: string;
  mitreTechniques: string[];
  impactedAssets: ImpactedAsset[];
}

export type GraphSeverity = 'informational' | 'low' | 'medium' | 'high';
export const GRAPH_SEVERITIES: readonly GraphSeverity[] = ['informational', 'low', 'medium', 'high'];

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

/** The identifier of `kind` that names `column` (compared ignoring case), if any. */
export function identifierForColumn(kind: AssetKind, column: string): string | undefined {
  const lower = column.toLowerCase();
  return Object.entries(ASSET_IDENTIFIERS[kind]).find(([, c]) => c.toLowerCase() === lower)?.[0];
}

/**
 * Schedule periods a custom detection accepts: "0" runs continuously (near real time), the others
 * every 1, 3, 12 or 24 hours (security-ruleschedule, beta). The look-back of each comes from
 * https://learn.microsoft.com/defender-xdr/custom-detection-rules#rule-frequency ("Every hour ...
 * checking data from the past 4 hours"); the 30 days of the daily rule is longer than any Sentinel
 * rule may look back.
 */
export const DEFENDER_PERIODS = ['0', '1H', '3H', '12H', '24H'] as const;
export type DefenderPeriod = (typeof DEFENDER_PERIODS)[number];

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

/** The period of the same length, reading the newer ISO 8601 `frequency` too (PT1H, P1D, PT0S). */
export function periodOf(text: string): DefenderPeriod | undefined {
  const trimmed = text.trim().toUpperCase();
  const direct = DEFENDER_PERIODS.find((p) => p === trimmed);
  if (direct) return direct;
  const minutes = isoDurationMinutes(trimmed);
  return DEFENDER_PERIODS.find((p) => PERIOD_MINUTES[p] === minutes);
}

/** Minutes in an ISO 8601 duration of days, hours, minutes and seconds, or undefined. */
export function isoDurationMinutes(text: string): number | undefined {
  const m = /^P(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?)?$/i.exec(text.trim());
  if (!m || text.trim().toUpperCase() === 'P' || /T$/i.test(text.trim())) return undefined;
  const [, d, h, min, s] = m;
  return Number(d ?? 0) * 1440 + Number(h ?? 0) * 60 + Number(min ?? 0) + Number(s ?? 0) / 60;
}
