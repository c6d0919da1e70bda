import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { parseRuleYaml } from '../../server/src/documents/ruleYaml';
import { decodeYamlScalar } from '../../server/src/documents/yamlScalarRegion';
import { checkRule } from '../../server/src/rules/ruleChecks';
import { RULE_CHECKS } from '../../server/src/rules/ruleCheckTable';
import { ruleDiagnostics } from '../../server/src/rules/ruleDiagnostics';
import { doc, settings, testService } from '../helpers/languageService';
import { corpusRoot } from './corpusRoot';

/**
 * The 767 real rules of the Sentinel corpus ran in production, so a rule-check error on one is
 * a false alarm unless the rule is really wrong. Those that are, are listed here with why.
 */
const CORPUS = path.join(corpusRoot(), 'corpus', 'sentinel-rules');

const KNOWN_ERRORS: Record<string, { why: string; errors: string[] }> = {
  'Hunting Queries__AzureStorage__AzureStorageFileOnEndpoint.yaml': {
    why: 'The FileHash mapping names MD5, which the query never returns (it returns FileHashCustomEntity).',
    errors: [
      "rule-column-not-in-output: Column 'MD5' is not in the query's output. Output columns: TimeGenerated, FileName, FileHashCustomEntity, AccountName, SourceTable, DevicesImpacted, Entitites.",
    ],
  },
  'Hunting Queries__Microsoft 365 Defender__Campaigns__compromised nvidia certificates[Lapsus$].yaml': {
    why: 'The file has no id.',
    errors: ["rule-required-field: 'id' is required in a hunting query."],
  },
  'Hunting Queries__Microsoft 365 Defender__Execution__detect-uac-elevation.yml': {
    why: 'The file has no id.',
    errors: ["rule-required-field: 'id' is required in a hunting query."],
  },
  'Hunting Queries__Microsoft 365 Defender__Exploits__print-pooler-service-suspicious-file-creation.yaml': {
    why: 'The technique is written in lower case (t1574).',
    errors: ["rule-technique-format: Technique 't1574' must look like T1234 or T1234.001."],
  },
  'Hunting Queries__MultipleDataSources__AzureRunCommandMDELinked.yaml': {
    why: "The entity mappings name AccountCustomEntity and IPCustomEntity, which the query's final project drops.",
    errors: [
      "rule-column-not-in-output: Column 'AccountCustomEntity' is not in the query's output. Output columns: StartTime, EndTime, PowershellFileCreatedTimestamp, PowershellExecStart, PowershellExecEnd, PowershellFileName, PowershellScriptCommands, Caller, CallerIpAddress, InitiatingProcessCommandLine, PowershellFileSize, VirtualMachineName and 1 more.",
      "rule-column-not-in-output: Column 'IPCustomEntity' is not in the query's output. Output columns: StartTime, EndTime, PowershellFileCreatedTimestamp, PowershellExecStart, PowershellExecEnd, PowershellFileName, PowershellScriptCommands, Caller, CallerIpAddress, InitiatingProcessCommandLine, PowershellFileSize, VirtualMachineName and 1 more.",
    ],
  },
  'Hunting Queries__MultipleDataSources__Dev-0322CommandLineActivityNovember2021.yaml': {
    why: 'A FileHash entity needs both Algorithm and Value; only Value is mapped.',
    errors: [
      'rule-entity-required-identifiers: FileHash needs one of these identifier sets: Algorithm + Value.',
    ],
  },
  'Hunting Queries__MultipleDataSources__Dev-0322FileDropActivityNovember2021.yaml': {
    why: 'A FileHash entity needs both Algorithm and Value; only Value is mapped.',
    errors: [
      'rule-entity-required-identifiers: FileHash needs one of these identifier sets: Algorithm + Value.',
    ],
  },
  'Hunting Queries__MultipleDataSources__NickelRegIOCPatterns.yaml': {
    why: 'The id has nine hex digits in its first group, so it is not a GUID.',
    errors: [
      "rule-id-format: 'id' must be a GUID such as 6a2f1a0e-3c4b-4d5e-8f90-123456789abc, not 'f090f8f4a-b986-42d2-b536-e0795c723e25'.",
    ],
  },
  'Hunting Queries__OfficeActivity__new_sharepoint_downloads_by_UserAgent.yaml': {
    why: "CloudLogonSession is not among the entity types Sentinel's rule validation accepts.",
    errors: [
      "rule-entity-type: 'CloudLogonSession' is not an entity type. Known types: Account, Host, IP, Malware, File, Process, CloudApplication, DNS, AzureResource, FileHash, RegistryKey, RegistryValue, SecurityGroup, URL, IoTDevice, Mailbox, MailCluster, MailMessage, SubmissionMail.",
    ],
  },
  'Hunting Queries__SecurityEvent__DecoyUserAccountAuthenticationAttempt.yaml': {
    why: 'A hunting query that declares kind: Scheduled without a schedule, trigger or severity; as an analytic rule it would be rejected.',
    errors: [
      "rule-required-field: 'severity' is required in a Scheduled analytic rule.",
      "rule-required-field: 'queryFrequency' is required in a Scheduled analytic rule.",
      "rule-required-field: 'queryPeriod' is required in a Scheduled analytic rule.",
      "rule-required-field: 'triggerOperator' is required in a Scheduled analytic rule.",
      "rule-required-field: 'triggerThreshold' is required in a Scheduled analytic rule.",
    ],
  },
  'Hunting Queries__SecurityEvent__PotentialProcessDoppelganging.yaml': {
    why: 'A hunting query that declares kind: Scheduled without a schedule, trigger or severity.',
    errors: [
      "rule-required-field: 'severity' is required in a Scheduled analytic rule.",
      "rule-required-field: 'queryFrequency' is required in a Scheduled analytic rule.",
      "rule-required-field: 'queryPeriod' is required in a Scheduled analytic rule.",
      "rule-required-field: 'triggerOperator' is required in a Scheduled analytic rule.",
      "rule-required-field: 'triggerThreshold' is required in a Scheduled analytic rule.",
    ],
  },
  'Hunting Queries__SecurityEvent__RemoteScheduledTaskCreationUpdateUsingATSVCNamedPipe.yaml': {
    why: 'A hunting query that declares kind: Scheduled without a schedule, trigger or severity.',
    errors: [
      "rule-required-field: 'severity' is required in a Scheduled analytic rule.",
      "rule-required-field: 'queryFrequency' is required in a Scheduled analytic rule.",
      "rule-required-field: 'queryPeriod' is required in a Scheduled analytic rule.",
      "rule-required-field: 'triggerOperator' is required in a Scheduled analytic rule.",
      "rule-required-field: 'triggerThreshold' is required in a Scheduled analytic rule.",
    ],
  },
  'Hunting Queries__SecurityEvent__ScheduledTaskCreationUpdateFromUserWritableDrectory.yaml': {
    why: 'Declares kind: Scheduled without a schedule, trigger or severity; and the Process mapping names CommandLine, which the query does not return (it returns Command).',
    errors: [
      "rule-required-field: 'severity' is required in a Scheduled analytic rule.",
      "rule-required-field: 'queryFrequency' is required in a Scheduled analytic rule.",
      "rule-required-field: 'queryPeriod' is required in a Scheduled analytic rule.",
      "rule-required-field: 'triggerOperator' is required in a Scheduled analytic rule.",
      "rule-required-field: 'triggerThreshold' is required in a Scheduled analytic rule.",
      "rule-column-not-in-output: Column 'CommandLine' is not in the query's output. Output columns: Activity, Computer, SubjectUserName, SubjectDomainName, TaskName, Command, Arguments, StartTime, EndTime.",
    ],
  },
  'Hunting Queries__SigninLogs__LowAndSlowPasswordAttempt.yaml': {
    why: 'The IP mapping names IPAddresses; the query returns IPs.',
    errors: [
      "rule-column-not-in-output: Column 'IPAddresses' is not in the query's output. Output columns: StartTime, EndTime, UserPrincipalName, Failures, IPs, DaysWithAttempts, UnsuccessfulLoginCountryCount, UnuccessfulLoginCountries, SuccessfulLoginCountries, FailureIPAddresses, timestamp, AccountCustomEntity and 1 more.",
    ],
  },
  'Hunting Queries__SigninLogs__SuccessfulAccount-SigninAttemptsByIPviaDisabledAccounts.yaml': {
    why: 'The Account mapping names AccountCustomEntity, which the query never creates.',
    errors: [
      "rule-column-not-in-output: Column 'AccountCustomEntity' is not in the query's output. Output columns: StartTime, EndTime, IPAddress, disabledAccountLoginAttempts, disabledAccountsTargeted, disabledAccountSet, applicationSet, successfulAccountSigninCount, successfulAccountSigninSet, timestamp, IPCustomEntity.",
    ],
  },
  'Solutions__FalconFriday__Analytic Rules__COMHijacking.yaml': {
    why: 'DeviceRegistryEvents has no AccountSid, AccountName, AccountDomain or ProcessCommandLine (only the InitiatingProcess* forms), so these entities are never filled.',
    errors: [
      "rule-column-not-in-output: Column 'AccountSid' is not in the query's output. Output columns: ActionType, AppGuardContainerId, _BilledSize, DeviceId, DeviceName, InitiatingProcessAccountDomain, InitiatingProcessAccountName, InitiatingProcessAccountObjectId, InitiatingProcessAccountSid, InitiatingProcessAccountUpn, InitiatingProcessCommandLine, InitiatingProcessCreationTime and 42 more.",
      "rule-column-not-in-output: Column 'AccountName' is not in the query's output. Output columns: ActionType, AppGuardContainerId, _BilledSize, DeviceId, DeviceName, InitiatingProcessAccountDomain, InitiatingProcessAccountName, InitiatingProcessAccountObjectId, InitiatingProcessAccountSid, InitiatingProcessAccountUpn, InitiatingProcessCommandLine, InitiatingProcessCreationTime and 42 more.",
      "rule-column-not-in-output: Column 'AccountDomain' is not in the query's output. Output columns: ActionType, AppGuardContainerId, _BilledSize, DeviceId, DeviceName, InitiatingProcessAccountDomain, InitiatingProcessAccountName, InitiatingProcessAccountObjectId, InitiatingProcessAccountSid, InitiatingProcessAccountUpn, InitiatingProcessCommandLine, InitiatingProcessCreationTime and 42 more.",
      "rule-column-not-in-output: Column 'ProcessCommandLine' is not in the query's output. Output columns: ActionType, AppGuardContainerId, _BilledSize, DeviceId, DeviceName, InitiatingProcessAccountDomain, InitiatingProcessAccountName, InitiatingProcessAccountObjectId, InitiatingProcessAccountSid, InitiatingProcessAccountUpn, InitiatingProcessCommandLine, InitiatingProcessCreationTime and 42 more.",
    ],
  },
  'Solutions__FalconFriday__Analytic Rules__DLLSideLoading.yaml': {
    why: 'The mapped Account* and ProcessCommandLine columns do not exist in the joined DeviceImageLoadEvents/DeviceFileEvents output.',
    errors: [
      "rule-column-not-in-output: Column 'AccountSid' is not in the query's output. Output columns: FolderPath, InitiatingProcessFileName, InitiatingProcessIntegrityLevel, DeviceId, DeviceName, ActionType, AdditionalFields, AppGuardContainerId, _BilledSize, DeviceId1, DeviceName1, FileName and 61 more.",
      "rule-column-not-in-output: Column 'AccountName' is not in the query's output. Output columns: FolderPath, InitiatingProcessFileName, InitiatingProcessIntegrityLevel, DeviceId, DeviceName, ActionType, AdditionalFields, AppGuardContainerId, _BilledSize, DeviceId1, DeviceName1, FileName and 61 more.",
      "rule-column-not-in-output: Column 'AccountDomain' is not in the query's output. Output columns: FolderPath, InitiatingProcessFileName, InitiatingProcessIntegrityLevel, DeviceId, DeviceName, ActionType, AdditionalFields, AppGuardContainerId, _BilledSize, DeviceId1, DeviceName1, FileName and 61 more.",
      "rule-column-not-in-output: Column 'ProcessCommandLine' is not in the query's output. Output columns: FolderPath, InitiatingProcessFileName, InitiatingProcessIntegrityLevel, DeviceId, DeviceName, ActionType, AdditionalFields, AppGuardContainerId, _BilledSize, DeviceId1, DeviceName1, FileName and 61 more.",
    ],
  },
  'Solutions__FalconFriday__Analytic Rules__PasswordSprayingWithMDE.yaml': {
    why: 'The Process mapping names ProcessCommandLine, which the summarize drops.',
    errors: [
      "rule-column-not-in-output: Column 'ProcessCommandLine' is not in the query's output. Output columns: IPAddress, DeviceName, SuccessLogonCount, FailedLogonCount, UniqueAccountFailedLogons, FirstFailed, LastFailed, LastTimestamp, ReportId.",
    ],
  },
  'Solutions__MaturityModelForEventLogManagementM2131__Hunting Queries__M2131RecommendedDatatableNotLoggedEL0.yaml':
    {
      why: 'A hunting query that declares kind: Scheduled without a schedule or trigger.',
      errors: [
        "rule-required-field: 'queryFrequency' is required in a Scheduled analytic rule.",
        "rule-required-field: 'queryPeriod' is required in a Scheduled analytic rule.",
        "rule-required-field: 'triggerOperator' is required in a Scheduled analytic rule.",
        "rule-required-field: 'triggerThreshold' is required in a Scheduled analytic rule.",
      ],
    },
  'Solutions__MaturityModelForEventLogManagementM2131__Hunting Queries__M2131RecommendedDatatableNotLoggedEL1.yaml':
    {
      why: 'A hunting query that declares kind: Scheduled without a schedule or trigger.',
      errors: [
        "rule-required-field: 'queryFrequency' is required in a Scheduled analytic rule.",
        "rule-required-field: 'queryPeriod' is required in a Scheduled analytic rule.",
        "rule-required-field: 'triggerOperator' is required in a Scheduled analytic rule.",
        "rule-required-field: 'triggerThreshold' is required in a Scheduled analytic rule.",
      ],
    },
  'Solutions__MaturityModelForEventLogManagementM2131__Hunting Queries__M2131RecommendedDatatableNotLoggedEL2.yaml':
    {
      why: 'A hunting query that declares kind: Scheduled without a schedule or trigger.',
      errors: [
        "rule-required-field: 'queryFrequency' is required in a Scheduled analytic rule.",
        "rule-required-field: 'queryPeriod' is required in a Scheduled analytic rule.",
        "rule-required-field: 'triggerOperator' is required in a Scheduled analytic rule.",
        "rule-required-field: 'triggerThreshold' is required in a Scheduled analytic rule.",
      ],
    },
  'Solutions__MaturityModelForEventLogManagementM2131__Hunting Queries__M2131RecommendedDatatableNotLoggedEL3.yaml':
    {
      why: 'A hunting query that declares kind: Scheduled without a schedule or trigger.',
      errors: [
        "rule-required-field: 'queryFrequency' is required in a Scheduled analytic rule.",
        "rule-required-field: 'queryPeriod' is required in a Scheduled analytic rule.",
        "rule-required-field: 'triggerOperator' is required in a Scheduled analytic rule.",
        "rule-required-field: 'triggerThreshold' is required in a Scheduled analytic rule.",
      ],
    },
};

