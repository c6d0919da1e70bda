import { ASSET_IDENTIFIERS, assetKindOf, type AssetKind, type ImpactedAsset } from './detectionRuleShape';

/**
 * Defender impacted assets, the removed predecessor of the alert template's `entityMappings`,
 * read into Sentinel entity mappings (files written by older versions of this product and tenants
 * that still return them). An impacted asset names one query column per kind of asset (device,
 * user, mailbox) from a fixed list, so each becomes a Host, Account or Mailbox entity with one
 * field. https://learn.microsoft.com/graph/api/resources/security-impactedasset?view=graph-rest-beta
 */
export interface SentinelFieldMapping {
  readonly identifier: string;
  readonly columnName: string;
}

export interface SentinelEntityMapping {
  readonly entityType: string;
  readonly fieldMappings: readonly SentinelFieldMapping[];
}

/**
 * The Sentinel identifier each asset identifier fills: device names are host names, user object
 * ids are Entra (AAD) user ids, SIDs are SIDs, UPNs are full names, mailbox columns are the
 * mailbox's primary address. A device id has no Sentinel Host identifier.
 */
const SENTINEL_IDENTIFIER: Readonly<Record<AssetKind, Readonly<Record<string, string | undefined>>>> = {
  device: {
    deviceId: undefined,
    deviceName: 'HostName',
    remoteDeviceName: 'HostName',
    targetDeviceName: 'HostName',
    destinationDeviceName: 'HostName',
  },
  user: {
    accountObjectId: 'AadUserId',
    accountSid: 'Sid',
    accountUpn: 'FullName',
    accountName: 'Name',
    accountDomain: 'NTDomain',
    accountId: undefined,
    requestAccountSid: 'Sid',
    requestAccountName: 'Name',
    requestAccountDomain: 'NTDomain',
    recipientObjectId: 'AadUserId',
    processAccountObjectId: 'AadUserId',
    initiatingAccountSid: 'Sid',
    initiatingProcessAccountUpn: 'FullName',
    initiatingAccountName: 'Name',
    initiatingAccountDomain: 'NTDomain',
    servicePrincipalId: undefined,
    servicePrincipalName: undefined,
    targetAccountUpn: 'FullName',
  },
  mailbox: {
    senderDisplayName: 'DisplayName',
  },
};

const ENTITY_OF_KIND: Readonly<Record<AssetKind, string>> = {
  device: 'Host',
  user: 'Account',
  mailbox: 'Mailbox',
};

/** Names and domains alone do not identify an account or host in Sentinel (entities-reference). */
const WEAK: ReadonlySet<string> = new Set(['Name', 'NTDomain', 'DisplayName']);

export function assetsToEntityMappings(assets: readonly unknown[]): {
  mappings: SentinelEntityMapping[];
  notConverted: string[];
} {
  const mappings: SentinelEntityMapping[] = [];
  const notConverted: string[] = [];
  for (const raw of assets) {
    const asset = raw as Partial<ImpactedAsset> | null;
    const kind = typeof asset?.['@odata.type'] === 'string' ? assetKindOf(asset['@odata.type']) : undefined;
    const identifier = typeof asset?.identifier === 'string' ? asset.identifier : undefined;
    if (!kind || !identifier) {
      notConverted.push(`The impacted asset ${JSON.stringify(raw)} is not a device, user or mailbox asset.`);
      continue;
    }
    const column = ASSET_IDENTIFIERS[kind][identifier];
    if (!column) {
      notConverted.push(`'${identifier}' is not an identifier of a Defender ${kind} asset.`);
      continue;
    }
    const sentinelIdentifier =
      kind === 'mailbox'
        ? (SENTINEL_IDENTIFIER.mailbox[identifier] ?? 'MailboxPrimaryAddress')
        : SENTINEL_IDENTIFIER[kind][identifier];
    if (!sentinelIdentifier || WEAK.has(sentinelIdentifier)) {
      notConverted.push(
        `The ${kind} asset ${identifier} (column ${column}) has no Sentinel ${ENTITY_OF_KIND[kind]} identifier that identifies it alone.`,
      );
      continue;
    }
    mappings.push({
      entityType: ENTITY_OF_KIND[kind],
      fieldMappings: [{ identifier: sentinelIdentifier, columnName: column }],
    });
  }
  return { mappings, notConverted };
}
