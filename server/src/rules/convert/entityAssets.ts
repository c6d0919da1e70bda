import {
  ASSET_IDENTIFIERS,
  ASSET_ODATA_TYPES,
  assetKindOf,
  identifierForColumn,
  type AssetKind,
  type ImpactedAsset,
} from './detectionRuleShape';

/**
 * Sentinel entity mappings and Defender impacted assets. A Sentinel mapping names an entity type
 * and which query column fills each identifier; a Defender impacted asset names one query column
 * per kind of asset (device, user, mailbox), and only columns from a fixed list. So Host, Account
 * and Mailbox entities carry over through the column they map, and other entity types (IP, URL,
 * File, ...) have no counterpart. "You can select only one column for each entity type (mailbox,
 * user, or device)": https://learn.microsoft.com/defender-xdr/custom-detection-rules#3-choose-the-impacted-entities
 */
export interface SentinelFieldMapping {
  readonly identifier: string;
  readonly columnName: string;
}

export interface SentinelEntityMapping {
  readonly entityType: string;
  readonly fieldMappings: readonly SentinelFieldMapping[];
}

const KIND_OF_ENTITY: Readonly<Record<string, AssetKind>> = {
  host: 'device',
  account: 'user',
  mailbox: 'mailbox',
};

export function entityMappingsToAssets(mappings: readonly SentinelEntityMapping[]): {
  assets: ImpactedAsset[];
  notConverted: string[];
} {
  const chosen = new Map<AssetKind, { asset: ImpactedAsset; column: string }>();
  const notConverted: string[] = [];
  for (const mapping of mappings) {
    const kind = KIND_OF_ENTITY[mapping.entityType.toLowerCase()];
    const columns = mapping.fieldMappings.map((f) => f.columnName);
    if (!kind) {
      notConverted.push(
        `The ${mapping.entityType} entity (${columns.join(', ')}) has no impacted-asset counterpart in a Defender custom detection.`,
      );
      continue;
    }
    // Of the mapped columns, the first that Defender accepts for this kind of asset.
    const usable = mapping.fieldMappings
      .map((f) => ({ column: f.columnName, identifier: identifierForColumn(kind, f.columnName) }))
      .find((f) => f.identifier !== undefined);
    if (!usable) {
      notConverted.push(
        `The ${mapping.entityType} entity maps ${columns.join(', ')}; a Defender ${kind} asset takes one of the columns ${Object.values(ASSET_IDENTIFIERS[kind]).join(', ')}.`,
      );
      continue;
    }
    const earlier = chosen.get(kind);
    if (earlier) {
      notConverted.push(
        `The ${mapping.entityType} entity from ${usable.column} was left out: a Defender custom detection takes one ${kind} column and ${earlier.column} is already mapped.`,
      );
      continue;
    }
    chosen.set(kind, {
      asset: { '@odata.type': ASSET_ODATA_TYPES[kind], identifier: usable.identifier! },
      column: usable.column,
    });
  }
  return { assets: [...chosen.values()].map((c) => c.asset), notConverted };
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
