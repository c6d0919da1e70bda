import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { diagnosticsOf, settings } from '../../helpers/languageService';

/**
 * column_ifexists(name, default) is the column when the input has it (issue 17): a path into a
 * dynamic column reached through it binds, as it runs in the service.
 */
const sentinel = settings({ environment: 'sentinel' });

function errorsOf(query: string): string[] {
  return diagnosticsOf(query, sentinel)
    .diagnostics.filter((d) => d.severity === DiagnosticSeverity.Error)
    .map((d) => String(d.message));
}

test('column_ifexists of a dynamic column the input has is that dynamic column', () => {
  const query = [
    'AuditLogs',
    '| where TimeGenerated > ago(1h)',
    '| extend Who = column_ifexists("InitiatedBy", "")',
    '| where Who.user.userPrincipalName == "a@b.c"',
  ].join('\n');
  assert.deepEqual(errorsOf(query), []);
});

test('the deprecated columnifexists spelling is typed the same way', () => {
  const query = [
    'AuditLogs',
    '| where TimeGenerated > ago(1h)',
    '| mv-expand TargetResources[0].modifiedProperties',
    "| extend TargetResources_0_modifiedProperties = columnifexists('TargetResources_0_modifiedProperties', '')",
    '| where TargetResources_0_modifiedProperties.displayName =~ "Role.DisplayName"',
  ].join('\n');
  assert.deepEqual(errorsOf(query), []);
});

test('a column the input lacks takes the default, so a path into a string is still an error', () => {
  const query = [
    'AuditLogs',
    '| where TimeGenerated > ago(1h)',
    '| extend Who = column_ifexists("NoSuchColumn", "")',
    '| where Who.user == "a"',
  ].join('\n');
  const errors = errorsOf(query);
  assert.equal(errors.length, 1, JSON.stringify(errors));
  assert.match(errors[0], /'user'/);
});

test('the result column keeps the name and the type of the column it returns', () => {
  // A long column through column_ifexists compares with a number and sums.
  const query = [
    'SigninLogs',
    '| where TimeGenerated > ago(1h)',
    '| extend Took = column_ifexists("DurationMs", "")',
    '| summarize Total = sum(Took) by UserPrincipalName',
  ].join('\n');
  assert.deepEqual(errorsOf(query), []);
});
