/**
 * A Sentinel analytic rule in YAML with one column of its `query: |` misspelled: the installed
 * extension attaches to the YAML file, and the error appears on that column at its line of the
 * YAML file, not at the line it has inside the query.
 */
import * as assert from 'node:assert/strict';
import { describe, it } from 'mocha';
import * as vscode from 'vscode';
import { poll } from '../../../scripts/e2e/poll';

const WRONG = 'InitiatingProcessVersionInfoCompanyNme';

const RULE = `id: 5d0b8c2e-41a7-4f3e-9c1d-7a2b3c4d5e6f
name: TightVNC network connection
description: Network connections made by TightVNC.
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
  | where ${WRONG} has "GlavSoft"
  | project TimeGenerated, DeviceName, RemoteUrl
kind: Scheduled
version: 1.0.0
`;

describe('rule YAML in the editor', () => {
  it('shows a misspelled column inside query: | at its line of the YAML file', async () => {
    const folder = vscode.workspace.workspaceFolders?.[0];
    assert.ok(folder, 'the tests open a workspace folder');
    const uri = vscode.Uri.joinPath(folder.uri, 'tightvnc-rule.yaml');
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(RULE));
    const doc = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(doc);
    assert.equal(doc.languageId, 'yaml');

    const expectedLine = RULE.split('\n').findIndex((l) => l.includes(WRONG));
    const [error] = await poll(
      'a diagnostic on the misspelled column in the rule',
      () => {
        const d = vscode.languages.getDiagnostics(uri).filter((x) => x.source === 'kql');
        return d.length > 0 && d;
      },
      { timeoutMs: 90000 },
    );
    assert.equal(error.code, 'KS142');
    assert.equal(error.range.start.line, expectedLine);
    assert.equal(doc.getText(error.range), WRONG);
    const ruleFindings = vscode.languages.getDiagnostics(uri).filter((x) => x.source === 'kql-rules');
    assert.deepEqual(
      ruleFindings.map((d) => d.message),
      [],
      'the rule itself is valid',
    );
  });
});
