import { ENTITY_TYPES } from '../entityIdentifiers';
import type { EntityMappingConfiguration } from './detectionRuleShape';
import type { SentinelEntityMapping } from './entityAssets';

/**
 * Sentinel entity mappings and the alert template's `entityMappings` (entityMappingConfiguration).
 * Both name, per entity, which query column fills each of its identifiers, so a mapping carries
 * over field by field. The table holds every Graph kind that shares an identifier with a Sentinel
 * entity type (property names from the beta reference of 2026-05-25); an identifier on one side
 * only (a File's Directory, an IP's scope column, a Process, whose Graph mapping holds only
 * hashes) is listed as not converted.
 */
type GraphKind = keyof EntityMappingConfiguration;

const KINDS: Readonly<Record<GraphKind, { entity: string; columns: Readonly<Record<string, string>> }>> = {
  accounts: {
    entity: 'Account',
    columns: {
      Name: 'nameColumn',
      FullName: 'upnColumn',
      NTDomain: 'ntDomainColumn',
      DnsDomain: 'dnsDomainColumn',
      UPNSuffix: 'upnSuffixColumn',
      Sid: 'sidColumn',
      AadUserId: 'aadUserIdColumn',
    },
  },
  hosts: {
    entity: 'Host',
    columns: {
      HostName: 'nameColumn',
      DnsDomain: 'dnsDomainColumn',
      NTDomain: 'ntDomainColumn',
      NetBiosName: 'netBiosNameColumn',
    },
  },
  mailboxes: { entity: 'Mailbox', columns: { MailboxPrimaryAddress: 'primaryAddressColumn' } },
  ips: { entity: 'IP', columns: { Address: 'addressColumn' } },
  urls: { entity: 'URL', columns: { Url: 'addressColumn' } },
  files: { entity: 'File', columns: { Name: 'nameColumn' } },
  dns: { entity: 'DNS', columns: { DomainName: 'domainNameColumn' } },
  securityGroups: {
    entity: 'SecurityGroup',
    columns: { DistinguishedName: 'distinguishedNameColumn', SID: 'sidColumn', ObjectGuid: 'objectIdColumn' },
  },
  registryValues: { entity: 'RegistryValue', columns: { Name: 'valueNameColumn' } },
  azureResources: { entity: 'AzureResource', columns: { ResourceId: 'resourceIdColumn' } },
  cloudApplications: { entity: 'CloudApplication', columns: { AppId: 'appIdColumn', Name: 'nameColumn' } },
};

const GRAPH_KINDS = Object.keys(KINDS) as GraphKind[];

/** The Sentinel entity types that convert, as the messages name them. */
const CONVERTED_ENTITIES = GRAPH_KINDS.map((k) => KINDS[k].entity).join(', ');

/** The Graph properties that Sentinel has no identifier for, in words. */
const GRAPH_ONLY: Readonly<Record<string, string>> = {
  deviceIdColumn: 'a device id',
  scopeColumn: 'an IP scope',
  sha1Column: 'a SHA-1 hash (a FileHash entity in Sentinel, mapped by hand)',
  sha256Column: 'a SHA-256 hash (a FileHash entity in Sentinel, mapped by hand)',
  keyColumn: 'a registry key (a RegistryKey entity in Sentinel)',
};

export function toAlertEntityMappings(mappings: readonly SentinelEntityMapping[]): {
  entityMappings: EntityMappingConfiguration;
  notConverted: string[];
} {
  const entityMappings: EntityMappingConfiguration = {};
  const notConverted: string[] = [];
  for (const mapping of mappings) {
    const kind = GRAPH_KINDS.find((k) => KINDS[k].entity.toLowerCase() === mapping.entityType.toLowerCase());
    const columns = mapping.fieldMappings.map((f) => f.columnName);
    if (!kind) {
      notConverted.push(
        `The ${mapping.entityType} entity (${columns.join(', ')}) was left out: a custom detection's entity mappings have no ${mapping.entityType} kind with its identifiers (${CONVERTED_ENTITIES} are converted).`,
      );
      continue;
    }
    const item: Record<string, string> = {};
    for (const field of mapping.fieldMappings) {
      const property = KINDS[kind].columns[field.identifier];
      if (property) item[property] = field.columnName;
      else
        notConverted.push(
          `The ${mapping.entityType} identifier ${field.identifier} (column ${field.columnName}) has no counterpart in a custom detection's ${kind} mapping.`,
        );
    }
    if (Object.keys(item).length > 0) (entityMappings[kind] ??= []).push(item);
  }
  return { entityMappings, notConverted };
}

export function fromAlertEntityMappings(configuration: unknown): {
  mappings: SentinelEntityMapping[];
  notConverted: string[];
} {
  const mappings: SentinelEntityMapping[] = [];
  const notConverted: string[] = [];
  if (!configuration || typeof configuration !== 'object' || Array.isArray(configuration))
    return { mappings, notConverted };
  for (const [key, items] of Object.entries(configuration as Record<string, unknown>)) {
    if (key.startsWith('@odata.')) continue;
    const kind = GRAPH_KINDS.find((k) => k === key);
    const list = Array.isArray(items) ? items : [];
    if (!kind) {
      if (list.length > 0)
        notConverted.push(
          `The '${key}' entity mappings were left out: Sentinel has no entity type with its identifiers (${GRAPH_KINDS.join(', ')} are converted).`,
        );
      continue;
    }
    const { entity, columns } = KINDS[kind];
    for (const raw of list) {
      const item = raw && typeof raw === 'object' ? (raw as Record<string, unknown>) : {};
      const fieldMappings: { identifier: string; columnName: string }[] = [];
      for (const [property, column] of Object.entries(item)) {
        if (property.startsWith('@odata.') || typeof column !== 'string' || !column) continue;
        const identifier = Object.keys(columns).find((id) => columns[id] === property);
        if (identifier) fieldMappings.push({ identifier, columnName: column });
        else
          notConverted.push(
            `The ${kind} mapping's ${property} (column ${column}) has no Sentinel ${entity} identifier${GRAPH_ONLY[property] ? ` for ${GRAPH_ONLY[property]}` : ''}.`,
          );
      }
      const mapped = new Set(fieldMappings.map((f) => f.identifier));
      const strong = ENTITY_TYPES[entity].required.some((combo) => combo.every((id) => mapped.has(id)));
      if (!strong) {
        if (fieldMappings.length > 0)
          notConverted.push(
            `The ${entity} entity from ${fieldMappings.map((f) => f.columnName).join(', ')} was left out: Sentinel needs one of ${ENTITY_TYPES[entity].required.map((c) => c.join('+')).join(', ')} to identify it.`,
          );
        continue;
      }
      mappings.push({ entityType: entity, fieldMappings });
    }
  }
  return { mappings, notConverted };
}
