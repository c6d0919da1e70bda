import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  CodeActionRequest,
  CompletionRequest,
  DidOpenTextDocumentNotification,
} from 'vscode-languageserver-protocol/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { LspTestClient } from '../helpers/lspClient';

const RULE = (id: string, column: string) => `id: ${id}
name: TightVNC network connection
description: Connections made by TightVNC.
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
  | where ${column} has "tightvnc"
  | project TimeGenerated, DeviceName, RemoteUrl
entityMappings:
  - entityType: Host
    fieldMappings:
      - identifier: HostName
        columnName: DeviceName
kind: Scheduled
version: 1.0.0
`;

async function open(client: LspTestClient, uri: string, languageId: string, text: string) {
  const published = client.nextDiagnostics(uri);
  await client.connection.sendNotification(DidOpenTextDocumentNotification.type, {
    textDocument: { uri, languageId, version: 1, text },
  });
  return (await published).diagnostics;
}

test('rule YAML over the protocol: a misspelled column at its YAML line, rule completion, and silence for other YAML', async () => {
  const client = new LspTestClient();
  try {
    await client.initialize();
    const typo = 'InitiatingProcessVersionInfoCompanyNme';
    const text = RULE('3f1c2a5e-7b8d-4e6f-9a0b-1c2d3e4f5a6b', typo);
    const uri = 'file:///workspace/rules/tightvnc.yaml';
    const diagnostics = await open(client, uri, 'yaml', text);
    assert.equal(diagnostics.length, 1, JSON.stringify(diagnostics));
    const document = TextDocument.create(uri, 'yaml', 1, text);
    assert.equal(document.getText(diagnostics[0].range), typo);
    assert.equal(
      diagnostics[0].range.start.line,
      text.split('\n').findIndex((l) => l.includes(typo)),
    );
    assert.equal(diagnostics[0].range.start.character, '  | where '.length);

    const kindLine = text.split('\n').findIndex((l) => l.startsWith('kind:'));
    const completion = await client.connection.sendRequest(CompletionRequest.type, {
      textDocument: { uri },
      position: { line: kindLine, character: 'kind: '.length },
    });
    const items = Array.isArray(completion) ? completion : (completion?.items ?? []);
    assert.deepEqual(
      items.map((i) => i.label),
      ['Scheduled', 'NRT'],
    );

    const pipeline =
      'on: push\njobs:\n  build:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo "| where x"\n';
    assert.deepEqual(await open(client, 'file:///workspace/.github/workflows/ci.yml', 'yaml', pipeline), []);
    assert.deepEqual(
      await open(client, 'file:///workspace/package.json', 'json', '{ "name": "x", "query": "T | where" }'),
      [],
    );
    const readme = '# Hunt\n\n```kql\nDeviceNetworkEvents | where RemoteUrl hass "x"\n```\n';
    const markdown = await open(client, 'file:///workspace/README.md', 'markdown', readme);
    assert.equal(
      markdown.length > 0 && markdown.every((d) => d.range.start.line === 3),
      true,
      JSON.stringify(markdown),
    );
    assert.equal(await client.shutdown(), 0);
  } finally {
    client.kill();
  }
});

test('an id shared with another rule file in the workspace folder is reported with that file', async () => {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'kql-rules-'));
  const id = '0a1b2c3d-1111-2222-3333-444455556666';
  fs.writeFileSync(path.join(folder, 'first.yaml'), RULE(id, 'RemoteUrl'));
  fs.mkdirSync(path.join(folder, 'nested'));
  fs.writeFileSync(path.join(folder, 'nested', 'second.yaml'), RULE(id, 'RemoteUrl'));
  const client = new LspTestClient();
  try {
    client.connection.onRequest('workspace/workspaceFolders', () => [
      { uri: pathToFileURL(folder).toString(), name: 'rules' },
    ]);
    await client.initialize({ workspace: { workspaceFolders: true } });
    const uri = pathToFileURL(path.join(folder, 'first.yaml')).toString();
    const duplicate = client.nextDiagnostics(uri, (p) =>
      p.diagnostics.some((d) => d.code === 'rule-id-duplicate'),
    );
    await client.connection.sendNotification(DidOpenTextDocumentNotification.type, {
      textDocument: { uri, languageId: 'yaml', version: 1, text: RULE(id, 'RemoteUrl') },
    });
    const found = (await duplicate).diagnostics.find((d) => d.code === 'rule-id-duplicate')!;
    assert.match(String(found.message), /also used by nested\/second\.yaml/);
    assert.equal(await client.shutdown(), 0);
  } finally {
    client.kill();
    fs.rmSync(folder, { recursive: true, force: true });
  }
});

test('a misspelt tactic and a lower-case technique in a CRLF rule get quick fixes over the protocol', async () => {
  const client = new LspTestClient();
  try {
    await client.initialize();
    const uri = 'file:///workspace/rules/typos.yaml';
    const text = RULE('3f1c2a5e-7b8d-4e6f-9a0b-1c2d3e4f5a6b', 'RemoteUrl')
      .replace('  - CommandAndControl', '  - Command and Control')
      .replace('  - T1219', '  - t1219')
      .replace(/\n/g, '\r\n');
    const diagnostics = await open(client, uri, 'yaml', text);
    assert.deepEqual(
      diagnostics.map((d) => d.code).sort(),
      ['rule-tactic', 'rule-technique-format'],
      JSON.stringify(diagnostics),
    );
    const document = TextDocument.create(uri, 'yaml', 1, text);
    const edits = [];
    for (const diagnostic of diagnostics) {
      const actions = await client.connection.sendRequest(CodeActionRequest.type, {
        textDocument: { uri },
        range: diagnostic.range,
        context: { diagnostics: [diagnostic] },
      });
      const fix = actions?.find((a) => 'edit' in a && a.isPreferred);
      assert.ok(
        fix && 'edit' in fix && fix.edit?.changes,
        `no quick fix for ${diagnostic.code}: ${JSON.stringify(actions)}`,
      );
      edits.push(...fix.edit.changes[uri]);
    }
    const fixed = TextDocument.applyEdits(document, edits);
    assert.ok(
      fixed.includes('tactics:\r\n  - CommandAndControl\r\nrelevantTechniques:\r\n  - T1219\r\n'),
      fixed,
    );
  } finally {
    await client.shutdown().catch(() => client.kill());
  }
});
