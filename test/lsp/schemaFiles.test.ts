import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  ConfigurationRequest,
  DidChangeWatchedFilesNotification,
  DidOpenTextDocumentNotification,
  DiagnosticSeverity,
  FileChangeType,
  RegistrationRequest,
  WorkspaceFoldersRequest,
  type Registration,
} from 'vscode-languageserver-protocol/node';
import { LspTestClient } from '../helpers/lspClient';

const TABLE = (extra: string) => `\uFEFF{
  "Name": "Contoso_CL",
  "Properties": [
    {"Name": "TimeGenerated", "Type": "DateTime"},
    {"name": "User_s", "type": "string "},${extra}
  ]
}`;

/** Polls until `check` holds, for state that arrives with the server's own timing. */
async function until(check: () => boolean, what: string, timeoutMs = 15000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setImmediate(r));
  }
}

test('schema files in a workspace folder: loaded, reported when broken, reloaded on change', async () => {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'kql-schemas-'));
  const schemas = path.join(folder, 'schemas');
  fs.mkdirSync(schemas);
  const tableFile = path.join(schemas, 'contoso.json');
  const brokenFile = path.join(schemas, 'broken.json');
  fs.writeFileSync(tableFile, TABLE(''));
  fs.writeFileSync(brokenFile, '{"Name": "Broken_CL", "Properties": [ {"Name": "a" "Type": "string"} ]}');
  const folderUri = pathToFileURL(folder).href;
  const client = new LspTestClient();
  const registrations: Registration[] = [];
  try {
    client.connection.onRequest(WorkspaceFoldersRequest.type, () => [{ uri: folderUri, name: 'ws' }]);
    client.connection.onRequest(ConfigurationRequest.type, (params) =>
      params.items.map(() => ({ environment: 'sentinel', schemaFiles: ['schemas/*.json'] })),
    );
    client.connection.onRequest(RegistrationRequest.type, (params) => {
      registrations.push(...params.registrations);
    });
    await client.initialize({
      workspace: {
        configuration: true,
        workspaceFolders: true,
        didChangeWatchedFiles: { dynamicRegistration: true, relativePatternSupport: true },
      },
    });

    const uri = pathToFileURL(path.join(folder, 'hunt.kql')).href;
    const text = 'Contoso_CL | where TimeGenerated > ago(1d) | project User_s';
    const loaded = client.nextDiagnostics(uri, (p) =>
      p.diagnostics.every((d) => d.severity !== DiagnosticSeverity.Error),
    );
    const brokenUri = pathToFileURL(brokenFile).href;
    const brokenReported = client.nextDiagnostics(brokenUri);
    await client.connection.sendNotification(DidOpenTextDocumentNotification.type, {
      textDocument: { uri, languageId: 'kql', version: 1, text },
    });
    await loaded;

    const broken = await brokenReported;
    assert.equal(broken.diagnostics.length, 1);
    assert.equal(broken.diagnostics[0].severity, DiagnosticSeverity.Error);
    assert.match(String(broken.diagnostics[0].message), /Not valid JSON/);
    assert.equal(
      broken.diagnostics[0].range.start.character,
      '{"Name": "Broken_CL", "Properties": [ {"Name": "a" '.length,
    );

    await until(
      () => registrations.some((r) => r.method === DidChangeWatchedFilesNotification.method),
      'the file watcher registration',
    );
    const watchers = (
      registrations.find((r) => r.method === DidChangeWatchedFilesNotification.method)!.registerOptions as {
        watchers: { globPattern: unknown }[];
      }
    ).watchers;
    assert.deepEqual(
      watchers.map((w) => w.globPattern),
      [{ baseUri: folderUri, pattern: 'schemas/*.json' }],
    );

    // A new column appears in the file: the open document is checked again against it.
    const second = pathToFileURL(path.join(folder, 'second.kql')).href;
    const secondText = 'Contoso_CL | project Extra_d';
    const before = client.nextDiagnostics(second);
    await client.connection.sendNotification(DidOpenTextDocumentNotification.type, {
      textDocument: { uri: second, languageId: 'kql', version: 1, text: secondText },
    });
    assert.match(
      String((await before).diagnostics.find((d) => d.severity === DiagnosticSeverity.Error)?.message),
      /'Extra_d'/,
    );

    const noErrors = (p: { diagnostics: { severity?: DiagnosticSeverity }[] }) =>
      p.diagnostics.every((d) => d.severity !== DiagnosticSeverity.Error);
    const after = client.nextDiagnostics(second, noErrors);
    const fixed = client.nextDiagnostics(brokenUri, (p) => p.diagnostics.length === 0);
    fs.writeFileSync(tableFile, TABLE('\n    {"Name": "Extra_d", "Type": "Double"},'));
    fs.writeFileSync(brokenFile, '{"Name": "Broken_CL", "Properties": [ {"Name": "a", "Type": "string"} ]}');
    await client.connection.sendNotification(DidChangeWatchedFilesNotification.type, {
      changes: [
        { uri: pathToFileURL(tableFile).href, type: FileChangeType.Changed },
        { uri: brokenUri, type: FileChangeType.Changed },
      ],
    });
    await after;
    await fixed;

    assert.equal(await client.shutdown(), 0);
  } finally {
    client.kill();
    fs.rmSync(folder, { recursive: true, force: true });
  }
});
