/**
 * Rules of ../shared/corpus/sentinel-rules whose queries get an error in the `sentinel`
 * environment for a reason that is not a gap in the catalogue. Each entry says why.
 *
 * - `broken`: the query itself is wrong (a syntax error, a column used after it was projected
 *   away or renamed, a YAML block that swallowed the next keys). Hunting queries are not checked
 *   by Sentinel's CI, and detections on its skip list were not either.
 * - `engine`: Microsoft's Kusto.Language engine is stricter than the Log Analytics service on a
 *   construct the rule uses. Not a schema problem; listed so that it is visible, not hidden.
 */
export interface KnownRuleError {
  kind: 'broken' | 'engine';
  reason: string;
  /**
   * Each error the rule is known to get, as `CODE text` (see errorKey in ruleCorpus.ts). Pinned
   * one by one so that a new error in a listed rule is not excused by the rule's entry.
   */
  errors: string[];
}

export const KNOWN_RULE_ERRORS: Record<string, KnownRuleError> = {
  'Detections__MultipleDataSources__ExchangeServerVulnerabilitiesMarch2021IoCs.yaml': {
    kind: 'engine',
    reason: 'todynamic() is given a dynamic value (toscalar of make_set); the engine wants a string.',
    errors: ['KS107 toscalar((domains | summarize make_set(IoC)))'],
  },
  'Detections__MultipleDataSources__NOBELIUM_IOCsMay2021.yaml': {
    kind: 'engine',
    reason: 'todynamic() is given dynamic lists (domain_list, full_ip_list); the engine wants a string.',
    errors: ['KS107 domain_list', 'KS107 full_ip_list'],
  },
  'Detections__SecurityEvent__AADHealthMonAgentRegKeyAccess.yaml': {
    kind: 'engine',
    reason:
      'A fuzzy union merges Process (string) with the dynamic Process made by evaluate pivot, and the engine then refuses to group by it.',
    errors: ['KS116 Process'],
  },
  'Detections__SecurityEvent__AADHealthSvcAgentRegKeyAccess.yaml': {
    kind: 'engine',
    reason:
      'Same pattern as AADHealthMonAgentRegKeyAccess: summarize by a Process column that the engine types dynamic after the union.',
    errors: ['KS116 Process'],
  },
  'Detections__SigninLogs__PrivilegedUserLogonfromnewASN.yaml': {
    kind: 'broken',
    reason:
      "project-reorder names IpAddress, which SigninLogs does not have (it has IPAddress); on Sentinel CI's skip list.",
    errors: ['KS142 IpAddress'],
  },
  'Hunting Queries__Microsoft 365 Defender__Campaigns__redmenshen-bpfdoor-backdoor.yaml': {
    kind: 'broken',
    reason: 'has ("a", "b") is not valid KQL: has takes one value (has_any takes a list).',
    errors: ['KS005 ,', 'KS198 ,'],
  },
  'Hunting Queries__Microsoft 365 Defender__Exploits__VMWare-LPE-2022-22960.yaml': {
    kind: 'broken',
    reason: 'has ("a", "b", "c") is not valid KQL: has takes one value (has_any takes a list).',
    errors: ['KS005 ,', 'KS198 ,'],
  },
  'Hunting Queries__Microsoft 365 Defender__General queries__Baseline Comparison.yaml': {
    kind: 'broken',
    reason:
      'Written for Defender XDR, where AdditionalFields and ConnectedNetworks are strings; in Sentinel they are dynamic and cannot be summarize keys.',
    errors: ['KS116 AdditionalFields', 'KS116 ConnectedNetworks'],
  },
  'Hunting Queries__Microsoft 365 Defender__General queries__insider-threat-detection-queries (3).yaml': {
    kind: 'engine',
    reason: 'count(AccountName): the engine only accepts a bool argument to count().',
    errors: ['KS107 AccountName'],
  },
  'Hunting Queries__Microsoft 365 Defender__Protection events__ExploitGuardNetworkProtectionEvents.yaml': {
    kind: 'engine',
    reason: 'count(RemoteUrl): the engine only accepts a bool argument to count().',
    errors: ['KS107 RemoteUrl'],
  },
  'Hunting Queries__Microsoft 365 Defender__Ransomware__Check for multiple signs of ransomware activity.yaml':
    {
      kind: 'engine',
      reason: 'count(CommandList): the engine only accepts a bool argument to count().',
      errors: ['KS107 CommandList'],
    },
  'Hunting Queries__MultipleDataSources__Dev-0322CommandLineActivityNovember2021.yaml': {
    kind: 'broken',
    reason: 'The last extend ends with a trailing comma.',
    errors: ['KS006 '],
  },
  'Hunting Queries__MultipleDataSources__LogonwithExpiredAccount.yaml': {
    kind: 'broken',
    reason: 'The SigninLogs leg of the union projects Computer, which SigninLogs does not have.',
    errors: ['KS142 Computer'],
  },
  'Hunting Queries__MultipleDataSources__NICKELCommandLineActivity-Nov2021.yaml': {
    kind: 'broken',
    reason: 'Joins on DeviceId, which the right side no longer has after its summarize.',
    errors: ['KS145 DeviceId'],
  },
  'Hunting Queries__MultipleDataSources__NetworkConnectionldap_log4j.yaml': {
    kind: 'broken',
    reason: 'A union leg filters on DestinationIP before any operator has defined it.',
    errors: ['KS107 DestinationIP', 'KS142 DestinationIP'],
  },
  'Hunting Queries__MultipleDataSources__PersistViaIFEORegistryKey.yaml': {
    kind: 'broken',
    reason: 'Unbalanced parentheses: a closing ) is missing at the end.',
    errors: ['KS005 '],
  },
  'Hunting Queries__MultipleDataSources__PossibleCommandInjectionagainstAzureIR.yaml': {
    kind: 'broken',
    reason: 'where ActingProcessName = "cmd.exe" uses = instead of ==.',
    errors: ['KS141 ActingProcessName = "cmd.exe"'],
  },
  'Hunting Queries__MultipleDataSources__RareDNSLookupWithDataTransfer.yaml': {
    kind: 'broken',
    reason: 'extend DataType = Type after a project that dropped Type.',
    errors: ['KS142 Type', 'KS142 DataType'],
  },
  'Hunting Queries__MultipleDataSources__RareDomainsInCloudLogs.yaml': {
    kind: 'broken',
    reason:
      'extend AccountCustomEntity = UserPrincipalName after a summarize by Type, RareDomain that dropped it.',
    errors: ['KS142 UserPrincipalName', 'KS142 UserPrincipalName'],
  },
  'Hunting Queries__MultipleDataSources__SolarWindsInventory.yaml': {
    kind: 'broken',
    reason:
      'EventDetail is never defined (the Event table has EventData; the parse that would create it is missing).',
    errors: ['KS142 EventDetail'],
  },
  'Hunting Queries__MultipleDataSources__TrackingPrivAccounts.yaml': {
    kind: 'broken',
    reason: 'project-rename is given expressions (strcat(...)); it only renames columns.',
    errors: [
      'KS109 strcat(OperationName, "-", ResultType, "-", ResultDescriptio',
      'KS109 strcat(Operation, "-", ResultStatus)',
      'KS145 DomainSlashAccount',
      'KS145 DomainSlashAccount',
      'KS145 DomainSlashAccount',
      'KS145 AccountAtDomain',
      'KS145 DomainSlashAccount',
    ],
  },
  'Hunting Queries__MultipleDataSources__UnfamiliarsignincorrelationwithPortalSigninandAuditlogs.yaml': {
    kind: 'broken',
    reason:
      'The YAML query block is not closed, so entityMappings and the rest of the file became query text.',
    errors: ['KS005 ', 'KS142 entityMappings', 'KS142 entityType', 'KS198 :'],
  },
  'Hunting Queries__MultipleDataSources__UnicodeObfuscationInCommandLine.yaml': {
    kind: 'broken',
    reason:
      'project-reorder names NumberOfComputers twice (and count(TimeGenerated) is refused by the engine).',
    errors: ['KS107 TimeGenerated', 'KS171 NumberOfComputers'],
  },
  'Hunting Queries__SecurityEvent__PotentialProcessDoppelganging.yaml': {
    kind: 'broken',
    reason:
      'A string literal in the list has an invalid escape (\\\\2019\\Enterprise: a single backslash before E), so the string and the list never close.',
    errors: [
      'KS001 ',
      'KS005 \\',
      'KS005 \\',
      'KS002 \\',
      'KS198 \\',
      'KS002 \\',
      'KS002 \\',
      'KS002 \\',
      'KS002 \\',
      'KS002 \\',
      'KS002 \\',
      'KS001 ',
    ],
  },
  'Hunting Queries__SigninLogs__LowAndSlowPasswordAttempt.yaml': {
    kind: 'broken',
    reason: 'IPAddresses is renamed to FailureIPAddresses by the project just before it is used.',
    errors: ['KS142 IPAddresses'],
  },
  'Hunting Queries__SigninLogs__SuccessThenFail_SameUserDiffApp.yaml': {
    kind: 'engine',
    reason: 'count(SuccessAppDisplayName): the engine only accepts a bool argument to count().',
    errors: ['KS107 SuccessAppDisplayName'],
  },
  'Hunting Queries__SigninLogs__UserAccounts-BlockedAccounts.yaml': {
    kind: 'broken',
    reason: 'ago() is given starttime and endtime, which are datetimes, not timespans.',
    errors: ['KS107 starttime', 'KS107 endtime'],
  },
  'Hunting Queries__SigninLogs__UserAccounts-NewSingleFactorAuth.yaml': {
    kind: 'broken',
    reason: 'ago() is given starttime and endtime, which are datetimes, not timespans.',
    errors: ['KS107 starttime', 'KS107 endtime'],
  },
  'Hunting Queries__SigninLogs__UserAccounts-UnusualLogonTimes.yaml': {
    kind: 'broken',
    reason: 'ago() is given starttime and endtime, which are datetimes, not timespans.',
    errors: ['KS107 starttime', 'KS107 endtime'],
  },
};
