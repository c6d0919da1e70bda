/**
 * Sentinel entity types for `entityMappings`, each with the identifiers it accepts and the
 * combinations of which at least one must be mapped for the entity to be created.
 */
export interface EntityTypeInfo {
  readonly identifiers: readonly string[];
  /** Each inner list is a combination that suffices on its own. */
  readonly required: readonly (readonly string[])[];
}

const one = (...names: string[]) => names.map((n) => [n]);

export const ENTITY_TYPES: Readonly<Record<string, EntityTypeInfo>> = {
  Account: {
    identifiers: [
      'Name',
      'FullName',
      'NTDomain',
      'DnsDomain',
      'UPNSuffix',
      'Sid',
      'AadTenantId',
      'AadUserId',
      'PUID',
      'IsDomainJoined',
      'DisplayName',
      'ObjectGuid',
    ],
    required: one('FullName', 'Sid', 'Name', 'AadUserId', 'PUID', 'ObjectGuid'),
  },
  Host: {
    identifiers: [
      'DnsDomain',
      'NTDomain',
      'HostName',
      'FullName',
      'NetBiosName',
      'AzureID',
      'OMSAgentID',
      'OSFamily',
      'OSVersion',
      'IsDomainJoined',
    ],
    required: one('FullName', 'HostName', 'NetBiosName', 'AzureID', 'OMSAgentID'),
  },
  IP: { identifiers: ['Address'], required: one('Address') },
  Malware: { identifiers: ['Name', 'Category'], required: one('Name') },
  File: { identifiers: ['Directory', 'Name'], required: one('Name') },
  Process: {
    identifiers: ['ProcessId', 'CommandLine', 'ElevationToken', 'CreationTimeUtc'],
    required: one('CommandLine', 'ProcessId'),
  },
  CloudApplication: { identifiers: ['AppId', 'Name', 'InstanceName'], required: one('AppId', 'Name') },
  DNS: { identifiers: ['DomainName'], required: one('DomainName') },
  AzureResource: { identifiers: ['ResourceId'], required: one('ResourceId') },
  FileHash: { identifiers: ['Algorithm', 'Value'], required: [['Algorithm', 'Value']] },
  RegistryKey: { identifiers: ['Hive', 'Key'], required: one('Key', 'Hive') },
  RegistryValue: { identifiers: ['Name', 'Value', 'ValueType'], required: one('Name') },
  SecurityGroup: {
    identifiers: ['DistinguishedName', 'SID', 'ObjectGuid'],
    required: one('DistinguishedName', 'SID', 'ObjectGuid'),
  },
  URL: { identifiers: ['Url'], required: one('Url') },
  IoTDevice: {
    identifiers: [
      'DeviceId',
      'DeviceName',
      'Manufacturer',
      'Model',
      'FirmwareVersion',
      'OperatingSystem',
      'MacAddress',
      'Protocols',
      'SerialNumber',
      'Source',
      'IoTSecurityAgentId',
      'DeviceType',
    ],
    required: one('DeviceId'),
  },
  Mailbox: {
    identifiers: ['MailboxPrimaryAddress', 'DisplayName', 'Upn', 'ExternalDirectoryObjectId', 'RiskLevel'],
    required: one('MailboxPrimaryAddress'),
  },
  MailCluster: {
    identifiers: [
      'NetworkMessageIds',
      'CountByDeliveryStatus',
      'CountByThreatType',
      'CountByProtectionStatus',
      'Threats',
      'Query',
      'QueryTime',
      'MailCount',
      'IsVolumeAnomaly',
      'Source',
      'ClusterSourceIdentifier',
      'ClusterSourceType',
      'ClusterQueryStartTime',
      'ClusterQueryEndTime',
      'ClusterGroup',
    ],
    required: one('Query', 'Source'),
  },
  MailMessage: {
    identifiers: [
      'Recipient',
      'Urls',
      'Threats',
      'Sender',
      'P1Sender',
      'P1SenderDisplayName',
      'P1SenderDomain',
      'SenderIP',
      'P2Sender',
      'P2SenderDisplayName',
      'P2SenderDomain',
      'ReceivedDate',
      'NetworkMessageId',
      'InternetMessageId',
      'Subject',
      'BodyFingerprintBin1',
      'BodyFingerprintBin2',
      'BodyFingerprintBin3',
      'BodyFingerprintBin4',
      'BodyFingerprintBin5',
      'AntispamDirection',
      'DeliveryAction',
      'DeliveryLocation',
      'Language',
      'ThreatDetectionMethods',
    ],
    required: one('NetworkMessageId', 'Recipient'),
  },
  SubmissionMail: {
    identifiers: [
      'NetworkMessageId',
      'Timestamp',
      'Recipient',
      'Sender',
      'SenderIp',
      'Subject',
      'ReportType',
      'SubmissionId',
      'SubmissionDate',
      'Submitter',
    ],
    required: one('SubmissionId', 'NetworkMessageId', 'Recipient', 'Submitter'),
  },
};

/** Query columns that older rules used for entities; a rule using one must also map it. */
export const LEGACY_ENTITY_COLUMNS = [
  'AccountCustomEntity',
  'HostCustomEntity',
  'IPCustomEntity',
  'URLCustomEntity',
  'ProcessCustomEntity',
  'FileHashCustomEntity',
];
