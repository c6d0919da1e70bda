import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { builtinSchema } from '../../../server/src/schema/builtinSchemas';
import { diagnosticsOf, settings } from '../../helpers/languageService';

const defender = settings({ environment: 'defender' });
const sentinel = settings({ environment: 'sentinel' });

function errors(text: string, s = defender): string[] {
  return diagnosticsOf(text, s)
    .diagnostics.filter((d) => d.severity === DiagnosticSeverity.Error)
    .map((d) => String(d.message));
}

const tableNames = (env: 'defender' | 'sentinel') => new Set(builtinSchema(env).tables.map((t) => t.name));

test('Defender XDR has the advanced hunting tables the issue names', () => {
  const names = tableNames('defender');
  for (const t of [
    'DeviceProcessEvents',
    'DeviceTvmSoftwareVulnerabilities',
    'AlertInfo',
    'AlertEvidence',
    'EmailEvents',
    'IdentityLogonEvents',
    'CloudAppEvents',
    'UrlClickEvents',
    'AADSignInEventsBeta',
    'BehaviorInfo',
    'BehaviorEntities',
    'ExposureGraphNodes',
    'ExposureGraphEdges',
  ]) {
    assert.ok(names.has(t), t);
  }
});

test('Sentinel has the security tables rules use, and the Defender tables as they arrive there', () => {
  const names = tableNames('sentinel');
  for (const t of [
    'SecurityEvent',
    'SigninLogs',
    'AADNonInteractiveUserSignInLogs',
    'AADServicePrincipalSignInLogs',
    'AuditLogs',
    'AzureActivity',
    'OfficeActivity',
    'CommonSecurityLog',
    'Syslog',
    'SecurityAlert',
    'SecurityIncident',
    'ThreatIntelligenceIndicator',
    'Heartbeat',
    'Event',
    'DnsEvents',
    'W3CIISLog',
    'AzureDiagnostics',
    'BehaviorAnalytics',
    'IdentityInfo',
    'Watchlist',
    'DeviceProcessEvents',
    'EmailEvents',
  ]) {
    assert.ok(names.has(t), t);
  }
});

test('every column type in the shipped data is a Kusto scalar type', () => {
  for (const env of ['defender', 'sentinel'] as const) {
    for (const t of builtinSchema(env).tables)
      for (const c of t.columns)
        assert.match(
          c.type,
          /^(string|long|int|real|bool|datetime|timespan|guid|dynamic|decimal)$/,
          `${env} ${t.name}.${c.name}`,
        );
  }
});

test('each environment has its own time column: Defender rejects TimeGenerated, Sentinel Defender tables accept both', () => {
  assert.deepEqual(errors('DeviceProcessEvents | where Timestamp > ago(1d)'), []);
  assert.match(errors('DeviceProcessEvents | where TimeGenerated > ago(1d)')[0], /'TimeGenerated'/);
  assert.deepEqual(
    errors(
      'DeviceProcessEvents | where Timestamp > ago(1d) and TimeGenerated > ago(1d) | project MachineGroup',
      sentinel,
    ),
    [],
  );
  assert.match(errors('SecurityEvent | where Timestamp > ago(1d)', sentinel)[0], /'Timestamp'/);
});

test('every Sentinel table has the standard Log Analytics columns', () => {
  const q =
    'SecurityEvent | project TenantId, TimeGenerated, SourceSystem, Type, _ResourceId, _SubscriptionId, _ItemId, _IsBillable, _BilledSize, _TimeReceived | where _IsBillable == true';
  assert.deepEqual(errors(q, sentinel), []);
  assert.deepEqual(errors('W3CIISLog | summarize sum(_BilledSize) by _ResourceId, Type', sentinel), []);
});

test('Sentinel keeps both spellings where Defender and Log Analytics differ in case', () => {
  assert.deepEqual(errors('CloudAppEvents | project ISP, Isp', sentinel), []);
  assert.match(errors('CloudAppEvents | project ISP')[0], /'ISP'/);
});

test('FileProfile appends its columns to the piped table, with and without arguments', () => {
  assert.deepEqual(
    errors(
      'DeviceFileEvents | invoke FileProfile("SHA1", 500) | where GlobalPrevalence < 50 and IsCertificateValid | project FileName, Signer, ProfileAvailability',
    ),
    [],
  );
  assert.deepEqual(
    errors(
      'DeviceProcessEvents | take 10 | invoke FileProfile() | project ProcessCommandLine, GlobalFirstSeen',
    ),
    [],
  );
  assert.match(
    errors('DeviceFileEvents | invoke FileProfile() | project GlobalPrevalance')[0],
    /'GlobalPrevalance'/,
  );
});

test('DeviceFromIP, SeenBy and AssignedIPAddresses are known with their result columns', () => {
  assert.deepEqual(
    errors('datatable(IP:string) ["10.0.0.1"] | invoke DeviceFromIP() | project IP, DeviceId'),
    [],
  );
  assert.deepEqual(errors('DeviceInfo | take 1 | invoke SeenBy() | project DeviceId'), []);
  assert.deepEqual(
    errors('AssignedIPAddresses("host.contoso.com", ago(1d)) | project Timestamp, IPAddress, IPType'),
    [],
  );
});

test("_GetWatchlist returns its fixed columns and accepts the watchlist's own", () => {
  assert.deepEqual(
    errors(
      '_GetWatchlist("VIPUsers") | project SearchKey, LastUpdatedTimeUTC, UserPrincipalName | where isnotempty(UserPrincipalName)',
      sentinel,
    ),
    [],
  );
});

test('ASIM parsers are callable under every name, with and without parameters', () => {
  for (const q of [
    'imNetworkSession | where DstIpAddr == "1.2.3.4" | project SrcIpAddr, DstPortNumber',
    '_Im_Dns(starttime=ago(1h), domain_has_any=dynamic(["contoso.com"])) | project DnsQuery, SrcIpAddr',
    'imFileEvent | where TargetFileName endswith ".exe"',
    'imProcessCreate | project CommandLine, ActingProcessName',
    'ASimWebSession | project Url',
  ])
    assert.deepEqual(errors(q, sentinel), [], q);
});

test('AzureDiagnostics accepts the columns each resource type writes', () => {
  assert.deepEqual(
    errors(
      'AzureDiagnostics | where ResourceType == "APPLICATIONGATEWAYS" | project clientIP_s, requestUri_s',
      sentinel,
    ),
    [],
  );
});

test('tables and columns carry short descriptions of our own for hover and completion', () => {
  const sentinelSchema = builtinSchema('sentinel');
  const signin = sentinelSchema.tables.find((t) => t.name === 'SigninLogs')!;
  assert.ok(signin.description && signin.description.length < 120);
  assert.ok(signin.columns.find((c) => c.name === 'TimeGenerated')!.description);
  const fn = builtinSchema('defender').functions.find((f) => f.name === 'FileProfile')!;
  assert.ok(fn.description);
});
