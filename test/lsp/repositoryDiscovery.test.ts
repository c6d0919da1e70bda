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
} from 'vscode-languageserver-protocol/node';
import { LspTestClient } from '../helpers/lspClient';

const PARSER = (columns: string) =>
  `ParserName: WidgetEvents\nParserQuery: |\n  print TimeGenerated = now(), ${columns}\n`;

const errorsOf = (p: { diagnostics: { severity?: DiagnosticSeverity; message: unknown }[] }) =>
  p.diagnostics.filter((d) => d.severity === DiagnosticSeverity.Error).map((d) => String(d.message));

/**
 * The editor, like kqlhunt check, loads a detection repository's parsers from its workspace folder
 * with no setting, reloads them when a parser changes, and loads nothing when the client answers
 * repositoryDiscovery=false (as it does in Restricted Mode).
 */
for (const discovery of [true, false]) {
  test(`a repository folder's parsers with repositoryDiscovery=${discovery}`, async () => {
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'kql-repo-'));
    const parserFile = path.join(folder, 'Parsers', 'Widget', 'WidgetEvents.yaml');
    fs.mkdirSync(path.dirname(parserFile), { recursive: true });
    fs.writeFileSync(parserFile, PARSER('Colour = "red"'));
    const client = new LspTestClient();
    try {
      client.connection.onRequest(WorkspaceFoldersRequest.type, () => [
        { uri: pathToFileURL(folder).href, name: 'repo' },
      ]);
      client.connection.onRequest(ConfigurationRequest.type, (params) =>
        params.items.map(() => ({ environment: 'sentinel', repositoryDiscovery: discovery })),
      );
      const registrations: unknown[] = [];
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
      const first = client.nextDiagnostics(uri, (p) =>
        discovery ? errorsOf(p).length === 0 : errorsOf(p).some((m) => m.includes('WidgetEvents')),
      );
      await client.connection.sendNotification(DidOpenTextDocumentNotification.type, {
        textDocument: { uri, languageId: 'kql', version: 1, text: 'WidgetEvents | project Colour' },
      });
      await first;
      if (discovery) {
        // The parser no longer returns Colour: the open query is checked again against it.
        const changed = client.nextDiagnostics(uri, (p) => errorsOf(p).some((m) => m.includes("'Colour'")));
        fs.writeFileSync(parserFile, PARSER('Shade = "red"'));
        await client.connection.sendNotification(DidChangeWatchedFilesNotification.type, {
          changes: [{ uri: pathToFileURL(parserFile).href, type: FileChangeType.Changed }],
        });
        await changed;
      }
      assert.equal(await client.shutdown(), 0);
    } finally {
      client.kill();
      fs.rmSync(folder, { recursive: true, force: true });
    }
  });
}

test("an open rule gets its repository CI's skip list: the engine's error is a warning that says why", async () => {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'kql-repo-'));
  const id = '3d2e3f40-aaaa-4bbb-8ccc-0123456789ab';
  const skipFile = path.join(
    folder,
    '.script',
    'tests',
    'KqlvalidationsTests',
    'SkipValidationsTemplates.json',
  );
  fs.mkdirSync(path.dirname(skipFile), { recursive: true });
  fs.writeFileSync(
    skipFile,
    JSON.stringify([
      { id, templateName: 'rule.yaml', validationFailReason: 'NoSuchTable_CL is made by a playbook' },
    ]),
  );
  const client = new LspTestClient();
  try {
    client.connection.onRequest(WorkspaceFoldersRequest.type, () => [
      { uri: pathToFileURL(folder).href, name: 'repo' },
    ]);
    client.connection.onRequest(ConfigurationRequest.type, (params) =>
      params.items.map(() => ({ environment: 'sentinel', repositoryDiscovery: true })),
    );
    await client.initialize({ workspace: { configuration: true, workspaceFolders: true } });
    const uri = pathToFileURL(path.join(folder, 'Detections', 'rule.yaml')).href;
    const lowered = client.nextDiagnostics(uri, (p) =>
      p.diagnostics.some(
        (d) =>
          d.code === 'KS204' &&
          d.severity === DiagnosticSeverity.Warning &&
          String(d.message).includes('CI skips KQL validation') &&
          String(d.message).includes('made by a playbook'),
      ),
    );
    await client.connection.sendNotification(DidOpenTextDocumentNotification.type, {
      textDocument: {
        uri,
        languageId: 'yaml',
        version: 1,
        text: `id: ${id}\nname: skipped rule\nkind: Scheduled\nquery: |\n  NoSuchTable_CL\n  | take 1\n`,
      },
    });
    await lowered;
    assert.equal(await client.shutdown(), 0);
  } finally {
    client.kill();
    fs.rmSync(folder, { recursive: true, force: true });
  }
});