/** The rules whose findings depend on the query's output; only these pay for a full analysis. */
function mapsColumns(text: string): boolean {
  return /^(entityMappings|customDetails)\s*:/m.test(text);
}

test('the real Sentinel rules: every query decodes exactly, and rule checks find only real problems', () => {
  const files = fs
    .readdirSync(CORPUS)
    .filter((f) => /\.ya?ml$/.test(f))
    .sort();
  assert.equal(files.length, 767);
  const service = testService();
  const s = settings();
  const unexpected: string[] = [];
  const started = process.cpuUsage();
  for (const file of files) {
    const text = fs.readFileSync(path.join(CORPUS, file), 'utf8');
    const rule = parseRuleYaml(text);
    assert.ok(rule, `${file} is not recognised as a rule`);
    const queryNode = rule.queryPair.value as Parameters<typeof decodeYamlScalar>[1];
    assert.equal(
      decodeYamlScalar(text, queryNode).region.text,
      queryNode.value,
      `${file}: query decoded differently from the YAML parser`,
    );
    let errors: string[];
    if (mapsColumns(text)) {
      const document = doc(text, `file:///corpus/${encodeURIComponent(file)}`, 'yaml');
      assert.equal(service.environmentOf(document, s), 'sentinel');
      errors = ruleDiagnostics(service.analyze(document, s), s)
        .filter((d) => d.severity === DiagnosticSeverity.Error)
        .map((d) => `${d.code}: ${d.message}`);
    } else {
      errors = checkRule({ rule, uri: file })
        .filter((f) => RULE_CHECKS[f.check].severity === 'error')
        .map((f) => `${f.check}: ${f.message}`);
    }
    const expected = KNOWN_ERRORS[file]?.errors ?? [];
    if (JSON.stringify(errors) !== JSON.stringify(expected))
      unexpected.push(`  '${file}': ${JSON.stringify(errors)}`);
  }
  const cpuSeconds = process.cpuUsage(started).user / 1e6;
  assert.deepEqual(unexpected, [], `unexpected rule-check errors:\n${unexpected.join('\n')}`);
  // The engine's analysis of the queries with entity mappings is nearly all of this.
  assert.ok(cpuSeconds < 60, `the corpus took ${cpuSeconds} s of CPU`);
});
