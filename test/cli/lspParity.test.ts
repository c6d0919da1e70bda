import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  ConfigurationRequest,
  DidOpenTextDocumentNotification,
  type Diagnostic,
} from 'vscode-languageserver-protocol/node';
import { collectFiles } from '../../server/src/cli/fileCollection';
import { languageIdOf } from '../../server/src/cli/languageIds';
import { runBin } from '../helpers/cliHarness';
import { LspTestClient } from '../helpers/lspClient';
import { FIXTURES } from '../helpers/paths';

/**
 * The promise of kqlhunt: the same findings as the editor. The built language server is given
 * the settings of the project's .kqlhunt.json through workspace/configuration, as VS Code would
 * give it the workspace's kqlHunting settings, and opens every file kqlhunt checks; its published
 * diagnostics must be exactly kqlhunt's JSON findings (hints aside: the editor does not list
 * them as problems, and kqlhunt leaves them out).
 */
const PROJECT = path.join(FIXTURES, 'cli', 'project');

interface Row {
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  severity: string;
  code: string;
  message: string;
}

const SEVERITY: Record<number, string> = { 1: 'error', 2: 'warning', 3: 'info' };

function fromLsp(file: string, d: Diagnostic): Row | undefined {
  const severity = SEVERITY[d.severity ?? 1];
  if (!severity) return undefined;
  return {
    file,
    line: d.range.start.line + 1,
    column: d.range.start.character + 1,
    endLine: d.range.end.line + 1,
    endColumn: d.range.end.character + 1,
    severity,
    code: String(d.code),
    message: typeof d.message === 'string' ? d.message : d.message.value,
  };
}

const key = (r: Row) => JSON.stringify([r.file, r.line, r.column, r.endLine, r.endColumn, r.code, r.message]);

test('kqlhunt check reports exactly the diagnostics the language server publishes for the same files and settings', async () => {
  const settings = JSON.parse(fs.readFileSync(path.join(PROJECT, '.kqlhunt.json'), 'utf8')) as Record<
    string,
    unknown
  >;
  const cli = await runBin(['check', '--format', 'json', '--quiet'], PROJECT);
  assert.equal(cli.code, 1, cli.stderr);
  const cliRows = (JSON.parse(cli.stdout) as Row[]).sort((a, b) => key(a).localeCompare(key(b)));

  const files = await collectFiles(['.'], PROJECT);
  assert.ok(files.length >= 6);
  const client = new LspTestClient();
  try {
    client.connection.onRequest(ConfigurationRequest.type, (params) =>
      params.items.map((item) => (item.section === 'kqlHunting' ? settings : null)),
    );
    await client.initialize({ workspace: { configuration: true } });
    const lspRows: Row[] = [];
    for (const file of files) {
      const uri = pathToFileURL(file).href;
      const languageId = languageIdOf(file)!;
      const published = client.nextDiagnostics(uri);
      await client.connection.sendNotification(DidOpenTextDocumentNotification.type, {
        textDocument: { uri, languageId, version: 1, text: fs.readFileSync(file, 'utf8') },
      });
      const display = path.relative(PROJECT, file).split(path.sep).join('/');
      for (const d of (await published).diagnostics) {
        const row = fromLsp(display, d);
        if (row) lspRows.push(row);
      }
    }
    lspRows.sort((a, b) => key(a).localeCompare(key(b)));
    assert.ok(cliRows.length >= 5);
    assert.deepEqual(cliRows, lspRows);
    assert.equal(await client.shutdown(), 0);
  } finally {
    client.kill();
  }
});
