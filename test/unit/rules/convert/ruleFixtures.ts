/**
 * Rules written for these tests: a TightVNC network detection in the shape of the RMM rules
 * (summarised per device, as such rules are often written, which a custom detection cannot use
 * as it is), the same detection written for Defender's column requirements, and a Defender
 * custom detection with account and mailbox entities, in the current shape and the removed one.
 */
export const TIGHTVNC_SUMMARY_RULE = `id: 7c1e9a52-4b3d-4f6e-8a21-0d9c5b7e3f14
name: TightVNC network connection
description: |
  A TightVNC process made a network connection. Remote management tools are abused for
  command and control.
severity: Medium
requiredDataConnectors:
  - connectorId: MicrosoftThreatProtection
    dataTypes:
      - DeviceNetworkEvents
queryFrequency: 1h
queryPeriod: 1h
triggerOperator: gt
triggerThreshold: 0
tactics:
  - CommandAndControl
relevantTechniques:
  - T1219
query: |
  DeviceNetworkEvents
  | where InitiatingProcessVersionInfoProductName has "TightVNC"
  | summarize FirstSeen = min(Timestamp), LastSeen = max(Timestamp), Reports = make_set(ReportId), Connections = count() by DeviceId, DeviceName, RemoteUrl
entityMappings:
  - entityType: Host
    fieldMappings:
      - identifier: HostName
        columnName: DeviceName
  - entityType: URL
    fieldMappings:
      - identifier: Url
        columnName: RemoteUrl
version: 1.0.0
kind: Scheduled
`;

/** The same detection, returning the latest event's Timestamp and ReportId per device. */
export const TIGHTVNC_RULE = `id: 2b8f4d6a-9c1e-4a7b-b3d5-6e0f8a2c4d91
name: TightVNC network connection (per event)
description: |
  A TightVNC process made a network connection.
severity: High
requiredDataConnectors:
  - connectorId: MicrosoftThreatProtection
    dataTypes:
      - DeviceNetworkEvents
queryFrequency: 3h
queryPeriod: 12h
triggerOperator: gt
triggerThreshold: 0
tactics:
  - CommandAndControl
  - Persistence
relevantTechniques:
  - T1219
  - T1133
query: |
  DeviceNetworkEvents
  | where InitiatingProcessVersionInfoProductName has "TightVNC"
  | summarize arg_max(Timestamp, ReportId), Connections = count() by DeviceId, DeviceName, InitiatingProcessAccountSid, RemoteUrl
entityMappings:
  - entityType: Host
    fieldMappings:
      - identifier: HostName
        columnName: DeviceName
  - entityType: Account
    fieldMappings:
      - identifier: Sid
        columnName: InitiatingProcessAccountSid
version: 1.0.0
kind: Scheduled
`;

export const MAILBOX_DETECTION = {
  id: 'phish-attachment-opened',
  displayName: 'Attachment from a first-time sender opened',
  isEnabled: true,
  queryCondition: {
    queryText:
      'EmailEvents\n| where EmailDirection == "Inbound" and AttachmentCount > 0\n| project Timestamp, ReportId, NetworkMessageId, RecipientEmailAddress, RecipientObjectId, SenderFromAddress',
  },
  schedule: { frequency: 'PT12H', lookback: 'P2D' },
  detectionAction: {
    alertTemplate: {
      title: 'Attachment from a first-time sender opened',
      description: 'An inbound message with an attachment came from a sender never seen before.',
      severity: 'low',
      recommendedActions: 'Check the attachment in a sandbox.',
      tactics: [
        { tactic: 'InitialAccess', techniques: [{ technique: 'T1566', subTechniques: ['T1566.001'] }] },
      ],
      entityMappings: {
        mailboxes: [{ primaryAddressColumn: 'RecipientEmailAddress' }],
        accounts: [{ aadUserIdColumn: 'RecipientObjectId' }],
      },
    },
    responseActions: [],
  },
};

/**
 * The same detection in the shape Graph removed on 2026-10-01 (`schedule.period`, `category`,
 * `mitreTechniques`, `impactedAssets`), as older versions of the product wrote it and tenants
 * may still return it.
 */
export const LEGACY_MAILBOX_DETECTION = {
  id: 'phish-attachment-opened',
  displayName: 'Attachment from a first-time sender opened',
  isEnabled: true,
  queryCondition: {
    queryText:
      'EmailEvents\n| where EmailDirection == "Inbound" and AttachmentCount > 0\n| project Timestamp, ReportId, NetworkMessageId, RecipientEmailAddress, RecipientObjectId, SenderFromAddress',
  },
  schedule: { period: '12H' },
  detectionAction: {
    alertTemplate: {
      title: 'Attachment from a first-time sender opened',
      description: 'An inbound message with an attachment came from a sender never seen before.',
      severity: 'low',
      category: 'InitialAccess',
      recommendedActions: 'Check the attachment in a sandbox.',
      mitreTechniques: ['T1566.001'],
      impactedAssets: [
        {
          '@odata.type': '#microsoft.graph.security.impactedMailboxAsset',
          identifier: 'recipientEmailAddress',
        },
        { '@odata.type': '#microsoft.graph.security.impactedUserAsset', identifier: 'recipientObjectId' },
      ],
    },
    responseActions: [],
  },
};
